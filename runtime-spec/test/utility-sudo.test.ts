// pallet_utility and pallet_sudo on a Map-backed Ext, with the test's own composition.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as T from '../src/codec/types.ts';
import * as C from '../src/config.ts';
import { cryptoReady } from '../src/crypto.ts';
import { addWeight, badOrigin, DispatchError, ensureRoot, ensureSigned, weight, type Class, type Origin } from '../src/framework/dispatch.ts';
import { Ext, type Host } from '../src/framework/ext.ts';
import { keyStr } from '../src/framework/overlay.ts';
import { outer } from '../src/framework/outer.ts';
import { call, event, pallet, type AnyPallet, type PostInfo, type RuntimeCallValue } from '../src/framework/pallet.ts';
import { value } from '../src/framework/storage.ts';
import { AccountId, type DispatchErrorValue, type Weight } from '../src/primitives.ts';
import { balances } from '../src/pallets/balances.ts';
import { DispatchResult } from '../src/pallets/common.ts';
import { sudo, SUDO_WEIGHTS } from '../src/pallets/sudo.ts';
import { system } from '../src/pallets/system.ts';
import { batchClass, batchOverhead, BATCHED_CALLS_LIMIT, utility } from '../src/pallets/utility.ts';
import { eventsOf } from './helpers/events.ts';

// ===== The test's own composition (a stand-in for runtime.ts's construct_runtime) =====
const testPallet = pallet({
  name: 'Test',
  crate: 'pallet_test',
  index: 99,
  storage: {
    Value: value(T.u32, { default: 0 }),
    Log: value(T.vec(T.u32), { default: [] }),
  },
  calls: {
    /** Any non-None origin: sets Value and appends it to Log. */
    set: call({
      index: 0, args: { v: T.u32 }, origin: 'any', weight: () => weight(1_000_000n),
      dispatch: ({ ext, origin }, { v }) => {
        if (origin.kind === 'none') throw badOrigin();
        testPallet.storage.Value.set(ext, v);
        testPallet.storage.Log.mutate(ext, (l) => [...l, v]);
        testPallet.deposit(ext, { tag: 'Set', value: { v } });
      },
    }),
    /** Writes, then fails: its writes must be rolled back. */
    fail: call({
      index: 1, args: {}, origin: 'any', weight: () => weight(2_000_000n),
      dispatch: ({ ext }) => {
        testPallet.storage.Value.set(ext, 999);
        testPallet.deposit(ext, { tag: 'Set', value: { v: 999 } });
        throw testPallet.error('Boom');
      },
    }),
    root_only: call({
      index: 2, args: { v: T.u32 }, origin: 'root', weight: () => weight(3_000_000n),
      dispatch: ({ ext, origin }, { v }) => { ensureRoot(origin); testPallet.storage.Value.set(ext, v); },
    }),
    whoami: call({
      index: 3, args: {}, origin: 'signed', weight: () => weight(4_000_000n),
      dispatch: ({ ext, origin }) => { testPallet.deposit(ext, { tag: 'Caller', value: { who: ensureSigned(origin) } }); },
    }),
    /** Declares 10 ms, reports 4 ms actually used. */
    refund: call({
      index: 4, args: {}, origin: 'any', weight: () => weight(10_000_000_000n),
      dispatch: () => ({ actualWeight: weight(4_000_000_000n) }),
    }),
    ops: call({ index: 5, args: {}, origin: 'any', class: 'Operational', weight: () => weight(1n), dispatch: () => {} }),
  },
  events: {
    Set: event({ v: T.u32 }),
    Caller: event({ who: AccountId }),
  },
  errors: { Boom: 'The call failed on purpose.' },
});

const PALLETS: AnyPallet[] = [system, balances, sudo, utility, testPallet];
const byName = new Map(PALLETS.map((p) => [p.name, p]));
const RuntimeCall = T.enumeration({ path: ['test_runtime', 'RuntimeCall'] },
  Object.fromEntries(PALLETS.filter((p) => p.callTy).map((p) => [p.name, { index: p.index, fields: [p.callTy!] }]))) as T.Ty<RuntimeCallValue>;
const defOf = (c: RuntimeCallValue) => byName.get(c.tag)!.callDef(c.value.tag)!;
function dispatchInfo(c: RuntimeCallValue): { weight: Weight; class: Class; paysFee: boolean } {
  const d = defOf(c);
  return { weight: d.weight(c.value.value), class: d.class ?? 'Normal', paysFee: d.paysFee ?? true };
}
function dispatch(ext: Ext, origin: Origin, c: RuntimeCallValue): PostInfo {
  const d = defOf(c);
  if ((d.origin === 'signed' && origin.kind !== 'signed') || (d.origin === 'root' && origin.kind !== 'root') || (d.origin === 'none' && origin.kind !== 'none')) throw badOrigin();
  return d.dispatch({ ext, origin, dispatch: (o, inner) => ext.transactional(() => dispatch(ext, o, inner)) }, c.value.value) ?? {};
}
outer.call = RuntimeCall;
outer.dispatchInfo = dispatchInfo;
outer.holdReason = T.enumeration({ path: ['test_runtime', 'RuntimeHoldReason'] }, {});
outer.freezeReason = T.enumeration({ path: ['test_runtime', 'RuntimeFreezeReason'] }, {});

/** The executive's part: the whole dispatch in one transaction. */
function apply(ext: Ext, origin: Origin, c: RuntimeCallValue): { ok: true; post: PostInfo } | { ok: false; error: string; value: DispatchErrorValue } {
  try {
    return { ok: true, post: ext.transactional(() => dispatch(ext, origin, c)) };
  } catch (e) {
    if (e instanceof DispatchError) return { ok: false, error: e.message, value: e.value };
    throw e;
  }
}
// ===== end of the test composition =====

const host: Host = { storageRoot: () => new Uint8Array(32), orderedTrieRoot: () => new Uint8Array(32) };
const acc = (n: number) => new Uint8Array(32).fill(n);
const ALICE = acc(1);
const BOB = acc(2);
const signed = (who: Uint8Array): Origin => ({ kind: 'signed', who });
const ROOT: Origin = { kind: 'root' };

const c = (p: string, name: string, args: any = undefined): RuntimeCallValue => ({ tag: p, value: { tag: name, value: args } });
const set = (v: number) => c('Test', 'set', { v });
const fail = () => c('Test', 'fail');
const batch = (kind: 'batch' | 'batch_all' | 'force_batch', calls: RuntimeCallValue[]) => c('Utility', kind, { calls });

const events = (ext: Ext) => eventsOf(PALLETS, ext);
const names = (ext: Ext) => events(ext).map((e) => e.name);
const BOOM = { tag: 'Module', value: { index: 99, error: Uint8Array.of(0, 0, 0, 0) } };

let ext: Ext;
beforeAll(async () => { await cryptoReady(); });
beforeEach(() => {
  const m = new Map<string, Uint8Array>();
  ext = new Ext((k) => m.get(keyStr(k)), host);
  sudo.storage.Key.set(ext, ALICE);
});

describe('utility', () => {
  it('batch: all succeed -> ItemCompleted each, BatchCompleted; weight = inner + overhead', () => {
    const x = batch('batch', [set(1), set(2), c('Test', 'refund')]);
    expect(dispatchInfo(x).weight).toEqual(addWeight(weight(2_000_000n + 10_000_000_000n), batchOverhead(3)));
    const r = apply(ext, signed(BOB), x);
    expect(r).toEqual({ ok: true, post: { actualWeight: addWeight(batchOverhead(3), weight(2_000_000n + 4_000_000_000n)) } });
    expect(names(ext)).toEqual(['Test.Set', 'Utility.ItemCompleted', 'Test.Set', 'Utility.ItemCompleted', 'Utility.ItemCompleted', 'Utility.BatchCompleted']);
    expect(testPallet.storage.Log.get(ext)).toEqual([1, 2]);
  });

  it('batch: stops at the first failure, keeps earlier items, rolls back the failed one, still succeeds', () => {
    const r = apply(ext, signed(BOB), batch('batch', [set(1), fail(), set(3)]));
    expect(r).toEqual({ ok: true, post: { actualWeight: addWeight(batchOverhead(2), weight(1_000_000n + 2_000_000n)) } });
    expect(events(ext)).toEqual([
      { name: 'Test.Set', value: { v: 1 } },
      { name: 'Utility.ItemCompleted', value: undefined },
      { name: 'Utility.BatchInterrupted', value: { index: 1, error: BOOM } },
    ]);
    expect(testPallet.storage.Value.get(ext)).toBe(1);
    expect(testPallet.storage.Log.get(ext)).toEqual([1]);
  });

  it('batch: an inner origin failure interrupts with BadOrigin', () => {
    apply(ext, signed(BOB), batch('batch', [c('Test', 'root_only', { v: 5 })]));
    expect(events(ext)).toEqual([{ name: 'Utility.BatchInterrupted', value: { index: 0, error: { tag: 'BadOrigin', value: undefined } } }]);
    apply(ext, ROOT, batch('batch', [c('Test', 'root_only', { v: 5 })]));
    expect(testPallet.storage.Value.get(ext)).toBe(5);
  });

  it('batch_all: atomic — any failure fails the call and rolls everything back', () => {
    const r = apply(ext, signed(BOB), batch('batch_all', [set(1), set(2), fail()]));
    expect(r).toMatchObject({ ok: false, error: 'Test.Boom', value: BOOM });
    expect(testPallet.storage.Log.get(ext)).toEqual([]);
    expect(ext.events).toEqual([]);
    expect(apply(ext, signed(BOB), batch('batch_all', [set(1), set(2)])).ok).toBe(true);
    expect(names(ext)).toEqual(['Test.Set', 'Utility.ItemCompleted', 'Test.Set', 'Utility.ItemCompleted', 'Utility.BatchCompleted']);
    expect(testPallet.storage.Log.get(ext)).toEqual([1, 2]);
  });

  it('batch_all: a signed origin may not nest batch_all (System.CallFiltered); root may', () => {
    const nested = batch('batch_all', [set(1), batch('batch', [batch('batch_all', [set(2)])])]);
    const r = apply(ext, signed(BOB), nested);
    // the inner batch reports the filtered batch_all; the outer batch_all succeeds
    expect(r.ok).toBe(true);
    expect(events(ext).find((e) => e.name === 'Utility.BatchInterrupted')!.value)
      .toEqual({ index: 0, error: system.error('CallFiltered').value });
    expect(testPallet.storage.Log.get(ext)).toEqual([1]);
    expect(apply(ext, signed(BOB), batch('batch_all', [batch('batch_all', [set(7)])]))).toMatchObject({ ok: false, error: 'System.CallFiltered' });
    expect(apply(ext, ROOT, batch('batch_all', [batch('batch_all', [set(7)])])).ok).toBe(true);
    expect(testPallet.storage.Log.get(ext)).toEqual([1, 7]);
    // the filter ends with the batch_all: a later plain batch_all by the same origin works
    expect(apply(ext, signed(BOB), batch('batch_all', [set(8)])).ok).toBe(true);
  });

  it('force_batch: continues past failures (ItemFailed) and ends with BatchCompletedWithErrors', () => {
    const r = apply(ext, signed(BOB), batch('force_batch', [set(1), fail(), set(3)]));
    expect(r).toEqual({ ok: true, post: { actualWeight: addWeight(batchOverhead(3), weight(1_000_000n + 2_000_000n + 1_000_000n)) } });
    expect(events(ext)).toEqual([
      { name: 'Test.Set', value: { v: 1 } },
      { name: 'Utility.ItemCompleted', value: undefined },
      { name: 'Utility.ItemFailed', value: { error: BOOM } },
      { name: 'Test.Set', value: { v: 3 } },
      { name: 'Utility.ItemCompleted', value: undefined },
      { name: 'Utility.BatchCompletedWithErrors', value: undefined },
    ]);
    expect(testPallet.storage.Log.get(ext)).toEqual([1, 3]);
    ext.events = [];
    apply(ext, signed(BOB), batch('force_batch', [set(4)]));
    expect(names(ext).at(-1)).toBe('Utility.BatchCompleted');
  });

  it('rejects the None origin and too many calls', () => {
    for (const k of ['batch', 'batch_all', 'force_batch'] as const) {
      expect(apply(ext, { kind: 'none' }, batch(k, [set(1)]))).toMatchObject({ ok: false, error: 'BadOrigin' });
      const many = Array.from({ length: BATCHED_CALLS_LIMIT + 1 }, () => set(1));
      expect(apply(ext, signed(BOB), batch(k, many))).toMatchObject({ ok: false, error: 'Utility.TooManyCalls', value: { tag: 'Module', value: { index: 8 } } });
    }
    expect(testPallet.storage.Log.get(ext)).toEqual([]);
    expect(utility.def.constants!.batched_calls_limit.value).toBe(C.MAX_BATCHED_CALLS);
  });

  it('batch calls encode recursively through RuntimeCall; class as FRAME computes it', () => {
    const x = batch('batch', [set(1), c('Sudo', 'sudo', { call: batch('force_batch', [fail()]) })]);
    const bytes = RuntimeCall.codec.enc(x);
    expect(bytes.subarray(0, 3)).toEqual(Uint8Array.of(8, 0, 8)); // Utility, batch, 2 calls
    expect(T.decodeAll(RuntimeCall, bytes)).toEqual(x);
    expect(batchClass([set(1), c('Test', 'ops')])).toBe('Normal');
    expect(batchClass([c('Test', 'ops')])).toBe('Operational');
    expect(batchClass([])).toBe('Operational');
  });
});

describe('sudo', () => {
  it('sudo: the key dispatches as Root, pays no fee, Sudid(Ok)', () => {
    const x = c('Sudo', 'sudo', { call: c('Test', 'root_only', { v: 42 }) });
    expect(dispatchInfo(x).weight).toEqual(addWeight(SUDO_WEIGHTS.sudo, weight(3_000_000n)));
    expect(apply(ext, signed(ALICE), x)).toEqual({ ok: true, post: { paysFee: false } });
    expect(testPallet.storage.Value.get(ext)).toBe(42);
    expect(events(ext)).toEqual([{ name: 'Sudo.Sudid', value: { sudo_result: { tag: 'Ok', value: undefined } } }]);
  });

  it('sudo: others get Sudo.RequireSudo (and pay); None is BadOrigin; Root passes', () => {
    const x = c('Sudo', 'sudo', { call: c('Test', 'root_only', { v: 42 }) });
    expect(apply(ext, signed(BOB), x)).toMatchObject({ ok: false, error: 'Sudo.RequireSudo', value: { tag: 'Module', value: { index: 7, error: Uint8Array.of(0, 0, 0, 0) } } });
    expect(apply(ext, { kind: 'none' }, x)).toMatchObject({ ok: false, error: 'BadOrigin' });
    expect(testPallet.storage.Value.get(ext)).toBe(0);
    expect(apply(ext, ROOT, x).ok).toBe(true);
    expect(testPallet.storage.Value.get(ext)).toBe(42);
  });

  it('sudo: an inner failure is reported in Sudid(Err) and rolled back; the sudo call succeeds', () => {
    const r = apply(ext, signed(ALICE), c('Sudo', 'sudo', { call: fail() }));
    expect(r).toEqual({ ok: true, post: { paysFee: false } });
    expect(events(ext)).toEqual([{ name: 'Sudo.Sudid', value: { sudo_result: { tag: 'Err', value: BOOM } } }]);
    expect(testPallet.storage.Value.get(ext)).toBe(0);
    // Result<(), DispatchError> encodes as 0x00 / 0x01 ++ error
    expect(DispatchResult.codec.enc({ tag: 'Ok', value: undefined })).toEqual(Uint8Array.of(0));
    expect(DispatchResult.codec.enc({ tag: 'Err', value: BOOM as DispatchErrorValue })).toEqual(Uint8Array.of(1, 3, 99, 0, 0, 0, 0));
  });

  it('sudo_unchecked_weight takes the given weight', () => {
    const x = c('Sudo', 'sudo_unchecked_weight', { call: set(3), weight: weight(123n, 4n) });
    expect(dispatchInfo(x).weight).toEqual(weight(123n, 4n));
    expect(apply(ext, signed(ALICE), x)).toEqual({ ok: true, post: { paysFee: false } });
    expect(testPallet.storage.Value.get(ext)).toBe(3);
  });

  it('sudo_as dispatches as the given signed account: SudoAsDone', () => {
    const r = apply(ext, signed(ALICE), c('Sudo', 'sudo_as', { who: { tag: 'Id', value: BOB }, call: c('Test', 'whoami') }));
    expect(r).toEqual({ ok: true, post: { paysFee: false } });
    expect(events(ext)).toEqual([
      { name: 'Test.Caller', value: { who: BOB } },
      { name: 'Sudo.SudoAsDone', value: { sudo_result: { tag: 'Ok', value: undefined } } },
    ]);
    ext.events = [];
    apply(ext, signed(ALICE), c('Sudo', 'sudo_as', { who: { tag: 'Id', value: BOB }, call: c('Test', 'root_only', { v: 1 }) }));
    expect(events(ext)).toEqual([{ name: 'Sudo.SudoAsDone', value: { sudo_result: { tag: 'Err', value: { tag: 'BadOrigin', value: undefined } } } }]);
    expect(apply(ext, signed(ALICE), c('Sudo', 'sudo_as', { who: { tag: 'Index', value: 0 }, call: set(1) }))).toMatchObject({ ok: false, error: 'CannotLookup' });
    expect(apply(ext, signed(BOB), c('Sudo', 'sudo_as', { who: { tag: 'Id', value: BOB }, call: set(1) }))).toMatchObject({ ok: false, error: 'Sudo.RequireSudo' });
  });

  it('set_key moves the key (KeyChanged{old, new}); remove_key removes it (KeyRemoved)', () => {
    expect(apply(ext, signed(BOB), c('Sudo', 'set_key', { new: { tag: 'Id', value: BOB } }))).toMatchObject({ ok: false, error: 'Sudo.RequireSudo' });
    expect(apply(ext, signed(ALICE), c('Sudo', 'set_key', { new: { tag: 'Id', value: BOB } }))).toEqual({ ok: true, post: { paysFee: false } });
    expect(events(ext)).toEqual([{ name: 'Sudo.KeyChanged', value: { old: ALICE, new: BOB } }]);
    expect(sudo.storage.Key.get(ext)).toEqual(BOB);
    expect(apply(ext, signed(ALICE), c('Sudo', 'sudo', { call: set(1) }))).toMatchObject({ ok: false, error: 'Sudo.RequireSudo' });
    expect(apply(ext, signed(BOB), c('Sudo', 'sudo', { call: set(1) })).ok).toBe(true);

    ext.events = [];
    expect(apply(ext, signed(ALICE), c('Sudo', 'remove_key'))).toMatchObject({ ok: false, error: 'Sudo.RequireSudo' });
    expect(apply(ext, signed(BOB), c('Sudo', 'remove_key'))).toEqual({ ok: true, post: { paysFee: false } });
    expect(names(ext)).toEqual(['Sudo.KeyRemoved']);
    expect(sudo.storage.Key.get(ext)).toBeUndefined();
    expect(ext.get(sudo.storage.Key.key())).toBeUndefined();
    expect(apply(ext, signed(BOB), c('Sudo', 'sudo', { call: set(1) }))).toMatchObject({ ok: false, error: 'Sudo.RequireSudo' });
    // with no key, set_key by Root installs one: KeyChanged{old: None}
    ext.events = [];
    expect(apply(ext, ROOT, c('Sudo', 'set_key', { new: { tag: 'Address32', value: ALICE } })).ok).toBe(true);
    expect(events(ext)).toEqual([{ name: 'Sudo.KeyChanged', value: { old: undefined, new: ALICE } }]);
  });

  it('sudo creates a fresh Root origin: batch_all may be nested through it', () => {
    const x = batch('batch_all', [c('Sudo', 'sudo', { call: batch('batch_all', [set(5)]) })]);
    expect(apply(ext, signed(ALICE), x).ok).toBe(true);
    expect(testPallet.storage.Log.get(ext)).toEqual([5]);
    expect(events(ext).find((e) => e.name === 'Sudo.Sudid')!.value).toEqual({ sudo_result: { tag: 'Ok', value: undefined } });
  });

  it('declares polkadot-sdk call and event indices', () => {
    const calls = (sudo.callTy!.def() as any).variants.map((v: any) => `${v.index}:${v.name}`);
    expect(calls).toEqual(['0:sudo', '1:sudo_unchecked_weight', '2:set_key', '3:sudo_as', '4:remove_key']);
    const evs = (sudo.eventTy!.def() as any).variants.map((v: any) => `${v.index}:${v.name}`);
    expect(evs).toEqual(['0:Sudid', '1:KeyChanged', '2:KeyRemoved', '3:SudoAsDone']);
    const uev = (utility.eventTy!.def() as any).variants.map((v: any) => v.name);
    expect(uev).toEqual(['BatchInterrupted', 'BatchCompleted', 'BatchCompletedWithErrors', 'ItemCompleted', 'ItemFailed', 'DispatchedAs']);
    const ucalls = (utility.callTy!.def() as any).variants.map((v: any) => `${v.index}:${v.name}`);
    expect(ucalls).toEqual(['0:batch', '2:batch_all', '4:force_batch']);
    expect(DispatchResult.path).toEqual(['Result']);
  });
});
