// Indexer benchmark (`npm run bench:indexer -- [--blocks 10000] [--chain-dir <dir>] [--max-seconds N]`).
//
// One generated chain of busy blocks (scripts/chain-gen.ts; kept in --chain-dir and reused when it is
// already there) served by ONE real slmnet-node process (non-validator), then, one after the other so
// that they do not compete for the CPU:
//  1. our indexer (the slmnet-indexer CLI in a child process, fresh PGlite dir): catch-up blocks/s and
//     events/s from spawn until /health says it has indexed (and finalized) the head;
//  2. the reference, @subsquid/substrate-processor 8.5.1 (scripts/bench/squid-reference.ts, a child
//     process) over the node's RPC directly, writing every event (block, index, phase, extrinsic index,
//     pallet, name, JSON args) into PGlite too (the same embedded database, so the comparison is about
//     the ingestion pipelines, not the database server), until it has processed the head;
//  3. API latency of our indexer, only once it has indexed (and finalized) the head, so that it is not
//     measured against ingestion: open-loop 200 requests/s (a request is started every 5 ms by the clock
//     whatever the previous ones do) for 20 s, rotating over the list endpoints with realistic filters
//     and GET /search?q= (if the route exists), p50/p99 of every response.
// --max-seconds caps each catch-up: the rate is then measured over the blocks indexed so far and marked
// "partial"; our indexer then still runs to the head (unmeasured, up to --api-wait seconds) before the
// API phase, which is skipped if it does not get there. Output: the tables on stdout (flushed before
// exiting) and a final line `BENCH {json}`; progress on stderr.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { generateChain, type ChainGenResult } from '../chain-gen.ts';
import { pct, sleep, waitRpc } from './common.ts';
import { freePort } from '../../test/helpers/node.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE_MAIN = join(ROOT, 'node/src/main.ts');
const INDEXER_BIN = join(ROOT, 'indexer/bin/slmnet-indexer.js');
const SQUID = join(ROOT, 'scripts/bench/squid-reference.ts');
const TARGET_BPS = 500;
const TARGET_P99_MS = 50;

const o = new Command('bench:indexer')
  .option('--blocks <n>', 'blocks of the generated chain', (v) => Number(v), 10_000)
  .option('--chain-dir <dir>', 'node base path holding the generated chain (generated there if missing, reused otherwise)')
  .option('--max-seconds <s>', 'cap on each catch-up (0: until the head)', (v) => Number(v), 0)
  .option('--rate <n>', 'API requests per second', (v) => Number(v), 200)
  .option('--duration <s>', 'API load duration in seconds', (v) => Number(v), 20)
  .option('--api-wait <s>', 'after a capped catch-up, how long our indexer may take to reach the head before the API phase (else skipped)', (v) => Number(v), 3600)
  .parse(process.argv.slice(2), { from: 'user' })
  .opts<{ blocks: number; chainDir?: string; maxSeconds: number; rate: number; duration: number; apiWait: number }>();

const progress = (s: string) => process.stderr.write(`bench: ${s}\n`);
const procs: ChildProcess[] = [];
const dirs: string[] = [];
const tmp = (p: string) => { const d = mkdtempSync(join(tmpdir(), p)); dirs.push(d); return d; };
const exited = (p: ChildProcess) => new Promise<void>((r) => { if (p.exitCode !== null || p.signalCode !== null) r(); else p.once('exit', () => r()); });
async function stop(p: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return;
  const t = setTimeout(() => p.kill('SIGKILL'), 10_000);
  p.kill(signal);
  await exited(p);
  clearTimeout(t);
}
function child(args: string[]): { proc: ChildProcess; out: () => string } {
  const proc = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  procs.push(proc);
  let out = '';
  proc.stdout!.on('data', (d) => { out += d; if (out.length > 4e6) out = out.slice(-2e6); });
  proc.stderr!.on('data', (d) => { out += d; if (out.length > 4e6) out = out.slice(-2e6); });
  return { proc, out: () => out };
}
const fmt = (n: number, d = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }) : '—');
function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const w = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  return [line(cells[0]), w.map((x) => '-'.repeat(x)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

interface CatchUp { blocks: number; events: number; seconds: number; bps: number; eps: number; reachedHead: boolean; startupSeconds: number }

async function main(): Promise<Record<string, unknown>> {
  // 1. the chain
  const chainDir = resolve(o.chainDir ?? tmp('slmnet-bench-chain-'));
  const metaFile = join(chainDir, 'chain-gen.json');
  let gen: ChainGenResult;
  if (existsSync(metaFile)) {
    gen = JSON.parse(readFileSync(metaFile, 'utf8'));
    progress(`reusing the chain in ${chainDir}: #${gen.head.number}, ${gen.events} events`);
  } else {
    progress(`generating ${o.blocks} blocks into ${chainDir}`);
    gen = await generateChain({ blocks: o.blocks, basePath: chainDir, log: progress });
    writeFileSync(metaFile, JSON.stringify(gen, null, 1));
  }
  const head = gen.head.number;
  const totalEvents = gen.events;

  // 2. one node serving it
  const rpcPort = await freePort();
  const node = child(['--import', 'tsx', NODE_MAIN, '--chain', gen.chainId === 'dev' ? 'dev' : 'local', '--base-path', chainDir, '--rpc-port', String(rpcPort),
    '--port', String(await freePort()), '--no-prometheus', '--no-mdns', '--rpc-max-connections', '1000']);
  await waitRpc(rpcPort);
  const url = `ws://127.0.0.1:${rpcPort}`;
  progress(`node serving #${head} on ${url}`);
  const cap = o.maxSeconds > 0 ? o.maxSeconds * 1000 : Infinity;

  // 3. our indexer
  const apiPort = await freePort();
  const api = `http://127.0.0.1:${apiPort}`;
  const t0 = performance.now();
  // the open-loop API load exceeds the default per-IP rate limit (6000/min): measure latency, not the limiter's 429s
  const ours = child([INDEXER_BIN, '--url', url, '--db', tmp('slmnet-bench-idx-'), '--port', String(apiPort), '--rate-limit', '0']);
  let indexed = -1;
  let firstSeen: number | undefined;
  let lastLog = 0;
  for (;;) {
    if (ours.proc.exitCode !== null) throw new Error(`our indexer exited with ${ours.proc.exitCode}:\n${ours.out().slice(-3000)}`);
    try {
      const h = (await (await fetch(`${api}/health`)).json()) as { indexed: number | null; indexedFinalized: number | null };
      indexed = h.indexed ?? -1;
      if (indexed >= 0) firstSeen ??= performance.now();
      if (h.indexed === head && h.indexedFinalized === head) break;
    } catch { /* starting */ }
    if (performance.now() - t0 > cap) break;
    if (performance.now() - lastLog > 10_000) { lastLog = performance.now(); progress(`ours: #${indexed}/${head}`); }
    await sleep(100);
  }
  const oursSec = (performance.now() - t0) / 1000;
  const oursEvents = indexed === head ? totalEvents : await eventsUpTo(api, indexed);
  const oursRes: CatchUp = {
    blocks: indexed + 1, events: oursEvents, seconds: oursSec, bps: (indexed + 1) / oursSec, eps: oursEvents / oursSec,
    reachedHead: indexed === head, startupSeconds: firstSeen ? (firstSeen - t0) / 1000 : NaN,
  };
  progress(`ours: ${oursRes.blocks} blocks in ${fmt(oursSec, 1)} s (${fmt(oursRes.bps, 1)} blocks/s)`);

  // 4. API latency on our indexer, at the head only (measured during ingestion it competes with it)
  let atHead = oursRes.reachedHead;
  const w0 = performance.now();
  while (!atHead && performance.now() - w0 < o.apiWait * 1000) {
    if (ours.proc.exitCode !== null) throw new Error(`our indexer exited with ${ours.proc.exitCode}:\n${ours.out().slice(-3000)}`);
    try {
      const h = (await (await fetch(`${api}/health`)).json()) as { indexed: number | null; indexedFinalized: number | null };
      atHead = h.indexed === head && h.indexedFinalized === head;
      if (performance.now() - lastLog > 10_000) { lastLog = performance.now(); progress(`ours (unmeasured, before the API phase): #${h.indexed}/${head}`); }
    } catch { /* busy */ }
    if (!atHead) await sleep(500);
  }
  const lat = atHead ? await apiLoad(api, head, gen) : undefined;
  if (!atHead) progress(`API phase skipped: our indexer did not reach #${head} within ${o.apiWait} s`);
  await stop(ours.proc);

  // 5. the reference
  const s0 = performance.now();
  const squid = child(['--import', 'tsx', SQUID, url, tmp('slmnet-bench-squid-')]);
  let sqHeight = -1;
  let sqEvents = 0;
  lastLog = 0;
  for (;;) {
    const m = [...squid.out().matchAll(/PROGRESS (\d+) (\d+)/g)].at(-1);
    if (m) { sqHeight = Number(m[1]); sqEvents = Number(m[2]); }
    if (sqHeight === head) break;
    if (squid.proc.exitCode !== null) throw new Error(`the reference exited with ${squid.proc.exitCode}:\n${squid.out().slice(-3000)}`);
    if (performance.now() - s0 > cap) break;
    if (performance.now() - lastLog > 10_000) { lastLog = performance.now(); progress(`reference: #${sqHeight}/${head}`); }
    await sleep(50);
  }
  const sqSec = (performance.now() - s0) / 1000;
  const refRes: CatchUp = { blocks: sqHeight + 1, events: sqEvents, seconds: sqSec, bps: (sqHeight + 1) / sqSec, eps: sqEvents / sqSec, reachedHead: sqHeight === head, startupSeconds: NaN };
  await stop(squid.proc);
  await stop(node.proc);
  progress(`reference: ${refRes.blocks} blocks in ${fmt(sqSec, 1)} s`);

  // ---- report ------------------------------------------------------------------------------
  const out: string[] = [''];
  out.push(`SLMnet indexer benchmark: ${head} generated blocks (${fmt(totalEvents)} events, ${fmt(gen.extrinsics)} extrinsics, ${fmt(totalEvents / head, 1)} events/block), one slmnet-node, node ${process.version}`);
  out.push('');
  const partial = (r: CatchUp) => (r.reachedHead ? 'head' : `partial: #${r.blocks - 1} after ${fmt(r.seconds, 0)} s cap`);
  out.push(table(['catch-up (fresh PGlite)', 'blocks', 'events', 'seconds', 'blocks/s', 'events/s', 'reached'], [
    ['ours (slmnet-indexer)', fmt(oursRes.blocks), fmt(oursRes.events), fmt(oursRes.seconds, 1), fmt(oursRes.bps, 1), fmt(oursRes.eps, 0), partial(oursRes)],
    ['reference (subsquid 8.5.1, RPC)', fmt(refRes.blocks), fmt(refRes.events), fmt(refRes.seconds, 1), fmt(refRes.bps, 1), fmt(refRes.eps, 0), partial(refRes)],
    ['ours / reference', '', '', '', fmt(oursRes.bps / refRes.bps, 2), fmt(oursRes.eps / refRes.eps, 2), ''],
  ]));
  out.push(`  our indexer's startup (spawn to first stored block): ${fmt(oursRes.startupSeconds, 1)} s, included above`);
  out.push('');
  if (lat) {
    out.push(table(['API endpoint (open loop, at the head)', 'requests', 'errors', 'p50 ms', 'p99 ms', 'max ms'], lat.rows.map((r) => [r.name, r.n, r.errors, fmt(r.p50, 1), fmt(r.p99, 1), fmt(r.max, 1)])));
    out.push(`  ${o.rate} requests/s scheduled for ${o.duration} s, ${lat.sent} sent, ${lat.done} answered; /search ${lat.search ? 'included' : 'NOT PRESENT (404): left out'}`);
    const kinds = Object.entries(lat.errorKinds);
    if (kinds.length) out.push(`  errors: ${kinds.map(([k, n]) => `${k} ×${fmt(n)}`).join(', ')}`);
  } else {
    out.push(`API latency: NOT MEASURED (our indexer did not reach the head within --api-wait ${o.apiWait} s)`);
  }
  out.push('');
  const met = (b: boolean) => (b ? 'MET' : 'NOT MET');
  out.push(table(['target', 'value', 'result'], [
    [`catch-up ≥ ${TARGET_BPS} blocks/s`, `${fmt(oursRes.bps, 1)} blocks/s`, met(oursRes.bps >= TARGET_BPS)],
    ['catch-up ≥ reference', `${fmt(oursRes.bps / refRes.bps, 2)}x`, met(oursRes.bps >= refRes.bps)],
    [`API p99 ≤ ${TARGET_P99_MS} ms at ${o.rate} req/s`, lat ? `${fmt(lat.all.p99, 1)} ms (p50 ${fmt(lat.all.p50, 1)} ms)` : 'not measured', lat ? met(lat.all.p99 <= TARGET_P99_MS) : 'NOT MEASURED'],
  ]));
  await print(out.join('\n'));
  return { head, events: totalEvents, ours: oursRes, reference: refRes, ratio: { bps: oursRes.bps / refRes.bps, eps: oursRes.eps / refRes.eps }, api: lat };
}

/** Events of blocks 0..n, from the API (blocks carry event counts). */
async function eventsUpTo(api: string, n: number): Promise<number> {
  let sum = 0;
  let cursor: number | null = n + 1;
  while (cursor !== null && cursor > 0) {
    const r = (await (await fetch(`${api}/blocks?limit=100&cursor=${cursor}`)).json()) as { items: { number: number; event_count?: number; eventCount?: number }[]; nextCursor: number | null };
    if (!r.items?.length) break;
    for (const b of r.items) if (b.number <= n) sum += Number(b.event_count ?? b.eventCount ?? 0);
    cursor = r.nextCursor;
  }
  return sum;
}

async function apiLoad(api: string, head: number, gen: ChainGenResult) {
  const get = async (p: string) => { const r = await fetch(api + p); return { status: r.status, body: await r.json().catch(() => undefined) as any }; };
  // realistic filter values from the data itself
  const transfers = (await get('/events?pallet=balances&name=Transfer&limit=100')).body?.items ?? [];
  const addresses = [...new Set(transfers.flatMap((e: any) => [e.data?.from, e.data?.to]).filter(Boolean))] as string[];
  const signers = [...new Set(((await get('/extrinsics?pallet=datanets&limit=100')).body?.items ?? []).map((x: any) => x.signer).filter(Boolean))] as string[];
  const hashes = ((await get('/blocks?limit=50&offset=100')).body?.items ?? []).map((b: any) => b.hash as string);
  const search = (await get('/search?q=1')).status !== 404;
  const rnd = (n: number) => Math.floor(Math.random() * n);
  const pick = <X>(xs: X[], d: X): X => (xs.length ? xs[rnd(xs.length)] : d);
  const routes: [string, () => string][] = [
    ['/blocks', () => `/blocks?limit=20${Math.random() < 0.5 ? '' : `&offset=${rnd(500)}`}`],
    ['/extrinsics', () => pick([
      '/extrinsics?pallet=balances&call=transferKeepAlive', '/extrinsics?pallet=datanets&call=contribute', '/extrinsics?success=false',
      `/extrinsics?signer=${pick(signers, '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPQjTgmLq3qY')}`, '/extrinsics?limit=50',
    ], '/extrinsics')],
    ['/events', () => pick([
      '/events?pallet=balances&name=Transfer', '/events?pallet=datanets&name=ContributionAccepted', `/events?block=${rnd(head + 1)}`, '/events?pallet=system&name=ExtrinsicFailed',
    ], '/events')],
    ['/accounts/:address/transfers', () => `/accounts/${pick(addresses, '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPQjTgmLq3qY')}/transfers`],
  ];
  if (search) {
    routes.push(['/search?q=', () => `/search?q=${encodeURIComponent(pick([
      String(rnd(head + 1)), pick(hashes, '0x00').slice(0, 12), pick(addresses, 'alice'), 'medical', 'Rust', pick(hashes, '0x00'),
    ], '1'))}`]);
  }
  const lat = new Map<string, number[]>(routes.map(([n]) => [n, []]));
  const errors = new Map<string, number>(routes.map(([n]) => [n, 0]));
  /** What the errors were: an HTTP status, or why the request failed. */
  const kinds = new Map<string, number>();
  const kind = (k: string) => kinds.set(k, (kinds.get(k) ?? 0) + 1);
  let sent = 0;
  let done = 0;
  const inflight: Promise<void>[] = [];
  progress(`API: ${o.rate} req/s for ${o.duration} s over ${routes.map(([n]) => n).join(', ')}`);
  const total = o.rate * o.duration;
  const startAt = performance.now();
  await new Promise<void>((res) => {
    const tick = setInterval(() => {
      // open loop: as many requests as the clock says are due, whatever is still in flight
      const due = Math.min(total, Math.floor(((performance.now() - startAt) / 1000) * o.rate) + 1);
      while (sent < due) {
        const [name, path] = routes[sent % routes.length];
        sent++;
        const t = performance.now();
        inflight.push(fetch(api + path()).then(async (r) => {
          await r.arrayBuffer();
          lat.get(name)!.push(performance.now() - t);
          if (r.status !== 200) { errors.set(name, errors.get(name)! + 1); kind(`HTTP ${r.status}`); }
        }, (e: Error & { cause?: { code?: string; message?: string } }) => {
          errors.set(name, errors.get(name)! + 1);
          kind(`failed: ${e.cause?.code ?? e.cause?.message ?? e.message}`);
        }).finally(() => { done++; }));
      }
      if (sent >= total) { clearInterval(tick); res(); }
    }, 1000 / o.rate);
  });
  await Promise.all(inflight);
  const all = [...lat.values()].flat();
  const rows = [...lat].map(([name, xs]) => ({ name, n: xs.length, errors: errors.get(name)!, p50: pct(xs, 50), p99: pct(xs, 99), max: Math.max(...xs) }));
  rows.push({ name: 'all', n: all.length, errors: [...errors.values()].reduce((a, b) => a + b, 0), p50: pct(all, 50), p99: pct(all, 99), max: Math.max(...all) });
  return { rows, all: { p50: pct(all, 50), p99: pct(all, 99) }, sent, done, search, errorKinds: Object.fromEntries(kinds), generatedCalls: gen.calls };
}

/** Writes to stdout and resolves once it is flushed (process.exit would cut off a piped stdout's pending writes). */
const print = (text: string) => new Promise<void>((r) => { process.stdout.write(`${text}\n`, () => r()); });

let code = 0;
try {
  const result = await main();
  await print(`BENCH ${JSON.stringify(result)}`);
} catch (e) {
  code = 1;
  console.error(`bench FAILED: ${(e as Error).stack ?? e}`);
} finally {
  for (const p of procs) await stop(p, 'SIGKILL').catch(() => undefined);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
process.exit(code);
