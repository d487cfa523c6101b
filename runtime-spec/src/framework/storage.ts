// FRAME storage items: key = twox128(pallet) ++ twox128(item) ++ hasher(key…).
import * as T from '../codec/types.ts';
import { blake2_128, blake2_256, concat, text, twox128, twox256, twox64 } from '../crypto.ts';
import type { Ext } from './ext.ts';
import { keyStr } from './overlay.ts';

export type Hasher = 'Blake2_128' | 'Blake2_256' | 'Blake2_128Concat' | 'Twox128' | 'Twox256' | 'Twox64Concat' | 'Identity';

export function hashKey(h: Hasher, k: Uint8Array): Uint8Array {
  switch (h) {
    case 'Blake2_128': return blake2_128(k);
    case 'Blake2_256': return blake2_256(k);
    case 'Blake2_128Concat': return concat(blake2_128(k), k);
    case 'Twox128': return twox128(k);
    case 'Twox256': return twox256(k);
    case 'Twox64Concat': return concat(twox64(k), k);
    case 'Identity': return k;
  }
}

/** Metadata hasher tags as @polkadot-api/substrate-bindings spells them. */
export const hasherTag = (h: Hasher): string => h.replace('_', '');

export interface StorageMeta {
  name: string;
  docs: string[];
  optional: boolean;
  hashers: Hasher[];
  keyTy?: T.Ty<any>;
  valueTy: T.Ty<any>;
  fallback: Uint8Array;
}

/** Final storage keys by encoded map key: hot accounts are looked up many times per extrinsic. */
class KeyCache {
  private map = new Map<string, Uint8Array>();
  get(encoded: Uint8Array, make: () => Uint8Array): Uint8Array {
    const s = keyStr(encoded);
    let k = this.map.get(s);
    if (!k) {
      if (this.map.size >= 100_000) this.map = new Map(); // bounded; recomputing is only slower
      k = make();
      this.map.set(s, k);
    }
    return k;
  }
}

abstract class Item<V> {
  prefix: Uint8Array = new Uint8Array(32);
  name = '';
  constructor(readonly valueTy: T.Ty<V>, readonly dflt: V | undefined, readonly docs: string[]) {}

  /** Called by `pallet()` once the pallet and item names are known. */
  bind(pallet: string, name: string): void {
    this.name = name;
    this.prefix = concat(twox128(text(pallet)), twox128(text(name)));
  }

  protected read(ext: Ext, key: Uint8Array): V | undefined {
    const raw = ext.get(key);
    return raw === undefined ? this.dflt : T.decodeAll(this.valueTy, raw);
  }

  protected write(ext: Ext, key: Uint8Array, v: V | undefined): void {
    if (v === undefined) ext.delete(key);
    else ext.set(key, this.valueTy.codec.enc(v));
  }

  abstract meta(): StorageMeta;
  protected baseMeta(hashers: Hasher[], keyTy?: T.Ty<any>): StorageMeta {
    return {
      name: this.name, docs: this.docs, optional: this.dflt === undefined, hashers, keyTy, valueTy: this.valueTy,
      fallback: this.dflt === undefined ? Uint8Array.of(0) : this.valueTy.codec.enc(this.dflt),
    };
  }
}

/** `R` is V when the item has a default (ValueQuery) and V | undefined otherwise (OptionQuery). */
export class StorageValue<V, R = V> extends Item<V> {
  key(): Uint8Array { return this.prefix; }
  get(ext: Ext): R { return this.read(ext, this.prefix) as R; }
  set(ext: Ext, v: V): void { this.write(ext, this.prefix, v); }
  kill(ext: Ext): void { ext.delete(this.prefix); }
  mutate(ext: Ext, f: (v: R) => V | undefined): void { this.write(ext, this.prefix, f(this.get(ext))); }
  meta(): StorageMeta { return this.baseMeta([]); }
}

export class StorageMap<K, V, R = V> extends Item<V> {
  constructor(readonly hasher: Hasher, readonly keyTy: T.Ty<K>, valueTy: T.Ty<V>, dflt: V | undefined, docs: string[]) {
    super(valueTy, dflt, docs);
  }
  private readonly keys = new KeyCache();
  key(k: K): Uint8Array {
    const enc = this.keyTy.codec.enc(k);
    return this.keys.get(enc, () => concat(this.prefix, hashKey(this.hasher, enc)));
  }
  get(ext: Ext, k: K): R { return this.read(ext, this.key(k)) as R; }
  contains(ext: Ext, k: K): boolean { return ext.get(this.key(k)) !== undefined; }
  set(ext: Ext, k: K, v: V): void { this.write(ext, this.key(k), v); }
  remove(ext: Ext, k: K): void { ext.delete(this.key(k)); }
  mutate(ext: Ext, k: K, f: (v: R) => V | undefined): void { const key = this.key(k); this.write(ext, key, f(this.read(ext, key) as R)); }
  meta(): StorageMeta { return this.baseMeta([this.hasher], this.keyTy); }
}

export class StorageDoubleMap<K1, K2, V, R = V> extends Item<V> {
  constructor(readonly h1: Hasher, readonly k1: T.Ty<K1>, readonly h2: Hasher, readonly k2: T.Ty<K2>,
    valueTy: T.Ty<V>, dflt: V | undefined, docs: string[]) {
    super(valueTy, dflt, docs);
  }
  key(a: K1, b: K2): Uint8Array {
    return concat(this.prefix, hashKey(this.h1, this.k1.codec.enc(a)), hashKey(this.h2, this.k2.codec.enc(b)));
  }
  get(ext: Ext, a: K1, b: K2): R { return this.read(ext, this.key(a, b)) as R; }
  set(ext: Ext, a: K1, b: K2, v: V): void { this.write(ext, this.key(a, b), v); }
  remove(ext: Ext, a: K1, b: K2): void { ext.delete(this.key(a, b)); }
  mutate(ext: Ext, a: K1, b: K2, f: (v: R) => V | undefined): void {
    const key = this.key(a, b); this.write(ext, key, f(this.read(ext, key) as R));
  }
  meta(): StorageMeta { return this.baseMeta([this.h1, this.h2], T.tuple(this.k1, this.k2)); }
}

interface Opts<V> { docs?: string[]; default?: V }
type Q<V, O> = O extends { default: any } ? V : V | undefined;

export const value = <V, O extends Opts<V> = {}>(ty: T.Ty<V>, o?: O): StorageValue<V, Q<V, O>> =>
  new StorageValue<V, Q<V, O>>(ty, o?.default, o?.docs ?? []);
export const map = <K, V, O extends Opts<V> = {}>(hasher: Hasher, keyTy: T.Ty<K>, ty: T.Ty<V>, o?: O): StorageMap<K, V, Q<V, O>> =>
  new StorageMap<K, V, Q<V, O>>(hasher, keyTy, ty, o?.default, o?.docs ?? []);
export const doubleMap = <K1, K2, V, O extends Opts<V> = {}>(h1: Hasher, k1: T.Ty<K1>, h2: Hasher, k2: T.Ty<K2>, ty: T.Ty<V>, o?: O): StorageDoubleMap<K1, K2, V, Q<V, O>> =>
  new StorageDoubleMap<K1, K2, V, Q<V, O>>(h1, k1, h2, k2, ty, o?.default, o?.docs ?? []);

export type AnyItem = StorageValue<any, any> | StorageMap<any, any, any> | StorageDoubleMap<any, any, any, any>;
