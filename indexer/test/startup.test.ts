// Starting the indexer: --from on a database that already holds blocks is ignored with a clear warning; the CLI's --help lists
// the new routes and --rate-limit.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { migrate, openPglite } from '../src/db.ts';
import { startIndexer } from '../src/index.ts';
import { hash, hex } from './fixture.ts';

/** A loopback port with nothing listening (the indexer just logs that it cannot reach the node and retries). */
const closedPort = () => new Promise<number>((res) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => res(port)); });
});

describe('--from', () => {
  it('is ignored with a warning naming the stored tip when the database already has blocks; silent on an empty one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slmnet-indexer-from-'));
    try {
      const url = `ws://127.0.0.1:${await closedPort()}`;
      const logs: string[] = [];
      const empty = await startIndexer({ url, dbDir: dir, from: 7, port: 0, log: (l) => logs.push(l) });
      await empty.stop();
      expect(logs.filter((l) => l.includes('--from'))).toEqual([]);
      const db = await openPglite(dir);
      await migrate(db);
      for (const n of [7, 8]) {
        await db.query(`INSERT INTO blocks (number, hash, parent_hash, state_root, extrinsics_root, spec_version, extrinsic_count, event_count)
          VALUES ($1, $2, $3, $4, $4, 100, 0, 0)`, [n, hash(n), hash(n - 1), hex(0xee)]);
      }
      await db.close();
      const full = await startIndexer({ url, dbDir: dir, from: 3, port: 0, log: (l) => logs.push(l) });
      await full.stop();
      expect(logs.filter((l) => l.includes('--from'))).toEqual([
        'warning: --from 3 is ignored: the database already holds blocks up to #8, so indexing resumes at #9 '
        + '(--from only sets the first block of an empty database; use a new --db to start elsewhere)',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('slmnet-indexer --help', () => {
  it('lists the new routes and --rate-limit', () => {
    const out = execFileSync(process.execPath, [resolve(import.meta.dirname, '../bin/slmnet-indexer.js'), '--help'], { encoding: 'utf8' });
    for (const s of ['GET /search?q=', 'GET /live', 'GET /docs', '--rate-limit <req/min>', 'sort=', '(default: 6000)']) expect([s, out.includes(s)]).toEqual([s, true]);
  });
});
