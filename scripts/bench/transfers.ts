// Transfer throughput benchmark (`npm run bench`).
//
// Blocks full of signed sr25519 Balances.transfer_keep_alive extrinsics from
// N distinct funded accounts (nonce 0, immortal, no tip): transfers/s applied
// by the block builder (Client.buildBlock, no deadline, so blocks end when the
// runtime's weight limit is reached) and by the importer (Client.importBlock on
// a second, fresh database: seal check, full re-execution, root checks, LMDB
// commit), next to the raw sr25519 verification rate (wasm, single core) over
// the same signatures and payloads, measured in the same run.
//
// Env: BENCH_TRANSFERS (default 4000) = number of transfers (and of senders).
// Output: a table on stdout and a final line `BENCH {json}`; progress on stderr.
// Exit code 1 if any transfer is not included or does not succeed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { sr25519KeypairFromSeed, sr25519Sign, sr25519Verify, waitReady } from '@polkadot/wasm-crypto';
import { encodeAddress } from '@polkadot/util-crypto';
import {
  additionalSigned, blake2_256, composition, config, cryptoReady, encodeExtra, encodeExtrinsic, forgetVerifiedSignatures, runtime, signingPayload, text, T,
} from '@slmnet/runtime-spec';
import { Client, type BuiltBlock } from '../../node/src/chain/client.ts';
import { configureLogging } from '../../node/src/log.ts';

// ---- parameters -------------------------------------------------------------------------

class BenchFailure extends Error {}
function fatal(msg: string): never {
  throw new BenchFailure(msg);
}

const DEFAULT_TRANSFERS = 4000;
function transfersFromEnv(): number {
  const raw = process.env.BENCH_TRANSFERS;
  if (raw === undefined || raw === '') return DEFAULT_TRANSFERS;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) fatal(`BENCH_TRANSFERS must be a positive integer, got ${JSON.stringify(raw)}`);
  return n;
}
const ENDOWMENT = 1_000n * config.UNIT;
const SLOT_MS = Number(config.SLOT_DURATION_MS);
/** Aura authoring budget: BLOCK_PROPOSAL_SLOT_PORTION (2/3) of the slot (node/src/consensus/aura.ts). */
const BUDGET_MS = (SLOT_MS * 2) / 3;
/** A fixed fake clock far enough after the last slot that no block is "in the future". */
const T0_SLOT = 850_000_000n;
const FAKE_NOW = Number(T0_SLOT) * SLOT_MS + 3_600_000;

// ---- output helpers ---------------------------------------------------------------------

const logLines: string[] = [];
const dirs: string[] = [];
const clients: Client[] = [];

const progress = (s: string) => { process.stderr.write(s); };
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const w = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  return [line(cells[0]), w.map((x) => '-'.repeat(x)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Deterministic PRNG (xorshift32) for recipients and amounts. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 2 ** 32; };
}

// ---- runtime bits (through the public exports of @slmnet/runtime-spec) -------------------

const systemPallet = composition.byName.get('System');
if (!systemPallet) throw new Error('runtime has no System pallet');
const SYS = systemPallet.storage;

interface EventTally { success: number; failed: number; transfers: number; other: number }
function tallyEvents(c: Client, hash: Uint8Array): EventTally {
  const raw = c.storage(hash, SYS.Events.key());
  const out: EventTally = { success: 0, failed: 0, transfers: 0, other: 0 };
  if (!raw) return out;
  const recs = T.decodeAll(SYS.Events.valueTy, raw) as { event: { tag: string; value: { tag: string } } }[];
  for (const r of recs) {
    const name = `${r.event.tag}.${r.event.value.tag}`;
    if (name === 'System.ExtrinsicSuccess') out.success++;
    else if (name === 'System.ExtrinsicFailed') out.failed++;
    else if (name === 'Balances.Transfer') out.transfers++;
    else out.other++;
  }
  return out;
}
interface BlockWeightValue { normal: { ref_time: bigint }; operational: { ref_time: bigint }; mandatory: { ref_time: bigint } }
function blockWeight(c: Client, hash: Uint8Array): BlockWeightValue | undefined {
  const raw = c.storage(hash, SYS.BlockWeight.key());
  return raw ? (T.decodeAll(SYS.BlockWeight.valueTy, raw) as BlockWeightValue) : undefined;
}
function accountNonce(c: Client, hash: Uint8Array, who: Uint8Array): number {
  const raw = c.storage(hash, SYS.Account.key(who));
  return raw ? (T.decodeAll(SYS.Account.valueTy, raw) as { nonce: number }).nonce : 0;
}

const transferCall = (dest: Uint8Array, value: bigint): Uint8Array => composition.RuntimeCall.codec.enc({
  tag: 'Balances', value: { tag: 'transfer_keep_alive', value: { dest: { tag: 'Id', value: dest }, value } },
});

// ---- the benchmark ----------------------------------------------------------------------

interface Signed { xt: Uint8Array; payload: Uint8Array; sig: Uint8Array; pub: Uint8Array }
interface BlockRow {
  number: number; transfers: number; end: string; buildMs: number; wallMs: number; commitMs: number; importMs: number;
  normalWeight: bigint; mandatoryWeight: bigint; bytes: number;
}

async function main(): Promise<Record<string, unknown>> {
  const N = transfersFromEnv();
  configureLogging({ write: (l) => { logLines.push(l); } }); // node logs only shown on failure
  await cryptoReady();
  await waitReady();
  const tStart = performance.now();

  // 1. accounts: N sr25519 keypairs from deterministic seeds (wasm, no Keyring)
  progress(`bench: ${N} transfers; generating ${N} sr25519 accounts `);
  const keys: { pub: Uint8Array; secret: Uint8Array }[] = [];
  for (let i = 0; i < N; i++) {
    const kp = sr25519KeypairFromSeed(blake2_256(text(`slmnet-bench//${i}`)));
    keys.push({ secret: kp.slice(0, 64), pub: kp.slice(64) });
    if ((i + 1) % 1000 === 0) progress('.');
  }
  progress('\n');

  // 2. genesis: Alice as Aura/GRANDPA authority and sudo, every sender funded
  const sr = new Keyring({ type: 'sr25519', ss58Format: config.SS58_PREFIX });
  const ed = new Keyring({ type: 'ed25519', ss58Format: config.SS58_PREFIX });
  const alice = sr.addFromUri('//Alice');
  const aliceSs58 = alice.address;
  const genesis = runtime.genesisStorage({
    balances: { balances: [[aliceSs58, ENDOWMENT], ...keys.map((k) => [encodeAddress(k.pub, config.SS58_PREFIX), ENDOWMENT] as [string, bigint])] },
    aura: { authorities: [aliceSs58] },
    grandpa: { authorities: [[ed.addFromUri('//Alice').address, 1]] },
    sudo: { key: aliceSs58 },
  });
  const open = async (label: string) => {
    const path = mkdtempSync(join(tmpdir(), `slmnet-bench-${label}-`));
    dirs.push(path);
    const c = await Client.open({ path, runtime, genesisStorage: genesis, chainId: 'bench', now: () => FAKE_NOW });
    clients.push(c);
    return c;
  };
  const builder = await open('builder');
  const genesisHash = builder.genesisHash;

  // 3. one signed transfer_keep_alive per sender to a random other sender
  progress(`bench: signing ${N} transfer_keep_alive `);
  const rand = rng(0x5eed);
  const extra = encodeExtra({ period: 0n, phase: 0n }, 0, 0n);
  const additional = additionalSigned(runtime.version.spec_version, runtime.version.transaction_version as number, genesisHash, genesisHash);
  const signed: Signed[] = [];
  for (let i = 0; i < N; i++) {
    let j = Math.floor(rand() * N);
    if (j === i) j = (j + 1) % N;
    const dest = N === 1 ? alice.publicKey : keys[j].pub;
    const call = transferCall(dest, config.UNIT + BigInt(Math.floor(rand() * 1e9)));
    const payload = signingPayload(call, extra, additional);
    const sig = sr25519Sign(keys[i].pub, keys[i].secret, payload);
    const xt = encodeExtrinsic(call, { signer: keys[i].pub, signature: { tag: 'Sr25519', value: sig }, extraBytes: extra });
    signed.push({ xt, payload, sig, pub: keys[i].pub });
    if ((i + 1) % 1000 === 0) progress('.');
  }
  progress('\n');
  const setupMs = performance.now() - tStart;

  const probe = builder.validateTransaction('External', signed[0].xt, genesisHash);
  if (!probe.ok) fatal(`the first transfer does not validate at genesis: ${probe.error.type} ${probe.error.kind}`);

  // weights: per transfer = dispatch weight + ExtrinsicBaseWeight; the normal class gets 75 % of the block
  const decodedCall = T.decodeAll(composition.RuntimeCall, transferCall(keys[0].pub, config.UNIT));
  const dispatchWeight = composition.dispatchInfo(decodedCall).weight.ref_time;
  const perTransferWeight = dispatchWeight + config.EXTRINSIC_BASE_WEIGHT;
  const normalLimit = config.MAXIMUM_BLOCK_WEIGHT * config.NORMAL_DISPATCH_RATIO_PERCENT / 100n;
  const maxBlock = config.MAXIMUM_BLOCK_WEIGHT;
  const expectedPerBlock = Number(normalLimit / perTransferWeight);

  // 4. raw sr25519 verification rate (wasm, this thread) over the same payloads
  const verifyPass = (list: Signed[]) => {
    let bad = 0;
    const t = performance.now();
    for (const s of list) if (!sr25519Verify(s.sig, s.payload, s.pub)) bad++;
    return { ms: performance.now() - t, bad };
  };
  progress('bench: sr25519 verification baseline\n');
  verifyPass(signed.slice(0, Math.min(200, N))); // warm-up
  const v1 = verifyPass(signed);
  if (v1.bad) fatal(`${v1.bad} of ${N} signatures do not verify`);

  // 5. builder: full blocks until every transfer is included
  const alicePair = alice;
  const seal = (h: Uint8Array) => alicePair.sign(h);
  const rows: BlockRow[] = [];
  const built: BuiltBlock[] = [];
  let parent = genesisHash;
  let pending = signed.map((s) => s.xt);
  let slot = T0_SLOT;
  const invalid: string[] = [];
  progress('bench: building ');
  while (pending.length > 0) {
    slot += 1n;
    const t0 = performance.now();
    const b = await builder.buildBlock({
      parent, slot, timestampMs: slot * BigInt(SLOT_MS), transactions: pending, seal,
      onInvalid: (_xt, e) => { invalid.push('kind' in e ? `${e.type} ${e.kind}` : `${e.type} ${e.message}`); },
    });
    const wallMs = performance.now() - t0;
    if (invalid.length) fatal(`${invalid.length} transfer(s) rejected by the builder in block #${b.header.number}: ${[...new Set(invalid)].join(', ')}`);
    if (b.included.length === 0) fatal(`block #${b.header.number} included no transfer (end: ${b.end}); ${pending.length} left`);
    const t1 = performance.now();
    const r = builder.importBuilt(b);
    const commitMs = performance.now() - t1;
    if (r.status !== 'imported') fatal(`builder could not import its own block #${b.header.number}: ${JSON.stringify(r)}`);
    // the builder stops at the first transaction that does not fit: the included ones are a prefix
    for (let i = 0; i < b.included.length; i++) if (b.included[i] !== pending[i]) fatal('included transactions are not a prefix of the pending list');
    pending = pending.slice(b.included.length);
    parent = b.hash;
    built.push(b);
    const w = blockWeight(builder, b.hash);
    rows.push({
      number: b.header.number, transfers: b.included.length, end: b.end, buildMs: b.buildMs, wallMs, commitMs, importMs: 0,
      normalWeight: w?.normal.ref_time ?? -1n, mandatoryWeight: w?.mandatory.ref_time ?? -1n,
      bytes: b.extrinsics.reduce((a, x) => a + x.length, 0),
    });
    progress(`#${b.header.number}(${b.included.length} tx, ${Math.round(b.buildMs)} ms) `);
  }
  progress('\n');

  // 6. importer: a fresh database with the same genesis imports (re-executes) every block; it has
  // not seen these transactions before (a syncing node), so no signature is remembered
  forgetVerifiedSignatures();
  const importer = await open('importer');
  if (!sameBytes(importer.genesisHash, genesisHash)) fatal('importer genesis differs from the builder genesis');
  progress('bench: importing ');
  for (let i = 0; i < built.length; i++) {
    const b = built[i];
    const t0 = performance.now();
    const r = importer.importBlock(b.headerBytes, b.extrinsics);
    rows[i].importMs = performance.now() - t0;
    if (r.status !== 'imported') fatal(`importer refused block #${b.header.number}: ${'reason' in r ? r.reason : r.status}`);
    progress(`#${b.header.number}(${Math.round(rows[i].importMs)} ms) `);
  }
  progress('\n');

  // 7. a second verification pass after the heavy phases (same thread, same data)
  const v2 = verifyPass(signed);
  const verifyMs = (v1.ms + v2.ms) / 2;

  // 8. every transfer applied: events of each block on both nodes, final nonces
  progress('bench: checking events and nonces\n');
  let included = 0;
  for (let i = 0; i < built.length; i++) {
    const b = built[i];
    const n = rows[i].transfers;
    included += n;
    for (const [who, c] of [['builder', builder], ['importer', importer]] as const) {
      const ev = tallyEvents(c, b.hash);
      // +1: the timestamp inherent
      if (ev.failed !== 0 || ev.success !== n + 1 || ev.transfers !== n) {
        fatal(`block #${b.header.number} on the ${who}: ${n} transfers included but events say ${ev.success} ExtrinsicSuccess (expected ${n + 1}), ${ev.failed} ExtrinsicFailed, ${ev.transfers} Balances.Transfer`);
      }
    }
  }
  if (included !== N) fatal(`${included} of ${N} transfers included`);
  const head = importer.bestHash();
  if (!sameBytes(head, built[built.length - 1].hash)) fatal('importer best block is not the last built block');
  let wrongNonce = 0;
  for (const k of keys) if (accountNonce(importer, head, k.pub) !== 1) wrongNonce++;
  if (wrongNonce) fatal(`${wrongNonce} sender(s) do not have nonce 1 after the run`);

  // ---- results ----------------------------------------------------------------------
  const sum = (f: (r: BlockRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  const buildMs = sum((r) => r.buildMs);
  const commitMs = sum((r) => r.commitMs);
  const importMs = sum((r) => r.importMs);
  const builderTps = N / (buildMs / 1000);
  const builderCommitTps = N / ((buildMs + commitMs) / 1000);
  const importerTps = N / (importMs / 1000);
  const verifyPerSec = N / (verifyMs / 1000);
  const full = rows.filter((r) => r.end === 'block-full');
  const fullMax = full.length ? Math.max(...full.map((r) => r.transfers)) : undefined;
  const fullBuildMs = full.length ? Math.max(...full.map((r) => r.buildMs)) : undefined;
  const fullImportMs = full.length ? Math.max(...full.map((r) => r.importMs)) : undefined;
  const usPerTx = { verify: (verifyMs * 1000) / N, build: (buildMs * 1000) / N, import: (importMs * 1000) / N };
  // a full block at the measured speed vs. what would fit in the authoring budget at that speed
  const fullBlockAtSpeedMs = expectedPerBlock * (usPerTx.build / 1000);
  const fitsInBudget = Math.floor(BUDGET_MS / (usPerTx.build / 1000));
  // decided on the slowest full block actually built (else on the estimate from the average speed)
  const decisiveMs = fullBuildMs ?? fullBlockAtSpeedMs;
  const boundBy = decisiveMs <= BUDGET_MS ? 'weight' : 'speed';
  const budgetUse = decisiveMs / BUDGET_MS;
  // System.BlockWeight of each block's post-state must be transfers x per-transfer weight
  const weightMismatch = rows.filter((r) => r.normalWeight !== BigInt(r.transfers) * perTransferWeight).map((r) => `#${r.number}`);

  const ms = (x: number) => fmt(x, 1);
  const wPct = (w: bigint) => (w < 0n ? '?' : `${fmt(Number(w) / 1e9, 1)} ms (${fmt((Number(w) / Number(normalLimit)) * 100, 1)}%)`);
  const out: string[] = [];
  out.push('');
  out.push(`SLMnet transfer benchmark: ${N} signed sr25519 Balances.transfer_keep_alive from ${N} accounts, ${built.length} blocks`);
  out.push(`node ${process.version}, ${process.platform}/${process.arch}, single thread; setup (keys, genesis, signing) ${ms(setupMs)} ms`);
  out.push('');
  out.push(table(
    ['block', 'transfers', 'end', 'build ms', 'commit ms', 'import ms', 'normal weight used', 'mandatory', 'KiB'],
    rows.map((r) => [`#${r.number}`, r.transfers, r.end, ms(r.buildMs), ms(r.commitMs), ms(r.importMs), wPct(r.normalWeight),
      `${fmt(Number(r.mandatoryWeight) / 1e9, 2)} ms`, fmt(r.bytes / 1024, 0)]),
  ));
  out.push('');
  out.push(table(
    ['throughput (1 core)', 'transfers/s', 'µs/transfer', 'vs sr25519 verify'],
    [
      ['sr25519 verify (wasm, raw)', fmt(verifyPerSec), fmt(usPerTx.verify, 1), '1.00'],
      ['builder (buildBlock)', fmt(builderTps), fmt(usPerTx.build, 1), fmt(builderTps / verifyPerSec, 2)],
      ['builder + local commit', fmt(builderCommitTps), fmt((1e6 / builderCommitTps), 1), fmt(builderCommitTps / verifyPerSec, 2)],
      ['importer (importBlock)', fmt(importerTps), fmt(usPerTx.import, 1), fmt(importerTps / verifyPerSec, 2)],
    ],
  ));
  out.push(`  verify passes: ${ms(v1.ms)} ms and ${ms(v2.ms)} ms for ${N} signatures (mean used)`);
  out.push('');
  out.push(`weight: transfer_keep_alive ${fmt(Number(dispatchWeight) / 1e6)} µs + ExtrinsicBaseWeight ${fmt(Number(config.EXTRINSIC_BASE_WEIGHT) / 1e6)} µs = ${fmt(Number(perTransferWeight) / 1e6)} µs ref time per transfer`);
  out.push(`        normal-class limit ${fmt(Number(normalLimit) / 1e9)} ms of ${fmt(Number(maxBlock) / 1e9)} ms per block -> ${expectedPerBlock} transfers per full block`);
  out.push(`        System.BlockWeight (normal) in each block's state ${weightMismatch.length ? `DIFFERS from transfers x per-transfer weight in ${weightMismatch.join(', ')}` : 'equals transfers x per-transfer weight'}`);
  const weightUs = Number(perTransferWeight) / 1e6;
  out.push(`        measured cost per transfer: build ${fmt(usPerTx.build, 0)} µs, import ${fmt(usPerTx.import, 0)} µs, of which sr25519 verify ${fmt(usPerTx.verify, 0)} µs, vs ${fmt(weightUs, 0)} µs of weight (x${fmt(usPerTx.build / weightUs, 2)} / x${fmt(usPerTx.import / weightUs, 2)})`);
  out.push(`full block: ${fullMax ?? 'none (raise BENCH_TRANSFERS)'} transfers${full.length ? ` (end = block-full), slowest built in ${ms(fullBuildMs!)} ms, slowest imported in ${ms(fullImportMs!)} ms` : ''}`);
  out.push(`authoring budget: 2/3 of the ${SLOT_MS} ms slot = ${ms(BUDGET_MS)} ms; full block ${full.length ? `built in ${ms(fullBuildMs!)} ms measured, ` : ''}${ms(fullBlockAtSpeedMs)} ms at the average build speed (${fmt(fitsInBudget)} transfers would fit in the budget at that speed)`);
  out.push(`=> block size is bounded by ${boundBy === 'weight' ? 'the weight limit, not by the node\'s speed' : 'the node\'s speed: a full block does not build within the authoring budget'} (full block uses ${fmt(budgetUse * 100, 1)}% of the budget${boundBy === 'weight' && budgetUse > 0.9 ? ': marginal' : ''})`);
  const target = 1000;
  out.push(`target >= ${target} transfers/s per core: builder ${builderTps >= target ? 'MET' : 'NOT MET'}, importer ${importerTps >= target ? 'MET' : 'NOT MET'}`);
  console.log(out.join('\n'));

  return {
    transfers: N, blocks: built.length,
    builderTps: round(builderTps), builderWithCommitTps: round(builderCommitTps), importerTps: round(importerTps), verifyPerSec: round(verifyPerSec),
    builderOverVerify: round(builderTps / verifyPerSec, 3), importerOverVerify: round(importerTps / verifyPerSec, 3),
    usPerTransfer: { verify: round(usPerTx.verify, 2), build: round(usPerTx.build, 2), import: round(usPerTx.import, 2), weight: Number(perTransferWeight) / 1e6 },
    perBlock: rows.map((r) => ({
      number: r.number, transfers: r.transfers, end: r.end, buildMs: round(r.buildMs), commitMs: round(r.commitMs), importMs: round(r.importMs),
      normalWeightPs: r.normalWeight.toString(), mandatoryWeightPs: r.mandatoryWeight.toString(), bytes: r.bytes,
    })),
    weight: {
      perTransferPs: perTransferWeight.toString(), normalLimitPs: normalLimit.toString(), maxBlockPs: maxBlock.toString(),
      transfersPerFullBlockByWeight: expectedPerBlock,
    },
    fullBlock: { transfers: fullMax ?? null, buildMs: fullBuildMs === undefined ? null : round(fullBuildMs), importMs: fullImportMs === undefined ? null : round(fullImportMs) },
    budgetMs: round(BUDGET_MS), fullBlockAtMeasuredSpeedMs: round(fullBlockAtSpeedMs), transfersFittingBudget: fitsInBudget,
    boundBy, budgetUse: round(budgetUse, 3), blockWeightConsistent: weightMismatch.length === 0, targetMet: { builder: builderTps >= target, importer: importerTps >= target },
    totalMs: round(performance.now() - tStart, 0),
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

async function cleanup(): Promise<void> {
  for (const c of clients) await c.close().catch(() => {});
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}

let code = 0;
try {
  const result = await main();
  console.log(`BENCH ${JSON.stringify(result)}`);
} catch (e) {
  code = 1;
  process.stderr.write('\n');
  if (!(e instanceof BenchFailure) && logLines.length) process.stderr.write(logLines.slice(-20).join(''));
  console.error(`bench FAILED: ${e instanceof BenchFailure ? e.message : (e as Error).stack ?? String(e)}`);
} finally {
  await cleanup();
}
process.exit(code);
