// Network benchmark on local networks of 3 validators and of 1 (for the ratio):
//  - idle: slots elapsed vs blocks authored (missed slots);
//  - sustained: transfers offered at a fixed rate (default 300/s for 20 s), submitted over
//    author_submitAndWatchExtrinsic: finalized transfers/s, time to inBlock and to finalized
//    (median, p99), finality lag (best − finalized, in blocks) under that load, CPU per node;
//  - burst: a batch submitted at once (default 3,000): the capacity, finalized transfers/s.
// `npm run bench:network [-- --rate 300 --seconds 20 --burst 3000]`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { Command, InvalidArgumentError } from 'commander';
import WebSocket from 'ws';
import { ensureChainSpec, nodeArgs, planNetwork, type NetworkNode } from '../local-network.ts';
import { call, cpuSeconds, pct, sleep, waitRpc } from './common.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SENDERS = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie', 'Alice//stash', 'Bob//stash', 'Charlie//stash', 'Dave//stash', 'Eve//stash', 'Ferdie//stash'];
const SLOT_MS = 2000;
const IDLE_SECONDS = 12;

const int = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a non-negative integer`);
  return n;
};
const opts = new Command('bench:network')
  .description('Transfers/s, latency and finality lag on local networks of 3 validators and of 1 (same machine, same run).')
  .option('--rate <n>', 'offered transfers per second in the sustained phase', int('--rate'), 300)
  .option('--seconds <n>', 'length of the sustained phase', int('--seconds'), 20)
  .option('--burst <n>', 'transfers submitted at once in the burst phase (0: skip)', int('--burst'), 3000)
  .parse(process.argv.slice(2), { from: 'user' })
  .opts<{ rate: number; seconds: number; burst: number }>();

interface Load { offered: number; sent: number; finalized: number; seconds: number; tps: number; steadyTps?: number; inBlock: number[]; final: number[]; cpu: number[]; lag: number[]; failed: Record<string, number> }
interface Result { validators: number; idle: { slots: number; blocks: number }; sustained: Load; burst?: Load }

const number = async (port: number, finalized: boolean) =>
  parseInt((await call(port, 'chain_getHeader', finalized ? [await call(port, 'chain_getFinalizedHead')] : [])).number, 16);

/** Signs `count` transfers round-robin over the senders, continuing their nonces. */
async function sign(api: ApiPromise, count: number): Promise<string[]> {
  const keyring = new Keyring({ type: 'sr25519' });
  const dest = keyring.addFromUri('//Bench//dest').address;
  const pairs = SENDERS.map((s) => keyring.addFromUri(`//${s}`));
  const nonces = await Promise.all(pairs.map(async (p) => (await api.rpc.system.accountNextIndex(p.address)).toNumber()));
  const txs: string[] = [];
  for (let i = 0; i < count; i++) {
    const k = i % SENDERS.length;
    txs.push((await api.tx.balances.transferKeepAlive(dest, 1_000_000_000_000n).signAsync(pairs[k], { nonce: nonces[k]++, era: 0 })).toHex());
  }
  return txs;
}

/** Submits `txs` at `rate` per second (Infinity: all at once) and follows each to finality. */
async function load(plan: NetworkNode[], procs: ChildProcess[], txs: string[], rate: number): Promise<Load> {
  // several connections per node: a connection may hold at most 1024 subscriptions (jsonrpsee's limit)
  const perNode = Math.ceil(txs.length / plan.length / 900);
  const sockets = await Promise.all(plan.flatMap((n) => Array.from({ length: perNode }, () => n)).map((n) => new Promise<WebSocket>((res, rej) => {
    const ws = new WebSocket(`ws://127.0.0.1:${n.rpcPort}`, { maxPayload: 64 * 1024 * 1024 });
    ws.once('open', () => res(ws));
    ws.once('error', rej);
  })));
  const inBlock: number[] = [];
  const final: number[] = [];
  const finalizedAt: number[] = [];
  const failed: Record<string, number> = {};
  const fail = (why: string) => { failed[why] = (failed[why] ?? 0) + 1; };
  const subs = new Map<string, { t0: number; done: (ok: boolean) => void; inBlock?: boolean }>();
  const pending = new Map<number, { t0: number; done: (ok: boolean) => void }>();
  for (const ws of sockets) {
    ws.on('message', (raw) => {
      const m = JSON.parse(raw.toString());
      if (m.id !== undefined) {
        const p = pending.get(m.id)!;
        pending.delete(m.id);
        if (m.error) { fail(`refused: ${m.error.message}`); return p.done(false); }
        subs.set(m.result, p);
        return;
      }
      const s = subs.get(m.params?.subscription);
      const r = m.params?.result;
      if (!s || r === undefined) return;
      if (typeof r === 'object' && 'inBlock' in r && !s.inBlock) { s.inBlock = true; inBlock.push(Date.now() - s.t0); }
      if (typeof r === 'object' && 'finalized' in r) {
        final.push(Date.now() - s.t0);
        finalizedAt.push(Date.now());
        subs.delete(m.params.subscription);
        s.done(true);
      }
      if (r === 'dropped' || r === 'invalid' || (typeof r === 'object' && ('usurped' in r || 'finalityTimeout' in r))) {
        fail(typeof r === 'string' ? r : Object.keys(r)[0]);
        subs.delete(m.params.subscription);
        s.done(false);
      }
    });
  }
  // finality lag under load, sampled on the first node
  const lag: number[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const [best, fin] = await Promise.all([number(plan[0].rpcPort, false), number(plan[0].rpcPort, true)]);
      lag.push(best - fin);
      await sleep(500);
    }
  })();
  const cpu0 = procs.map((p) => cpuSeconds(p.pid!));
  const t0 = Date.now();
  let id = 0;
  const submit = (xt: string, i: number) => new Promise<boolean>((done) => {
    const my = ++id;
    pending.set(my, { t0: Date.now(), done });
    // each sender talks to one node (as a wallet does); spreading one sender's nonces over
    // nodes would park most of them in the pools' future queues (819 each, like Substrate)
    sockets[(i % SENDERS.length) % sockets.length].send(JSON.stringify({ jsonrpc: '2.0', id: my, method: 'author_submitAndWatchExtrinsic', params: [xt] }));
  });
  const results: Promise<boolean>[] = [];
  if (rate === Infinity) txs.forEach((xt, i) => results.push(submit(xt, i)));
  else {
    // open loop: every 100 ms, the transfers due by then
    for (let i = 0; i < txs.length;) {
      const due = Math.min(txs.length, Math.floor(((Date.now() - t0) / 1000) * rate) + 1);
      for (; i < due; i++) results.push(submit(txs[i], i));
      await sleep(100);
    }
  }
  const submittedFor = (Date.now() - t0) / 1000;
  const ok = await Promise.all(results);
  const seconds = (Date.now() - t0) / 1000;
  sampling = false;
  await sampler;
  const cpu = procs.map((p, i) => (cpuSeconds(p.pid!) - cpu0[i]) / seconds);
  for (const ws of sockets) ws.close();
  const finalized = ok.filter(Boolean).length;
  // steady state: finalizations per second from 5 s in until submission ends (the pipeline is full)
  const steadyTps = rate === Infinity || submittedFor <= 6 ? undefined
    : finalizedAt.filter((t) => t >= t0 + 5000 && t <= t0 + submittedFor * 1000).length / (submittedFor - 5);
  return { offered: rate, sent: txs.length, finalized, seconds, tps: finalized / seconds, steadyTps, inBlock, final, cpu, lag, failed };
}

async function run(validators: number, base: number): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'slmnet-bench-net-'));
  const plan = planNetwork({ validators, basePath: dir, rpcPort: base, p2pPort: base + 100, prometheusPort: base + 200 });
  const spec = join(dir, 'chain-spec.json');
  await ensureChainSpec(spec, plan.map((n) => n.name));
  // BENCH_LOG_DIR=<dir> keeps each node's log (GRANDPA and sync at debug level); BENCH_CPU_PROF=<dir> CPU profiles
  const logDir = process.env.BENCH_LOG_DIR;
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
  const procs: ChildProcess[] = plan.map((n) => {
    const log = logDir ? openSync(join(logDir, `${validators}-${n.name}.log`), 'w') : 'ignore';
    return spawn(process.execPath, [...prof, '--import', 'tsx', join(ROOT, 'node/src/main.ts'), ...nodeArgs(n, plan[0], spec), ...(logDir ? ['-l', 'grandpa=debug,sync=debug'] : [])],
      { cwd: ROOT, stdio: ['ignore', log, log] });
  });
  try {
    await Promise.all(plan.map((n) => waitRpc(n.rpcPort)));
    const api = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${plan[0].rpcPort}`), noInitWarn: true });
    // steady state first: the network finalizes
    await new Promise<void>((res) => { void api.rpc.chain.subscribeFinalizedHeads((h) => { if (h.number.toNumber() >= 2) res(); }); });
    const port = plan[0].rpcPort;
    const b0 = await number(port, false);
    const s0 = Math.floor(Date.now() / SLOT_MS);
    await sleep(IDLE_SECONDS * 1000);
    const idle = { slots: Math.floor(Date.now() / SLOT_MS) - s0, blocks: (await number(port, false)) - b0 };
    console.log(`  signing ${opts.rate * opts.seconds} + ${opts.burst} transfers…`);
    const steady = await sign(api, opts.rate * opts.seconds);
    const sustained = await load(plan, procs, steady, opts.rate);
    let burst: Load | undefined;
    if (opts.burst) burst = await load(plan, procs, await sign(api, opts.burst), Infinity);
    await api.disconnect();
    return { validators, idle, sustained, burst };
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await sleep(1000);
    rmSync(dir, { recursive: true, force: true });
  }
}

const describeLoad = (what: string, l: Load) => [
  `  ${what}: ${l.finalized}/${l.sent} finalized in ${l.seconds.toFixed(1)} s → ${l.tps.toFixed(0)} finalized transfers/s`
    + (l.steadyTps !== undefined ? ` (steady state, 5 s in until the last submission: ${l.steadyTps.toFixed(0)}/s)` : ''),
  `    time to inBlock   median ${pct(l.inBlock, 50)} ms, p99 ${pct(l.inBlock, 99)} ms`,
  `    time to finalized median ${pct(l.final, 50)} ms, p99 ${pct(l.final, 99)} ms`,
  `    finality lag (best − finalized) median ${pct(l.lag, 50)} blocks, p99 ${pct(l.lag, 99)}, max ${Math.max(...l.lag)}`,
  `    CPU per node: ${l.cpu.map((c) => `${(c * 100).toFixed(0)}%`).join(', ')}`,
  ...(Object.keys(l.failed).length ? [`    not finalized: ${Object.entries(l.failed).map(([k, n]) => `${n} ${k}`).join(', ')}`] : []),
];
const report = (r: Result) => console.log([
  `${r.validators} validator(s):`,
  `  idle ${IDLE_SECONDS} s: ${r.idle.blocks} blocks in ${r.idle.slots} slots (${Math.max(0, r.idle.slots - r.idle.blocks)} missed)`,
  ...describeLoad(`sustained ${r.sustained.offered}/s offered`, r.sustained),
  ...(r.burst ? describeLoad(`burst of ${r.burst.sent}`, r.burst) : []),
].join('\n'));

await cryptoWaitReady();
console.log(`SLMnet network benchmark: transfers from ${SENDERS.length} senders, each through one node; slot ${SLOT_MS} ms`);
const three = await run(3, 19_944);
report(three);
const one = await run(1, 29_944);
report(one);
console.log(`ratio 3 validators / 1 validator (finalized transfers/s): sustained ${(three.sustained.tps / one.sustained.tps).toFixed(2)}`
  + (three.sustained.steadyTps && one.sustained.steadyTps ? `, steady state ${(three.sustained.steadyTps / one.sustained.steadyTps).toFixed(2)}` : '')
  + (three.burst && one.burst ? `, burst ${(three.burst.tps / one.burst.tps).toFixed(2)}` : ''));
process.exit(0);
