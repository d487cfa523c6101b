// Decodes SCALE straight to the plain values the indexer stores, driven by a runtime's metadata: one RuntimeCodec per
// runtime version, whose decoders (closures per type) are built once from the type definitions @polkadot/types derives
// from that metadata (`registry.lookup.getTypeDef`), so names and shapes follow it. Each value comes out as the
// `toPrimitive()` of the @polkadot/types codec would: integers as numbers up to 52 bits and decimal strings beyond,
// accounts in SS58, bytes as text when printable ASCII else 0x hex, enums as their variant name (all variants empty) or
// `{ camelCaseVariant: value }`, structs by their field names (renamed like `size_` where @polkadot/types renames).
// Types it has no decoder for (e.g. a nested RuntimeCall) are decoded by @polkadot/types itself, value by value.
// Storage values (the domain objects' state) are decoded likewise, with byte strings kept as bytes (see Decoders).
import type { Registry, TypeDef } from '@polkadot/types/types';
import { TypeDefInfo } from '@polkadot/types';
import { bnToU8a, isAscii, stringCamelCase, u8aConcat, u8aToBigInt, u8aToString } from '@polkadot/util';
import { blake2AsU8a, encodeAddress, xxhashAsU8a } from '@polkadot/util-crypto';
import { dispatchErrorName } from '@slmnet/client';
import { toHex } from '@slmnet/runtime-spec';

export class ScaleError extends Error {}

export function fromHex(hex: string): Uint8Array {
  const u8 = Buffer.from(hex.slice(2), 'hex');
  // Buffer.from stops at the first character that is not hex
  if (!hex.startsWith('0x') || u8.length * 2 !== hex.length - 2) throw new ScaleError(`not a 0x hex string: ${hex.slice(0, 20)}${hex.length > 20 ? '…' : ''}`);
  return u8;
}

/** An integer as toPrimitive gives it: a number below 2^52, else its decimal string. */
const bigPrim = (v: bigint): number | string => (v < 2n ** 52n && v > -(2n ** 52n) ? Number(v) : v.toString());

export class Reader {
  pos = 0;
  constructor(readonly u8: Uint8Array) {}
  private need(n: number): void {
    if (this.pos + n > this.u8.length) throw new ScaleError(`unexpected end of input: ${n} byte(s) needed at offset ${this.pos} of ${this.u8.length}`);
  }
  byte(): number {
    this.need(1);
    return this.u8[this.pos++];
  }
  take(n: number): Uint8Array {
    this.need(n);
    return this.u8.subarray(this.pos, (this.pos += n));
  }
  u32(): number {
    this.need(4);
    const u = this.u8, p = this.pos;
    this.pos += 4;
    return (u[p] | (u[p + 1] << 8) | (u[p + 2] << 16)) + u[p + 3] * 0x1000000;
  }
  /** Unsigned little-endian integer of `bytes` bytes, as toPrimitive gives it. */
  uint(bytes: number): number | string {
    if (bytes === 1) return this.byte();
    if (bytes === 2) { const lo = this.byte(); return lo | (this.byte() << 8); }
    if (bytes === 4) return this.u32();
    this.need(bytes);
    let high = 0;
    for (let i = 8; i < bytes; i++) high |= this.u8[this.pos + i];
    if (!high) {
      const lo = this.u32(), hi = this.u32();
      this.pos += bytes - 8;
      if (hi < 0x100000) return hi * 0x100000000 + lo;
      return ((BigInt(hi) << 32n) | BigInt(lo)).toString();
    }
    return bigPrim(this.bigLE(bytes));
  }
  int(bytes: number): number | string {
    const v = this.bigLE(bytes);
    return bigPrim(BigInt.asIntN(bytes * 8, v));
  }
  private bigLE(bytes: number): bigint {
    return u8aToBigInt(this.take(bytes)); // little-endian, unsigned
  }
  compact(): number | string {
    const b = this.u8[this.pos];
    switch (b & 3) {
      case 0: this.pos++; return b >> 2;
      case 1: return (this.uint(2) as number) >> 2;
      case 2: return (this.u32() - (b & 3)) / 4;
      default: this.pos++; return bigPrim(this.bigLE((b >> 2) + 4));
    }
  }
  /** A compact length or count. */
  length(): number {
    if (this.pos >= this.u8.length) throw new ScaleError(`unexpected end of input: a length needed at offset ${this.pos}`);
    const n = this.compact();
    if (typeof n !== 'number' || n > this.u8.length) throw new ScaleError(`implausible length ${n} at offset ${this.pos}`);
    return n;
  }
}

type Decode = (r: Reader) => unknown;

const ss58Cache = new Map<string, string>();
/** The SS58 address of a 32-byte account id (cached: a chain has few accounts, and encoding one costs a checksum). */
export function account(u8: Uint8Array, format: number): string {
  const key = `${format}${toHex(u8)}`;
  let s = ss58Cache.get(key);
  if (s === undefined) {
    if (ss58Cache.size > 100_000) ss58Cache.clear();
    ss58Cache.set(key, s = encodeAddress(u8, format));
  }
  return s;
}

/** A byte string as Raw.toPrimitive gives it: its text when printable ASCII, else 0x hex. */
function rawPrim(u8: Uint8Array): string {
  if (isAscii(u8)) {
    const text = u8aToString(u8);
    if (isAscii(text)) return text;
  }
  return toHex(u8);
}

const UINTS: Record<string, number> = { u8: 1, u16: 2, u32: 4, u64: 8, u128: 16, u256: 32 };
const INTS: Record<string, number> = { i8: 1, i16: 2, i32: 4, i64: 8, i128: 16, i256: 32 };
const FIXED: Record<string, number> = { H64: 8, H128: 16, H160: 20, H256: 32, H512: 64 };
/** Storage key hashers by their metadata name: the hash of a SCALE-encoded key, followed by the key for the `Concat` ones. */
const HASHERS: Record<string, (u8: Uint8Array) => Uint8Array> = {
  Blake2_128: (u8) => blake2AsU8a(u8, 128), Blake2_256: (u8) => blake2AsU8a(u8, 256), Blake2_128Concat: (u8) => u8aConcat(blake2AsU8a(u8, 128), u8),
  Twox128: (u8) => xxhashAsU8a(u8, 128), Twox256: (u8) => xxhashAsU8a(u8, 256), Twox64Concat: (u8) => u8aConcat(xxhashAsU8a(u8, 64), u8),
  Identity: (u8) => u8,
};

/**
 * Decoders of a runtime's types, built once per type from its metadata. `primitive`: values as toPrimitive gives them.
 * `state` (storage values, for the domain rows): the same, but byte strings as Uint8Array and enums as `{ type, value }`
 * (the variant's name as in the metadata; value null for an empty one).
 */
export class Decoders {
  private readonly decoders = new Map<number, Decode>();
  private readonly ss58Format: number;
  private readonly bytes: (u8: Uint8Array) => unknown;

  constructor(private readonly registry: Registry, private readonly mode: 'primitive' | 'state') {
    this.ss58Format = registry.chainSS58 ?? 42;
    this.bytes = mode === 'state' ? (u8) => new Uint8Array(u8) : rawPrim; // a copy: the input may be a view of a larger buffer
  }

  /** The decoder of lookup type `id`, built once (recursive types through a lazy reference). */
  byId(id: number): Decode {
    let d = this.decoders.get(id);
    if (!d) {
      let built: Decode | undefined;
      this.decoders.set(id, (r) => built!(r));
      built = this.fromDef(this.registry.lookup.getTypeDef(id), id);
      this.decoders.set(id, d = built);
    }
    return d;
  }

  /** A value @polkadot/types decodes: its toPrimitive, and as many bytes consumed as it took. */
  private fallback(type: string): Decode {
    return (r) => {
      const c = this.registry.createTypeUnsafe(type, [r.u8.subarray(r.pos)]);
      r.pos += c.encodedLength;
      if (r.pos > r.u8.length) throw new ScaleError(`unexpected end of input decoding ${type}`);
      return c.toPrimitive();
    };
  }

  fromDef(def: TypeDef, id?: number): Decode {
    const sub = def.sub as TypeDef | undefined;
    const subs = def.sub as TypeDef[] | undefined;
    const isU8 = (d: TypeDef | undefined) => d?.info === TypeDefInfo.Plain && d.type === 'u8';
    const other = () => this.fallback(id !== undefined ? this.registry.createLookupType(id) : def.type);
    switch (def.info) {
      case TypeDefInfo.Si: return this.byId(def.lookupIndex!);
      case TypeDefInfo.Null: return () => null;
      case TypeDefInfo.Plain: return this.plain(def.type) ?? other();
      case TypeDefInfo.Int: case TypeDefInfo.UInt: {
        const bytes = (def.length ?? 0) / 8;
        if (!Number.isInteger(bytes) || bytes < 1) return other();
        return def.info === TypeDefInfo.UInt ? (r) => r.uint(bytes) : (r) => r.int(bytes);
      }
      case TypeDefInfo.Compact: {
        const inner = sub && sub.info === TypeDefInfo.Si ? this.registry.lookup.getTypeDef(sub.lookupIndex!) : sub;
        return inner?.info === TypeDefInfo.Plain && UINTS[inner.type] ? (r) => r.compact() : other();
      }
      case TypeDefInfo.Option: {
        if (!sub || (sub.info === TypeDefInfo.Plain && sub.type === 'bool')) return other();
        const some = this.fromDef(sub);
        return (r) => {
          const b = r.byte();
          if (b === 0) return null;
          if (b === 1) return some(r);
          throw new ScaleError(`invalid Option tag ${b} at offset ${r.pos - 1} (${def.type})`);
        };
      }
      case TypeDefInfo.Result: {
        const [ok, err] = subs!.map((s) => this.fromDef(s));
        return (r) => {
          const b = r.byte();
          if (b === 0) return { ok: ok(r) };
          if (b === 1) return { err: err(r) };
          throw new ScaleError(`invalid Result tag ${b} at offset ${r.pos - 1} (${def.type})`);
        };
      }
      case TypeDefInfo.Enum: {
        const basic = subs!.every((s) => s.type === 'Null');
        const byIndex = new Map<number, { name: string; key: string; value: Decode | null }>();
        for (const s of subs!) byIndex.set(s.index!, { name: s.name!, key: basic ? s.name! : stringCamelCase(s.name!), value: basic ? null : this.fromDef(s) });
        const tagged = this.mode === 'state';
        return (r) => {
          const b = r.byte();
          const v = byIndex.get(b);
          if (!v) throw new ScaleError(`unknown variant ${b} at offset ${r.pos - 1} of ${def.lookupName ?? def.type}`);
          if (tagged) return { type: v.name, value: v.value ? v.value(r) : null };
          return v.value ? { [v.key]: v.value(r) } : v.key;
        };
      }
      case TypeDefInfo.Struct: {
        const names = subs!.map((s) => s.name!);
        const fields = subs!.map((s) => this.fromDef(s));
        return (r) => {
          const o: Record<string, unknown> = {};
          for (let i = 0; i < fields.length; i++) o[names[i]] = fields[i](r);
          return o;
        };
      }
      case TypeDefInfo.Tuple: {
        const fields = subs!.map((s) => this.fromDef(s));
        return (r) => fields.map((f) => f(r));
      }
      case TypeDefInfo.Vec: {
        if (isU8(sub)) return (r) => this.bytes(r.take(r.length()));
        const item = this.fromDef(sub!);
        return (r) => {
          const n = r.length();
          const out = new Array(n);
          for (let i = 0; i < n; i++) out[i] = item(r);
          return out;
        };
      }
      case TypeDefInfo.VecFixed: {
        const n = def.length!;
        if (isU8(sub)) return (r) => this.bytes(r.take(n));
        const item = this.fromDef(sub!);
        return (r) => Array.from({ length: n }, () => item(r));
      }
      default: return other();
    }
  }

  /** Named types @polkadot/types maps to its own classes; undefined: decode with @polkadot/types. */
  private plain(type: string): Decode | undefined {
    if (UINTS[type]) { const n = UINTS[type]; return (r) => r.uint(n); }
    if (INTS[type]) { const n = INTS[type]; return (r) => r.int(n); }
    if (FIXED[type]) { const n = FIXED[type]; return (r) => this.bytes(r.take(n)); }
    switch (type) {
      case 'bool': return (r) => {
        const b = r.byte();
        if (b > 1) throw new ScaleError(`invalid bool ${b} at offset ${r.pos - 1}`);
        return b === 1;
      };
      case 'Null': return () => null;
      case 'Bytes': return (r) => this.bytes(r.take(r.length()));
      case 'Text': case 'String': return (r) => u8aToString(r.take(r.length()));
      case 'AccountId': case 'AccountId32': return (r) => account(r.take(32), this.ss58Format);
      case 'MultiAddress': {
        const index = this.fallback('Compact<AccountIndex>');
        return (r) => {
          const b = r.byte();
          switch (b) {
            case 0: return { id: account(r.take(32), this.ss58Format) };
            case 1: return { index: index(r) };
            case 2: return { raw: this.bytes(r.take(r.length())) };
            case 3: return { address32: this.bytes(r.take(32)) };
            case 4: return { address20: this.bytes(r.take(20)) };
            default: throw new ScaleError(`unknown MultiAddress variant ${b} at offset ${r.pos - 1}`);
          }
        };
      }
      default: return undefined;
    }
  }

}

export interface PlainEvent {
  phase: string; extrinsicIndex: number | null; pallet: string; name: string;
  /** The fields by position. */
  args: unknown[];
  /** By name when every field has one (as EventData names them), else the positional list. */
  data: unknown;
}
export interface PlainExtrinsic { hash: string; signer: string | null; pallet: string; call: string; args: Record<string, unknown> }

interface Variant { name: string; names: string[] | null; fields: Decode[] }
/** An enum's variants by index, decoded into their parts. */
type Variants = Map<number, Variant>;

export class RuntimeCodec {
  /** Decoders of event fields and call arguments. */
  private readonly values: Decoders;
  /** Decoders of storage values. */
  private readonly state: Decoders;
  /** The chain's SS58 prefix (accounts are shown in it). */
  readonly ss58Format: number;
  private readonly eventPallets = new Map<number, { section: string; variants: Variants }>();
  private readonly callPallets = new Map<number, Map<number, { section: string; method: string; names: string[]; fields: Decode[] }>>();
  private readonly phase: Variants;
  private readonly topics: Decode;
  private readonly address: Decode;
  private readonly signature: Decode;
  private readonly extensions: Decode[];
  private readonly errorNames = new Map<string, string>();

  constructor(private readonly registry: Registry) {
    this.ss58Format = registry.chainSS58 ?? 42;
    this.values = new Decoders(registry, 'primitive');
    this.state = new Decoders(registry, 'state');
    const { lookup, metadata } = registry;
    const sectionOf = new Map(metadata.pallets.map((p) => [p.index.toNumber(), stringCamelCase(p.name)]));
    // RuntimeEvent and RuntimeCall: one variant per pallet (its index), whose single field is the pallet's enum
    const outer = (id: number, each: (index: number, inner: number) => void) => {
      const si = lookup.getSiType(id);
      if (!si.def.isVariant) throw new ScaleError(`type ${id} (${si.path.join('::')}) is not an enum`);
      for (const v of si.def.asVariant.variants) each(v.index.toNumber(), v.fields[0].type.toNumber());
    };
    const variants = (id: number) => lookup.getSiType(id).def.asVariant.variants;
    const record = lookup.getSiType(lookup.getSiType(RuntimeCodec.valueType(this.storageItem('system', 'events'))).def.asSequence.type);
    const field = (name: string) => record.def.asComposite.fields.find((f) => f.name.unwrapOr('').toString() === name)!.type.toNumber();
    outer(field('event'), (index, inner) => {
      const vs: Variants = new Map();
      for (const v of variants(inner)) {
        const names = v.fields.map((f) => lookup.sanitizeField(f.name)[0]);
        vs.set(v.index.toNumber(), {
          name: v.name.toString(), names: names.every((n) => !!n) ? names as string[] : null, fields: v.fields.map((f) => this.values.byId(f.type.toNumber())),
        });
      }
      this.eventPallets.set(index, { section: sectionOf.get(index) ?? `<${index}>`, variants: vs });
    });
    this.phase = this.variantsOf(field('phase'));
    this.topics = this.values.byId(field('topics'));
    const ext = metadata.extrinsic;
    outer(ext.callType.toNumber(), (index, inner) => {
      const calls = new Map<number, { section: string; method: string; names: string[]; fields: Decode[] }>();
      for (const v of variants(inner)) {
        const i = v.index.toNumber();
        const fn = registry.findMetaCall(new Uint8Array([index, i]));
        calls.set(i, { section: fn.section, method: fn.method, names: fn.meta.args.map((a) => a.name.toString()), fields: v.fields.map((f) => this.values.byId(f.type.toNumber())) });
      }
      this.callPallets.set(index, calls);
    });
    this.address = this.values.byId(ext.addressType.toNumber());
    this.signature = this.values.byId(ext.signatureType.toNumber());
    this.extensions = ext.transactionExtensions.map((e) => {
      const def = lookup.getTypeDef(e.type);
      return def.info === TypeDefInfo.Plain && def.type === 'Era' ? (r: Reader) => (r.byte() ? r.byte() : 0) : this.values.byId(e.type.toNumber());
    });
  }

  private variantsOf(id: number): Variants {
    const vs: Variants = new Map();
    for (const sub of this.registry.lookup.getTypeDef(id).sub as TypeDef[]) {
      vs.set(sub.index!, { name: sub.name!, names: null, fields: sub.info === TypeDefInfo.Null ? [] : [this.values.fromDef(sub)] });
    }
    return vs;
  }

  private pallet(section: string) {
    return this.registry.metadata.pallets.find((p) => stringCamelCase(p.name) === section);
  }

  private storageItem(section: string, method: string) {
    const item = this.pallet(section)?.storage.unwrapOr(undefined)?.items.find((i) => stringCamelCase(i.name) === method);
    if (!item) throw new ScaleError(`no storage ${section}.${method} in this runtime`);
    return item;
  }

  /** The type id of a storage entry's values. */
  private static valueType({ type }: ReturnType<RuntimeCodec['storageItem']>): number {
    return (type.isPlain ? type.asPlain : type.asMap.value).toNumber();
  }

  private readonly storageDecoders = new Map<string, (raw: string | null) => unknown>();
  /**
   * The decoder of raw values (0x hex; null: absent) of storage entry `section.method`, as the domain rows read them:
   * byte strings as Uint8Array, enums as `{ type, value }` (Decoders `state`). An absent value is null in an optional entry
   * and the entry's default otherwise.
   */
  storage(section: string, method: string): (raw: string | null) => unknown {
    const key = `${section}.${method}`;
    let d = this.storageDecoders.get(key);
    if (!d) {
      const item = this.storageItem(section, method);
      const decode = this.state.byId(RuntimeCodec.valueType(item));
      const optional = item.modifier.isOptional;
      const fallback = item.fallback.toU8a(true);
      d = (raw) => {
        if (raw === null && optional) return null;
        const u8 = raw === null ? fallback : fromHex(raw);
        const r = new Reader(u8);
        const v = decode(r);
        if (r.pos !== u8.length) throw new ScaleError(`${u8.length - r.pos} trailing byte(s) in a value of ${key}`);
        return v;
      };
      this.storageDecoders.set(key, d);
    }
    return d;
  }

  private readonly storageKeys = new Map<string, ((arg: unknown) => string) | null>();
  /**
   * The key builder of storage map `section.method` (an argument: the key, or an array of keys for several hashers) when
   * all its keys are unsigned integers (ids): the pallet and item prefix, then each key hashed as the metadata says.
   * @polkadot/types' decorated storage builds the same keys with codec objects, a tenth of the decoding time of a
   * catch-up. null for other key types (the caller then asks @polkadot/types).
   */
  storageKey(section: string, method: string): ((arg: unknown) => string) | null {
    const id = `${section}.${method}`;
    let build = this.storageKeys.get(id);
    if (build === undefined) {
      build = null;
      const item = this.storageItem(section, method);
      if (item.type.isMap) {
        const { hashers, key } = item.type.asMap;
        const { lookup } = this.registry;
        const keyTypes = hashers.length === 1 ? [key.toNumber()] : lookup.getSiType(key).def.asTuple.map((t) => t.toNumber());
        const sizes = keyTypes.map((t) => {
          const def = lookup.getSiType(t).def;
          return def.isPrimitive ? UINTS[def.asPrimitive.type.toLowerCase()] : undefined;
        });
        if (sizes.every((n) => n !== undefined) && sizes.length === hashers.length) {
          const prefix = u8aConcat(xxhashAsU8a(this.pallet(section)!.storage.unwrap().prefix.toString(), 128), xxhashAsU8a(item.name.toString(), 128));
          const hash = hashers.map((h) => HASHERS[h.type]);
          if (hash.every((f) => f)) {
            build = (arg) => {
              const keys = hashers.length === 1 ? [arg] : arg as unknown[];
              return toHex(u8aConcat(prefix, ...keys.map((k, i) => hash[i](bnToU8a(BigInt(k as string), { bitLength: sizes[i]! * 8 })))));
            };
          }
        }
      }
      this.storageKeys.set(id, build);
    }
    return build;
  }

  private eventTypeOf(section: string): number {
    return this.pallet(section)!.events.unwrap().type.toNumber();
  }

  /** System.Events (a Vec<EventRecord>, raw storage value; null: none). */
  events(raw: Uint8Array | null): PlainEvent[] {
    if (!raw) return [];
    const r = new Reader(raw);
    const n = r.length();
    const out: PlainEvent[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const at = r.pos;
      try {
        const p = r.byte();
        const phase = this.phase.get(p);
        if (!phase) throw new ScaleError(`unknown phase ${p}`);
        const extrinsicIndex = phase.fields.length ? phase.fields[0](r) as number : null;
        const pi = r.byte(), vi = r.byte();
        const pallet = this.eventPallets.get(pi);
        const v = pallet?.variants.get(vi);
        if (!pallet || !v) throw new ScaleError(`unknown event [${pi}, ${vi}]`);
        const args = v.fields.map((f) => f(r));
        this.topics(r);
        let data: unknown = args;
        if (v.names) {
          const o: Record<string, unknown> = {};
          for (let k = 0; k < args.length; k++) o[v.names[k]] = args[k];
          data = o;
        }
        out[i] = { phase: phase.name, extrinsicIndex, pallet: pallet.section, name: v.name, args, data };
      } catch (e) {
        throw new ScaleError(`event ${i} (at byte ${at}): ${(e as Error).message}`);
      }
    }
    if (r.pos !== raw.length) throw new ScaleError(`${raw.length - r.pos} trailing byte(s) after ${n} events`);
    return out;
  }

  /** One extrinsic of a block body (0x hex, with its length prefix). */
  extrinsic(hex: string): PlainExtrinsic {
    const u8 = fromHex(hex);
    const r = new Reader(u8);
    const len = r.length();
    if (len !== u8.length - r.pos) throw new ScaleError(`extrinsic length prefix ${len} but ${u8.length - r.pos} bytes follow`);
    const version = r.byte();
    let signer: string | null = null;
    if ((version & 0x3f) !== 4) {
      // not a v4 extrinsic (e.g. v5): @polkadot/types reads its envelope, the call is decoded here
      const ext = this.registry.createType('Extrinsic', u8);
      if (ext.isSigned) signer = ext.signer.toString();
      return { hash: toHex(blake2AsU8a(u8)), signer, ...this.call(new Reader(ext.method.toU8a()), true) };
    }
    if (version & 0x80) {
      const address = this.address(r) as string | { id?: string };
      // an account id; another kind of address (an index, raw bytes) as @polkadot/types prints it
      signer = typeof address === 'string' ? address : address.id ?? this.registry.createType('Extrinsic', u8).signer.toString();
      this.signature(r);
      for (const e of this.extensions) e(r);
    }
    return { hash: toHex(blake2AsU8a(u8)), signer, ...this.call(r, true) };
  }

  private call(r: Reader, whole: boolean): Pick<PlainExtrinsic, 'pallet' | 'call' | 'args'> {
    const pi = r.byte(), ci = r.byte();
    const c = this.callPallets.get(pi)?.get(ci);
    if (!c) throw new ScaleError(`unknown call [${pi}, ${ci}]`);
    const args: Record<string, unknown> = {};
    for (let i = 0; i < c.fields.length; i++) args[c.names[i]] = c.fields[i](r);
    if (whole && r.pos !== r.u8.length) throw new ScaleError(`${r.u8.length - r.pos} trailing byte(s) after ${c.section}.${c.method}`);
    return { pallet: c.section, call: c.method, args };
  }

  /** `Pallet.Error` of a DispatchError value (as decoded here): @slmnet/client's dispatchErrorName, once per distinct error. */
  errorName(e: unknown): string {
    const key = JSON.stringify(e);
    let name = this.errorNames.get(key);
    if (name === undefined) {
      name = dispatchErrorName(this.registry, this.registry.createType('DispatchError', e)).name;
      this.errorNames.set(key, name);
    }
    return name;
  }
}
