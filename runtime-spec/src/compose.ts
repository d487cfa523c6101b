// construct_runtime!: outer enums and the call dispatcher from a list of pallets.
import * as T from './codec/types.ts';
import { badOrigin, type Class, type Origin } from './framework/dispatch.ts';
import type { Ext } from './framework/ext.ts';
import { outer } from './framework/outer.ts';
import type { AnyPallet, PostInfo, RuntimeCallValue } from './framework/pallet.ts';
import type { Weight } from './primitives.ts';

export const RUNTIME_CRATE = 'slmnet_runtime';

export function composeRuntime(pallets: AnyPallet[]) {
  const byName = new Map(pallets.map((p) => [p.name, p]));
  const outerEnum = (name: string, pick: (p: AnyPallet) => T.Ty<any> | undefined) => T.enumeration(
    { path: [RUNTIME_CRATE, name] },
    Object.fromEntries(pallets.filter((p) => pick(p)).map((p) => [p.name, { index: p.index, fields: [pick(p)!] }])),
  );
  const RuntimeCall = outerEnum('RuntimeCall', (p) => p.callTy) as T.Ty<RuntimeCallValue>;
  const RuntimeEvent = outerEnum('RuntimeEvent', (p) => p.eventTy);
  const RuntimeError = outerEnum('RuntimeError', (p) => p.errorTy);
  const RuntimeHoldReason = outerEnum('RuntimeHoldReason', (p) => p.holdReasonTy);
  // No pallet freezes funds.
  const RuntimeFreezeReason = T.enumeration({ path: [RUNTIME_CRATE, 'RuntimeFreezeReason'] }, {});
  const Runtime = T.struct({ path: [RUNTIME_CRATE, 'Runtime'] }, {});

  function resolve(call: RuntimeCallValue) {
    const p = byName.get(call.tag);
    const def = p?.callDef(call.value.tag);
    if (!p || !def) throw new Error(`unknown call ${call.tag}.${call.value?.tag}`);
    return def;
  }

  function dispatchInfo(call: RuntimeCallValue): { weight: Weight; class: Class; paysFee: boolean } {
    const def = resolve(call);
    return { weight: def.weight(call.value.value), class: def.class ?? 'Normal', paysFee: def.paysFee ?? true };
  }

  function dispatch(ext: Ext, origin: Origin, call: RuntimeCallValue): PostInfo {
    const def = resolve(call);
    const o = def.origin;
    if ((o === 'signed' && origin.kind !== 'signed') || (o === 'root' && origin.kind !== 'root') || (o === 'none' && origin.kind !== 'none')) {
      throw badOrigin();
    }
    const ctx = {
      ext, origin,
      dispatch: (inner: Origin, c: RuntimeCallValue) => ext.transactional(() => dispatch(ext, inner, c)),
    };
    return def.dispatch(ctx, call.value.value) ?? {};
  }

  outer.call = RuntimeCall;
  outer.event = RuntimeEvent;
  outer.holdReason = RuntimeHoldReason;
  outer.freezeReason = RuntimeFreezeReason;
  outer.dispatchInfo = dispatchInfo;

  return { pallets, byName, RuntimeCall, RuntimeEvent, RuntimeError, Runtime, dispatch, dispatchInfo };
}
