// The indexer survives `kill -9` during catch-up: a generated chain (scripts/chain-gen.ts) served by one
// real node; one slmnet-indexer process is killed with SIGKILL once some but not all blocks are stored,
// restarted on the same PGlite directory and left to reach the head; a second one indexes the same chain
// without interruption into another directory. Both databases must then hold exactly the same rows in
// every table: no gap, no duplicate, nothing half-written; and the same indexes (the crashed one caught up with the chain
// tables' secondary indexes deferred, and builds them at the head).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '@slmnet/indexer';
import { generateChain } from '../scripts/chain-gen.ts';
import { ROOT, freePort, removeDir, startNode, tempDir, waitFor, type RunningNode } from './helpers/node.ts';

const INDEXER_BIN = join(ROOT, 'indexer/bin/slmnet-indexer.js');
const BLOCKS = 300;

interface Indexer { proc: ChildProcess; api: string; out: () => string }

function startIndexer(url: string, db: string, port: number, env: Record<string, string> = {}): Indexer {
  const proc = spawn(process.execPath, [INDEXER_BIN, '--url', url, '--db', db, '--port', String(port)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  proc.stdout!.on('data', (d) => { out += d; });
  proc.stderr!.on('data', (d) => { out += d; });
  return { proc, api: `http://127.0.0.1:${port}`, out: () => out };
}

const exited = (p: ChildProcess) => new Promise<void>((r) => { if (p.exitCode !== null || p.signalCode !== null) r(); else p.once('exit', () => r()); });

async function health(ix: Indexer): Promise<{ indexed: number | null; indexedFinalized: number | null } | undefined> {
  try { return (await (await fetch(`${ix.api}/health`)).json()) as { indexed: number | null; indexedFinalized: number | null }; } catch { return undefined; }
}

/** Waits until the indexer has stored and finalized the head. */
const atHead = (ix: Indexer, head: number) => waitFor(async () => {
  if (ix.proc.exitCode !== null) throw new Error(`indexer exited with ${ix.proc.exitCode}:\n${ix.out().slice(-2000)}`);
  const h = await health(ix);
  return h?.indexed === head && h.indexedFinalized === head ? h : undefined;
}, `indexer at #${head}`, 90_000, 200);

/** Every table of the public schema, every row, in a fixed order; columns that record when the indexer did something (timestamps named *_at) left out. */
async function dump(db: Database): Promise<Record<string, unknown[]>> {
  const cols = await db.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns c
     WHERE table_schema = 'public' AND EXISTS (SELECT 1 FROM information_schema.tables t WHERE t.table_schema = 'public' AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE')
     ORDER BY table_name, ordinal_position`);
  const tables = new Map<string, { name: string; type: string }[]>();
  for (const c of cols) {
    if (/_at$/.test(c.column_name) && c.data_type.startsWith('timestamp')) continue;
    tables.set(c.table_name, [...(tables.get(c.table_name) ?? []), { name: `"${c.column_name}"`, type: c.data_type }]);
  }
  const out: Record<string, unknown[]> = {};
  for (const [t, cs] of tables) {
    // json has no ordering: its text does
    const order = cs.map((c) => (c.type === 'json' ? `${c.name}::text` : c.name));
    out[t] = await db.query(`SELECT ${cs.map((c) => c.name).join(', ')} FROM "${t}" ORDER BY ${order.join(', ')}`);
  }
  return out;
}

describe('indexer crash (kill -9 during catch-up)', () => {
  let node: RunningNode;
  const dirs: string[] = [];
  const procs: ChildProcess[] = [];
  let head = 0;

  beforeAll(async () => {
    const base = tempDir('slmnet-crash-chain-');
    dirs.push(base);
    const gen = await generateChain({ blocks: BLOCKS, basePath: base, chain: 'dev', progress: false });
    head = gen.head.number;
    node = await startNode({ basePath: base, dev: false, args: ['--chain', 'dev', '--port', String(await freePort()), '--no-mdns'] });
  }, 120_000);

  afterAll(async () => {
    for (const p of procs) { if (p.exitCode === null && p.signalCode === null) { p.kill('SIGKILL'); await exited(p); } }
    await node?.stop();
    for (const d of dirs) removeDir(d);
  });

  it('a restarted indexer ends with exactly the rows of an uninterrupted one', async () => {
    const crashDir = tempDir('slmnet-crash-a-');
    const cleanDir = tempDir('slmnet-crash-b-');
    dirs.push(crashDir, cleanDir);

    // the uninterrupted run keeps every index up to date; the crashing one catches up without the chain tables' secondary
    // indexes (the chain is shorter than the default threshold), so it is killed while they are deferred
    const clean = startIndexer(node.url, cleanDir, await freePort(), { SLMNET_INDEXER_DEFER_INDEXES: '0' });
    procs.push(clean.proc);
    const bulk = { SLMNET_INDEXER_DEFER_INDEXES: '100' };
    const crashing = startIndexer(node.url, crashDir, await freePort(), bulk);
    procs.push(crashing.proc);
    // some blocks stored (a batch committed), the head not reached yet
    const before = await waitFor(async () => {
      const h = await health(crashing);
      return h?.indexed !== null && h?.indexed !== undefined && h.indexed > 0 ? h.indexed : undefined;
    }, 'the first stored blocks', 90_000, 50);
    crashing.proc.kill('SIGKILL');
    await exited(crashing.proc);
    expect(crashing.proc.signalCode).toBe('SIGKILL');
    expect(before).toBeLessThan(head);
    expect(crashing.out()).toMatch(/indexes of the chain tables are built when it reaches the head/);

    const restarted = startIndexer(node.url, crashDir, await freePort(), bulk);
    procs.push(restarted.proc);
    await atHead(restarted, head);
    await atHead(clean, head);
    for (const ix of [restarted, clean]) { ix.proc.kill('SIGTERM'); await exited(ix.proc); }

    const [a, b] = [await openPglite(crashDir), await openPglite(cleanDir)];
    try {
      const [da, db] = [await dump(a), await dump(b)];
      expect(Object.keys(da)).toEqual(Object.keys(db));
      expect(da.blocks.length).toBe(head + 1);
      expect((da.blocks as { number: number }[]).map((r) => r.number)).toEqual(Array.from({ length: head + 1 }, (_, i) => i));
      expect(da.events.length).toBeGreaterThan(head * 10);
      for (const t of Object.keys(da)) expect({ table: t, rows: da[t] }).toEqual({ table: t, rows: db[t] });
      // the deferred indexes were built again, as the migrations define them
      const indexes = (d: Database) => d.query("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname");
      expect(await indexes(a)).toEqual(await indexes(b));
      expect(restarted.out()).toMatch(/building the 5 indexes deferred during the catch-up/);
    } finally {
      await a.close();
      await b.close();
    }
  }, 150_000);
});
