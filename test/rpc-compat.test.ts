// The raw JSON-RPC shapes that Substrate clients depend on (RPC.md, PROTOCOL.md),
// checked against a real `slmnet-node --dev` over HTTP and WebSocket. No client
// library talks RPC here: @polkadot/api is only used to sign and to decode.
import '@polkadot/api-augment';
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import { TypeRegistry } from '@polkadot/types';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex, blake2AsU8a, cryptoWaitReady, ed25519Verify, sr25519Verify } from '@polkadot/util-crypto';
import { calculate_state_root, decode_proof } from '@acala-network/chopsticks-executor';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, rpc, startNode, waitFor, type RunningNode } from './helpers/node.ts';

// ---------------------------------------------------------------- constants

const NODE_NAME = 'rpc-compat-node';
const ALICE_AURA = '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';
const ALICE_GRANDPA = '0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee';
const SYSTEM_ACCOUNT = '0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9';
const TIMESTAMP_NOW = '0xf0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb';
const CODE = '0x3a636f6465'; // ":code"
const ABSENT = '0x0badc0de0badc0de';
const FRNK = [70, 82, 78, 75];
const SLOT_MS = 2000n;
const UNSAFE = { code: -32601, message: 'RPC call is unsafe to be called externally' };
const ZERO_HASH = '0x' + '00'.repeat(32);
const HEX = /^0x([0-9a-f]{2})*$/;
const HASH = /^0x[0-9a-f]{64}$/;
/** Substrate serialises block numbers in headers as U256 hex without leading zeros. */
const HEX_NUMBER = /^0x(0|[1-9a-f][0-9a-f]*)$/;

/** Every legacy method Substrate's RPC.md asks for, aliases included. */
const REQUIRED_METHODS = [
  'rpc_methods',
  'system_chain', 'system_name', 'system_version', 'system_chainType', 'system_properties', 'system_health',
  'system_localPeerId', 'system_nodeRoles', 'system_peers', 'system_accountNextIndex', 'account_nextIndex',
  'chain_getBlockHash', 'chain_getHead', 'chain_getHeader', 'chain_getBlock', 'chain_getFinalizedHead', 'chain_getFinalisedHead',
  'chain_subscribeNewHeads', 'chain_subscribeNewHead', 'chain_unsubscribeNewHeads', 'chain_unsubscribeNewHead',
  'chain_subscribeFinalizedHeads', 'chain_unsubscribeFinalizedHeads', 'chain_subscribeAllHeads', 'chain_unsubscribeAllHeads',
  'state_getRuntimeVersion', 'chain_getRuntimeVersion', 'state_subscribeRuntimeVersion', 'state_unsubscribeRuntimeVersion',
  'state_getMetadata', 'state_call', 'state_getStorage', 'state_getStorageAt', 'state_getStorageHash', 'state_getStorageSize',
  'state_queryStorageAt', 'state_queryStorage', 'state_getKeysPaged', 'state_getKeys', 'state_getReadProof',
  'state_subscribeStorage', 'state_unsubscribeStorage',
  'author_submitExtrinsic', 'author_submitAndWatchExtrinsic', 'author_unwatchExtrinsic', 'author_pendingExtrinsics',
  'author_removeExtrinsic', 'author_insertKey', 'author_rotateKeys', 'author_hasKey', 'author_hasSessionKeys',
  'payment_queryInfo', 'payment_queryFeeDetails',
  'grandpa_roundState', 'grandpa_proveFinality', 'grandpa_subscribeJustifications', 'grandpa_unsubscribeJustifications',
];

/** Method names a Substrate node may serve (legacy and new spec): whatever of these is served must be listed. */
const KNOWN_SUBSTRATE_METHODS = [
  ...REQUIRED_METHODS,
  'chain_subscribeFinalisedHeads', 'chain_unsubscribeFinalisedHeads', 'chain_subscribeRuntimeVersion', 'chain_unsubscribeRuntimeVersion',
  'subscribe_newHead', 'unsubscribe_newHead', 'state_callAt', 'state_getKeysPagedAt', 'state_getPairs', 'state_getStorageHashAt',
  'state_getStorageSizeAt', 'state_getChildReadProof', 'state_traceBlock', 'state_trieMigrationStatus',
  'childstate_getKeys', 'childstate_getKeysPaged', 'childstate_getKeysPagedAt', 'childstate_getStorage', 'childstate_getStorageEntries',
  'childstate_getStorageHash', 'childstate_getStorageSize',
  'system_addLogFilter', 'system_resetLogFilter', 'system_addReservedPeer', 'system_removeReservedPeer', 'system_reservedPeers',
  'system_localListenAddresses', 'system_networkState', 'system_unstable_networkState', 'system_syncState', 'system_dryRun', 'system_dryRunAt',
  'offchain_localStorageGet', 'offchain_localStorageSet', 'offchain_localStorageClear', 'dev_getBlockStats', 'sync_state_genSyncSpec',
  'babe_epochAuthorship', 'mmr_root', 'mmr_generateProof', 'mmr_verifyProof',
  'chainHead_v1_follow', 'chainHead_v1_unfollow', 'chainHead_v1_header', 'chainHead_v1_body', 'chainHead_v1_call', 'chainHead_v1_storage',
  'chainHead_v1_unpin', 'chainHead_v1_continue', 'chainHead_v1_stopOperation',
  'chainSpec_v1_chainName', 'chainSpec_v1_genesisHash', 'chainSpec_v1_properties',
  'transactionWatch_v1_submitAndWatch', 'transactionWatch_v1_unwatch', 'transaction_v1_broadcast', 'transaction_v1_stop',
  'archive_v1_body', 'archive_v1_call', 'archive_v1_finalizedHeight', 'archive_v1_genesisHash', 'archive_v1_hashByHeight',
  'archive_v1_header', 'archive_v1_storage',
];

// ---------------------------------------------------------------- helpers

type RpcReply = { jsonrpc?: string; id?: unknown; result?: any; error?: { code: number; message: string; data?: unknown } };
interface Note { method: string; subscription: string; result: any }

/** A bare JSON-RPC 2.0 WebSocket client (so the wire format is what is tested). */
class WsRpc {
  private nextId = 1;
  private readonly pending = new Map<number, (r: RpcReply) => void>();
  private readonly raw: ((m: any) => void)[] = [];
  readonly notes: Note[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data));
      if (!Array.isArray(msg) && msg.id === undefined && typeof msg.method === 'string') {
        this.notes.push({ method: msg.method, subscription: msg.params?.subscription, result: msg.params?.result });
        return;
      }
      const waiter = !Array.isArray(msg) && typeof msg.id === 'number' ? this.pending.get(msg.id) : undefined;
      if (waiter) {
        this.pending.delete(msg.id);
        waiter(msg);
      } else {
        this.raw.shift()?.(msg);
      }
    });
  }

  static open(url: string): Promise<WsRpc> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.once('open', () => resolve(new WsRpc(ws)));
      ws.once('error', reject);
    });
  }

  call(method: string, params: unknown[] = [], timeoutMs = 15_000): Promise<RpcReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => { this.pending.delete(id); reject(new Error(`${method}: no answer over WS`)); }, timeoutMs);
      this.pending.set(id, (r) => { clearTimeout(t); resolve(r); });
      this.ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    });
  }

  /** Sends text as is and resolves with the next message that is neither a notification nor a reply to `call`. */
  sendRaw(text: string, timeoutMs = 15_000): Promise<any> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no answer to raw WS message')), timeoutMs);
      this.raw.push((m) => { clearTimeout(t); resolve(m); });
      this.ws.send(text);
    });
  }

  async subscribe(method: string, params: unknown[] = []): Promise<string> {
    const r = await this.call(method, params);
    expect(r.error, `${method}: ${JSON.stringify(r.error)}`).toBeUndefined();
    return r.result;
  }

  of(sub: string): Note[] {
    return this.notes.filter((n) => n.subscription === sub);
  }

  waitNotes(sub: string, count: number, what: string, timeoutMs = 30_000): Promise<Note[]> {
    return waitFor(() => (this.of(sub).length >= count ? this.of(sub) : undefined), `${count} ${what} notification(s)`, timeoutMs, 50);
  }

  close(): void {
    this.ws.close();
  }
}

async function call(method: string, params: unknown[] = [], url = node.httpUrl): Promise<any> {
  const r = await rpc(url, method, params);
  expect(r.error, `${method}(${JSON.stringify(params).slice(0, 200)}) → ${JSON.stringify(r.error)}`).toBeUndefined();
  return r.result;
}

async function post(body: string, url = node.httpUrl): Promise<{ status: number; text: string }> {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: r.status, text: await r.text() };
}

/** Minimal SCALE reader. */
class Reader {
  o = 0;
  constructor(readonly b: Uint8Array) {}
  get left(): number { return this.b.length - this.o; }
  bytes(n: number): Uint8Array {
    if (this.o + n > this.b.length) throw new Error(`SCALE: need ${n} bytes at ${this.o}, have ${this.left}`);
    const out = this.b.slice(this.o, this.o + n);
    this.o += n;
    return out;
  }
  u8(): number { return this.bytes(1)[0]; }
  u32(): number { return new DataView(this.bytes(4).buffer).getUint32(0, true); }
  u64(): bigint { return new DataView(this.bytes(8).buffer).getBigUint64(0, true); }
  u128(): bigint { const b = this.bytes(16); let v = 0n; for (let i = 15; i >= 0; i--) v = (v << 8n) | BigInt(b[i]); return v; }
  compact(): number {
    const first = this.b[this.o];
    switch (first & 3) {
      case 0: this.o += 1; return first >> 2;
      case 1: return (this.u8() | (this.u8() << 8)) >> 2;
      case 2: return this.u32() >>> 2;
      default: {
        const n = (first >> 2) + 4;
        this.o += 1;
        const b = this.bytes(n);
        let v = 0n;
        for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
        return Number(v);
      }
    }
  }
  vecBytes(): Uint8Array { return this.bytes(this.compact()); }
  text(): string { return Buffer.from(this.vecBytes()).toString('utf8'); }
  hex(n: number): string { return u8aToHex(this.bytes(n)); }
}

const fromHex = (h: string): Uint8Array => new Uint8Array(Buffer.from(h.slice(2), 'hex'));
const le = (v: bigint | number, bytes: number): Uint8Array => {
  const out = new Uint8Array(bytes);
  let x = BigInt(v);
  for (let i = 0; i < bytes; i++) { out[i] = Number(x & 0xffn); x >>= 8n; }
  return out;
};
const concat = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));
const num = (header: { number: string }) => parseInt(header.number, 16);

const registry = new TypeRegistry();
const headerHash = (header: unknown): string => registry.createType('Header', header).hash.toHex();

interface DecodedJustification { round: bigint; targetHash: string; targetNumber: number; precommits: { hash: string; number: number; sig: Uint8Array; id: string }[]; ancestries: number }

/** GRANDPA justification: round u64 ++ Commit{target_hash, target_number u32, Vec<SignedPrecommit>} ++ Vec<Header>. */
function decodeJustification(bytes: Uint8Array): DecodedJustification {
  const r = new Reader(bytes);
  const round = r.u64();
  const targetHash = r.hex(32);
  const targetNumber = r.u32();
  const count = r.compact();
  const precommits = [];
  for (let i = 0; i < count; i++) precommits.push({ hash: r.hex(32), number: r.u32(), sig: r.bytes(64), id: r.hex(32) });
  const ancestries = r.compact();
  // every precommit of a single-voter chain targets the commit target: no ancestry headers
  expect(ancestries).toBe(0);
  expect(r.left, 'trailing bytes after the justification').toBe(0);
  return { round, targetHash, targetNumber, precommits, ancestries };
}

/** Checks a justification finalizes (hash, number) with Alice's ed25519 precommit signed over SCALE(1u8, hash, number, round, set_id). */
function checkJustification(bytes: Uint8Array, hash: string, number: number, setId: bigint): DecodedJustification {
  const j = decodeJustification(bytes);
  expect(j.targetHash).toBe(hash);
  expect(j.targetNumber).toBe(number);
  expect(j.precommits).toHaveLength(1);
  const [p] = j.precommits;
  expect(p.id).toBe(ALICE_GRANDPA);
  expect(p.hash).toBe(hash);
  expect(p.number).toBe(number);
  const payload = concat(Uint8Array.of(1), fromHex(hash), le(number, 4), le(j.round, 8), le(setId, 8));
  expect(payload.length).toBe(53);
  expect(ed25519Verify(payload, p.sig, fromHex(ALICE_GRANDPA)), 'precommit signature').toBe(true);
  return j;
}

const timestampAt = async (hash: string): Promise<bigint> => new Reader(fromHex(await call('state_getStorage', [TIMESTAMP_NOW, hash]))).u64();

// ---------------------------------------------------------------- setup

let node: RunningNode;
let api: ApiPromise;
let alice: KeyringPair, bob: KeyringPair, charlie: KeyringPair, dave: KeyringPair;
let genesis: string;

const finalizedNumber = async () => num(await call('chain_getHeader', [await call('chain_getFinalizedHead')]));
const bestNumber = async () => num(await call('chain_getHeader'));
const waitFinalized = (n: number) => waitFor(async () => ((await finalizedNumber()) >= n ? true : undefined), `finalized #${n}`, 45_000);

beforeAll(async () => {
  await cryptoWaitReady();
  node = await startNode({ args: ['--name', NODE_NAME] });
  // @polkadot/api only signs and decodes here
  api = await ApiPromise.create({ provider: new WsProvider(node.url), noInitWarn: true });
  const keyring = new Keyring({ type: 'sr25519' });
  [alice, bob, charlie, dave] = ['//Alice', '//Bob', '//Charlie', '//Dave'].map((s) => keyring.addFromUri(s));
  genesis = await call('chain_getBlockHash', [0]);
  await waitFinalized(3);
});

afterAll(async () => {
  await api?.disconnect();
  await node?.stop();
  if (node) removeDir(node.basePath);
});

// ---------------------------------------------------------------- rpc_methods

describe('rpc_methods', () => {
  it('lists every method clients need, aliases included', async () => {
    const r = await call('rpc_methods');
    expect(Object.keys(r).sort()).toEqual(['methods', 'version']);
    expect(r.version).toBe(1);
    expect(new Set(r.methods).size).toBe(r.methods.length);
    const missing = REQUIRED_METHODS.filter((m) => !r.methods.includes(m));
    expect(missing, 'methods missing from rpc_methods').toEqual([]);
  });

  it('every listed method answers, and every served method is listed', async () => {
    const { methods } = await call('rpc_methods') as { methods: string[] };
    const ws = await WsRpc.open(node.url);
    try {
      const notAnswering: string[] = [];
      for (const m of methods) {
        const r = await ws.call(m, []);
        if (r.error?.code === -32601) notAnswering.push(`${m}: ${r.error.message}`);
      }
      expect(notAnswering, 'listed but answered -32601').toEqual([]);
      const servedNotListed: string[] = [];
      for (const m of KNOWN_SUBSTRATE_METHODS.filter((x) => !methods.includes(x))) {
        const r = await ws.call(m, []);
        if (!(r.error?.code === -32601 && r.error.message === 'Method not found')) servedNotListed.push(`${m}: ${JSON.stringify(r).slice(0, 120)}`);
      }
      expect(servedNotListed, 'served but not listed').toEqual([]);
    } finally {
      ws.close();
    }
  });
});

// ---------------------------------------------------------------- chain_*

describe('chain_*', () => {
  it('chain_getBlockHash takes a number, a hex string, nothing, or an array; unknown → null', async () => {
    const h2 = await call('chain_getBlockHash', [2]);
    expect(h2).toMatch(HASH);
    expect(await call('chain_getBlockHash', ['0x2'])).toBe(h2);
    expect(await call('chain_getHead', [2])).toBe(h2);
    expect(genesis).toMatch(HASH);
    expect(await call('chain_getBlockHash', ['0x0'])).toBe(genesis);
    expect(await call('chain_getBlockHash', [[0, '0x1', 2, 10_000_000]])).toEqual([genesis, await call('chain_getBlockHash', [1]), h2, null]);
    expect(await call('chain_getBlockHash', [10_000_000])).toBeNull();
    expect(await call('chain_getBlockHash', ['0x989680'])).toBeNull();
    // no param (and null) = best block: ask for it and the best header in one batch
    const batch = JSON.parse((await post(JSON.stringify([
      { jsonrpc: '2.0', id: 1, method: 'chain_getBlockHash', params: [] },
      { jsonrpc: '2.0', id: 2, method: 'chain_getHeader', params: [] },
      { jsonrpc: '2.0', id: 3, method: 'chain_getBlockHash', params: [null] },
    ]))).text) as RpcReply[];
    const byId = (id: number) => batch.find((x) => x.id === id)!.result;
    expect(byId(1)).toBe(headerHash(byId(2)));
    expect(byId(3)).toBe(byId(1));
  });

  it('chain_getHeader: hex number, Aura pre-runtime and seal digests, hash = blake2_256(SCALE header)', async () => {
    const hash = await call('chain_getBlockHash', [2]);
    const header = await call('chain_getHeader', [hash]);
    expect(Object.keys(header)).toEqual(['parentHash', 'number', 'stateRoot', 'extrinsicsRoot', 'digest']);
    expect(header.number).toBe('0x2');
    expect(header.parentHash).toBe(await call('chain_getBlockHash', [1]));
    expect(header.stateRoot).toMatch(HASH);
    expect(header.extrinsicsRoot).toMatch(HASH);
    expect(Object.keys(header.digest)).toEqual(['logs']);
    const logs: string[] = header.digest.logs;
    expect(logs).toHaveLength(2);
    expect(logs[0]).toMatch(/^0x066175726120[0-9a-f]{16}$/); // PreRuntime 'aura' Compact(8) slot u64
    expect(logs[1]).toMatch(/^0x05617572610101[0-9a-f]{128}$/); // Seal 'aura' Compact(64) sr25519 signature
    expect(headerHash(header)).toBe(hash);

    // the seal is Alice's sr25519 signature over the hash of the header without it
    const unsealed = { ...header, digest: { logs: [logs[0]] } };
    const preHash = blake2AsU8a(registry.createType('Header', unsealed).toU8a(), 256);
    expect(sr25519Verify(preHash, fromHex('0x' + logs[1].slice(2 + 14)), fromHex(ALICE_AURA)), 'Aura seal').toBe(true);
    // slot = timestamp / slot duration
    const slot = new Reader(fromHex('0x' + logs[0].slice(2 + 12))).u64();
    expect(slot).toBe((await timestampAt(hash)) / SLOT_MS);

    // default = best; numbers in hex without leading zeros
    const best = await call('chain_getHeader');
    expect(best.number).toMatch(HEX_NUMBER);
    const g = await call('chain_getHeader', [genesis]);
    expect(g.number).toBe('0x0');
    expect(g.parentHash).toBe(ZERO_HASH);
    expect(g.digest.logs).toEqual([]);
    expect(headerHash(g)).toBe(genesis);
    expect(await call('chain_getHeader', [ZERO_HASH])).toBeNull();
  });

  it('chain_getBlock: header, extrinsics (timestamp inherent first), extrinsics root, justifications of finalized blocks', async () => {
    const roundState = await call('grandpa_roundState');
    const setId = BigInt(roundState.setId);
    for (const n of [1, 2, 3]) {
      const hash = await call('chain_getBlockHash', [n]);
      const signed = await call('chain_getBlock', [hash]);
      expect(Object.keys(signed)).toEqual(['block', 'justifications']);
      expect(Object.keys(signed.block)).toEqual(['header', 'extrinsics']);
      expect(signed.block.header).toEqual(await call('chain_getHeader', [hash]));
      const xts: string[] = signed.block.extrinsics;
      expect(xts.length).toBeGreaterThanOrEqual(1);
      for (const x of xts) expect(x).toMatch(HEX);
      const inherent = api.createType('Extrinsic', xts[0]);
      expect(inherent.isSigned).toBe(false);
      expect(`${inherent.method.section}.${inherent.method.method}`).toBe('timestamp.set');
      expect(BigInt(inherent.method.args[0].toString())).toBe(await timestampAt(hash));
      // extrinsicsRoot: ordered trie of Compact(index) → encoded extrinsic
      const version = (await call('state_getRuntimeVersion', [hash])).systemVersion >= 2 ? 1 : 0;
      const entries = xts.map((x, i) => [u8aToHex(registry.createType('Compact<u32>', i).toU8a()), x]);
      expect(await calculate_state_root(entries, version)).toBe(signed.block.header.extrinsicsRoot);
      // finalized: Justifications = [(engine id bytes, encoded justification bytes)]
      expect(Array.isArray(signed.justifications), `#${n} is finalized and must carry its GRANDPA justification`).toBe(true);
      expect(signed.justifications).toHaveLength(1);
      const [engine, data] = signed.justifications[0];
      expect(engine).toEqual(FRNK);
      expect(Array.isArray(data) && data.every((b: unknown) => Number.isInteger(b) && (b as number) >= 0 && (b as number) < 256)).toBe(true);
      checkJustification(Uint8Array.from(data), hash, n, setId);
    }
    const g = await call('chain_getBlock', [genesis]);
    expect(g.block.extrinsics).toEqual([]);
    expect(g.justifications).toBeNull();
    expect(await call('chain_getBlock', [ZERO_HASH])).toBeNull();
    expect((await call('chain_getBlock')).block.header.number).toMatch(HEX_NUMBER);
  });

  it('chain_getFinalizedHead and chain_getFinalisedHead name a block at or below the best', async () => {
    const [a, b] = await Promise.all([call('chain_getFinalizedHead'), call('chain_getFinalisedHead')]);
    expect(a).toMatch(HASH);
    expect(b).toMatch(HASH);
    const fin = await call('chain_getHeader', [a]);
    expect(await call('chain_getBlockHash', [num(fin)])).toBe(a);
    expect(num(fin)).toBeLessThanOrEqual(await bestNumber());
  });
});

// ---------------------------------------------------------------- state_*

describe('state_*', () => {
  const VERSION_KEYS = ['specName', 'implName', 'authoringVersion', 'specVersion', 'implVersion', 'apis', 'transactionVersion', 'systemVersion', 'stateVersion'];
  const API_IDS: Record<string, string> = {
    Core: '0xdf6acb689907609b', Metadata: '0x37e397fc7c91f5e4', BlockBuilder: '0x40fe3ad401f8959a', TaggedTransactionQueue: '0xd2bc9897eed08f15',
    AuraApi: '0xdd718d5cc53262d4', SessionKeys: '0xab3c0572291feb8b', GrandpaApi: '0xed99c5acb25eedf5', AccountNonceApi: '0xbc9d89904f5b923f',
    TransactionPaymentApi: '0x37c8bb1350a9a2a8',
  };

  it('state_getRuntimeVersion: shape, at genesis, at null, alias', async () => {
    const v = await call('state_getRuntimeVersion');
    expect(Object.keys(v)).toEqual(VERSION_KEYS);
    expect(v.specName).toBe('slmnet');
    expect(typeof v.implName).toBe('string');
    for (const k of ['authoringVersion', 'specVersion', 'implVersion', 'transactionVersion', 'systemVersion']) expect(Number.isInteger(v[k]), k).toBe(true);
    expect(v.stateVersion).toBe(v.systemVersion);
    for (const [id, ver] of v.apis) {
      expect(id).toMatch(/^0x[0-9a-f]{16}$/);
      expect(Number.isInteger(ver)).toBe(true);
    }
    const apis = new Map<string, number>(v.apis);
    expect(apis.size).toBe(v.apis.length);
    for (const [name, id] of Object.entries(API_IDS)) expect(apis.has(id), `${name} in apis`).toBe(true);
    expect(apis.get(API_IDS.Core)).toBeGreaterThanOrEqual(4);
    expect(apis.get(API_IDS.Metadata)).toBe(2);
    // historic versions answer, genesis included (@polkadot/api asks for the parent's version)
    expect(await call('state_getRuntimeVersion', [genesis])).toEqual(v);
    expect(await call('state_getRuntimeVersion', [null])).toEqual(v);
    expect(await call('chain_getRuntimeVersion')).toEqual(v);
    const unknown = await rpc(node.httpUrl, 'state_getRuntimeVersion', [ZERO_HASH]);
    expect(unknown.error?.code).toBe(4003);
    expect(unknown.error?.message).toMatch(/ not found/);
  });

  it('state_call Core_version is the SCALE of state_getRuntimeVersion', async () => {
    const v = await call('state_getRuntimeVersion');
    const hex = await call('state_call', ['Core_version', '0x']);
    expect(await call('state_call', ['Core_version', ''])).toBe(hex);
    expect(await call('state_call', ['Core_version', '0x', genesis])).toBe(hex);
    const r = new Reader(fromHex(hex));
    const decoded = {
      specName: r.text(), implName: r.text(), authoringVersion: r.u32(), specVersion: r.u32(), implVersion: r.u32(),
      apis: Array.from({ length: r.compact() }, () => [r.hex(8), r.u32()]),
      transactionVersion: r.u32(), systemVersion: r.u8(),
    };
    expect(r.left).toBe(0);
    expect({ ...decoded, stateVersion: decoded.systemVersion }).toEqual(v);
  });

  it('metadata: state_getMetadata is V14; Metadata_metadata_versions = [14, 15]; versions are served as advertised', async () => {
    const meta: string = await call('state_getMetadata');
    expect(meta.startsWith('0x6d6574610e')).toBe(true);
    expect(await call('state_getMetadata', [genesis])).toBe(meta);
    const versionsHex = await call('state_call', ['Metadata_metadata_versions', '0x']);
    const r = new Reader(fromHex(versionsHex));
    const versions = Array.from({ length: r.compact() }, () => r.u32());
    expect(r.left).toBe(0);
    expect(versions).toEqual([14, 15]);
    // Metadata_metadata = OpaqueMetadata(V14 bytes)
    const opaque = new Reader(fromHex(await call('state_call', ['Metadata_metadata', '0x'])));
    expect(u8aToHex(opaque.vecBytes())).toBe(meta);
    expect(opaque.left).toBe(0);
    // Option<OpaqueMetadata>
    const at = async (v: number) => new Reader(fromHex(await call('state_call', ['Metadata_metadata_at_version', u8aToHex(le(v, 4))])));
    const v14 = await at(14);
    expect(v14.u8()).toBe(1);
    expect(u8aToHex(v14.vecBytes())).toBe(meta);
    const v15 = await at(15);
    expect(v15.u8()).toBe(1);
    const body15 = v15.vecBytes();
    expect(v15.left).toBe(0);
    expect(u8aToHex(body15.slice(0, 5))).toBe('0x6d6574610f');
    const v16 = await at(16);
    expect(v16.u8()).toBe(0);
    expect(v16.left).toBe(0);
  });

  it('state_getKeysPaged pages with an exclusive startKey and refuses count > 1000', async () => {
    const all: string[] = await call('state_getKeysPaged', [SYSTEM_ACCOUNT, 1000, null, genesis]);
    expect(all).toHaveLength(14); // Alice…Ferdie, their //stash accounts, the rewards pot and the contributor escrow
    expect([...all].sort()).toEqual(all);
    expect(new Set(all).size).toBe(all.length);
    for (const k of all) {
      expect(k.startsWith(SYSTEM_ACCOUNT)).toBe(true);
      expect(k).toHaveLength(2 + 2 * (32 + 16 + 32));
    }
    const page = (count: number, start?: string | null) => call('state_getKeysPaged', [SYSTEM_ACCOUNT, count, start, genesis]);
    const p1 = await page(5);
    expect(p1).toEqual(all.slice(0, 5));
    expect(await page(5, null)).toEqual(p1);
    expect(await page(5, SYSTEM_ACCOUNT)).toEqual(p1); // startKey equal to the prefix
    const p2 = await page(5, p1[4]);
    expect(p2).toEqual(all.slice(5, 10));
    const p3 = await page(5, p2[4]);
    expect(p3).toEqual(all.slice(10));
    expect(await page(5, all[all.length - 1])).toEqual([]);
    expect(await page(5, all[2] + '00')).toEqual(all.slice(3, 8)); // between two keys
    expect(await page(0)).toEqual([]);
    // no `at` = best block; Alice is there
    const best: string[] = await call('state_getKeysPaged', [SYSTEM_ACCOUNT, 1000]);
    expect(best.some((k) => k.endsWith(ALICE_AURA.slice(2)))).toBe(true);
    expect(await call('state_getKeysPagedAt', [SYSTEM_ACCOUNT, 5, null, genesis])).toEqual(p1);
    // the whole state, from the empty prefix, includes :code
    const everything: string[] = await call('state_getKeysPaged', ['0x', 1000, null, genesis]);
    expect(everything).toContain(CODE);
    expect(everything.filter((k) => k.startsWith(SYSTEM_ACCOUNT))).toEqual(all);
    const tooMany = await rpc(node.httpUrl, 'state_getKeysPaged', [SYSTEM_ACCOUNT, 1001]);
    expect(tooMany.error).toEqual({ code: 4002, message: 'count exceeds maximum value. value: 1001, max: 1000' });
  });

  it('state_getStorage / state_queryStorageAt / state_queryStorage', async () => {
    const h3 = await call('chain_getBlockHash', [3]);
    const now3 = await call('state_getStorage', [TIMESTAMP_NOW, h3]);
    expect(now3).toMatch(/^0x[0-9a-f]{16}$/);
    expect(await call('state_getStorageAt', [TIMESTAMP_NOW, h3])).toBe(now3);
    expect(await call('state_getStorage', [ABSENT, h3])).toBeNull();
    expect(await call('state_getStorage', [TIMESTAMP_NOW, genesis])).toBeNull();
    const unknown = await rpc(node.httpUrl, 'state_getStorage', [TIMESTAMP_NOW, ZERO_HASH]);
    expect(unknown.error?.message).toMatch(/ not found/);

    const at = await call('state_queryStorageAt', [[TIMESTAMP_NOW, ABSENT, CODE], h3]);
    expect(at).toEqual([{ block: h3, changes: [[TIMESTAMP_NOW, now3], [ABSENT, null], [CODE, await call('state_getStorage', [CODE, h3])]] }]);
    const atBest = await call('state_queryStorageAt', [[TIMESTAMP_NOW]]);
    expect(atBest).toHaveLength(1);
    expect(atBest[0].block).toMatch(HASH);
    expect(atBest[0].changes[0]).toEqual([TIMESTAMP_NOW, await call('state_getStorage', [TIMESTAMP_NOW, atBest[0].block])]);

    // a range: the first block carries every key, later blocks only what changed
    await waitFor(async () => ((await bestNumber()) >= 5 ? true : undefined), 'block #5');
    const hashes = await Promise.all([1, 2, 3, 4].map((n) => call('chain_getBlockHash', [n])));
    const range = await call('state_queryStorage', [[TIMESTAMP_NOW, CODE, ABSENT], hashes[0], hashes[3]]);
    expect(range.map((x: any) => x.block)).toEqual(hashes);
    expect(range[0].changes).toEqual([
      [TIMESTAMP_NOW, await call('state_getStorage', [TIMESTAMP_NOW, hashes[0]])],
      [CODE, await call('state_getStorage', [CODE, hashes[0]])],
      [ABSENT, null],
    ]);
    for (let i = 1; i < 4; i++) expect(range[i].changes).toEqual([[TIMESTAMP_NOW, await call('state_getStorage', [TIMESTAMP_NOW, hashes[i]])]]);
    // `to` omitted = up to the best block
    const open = await call('state_queryStorage', [[TIMESTAMP_NOW], hashes[2]]);
    expect(open[0].block).toBe(hashes[2]);
    expect(open[1].block).toBe(hashes[3]);
    expect(open.length).toBeGreaterThanOrEqual(2);
  });

  it('state_getStorageHash(":code") is non-null at every block, = blake2_256 of the value', async () => {
    const best = await bestNumber();
    for (let n = 0; n <= best; n++) {
      const h = await call('chain_getBlockHash', [n]);
      const [hash, value, size] = await Promise.all([
        call('state_getStorageHash', [CODE, h]), call('state_getStorage', [CODE, h]), call('state_getStorageSize', [CODE, h]),
      ]);
      expect(hash, `:code hash at #${n}`).toMatch(HASH);
      expect(hash).toBe(blake2AsHex(fromHex(value), 256));
      expect(size).toBe((value.length - 2) / 2);
    }
    expect(await call('state_getStorageHash', [CODE])).toMatch(HASH);
    expect(await call('state_getStorageHash', [ABSENT])).toBeNull();
    expect(await call('state_getStorageSize', [ABSENT])).toBeNull();
  });

  it('state_getReadProof: sorted unique nodes that prove the value against the state root', async () => {
    const h = await call('chain_getBlockHash', [3]);
    const proof = await call('state_getReadProof', [[TIMESTAMP_NOW, CODE], h]);
    expect(Object.keys(proof).sort()).toEqual(['at', 'proof']);
    expect(proof.at).toBe(h);
    expect([...new Set(proof.proof)].sort()).toEqual(proof.proof);
    const root = (await call('chain_getHeader', [h])).stateRoot;
    const decoded = new Map(await decode_proof(root, proof.proof));
    expect(decoded.get(TIMESTAMP_NOW)).toBe(await call('state_getStorage', [TIMESTAMP_NOW, h]));
    expect(decoded.get(CODE)).toBe(await call('state_getStorage', [CODE, h]));
  });
});

// ---------------------------------------------------------------- subscriptions

describe('subscriptions over WebSocket', () => {
  it('head, runtime-version, storage and justification subscriptions: ids, notification names, unsubscribe', async () => {
    const ws = await WsRpc.open(node.url);
    try {
      const setId = BigInt((await call('grandpa_roundState')).setId);
      const subs = {
        all: await ws.subscribe('chain_subscribeAllHeads'),
        fin: await ws.subscribe('chain_subscribeFinalizedHeads'),
        newHead: await ws.subscribe('chain_subscribeNewHead'), // the singular alias @polkadot/api sends
        newHeads: await ws.subscribe('chain_subscribeNewHeads'),
        version: await ws.subscribe('state_subscribeRuntimeVersion'),
        storage: await ws.subscribe('state_subscribeStorage', [[TIMESTAMP_NOW, ABSENT]]),
        just: await ws.subscribe('grandpa_subscribeJustifications'),
      };
      const ids = Object.values(subs);
      for (const id of ids) expect(typeof id).toBe('string');
      expect(new Set(ids).size).toBe(ids.length);

      // the runtime version comes at once, before any new block
      const [rv] = await ws.waitNotes(subs.version, 1, 'state_runtimeVersion');
      expect(rv.method).toBe('state_runtimeVersion');
      expect(rv.result).toEqual(await call('state_getRuntimeVersion'));

      const all = await ws.waitNotes(subs.all, 3, 'chain_allHead');
      const fin = await ws.waitNotes(subs.fin, 3, 'chain_finalizedHead');
      const nh = await ws.waitNotes(subs.newHead, 2, 'chain_newHead');
      const nhs = await ws.waitNotes(subs.newHeads, 2, 'chain_newHead');
      const st = await ws.waitNotes(subs.storage, 2, 'state_storage');
      const just = await ws.waitNotes(subs.just, 1, 'grandpa_justifications');
      const methodsOf = (ns: Note[]) => [...new Set(ns.map((n) => n.method))];
      expect(methodsOf(all)).toEqual(['chain_allHead']);
      expect(methodsOf(fin)).toEqual(['chain_finalizedHead']);
      expect(methodsOf(nh)).toEqual(['chain_newHead']);
      expect(methodsOf(nhs)).toEqual(['chain_newHead']);
      expect(methodsOf(st)).toEqual(['state_storage']);
      expect(methodsOf(just)).toEqual(['grandpa_justifications']);

      // headers are real canonical headers with consecutive numbers (single node: no forks)
      for (const list of [all, nh, fin]) {
        const numbers = list.map((n) => num(n.result));
        for (let i = 1; i < numbers.length; i++) expect(numbers[i]).toBeGreaterThan(numbers[i - 1]);
        for (const n of list) {
          expect(Object.keys(n.result)).toEqual(['parentHash', 'number', 'stateRoot', 'extrinsicsRoot', 'digest']);
          expect(headerHash(n.result)).toBe(await call('chain_getBlockHash', [num(n.result)]));
        }
      }
      expect(num(all[2].result)).toBe(num(all[1].result) + 1);

      // storage: first notification carries every key (null if absent), later ones only the changed keys
      expect(st[0].result.changes).toEqual([[TIMESTAMP_NOW, await call('state_getStorage', [TIMESTAMP_NOW, st[0].result.block])], [ABSENT, null]]);
      expect(st[1].result.changes).toEqual([[TIMESTAMP_NOW, await call('state_getStorage', [TIMESTAMP_NOW, st[1].result.block])]]);

      // justifications are hex SCALE GRANDPA justifications of finalized blocks
      expect(just[0].result).toMatch(HEX);
      const j = decodeJustification(fromHex(just[0].result));
      expect(await call('chain_getBlockHash', [j.targetNumber])).toBe(j.targetHash);
      checkJustification(fromHex(just[0].result), j.targetHash, j.targetNumber, setId);

      // unsubscribe → true once, false after; the wrong kind of unsubscribe → false
      expect((await ws.call('chain_unsubscribeAllHeads', [subs.fin])).result).toBe(false);
      expect((await ws.call('chain_unsubscribeAllHeads', [subs.all])).result).toBe(true);
      expect((await ws.call('chain_unsubscribeAllHeads', [subs.all])).result).toBe(false);
      expect((await ws.call('chain_unsubscribeFinalizedHeads', [subs.fin])).result).toBe(true);
      expect((await ws.call('chain_unsubscribeNewHead', [subs.newHead])).result).toBe(true);
      expect((await ws.call('chain_unsubscribeNewHeads', [subs.newHeads])).result).toBe(true);
      expect((await ws.call('state_unsubscribeRuntimeVersion', [subs.version])).result).toBe(true);
      expect((await ws.call('state_unsubscribeStorage', [subs.storage])).result).toBe(true);
      expect((await ws.call('grandpa_unsubscribeJustifications', [subs.just])).result).toBe(true);
      expect((await ws.call('chain_unsubscribeNewHeads', ['nope'])).result).toBe(false);

      // nothing more arrives once unsubscribed, even after two more blocks
      const counts = ids.map((id) => ws.of(id).length);
      const target = (await bestNumber()) + 2;
      await waitFor(async () => ((await bestNumber()) >= target ? true : undefined), `block #${target}`);
      await waitFor(async () => ((await finalizedNumber()) >= target ? true : undefined), `finalized #${target}`);
      expect(ids.map((id) => ws.of(id).length)).toEqual(counts);
    } finally {
      ws.close();
    }
  });

  it('subscriptions are refused over HTTP (no method-not-found)', async () => {
    const r = await rpc(node.httpUrl, 'chain_subscribeNewHeads');
    expect(r.error).toBeDefined();
    expect(r.error!.code).not.toBe(-32601);
  });
});

// ---------------------------------------------------------------- author_* and nonces

describe('author_*', () => {
  it('author_submitAndWatchExtrinsic reports "ready", then {inBlock}, then {finalized}', async () => {
    const xt = (await api.tx.balances.transferKeepAlive(charlie.address, 10n ** 12n).signAsync(alice)).toHex();
    const txHash = blake2AsHex(fromHex(xt), 256);
    const ws = await WsRpc.open(node.url);
    try {
      const sub = await ws.subscribe('author_submitAndWatchExtrinsic', [xt]);
      expect(typeof sub).toBe('string');
      const notes = await waitFor(() => {
        const ns = ws.of(sub);
        return ns.some((n) => n.result && typeof n.result === 'object' && 'finalized' in n.result) ? ns : undefined;
      }, 'the transfer to be finalized', 45_000, 50);
      expect([...new Set(notes.map((n) => n.method))]).toEqual(['author_extrinsicUpdate']);
      const statuses = notes.map((n) => n.result);
      expect(statuses).toHaveLength(3);
      expect(statuses[0]).toBe('ready');
      expect(Object.keys(statuses[1])).toEqual(['inBlock']);
      expect(Object.keys(statuses[2])).toEqual(['finalized']);
      const inBlock = statuses[1].inBlock;
      expect(inBlock).toMatch(HASH);
      expect(statuses[2].finalized).toBe(inBlock);
      const block = await call('chain_getBlock', [inBlock]);
      expect(block.block.extrinsics).toContain(xt);
      expect(block.block.extrinsics.map((x: string) => blake2AsHex(fromHex(x), 256))).toContain(txHash);
      expect(await call('author_pendingExtrinsics')).not.toContain(xt);
    } finally {
      ws.close();
    }
  });

  it('author_submitExtrinsic returns blake2_256(xt); system_accountNextIndex counts the pool', async () => {
    const onChain = async () => new Reader(fromHex(await call('state_call', ['AccountNonceApi_account_nonce', u8aToHex(dave.publicKey)]))).u32();
    const n: number = await call('system_accountNextIndex', [dave.address]);
    expect(n).toBe(await onChain());
    expect(await call('account_nextIndex', [dave.address])).toBe(n);
    const sign = async (nonce: number) => (await api.tx.balances.transferKeepAlive(bob.address, 10n ** 12n).signAsync(dave, { nonce })).toHex();
    const later = await sign(n + 1);
    const first = await sign(n);
    // a future transaction waits in the pool and does not move the next index
    expect(await call('author_submitExtrinsic', [later])).toBe(blake2AsHex(fromHex(later), 256));
    expect(await call('system_accountNextIndex', [dave.address])).toBe(n);
    // once the gap is filled both count, whether still pooled or already in a block
    expect(await call('author_submitExtrinsic', [first])).toBe(blake2AsHex(fromHex(first), 256));
    const snapshot = JSON.parse((await post(JSON.stringify([
      { jsonrpc: '2.0', id: 1, method: 'system_accountNextIndex', params: [dave.address] },
      { jsonrpc: '2.0', id: 2, method: 'state_call', params: ['AccountNonceApi_account_nonce', u8aToHex(dave.publicKey)] },
    ]))).text) as RpcReply[];
    expect(snapshot.find((r) => r.id === 1)!.result).toBe(n + 2);
    expect([n, n + 2]).toContain(new Reader(fromHex(snapshot.find((r) => r.id === 2)!.result)).u32());
    await waitFor(async () => ((await onChain()) === n + 2 ? true : undefined), 'both transfers to be included', 45_000);
    expect(await call('system_accountNextIndex', [dave.address])).toBe(n + 2);
    const bad = await rpc(node.httpUrl, 'system_accountNextIndex', ['not-an-address']);
    expect(bad.error?.code).toBe(-32602);
  });
});

// ---------------------------------------------------------------- system_*

describe('system_*', () => {
  it('system_name is the implementation name (the first line the node logs), not the --name of the node', async () => {
    const implName = node.logs().split('\n').map((l) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? (.*)$/.exec(l)?.[1]).find(Boolean);
    expect(implName).toBeTruthy();
    const name = await call('system_name');
    expect(name).not.toBe(NODE_NAME);
    expect(name).toBe(implName);
  });

  it('version, chain, properties, health, peer id, roles', async () => {
    expect(await call('system_version')).toMatch(/^\d+\.\d+\.\d+/);
    expect(await call('system_chain')).toBe('Development');
    expect(await call('system_chainType')).toBe('Development');
    expect(await call('system_properties')).toEqual({ ss58Format: 42, tokenDecimals: 12, tokenSymbol: 'SLMN' });
    expect(await call('system_health')).toEqual({ peers: 0, isSyncing: false, shouldHavePeers: false });
    const peerId = await call('system_localPeerId');
    expect(peerId).toMatch(/^12D3KooW[1-9A-HJ-NP-Za-km-z]{44}$/);
    expect(node.logs()).toContain(`Local node identity is: ${peerId}`);
    expect(await call('system_nodeRoles')).toEqual(['Authority']);
    expect(Array.isArray(await call('system_localListenAddresses'))).toBe(true);
    const sync = await call('system_syncState');
    expect(Object.keys(sync).sort()).toEqual(['currentBlock', 'highestBlock', 'startingBlock']);
    for (const v of Object.values(sync)) expect(Number.isInteger(v)).toBe(true);
  });
});

// ---------------------------------------------------------------- payment_*

describe('payment_*', () => {
  it('payment_queryInfo and payment_queryFeeDetails have polkadot-sdk\'s shapes and agree', async () => {
    const xt = (await api.tx.balances.transferKeepAlive(bob.address, 10n ** 12n).signAsync(charlie)).toHex();
    const info = await call('payment_queryInfo', [xt]);
    expect(Object.keys(info)).toEqual(['weight', 'class', 'partialFee']);
    expect(Object.keys(info.weight)).toEqual(['ref_time', 'proof_size']);
    expect(Number.isInteger(info.weight.ref_time) && info.weight.ref_time > 0).toBe(true);
    expect(Number.isInteger(info.weight.proof_size)).toBe(true);
    expect(info.class).toBe('normal');
    expect(info.partialFee).toMatch(/^[1-9]\d*$/); // u128 as a decimal string
    expect(await call('payment_queryInfo', [xt, await call('chain_getBlockHash', [1])])).toMatchObject({ weight: info.weight, class: info.class });

    const details = await call('payment_queryFeeDetails', [xt]);
    expect(Object.keys(details.inclusionFee)).toEqual(['baseFee', 'lenFee', 'adjustedWeightFee']);
    for (const v of Object.values(details.inclusionFee)) expect(v).toMatch(HEX_NUMBER);
    const { baseFee, lenFee, adjustedWeightFee } = details.inclusionFee;
    expect(BigInt(baseFee) + BigInt(lenFee) + BigInt(adjustedWeightFee)).toBe(BigInt(info.partialFee));
    // polkadot-sdk's FeeDetails serialises inclusionFee only (`tip` is #[serde(skip)]); balances are NumberOrHex hex strings
    expect(Object.keys(details)).toEqual(['inclusionFee']);
  });
});

// ---------------------------------------------------------------- grandpa_*

describe('grandpa_*', () => {
  it('grandpa_roundState', async () => {
    const s = await call('grandpa_roundState');
    expect(Object.keys(s)).toEqual(['setId', 'best', 'background']);
    expect(s.setId).toBe(0);
    expect(Object.keys(s.best)).toEqual(['round', 'totalWeight', 'thresholdWeight', 'prevotes', 'precommits']);
    expect(Number.isInteger(s.best.round) && s.best.round >= 1).toBe(true);
    expect(s.best.totalWeight).toBe(1);
    expect(s.best.thresholdWeight).toBe(1);
    for (const votes of [s.best.prevotes, s.best.precommits]) {
      expect(Object.keys(votes)).toEqual(['currentWeight', 'missing']);
      expect([0, 1]).toContain(votes.currentWeight);
      expect(Array.isArray(votes.missing)).toBe(true);
    }
    expect(s.background).toEqual([]);
  });

  it('grandpa_proveFinality(n): FinalityProof{block, justification, unknown_headers} linking n to a justified block', async () => {
    const n = 1;
    // a number and its hex form, in one batch so finality cannot move in between
    const both = JSON.parse((await post(JSON.stringify([
      { jsonrpc: '2.0', id: 1, method: 'grandpa_proveFinality', params: [n] },
      { jsonrpc: '2.0', id: 2, method: 'grandpa_proveFinality', params: ['0x1'] },
    ]))).text) as RpcReply[];
    const hex = both.find((r) => r.id === 1)!.result;
    expect(both.find((r) => r.id === 2)!.result).toBe(hex);
    expect(hex).toMatch(HEX);
    const proof = registry.createType('(H256, Bytes, Vec<Header>)', hex);
    expect(proof.encodedLength).toBe((hex.length - 2) / 2);
    const [block, justification, headers] = proof as unknown as [any, any, any[]];
    const target = await call('chain_getHeader', [block.toHex()]);
    expect(target).not.toBeNull();
    const targetNumber = num(target);
    expect(targetNumber).toBeGreaterThanOrEqual(n);
    expect(targetNumber).toBeLessThanOrEqual(await finalizedNumber());
    checkJustification(justification.toU8a(true), block.toHex(), targetNumber, 0n);
    expect(headers.map((h) => h.number.toNumber())).toEqual(Array.from({ length: targetNumber - n }, (_, i) => n + 1 + i));
    for (const h of headers) expect(h.hash.toHex()).toBe(await call('chain_getBlockHash', [h.number.toNumber()]));
  });
});

// ---------------------------------------------------------------- transport

describe('transport', () => {
  it('HTTP and WebSocket on the same port; GET /health', async () => {
    expect(new URL(node.url).port).toBe(new URL(node.httpUrl).port);
    const ws = await WsRpc.open(node.url);
    try {
      expect((await ws.call('system_chain')).result).toBe('Development');
      expect(await call('system_chain')).toBe('Development');
    } finally {
      ws.close();
    }
    const health = await fetch(`${node.httpUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ isSyncing: false, peers: 0, shouldHavePeers: false });
  });

  it('batch requests over HTTP and WebSocket', async () => {
    const batch = [
      { jsonrpc: '2.0', id: 1, method: 'system_chain', params: [] },
      { jsonrpc: '2.0', id: 'two', method: 'chain_getBlockHash', params: [0] },
      { jsonrpc: '2.0', id: 3, method: 'no_suchMethod', params: [] },
      { jsonrpc: '2.0', method: 'system_chain', params: [] }, // a notification: no reply
      { jsonrpc: '2.0', id: 5, method: 'chain_getBlockHash', params: ['nonsense'] },
    ];
    const check = (replies: RpcReply[]) => {
      expect(Array.isArray(replies)).toBe(true);
      expect(replies).toHaveLength(4);
      const byId = new Map(replies.map((r) => [r.id, r]));
      expect(byId.get(1)).toEqual({ jsonrpc: '2.0', id: 1, result: 'Development' });
      expect(byId.get('two')).toEqual({ jsonrpc: '2.0', id: 'two', result: genesis });
      expect(byId.get(3)!.error).toEqual({ code: -32601, message: 'Method not found' });
      expect(byId.get(5)!.error!.code).toBe(-32602);
    };
    const http = await post(JSON.stringify(batch));
    expect(http.status).toBe(200);
    check(JSON.parse(http.text));
    const ws = await WsRpc.open(node.url);
    try {
      check(await ws.sendRaw(JSON.stringify(batch)));
      const empty = await ws.sendRaw('[]');
      expect(empty.error.code).toBe(-32600);
    } finally {
      ws.close();
    }
    const empty = JSON.parse((await post('[]')).text);
    expect(empty).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Invalid request' } });
  });
});

// ---------------------------------------------------------------- unsafe methods on loopback

describe('unsafe methods on the default (loopback) node', () => {
  it('author_rotateKeys, author_insertKey, author_hasKey, author_hasSessionKeys, system_peers, state_getKeys work', async () => {
    const keys: string = await call('author_rotateKeys');
    expect(keys).toMatch(/^0x[0-9a-f]{128}$/); // aura sr25519 ++ gran ed25519
    expect(await call('author_hasSessionKeys', [keys])).toBe(true);
    expect(await call('author_hasKey', ['0x' + keys.slice(2, 66), 'aura'])).toBe(true);
    expect(await call('author_hasKey', ['0x' + keys.slice(66), 'gran'])).toBe(true);
    const suri = '//RpcCompatTest';
    const pub = u8aToHex(new Keyring({ type: 'sr25519' }).addFromUri(suri).publicKey);
    expect(await call('author_hasKey', [pub, 'aura'])).toBe(false);
    expect(await call('author_insertKey', ['aura', suri, pub])).toBeNull();
    expect(await call('author_hasKey', [pub, 'aura'])).toBe(true);
    expect(await call('author_hasKey', [pub, 'gran'])).toBe(false);
    expect(await call('system_peers')).toEqual([]);
    expect(await call('author_removeExtrinsic', [[]])).toEqual([]);
    expect(await call('state_getKeys', [SYSTEM_ACCOUNT, genesis])).toEqual(await call('state_getKeysPaged', [SYSTEM_ACCOUNT, 1000, null, genesis]));
    // the chain keeps finalizing with the extra keys in the keystore
    const f = await finalizedNumber();
    await waitFinalized(f + 1);
  });
});

// ---------------------------------------------------------------- --rpc-methods safe and limits

describe('a node with --rpc-methods safe, a 1 MiB request limit and 2 connections', () => {
  let safe: RunningNode;
  beforeAll(async () => {
    safe = await startNode({ args: ['--rpc-methods', 'safe', '--rpc-max-request-size', '1', '--rpc-max-connections', '2'] });
  });
  afterAll(async () => {
    await safe?.stop();
    if (safe) removeDir(safe.basePath);
  });

  it('refuses unsafe methods with Substrate\'s error and still serves safe ones', async () => {
    const pub = ALICE_AURA;
    const refused: [string, unknown[]][] = [
      ['author_rotateKeys', []], ['author_insertKey', ['aura', '//Alice', pub]], ['author_hasKey', [pub, 'aura']],
      ['author_hasSessionKeys', ['0x' + '00'.repeat(64)]], ['author_removeExtrinsic', [[]]], ['system_peers', []],
    ];
    for (const [m, p] of refused) expect((await rpc(safe.httpUrl, m, p)).error, m).toEqual(UNSAFE);
    // sc-rpc's state errors wrap the denial in code 4003
    expect((await rpc(safe.httpUrl, 'state_getKeys', [SYSTEM_ACCOUNT])).error).toEqual({ code: 4003, message: UNSAFE.message });
    expect(await call('system_chain', [], safe.httpUrl)).toBe('Development');
    expect(await call('state_getKeysPaged', [SYSTEM_ACCOUNT, 1], safe.httpUrl)).toHaveLength(1);
  });

  it('refuses oversized requests with -32007 over HTTP and WebSocket', async () => {
    const sized = (bytes: number) => JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'state_getStorage', params: ['0x' + 'ab'.repeat(bytes / 2)] });
    const big = await post(sized(1.5 * 1024 * 1024), safe.httpUrl);
    expect(big.status).toBe(413);
    expect(JSON.parse(big.text).error).toEqual({ code: -32007, message: 'Request is too big', data: 'Exceeded max limit of 1048576' });
    const small = JSON.parse((await post(sized(512 * 1024), safe.httpUrl)).text);
    expect(small.id).toBe(7);
    expect(small.result).toBeNull();

    const ws = await WsRpc.open(safe.url);
    try {
      const r = await ws.sendRaw(sized(1.5 * 1024 * 1024));
      expect(r).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32007, message: 'Request is too big', data: 'Exceeded max limit of 1048576' } });
      expect((await ws.call('system_chain')).result).toBe('Development'); // the connection survives
    } finally {
      ws.close();
    }
  });

  it('refuses connections beyond --rpc-max-connections, then accepts again', async () => {
    const refusedStatus = (url: string) => new Promise<number | 'open'>((resolve) => {
      const ws = new WebSocket(url);
      ws.once('open', () => { ws.close(); resolve('open'); });
      ws.once('unexpected-response', (_req, res) => { resolve(res.statusCode ?? 0); res.resume(); });
      ws.once('error', () => resolve(0));
    });
    // the previous test's socket may still be closing on the server: wait for free slots
    const open = () => waitFor(async () => { try { return await WsRpc.open(safe.url); } catch { return undefined; } }, 'a free connection slot');
    const a = await open();
    const b = await open();
    try {
      expect((await a.call('system_chain')).result).toBe('Development');
      expect((await b.call('system_chain')).result).toBe('Development');
      expect(await refusedStatus(safe.url)).toBe(429);
      const http = await post(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'system_chain', params: [] }), safe.httpUrl);
      expect(http.status).toBe(429);
      a.close();
      const c = await open();
      expect((await c.call('system_chain')).result).toBe('Development');
      c.close();
    } finally {
      a.close();
      b.close();
    }
  });
});
