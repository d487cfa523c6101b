// Decodes blocks, each with the metadata of its own runtime version, into the rows the indexer stores.
//
// A batch of consecutive blocks costs few round trips: their hashes in one chain_getBlockHash call, each block's body
// (chain_getBlock), the runtime versions at both ends of the batch (bisected only when they differ, i.e. across an
// upgrade: spec versions only grow), and System.Events and Aura.Authorities of every block of the batch in one
// state_queryStorage (per-block state_queryStorageAt where a node refuses that). Everything is decoded here with the
// runtime of the block (the one of its parent's state, as api.at(hash) picks it): its body, events and the domain objects'
// storage by a RuntimeCodec straight to the stored values (scale.ts), built once per spec version from its metadata.
import type { ApiPromise } from '@polkadot/api';
import type { ProviderInterface } from '@polkadot/rpc-provider/types';
import type { RuntimeVersion } from '@polkadot/types/interfaces';
import { u8aToBigInt } from '@polkadot/util';
import { xxhashAsHex } from '@polkadot/util-crypto';
import { decodeDomain, type DomainRows, type StorageMulti } from './domain.ts';
import { account, fromHex, Reader, RuntimeCodec, type PlainEvent } from './scale.ts';

export interface BlockRow {
  number: number; hash: string; parentHash: string; stateRoot: string; extrinsicsRoot: string;
  author: string | null; timestamp: Date | null; specVersion: number; extrinsicCount: number; eventCount: number;
}
export interface ExtrinsicRow {
  index: number; hash: string; signer: string | null; pallet: string; call: string; args: unknown;
  fee: string | null; tip: string | null; success: boolean; error: string | null;
}
export interface EventRow { index: number; phase: string; extrinsicIndex: number | null; pallet: string; name: string; data: unknown }
export interface TransferRow { eventIndex: number; extrinsicIndex: number | null; from: string; to: string; amount: string }
export interface DecodedBlock { block: BlockRow; extrinsics: ExtrinsicRow[]; events: EventRow[]; transfers: TransferRow[]; domain: DomainRows }

/** A block as chain_getBlock returns it. */
interface RpcBlock {
  block: { header: { parentHash: string; number: string; stateRoot: string; extrinsicsRoot: string; digest: { logs: string[] } }; extrinsics: string[] };
}

// Storage values and metadata entries are dynamic (no static types for this chain's metadata).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Dyn = any;

const EVENTS_KEY = xxhashAsHex('System', 128) + xxhashAsHex('Events', 128).slice(2);
const AURA_AUTHORITIES_KEY = xxhashAsHex('Aura', 128) + xxhashAsHex('Authorities', 128).slice(2);
/** state_queryStorage answers at most this many blocks at once (this node, and a sane bound anyway). */
const MAX_RANGE = 1000;

/**
 * The runtime version of each of `count` consecutive blocks, reading as few as possible: both ends, then halves only where
 * the ends differ (a runtime upgrade in between; spec versions never go back, so equal ends mean one runtime throughout).
 */
export async function versionsOf<V>(count: number, at: (i: number) => Promise<V>, same: (a: V, b: V) => boolean): Promise<V[]> {
  const out: V[] = new Array(count);
  const fill = async (lo: number, hi: number, a: V, b: V): Promise<void> => {
    out[lo] = a;
    out[hi] = b;
    if (same(a, b)) { for (let i = lo + 1; i < hi; i++) out[i] = a; return; }
    if (hi - lo < 2) return;
    const mid = (lo + hi) >> 1;
    const m = await at(mid);
    await Promise.all([fill(lo, mid, a, m), fill(mid, hi, m, b)]);
  };
  const last = count - 1;
  const [a, b] = await Promise.all([at(0), last ? at(last) : undefined]);
  await fill(0, last, a, last ? b! : a);
  return out;
}

/** One runtime: its storage entries (for their keys) and its codec (blocks, events, storage values). */
interface Runtime { query: Dyn; codec: RuntimeCodec; authorities: Map<string, string[]> }

export class BlockDecoder {
  private readonly provider: ProviderInterface;
  /** Decorations by `${specName}/${specVersion}`. */
  private readonly runtimes = new Map<string, Promise<Runtime>>();
  private queryStorageRange = true;

  constructor(private readonly api: ApiPromise) {
    this.provider = (api as unknown as { _rpcCore: { provider: ProviderInterface } })._rpcCore.provider;
  }

  private send<T>(method: string, params: unknown[]): Promise<T> {
    return this.provider.send<T>(method, params);
  }

  private async version(hash: string): Promise<RuntimeVersion> {
    return this.api.registry.createType('RuntimeVersion', await this.send('state_getRuntimeVersion', [hash]));
  }

  /** The runtime of `version`, built once (api.at with the known version: its registry and storage decoration, no further lookups). */
  private runtime(hash: string, version: RuntimeVersion): Promise<Runtime> {
    const key = `${version.specName.toString()}/${version.specVersion.toString()}`;
    let r = this.runtimes.get(key);
    if (!r) {
      r = this.api.at(hash, version).then((at) => ({ query: at.query, codec: new RuntimeCodec(at.registry), authorities: new Map() }));
      r.catch(() => this.runtimes.delete(key));
      this.runtimes.set(key, r);
    }
    return r;
  }

  /** Runtime versions of `hashes` (consecutive blocks). */
  private versions(hashes: string[]): Promise<RuntimeVersion[]> {
    return versionsOf(hashes.length, (i) => this.version(hashes[i]), (a, b) => a.specName.eq(b.specName) && a.specVersion.eq(b.specVersion));
  }

  /** Raw values of `keys` at each of `hashes` (consecutive blocks, ascending). */
  private async storageOf(keys: string[], hashes: string[]): Promise<(string | null)[][]> {
    if (this.queryStorageRange && hashes.length > 1 && hashes.length <= MAX_RANGE) {
      try {
        const sets = await this.send<{ block: string; changes: [string, string | null][] }[]>('state_queryStorage', [keys, hashes[0], hashes[hashes.length - 1]]);
        const byBlock = new Map(sets.map((s) => [s.block, s.changes]));
        const current = new Map<string, string | null>();
        const out: (string | null)[][] = [];
        for (const h of hashes) {
          for (const [k, v] of byBlock.get(h) ?? []) current.set(k, v);
          // every key is reported at the first block of the range, then only where it changed
          if (!keys.every((k) => current.has(k))) throw new Error('incomplete state_queryStorage answer');
          out.push(keys.map((k) => current.get(k)!));
        }
        if (sets.some((s) => !hashes.includes(s.block))) throw new Error('state_queryStorage followed another chain');
        return out;
      } catch (e) {
        // e.g. a node serving it only as an unsafe method: read block by block from now on
        if (!/followed another chain|incomplete/.test((e as Error).message)) this.queryStorageRange = false;
      }
    }
    return Promise.all(hashes.map(async (h) => {
      const [set] = await this.send<{ changes: [string, string | null][] }[]>('state_queryStorageAt', [keys, h]);
      const m = new Map(set.changes);
      return keys.map((k) => m.get(k) ?? null);
    }));
  }

  /** Reads storage entries at `hash`; calls in the same tick share one state_queryStorageAt. */
  private reader(rt: Runtime, hash: string): StorageMulti {
    let queue: { keys: string[]; decode: (raw: string | null) => unknown; resolve: (v: unknown[]) => void; reject: (e: unknown) => void }[] = [];
    const flush = async () => {
      const q = queue;
      queue = [];
      try {
        const keys = [...new Set(q.flatMap((x) => x.keys))];
        const [set] = await this.send<{ changes: [string, string | null][] }[]>('state_queryStorageAt', [keys, hash]);
        const values = new Map(set.changes);
        for (const x of q) x.resolve(x.keys.map((k) => x.decode(values.get(k) ?? null)));
      } catch (e) {
        for (const x of q) x.reject(e);
      }
    };
    return (section, method, args) => {
      const entry = rt.query[section]?.[method];
      if (!entry) return Promise.reject(new Error(`no storage ${section}.${method} in this runtime`));
      if (!args.length) return Promise.resolve([]);
      const fast = rt.codec.storageKey(section, method);
      const keys = args.map((a) => (fast ? fast(a) : Array.isArray(a) ? entry.key(...a) : entry.key(a)) as string);
      return new Promise((resolve, reject) => {
        if (!queue.length) setImmediate(flush);
        queue.push({ keys, decode: rt.codec.storage(section, method), resolve, reject });
      });
    };
  }

  /** The Aura authority (SS58) of the block's slot: authorities[slot % count] in the parent's state; null at genesis or without Aura. */
  private author(rt: Runtime, logs: string[], authoritiesRaw: string | null | undefined): string | null {
    const slot = auraSlot(logs);
    if (slot === undefined || authoritiesRaw === undefined || !rt.query.aura?.authorities) return null;
    const cacheKey = authoritiesRaw ?? '';
    let list = rt.authorities.get(cacheKey);
    if (!list) {
      list = (rt.codec.storage('aura', 'authorities')(authoritiesRaw) as Uint8Array[]).map((a) => account(a, rt.codec.ss58Format));
      if (rt.authorities.size > 64) rt.authorities.clear();
      rt.authorities.set(cacheKey, list);
    }
    if (!list.length) return null;
    return list[Number(slot % BigInt(list.length))];
  }

  /** Decodes the `count` blocks from `from` on the node's current best chain. */
  async decodeRange(from: number, count: number): Promise<DecodedBlock[]> {
    // the block before the range too: the parent state (authorities, runtime) of the first block
    const lo = from > 0 ? from - 1 : 0;
    const numbers = Array.from({ length: from - lo + count }, (_, i) => lo + i);
    const hashes = await this.send<(string | null)[]>('chain_getBlockHash', [numbers]);
    if (hashes.some((h) => !h)) throw new Error(`blocks #${from}..#${from + count - 1} are not all known to the node`);
    const all = hashes as string[];
    const off = from - lo; // index of `from` in `all`
    const [versions, storage, bodies] = await Promise.all([
      this.versions(all),
      this.storageOf([EVENTS_KEY, AURA_AUTHORITIES_KEY], all),
      Promise.all(all.slice(off).map((h) => this.send<unknown>('chain_getBlock', [h]))),
    ]);
    // the domain reads of all blocks are in flight together
    const out: Promise<DecodedBlock>[] = [];
    for (let i = 0; i < count; i++) {
      const j = off + i;
      const number = from + i;
      // api.at(hash) decodes with the runtime of the parent's state (genesis: its own)
      const pv = number === 0 ? versions[j] : versions[j - 1];
      const rt = await this.runtime(all[j], pv);
      let block: Omit<DecodedBlock, 'domain'>;
      try {
        const { block: body } = bodies[i] as RpcBlock;
        const events = rt.codec.events(storage[j][0] === null ? null : fromHex(storage[j][0]));
        const author = number === 0 ? null : this.author(rt, body.header.digest.logs, storage[j - 1][1]);
        block = rows(rt.codec, all[j], body, events, author, versions[j].specVersion.toNumber());
      } catch (e) {
        throw new Error(`block #${number} (${all[j]}): cannot decode: ${(e as Error).message}`);
      }
      const domain = decodeDomain(this.reader(rt, all[j]), block.events, number);
      domain.catch(() => undefined); // awaited below
      out.push(domain.then((d) => ({ ...block, domain: d })));
    }
    return Promise.all(out);
  }
}

/** The slot of an Aura pre-runtime digest (a u64 in the first PreRuntime item of engine `aura`). */
function auraSlot(logs: string[]): bigint | undefined {
  for (const log of logs) {
    const r = new Reader(fromHex(log));
    if (r.byte() !== 6) continue; // DigestItem::PreRuntime
    if (String.fromCharCode(...r.take(4)) !== 'aura') continue;
    return u8aToBigInt(r.take(r.length()).subarray(0, 8)); // a little-endian u64
  }
  return undefined;
}

/** One block's rows from its body and decoded events. */
function rows(codec: RuntimeCodec, hash: string, body: RpcBlock['block'], events: PlainEvent[], author: string | null, specVersion: number): Omit<DecodedBlock, 'domain'> {
  const { header, extrinsics } = body;
  const byExtrinsic = new Map<number, PlainEvent[]>();
  for (const e of events) {
    if (e.extrinsicIndex === null) continue;
    const list = byExtrinsic.get(e.extrinsicIndex);
    if (list) list.push(e); else byExtrinsic.set(e.extrinsicIndex, [e]);
  }
  let timestamp: Date | null = null;
  const extrinsicRows: ExtrinsicRow[] = extrinsics.map((hex, index) => {
    let ext;
    try {
      ext = codec.extrinsic(hex);
    } catch (e) {
      throw new Error(`extrinsic ${index}: ${(e as Error).message}`);
    }
    if (ext.pallet === 'timestamp' && ext.call === 'set') timestamp = new Date(Number(Object.values(ext.args)[0]));
    const evs = byExtrinsic.get(index) ?? [];
    const paid = evs.find((e) => e.pallet === 'transactionPayment' && e.name === 'TransactionFeePaid');
    const failed = evs.find((e) => e.pallet === 'system' && e.name === 'ExtrinsicFailed');
    return {
      index, hash: ext.hash, signer: ext.signer, pallet: ext.pallet, call: ext.call, args: ext.args,
      fee: paid ? String(paid.args[1]) : null, tip: paid ? String(paid.args[2]) : null,
      success: !failed, error: failed ? codec.errorName(failed.args[0]) : null,
    };
  });
  const transfers: TransferRow[] = events.flatMap((e, eventIndex) => e.pallet === 'balances' && e.name === 'Transfer'
    ? [{ eventIndex, extrinsicIndex: e.extrinsicIndex, from: String(e.args[0]), to: String(e.args[1]), amount: String(e.args[2]) }]
    : []);
  return {
    block: {
      number: parseInt(header.number, 16), hash, parentHash: header.parentHash, stateRoot: header.stateRoot,
      extrinsicsRoot: header.extrinsicsRoot, author, timestamp, specVersion, extrinsicCount: extrinsics.length, eventCount: events.length,
    },
    extrinsics: extrinsicRows,
    events: events.map(({ phase, extrinsicIndex, pallet, name, data }, index) => ({ index, phase, extrinsicIndex, pallet, name, data })),
    transfers,
  };
}
