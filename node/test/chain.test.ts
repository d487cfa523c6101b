// The chain core against the real runtime: genesis, Aura authoring, import
// with verification, fork choice, GRANDPA finality, logs and metrics.
import { calculate_state_root } from '@acala-network/chopsticks-executor';
import { Keyring } from '@polkadot/keyring';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { u8aToHex } from '@polkadot/util';
import { blake2AsU8a, cryptoWaitReady, encodeAddress, xxhashAsU8a } from '@polkadot/util-crypto';
import { Header as RuntimeHeader, runtime } from '@slmnet/runtime-spec';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, ClientError, type BuiltBlock } from '../src/chain/client.ts';
import { auraPreDigest, auraSeal, auraSlot, decodeHeader, encodeDigestItem, encodeHeader, headerHash, splitSeal, type Header } from '../src/chain/header.ts';
import { AURA_AUTHORITIES } from '../src/chain/keys.ts';
import type { RuntimeApi } from '../src/chain/runtime-api.ts';
import type { ChainApi } from '../src/rpc/methods/context.ts';
import type { GrandpaRpc } from '../src/rpc/methods/grandpa.ts';
import { AuraWorker, type ProposerPool } from '../src/consensus/aura.ts';
import { GrandpaVoter, decodeSignedMessage, encodeSignedMessage, type SignedMessage } from '../src/consensus/grandpa.ts';
import { decodeFinalityProof, decodeJustification, threshold, verifyJustification, JustificationError } from '../src/consensus/justification.ts';
import { hex } from '../src/db/codec.ts';
import { Keystore } from '../src/keystore.ts';
import { configureLogging, formatLine, Informant, logger, parseDirectives, shortHash } from '../src/log.ts';
import { Metrics, serveMetrics, ROLE_AUTHORITY } from '../src/metrics.ts';

// The runtime object must satisfy the contract the chain core is written against,
// and the client/voter the RPC layer's interfaces (checked by tsc).
const rt: RuntimeApi = runtime;
export const asRpcApis = (c: Client, g: GrandpaVoter): [ChainApi, GrandpaRpc] => [c, g];

const SLOT = Number(runtime.slotDuration);
let clock = 1_700_000_000_000;
const now = () => clock;
const slotNow = () => BigInt(Math.floor(clock / SLOT));

const dirs: string[] = [];
const tmp = () => { const d = mkdtempSync(join(tmpdir(), 'slmnet-chain-')); dirs.push(d); return d; };
const clients: Client[] = [];
const devGenesis = () => runtime.genesisStorage('development');

async function open(opts: { path?: string; genesis?: Map<string, string>; chainId?: string } = {}): Promise<Client> {
  const c = await Client.open({ path: opts.path ?? tmp(), runtime: rt, genesisStorage: opts.genesis ?? devGenesis(), chainId: opts.chainId ?? 'dev', now });
  clients.push(c);
  return c;
}

const logLines: string[] = [];
let registry: TypeRegistry;
let alice: Keystore;
const keyring = () => new Keyring({ type: 'sr25519' });

beforeAll(async () => {
  await cryptoWaitReady();
  registry = new TypeRegistry();
  registry.setMetadata(new Metadata(registry, runtime.metadata(15)));
  alice = Keystore.open(null);
  alice.insertSuri('aura', '//Alice', 'sr25519');
  alice.insertSuri('gran', '//Alice', 'ed25519');
});
beforeEach(() => {
  logLines.length = 0;
  configureLogging({ write: (l) => { logLines.push(l); } });
});
afterAll(async () => {
  for (const c of clients) await c.close().catch(() => {});
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  configureLogging({});
});

/** A balances.transfer_keep_alive signed by //Alice with @polkadot/types (immortal). */
function transfer(genesisHash: Uint8Array, nonce: number, amount = 10n ** 12n, signer = '//Alice', dest = '//Bob'): Uint8Array {
  const from = keyring().addFromUri(signer);
  const to = keyring().addFromUri(dest);
  const call = registry.createType('Call', { callIndex: [5, 3], args: { dest: { Id: to.address }, value: amount } }).toHex();
  const payload = registry.createType('ExtrinsicPayload', {
    method: call, nonce, era: '0x00', genesisHash: u8aToHex(genesisHash), blockHash: u8aToHex(genesisHash),
    specVersion: runtime.version.spec_version, transactionVersion: runtime.version.transaction_version, tip: 0n, version: 4,
  }, { version: 4 });
  const xt = registry.createType('Extrinsic', registry.createType('Call', call));
  xt.addSignature(from.address, from.sign(payload.toU8a({ method: true }), { withType: true }), payload.toHex());
  return xt.toU8a();
}

const accountKey = (uri: string): Uint8Array => {
  const id = keyring().addFromUri(uri).publicKey;
  return new Uint8Array([...xxhashAsU8a('System', 128), ...xxhashAsU8a('Account', 128), ...blake2AsU8a(id, 128), ...id]);
};
const freeBalance = (c: Client, at: Uint8Array, uri: string): bigint => {
  const v = c.storage(at, accountKey(uri));
  if (!v) return 0n;
  return registry.createType('AccountInfo', v).data.free.toBigInt();
};

class ArrayPool implements ProposerPool {
  invalid: Uint8Array[] = [];
  constructor(public txs: Uint8Array[] = []) {}
  ready() { return this.txs; }
  reportInvalid(xts: Uint8Array[]) {
    this.invalid.push(...xts);
    this.txs = this.txs.filter((t) => !xts.includes(t));
  }
}

/** Advances the fake clock to the start of the next slot and runs the worker for it. */
async function authorNext(worker: AuraWorker) {
  clock = (Math.floor(clock / SLOT) + 1) * SLOT + 5;
  const out = await worker.onSlot(slotNow());
  if (out.kind !== 'authored') throw new Error(`slot not authored: ${JSON.stringify(out)}`);
  expect(out.result.status).toBe('imported');
  return out.block;
}

const sealWith = (uri: string) => (h: Uint8Array) => keyring().addFromUri(uri).sign(h);
const nextTick = () => new Promise((r) => setImmediate(r));
async function settle() { for (let i = 0; i < 5; i++) await nextTick(); }

describe('genesis', () => {
  it('builds the genesis state root with the trie and stores the genesis header', async () => {
    const g = devGenesis();
    const c = await open();
    const h = c.header(c.genesisHash)!;
    expect(h.number).toBe(0);
    expect(h.parent_hash).toEqual(new Uint8Array(32));
    expect(h.digest.logs).toEqual([]);
    expect(hex(h.extrinsics_root)).toBe('0x03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314');
    const oracle = await calculate_state_root([...g].sort(([a], [b]) => (a < b ? -1 : 1)), 1);
    expect(hex(h.state_root)).toBe(oracle);
    expect(c.genesisHash).toEqual(headerHash(encodeHeader(h)));
    expect(c.bestHash()).toEqual(c.genesisHash);
    expect(c.finalizedHash()).toEqual(c.genesisHash);
    expect(c.hashAt(0)).toEqual(c.genesisHash);
    expect(c.auraAuthorities(c.genesisHash)).toEqual([keyring().addFromUri('//Alice').publicKey]);
    expect(c.storage(c.genesisHash, AURA_AUTHORITIES)).toBeDefined();
    expect(c.grandpaAuthorities(c.genesisHash).length).toBe(1);
    expect(logLines.join('')).toMatch(/🔨 Initializing Genesis block\/state \(state: 0x[0-9a-f]{4}…[0-9a-f]{4}, header-hash: 0x[0-9a-f]{4}…[0-9a-f]{4}\)/);
    // runtime calls at genesis
    const version = c.call(c.genesisHash, 'Core_version', new Uint8Array());
    expect(version.length).toBeGreaterThan(10);
    expect(() => c.call(c.genesisHash, 'Nope_nope', new Uint8Array())).toThrow(/Method not found/);
  });

  it('refuses a database of another chain and reopens its own', async () => {
    const path = tmp();
    const c = await open({ path });
    const genesis = c.genesisHash;
    await c.close();
    await expect(Client.open({ path, runtime: rt, genesisStorage: runtime.genesisStorage('local_testnet'), chainId: 'local', now })).rejects.toThrow(ClientError);
    const again = await open({ path });
    expect(again.genesisHash).toEqual(genesis);
  });
});

describe('header codec', () => {
  it('matches the runtime codec and @polkadot/types byte for byte', async () => {
    const c = await open();
    const worker = new AuraWorker({ client: c, keystore: alice, now });
    const b = await authorNext(worker);
    expect(RuntimeHeader.codec.enc(b.header as any)).toEqual(b.headerBytes);
    expect(decodeHeader(b.headerBytes)).toEqual(b.header);
    const pj = registry.createType('Header', b.headerBytes);
    expect(pj.hash.toHex()).toBe(hex(b.hash));
    const logs = b.header.digest.logs.map((l) => hex(encodeDigestItem(l)));
    const slotLe = Buffer.alloc(8);
    slotLe.writeBigUInt64LE(auraSlot(b.header)!);
    expect(logs[0]).toBe('0x066175726120' + slotLe.toString('hex'));
    expect(logs[1]).toMatch(/^0x05617572610101[0-9a-f]{128}$/);
  });
});

describe('authoring and import', () => {
  it('authors blocks with pool transactions and a second node imports them', async () => {
    const a = await open();
    const b = await open();
    const informant = new Informant(b).start(60_000);
    const pool = new ArrayPool([transfer(a.genesisHash, 0), transfer(a.genesisHash, 1), transfer(a.genesisHash, 5) /* future nonce */, Uint8Array.of(8, 1, 2)]);
    const worker = new AuraWorker({ client: a, keystore: alice, pool, now });
    const bobBefore = freeBalance(a, a.genesisHash, '//Bob');
    const b1 = await authorNext(worker);
    expect(b1.extrinsics.length).toBe(3); // timestamp + two transfers
    expect(b1.included.length).toBe(2);
    expect(pool.invalid.length).toBe(2);
    expect(a.bestHash()).toEqual(b1.hash);
    expect(freeBalance(a, b1.hash, '//Bob') - bobBefore).toBe(2n * 10n ** 12n);
    const b2 = await authorNext(worker);
    expect(b2.header.number).toBe(2);

    for (const blk of [b1, b2]) {
      const r = b.importBlock(blk.headerBytes, a.body(blk.hash)!);
      expect(r).toMatchObject({ status: 'imported', isBest: true });
    }
    expect(b.bestHash()).toEqual(b2.hash);
    expect(b.stateRoot(b2.hash)).toEqual(a.stateRoot(b2.hash));
    expect(b.importBlock(b2.headerBytes, a.body(b2.hash)!).status).toBe('known');
    expect(b.body(b1.hash)).toEqual(b1.extrinsics);
    expect(b.hashAt(2)).toEqual(b2.hash);

    const text = logLines.join('');
    expect(text).toContain(`🙌 Starting consensus session on top of parent ${hex(a.genesisHash)} (#0)`);
    expect(text).toMatch(/🎁 Prepared block for proposing at 1 \(\d+ ms\) \[hash: 0x[0-9a-f]{64}; parent_hash: 0x[0-9a-f]{4}…[0-9a-f]{4}; extrinsics \(3\): \[0x[0-9a-f]{4}…[0-9a-f]{4}, /);
    expect(text).toContain(`🔖 Pre-sealed block for proposal at 1. Hash now ${hex(b1.hash)}, previously ${hex(b1.preHash)}.`);
    expect(text).toContain(`✨ Imported #2 (${shortHash(b2.hash)})`);
    expect(informant.display()).toMatch(/^💤 Idle \(0 peers\), best: #2 \(0x[0-9a-f]{4}…[0-9a-f]{4}\), finalized #0 \(0x[0-9a-f]{4}…[0-9a-f]{4}\), ⬇ 0 ⬆ 0$/);
    informant.stop();
  });

  it('stops at the deadline and validates transactions', async () => {
    const a = await open();
    const v = a.validateTransaction('External', transfer(a.genesisHash, 0));
    expect(v.ok).toBe(true);
    const bad = a.validateTransaction('External', transfer(new Uint8Array(32).fill(3), 0));
    expect(bad).toMatchObject({ ok: false, error: { kind: 'BadProof' } });
    clock = (Math.floor(clock / SLOT) + 1) * SLOT;
    const built = await a.buildBlock({
      parent: a.genesisHash, slot: slotNow(), timestampMs: BigInt(clock), deadlineMs: clock - 1,
      transactions: [transfer(a.genesisHash, 0)], seal: sealWith('//Alice'),
    });
    expect(built.end).toBe('deadline');
    expect(built.extrinsics.length).toBe(1);
  });

  it('rejects bad blocks with a reason and keeps going', async () => {
    const a = await open();
    const b = await open();
    const worker = new AuraWorker({ client: a, keystore: alice, now });
    const b1 = await authorNext(worker);
    const body1 = a.body(b1.hash)!;

    // unknown parent
    const b2 = await authorNext(worker);
    expect(b.importBlock(b2.headerBytes, a.body(b2.hash)!)).toMatchObject({ status: 'unknown-parent' });
    // tampered seal
    const [unsealed, seal] = splitSeal(b1.header);
    const sig = seal!.slice();
    sig[0] ^= 1;
    const tampered: Header = { ...unsealed, digest: { logs: [...unsealed.digest.logs, auraSeal(sig)] } };
    expect(b.importBlock(encodeHeader(tampered), body1)).toMatchObject({ status: 'rejected', reason: expect.stringContaining('bad Aura seal') });
    // sealed by the wrong authority
    const byBob = { ...unsealed, digest: { logs: [...unsealed.digest.logs, auraSeal(sealWith('//Bob')(headerHash(unsealed)))] } };
    expect(b.importBlock(encodeHeader(byBob), body1)).toMatchObject({ status: 'rejected', reason: expect.stringContaining('not signed by the slot') });
    // wrong state root, properly sealed by Alice
    const wrongRoot = { ...unsealed, state_root: new Uint8Array(32).fill(9) };
    const wrongRootSealed = { ...wrongRoot, digest: { logs: [...wrongRoot.digest.logs, auraSeal(sealWith('//Alice')(headerHash(wrongRoot)))] } };
    expect(b.importBlock(encodeHeader(wrongRootSealed), body1)).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/state root/) });
    // body that does not match the header
    expect(b.importBlock(b1.headerBytes, [])).toMatchObject({ status: 'rejected', reason: expect.stringContaining('failed to execute') });
    // garbage
    expect(b.importBlock(Uint8Array.of(1, 2, 3), [])).toMatchObject({ status: 'rejected', reason: expect.stringContaining('undecodable header') });
    // nothing of that was stored; the real block still imports
    expect(b.bestBlock().number).toBe(0);
    expect(b.importBlock(b1.headerBytes, body1)).toMatchObject({ status: 'imported' });

    // a slot from the future (importer's clock is behind)
    const savedClock = clock;
    clock += 10 * SLOT;
    const future = await a.buildBlock({ parent: b1.hash, slot: slotNow(), timestampMs: BigInt(clock), seal: sealWith('//Alice') });
    clock = savedClock;
    expect(b.importBlock(future.headerBytes, future.extrinsics)).toMatchObject({ status: 'rejected', reason: expect.stringContaining('in the future') });
    // slot not after the parent's
    const b1Slot = auraSlot(b1.header)!;
    const [futureUnsealed] = splitSeal(future.header);
    const sameSlot = { ...futureUnsealed, digest: { logs: [auraPreDigest(b1Slot)] } };
    const sameSlotSealed = { ...sameSlot, digest: { logs: [...sameSlot.digest.logs, auraSeal(sealWith('//Alice')(headerHash(sameSlot)))] } };
    expect(b.importBlock(encodeHeader(sameSlotSealed), future.extrinsics)).toMatchObject({ status: 'rejected', reason: expect.stringContaining('not after the parent') });
    // unsealed
    expect(b.importBlock(encodeHeader(futureUnsealed), future.extrinsics)).toMatchObject({ status: 'rejected', reason: expect.stringContaining('unsealed') });
  });
});

describe('fork choice and finality', () => {
  async function build(c: Client, parent: Uint8Array, xts: Uint8Array[] = []): Promise<BuiltBlock> {
    clock = (Math.floor(clock / SLOT) + 1) * SLOT + 1;
    const b = await c.buildBlock({ parent, slot: slotNow(), timestampMs: BigInt(clock), transactions: xts, seal: sealWith('//Alice') });
    expect(c.importBuilt(b).status).toBe('imported');
    return b;
  }

  it('follows the longest chain, reorgs, and finality moves best onto the finalized fork', async () => {
    const c = await open();
    const g = c.genesisHash;
    const events: { best: string[]; routes: unknown[]; fin: [string, string[]][] } = { best: [], routes: [], fin: [] };
    c.onNewBest((h, _hd, route) => { events.best.push(hex(h)); events.routes.push(route); });
    c.onFinalized((h, _hd, newly) => events.fin.push([hex(h), newly.map(hex)]));
    const a1 = await build(c, g, [transfer(g, 0)]);
    const a2 = await build(c, a1.hash);
    const b1 = await build(c, g);
    const b2 = await build(c, b1.hash);
    expect(c.bestHash()).toEqual(a2.hash); // equal length: keep the first
    const b3 = await build(c, b2.hash);
    expect(c.bestHash()).toEqual(b3.hash);
    expect(events.routes.at(-1)).toMatchObject({ retracted: [a2.hash, a1.hash], enacted: [b1.hash, b2.hash, b3.hash] });
    expect([1, 2, 3].map((n) => c.hashAt(n))).toEqual([b1.hash, b2.hash, b3.hash]);
    expect(c.leaves().length).toBe(2);
    expect(freeBalance(c, a2.hash, '//Bob')).toBeGreaterThan(freeBalance(c, b3.hash, '//Bob')); // per-fork state

    // finalizing the shorter fork moves best back to it
    c.finalize(a1.hash);
    expect(c.finalizedHash()).toEqual(a1.hash);
    expect(c.bestHash()).toEqual(a2.hash);
    expect([1, 2, 3].map((n) => c.hashAt(n))).toEqual([a1.hash, a2.hash, undefined]);
    expect(events.fin.at(-1)).toEqual([hex(a1.hash), [hex(a1.hash)]]);
    expect(c.leaves()).toEqual([a2.hash]);
    // blocks on the abandoned fork are refused now
    const b4 = await c.buildBlock({ parent: b3.hash, slot: slotNow() + 1n, timestampMs: BigInt(clock + SLOT), seal: sealWith('//Alice') });
    expect(c.importBuilt(b4)).toMatchObject({ status: 'rejected', reason: expect.stringContaining('finalized') });
    expect(() => c.finalize(b2.hash)).toThrow(/does not descend/);
    const a3 = await build(c, a2.hash);
    const a4 = await build(c, a3.hash);
    c.finalize(a4.hash);
    expect(events.fin.at(-1)).toEqual([hex(a4.hash), [a2.hash, a3.hash, a4.hash].map(hex)]);
  });

  it('persists best and finalized across reopen', async () => {
    const path = tmp();
    let c = await open({ path });
    const x1 = await build(c, c.genesisHash);
    const x2 = await build(c, x1.hash);
    c.finalize(x1.hash);
    await c.close();
    c = await open({ path });
    expect(c.bestHash()).toEqual(x2.hash);
    expect(c.finalizedHash()).toEqual(x1.hash);
    expect(c.auraAuthorities(c.bestHash()).length).toBe(1);
    expect(logLines.join('')).toContain('📦 Highest known block at #2');
  });
});

describe('GRANDPA', () => {
  it('a single voter finalizes every new best block with a valid justification', async () => {
    const a = await open();
    const b = await open();
    const voter = new GrandpaVoter({ client: a, keystore: alice }).start();
    const worker = new AuraWorker({ client: a, keystore: alice, now });
    const justified: string[] = [];
    a.onJustification((h) => justified.push(hex(h)));
    const blocks: BuiltBlock[] = [];
    for (let i = 0; i < 3; i++) {
      blocks.push(await authorNext(worker));
      await settle();
      expect(a.finalizedHash()).toEqual(a.bestHash());
    }
    expect(justified.length).toBe(3);
    const last = blocks[2];
    const just = a.justification(last.hash)!;
    const auth = a.grandpaAuthorities(last.hash);
    const j = verifyJustification(just, auth, 0n, { hash: last.hash, number: 3 });
    expect(j.commit.precommits.length).toBe(1);
    expect(j.round).toBe(voter.currentRound);
    expect(a.justifications(last.hash)).toEqual([[new Uint8Array([0x46, 0x52, 0x4e, 0x4b]), just]]);
    expect(() => verifyJustification(just, auth, 1n)).toThrow(JustificationError);
    expect(() => verifyJustification(just, [[new Uint8Array(32).fill(1), 1n]], 0n)).toThrow(JustificationError);

    const rs = voter.roundState() as any;
    expect(rs).toEqual({
      setId: 0,
      best: { round: 3, totalWeight: 1, thresholdWeight: 1, prevotes: { currentWeight: 1, missing: [] }, precommits: { currentWeight: 1, missing: [] } },
      background: [],
    });
    const proof = decodeFinalityProof(voter.proveFinality(1)!);
    expect(proof.block).toEqual(last.hash);
    expect(proof.unknownHeaders.map((h) => h.number)).toEqual([2, 3]);
    expect(voter.proveFinality(4)).toBeUndefined();

    // a peer importing a block together with its justification finalizes it
    b.importBlock(blocks[0].headerBytes, a.body(blocks[0].hash)!);
    b.importBlock(blocks[1].headerBytes, a.body(blocks[1].hash)!, a.justification(blocks[1].hash));
    expect(b.finalizedHash()).toEqual(blocks[1].hash);
    // a forged justification is ignored (block still imported, not finalized)
    const forged = a.justification(blocks[2].hash)!.slice();
    forged[60] ^= 1;
    expect(b.importBlock(blocks[2].headerBytes, a.body(blocks[2].hash)!, forged)).toMatchObject({ status: 'imported' });
    expect(b.finalizedHash()).toEqual(blocks[1].hash);
    voter.stop();
  });

  it('persists the round so a restarted voter never reuses one', async () => {
    const path = tmp();
    let c = await open({ path });
    let voter = new GrandpaVoter({ client: c, keystore: alice }).start();
    const worker = new AuraWorker({ client: c, keystore: alice, now });
    await authorNext(worker);
    await settle();
    const round = voter.currentRound;
    expect(round).toBe(1n);
    voter.stop();
    await c.close();
    c = await open({ path });
    voter = new GrandpaVoter({ client: c, keystore: alice }).start();
    await authorNext(new AuraWorker({ client: c, keystore: alice, now }));
    await settle();
    expect(voter.currentRound).toBe(2n);
    expect(decodeJustification(c.justification(c.finalizedHash())!).round).toBe(2n);
    voter.stop();
  });

  it('n voters over a message bus: threshold finality, stalls without enough voters', async () => {
    const names = ['Alice', 'Bob', 'Charlie', 'Dave'];
    const ed = new Keyring({ type: 'ed25519' });
    const patch = runtime.preset('development')!;
    const genesis = runtime.genesisStorage({ ...patch, grandpa: { authorities: names.map((n) => [encodeAddress(ed.addFromUri(`//${n}`).publicKey, 42), 1]) } });
    const nodes = await Promise.all(names.map(() => open({ genesis })));
    const online = new Set(names);
    const voters: GrandpaVoter[] = [];
    names.forEach((n, i) => {
      const ks = Keystore.open(null);
      ks.insertSuri('gran', `//${n}`, 'ed25519');
      const network = {
        broadcast: (m: SignedMessage) => {
          if (!online.has(n)) return;
          const wire = encodeSignedMessage(m);
          voters.forEach((v, j) => { if (j !== i && online.has(names[j])) expect(v.handleMessage(decodeSignedMessage(wire))).toBeUndefined(); });
        },
      };
      voters.push(new GrandpaVoter({ client: nodes[i], keystore: ks, network }));
    });
    expect(threshold(4n)).toBe(3n);
    online.delete('Dave');
    voters.forEach((v, i) => { if (i < 3) v.start(); });
    const author = new AuraWorker({ client: nodes[0], keystore: alice, now });
    const spread = async () => {
      const blk = await authorNext(author);
      for (const n of nodes.slice(1)) expect(n.importBlock(blk.headerBytes, blk.extrinsics).status).toBe('imported');
      await settle();
      return blk;
    };
    const b1 = await spread();
    for (const n of nodes.slice(0, 3)) expect(n.finalizedHash()).toEqual(b1.hash);
    const j = verifyJustification(nodes[0].justification(b1.hash)!, nodes[0].grandpaAuthorities(b1.hash), 0n);
    expect(j.commit.precommits.length).toBeGreaterThanOrEqual(3);
    // Charlie goes offline too: 2 of 4 is below the threshold, finality stalls
    online.delete('Charlie');
    const b2 = await spread();
    expect(nodes[0].finalizedHash()).toEqual(b1.hash);
    expect((voters[0].roundState() as any).best.prevotes.currentWeight).toBe(2);
    // both come back; Dave's voter starts from scratch and follows the others into their round
    online.add('Charlie');
    online.add('Dave');
    voters[3].start();
    voters.forEach((v) => v.rebroadcast());
    await settle();
    for (const n of nodes) expect(n.finalizedHash()).toEqual(b2.hash);
    expect(voters[3].currentRound).toBe(voters[0].currentRound);
    const b3 = await spread();
    for (const n of nodes) expect(n.finalizedHash()).toEqual(b3.hash);
    voters.forEach((v) => v.stop());
    // a forged vote is refused
    const m: SignedMessage = { round: 1n, setId: 0n, message: { kind: 'Precommit', target: { hash: b1.hash, number: 1 } }, signature: new Uint8Array(64), id: ed.addFromUri('//Bob').publicKey };
    expect(voters[0].handleMessage(m)).toMatch(/bad signature/);
    expect(voters[0].handleMessage({ ...m, id: new Uint8Array(32).fill(5) })).toMatch(/not in authority set/);
  });
});

describe('logs and metrics', () => {
  it('formats lines like sc-tracing and parses -l directives', () => {
    const d = new Date(2024, 4, 1, 12, 0, 0, 123);
    expect(formatLine('info', 'substrate', '✨ Imported #12 (0xabcd…1234)', d, false)).toBe('2024-05-01 12:00:00 ✨ Imported #12 (0xabcd…1234)\n');
    expect(formatLine('info', 'substrate', '✨ Imported #12 (0xabcd…1234)', d, true)).toBe('2024-05-01 12:00:00.123  INFO tokio-runtime-worker substrate: ✨ Imported #12 (0xabcd…1234)\n');
    expect(formatLine('debug', 'sync', 'x\x1b[1mbold\x1b[0m', d, true)).toBe('2024-05-01 12:00:00.123 DEBUG tokio-runtime-worker sync: xbold\n');
    const f = parseDirectives(['runtime=debug,sync=trace', 'warn']);
    expect(f.defaultRank).toBe(2);
    expect(f.directives).toEqual(expect.arrayContaining([{ target: 'runtime', rank: 4 }, { target: 'sync', rank: 5 }]));
    expect(() => parseDirectives('sync=loud')).toThrow(/invalid log level/);
    const lines: string[] = [];
    configureLogging({ directives: ['grandpa=debug'], write: (l) => { lines.push(l); } });
    logger('grandpa').debug('hello'); // a debug directive switches on the detailed format
    logger('sync').debug('hidden');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} DEBUG tokio-runtime-worker grandpa: hello\n$/);
    expect(shortHash('0x' + 'ab'.repeat(32))).toBe('0xabab…abab');
  });

  it('exports Substrate metric names over HTTP', async () => {
    const c = await open();
    const m = new Metrics({ chain: 'dev', name: 'Alice', version: '0.1.0', roles: ROLE_AUTHORITY }).bindChain(c);
    const worker = new AuraWorker({ client: c, keystore: alice, metrics: m, now });
    await authorNext(worker);
    const server = await serveMetrics(m, { port: 0 });
    try {
      const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
      expect(text).toMatch(/^substrate_block_height\{status="best",chain="dev"\} 1$/m);
      expect(text).toMatch(/^substrate_block_height\{status="finalized",chain="dev"\} 0$/m);
      expect(text).toMatch(/^substrate_node_roles\{chain="dev"\} 4$/m);
      expect(text).toMatch(/^substrate_process_start_time_seconds\{chain="dev"\} \d{10}$/m);
      expect(text).toMatch(/^substrate_proposer_block_constructed_count\{chain="dev"\} 1$/m);
      expect(text).toMatch(/^substrate_build_info\{name="Alice",version="0.1.0",chain="dev"\} 1$/m);
      for (const name of ['substrate_ready_transactions_number', 'substrate_sub_txpool_validations_scheduled', 'substrate_number_leaves', 'substrate_sub_libp2p_peers_count']) expect(text).toContain(name);
      expect((await fetch(`http://127.0.0.1:${server.port}/nope`)).status).toBe(404);
    } finally {
      await server.close();
      m.unbind();
    }
  });
});
