// Small pieces shared by several pallets: account lookup, `DispatchResult`,
// nested dispatch with FRAME's origin call filters.
import * as T from '../codec/types.ts';
import * as C from '../config.ts';
import { DispatchError, weight, WEIGHT_PER_MICROS, type Origin } from '../framework/dispatch.ts';
import type { Ext } from '../framework/ext.ts';
import { value } from '../framework/storage.ts';
import { call, event, type AnyPallet, type DispatchCtx, type PostInfo, type RuntimeCallValue } from '../framework/pallet.ts';
import { DispatchErrorTy, type DispatchErrorValue, type MultiAddress, type Weight } from '../primitives.ts';
import { PPM } from '../attribution-result.ts';
import { system } from './system.ts';

/** The number of the block being built or executed. */
export const blockNumber = (ext: Ext): number => system.storage.Number.get(ext);

export type MultiAddressValue = ReturnType<typeof MultiAddress.codec.dec>;

/**
 * `T::Lookup::lookup` for `MultiAddress<AccountId, ()>`: `Id` and `Address32` name the
 * account directly; `Index`, `Raw` and `Address20` fail with `DispatchError::CannotLookup`.
 * (polkadot-sdk's `AccountIdLookup` accepts `Id` only; `Address32` is accepted here because the
 * executive accepts it for signers too.)
 */
export function lookupAccount(addr: MultiAddressValue): Uint8Array {
  if (addr.tag === 'Id' || addr.tag === 'Address32') return addr.value;
  throw new DispatchError({ tag: 'CannotLookup', value: undefined });
}

/** `sp_runtime::DispatchResult` = `Result<(), DispatchError>` as scale-info describes it. */
export type DispatchResultValue = { tag: 'Ok'; value: undefined } | { tag: 'Err'; value: DispatchErrorValue };
export const DispatchResult = T.enumeration<DispatchResultValue>(
  { path: ['Result'], params: [{ name: 'T', ty: T.unit }, { name: 'E', ty: DispatchErrorTy }] },
  { Ok: { index: 0, fields: [T.unit] }, Err: { index: 1, fields: [DispatchErrorTy] } },
);

/**
 * Origin call filters (FRAME's `OriginTrait::add_filter`). A filter added by a dispatchable
 * applies to every call dispatched below it with a non-root origin, until a pallet creates a
 * fresh origin (sudo). Dispatch is synchronous, so a stack restored in `finally` suffices.
 */
type CallFilter = (call: RuntimeCallValue) => boolean;
let filters: CallFilter[] = [];

/** Runs `fn` with an extra call filter on the current origin. */
export function withCallFilter<R>(filter: CallFilter, fn: () => R): R {
  filters.push(filter);
  try { return fn(); } finally { filters.pop(); }
}

/** Runs `fn` with a freshly made origin, which carries no filters (sudo, sudo_as). */
export function withFreshOrigin<R>(fn: () => R): R {
  const saved = filters;
  filters = [];
  try { return fn(); } finally { filters = saved; }
}

/**
 * `call.dispatch(origin)`: applies the origin's filters (root bypasses them, like
 * `dispatch_bypass_filter`) and dispatches in a nested transaction. Throws DispatchError
 * (`System.CallFiltered` for a filtered call).
 */
export function dispatchNested(ctx: DispatchCtx, origin: Origin, call: RuntimeCallValue): PostInfo {
  if (origin.kind !== 'root') {
    for (const f of filters) if (!f(call)) throw system.error('CallFiltered');
  }
  return ctx.dispatch(origin, call);
}

/** Dispatches and folds the outcome into a `DispatchResult` (non-DispatchError throws propagate). */
export function dispatchResult(fn: () => unknown): DispatchResultValue {
  try {
    fn();
    return { tag: 'Ok', value: undefined };
  } catch (e) {
    if (e instanceof DispatchError) return { tag: 'Err', value: e.value };
    throw e;
  }
}

/**
 * `PalletId::into_account_truncating`: b"modl" ++ the 8-byte pallet id, zero-padded to 32 bytes.
 * Such accounts have no private key; only their pallet moves funds out of them.
 */
export function palletAccount(id: string): Uint8Array {
  if (id.length !== 8) throw new Error(`pallet id must be 8 bytes: ${id}`);
  const out = new Uint8Array(32);
  out.set(new TextEncoder().encode('modl' + id));
  return out;
}

/** floor(amount × ppm / 1,000,000): the rounding rule of every share (residues are assigned explicitly by the caller). */
export const ppmOf = (amount: bigint, ppm: bigint | number): bigint => (amount * BigInt(ppm)) / BigInt(PPM);

/**
 * A pallet's `Params` from its genesis JSON section: fields not given keep their defaults, given
 * ones are coerced to the default's type (bigint or number) and must be non-negative integers.
 */
export function paramsFromJson<P extends Record<string, bigint | number>>(defaults: P, json: unknown, section: string): P {
  if (json === undefined) return defaults;
  if (typeof json !== 'object' || json === null) throw new Error(`${section}: expected an object`);
  const out: Record<string, bigint | number> = { ...defaults };
  for (const [k, v] of Object.entries(json)) {
    if (!(k in defaults)) throw new Error(`${section}: unknown parameter ${k}; known: ${Object.keys(defaults).join(', ')}`);
    const ok = (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) || (typeof v === 'bigint' && v >= 0n) || (typeof v === 'string' && /^\d+$/.test(v));
    if (!ok) throw new Error(`${section}.${k}: expected a non-negative integer, got ${JSON.stringify(String(v))}`);
    if (typeof defaults[k] === 'bigint') out[k] = BigInt(v as string | number | bigint);
    else {
      const n = Number(v);
      if (!Number.isSafeInteger(n) || n > 0xffffffff) throw new Error(`${section}.${k}: ${String(v)} does not fit in u32`);
      out[k] = n;
    }
  }
  return out as P;
}

/** Weight of a dispatchable from its measured compute (µs) and database accesses. */
export const dbWeight = (micros: bigint, reads: number, writes: number, proofSize = 4096n): Weight =>
  weight(micros * WEIGHT_PER_MICROS + BigInt(reads) * C.DB_READ_WEIGHT + BigInt(writes) * C.DB_WRITE_WEIGHT, proofSize);

/** A fieldless Rust enum, e.g. `DataKind { Text, Code, … }`. */
export const unitEnum = <N extends string>(path: string[], names: readonly N[], docs?: string[]) =>
  T.enumeration<{ tag: N; value: undefined }>({ path, docs }, Object.fromEntries(names.map((n) => [n, {}])));

/**
 * A pallet's governance parameters: one `Params` storage value (defaults = the documented
 * constants), set from the pallet's genesis section `{ params: {…} }` and by a root `set_params`
 * call that emits `ParamsSet`.
 */
export function governanceParams<F extends Record<string, T.Ty<bigint> | T.Ty<number>>>(
  crate: string, fields: F, defaults: T.FieldsOf<F>, validate: (p: T.FieldsOf<F>) => string | undefined = () => undefined,
) {
  const Params = T.struct({ path: [crate, 'types', 'Params'] }, fields);
  const storage = value(Params, { default: defaults, docs: ['Governance parameters: genesis config, changed by `set_params` (root).'] });
  const check = (p: T.FieldsOf<F>) => { const e = validate(p); if (e) throw new Error(e); };
  return {
    Params,
    storage,
    /** The root `set_params` dispatchable of pallet `self` (resolved lazily: the pallet is being declared). */
    call: (index: number, self: () => AnyPallet) => call({
      index, origin: 'root', weight: () => dbWeight(10n, 0, 1), args: { params: Params },
      docs: ['Root: sets the governance parameters (`InvalidParams` when out of range).'],
      dispatch: ({ ext }, { params: p }) => {
        if (validate(p)) throw self().error('InvalidParams');
        storage.set(ext, p);
        self().deposit(ext, { tag: 'ParamsSet', value: { params: p } });
      },
    }),
    /** The `ParamsSet` event. */
    event: event({ params: Params }, 'Governance parameters changed.'),
    /** Genesis: parameters from the section's `params` object over the defaults. */
    build(ext: Ext, section: string, json: unknown): void {
      const p = paramsFromJson(defaults as Record<string, bigint | number>, json, `${section}.params`) as T.FieldsOf<F>;
      check(p);
      storage.set(ext, p);
    },
  };
}

/** Checks a user-supplied byte string against its bound. */
export function bounded(b: Uint8Array, max: number, err: () => DispatchError): Uint8Array {
  if (b.length > max) throw err();
  return b;
}
