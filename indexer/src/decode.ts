// Decodes blocks, each with the metadata of its own runtime version, into the rows the indexer stores.
//
// A batch of consecutive blocks costs few round trips: their hashes in one chain_getBlockHash call, each block's body
// (chain_getBlock), the runtime versions at both ends of the batch (bisected only when they differ, i.e. across an
// upgrade: spec versions only grow), and System.Events and Aura.Authorities of every block of the batch in one
// state_queryStorage (per-block state_queryStorageAt where a node refuses that). Everything is decoded here with the
// registry of the block's runtime (the one of its parent's state, as api.at(hash) picks it), created once per spec version.
import type { ApiPromise } from '@polkadot/api';
import type { ProviderInterface } from '@polkadot/rpc-provider/types';
import type { Registry } from '@polkadot/types/types';
import type { Codec } from '@polkadot/types/types';
import type { DispatchError, EventRecord, RuntimeVersion, SignedBlock } from '@polkadot/types/interfaces';
import { unwrapStorageSi } from '@polkadot/types/util';
import { hexToU8a } from '@polkadot/util';
import { xxhashAsHex } from '@polkadot/util-crypto';
import { dispatchErrorName } from '@slmnet/client';
import { decodeDomain, type DomainRows, type StorageMulti } from './domain.ts';

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

/** Plain JSON of a value: integers beyond 2^53 as decimal strings (toPrimitive gives those as strings already). */
const plain = (c: Codec): unknown => c.toPrimitive();

// Storage values and metadata entries are dynamic (no static types for this chain's metadata).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Dyn = any;

const EVENTS_KEY = xxhashAsHex('System', 128) + xxhashAsHex('Events', 128).slice(2);
const AURA_AUTHORITIES_KEY = xxhashAsHex('Aura', 128) + xxhashAsHex('Authorities', 128).slice(2);
/** state_queryStorage answers at most this many blocks at once (this node, and a sane bound anyway). */
const MAX_RANGE = 1000;

/** A storage value as @polkadot/api's storage queries decode it (rpc-core `_newType`): the default when absent, Option for optional entries. */
function decodeStorage(registry: Registry, entry: Dyn, value: string | null): Dyn {
  const meta = entry.meta;
  const type = registry.createLookupType(unwrapStorageSi(meta.type));
  const optional = meta.modifier.isOptional;
  if (value === null) {
    return registry.createTypeUnsafe(type, [meta.fallback ? hexToU8a(meta.fallback.toHex()) : undefined], { isFallback: !!meta.fallback, isOptional: optional });
  }
  const input = hexToU8a(value);
  return registry.createTypeUnsafe(type, [optional ? registry.createTypeUnsafe(type, [input]) : input], { isOptional: optional });
}

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

/** One runtime: its registry and its storage entries (keys and types). */
interface Runtime { registry: Registry; query: Dyn; authorities: Map<string, string[]> }

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
      r = this.api.at(hash, version).then((at) => ({ registry: at.registry, query: at.query, authorities: new Map() }));
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
    let queue: { keys: string[]; entry: Dyn; resolve: (v: Dyn[]) => void; reject: (e: unknown) => void }[] = [];
    const flush = async () => {
      const q = queue;
      queue = [];
      try {
        const keys = [...new Set(q.flatMap((x) => x.keys))];
        const [set] = await this.send<{ changes: [string, string | null][] }[]>('state_queryStorageAt', [keys, hash]);
        const values = new Map(set.changes);
        for (const x of q) x.resolve(x.keys.map((k) => decodeStorage(rt.registry, x.entry.creator, values.get(k) ?? null)));
      } catch (e) {
        for (const x of q) x.reject(e);
      }
    };
    return (section, method, args) => {
      const entry = rt.query[section]?.[method];
      if (!entry) return Promise.reject(new Error(`no storage ${section}.${method} in this runtime`));
      if (!args.length) return Promise.resolve([]);
      const keys = args.map((a) => (Array.isArray(a) ? entry.key(...a) : entry.key(a)) as string);
      return new Promise((resolve, reject) => {
        if (!queue.length) setImmediate(flush);
        queue.push({ keys, entry, resolve, reject });
      });
    };
  }

  /** The Aura authority (SS58) of the block's slot: authorities[slot % count] in the parent's state; null at genesis or without Aura. */
  private author(rt: Runtime, signed: SignedBlock, authoritiesRaw: string | null | undefined): string | null {
    const pre = signed.block.header.digest.logs.find((l) => l.isPreRuntime && l.asPreRuntime[0].toString() === 'aura');
    if (!pre || authoritiesRaw === undefined || !rt.query.aura?.authorities) return null;
    const cacheKey = authoritiesRaw ?? '';
    let list = rt.authorities.get(cacheKey);
    if (!list) {
      const decoded = decodeStorage(rt.registry, rt.query.aura.authorities.creator, authoritiesRaw) as Dyn[];
      list = decoded.map((a) => rt.registry.createType('AccountId32', a.toU8a()).toString());
      if (rt.authorities.size > 64) rt.authorities.clear();
      rt.authorities.set(cacheKey, list);
    }
    if (!list.length) return null;
    const slot = rt.registry.createType('u64', pre.asPreRuntime[1].toU8a(true)).toBigInt();
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
      const signed = rt.registry.createType('SignedBlock', bodies[i]) as unknown as SignedBlock;
      const records = decodeStorage(rt.registry, rt.query.system.events.creator, storage[j][0]) as EventRecord[];
      const author = number === 0 ? null : this.author(rt, signed, storage[j - 1][1]);
      const block = rows(rt.registry, signed, records, author, versions[j].specVersion.toNumber());
      const domain = decodeDomain(this.reader(rt, all[j]), records, number);
      domain.catch(() => undefined); // awaited below
      out.push(domain.then((d) => ({ ...block, domain: d })));
    }
    return Promise.all(out);
  }
}

/** One block's rows from its decoded body and events. */
function rows(registry: Registry, signed: SignedBlock, records: EventRecord[], author: string | null, specVersion: number): Omit<DecodedBlock, 'domain'> {
  const { header, extrinsics } = signed.block;
  const events: EventRow[] = records.map((r, index) => {
    const { event, phase } = r;
    const names = event.data.names;
    const data = names ? Object.fromEntries(names.map((n, i) => [n, plain(event.data[i])])) : event.data.map(plain);
    return {
      index, phase: phase.type, extrinsicIndex: phase.isApplyExtrinsic ? phase.asApplyExtrinsic.toNumber() : null,
      pallet: event.section, name: event.method, data,
    };
  });
  const byExtrinsic = new Map<number, EventRecord['event'][]>();
  for (const r of records) {
    if (!r.phase.isApplyExtrinsic) continue;
    const i = r.phase.asApplyExtrinsic.toNumber();
    const list = byExtrinsic.get(i);
    if (list) list.push(r.event); else byExtrinsic.set(i, [r.event]);
  }
  const ofExtrinsic = (i: number) => byExtrinsic.get(i) ?? [];
  let timestamp: Date | null = null;
  const rows: ExtrinsicRow[] = extrinsics.map((ext, index) => {
    const { section, method } = ext.method;
    if (section === 'timestamp' && method === 'set') timestamp = new Date(Number(ext.method.args[0].toString()));
    const evs = ofExtrinsic(index);
    const paid = evs.find((e) => e.section === 'transactionPayment' && e.method === 'TransactionFeePaid');
    const failed = evs.find((e) => e.section === 'system' && e.method === 'ExtrinsicFailed');
    const argNames = ext.method.meta.args.map((a) => a.name.toString());
    return {
      index, hash: ext.hash.toHex(), signer: ext.isSigned ? ext.signer.toString() : null,
      pallet: section, call: method,
      args: Object.fromEntries(ext.method.args.map((a, i) => [argNames[i], plain(a)])),
      fee: paid ? paid.data[1].toString() : null, tip: paid ? paid.data[2].toString() : null,
      success: !failed, error: failed ? dispatchErrorName(registry, failed.data[0] as DispatchError).name : null,
    };
  });
  const transfers: TransferRow[] = records.flatMap((r, eventIndex) => r.event.section === 'balances' && r.event.method === 'Transfer'
    ? [{
      eventIndex, extrinsicIndex: r.phase.isApplyExtrinsic ? r.phase.asApplyExtrinsic.toNumber() : null,
      from: r.event.data[0].toString(), to: r.event.data[1].toString(), amount: r.event.data[2].toString(),
    }]
    : []);
  return {
    block: {
      number: header.number.toNumber(), hash: header.hash.toHex(), parentHash: header.parentHash.toHex(),
      stateRoot: header.stateRoot.toHex(), extrinsicsRoot: header.extrinsicsRoot.toHex(), author, timestamp,
      specVersion, extrinsicCount: extrinsics.length, eventCount: records.length,
    },
    extrinsics: rows, events, transfers,
  };
}
