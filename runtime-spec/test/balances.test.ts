// pallet_balances and pallet_transaction_payment on a Map-backed Ext.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as T from '../src/codec/types.ts';
import * as C from '../src/config.ts';
import { cryptoReady } from '../src/crypto.ts';
import { DispatchError, weight, type Origin } from '../src/framework/dispatch.ts';
import { Ext, type Host } from '../src/framework/ext.ts';
import { keyStr } from '../src/framework/overlay.ts';
import { outer } from '../src/framework/outer.ts';
import type { AnyPallet } from '../src/framework/pallet.ts';
import * as B from '../src/pallets/balances.ts';
import { balances } from '../src/pallets/balances.ts';
import * as TP from '../src/pallets/transaction-payment.ts';
import { account, limits, setAccount, system } from '../src/pallets/system.ts';
import { eventsOf } from './helpers/events.ts';

// ---- The test's own composition: hold and freeze reasons of two imaginary pallets ----
const DatanetsHold = T.enumeration({ path: ['pallet_datanets', 'pallet', 'HoldReason'] }, { Deposit: {}, Stake: {} });
const ModelsHold = T.enumeration({ path: ['pallet_models', 'pallet', 'HoldReason'] }, { Listing: {} });
outer.holdReason = T.enumeration({ path: ['test_runtime', 'RuntimeHoldReason'] }, {
  Datanets: { index: 10, fields: [DatanetsHold] }, Models: { index: 11, fields: [ModelsHold] },
});
const RewardsFreeze = T.enumeration({ path: ['pallet_rewards', 'pallet', 'FreezeReason'] }, { Vesting: {}, Staking: {} });
outer.freezeReason = T.enumeration({ path: ['test_runtime', 'RuntimeFreezeReason'] }, { Rewards: { index: 12, fields: [RewardsFreeze] } });
const DEPOSIT = { tag: 'Datanets', value: { tag: 'Deposit', value: undefined } };
const STAKE = { tag: 'Datanets', value: { tag: 'Stake', value: undefined } };
const LISTING = { tag: 'Models', value: { tag: 'Listing', value: undefined } };
const VESTING = { tag: 'Rewards', value: { tag: 'Vesting', value: undefined } };
const STAKING = { tag: 'Rewards', value: { tag: 'Staking', value: undefined } };

const host: Host = { storageRoot: () => new Uint8Array(32), orderedTrieRoot: () => new Uint8Array(32) };
const newExt = () => { const m = new Map<string, Uint8Array>(); return new Ext((k) => m.get(keyStr(k)), host); };

const ED = C.EXISTENTIAL_DEPOSIT;
const UNIT = C.UNIT;
const acc = (n: number) => new Uint8Array(32).fill(n);
const ALICE = acc(1);
const BOB = acc(2);
const CHARLIE = acc(3);
const DAVE = acc(4);

const PALLETS: AnyPallet[] = [system, balances, TP.transactionPayment];
/** Decodes the block's EventRecords into `Pallet.Event` + fields. */
const events = (ext: Ext) => eventsOf(PALLETS, ext);
const names = (ext: Ext) => events(ext).map((e) => e.name);

function errorOf(fn: () => unknown): string {
  try { fn(); } catch (e) { if (e instanceof DispatchError) return e.message; throw e; }
  throw new Error('expected a DispatchError');
}
/** Runs a Balances call handler as the executive does: in a transaction, origin checked. */
function dispatch(ext: Ext, origin: Origin, name: string, args: any): void {
  const def = balances.callDef(name)!;
  if (def.origin === 'signed' && origin.kind !== 'signed') throw new DispatchError({ tag: 'BadOrigin', value: undefined });
  ext.transactional(() => def.dispatch({ ext, origin, dispatch: () => { throw new Error('no nesting'); } }, args));
}

let ext: Ext;
function endow(who: Uint8Array, amount: bigint) { B.mint(ext, who, amount); }

beforeAll(async () => { await cryptoReady(); });
beforeEach(() => {
  ext = newExt();
  endow(ALICE, 100n * UNIT);
  endow(BOB, 10n * UNIT);
  ext.events = [];
});

describe('declaration', () => {
  it('has polkadot-sdk event and error indices', () => {
    const evs = (balances.eventTy!.def() as any).variants.map((v: any) => `${v.index}:${v.name}`);
    expect(evs.slice(0, 3)).toEqual(['0:Endowed', '1:DustLost', '2:Transfer']);
    expect(evs).toContain('11:MintedCredit');
    expect(evs).toContain('13:BurnedDebt');
    expect(evs).toContain('23:TotalIssuanceForced');
    expect(evs.slice(24)).toEqual(['24:Held', '25:BurnedHeld', '26:TransferOnHold', '27:TransferAndHold', '28:Released', '29:Unexpected']);
    const errs = (balances.errorTy!.def() as any).variants.map((v: any) => v.name);
    expect(errs).toEqual(['VestingBalance', 'LiquidityRestrictions', 'InsufficientBalance', 'ExistentialDeposit', 'Expendability',
      'ExistingVestingSchedule', 'DeadAccount', 'TooManyReserves', 'TooManyHolds', 'TooManyFreezes', 'IssuanceDeactivated', 'DeltaZero']);
    const calls = (balances.callTy!.def() as any).variants.map((v: any) => `${v.index}:${v.name}`);
    expect(calls).toEqual(['0:transfer_allow_death', '2:force_transfer', '3:transfer_keep_alive', '4:transfer_all', '5:force_unreserve',
      '8:force_set_balance', '9:force_adjust_total_issuance', '10:burn']);
    expect(balances.error('InsufficientBalance').value).toEqual({ tag: 'Module', value: { index: 5, error: Uint8Array.of(2, 0, 0, 0) } });
    expect(B.maxHolds()).toBe(3);
    expect(balances.def.constants!.MaxFreezes.value).toBe(2);
  });
});

describe('mint and burn', () => {
  it('mint creates the account (provider, NewAccount, Endowed, Minted) and raises issuance', () => {
    expect(B.mint(ext, CHARLIE, 5n * ED)).toBe(5n * ED);
    expect(names(ext)).toEqual(['System.NewAccount', 'Balances.Endowed', 'Balances.Minted']);
    expect(events(ext)[1].value).toEqual({ account: CHARLIE, free_balance: 5n * ED });
    expect(account(ext, CHARLIE).providers).toBe(1);
    expect(B.totalIssuance(ext)).toBe(110n * UNIT + 5n * ED);
  });

  it('mint below ED into a new account fails with Token.BelowMinimum and writes nothing', () => {
    expect(errorOf(() => B.mint(ext, CHARLIE, ED - 1n))).toBe('Token.BelowMinimum');
    expect(system.storage.Account.contains(ext, CHARLIE)).toBe(false);
    expect(B.totalIssuance(ext)).toBe(110n * UNIT);
    expect(ext.events).toEqual([]);
  });

  it('burn destroys free balance and issuance; keepAlive protects ED', () => {
    expect(B.burn(ext, BOB, UNIT)).toBe(UNIT);
    expect(names(ext)).toEqual(['Balances.Burned']);
    expect(B.totalIssuance(ext)).toBe(109n * UNIT);
    expect(errorOf(() => B.burn(ext, BOB, 9n * UNIT, { keepAlive: true }))).toBe('Token.FundsUnavailable');
    expect(B.burn(ext, BOB, 9n * UNIT)).toBe(9n * UNIT);
    expect(system.storage.Account.contains(ext, BOB)).toBe(false);
    expect(B.totalIssuance(ext)).toBe(100n * UNIT);
  });
});

describe('transfers', () => {
  it('to a new account: NewAccount, Endowed, Transfer', () => {
    B.transfer(ext, ALICE, CHARLIE, UNIT, false);
    expect(names(ext)).toEqual(['System.NewAccount', 'Balances.Endowed', 'Balances.Transfer']);
    expect(events(ext)[2].value).toEqual({ from: ALICE, to: CHARLIE, amount: UNIT });
    expect(B.freeBalance(ext, ALICE)).toBe(99n * UNIT);
    expect(B.freeBalance(ext, CHARLIE)).toBe(UNIT);
    expect(B.totalIssuance(ext)).toBe(110n * UNIT);
  });

  it('to a new account below ED: Token.BelowMinimum', () => {
    expect(errorOf(() => B.transfer(ext, ALICE, CHARLIE, ED - 1n, false))).toBe('Token.BelowMinimum');
    expect(errorOf(() => B.transfer(ext, ALICE, CHARLIE, ED - 1n, true))).toBe('Token.BelowMinimum');
    B.transfer(ext, ALICE, CHARLIE, ED, false);
    expect(B.freeBalance(ext, CHARLIE)).toBe(ED);
    B.transfer(ext, ALICE, CHARLIE, 1n, false); // existing account: any amount
    expect(B.freeBalance(ext, CHARLIE)).toBe(ED + 1n);
  });

  it('more than free: Token.FundsUnavailable, no writes', () => {
    expect(errorOf(() => B.transfer(ext, BOB, ALICE, 10n * UNIT + 1n, false))).toBe('Token.FundsUnavailable');
    expect(B.freeBalance(ext, BOB)).toBe(10n * UNIT);
    expect(ext.events).toEqual([]);
  });

  it('keep-alive may not leave the sender below ED (Token.NotExpendable); exactly ED is fine', () => {
    expect(errorOf(() => B.transfer(ext, BOB, ALICE, 10n * UNIT - ED + 1n, true))).toBe('Token.NotExpendable');
    expect(errorOf(() => B.transfer(ext, BOB, ALICE, 10n * UNIT, true))).toBe('Token.NotExpendable');
    B.transfer(ext, BOB, ALICE, 10n * UNIT - ED, true);
    expect(B.freeBalance(ext, BOB)).toBe(ED);
    expect(account(ext, BOB).providers).toBe(1);
  });

  it('allow-death reaps the sender: dust burned (DustLost, BurnedDebt), KilledAccount, entry and nonce gone', () => {
    setAccount(ext, BOB, { ...account(ext, BOB), nonce: 7 });
    const dust = ED / 3n;
    B.transfer(ext, BOB, ALICE, 10n * UNIT - dust, false);
    expect(names(ext)).toEqual(['System.KilledAccount', 'Balances.DustLost', 'Balances.BurnedDebt', 'Balances.Transfer']);
    expect(events(ext)[1].value).toEqual({ account: BOB, amount: dust });
    expect(system.storage.Account.contains(ext, BOB)).toBe(false);
    expect(account(ext, BOB).nonce).toBe(0);
    expect(B.totalIssuance(ext)).toBe(110n * UNIT - dust);
    expect(B.freeBalance(ext, ALICE)).toBe(110n * UNIT - dust);
  });

  it('allow-death of everything: reaped without dust', () => {
    B.transfer(ext, BOB, ALICE, 10n * UNIT, false);
    expect(names(ext)).toEqual(['System.KilledAccount', 'Balances.Transfer']);
    expect(B.totalIssuance(ext)).toBe(110n * UNIT);
  });

  it('to self: checks still apply, nothing changes, no event', () => {
    expect(B.transfer(ext, BOB, BOB, UNIT, false)).toBe(UNIT);
    expect(B.freeBalance(ext, BOB)).toBe(10n * UNIT);
    expect(ext.events).toEqual([]);
    expect(errorOf(() => B.transfer(ext, BOB, BOB, 11n * UNIT, false))).toBe('Token.FundsUnavailable');
  });

  it('zero to a new account: Transfer event, no account created', () => {
    B.transfer(ext, ALICE, CHARLIE, 0n, false);
    expect(names(ext)).toEqual(['Balances.Transfer']);
    expect(system.storage.Account.contains(ext, CHARLIE)).toBe(false);
  });

  it('calls: lookup, origins, transfer_all, force_transfer', () => {
    const alice: Origin = { kind: 'signed', who: ALICE };
    dispatch(ext, alice, 'transfer_keep_alive', { dest: { tag: 'Id', value: CHARLIE }, value: UNIT });
    dispatch(ext, alice, 'transfer_allow_death', { dest: { tag: 'Address32', value: CHARLIE }, value: UNIT });
    expect(B.freeBalance(ext, CHARLIE)).toBe(2n * UNIT);
    expect(errorOf(() => dispatch(ext, alice, 'transfer_allow_death', { dest: { tag: 'Index', value: 0 }, value: UNIT }))).toBe('CannotLookup');
    expect(errorOf(() => dispatch(ext, alice, 'transfer_allow_death', { dest: { tag: 'Address20', value: new Uint8Array(20) }, value: UNIT }))).toBe('CannotLookup');
    expect(errorOf(() => dispatch(ext, alice, 'force_transfer', { source: { tag: 'Id', value: BOB }, dest: { tag: 'Id', value: ALICE }, value: 1n }))).toBe('BadOrigin');
    dispatch(ext, { kind: 'root' }, 'force_transfer', { source: { tag: 'Id', value: BOB }, dest: { tag: 'Id', value: ALICE }, value: UNIT });
    expect(B.freeBalance(ext, BOB)).toBe(9n * UNIT);

    dispatch(ext, { kind: 'signed', who: CHARLIE }, 'transfer_all', { dest: { tag: 'Id', value: DAVE }, keep_alive: true });
    expect(B.freeBalance(ext, CHARLIE)).toBe(ED);
    expect(B.freeBalance(ext, DAVE)).toBe(2n * UNIT - ED);
    dispatch(ext, { kind: 'signed', who: CHARLIE }, 'transfer_all', { dest: { tag: 'Id', value: DAVE }, keep_alive: false });
    expect(system.storage.Account.contains(ext, CHARLIE)).toBe(false);
    expect(B.freeBalance(ext, DAVE)).toBe(2n * UNIT);
  });

  it('force_set_balance adjusts issuance; below ED wipes the account', () => {
    B.forceSetBalance(ext, BOB, 15n * UNIT);
    expect(names(ext)).toEqual(['Balances.MintedCredit', 'Balances.BalanceSet']);
    expect(B.totalIssuance(ext)).toBe(115n * UNIT);
    ext.events = [];
    dispatch(ext, { kind: 'root' }, 'force_set_balance', { who: { tag: 'Id', value: BOB }, new_free: ED - 1n });
    expect(names(ext)).toEqual(['System.KilledAccount', 'Balances.BurnedDebt', 'Balances.BalanceSet']);
    expect(events(ext)[2].value).toEqual({ who: BOB, free: 0n });
    expect(system.storage.Account.contains(ext, BOB)).toBe(false);
    expect(B.totalIssuance(ext)).toBe(100n * UNIT);
  });

  it('force_adjust_total_issuance', () => {
    expect(errorOf(() => dispatch(ext, { kind: 'root' }, 'force_adjust_total_issuance', { direction: { tag: 'Increase', value: undefined }, delta: 0n }))).toBe('Balances.DeltaZero');
    dispatch(ext, { kind: 'root' }, 'force_adjust_total_issuance', { direction: { tag: 'Decrease', value: undefined }, delta: UNIT });
    expect(events(ext).at(-1)).toEqual({ name: 'Balances.TotalIssuanceForced', value: { old: 110n * UNIT, new: 109n * UNIT } });
  });
});

describe('reserves', () => {
  it('reserve moves free to reserved and adds a consumer; unreserve reverses it', () => {
    B.reserve(ext, BOB, 4n * UNIT);
    expect(names(ext)).toEqual(['Balances.Reserved']);
    expect(account(ext, BOB)).toMatchObject({ consumers: 1, providers: 1, data: { free: 6n * UNIT, reserved: 4n * UNIT } });
    expect(B.unreserve(ext, BOB, 5n * UNIT)).toBe(UNIT); // returns what could NOT be unreserved
    expect(account(ext, BOB)).toMatchObject({ consumers: 0, data: { free: 10n * UNIT, reserved: 0n } });
    expect(B.totalIssuance(ext)).toBe(110n * UNIT);
  });

  it('reserve errors: InsufficientBalance; leaving free < ED is ConsumerRemaining; frozen is LiquidityRestrictions', () => {
    expect(errorOf(() => B.reserve(ext, BOB, 11n * UNIT))).toBe('Balances.InsufficientBalance');
    expect(errorOf(() => B.reserve(ext, BOB, 10n * UNIT))).toBe('ConsumerRemaining');
    expect(account(ext, BOB)).toMatchObject({ consumers: 0, data: { free: 10n * UNIT, reserved: 0n } });
    B.setFreeze(ext, VESTING, BOB, 8n * UNIT);
    expect(errorOf(() => B.reserve(ext, BOB, 3n * UNIT))).toBe('Balances.LiquidityRestrictions');
    B.reserve(ext, BOB, 2n * UNIT);
  });

  it('a reserve keeps the account alive: allow-death may not take it below ED (Token.Frozen)', () => {
    B.reserve(ext, BOB, UNIT);
    expect(B.reducibleBalance(ext, BOB, false)).toBe(9n * UNIT - ED);
    expect(errorOf(() => B.transfer(ext, BOB, ALICE, 9n * UNIT, false))).toBe('Token.Frozen');
    B.transfer(ext, BOB, ALICE, 9n * UNIT - ED, false);
    expect(account(ext, BOB)).toMatchObject({ providers: 1, consumers: 1, data: { free: ED, reserved: UNIT } });
    B.unreserve(ext, BOB, UNIT);
    B.transfer(ext, BOB, ALICE, UNIT + ED, false);
    expect(system.storage.Account.contains(ext, BOB)).toBe(false);
  });

  it('slashReserved burns reserved funds; repatriateReserved moves them', () => {
    B.reserve(ext, BOB, 4n * UNIT);
    expect(B.slashReserved(ext, BOB, UNIT)).toBe(0n);
    expect(names(ext)).toEqual(['Balances.Reserved', 'Balances.Slashed', 'Balances.BurnedDebt']);
    expect(B.totalIssuance(ext)).toBe(109n * UNIT);
    expect(B.slashReserved(ext, BOB, 5n * UNIT)).toBe(2n * UNIT); // only 3 left
    expect(account(ext, BOB).consumers).toBe(0);
    expect(B.totalIssuance(ext)).toBe(106n * UNIT);

    B.reserve(ext, BOB, 2n * UNIT);
    ext.events = [];
    expect(B.repatriateReserved(ext, BOB, ALICE, UNIT, 'Free')).toBe(0n);
    expect(B.repatriateReserved(ext, BOB, ALICE, 3n * UNIT, 'Reserved')).toBe(2n * UNIT);
    expect(names(ext)).toEqual(['Balances.ReserveRepatriated', 'Balances.ReserveRepatriated']);
    expect(events(ext)[1].value).toEqual({ from: BOB, to: ALICE, amount: UNIT, destination_status: { tag: 'Reserved', value: undefined } });
    expect(account(ext, ALICE)).toMatchObject({ consumers: 1, data: { free: 101n * UNIT, reserved: UNIT } });
    expect(account(ext, BOB)).toMatchObject({ consumers: 0, data: { free: 4n * UNIT, reserved: 0n } });
    B.reserve(ext, BOB, UNIT);
    expect(errorOf(() => B.repatriateReserved(ext, BOB, CHARLIE, UNIT, 'Free'))).toBe('Balances.DeadAccount');
    expect(B.totalIssuance(ext)).toBe(106n * UNIT);
  });

  it('force_unreserve (root)', () => {
    B.reserve(ext, BOB, 4n * UNIT);
    dispatch(ext, { kind: 'root' }, 'force_unreserve', { who: { tag: 'Id', value: BOB }, amount: 3n * UNIT });
    expect(B.reservedBalance(ext, BOB)).toBe(UNIT);
  });
});

describe('holds', () => {
  it('hold/release move funds between free and reserved with Held/Released and one consumer', () => {
    B.hold(ext, DEPOSIT, BOB, 3n * UNIT);
    B.hold(ext, LISTING, BOB, 2n * UNIT);
    B.hold(ext, DEPOSIT, BOB, UNIT);
    expect(names(ext)).toEqual(['Balances.Held', 'Balances.Held', 'Balances.Held']);
    expect(events(ext)[0].value).toEqual({ reason: DEPOSIT, who: BOB, amount: 3n * UNIT });
    expect(B.balanceOnHold(ext, DEPOSIT, BOB)).toBe(4n * UNIT);
    expect(B.balanceOnHold(ext, STAKE, BOB)).toBe(0n);
    expect(B.holdsOf(ext, BOB)).toEqual([{ id: DEPOSIT, amount: 4n * UNIT }, { id: LISTING, amount: 2n * UNIT }]);
    expect(account(ext, BOB)).toMatchObject({ consumers: 1, data: { free: 4n * UNIT, reserved: 6n * UNIT } });

    expect(B.release(ext, DEPOSIT, BOB, 4n * UNIT)).toBe(4n * UNIT);
    expect(B.holdsOf(ext, BOB)).toEqual([{ id: LISTING, amount: 2n * UNIT }]);
    expect(errorOf(() => B.release(ext, LISTING, BOB, 3n * UNIT))).toBe('Token.FundsUnavailable');
    expect(B.release(ext, LISTING, BOB, 3n * UNIT, 'BestEffort')).toBe(2n * UNIT);
    expect(events(ext).at(-1)).toEqual({ name: 'Balances.Released', value: { reason: LISTING, who: BOB, amount: 2n * UNIT } });
    expect(account(ext, BOB)).toMatchObject({ consumers: 0, data: { free: 10n * UNIT, reserved: 0n } });
    expect(B.totalIssuance(ext)).toBe(110n * UNIT);
  });

  it('hold keeps ED free (Token.FundsUnavailable) and needs a live account (Token.CannotCreateHold)', () => {
    expect(errorOf(() => B.hold(ext, DEPOSIT, BOB, 10n * UNIT - ED + 1n))).toBe('Token.FundsUnavailable');
    B.hold(ext, DEPOSIT, BOB, 10n * UNIT - ED);
    expect(B.freeBalance(ext, BOB)).toBe(ED);
    expect(errorOf(() => B.hold(ext, DEPOSIT, CHARLIE, 0n))).toBe('Token.CannotCreateHold');
    // a held account cannot be reaped: the last ED is not transferable
    expect(errorOf(() => B.transfer(ext, BOB, ALICE, ED, false))).toBe('Token.Frozen');
  });

  it('burnHeld destroys held funds; transferOnHold pays them out or moves the hold', () => {
    B.hold(ext, STAKE, BOB, 5n * UNIT);
    expect(B.burnHeld(ext, STAKE, BOB, UNIT)).toBe(UNIT);
    expect(events(ext).at(-1)).toEqual({ name: 'Balances.BurnedHeld', value: { reason: STAKE, who: BOB, amount: UNIT } });
    expect(B.totalIssuance(ext)).toBe(109n * UNIT);

    ext.events = [];
    B.transferOnHold(ext, STAKE, BOB, CHARLIE, 2n * UNIT);
    expect(names(ext)).toEqual(['System.NewAccount', 'Balances.Endowed', 'Balances.TransferOnHold']);
    expect(events(ext)[2].value).toEqual({ reason: STAKE, source: BOB, dest: CHARLIE, amount: 2n * UNIT });
    expect(B.freeBalance(ext, CHARLIE)).toBe(2n * UNIT);

    B.transferOnHold(ext, STAKE, BOB, CHARLIE, UNIT, { mode: 'OnHold' });
    expect(B.balanceOnHold(ext, STAKE, CHARLIE)).toBe(UNIT);
    expect(account(ext, CHARLIE)).toMatchObject({ consumers: 1, data: { free: 2n * UNIT, reserved: UNIT } });
    // checks in FRAME's order: liquidity (Frozen), the reason's hold, can_deposit, hold slot
    expect(errorOf(() => B.transferOnHold(ext, STAKE, BOB, CHARLIE, 2n * UNIT))).toBe('Token.Frozen');
    B.hold(ext, DEPOSIT, BOB, UNIT);
    expect(errorOf(() => B.transferOnHold(ext, STAKE, BOB, CHARLIE, 2n * UNIT))).toBe('Token.FundsUnavailable');
    expect(errorOf(() => B.transferOnHold(ext, STAKE, BOB, DAVE, ED - 1n))).toBe('Token.CannotCreate');
    expect(errorOf(() => B.transferOnHold(ext, STAKE, BOB, DAVE, UNIT, { mode: 'OnHold' }))).toBe('Token.CannotCreateHold');
    expect(B.balanceOnHold(ext, STAKE, BOB)).toBe(UNIT);
    expect(B.totalIssuance(ext)).toBe(109n * UNIT);
  });

  it('anonymous reserves never touch holds', () => {
    B.hold(ext, DEPOSIT, BOB, 3n * UNIT);
    B.reserve(ext, BOB, UNIT);
    expect(B.unreserve(ext, BOB, 4n * UNIT)).toBe(3n * UNIT);
    expect(B.slashReserved(ext, BOB, UNIT)).toBe(UNIT);
    expect(account(ext, BOB).data.reserved).toBe(3n * UNIT);
    expect(B.balanceOnHold(ext, DEPOSIT, BOB)).toBe(3n * UNIT);
  });
});

describe('freezes', () => {
  it('frozen = max of freezes; reduces what can be spent; Frozen/Thawed; consumer while frozen', () => {
    B.setFreeze(ext, VESTING, BOB, 4n * UNIT);
    B.setFreeze(ext, STAKING, BOB, 6n * UNIT);
    B.setFreeze(ext, VESTING, BOB, 5n * UNIT);
    expect(names(ext)).toEqual(['Balances.Frozen', 'Balances.Frozen']);
    expect(events(ext)[1].value).toEqual({ who: BOB, amount: 2n * UNIT });
    expect(account(ext, BOB)).toMatchObject({ consumers: 1, data: { frozen: 6n * UNIT } });
    expect(B.balanceFrozen(ext, VESTING, BOB)).toBe(5n * UNIT);
    expect(B.reducibleBalance(ext, BOB, false)).toBe(4n * UNIT);
    expect(B.reducibleBalance(ext, BOB, false, 'Force')).toBe(10n * UNIT - ED);
    expect(errorOf(() => B.transfer(ext, BOB, ALICE, 4n * UNIT + 1n, false))).toBe('Token.Frozen');
    B.transfer(ext, BOB, ALICE, 4n * UNIT, false);

    ext.events = [];
    B.thaw(ext, STAKING, BOB);
    expect(events(ext)).toEqual([{ name: 'Balances.Thawed', value: { who: BOB, amount: UNIT } }]);
    B.setFreeze(ext, VESTING, BOB, 0n); // zero thaws
    expect(B.freezesOf(ext, BOB)).toEqual([]);
    expect(system.storage.Account.get(ext, BOB)).toMatchObject({ consumers: 0, data: { frozen: 0n } });
    expect(balances.storage.Freezes.contains(ext, BOB)).toBe(false);
  });

  it('holds count towards a freeze (frozen applies to the total balance)', () => {
    B.setFreeze(ext, VESTING, BOB, 6n * UNIT);
    B.hold(ext, DEPOSIT, BOB, 4n * UNIT); // holds ignore freezes (Force)
    expect(B.reducibleBalance(ext, BOB, false)).toBe(4n * UNIT);
    expect(account(ext, BOB).consumers).toBe(1);
  });

  it('freezing a dead account fails with NoProviders; fees respect freezes', () => {
    expect(errorOf(() => B.setFreeze(ext, VESTING, CHARLIE, UNIT))).toBe('NoProviders');
    expect(system.storage.Account.contains(ext, CHARLIE)).toBe(false);
    B.setFreeze(ext, VESTING, BOB, 10n * UNIT);
    expect(TP.canWithdrawFee(ext, BOB, 1n)).toBe(false);
    expect(TP.withdrawFee(ext, BOB, 1n)).toBe(false);
  });
});

describe('imbalances and all-or-nothing', () => {
  it('withdraw/deposit leave issuance to the caller; dropCredit/dropDebt settle it', () => {
    expect(B.withdraw(ext, BOB, UNIT, { keepAlive: true })).toBe(UNIT);
    expect(B.totalIssuance(ext)).toBe(110n * UNIT);
    expect(B.deposit(ext, ALICE, UNIT / 2n)).toBe(UNIT / 2n);
    B.dropCredit(ext, UNIT / 2n);
    expect(names(ext)).toEqual(['Balances.Withdraw', 'Balances.Deposit', 'Balances.BurnedDebt']);
    expect(B.totalIssuance(ext)).toBe(110n * UNIT - UNIT / 2n);
    expect(errorOf(() => B.deposit(ext, CHARLIE, UNIT))).toBe('Balances.DeadAccount');
    expect(errorOf(() => B.withdraw(ext, BOB, 9n * UNIT, { keepAlive: true }))).toBe('Token.FundsUnavailable');
  });

  it('a failed call leaves no storage change and no event', () => {
    B.hold(ext, DEPOSIT, BOB, UNIT);
    ext.events = [];
    const before = [account(ext, BOB), account(ext, CHARLIE), B.holdsOf(ext, BOB), B.totalIssuance(ext)];
    expect(errorOf(() => B.transferOnHold(ext, DEPOSIT, BOB, CHARLIE, 2n * UNIT))).toBe('Token.Frozen');
    expect(errorOf(() => B.transfer(ext, BOB, CHARLIE, ED - 1n, false))).toBe('Token.BelowMinimum');
    expect(errorOf(() => B.hold(ext, STAKE, BOB, 9n * UNIT))).toBe('Token.FundsUnavailable');
    expect([account(ext, BOB), account(ext, CHARLIE), B.holdsOf(ext, BOB), B.totalIssuance(ext)]).toEqual(before);
    expect(ext.events).toEqual([]);
  });
});

describe('transaction payment', () => {
  const info = (refTime: bigint, cls: 'Normal' | 'Operational' = 'Normal', paysFee = true) => ({ weight: weight(refTime), class: cls, paysFee });

  it('fee = base + length + weight (+ tip), as compute_fee_raw', () => {
    const d = TP.computeFeeDetails(100, info(1_000_000_000n), 7n);
    const base = C.EXTRINSIC_BASE_WEIGHT / C.WEIGHT_FEE_DIVISOR; // linear weight-to-fee, multiplier 1
    const weightFee = 1_000_000_000n / C.WEIGHT_FEE_DIVISOR;
    const lenFee = 100n * C.TRANSACTION_BYTE_FEE;
    expect(d).toEqual({
      inclusionFee: { baseFee: base, lenFee, adjustedWeightFee: weightFee },
      baseFee: base, lenFee, adjustedWeightFee: weightFee, tip: 7n,
    });
    expect(TP.computeFee(100, info(1_000_000_000n), 7n)).toBe(base + lenFee + weightFee + 7n);
    expect(TP.computeFeeDetails(100, info(1_000_000_000n, 'Normal', false), 7n)).toMatchObject({ inclusionFee: undefined, tip: 7n });
    expect(TP.computeFee(100, info(1_000_000_000n, 'Normal', false), 7n)).toBe(7n);
    expect(TP.weightToFee(10n * C.MAXIMUM_BLOCK_WEIGHT)).toBe(C.MAXIMUM_BLOCK_WEIGHT / C.WEIGHT_FEE_DIVISOR); // capped
    expect(TP.lengthToFee(3)).toBe(3n * C.TRANSACTION_BYTE_FEE);
  });

  it('priority as ChargeTransactionPayment::get_priority', () => {
    // 1 ms of a 1 s block -> 1000 per block by weight; 100 bytes of 3.75 MiB -> 39321 by length
    expect(TP.priority(0n, info(1_000_000_000n), 100)).toBe(1000n);
    expect(TP.priority(9n, info(1_000_000_000n), 100)).toBe(10_000n);
    // length is the scarce resource
    expect(TP.priority(0n, info(1n), 1_000_000)).toBe(BigInt(Math.floor(limits.perClass.Normal.maxLength / 1_000_000)));
    const fee = TP.computeFee(100, info(1_000_000_000n, 'Operational'), 0n);
    expect(TP.priority(0n, info(1_000_000_000n, 'Operational'), 100)).toBe(1000n + fee * BigInt(C.OPERATIONAL_FEE_MULTIPLIER) * 1000n);
  });

  it('withdrawFee keeps the payer alive; correctAndDepositFee refunds, burns and reports', () => {
    expect(TP.canWithdrawFee(ext, BOB, 10n * UNIT - ED)).toBe(true);
    expect(TP.canWithdrawFee(ext, BOB, 10n * UNIT - ED + 1n)).toBe(false);
    expect(TP.withdrawFee(ext, BOB, 10n * UNIT - ED + 1n)).toBe(false);
    expect(ext.events).toEqual([]);
    expect(TP.withdrawFee(ext, BOB, 1000n)).toBe(true);
    expect(B.freeBalance(ext, BOB)).toBe(10n * UNIT - 1000n);
    TP.correctAndDepositFee(ext, BOB, 600n, 10n, 1000n);
    expect(events(ext)).toEqual([
      { name: 'Balances.Withdraw', value: { who: BOB, amount: 1000n } },
      { name: 'Balances.Deposit', value: { who: BOB, amount: 400n } },
      { name: 'Balances.BurnedDebt', value: { amount: 600n } },
      { name: 'TransactionPayment.TransactionFeePaid', value: { who: BOB, actual_fee: 600n, tip: 10n } },
    ]);
    expect(B.freeBalance(ext, BOB)).toBe(10n * UNIT - 600n);
    expect(B.totalIssuance(ext)).toBe(110n * UNIT - 600n);
    ext.events = [];
    expect(TP.withdrawFee(ext, BOB, 0n)).toBe(true);
    TP.correctAndDepositFee(ext, BOB, 0n, 0n, 0n);
    expect(names(ext)).toEqual(['TransactionPayment.TransactionFeePaid']);
  });

  it('declares FixedU128 multiplier, Releases::V2 and the operational multiplier', () => {
    const s = TP.transactionPayment.storage;
    expect(s.NextFeeMultiplier.get(ext)).toBe(10n ** 18n);
    expect(s.StorageVersion.get(ext)).toEqual({ tag: 'V2', value: undefined });
    expect(s.NextFeeMultiplier.meta().fallback).toEqual(T.u128.codec.enc(10n ** 18n));
    expect(TP.transactionPayment.def.constants!.OperationalFeeMultiplier.value).toBe(5);
    TP.transactionPayment.def.hooks!.onFinalize!(ext, 1);
    expect(ext.get(s.NextFeeMultiplier.key())).toEqual(T.u128.codec.enc(10n ** 18n));
  });
});
