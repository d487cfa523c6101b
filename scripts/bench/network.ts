// Network benchmark: sustained transfers/s from submission to finality across a local network of
// N validators (default 3), time to inBlock and to finalized (median, p99), CPU per node; then
// the same with 1 validator for the ratio. `npm run bench:network [-- --transfers N]`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import WebSocket from 'ws';
import { ensureChainSpec, nodeArgs, planNetwork } from '../local-network.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TRANSFERS = Number(process.env.BENCH_TRANSFERS ?? process.argv.find((a, i) => process.argv[i - 1] === '--transfers') ?? 3000);
const SENDERS = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie', 'Alice//stash', 'Bob//stash', 'Charlie//stash', 'Dave//stash', 'Eve//stash', 'Ferdie//stash'];
const CLK_TCK = 100;

interface Result { validators: number; sent: number; finalized: number; seconds: number; tps: number; inBlock: number[]; final: number[]; cpu: number[] }

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const cpuSeconds = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / CLK_TCK; // utime + stime
};

async function waitRpc(port: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"system_health","params":[]}' });
      if (r.ok) return;
    } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`node on ${port} did not start`);
}

async function run(validators: number, base: number): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'slmnet-bench-net-'));
  const plan = planNetwork({ validators, basePath: dir, rpcPort: base, p2pPort: base + 100, prometheusPort: base + 200 });
  const spec = join(dir, 'chain-spec.json');
  await ensureChainSpec(spec, plan.map((n) => n.name));
  const procs: ChildProcess[] = plan.map((n) => spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'node/src/main.ts'), ...nodeArgs(n, plan[0], spec)], { cwd: ROOT, stdio: 'ignore' }));
  try {
    await Promise.all(plan.map((n) => waitRpc(n.rpcPort)));
    const api = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${plan[0].rpcPort}`), noInitWarn: true });
    // wait until the network finalizes, so the run measures steady state
    await new Promise<void>((res) => { void api.rpc.chain.subscribeFinalizedHeads((h) => { if (h.number.toNumber() >= 2) res(); }); });
    const keyring = new Keyring({ type: 'sr25519' });
    const dest = keyring.addFromUri('//Bench//dest').address;
    console.log(`  signing ${TRANSFERS} transfers…`);
    const txs: string[] = [];
    const nonces = await Promise.all(SENDERS.map(async (s) => (await api.rpc.system.accountNextIndex(keyring.addFromUri(`//${s}`).address)).toNumber()));
    for (let i = 0; i < TRANSFERS; i++) {
      const k = i % SENDERS.length;
      const pair = keyring.addFromUri(`//${SENDERS[k]}`);
      const tx = api.tx.balances.transferKeepAlive(dest, 1_000_000_000_000n);
      txs.push((await tx.signAsync(pair, { nonce: nonces[k]++, era: 0 })).toHex());
    }
    await api.disconnect();
    const cpu0 = procs.map((p) => cpuSeconds(p.pid!));
    // senders are spread over the nodes: transactions reach the authors over the network
    // several connections per node: a connection may hold at most 1024 subscriptions (jsonrpsee's limit)
    const perNode = Math.ceil(TRANSFERS / plan.length / 900);
    const sockets = await Promise.all(plan.flatMap((n) => Array.from({ length: perNode }, () => n)).map((n) => new Promise<WebSocket>((res, rej) => {
      const ws = new WebSocket(`ws://127.0.0.1:${n.rpcPort}`, { maxPayload: 64 * 1024 * 1024 });
      ws.once('open', () => res(ws));
      ws.once('error', rej);
    })));
    const inBlock: number[] = [];
    const final: number[] = [];
    const subs = new Map<string, { t0: number; done: (ok: boolean) => void; inBlock?: boolean }>();
    const pending = new Map<number, { t0: number; done: (ok: boolean) => void }>();
    for (const ws of sockets) {
      ws.on('message', (raw) => {
        const m = JSON.parse(raw.toString());
        if (m.id !== undefined) {
          const p = pending.get(m.id)!;
          pending.delete(m.id);
          if (m.error) return p.done(false);
          subs.set(m.result, p);
          return;
        }
        const s = subs.get(m.params?.subscription);
        const r = m.params?.result;
        if (!s || r === undefined) return;
        if (typeof r === 'object' && 'inBlock' in r && !s.inBlock) { s.inBlock = true; inBlock.push(Date.now() - s.t0); }
        if (typeof r === 'object' && 'finalized' in r) { final.push(Date.now() - s.t0); subs.delete(m.params.subscription); s.done(true); }
        if (r === 'dropped' || r === 'invalid' || (typeof r === 'object' && 'usurped' in r)) { subs.delete(m.params.subscription); s.done(false); }
      });
    }
    const t0 = Date.now();
    let id = 0;
    const results = await Promise.all(txs.map((xt, i) => new Promise<boolean>((done) => {
      const my = ++id;
      pending.set(my, { t0: Date.now(), done });
      // each sender talks to one node (as a wallet does); spreading one sender's nonces over
      // nodes would park most of them in the pools' future queues (819 each, like Substrate)
      sockets[(i % SENDERS.length) % sockets.length].send(JSON.stringify({ jsonrpc: '2.0', id: my, method: 'author_submitAndWatchExtrinsic', params: [xt] }));
    })));
    const seconds = (Date.now() - t0) / 1000;
    const cpu = procs.map((p, i) => (cpuSeconds(p.pid!) - cpu0[i]) / seconds);
    for (const ws of sockets) ws.close();
    const finalized = results.filter(Boolean).length;
    return { validators, sent: txs.length, finalized, seconds, tps: finalized / seconds, inBlock, final, cpu };
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    rmSync(dir, { recursive: true, force: true });
  }
}

const report = (r: Result) => console.log([
  `${r.validators} validator(s): ${r.finalized}/${r.sent} transfers finalized in ${r.seconds.toFixed(1)} s → ${r.tps.toFixed(0)} finalized transfers/s`,
  `  time to inBlock   median ${pct(r.inBlock, 50)} ms, p99 ${pct(r.inBlock, 99)} ms`,
  `  time to finalized median ${pct(r.final, 50)} ms, p99 ${pct(r.final, 99)} ms`,
  `  CPU per node: ${r.cpu.map((c) => `${(c * 100).toFixed(0)}%`).join(', ')}`,
].join('\n'));

await cryptoWaitReady();
console.log(`SLMnet network benchmark: ${TRANSFERS} transfers from ${SENDERS.length} senders spread over the nodes`);
const three = await run(3, 19_944);
report(three);
const one = await run(1, 29_944);
report(one);
console.log(`ratio 3 validators / 1 validator: ${(three.tps / one.tps).toFixed(2)} (finalized transfers/s)`);
process.exit(0);
