// Outer enums (RuntimeCall, RuntimeEvent, …) are composed after the pallets that
// refer to them are declared; pallets reference them lazily through here.
import * as T from '../codec/types.ts';
import type { RuntimeCallValue } from './pallet.ts';
import type { Weight } from '../primitives.ts';
import type { Class } from './dispatch.ts';

export const outer: {
  call?: T.Ty<RuntimeCallValue>;
  event?: T.Ty<{ tag: string; value: any }>;
  holdReason?: T.Ty<{ tag: string; value: any }>;
  freezeReason?: T.Ty<{ tag: string; value: any }>;
  /** Weight, class and fee flag of any RuntimeCall (for batch/sudo weights). */
  dispatchInfo?: (call: RuntimeCallValue) => { weight: Weight; class: Class; paysFee: boolean };
} = {};

const need = <X>(x: X | undefined, what: string): X => {
  if (!x) throw new Error(`${what} used before the runtime was composed`);
  return x;
};
export const RuntimeCall = T.lazy(() => need(outer.call, 'RuntimeCall'));
export const RuntimeEvent = T.lazy(() => need(outer.event, 'RuntimeEvent'));
export const RuntimeHoldReason = T.lazy(() => need(outer.holdReason, 'RuntimeHoldReason'));
export const RuntimeFreezeReason = T.lazy(() => need(outer.freezeReason, 'RuntimeFreezeReason'));
export const dispatchInfoOf = (c: RuntimeCallValue) => need(outer.dispatchInfo, 'dispatchInfo')(c);
