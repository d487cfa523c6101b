// Small pieces shared by several pallets: account lookup, `DispatchResult`,
// nested dispatch with FRAME's origin call filters.
import * as T from '../codec/types.ts';
import { DispatchError, type Origin } from '../framework/dispatch.ts';
import type { DispatchCtx, PostInfo, RuntimeCallValue } from '../framework/pallet.ts';
import { DispatchErrorTy, type DispatchErrorValue, type MultiAddress } from '../primitives.ts';
import { system } from './system.ts';

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
