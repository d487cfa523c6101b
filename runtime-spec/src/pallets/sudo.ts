// pallet_sudo: a single key that may dispatch calls as Root (or as any signed account).
import * as T from '../codec/types.ts';
import { badOrigin, weight, WEIGHT_PER_MICROS, addWeight, type Origin } from '../framework/dispatch.ts';
import type { Ext } from '../framework/ext.ts';
import { dispatchInfoOf, RuntimeCall } from '../framework/outer.ts';
import { call, event, pallet } from '../framework/pallet.ts';
import { value } from '../framework/storage.ts';
import * as C from '../config.ts';
import { equalBytes } from '../crypto.ts';
import { AccountId, MultiAddress, Weight } from '../primitives.ts';
import { DispatchResult, dispatchNested, dispatchResult, lookupAccount, withFreshOrigin } from './common.ts';

/** Our `WeightInfo` for the sudo calls (one read of Key, plus a write for set/remove). */
export const SUDO_WEIGHTS = {
  sudo: weight(10n * WEIGHT_PER_MICROS + C.DB_READ_WEIGHT, 1517n),
  sudo_as: weight(10n * WEIGHT_PER_MICROS + C.DB_READ_WEIGHT, 1517n),
  set_key: weight(10n * WEIGHT_PER_MICROS + C.DB_READ_WEIGHT + C.DB_WRITE_WEIGHT, 1517n),
  remove_key: weight(10n * WEIGHT_PER_MICROS + C.DB_READ_WEIGHT + C.DB_WRITE_WEIGHT, 1517n),
};

/** The sudo key, if any. */
export const sudoKey = (ext: Ext): Uint8Array | undefined => sudo.storage.Key.get(ext);

/**
 * `ensure_sudo`: Root passes; a signed origin must be the key (Sudo.RequireSudo otherwise);
 * None is BadOrigin.
 */
export function ensureSudo(ext: Ext, origin: Origin): void {
  if (origin.kind === 'root') return;
  if (origin.kind !== 'signed') throw badOrigin();
  const key = sudoKey(ext);
  if (!key || !equalBytes(key, origin.who)) throw sudo.error('RequireSudo');
}

const callName = 'Box<<T as Config>::RuntimeCall>';

export const sudo = pallet({
  name: 'Sudo',
  crate: 'pallet_sudo',
  index: 7,
  docs: ['A single account (the sudo key) may dispatch any call as Root.'],
  storage: {
    Key: value(AccountId, { docs: ['The `AccountId` of the sudo key.'] }),
  },
  calls: {
    sudo: call({
      index: 0, args: { call: RuntimeCall }, typeNames: { call: callName }, origin: 'any',
      docs: ['Authenticates the sudo key and dispatches a function call with `Root` origin.'],
      weight: ({ call: c }) => addWeight(SUDO_WEIGHTS.sudo, dispatchInfoOf(c).weight),
      dispatch: (ctx, { call: c }) => {
        ensureSudo(ctx.ext, ctx.origin);
        const res = withFreshOrigin(() => dispatchResult(() => dispatchNested(ctx, { kind: 'root' }, c)));
        sudo.deposit(ctx.ext, { tag: 'Sudid', value: { sudo_result: res } });
        // Sudo user does not pay a fee.
        return { paysFee: false };
      },
    }),
    sudo_unchecked_weight: call({
      index: 1, args: { call: RuntimeCall, weight: Weight }, typeNames: { call: callName, weight: 'Weight' }, origin: 'any',
      docs: [
        'Authenticates the sudo key and dispatches a function call with `Root` origin.',
        'This function does not check the weight of the call, and instead allows the',
        'Sudo user to specify the weight of the call.',
      ],
      weight: ({ weight: w }) => w,
      dispatch: (ctx, { call: c }) => {
        ensureSudo(ctx.ext, ctx.origin);
        const res = withFreshOrigin(() => dispatchResult(() => dispatchNested(ctx, { kind: 'root' }, c)));
        sudo.deposit(ctx.ext, { tag: 'Sudid', value: { sudo_result: res } });
        return { paysFee: false };
      },
    }),
    set_key: call({
      index: 2, args: { new: MultiAddress }, typeNames: { new: 'AccountIdLookupOf<T>' }, origin: 'any',
      docs: ['Authenticates the current sudo key and sets the given AccountId (`new`) as the new sudo', 'key.'],
      weight: () => SUDO_WEIGHTS.set_key,
      dispatch: ({ ext, origin }, { new: addr }) => {
        ensureSudo(ext, origin);
        const next = lookupAccount(addr);
        sudo.deposit(ext, { tag: 'KeyChanged', value: { old: sudoKey(ext), new: next } });
        sudo.storage.Key.set(ext, next);
        return { paysFee: false };
      },
    }),
    sudo_as: call({
      index: 3, args: { who: MultiAddress, call: RuntimeCall }, typeNames: { who: 'AccountIdLookupOf<T>', call: callName }, origin: 'any',
      docs: ['Authenticates the sudo key and dispatches a function call with `Signed` origin from', 'a given account.'],
      weight: ({ call: c }) => addWeight(SUDO_WEIGHTS.sudo_as, dispatchInfoOf(c).weight),
      dispatch: (ctx, { who, call: c }) => {
        ensureSudo(ctx.ext, ctx.origin);
        const target = lookupAccount(who);
        const res = withFreshOrigin(() => dispatchResult(() => dispatchNested(ctx, { kind: 'signed', who: target }, c)));
        sudo.deposit(ctx.ext, { tag: 'SudoAsDone', value: { sudo_result: res } });
        return { paysFee: false };
      },
    }),
    remove_key: call({
      index: 4, args: {}, origin: 'any',
      docs: ['Permanently removes the sudo key.', '', '**This cannot be un-done.**'],
      weight: () => SUDO_WEIGHTS.remove_key,
      dispatch: ({ ext, origin }) => {
        ensureSudo(ext, origin);
        sudo.deposit(ext, { tag: 'KeyRemoved', value: {} });
        sudo.storage.Key.kill(ext);
        return { paysFee: false };
      },
    }),
  },
  events: {
    Sudid: event({ sudo_result: DispatchResult }, 'A sudo call just took place.', { sudo_result: 'DispatchResult' }),
    KeyChanged: event({ old: T.option(AccountId), new: AccountId }, 'The sudo key has been updated.', { old: 'Option<T::AccountId>', new: 'T::AccountId' }),
    KeyRemoved: event({}, 'The key was permanently removed.'),
    SudoAsDone: event({ sudo_result: DispatchResult }, 'A [sudo_as](Pallet::sudo_as) call just took place.', { sudo_result: 'DispatchResult' }),
  },
  errors: {
    RequireSudo: 'Sender must be the Sudo account.',
  },
});
