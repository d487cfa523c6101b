// Codecs that also describe themselves (scale-info), so one declaration yields
// both the SCALE encoding and the metadata type. Built on scale-ts.
import {
  Bytes, Option as OptionCodec, Struct, Tuple, Vector, bool as boolCodec, compact as compactCodec,
  createCodec, createDecoder, str as strCodec, u8 as u8Codec, u16 as u16Codec, u32 as u32Codec,
  u64 as u64Codec, u128 as u128Codec, _void, type Codec,
} from 'scale-ts';

export type Primitive = 'bool' | 'char' | 'str' | 'u8' | 'u16' | 'u32' | 'u64' | 'u128' | 'u256'
  | 'i8' | 'i16' | 'i32' | 'i64' | 'i128' | 'i256';

export interface Field { name?: string; ty: Ty<any>; typeName?: string; docs?: string[] }
export interface VariantDef { name: string; index: number; fields: Field[]; docs?: string[] }
export interface TypeParam { name: string; ty?: Ty<any> }

export type TypeDef =
  | { kind: 'primitive'; prim: Primitive }
  | { kind: 'compact'; inner: Ty<any> }
  | { kind: 'sequence'; inner: Ty<any> }
  | { kind: 'array'; len: number; inner: Ty<any> }
  | { kind: 'tuple'; items: Ty<any>[] }
  | { kind: 'composite'; fields: Field[] }
  | { kind: 'variant'; variants: VariantDef[] };

/** A codec plus its type description. `path` empty for anonymous types. */
export interface Ty<T> {
  readonly codec: Codec<T>;
  readonly path: string[];
  readonly params: TypeParam[];
  readonly docs: string[];
  /** Resolved lazily so recursive types (RuntimeCall in Utility.batch) work. */
  def(): TypeDef;
}

export interface Named { path?: string[]; params?: TypeParam[]; docs?: string[] }

function make<T>(codec: Codec<T>, def: () => TypeDef, named: Named = {}): Ty<T> {
  let cached: TypeDef | undefined;
  return {
    codec, path: named.path ?? [], params: named.params ?? [], docs: named.docs ?? [],
    def: () => (cached ??= def()),
  };
}

const prim = <T>(codec: Codec<T>, p: Primitive): Ty<T> => make(codec, () => ({ kind: 'primitive', prim: p }));

export const u8 = prim(u8Codec, 'u8');
export const u16 = prim(u16Codec, 'u16');
export const u32 = prim(u32Codec, 'u32');
export const u64 = prim(u64Codec, 'u64');
export const u128 = prim(u128Codec, 'u128');
export const bool = prim(boolCodec, 'bool');
export const str = prim(strCodec, 'str');
export const unit: Ty<undefined> = make(_void, () => ({ kind: 'tuple', items: [] }));

/** Compact<u32> decodes to number, Compact<u64|u128> to bigint. */
export function compact(inner: Ty<number>): Ty<number>;
export function compact(inner: Ty<bigint>): Ty<bigint>;
export function compact(inner: Ty<any>): Ty<any> {
  const p = (inner.def() as { prim?: Primitive }).prim;
  const big = p === 'u64' || p === 'u128';
  const codec = createCodec<any>(
    (v) => compactCodec.enc(v),
    createDecoder((b) => { const v = compactCodec.dec(b); return big ? BigInt(v) : Number(v); }),
  );
  return make(codec, () => ({ kind: 'compact', inner }));
}

/** Vec<T>; a length larger than the remaining input is rejected before looping. */
export function vec<T>(inner: Ty<T>): Ty<T[]> {
  const base = Vector(inner.codec);
  const dec = createDecoder((input: any) => {
    const n = Number(compactCodec.dec(input));
    if (n > input.length - input.i) throw new Error('sequence length exceeds input');
    const out: T[] = new Array(n);
    for (let k = 0; k < n; k++) out[k] = inner.codec.dec(input);
    return out;
  });
  return make(createCodec(base.enc, dec), () => ({ kind: 'sequence', inner }));
}
/** Vec<u8> as raw bytes. */
export const bytes: Ty<Uint8Array> = make(Bytes(), () => ({ kind: 'sequence', inner: u8 }));
/** [u8; N] as raw bytes. */
export const fixed = (len: number): Ty<Uint8Array> => make(Bytes(len), () => ({ kind: 'array', len, inner: u8 }));
export const array = <T>(inner: Ty<T>, len: number): Ty<T[]> =>
  make(Vector(inner.codec, len), () => ({ kind: 'array', len, inner }));

export function tuple<A extends Ty<any>[]>(...items: A): Ty<{ [K in keyof A]: A[K] extends Ty<infer V> ? V : never }> {
  return make(Tuple(...(items.map((i) => i.codec) as [Codec<any>])) as any, () => ({ kind: 'tuple', items }));
}

export const option = <T>(inner: Ty<T>): Ty<T | undefined> =>
  make(OptionCodec(inner.codec), () => ({
    kind: 'variant',
    variants: [{ name: 'None', index: 0, fields: [] }, { name: 'Some', index: 1, fields: [{ ty: inner }] }],
  }), { path: ['Option'], params: [{ name: 'T', ty: inner }] });

export type FieldsOf<F extends Record<string, Ty<any>>> = { [K in keyof F]: F[K] extends Ty<infer V> ? V : never };

/** Named-field struct. `typeNames` gives the Rust type names shown in metadata. */
export function struct<F extends Record<string, Ty<any>>>(
  named: Named, fields: F, typeNames: Partial<Record<keyof F, string>> = {},
): Ty<FieldsOf<F>> {
  const codecs: Record<string, Codec<any>> = {};
  for (const [k, t] of Object.entries(fields)) codecs[k] = t.codec;
  return make(Struct(codecs as any) as any, () => ({
    kind: 'composite',
    fields: Object.entries(fields).map(([name, ty]) => ({ name, ty, typeName: typeNames[name as keyof F] })),
  }), named);
}

/** Newtype wrapper (single unnamed field), e.g. AccountId32([u8; 32]). */
export function newtype<T>(named: Named, inner: Ty<T>, typeName?: string): Ty<T> {
  return make(inner.codec, () => ({ kind: 'composite', fields: [{ ty: inner, typeName }] }), named);
}

export interface VariantSpec { index?: number; fields?: Record<string, Ty<any>> | Ty<any>[]; docs?: string[]; typeNames?: Record<string, string> }
export type EnumValue = { tag: string; value: any };

/**
 * Enum with explicit or positional indices. Value shape: `{tag, value}` where
 * value is undefined (no fields), the single unnamed field's value, an array
 * (several unnamed fields) or an object (named fields).
 */
export function enumeration<V extends EnumValue = EnumValue>(named: Named, variants: Record<string, VariantSpec> | (() => Record<string, VariantSpec>)): Ty<V> {
  let resolved: { name: string; index: number; spec: VariantSpec; codec?: Codec<any> }[] | undefined;
  const byName = new Map<string, { index: number; codec?: Codec<any> }>();
  const byIndex = new Map<number, { name: string; codec?: Codec<any> }>();
  const resolve = () => {
    if (resolved) return resolved;
    const specs = typeof variants === 'function' ? variants() : variants;
    resolved = Object.entries(specs).map(([name, spec], i) => {
      const f = spec.fields;
      let codec: Codec<any> | undefined;
      if (Array.isArray(f)) codec = f.length === 0 ? undefined : f.length === 1 ? f[0].codec : Tuple(...(f.map((t) => t.codec) as [Codec<any>]));
      else if (f && Object.keys(f).length > 0) codec = Struct(Object.fromEntries(Object.entries(f).map(([k, t]) => [k, t.codec])) as any);
      return { name, index: spec.index ?? i, spec, codec };
    });
    for (const r of resolved) { byName.set(r.name, r); byIndex.set(r.index, r); }
    return resolved;
  };
  const enc = (v: V): Uint8Array => {
    resolve();
    const r = byName.get(v.tag);
    if (!r) throw new Error(`unknown variant ${v.tag} of ${named.path?.join('::')}`);
    if (!r.codec) return Uint8Array.of(r.index);
    const body = r.codec.enc(v.value);
    const out = new Uint8Array(body.length + 1);
    out[0] = r.index; out.set(body, 1);
    return out;
  };
  const dec = createDecoder((input: any) => {
    resolve();
    if (input.i >= input.length) throw new Error('unexpected end of input');
    const idx = input[input.i++];
    const r = byIndex.get(idx);
    if (!r) throw new Error(`invalid variant index ${idx} for ${named.path?.join('::') || 'enum'}`);
    return { tag: r.name, value: r.codec ? r.codec.dec(input) : undefined } as V;
  });
  return make(createCodec(enc, dec), () => ({
    kind: 'variant',
    variants: resolve().map(({ name, index, spec }) => ({
      name, index, docs: spec.docs,
      fields: Array.isArray(spec.fields) ? spec.fields.map((ty) => ({ ty }))
        : Object.entries(spec.fields ?? {}).map(([fname, ty]) => ({ name: fname, ty, typeName: spec.typeNames?.[fname] })),
    })),
  }), named);
}

/** A type whose definition is only known later (recursion). */
export function lazy<T>(get: () => Ty<T>): Ty<T> {
  const codec = createCodec<T>((v) => get().codec.enc(v), createDecoder((b: any) => get().codec.dec(b)));
  return {
    codec,
    get path() { return get().path; },
    get params() { return get().params; },
    get docs() { return get().docs; },
    def: () => get().def(),
  };
}

/** Decode and require every byte to be consumed; never reads out of bounds. */
export function decodeAll<T>(ty: Ty<T> | Codec<T>, data: Uint8Array): T {
  const codec = 'codec' in ty ? ty.codec : ty;
  // scale-ts decodes from the whole ArrayBuffer, so hand it an exact copy.
  const exact = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
  let end = -1;
  const value = createDecoder((input: any) => { const v = codec.dec(input); end = input.i; return v; })(exact);
  if (end !== exact.length) throw new Error(end > exact.length ? 'unexpected end of input' : `${exact.length - end} trailing bytes`);
  return value;
}

/** Decode a prefix; returns the value and the number of bytes read. */
export function decodePrefix<T>(ty: Ty<T> | Codec<T>, data: Uint8Array): [T, number] {
  const codec = 'codec' in ty ? ty.codec : ty;
  const exact = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
  let end = -1;
  const value = createDecoder((input: any) => { const v = codec.dec(input); end = input.i; return v; })(exact);
  if (end > exact.length) throw new Error('unexpected end of input');
  return [value, end];
}

export const encode = <T>(ty: Ty<T>, v: T): Uint8Array => ty.codec.enc(v);
