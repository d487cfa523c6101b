// Indexes a generated chain with an indexer CLI and dumps every table of the resulting database, each table's rows as text
// in sorted order, to compare the output of two indexer versions byte for byte:
//   node --import tsx scripts/bench/indexer-dump.ts --chain-dir /tmp/chain1k --out /tmp/new.dump [--bin <other tree>/indexer/bin/slmnet-indexer.js]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { PGlite } from '@electric-sql/pglite';
import { sleep, waitRpc } from './common.ts';
import { freePort } from '../../test/helpers/node.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const o = new Command('indexer-dump')
  .requiredOption('--chain-dir <dir>', 'a chain made by npm run chain:gen')
  .requiredOption('--out <file>', 'dump file')
  .option('--bin <path>', 'indexer CLI to run', join(ROOT, 'indexer/bin/slmnet-indexer.js'))
  .option('--batch-restart <n>', 'stop and restart the indexer every n seconds (0: never)', (v) => Number(v), 0)
  .parse(process.argv.slice(2), { from: 'user' })
  .opts<{ chainDir: string; out: string; bin: string; batchRestart: number }>();

const gen = JSON.parse(readFileSync(join(o.chainDir, 'chain-gen.json'), 'utf8')) as { chainId: string; head: { number: number } };
const head = gen.head.number;
const procs: ChildProcess[] = [];
const child = (args: string[]) => {
  const p = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  procs.push(p);
  return p;
};
const stop = (p: ChildProcess) => new Promise<void>((r) => { if (p.exitCode !== null || p.signalCode !== null) r(); else { p.once('exit', () => r()); p.kill('SIGTERM'); } });
const dbDir = mkdtempSync(join(tmpdir(), 'slmnet-dump-'));
try {
  const rpcPort = await freePort();
  const node = child(['--import', 'tsx', join(ROOT, 'node/src/main.ts'), '--chain', gen.chainId === 'dev' ? 'dev' : 'local', '--base-path', o.chainDir,
    '--rpc-port', String(rpcPort), '--port', String(await freePort()), '--no-prometheus', '--no-mdns']);
  await waitRpc(rpcPort);
  const t0 = performance.now();
  for (let done = false; !done;) {
    const apiPort = await freePort();
    const idx = child([o.bin, '--url', `ws://127.0.0.1:${rpcPort}`, '--db', dbDir, '--port', String(apiPort)]);
    const started = performance.now();
    for (;;) {
      if (idx.exitCode !== null) throw new Error(`indexer exited with ${idx.exitCode}`);
      try {
        const h = (await (await fetch(`http://127.0.0.1:${apiPort}/health`)).json()) as { indexed: number | null; indexedFinalized: number | null };
        if (h.indexed === head && h.indexedFinalized === head) { done = true; break; }
      } catch { /* starting */ }
      if (o.batchRestart > 0 && performance.now() - started > o.batchRestart * 1000) break;
      await sleep(100);
    }
    await stop(idx);
  }
  process.stderr.write(`indexed #${head} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  await stop(node);
  const db = await PGlite.create(dbDir);
  const tables = (await db.query<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY 1")).rows.map((r) => r.t);
  const out: string[] = [];
  for (const t of tables) {
    const rows = (await db.query<{ r: string }>(`SELECT x::text AS r FROM ${t} x ORDER BY 1`)).rows;
    out.push(`== ${t} (${rows.length})`, ...rows.map((r) => r.r));
  }
  await db.close();
  writeFileSync(o.out, out.join('\n') + '\n');
  process.stderr.write(`${tables.length} tables, ${out.length - tables.length} rows → ${o.out}\n`);
} finally {
  for (const p of procs) await stop(p);
  rmSync(dbDir, { recursive: true, force: true });
}
