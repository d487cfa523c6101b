// Operability as a Substrate operator sees it: Prometheus metrics with
// Substrate's names on `--prometheus-port`, and Substrate-style log lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, removeDir, rpc, startNode, waitFor, type RunningNode } from './helpers/node.ts';

let node: RunningNode;
let metricsPort: number;

beforeAll(async () => {
  metricsPort = await freePort();
  node = await startNode({ prometheus: true, args: ['--prometheus-port', String(metricsPort)] });
});

afterAll(async () => {
  await node?.stop();
  if (node) removeDir(node.basePath);
});

const call = async (method: string, params: unknown[] = []) => {
  const r = await rpc(node.httpUrl, method, params);
  expect(r.error, `${method}: ${JSON.stringify(r.error)}`).toBeUndefined();
  return r.result;
};
const numberOf = async (hash: string) => parseInt((await call('chain_getHeader', [hash])).number, 16);
/** Substrate's Display of a hash: first and last two bytes. */
const short = (hash: string) => `${hash.slice(0, 6)}…${hash.slice(-4)}`;

// ---------------------------------------------------------------- metrics

interface Sample { name: string; labels: Record<string, string>; value: number }

function parseMetrics(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/.exec(line);
    expect(m, `unparsable metrics line: ${line}`).not.toBeNull();
    const labels: Record<string, string> = {};
    for (const l of (m![2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2];
    out.push({ name: m![1], labels, value: Number(m![3]) });
  }
  return out;
}

async function scrape(): Promise<{ text: string; samples: Sample[]; contentType: string | null }> {
  const r = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
  expect(r.status).toBe(200);
  const text = await r.text();
  return { text, samples: parseMetrics(text), contentType: r.headers.get('content-type') };
}

const sample = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

const heights = (samples: Sample[]) => ({
  best: sample(samples, 'substrate_block_height', { status: 'best' })?.value,
  finalized: sample(samples, 'substrate_block_height', { status: 'finalized' })?.value,
});

describe('Prometheus metrics on --prometheus-port', () => {
  it('serves substrate_block_height{status="best"|"finalized"} and they grow', async () => {
    const first = await scrape();
    expect(first.contentType).toMatch(/^text\/plain/);
    expect(first.text).toMatch(/^# TYPE substrate_block_height gauge$/m);
    expect(first.text).toMatch(/^# HELP substrate_block_height /m);
    const best = sample(first.samples, 'substrate_block_height', { status: 'best' });
    const fin = sample(first.samples, 'substrate_block_height', { status: 'finalized' });
    expect(best, 'substrate_block_height{status="best"}').toBeDefined();
    expect(fin, 'substrate_block_height{status="finalized"}').toBeDefined();
    expect(best!.labels.chain).toBe('dev'); // Substrate's registry labels everything with the chain id

    // both heights move with the chain
    const start = await waitFor(async () => {
      const h = heights((await scrape()).samples);
      return h.best! >= 2 && h.finalized! >= 1 ? h : undefined;
    }, 'best #2 and finalized #1 in the metrics', 45_000);
    const later = await waitFor(async () => {
      const h = heights((await scrape()).samples);
      return h.best! > start.best! && h.finalized! > start.finalized! ? h : undefined;
    }, 'both heights to grow', 45_000);
    expect(later.finalized!).toBeLessThanOrEqual(later.best!);

    // and agree with RPC (read after the scrape, so RPC can only be ahead)
    const { samples } = await scrape();
    const h = heights(samples);
    const rpcBest = parseInt((await call('chain_getHeader')).number, 16);
    const rpcFinalized = await numberOf(await call('chain_getFinalizedHead'));
    expect(rpcBest).toBeGreaterThanOrEqual(h.best!);
    expect(rpcFinalized).toBeGreaterThanOrEqual(h.finalized!);
  });

  it('serves substrate_ready_transactions_number and the other standard node metrics', async () => {
    const { text, samples } = await scrape();
    expect(text).toMatch(/^# TYPE substrate_ready_transactions_number gauge$/m);
    const ready = sample(samples, 'substrate_ready_transactions_number');
    expect(ready, 'substrate_ready_transactions_number').toBeDefined();
    expect(Number.isInteger(ready!.value) && ready!.value >= 0).toBe(true);
    const build = sample(samples, 'substrate_build_info');
    expect(build?.value).toBe(1);
    expect(build?.labels.version).toBe(await call('system_version'));
    expect(sample(samples, 'substrate_node_roles')?.value).toBe(4); // authority
    const notFound = await fetch(`http://127.0.0.1:${metricsPort}/nope`);
    expect(notFound.status).toBe(404);
    expect(node.logs()).toContain(`Prometheus exporter started at 127.0.0.1:${metricsPort}`);
  });
});

// ---------------------------------------------------------------- logs

const TS = String.raw`\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}`;
const SHORT = String.raw`0x[0-9a-f]{4}…[0-9a-f]{4}`;
// `✨ Imported #N (0xabcd…1234)`; newer polkadot-sdk also prints the parent: `🌟 Imported #N (0xparent… -> 0xhash…)`
const IMPORTED = new RegExp(String.raw`^${TS} (?:✨|🌟) Imported #(\d+) \((?:(${SHORT}) (?:->|→) )?(${SHORT})\)$`, 'gm');
const IDLE = new RegExp(String.raw`^${TS} 💤 Idle \((\d+) peers\), best: #(\d+) \((${SHORT})\), finalized #(\d+) \((${SHORT})\), ⬇ (\S+) ⬆ (\S+)$`, 'gm');

describe('Substrate-style logs', () => {
  it('logs `Imported #N (0x…)` for every block, with the right hashes', async () => {
    await waitFor(async () => ([...node.logs().matchAll(IMPORTED)].length >= 3 ? true : undefined), 'three Imported lines', 45_000);
    const imported = [...node.logs().matchAll(IMPORTED)];
    const numbers = imported.map((m) => Number(m[1]));
    expect(numbers.slice(0, 3)).toEqual([1, 2, 3]);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const m of imported) {
      const hash = await call('chain_getBlockHash', [Number(m[1])]);
      expect(m[3], `Imported #${m[1]}`).toBe(short(hash));
      if (m[2]) expect(m[2]).toBe(short((await call('chain_getHeader', [hash])).parentHash));
    }
  });

  it('logs `Idle (0 peers), best: #N (0x…), finalized #M (0x…)` as the chain grows', async () => {
    await waitFor(async () => {
      const idle = [...node.logs().matchAll(IDLE)];
      return idle.length >= 2 && Number(idle[idle.length - 1][2]) > Number(idle[0][2]) ? true : undefined;
    }, 'two Idle lines with a growing best block', 45_000);
    const idle = [...node.logs().matchAll(IDLE)];
    let previous = { best: -1, finalized: -1 };
    for (const m of idle) {
      const [peers, best, bestHash, finalized, finalizedHash] = [Number(m[1]), Number(m[2]), m[3], Number(m[4]), m[5]];
      expect(peers).toBe(0);
      expect(finalized).toBeLessThanOrEqual(best);
      expect(best).toBeGreaterThanOrEqual(previous.best);
      expect(finalized).toBeGreaterThanOrEqual(previous.finalized);
      expect(bestHash).toBe(short(await call('chain_getBlockHash', [best])));
      expect(finalizedHash).toBe(short(await call('chain_getBlockHash', [finalized])));
      previous = { best, finalized };
    }
    expect(previous.finalized).toBeGreaterThan(0);
  });

  it('logs the startup and authoring lines of a Substrate node', async () => {
    const logs = node.logs();
    const line = (re: string) => new RegExp(String.raw`^${TS} ${re}$`, 'm');
    const genesis = await call('chain_getBlockHash', [0]);
    expect(logs).toMatch(line('📋 Chain specification: Development'));
    expect(logs).toMatch(line('👤 Role: AUTHORITY'));
    expect(logs).toMatch(line(String.raw`🔨 Initializing Genesis block/state \(state: ${SHORT}, header-hash: ${short(genesis)}\)`));
    expect(logs).toMatch(line(`🏷  Local node identity is: ${await call('system_localPeerId')}`));
    // authoring: `Pre-sealed block for proposal at N. Hash now <hash>, previously <pre-hash>.`
    const sealed = [...logs.matchAll(new RegExp(String.raw`^${TS} 🔖 Pre-sealed block for proposal at (\d+)\. Hash now (0x[0-9a-f]{64}), previously (0x[0-9a-f]{64})\.$`, 'gm'))];
    expect(sealed.length).toBeGreaterThanOrEqual(2);
    for (const m of sealed.slice(0, 3)) expect(m[2]).toBe(await call('chain_getBlockHash', [Number(m[1])]));
    expect(logs).toMatch(new RegExp(String.raw`^${TS} 🎁 Prepared block for proposing at 1 \(\d+ ms\)`, 'm'));
    expect(logs).toMatch(line(String.raw`🙌 Starting consensus session on top of parent ${genesis} \(#0\)`));
  });
});
