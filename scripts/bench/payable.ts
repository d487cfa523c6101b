// Payable AI benchmark: a local network of 3 validators (their attestor workers attest) and the
// model server. Callers pay for completions at a fixed offered rate: each signs its own
// Models.request_inference (callers spread over the three nodes), then asks the server
// POST /v1/completions {inference, wait: "settled"}. Two phases in the same run: a baseline at a low
// rate, then the load. Per phase: completions settled per second, time from request to settlement
// (median, p99), settlement lag in slots after the output's block (target: ≤ 3 at 10/s), how many
// settled by attestation quorum rather than by the attestation deadline (fallback), attestor CPU per
// inference and per attestation (the validators' slmnet_attestor_* Prometheus counters), and the
// model server's CPU.
// `npm run bench:payable [-- --rate 10 --seconds 30 --baseline-rate 1 --baseline-seconds 20]`.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  connect, contribute, createDatanet, cryptoReady, devAccount, eventOf, fromUri, publishVersion, registerModel, requestInferenceTx, review, submit,
  UNIT, type ApiPromise, type KeyringPair,
} from '@slmnet/client';
import { Command, InvalidArgumentError } from 'commander';
import { ensureChainSpec, nodeArgs, planNetwork } from '../local-network.ts';
import { cpuSeconds, pct, sleep, waitRpc } from './common.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CONTENT = join(ROOT, 'scripts/demo/content/medical-qa');
const CALLERS = 20;
const MAX_TOKENS = 24;
const PROMPT_WORDS = 6;

const num = (name: string, min: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min) throw new InvalidArgumentError(`${name} must be a number ≥ ${min}`);
  return n;
};
const opts = new Command('bench:payable')
  .description('Paid completions through the model server on 3 local validators: settled completions/s, time to settlement, settlement lag in slots, attestor CPU per inference; a baseline rate and the load in the same run.')
  .option('--rate <n>', 'offered completions per second under load', num('--rate', 0.01), 10)
  .option('--seconds <n>', 'length of the load phase', num('--seconds', 1), 30)
  .option('--baseline-rate <n>', 'offered completions per second of the baseline', num('--baseline-rate', 0.01), 1)
  .option('--baseline-seconds <n>', 'length of the baseline phase', num('--baseline-seconds', 1), 20)
  .parse(process.argv.slice(2), { from: 'user' })
  .opts<{ rate: number; seconds: number; baselineRate: number; baselineSeconds: number }>();

interface Sample {
  ok: boolean;
  error?: string;
  /** Request submitted → completion settled (the server's settled answer), ms. */
  settleMs?: number;
  outputBlock?: number;
  settledBlock?: number;
  /** Settled by the attestors' quorum (rather than by the attestation deadline). */
  quorum?: boolean;
  /** Settlement slot − output slot. */
  lagSlots?: number;
  /** When the settled answer arrived (ms since epoch). */
  at?: number;
}

interface Phase {
  name: string;
  rate: number;
  offered: number;
  samples: Sample[];
  seconds: number;
  attestorCpu: number;
  attestations: number;
  serverCpu: number;
}

/** Sum of a counter over the validators' /metrics. */
async function counter(ports: number[], name: string): Promise<number> {
  let total = 0;
  for (const p of ports) {
    const text = await (await fetch(`http://127.0.0.1:${p}/metrics`)).text();
    // `name{chain="…"} value`: the node labels every metric with its chain
    const m = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
    total += m ? Number(m[1]) : 0;
  }
  return total;
}

/** POSTs JSON without a time limit (fetch gives up on answers that take over 300 s, and settling under load can). */
function postJson(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  return new Promise((res, rej) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (r) => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', (d: string) => { text += d; });
      r.on('end', () => res({ status: r.statusCode ?? 0, body: JSON.parse(text) }));
      r.on('error', rej);
    });
    req.on('error', rej);
    req.end(JSON.stringify(body));
  });
}

/** The first words of each document's answer: prompts the reference SLM continues from that document. */
function prompts(docs: string[]): string[] {
  return docs.map((d) => (/A:\s*(.*)/s.exec(d)?.[1] ?? d).split(/\s+/).slice(0, PROMPT_WORDS).join(' '));
}

async function main(): Promise<void> {
  await cryptoReady();
  const dir = mkdtempSync(join(tmpdir(), 'slmnet-bench-payable-'));
  const plan = planNetwork({ validators: 3, basePath: dir, rpcPort: 39_944, p2pPort: 40_044, prometheusPort: 40_144 });
  const spec = join(dir, 'chain-spec.json');
  await ensureChainSpec(spec, plan.map((n) => n.name));
  // BENCH_LOG_DIR=<dir> keeps each node's and the model server's log; BENCH_CPU_PROF=<dir> the nodes' CPU profiles
  const logDir = process.env.BENCH_LOG_DIR;
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
  const out = (name: string) => (logDir ? openSync(join(logDir, `payable-${name}.log`), 'w') : 'ignore');
  const procs: ChildProcess[] = plan.map((n) => spawn(process.execPath, [...prof, '--import', 'tsx', join(ROOT, 'node/src/main.ts'), ...nodeArgs(n, plan[0], spec)],
    { cwd: ROOT, stdio: ['ignore', out(n.name), out(n.name)] }));
  const apis: ApiPromise[] = [];
  try {
    await Promise.all(plan.map((n) => waitRpc(n.rpcPort)));
    for (const n of plan) apis.push(await connect(`ws://127.0.0.1:${n.rpcPort}`, { timeoutMs: 30_000 }));
    const api = apis[0];
    await new Promise<void>((res) => { void api.rpc.chain.subscribeFinalizedHeads((h) => { if (h.number.toNumber() >= 2) res(); }); });

    // a datanet of the medical Q&A documents, a model on it, its operator and the callers
    console.log('  setting up: datanet, contributions, review, model, callers…');
    const files = readdirSync(CONTENT).filter((f) => /^[0-8]\d-.*\.txt$/.test(f)).sort();
    const docs = files.map((f) => readFileSync(join(CONTENT, f), 'utf8'));
    const alice = devAccount('Alice');
    const { datanet } = await createDatanet({ api, signer: alice }, { name: 'Medical Q&A', deposit: UNIT });
    const contributors = ['Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie', 'Bob//stash', 'Charlie//stash'].map(devAccount);
    const ids: bigint[] = [];
    await Promise.all(contributors.map(async (c, k) => {
      for (let i = k; i < docs.length; i += contributors.length) {
        ids.push((await contribute({ api, signer: c }, { datanet, content: docs[i] })).contribution);
      }
    }));
    const n0 = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    await Promise.all(ids.map((id, i) => review({ api, signer: alice, nonce: n0 + i }, id, { accept: 80 })));
    await publishVersion({ api, signer: alice }, datanet);
    const operator = devAccount('Ferdie//stash');
    const { model } = await registerModel({ api, signer: devAccount('Eve//stash') }, {
      name: 'medical-qa-slm', trainingSet: [{ datanet, version: 1 }], pricing: { baseFee: UNIT, perTokenFee: UNIT / 100n },
      split: { developerPpm: 200_000, contributorsPpm: 700_000, protocolPpm: 100_000 }, operators: [operator.address],
    });
    const callers: KeyringPair[] = Array.from({ length: CALLERS }, (_, i) => fromUri(`//Bench//caller/${i}`));
    await submit(api, api.tx.utility.batchAll(callers.map((c) => api.tx.balances.transferKeepAlive(c.address, 10_000n * UNIT))), alice);

    const server = spawn(process.execPath, [join(ROOT, 'models/bin/slmnet-model-server.js'), '--url', `ws://127.0.0.1:${plan[0].rpcPort}`, '--suri', '//Ferdie//stash', '--port', '0'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    procs.push(server);
    const serverLog = out('server');
    const url = await new Promise<string>((res, rej) => {
      let buf = '';
      server.stderr!.on('data', (d) => { if (typeof serverLog === 'number') writeSync(serverLog, d); });
      server.stdout!.on('data', (d) => {
        if (typeof serverLog === 'number') writeSync(serverLog, d);
        buf += d;
        const m = /model server on (http:\S+)/.exec(buf);
        if (m) res(m[1]);
      });
      server.once('exit', (code) => rej(new Error(`the model server exited with ${code}`)));
    });
    for (;;) {
      const list = (await (await fetch(`${url}/v1/models`)).json()) as { data: { slmnet: { index: { state: string } } }[] };
      if (list.data[0]?.slmnet.index.state === 'ready') break;
      await sleep(500);
    }
    const maxFee = (await api.call.modelsApi.quote(model, MAX_TOKENS)).unwrap().toBigInt();
    const asks = prompts(docs);
    const slotMs = api.consts.aura.slotDuration.toNumber();
    const timestamps = new Map<number, number>();
    const slotOf = async (block: number) => {
      let t = timestamps.get(block);
      if (t === undefined) {
        t = (await api.query.timestamp.now.at(await api.rpc.chain.getBlockHash(block))).toNumber();
        timestamps.set(block, t);
      }
      return Math.floor(t / slotMs);
    };
    // each caller's nonces are counted here: its requests are in flight at the same time
    const nonces = await Promise.all(callers.map(async (c) => (await api.rpc.system.accountNextIndex(c.address)).toNumber()));

    let count = 0;
    const complete = async (): Promise<Sample> => {
      const i = count++;
      const k = i % CALLERS;
      const prompt = asks[i % asks.length];
      const via = apis[k % apis.length];
      const t0 = Date.now();
      try {
        const r = await submit(via, requestInferenceTx(via, model, prompt, maxFee), callers[k], { nonce: nonces[k]++ });
        const inference = String(eventOf(r, 'models', 'InferenceRequested').inference);
        const res = await postJson(`${url}/v1/completions`, { model: String(model), prompt, max_tokens: MAX_TOKENS, inference, wait: 'settled' });
        const body = res.body as { error?: { code: string }; slmnet: { status: string; output_block: number; settlement: { block: number } | null; attribution: { status: string } | null } };
        const at = Date.now();
        if (res.status !== 200) return { ok: false, error: body.error!.code };
        const s = body.slmnet;
        if (s.status !== 'Settled') return { ok: false, error: `not settled: ${s.status}` };
        const lagSlots = (await slotOf(s.settlement!.block)) - (await slotOf(s.output_block));
        return { ok: true, settleMs: at - t0, outputBlock: s.output_block, settledBlock: s.settlement!.block, quorum: s.attribution?.status === 'Final', lagSlots, at };
      } catch (e) {
        return { ok: false, error: (e as Error).message.slice(0, 120) };
      }
    };

    const metricsPorts = plan.map((n) => n.prometheusPort);
    const phase = async (name: string, rate: number, seconds: number): Promise<Phase> => {
      console.log(`  ${name}: ${rate}/s for ${seconds} s…`);
      const [cpu0, att0, srv0] = [await counter(metricsPorts, 'slmnet_attestor_cpu_seconds_total'), await counter(metricsPorts, 'slmnet_attestor_attestations_total'), cpuSeconds(server.pid!)];
      const offered = Math.round(rate * seconds);
      const t0 = Date.now();
      const running: Promise<Sample>[] = [];
      // open loop: every 50 ms, the completions due by then
      while (running.length < offered) {
        const due = Math.min(offered, Math.floor(((Date.now() - t0) / 1000) * rate) + 1);
        while (running.length < due) running.push(complete());
        await sleep(50);
      }
      const samples = await Promise.all(running);
      const last = Math.max(...samples.map((s) => s.at ?? 0), t0 + 1);
      // every attestation of this phase is in once its inferences are settled; wait for the workers' counters
      await sleep(2 * slotMs);
      const [cpu1, att1, srv1] = [await counter(metricsPorts, 'slmnet_attestor_cpu_seconds_total'), await counter(metricsPorts, 'slmnet_attestor_attestations_total'), cpuSeconds(server.pid!)];
      return { name, rate, offered, samples, seconds: (last - t0) / 1000, attestorCpu: cpu1 - cpu0, attestations: att1 - att0, serverCpu: srv1 - srv0 };
    };
    const baseline = await phase('baseline', opts.baselineRate, opts.baselineSeconds);
    const load = await phase('load', opts.rate, opts.seconds);
    report([baseline, load], slotMs);
  } finally {
    for (const a of apis) await a.disconnect().catch(() => undefined);
    for (const p of procs) p.kill('SIGTERM');
    await sleep(1000);
    rmSync(dir, { recursive: true, force: true });
  }
}

function summary(p: Phase) {
  const ok = p.samples.filter((s) => s.ok);
  const quorum = ok.filter((s) => s.quorum);
  const lags = ok.map((s) => s.lagSlots!);
  return {
    settled: ok.length,
    perSecond: ok.length / p.seconds,
    median: pct(ok.map((s) => s.settleMs!), 50),
    p99: pct(ok.map((s) => s.settleMs!), 99),
    lagMedian: pct(lags, 50),
    lagP99: pct(lags, 99),
    within3: lags.filter((l) => l <= 3).length,
    quorum: quorum.length,
    cpuPerInference: ok.length ? p.attestorCpu / ok.length : NaN,
    cpuPerAttestation: p.attestations ? p.attestorCpu / p.attestations : NaN,
    serverCpuPerCompletion: ok.length ? p.serverCpu / ok.length : NaN,
    failed: p.samples.filter((s) => !s.ok).reduce<Record<string, number>>((m, s) => ({ ...m, [s.error!]: (m[s.error!] ?? 0) + 1 }), {}),
  };
}

function report(phases: Phase[], slotMs: number): void {
  const ms = (v: number) => `${(v / 1000).toFixed(1)} s`;
  const slots = (n: number) => `${n} slot${n === 1 ? '' : 's'}`;
  const sums = phases.map(summary);
  phases.forEach((p, i) => {
    const s = sums[i];
    console.log([
      `${p.name}: ${p.rate}/s offered, ${s.settled}/${p.offered} settled in ${p.seconds.toFixed(1)} s → ${s.perSecond.toFixed(2)} completions settled/s`,
      `  request → settled    median ${ms(s.median)}, p99 ${ms(s.p99)}`,
      `  settlement lag       median ${slots(s.lagMedian)}, p99 ${slots(s.lagP99)} after the output's block (${s.within3}/${s.settled} within 3 slots of ${slotMs / 1000} s)`,
      `  settled by quorum    ${s.quorum}/${s.settled} (the rest by the attestation deadline, fallback split)`,
      `  attestor CPU         ${(s.cpuPerInference * 1000).toFixed(1)} ms per settled inference (3 validators), ${(s.cpuPerAttestation * 1000).toFixed(1)} ms per attestation (${p.attestations} attestations)`,
      `  model server CPU     ${(s.serverCpuPerCompletion * 1000).toFixed(1)} ms per completion`,
      ...(Object.keys(s.failed).length ? [`  not settled: ${Object.entries(s.failed).map(([k, n]) => `${n} × ${k}`).join(', ')}`] : []),
    ].join('\n'));
  });
  const [b, l] = sums;
  console.log(`load / baseline: settled/s ×${(l.perSecond / b.perSecond).toFixed(2)} (offered ×${(phases[1].rate / phases[0].rate).toFixed(1)}), `
    + `median time to settlement ×${(l.median / b.median).toFixed(2)}, median lag ${slots(l.lagMedian)} vs ${slots(b.lagMedian)}, `
    + `attestor CPU per inference ×${(l.cpuPerInference / b.cpuPerInference).toFixed(2)}`);
}

console.log(`SLMnet Payable AI benchmark: 3 validators, the model server, ${CALLERS} callers, ${MAX_TOKENS}-token completions`);
await main();
process.exit(0);
