// pallet_balances: the native token. Account data lives in System.Account
// (`AccountStore = System`), as in the polkadot-sdk solochain template.
//
// The exported functions are the `fungible` / `Currency` trait surface other
// pallets and the executive use. Each one is all-or-nothing: it checks before
// it writes and also runs in its own storage transaction, so a thrown
// DispatchError leaves no writes and no events behind.
//
// Imbalances: `transfer`, `mint`, `burn*`, `slashReserved`, `reserve`/`hold`
// and friends keep TotalIssuance right by themselves. `withdraw` and `deposit`
// are the `Balanced` pair: they move funds out of / into an account WITHOUT
// touching TotalIssuance (a credit / debt); the caller settles the difference
// with `dropCredit` (burn) or `dropDebt` (mint), as dropping FRAME's
// imbalance objects does.
import * as T from '../codec/types.ts';
import * as C from '../config.ts';
import { equalBytes } from '../crypto.ts';
import { arithmetic, DispatchError, ensureRoot, ensureSigned, token, weight } from '../framework/dispatch.ts';
import type { Ext } from '../framework/ext.ts';
import { RuntimeFreezeReason, RuntimeHoldReason } from '../framework/outer.ts';
import { call, event, pallet, type EventDef } from '../framework/pallet.ts';
import { map, value } from '../framework/storage.ts';
import { AccountId, Balance, MultiAddress, type Weight } from '../primitives.ts';
import { lookupAccount } from './common.ts';
import { account, AccountData, emptyAccount, NEW_LOGIC_FLAG, setAccount, system, type AccountInfo } from './system.ts';

// ---------------------------------------------------------------------------
// Parameters

export const EXISTENTIAL_DEPOSIT = C.EXISTENTIAL_DEPOSIT;
/** As the solochain template: `MaxLocks = ConstU32<50>`, `MaxReserves = ()`. */
export const MAX_LOCKS = 50;
export const MAX_RESERVES = 0;
/** frame_system's `MaxConsumers` (`ConstU32<16>` in the template). */
export const MAX_CONSUMERS = 16;
const U128_MAX = (1n << 128n) - 1n;

// ---------------------------------------------------------------------------
// Types

export type HoldReason = { tag: string; value: any };
export type FreezeId = { tag: string; value: any };
/** frame_support::traits::tokens::Preservation. */
export type Preservation = 'Expendable' | 'Protect' | 'Preserve';
/** frame_support::traits::tokens::Fortitude. */
export type Fortitude = 'Polite' | 'Force';
/** frame_support::traits::tokens::Precision. */
export type Precision = 'Exact' | 'BestEffort';
export type BalanceStatusValue = { tag: 'Free' | 'Reserved'; value: undefined };

export const BalanceStatus = T.enumeration<BalanceStatusValue>(
  { path: ['frame_support', 'traits', 'tokens', 'misc', 'BalanceStatus'] }, { Free: {}, Reserved: {} },
);
const idAmount = <I>(id: T.Ty<I>) => T.struct(
  { path: ['frame_support', 'traits', 'tokens', 'misc', 'IdAmount'], params: [{ name: 'Id', ty: id }, { name: 'Balance', ty: T.u128 }] },
  { id, amount: T.u128 }, { id: 'Id', amount: 'Balance' },
);
const boundedVec = <V>(inner: T.Ty<V>) => T.newtype(
  { path: ['bounded_collections', 'bounded_vec', 'BoundedVec'], params: [{ name: 'T', ty: inner }, { name: 'S' }] },
  T.vec(inner), 'Vec<T>',
);
const weakBoundedVec = <V>(inner: T.Ty<V>) => T.newtype(
  { path: ['bounded_collections', 'weak_bounded_vec', 'WeakBoundedVec'], params: [{ name: 'T', ty: inner }, { name: 'S' }] },
  T.vec(inner), 'Vec<T>',
);
export const IdAmountHold = idAmount(RuntimeHoldReason);
export const IdAmountFreeze = idAmount(RuntimeFreezeReason);
export type IdAmount = { id: { tag: string; value: any }; amount: bigint };

const Reasons = T.enumeration({ path: ['pallet_balances', 'types', 'Reasons'] }, { Fee: {}, Misc: {}, All: {} });
const BalanceLock = T.struct({ path: ['pallet_balances', 'types', 'BalanceLock'], params: [{ name: 'Balance', ty: T.u128 }] },
  { id: T.fixed(8), amount: T.u128, reasons: Reasons }, { id: 'LockIdentifier', amount: 'Balance', reasons: 'Reasons' });
const ReserveData = T.struct({ path: ['pallet_balances', 'types', 'ReserveData'], params: [{ name: 'ReserveIdentifier', ty: T.fixed(8) }, { name: 'Balance', ty: T.u128 }] },
  { id: T.fixed(8), amount: T.u128 }, { id: 'ReserveIdentifier', amount: 'Balance' });
const AdjustmentDirection = T.enumeration<{ tag: 'Increase' | 'Decrease'; value: undefined }>(
  { path: ['pallet_balances', 'types', 'AdjustmentDirection'] }, { Increase: {}, Decrease: {} },
);
const UnexpectedKind = T.enumeration({ path: ['pallet_balances', 'pallet', 'UnexpectedKind'] }, { BalanceUpdated: {}, FailedToMutateAccount: {} });

/** Number of hold/freeze reasons (`VariantCountOf`): composite enums count their inner variants. */
function variantCount(ty: T.Ty<any>): number {
  const d = ty.def();
  if (d.kind !== 'variant') return 0;
  let n = 0;
  for (const v of d.variants) {
    const inner = v.fields.length === 1 ? v.fields[0].ty.def() : undefined;
    n += inner && inner.kind === 'variant' ? inner.variants.length : 1;
  }
  return n;
}
export const maxHolds = (): number => variantCount(RuntimeHoldReason);
export const maxFreezes = (): number => variantCount(RuntimeFreezeReason);

// ---------------------------------------------------------------------------
// Weights (our measurements' order of magnitude; reads/writes priced by config)

const rw = (refTime: bigint, proof: bigint, reads: number, writes: number): Weight =>
  weight(refTime + BigInt(reads) * C.DB_READ_WEIGHT + BigInt(writes) * C.DB_WRITE_WEIGHT, proof);
const us = (n: bigint) => n * 1_000_000n;
export const WEIGHTS = {
  transfer_allow_death: rw(us(50n), 3593n, 1, 1),
  transfer_keep_alive: rw(us(40n), 3593n, 1, 1),
  force_transfer: rw(us(50n), 6196n, 2, 2),
  transfer_all: rw(us(50n), 3593n, 1, 1),
  force_unreserve: rw(us(20n), 3593n, 1, 1),
  force_set_balance: rw(us(20n), 3593n, 1, 1),
  force_adjust_total_issuance: rw(us(10n), 1501n, 1, 1),
  burn: rw(us(30n), 3593n, 1, 1),
};

// ---------------------------------------------------------------------------
// Pallet declaration

const ev = <F extends Record<string, T.Ty<any>>>(fields: F, doc: string, typeNames: Record<string, string>) => event(fields, doc, typeNames);
const who = { who: AccountId, amount: Balance };
const whoNames = { who: 'T::AccountId', amount: 'T::Balance' };
const holdNames = { reason: 'T::RuntimeHoldReason', who: 'T::AccountId', amount: 'T::Balance' };
const lookupName = 'AccountIdLookupOf<T>';

export const balances = pallet({
  name: 'Balances',
  crate: 'pallet_balances',
  index: 5,
  docs: ['The Balances pallet: the native SLMN token.'],
  storage: {
    TotalIssuance: value(Balance, { default: 0n, docs: ['The total units issued in the system.'] }),
    InactiveIssuance: value(Balance, { default: 0n, docs: ['The total units of outstanding deactivated balance in the system.'] }),
    Account: map('Blake2_128Concat', AccountId, AccountData, {
      default: emptyAccount().data,
      docs: ['The Balances pallet example of storing the balance of an account.', '', 'Unused here: balances are stored in `System::Account` (`AccountStore = System`).'],
    }),
    Locks: map('Blake2_128Concat', AccountId, weakBoundedVec(BalanceLock), {
      default: [], docs: ['Any liquidity locks on some account balances.', 'Locks are not used by this runtime; freezes replace them.'],
    }),
    Reserves: map('Blake2_128Concat', AccountId, boundedVec(ReserveData), {
      default: [], docs: ['Named reserves on some account balances.', 'Named reserves are not used by this runtime (`MaxReserves = 0`).'],
    }),
    Holds: map('Blake2_128Concat', AccountId, boundedVec(IdAmountHold), { default: [], docs: ['Holds on account balances.'] }),
    Freezes: map('Blake2_128Concat', AccountId, boundedVec(IdAmountFreeze), { default: [], docs: ['Freeze locks on account balances.'] }),
  },
  calls: {
    transfer_allow_death: call({
      index: 0, args: { dest: MultiAddress, value: T.compact(T.u128) }, typeNames: { dest: lookupName, value: 'T::Balance' }, origin: 'signed',
      docs: ['Transfer some liquid free balance to another account.', '', 'If the sender\'s account is below the existential deposit as a result', 'of the transfer, the account will be reaped.'],
      weight: () => WEIGHTS.transfer_allow_death,
      dispatch: ({ ext, origin }, { dest, value }) => {
        const source = ensureSigned(origin);
        transferCall(ext, source, lookupAccount(dest), value, 'Expendable');
      },
    }),
    force_transfer: call({
      index: 2, args: { source: MultiAddress, dest: MultiAddress, value: T.compact(T.u128) },
      typeNames: { source: lookupName, dest: lookupName, value: 'T::Balance' }, origin: 'root',
      docs: ['Exactly as `transfer_allow_death`, except the origin must be root and the source account', 'may be specified.'],
      weight: () => WEIGHTS.force_transfer,
      dispatch: ({ ext, origin }, { source, dest, value }) => {
        ensureRoot(origin);
        transferCall(ext, lookupAccount(source), lookupAccount(dest), value, 'Expendable');
      },
    }),
    transfer_keep_alive: call({
      index: 3, args: { dest: MultiAddress, value: T.compact(T.u128) }, typeNames: { dest: lookupName, value: 'T::Balance' }, origin: 'signed',
      docs: ['Same as the `transfer_allow_death` call, but with a check that the transfer will not', 'kill the origin account.'],
      weight: () => WEIGHTS.transfer_keep_alive,
      dispatch: ({ ext, origin }, { dest, value }) => {
        const source = ensureSigned(origin);
        transferCall(ext, source, lookupAccount(dest), value, 'Preserve');
      },
    }),
    transfer_all: call({
      index: 4, args: { dest: MultiAddress, keep_alive: T.bool }, typeNames: { dest: lookupName, keep_alive: 'bool' }, origin: 'signed',
      docs: ['Transfer the entire transferable balance from the caller account.'],
      weight: () => WEIGHTS.transfer_all,
      dispatch: ({ ext, origin }, { dest, keep_alive }) => {
        const source = ensureSigned(origin);
        const preservation: Preservation = keep_alive ? 'Preserve' : 'Expendable';
        const amount = reducibleBalance(ext, source, preservation, 'Polite');
        transferCall(ext, source, lookupAccount(dest), amount, preservation);
      },
    }),
    force_unreserve: call({
      index: 5, args: { who: MultiAddress, amount: T.u128 }, typeNames: { who: lookupName, amount: 'T::Balance' }, origin: 'root',
      docs: ['Unreserve some balance from a user by force.', '', 'Can only be called by ROOT.'],
      weight: () => WEIGHTS.force_unreserve,
      dispatch: ({ ext, origin }, { who, amount }) => {
        ensureRoot(origin);
        unreserve(ext, lookupAccount(who), amount);
      },
    }),
    force_set_balance: call({
      index: 8, args: { who: MultiAddress, new_free: T.compact(T.u128) }, typeNames: { who: lookupName, new_free: 'T::Balance' }, origin: 'root',
      docs: ['Set the regular balance of a given account.', '', 'The dispatch origin for this call is `root`.'],
      weight: () => WEIGHTS.force_set_balance,
      dispatch: ({ ext, origin }, { who, new_free }) => {
        ensureRoot(origin);
        forceSetBalance(ext, lookupAccount(who), new_free);
      },
    }),
    force_adjust_total_issuance: call({
      index: 9, args: { direction: AdjustmentDirection, delta: T.compact(T.u128) }, typeNames: { direction: 'AdjustmentDirection', delta: 'T::Balance' }, origin: 'root',
      docs: ['Adjust the total issuance in a saturating way.', '', 'Can only be called by root and always needs a positive `delta`.'],
      weight: () => WEIGHTS.force_adjust_total_issuance,
      dispatch: ({ ext, origin }, { direction, delta }) => {
        ensureRoot(origin);
        if (delta === 0n) throw balances.error('DeltaZero');
        const s = balances.storage;
        const old = s.TotalIssuance.get(ext);
        const next = direction.tag === 'Increase' ? min(old + delta, U128_MAX) : sat(old - delta);
        if (s.InactiveIssuance.get(ext) > next) throw balances.error('IssuanceDeactivated');
        s.TotalIssuance.set(ext, next);
        balances.deposit(ext, { tag: 'TotalIssuanceForced', value: { old, new: next } });
      },
    }),
    burn: call({
      index: 10, args: { value: T.compact(T.u128), keep_alive: T.bool }, typeNames: { value: 'T::Balance', keep_alive: 'bool' }, origin: 'signed',
      docs: ['Burn the specified liquid free balance from the origin account.'],
      weight: () => WEIGHTS.burn,
      dispatch: ({ ext, origin }, { value, keep_alive }) => {
        const source = ensureSigned(origin);
        burn(ext, source, value, { keepAlive: keep_alive });
      },
    }),
  },
  events: {
    Endowed: ev({ account: AccountId, free_balance: Balance }, 'An account was created with some free balance.', { account: 'T::AccountId', free_balance: 'T::Balance' }),
    DustLost: ev({ account: AccountId, amount: Balance }, 'An account was removed whose balance was non-zero but below ExistentialDeposit, resulting in an outright loss.', { account: 'T::AccountId', amount: 'T::Balance' }),
    Transfer: ev({ from: AccountId, to: AccountId, amount: Balance }, 'Transfer succeeded.', { from: 'T::AccountId', to: 'T::AccountId', amount: 'T::Balance' }),
    BalanceSet: ev({ who: AccountId, free: Balance }, 'A balance was set by root.', { who: 'T::AccountId', free: 'T::Balance' }),
    Reserved: ev(who, 'Some balance was reserved (moved from free to reserved).', whoNames),
    Unreserved: ev(who, 'Some balance was unreserved (moved from reserved to free).', whoNames),
    ReserveRepatriated: ev({ from: AccountId, to: AccountId, amount: Balance, destination_status: BalanceStatus },
      'Some balance was moved from the reserve of the first account to the second account. Final argument indicates the destination balance type.',
      { from: 'T::AccountId', to: 'T::AccountId', amount: 'T::Balance', destination_status: 'Status' }),
    Deposit: ev(who, 'Some amount was deposited (e.g. for transaction fees).', whoNames),
    Withdraw: ev(who, 'Some amount was withdrawn from the account (e.g. for transaction fees).', whoNames),
    Slashed: ev(who, 'Some amount was removed from the account (e.g. for misbehavior).', whoNames),
    Minted: ev(who, 'Some amount was minted into an account.', whoNames),
    MintedCredit: ev({ amount: Balance }, 'Some credit was balanced and added to the TotalIssuance.', { amount: 'T::Balance' }),
    Burned: ev(who, 'Some amount was burned from an account.', whoNames),
    BurnedDebt: ev({ amount: Balance }, 'Some debt has been dropped from the Total Issuance.', { amount: 'T::Balance' }),
    Suspended: ev(who, 'Some amount was suspended from an account (it can be restored later).', whoNames),
    Restored: ev(who, 'Some amount was restored into an account.', whoNames),
    Upgraded: ev({ who: AccountId }, 'An account was upgraded.', { who: 'T::AccountId' }),
    Issued: ev({ amount: Balance }, 'Total issuance was increased by `amount`, creating a credit to be balanced.', { amount: 'T::Balance' }),
    Rescinded: ev({ amount: Balance }, 'Total issuance was decreased by `amount`, creating a debt to be balanced.', { amount: 'T::Balance' }),
    Locked: ev(who, 'Some balance was locked.', whoNames),
    Unlocked: ev(who, 'Some balance was unlocked.', whoNames),
    Frozen: ev(who, 'Some balance was frozen.', whoNames),
    Thawed: ev(who, 'Some balance was thawed.', whoNames),
    TotalIssuanceForced: ev({ old: Balance, new: Balance }, 'The `TotalIssuance` was forcefully changed.', { old: 'T::Balance', new: 'T::Balance' }),
    Held: ev({ reason: RuntimeHoldReason, who: AccountId, amount: Balance }, 'Some balance was placed on hold.', holdNames),
    BurnedHeld: ev({ reason: RuntimeHoldReason, who: AccountId, amount: Balance }, 'Held balance was burned from an account.', holdNames),
    TransferOnHold: ev({ reason: RuntimeHoldReason, source: AccountId, dest: AccountId, amount: Balance },
      'A transfer of `amount` on hold from `source` to `dest` was initiated.',
      { reason: 'T::RuntimeHoldReason', source: 'T::AccountId', dest: 'T::AccountId', amount: 'T::Balance' }),
    TransferAndHold: ev({ reason: RuntimeHoldReason, source: AccountId, dest: AccountId, transferred: Balance },
      'The `transferred` balance is placed on hold at the `dest` account.',
      { reason: 'T::RuntimeHoldReason', source: 'T::AccountId', dest: 'T::AccountId', transferred: 'T::Balance' }),
    Released: ev({ reason: RuntimeHoldReason, who: AccountId, amount: Balance }, 'Some balance was released from hold.', holdNames),
    // A tuple variant `Unexpected(UnexpectedKind)`; never emitted by this runtime.
    Unexpected: { fields: [UnexpectedKind] as unknown as Record<string, T.Ty<any>>, docs: ['An unexpected/defensive event was triggered.'] } as EventDef<Record<string, T.Ty<any>>>,
  },
  errors: {
    VestingBalance: 'Vesting balance too high to send value.',
    LiquidityRestrictions: 'Account liquidity restrictions prevent withdrawal.',
    InsufficientBalance: 'Balance too low to send value.',
    ExistentialDeposit: 'Value too low to create account due to existential deposit.',
    Expendability: 'Transfer/payment would kill account.',
    ExistingVestingSchedule: 'A vesting schedule already exists for this account.',
    DeadAccount: 'Beneficiary account must pre-exist.',
    TooManyReserves: 'Number of named reserves exceed `MaxReserves`.',
    TooManyHolds: 'Number of holds exceed `VariantCountOf<T::RuntimeHoldReason>`.',
    TooManyFreezes: 'Number of freezes exceed `MaxFreezes`.',
    IssuanceDeactivated: 'The issuance cannot be modified since it is already deactivated.',
    DeltaZero: 'The delta cannot be zero.',
  },
  constants: {
    ExistentialDeposit: { ty: Balance, value: EXISTENTIAL_DEPOSIT, docs: ['The minimum amount required to keep an account open. MUST BE GREATER THAN ZERO!'] },
    MaxLocks: { ty: T.u32, value: MAX_LOCKS, docs: ['The maximum number of locks that should exist on an account.', 'Not strictly enforced, but used for weight estimation.'] },
    MaxReserves: { ty: T.u32, value: MAX_RESERVES, docs: ['The maximum number of named reserves that can exist on an account.'] },
    MaxFreezes: { ty: T.u32, get value() { return maxFreezes(); }, docs: ['The maximum number of individual freeze locks that can exist on an account at any time.'] },
  },
});

// ---------------------------------------------------------------------------
// Small helpers

const sat = (x: bigint): bigint => (x < 0n ? 0n : x);
const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);
const ED = EXISTENTIAL_DEPOSIT;
type Data = AccountInfo['data'];

const isDefaultData = (d: Data): boolean => d.free === 0n && d.reserved === 0n && d.frozen === 0n && d.flags === NEW_LOGIC_FLAG;
/** `frame_system::can_dec_provider`. */
const canDecProvider = (info: AccountInfo): boolean => info.consumers === 0 || info.providers > 1;
const holdKey = (id: HoldReason): Uint8Array => RuntimeHoldReason.codec.enc(id);
const freezeKey = (id: FreezeId): Uint8Array => RuntimeFreezeReason.codec.enc(id);
const sameId = (enc: (x: any) => Uint8Array, a: unknown, b: unknown): boolean => equalBytes(enc(a), enc(b));

/** Runs `fn` in a storage transaction (writes and events roll back if it throws). */
const atomic = <R>(ext: Ext, fn: () => R): R => ext.transactional(fn);

// ---------------------------------------------------------------------------
// Inspection

export const freeBalance = (ext: Ext, who: Uint8Array): bigint => account(ext, who).data.free;
/** Reserved balance: anonymous reserves plus all holds (as FRAME's `reserved_balance`). */
export const reservedBalance = (ext: Ext, who: Uint8Array): bigint => account(ext, who).data.reserved;
export const frozenBalance = (ext: Ext, who: Uint8Array): bigint => account(ext, who).data.frozen;
export const totalBalance = (ext: Ext, who: Uint8Array): bigint => { const d = account(ext, who).data; return d.free + d.reserved; };
export const totalIssuance = (ext: Ext): bigint => balances.storage.TotalIssuance.get(ext);
export const activeIssuance = (ext: Ext): bigint => sat(totalIssuance(ext) - balances.storage.InactiveIssuance.get(ext));
export const holdsOf = (ext: Ext, who: Uint8Array): IdAmount[] => balances.storage.Holds.get(ext, who);
export const freezesOf = (ext: Ext, who: Uint8Array): IdAmount[] => balances.storage.Freezes.get(ext, who);

export function balanceOnHold(ext: Ext, reason: HoldReason, who: Uint8Array): bigint {
  return holdsOf(ext, who).find((h) => sameId(holdKey, h.id, reason))?.amount ?? 0n;
}
export const totalBalanceOnHold = (ext: Ext, who: Uint8Array): bigint => holdsOf(ext, who).reduce((s, h) => s + h.amount, 0n);
export function balanceFrozen(ext: Ext, id: FreezeId, who: Uint8Array): bigint {
  return freezesOf(ext, who).find((f) => sameId(freezeKey, f.id, id))?.amount ?? 0n;
}

/**
 * `fungible::Inspect::reducible_balance`: how much of the free balance can be taken.
 * `keepAlive`: `true` = Preserve, `false` = Expendable; Polite respects freezes, Force ignores them.
 */
export function reducibleBalance(ext: Ext, who: Uint8Array, keepAlive: boolean | Preservation, force: Fortitude = 'Polite'): bigint {
  const preservation: Preservation = keepAlive === true ? 'Preserve' : keepAlive === false ? 'Expendable' : keepAlive;
  const info = account(ext, who);
  const a = info.data;
  let untouchable = 0n;
  // Frozen balance applies to the total, so holds count towards satisfying it.
  if (force === 'Polite') untouchable = sat(a.frozen - a.reserved);
  if (preservation === 'Preserve'
    || (preservation === 'Protect' && a.free !== 0n && info.providers === 1)
    || (preservation === 'Expendable' && a.free !== 0n && !canDecProvider(info))) {
    untouchable = max(untouchable, ED);
  }
  return sat(a.free - untouchable);
}

/** `fungible::InspectHold::reducible_total_balance_on_hold`. */
export function reducibleTotalBalanceOnHold(ext: Ext, who: Uint8Array, force: Fortitude = 'Polite'): bigint {
  const a = account(ext, who).data;
  const unavailable = force === 'Force' ? 0n : sat(a.frozen - a.free);
  return sat(a.reserved - unavailable);
}

export type WithdrawConsequence =
  | { kind: 'Success' } | { kind: 'ReducedToZero'; dust: bigint }
  | { kind: 'BalanceLow' } | { kind: 'WouldDie' } | { kind: 'Frozen' } | { kind: 'Underflow' };

/** `fungible::Inspect::can_withdraw`. */
export function canWithdraw(ext: Ext, who: Uint8Array, amount: bigint): WithdrawConsequence {
  if (amount === 0n) return { kind: 'Success' };
  if (totalIssuance(ext) < amount) return { kind: 'Underflow' };
  const info = account(ext, who);
  const a = info.data;
  if (a.free < amount) return { kind: 'BalanceLow' };
  const newFree = a.free - amount;
  if (amount > reducibleBalance(ext, who, 'Expendable', 'Polite')) return { kind: 'Frozen' };
  let success: WithdrawConsequence = { kind: 'Success' };
  if (newFree < ED) {
    if (!canDecProvider(info)) return { kind: 'WouldDie' };
    success = { kind: 'ReducedToZero', dust: newFree };
  }
  if (newFree + a.reserved < a.frozen) return { kind: 'Frozen' };
  return success;
}

export type DepositConsequence = 'Success' | 'BelowMinimum' | 'Overflow';

/** `fungible::Inspect::can_deposit` (`minted`: the amount is new issuance). */
export function canDeposit(ext: Ext, who: Uint8Array, amount: bigint, minted = false): DepositConsequence {
  if (amount === 0n) return 'Success';
  if (minted && totalIssuance(ext) + amount > U128_MAX) return 'Overflow';
  const a = account(ext, who).data;
  const newFree = a.free + amount;
  if (newFree > U128_MAX) return 'Overflow';
  if (newFree < ED) return 'BelowMinimum';
  if (a.reserved + newFree > U128_MAX) return 'Overflow';
  return 'Success';
}

/** `WithdrawConsequence::into_result(keep_nonzero)`. */
function withdrawResult(c: WithdrawConsequence, keepNonzero: boolean): void {
  switch (c.kind) {
    case 'BalanceLow': throw token('FundsUnavailable');
    case 'WouldDie': throw token('OnlyProvider');
    case 'Underflow': throw arithmetic('Underflow');
    case 'Frozen': throw token('Frozen');
    case 'ReducedToZero': if (keepNonzero) throw token('NotExpendable'); return;
    case 'Success': return;
  }
}
/** `DepositConsequence::into_result`. */
function depositResult(c: DepositConsequence): void {
  if (c === 'BelowMinimum') throw token('BelowMinimum');
  if (c === 'Overflow') throw arithmetic('Overflow');
}

// ---------------------------------------------------------------------------
// Account mutation (pallet_balances::try_mutate_account with System as AccountStore)

interface Mutated<R> { result: R; dust: bigint }

/**
 * Applies `f` to a copy of `who`'s account data, then maintains the reference counts as FRAME:
 * free >= ED provides (inc_providers, NewAccount for a new account), reserved/frozen > 0
 * consumes; losing the provider reaps the account (KilledAccount) unless consumers remain
 * (ConsumerRemaining). Free balance below ED with nothing reserved is dust: the data is
 * cleared and the dust returned (DustLost emitted; the caller burns it via `handleDust`).
 * Every check happens before the single write, so a throw leaves no trace.
 */
function tryMutateAccount<R>(ext: Ext, who: Uint8Array, f: (a: Data, isNew: boolean) => R): Mutated<R> {
  const info = account(ext, who);
  const isNew = isDefaultData(info.data);
  const a: Data = { ...info.data };
  const didProvide = a.free >= ED;
  const didConsume = !isNew && (a.reserved !== 0n || a.frozen !== 0n);

  const result = f(a, isNew);
  if (a.free < 0n || a.reserved < 0n) throw arithmetic('Underflow');
  if (a.free > U128_MAX || a.reserved > U128_MAX) throw arithmetic('Overflow');

  const doesProvide = a.free >= ED;
  const doesConsume = a.reserved !== 0n || a.frozen !== 0n;
  let { providers, consumers } = info;
  const { sufficients } = info;
  let created = false;
  let killed = false;
  const incConsumers = () => {
    if (providers === 0) throw new DispatchError({ tag: 'NoProviders', value: undefined });
    if (consumers >= MAX_CONSUMERS) throw new DispatchError({ tag: 'TooManyConsumers', value: undefined });
    consumers += 1;
  };
  if (!didProvide && doesProvide) {
    if (providers === 0 && sufficients === 0) created = true;
    providers += 1;
  }
  if (didConsume && !doesConsume) consumers = Math.max(0, consumers - 1);
  if (!didConsume && doesConsume) incConsumers();
  if (doesConsume && consumers === 0) incConsumers(); // FRAME's defensive failsafe
  if (didProvide && !doesProvide) {
    if (providers === 0) providers = 1; // FRAME logs "unexpected underflow" and assumes 1
    if (providers === 1 && consumers === 0 && sufficients === 0) { killed = true; providers = 0; }
    else if (providers === 1 && consumers > 0) throw new DispatchError({ tag: 'ConsumerRemaining', value: undefined });
    else providers -= 1;
  }

  let dust = 0n;
  let data: Data = { ...a, flags: a.flags | NEW_LOGIC_FLAG };
  if (a.free < ED && a.reserved === 0n) {
    dust = a.free;
    data = emptyAccount().data;
  }

  // all checks passed: write and emit in FRAME's order
  if (created) system.deposit(ext, { tag: 'NewAccount', value: { account: who } });
  if (killed) system.deposit(ext, { tag: 'KilledAccount', value: { account: who } });
  // setAccount removes the entry (and so the nonce) once no provider or sufficient remains.
  setAccount(ext, who, { ...info, providers, consumers, data });
  if (isNew) balances.deposit(ext, { tag: 'Endowed', value: { account: who, free_balance: a.free } });
  if (dust !== 0n) balances.deposit(ext, { tag: 'DustLost', value: { account: who, amount: dust } });
  return { result, dust };
}

/** Dust removal with `DustRemoval = ()`: the dust credit is dropped, i.e. burned. */
function handleDust(ext: Ext, dust: bigint): void {
  if (dust !== 0n) dropCredit(ext, dust);
}

function mutateHandlingDust<R>(ext: Ext, who: Uint8Array, f: (a: Data, isNew: boolean) => R): R {
  const { result, dust } = tryMutateAccount(ext, who, f);
  handleDust(ext, dust);
  return result;
}

/**
 * Dropping a fungible `Credit` (funds taken out of accounts but not put anywhere):
 * TotalIssuance decreases, `BurnedDebt` is emitted (polkadot-sdk's `HandleImbalanceDrop`).
 */
export function dropCredit(ext: Ext, amount: bigint): void {
  if (amount === 0n) return;
  balances.storage.TotalIssuance.mutate(ext, (t) => sat(t - amount));
  balances.deposit(ext, { tag: 'BurnedDebt', value: { amount } });
}
/** Dropping a fungible `Debt` (funds put into accounts from nowhere): TotalIssuance increases, `MintedCredit`. */
export function dropDebt(ext: Ext, amount: bigint): void {
  if (amount === 0n) return;
  balances.storage.TotalIssuance.mutate(ext, (t) => min(t + amount, U128_MAX));
  balances.deposit(ext, { tag: 'MintedCredit', value: { amount } });
}

// fungible::Unbalanced

/** `write_balance`: sets free balance; the reduction may not exceed reducible(Expendable, Force). */
function writeBalance(ext: Ext, who: Uint8Array, amount: bigint): bigint {
  const maxReduction = reducibleBalance(ext, who, 'Expendable', 'Force');
  return tryMutateAccount(ext, who, (a) => {
    if (sat(a.free - amount) > maxReduction) throw balances.error('InsufficientBalance');
    a.free = amount;
  }).dust;
}

/** `Unbalanced::decrease_balance`; returns the amount taken. */
function decreaseBalance(ext: Ext, who: Uint8Array, amount: bigint, precision: Precision, preservation: Preservation, force: Fortitude): bigint {
  const old = freeBalance(ext, who);
  const reducible = reducibleBalance(ext, who, preservation, force);
  if (precision === 'BestEffort') amount = min(amount, reducible);
  else if (reducible < amount) throw token('FundsUnavailable');
  if (old < amount) throw token('FundsUnavailable');
  const next = old - amount;
  handleDust(ext, writeBalance(ext, who, next));
  return amount;
}

/** `Unbalanced::increase_balance`; returns the amount added (0 if the result stays below ED with BestEffort). */
function increaseBalance(ext: Ext, who: Uint8Array, amount: bigint, precision: Precision): bigint {
  const old = freeBalance(ext, who);
  let next = old + amount;
  if (next > U128_MAX) {
    if (precision === 'Exact') throw arithmetic('Overflow');
    next = U128_MAX;
  }
  if (next < ED) {
    if (precision === 'BestEffort') return 0n;
    throw token('BelowMinimum');
  }
  if (next === old) return 0n;
  handleDust(ext, writeBalance(ext, who, next));
  return next - old;
}

// ---------------------------------------------------------------------------
// Free balance: transfer, mint, burn, withdraw, deposit

/**
 * The transfer dispatchables report Balances module errors, as FRAME's `Currency::transfer`
 * did, so clients decode them with `registry.findMetaError`; the fungible-style functions below
 * keep polkadot-sdk's Token errors for other pallets.
 */
const TRANSFER_ERRORS: Record<string, 'InsufficientBalance' | 'Expendability' | 'ExistentialDeposit' | 'LiquidityRestrictions'> = {
  FundsUnavailable: 'InsufficientBalance', NotExpendable: 'Expendability', OnlyProvider: 'Expendability',
  BelowMinimum: 'ExistentialDeposit', Frozen: 'LiquidityRestrictions',
};
function transferCall(ext: Ext, from: Uint8Array, to: Uint8Array, amount: bigint, preservation: Preservation): void {
  try {
    transfer(ext, from, to, amount, preservation);
  } catch (e) {
    const v = e instanceof DispatchError ? e.value : undefined;
    // more than the total issuance is reported by fungible as Arithmetic(Underflow): still "insufficient"
    const mapped = v?.tag === 'Token' ? TRANSFER_ERRORS[v.value.tag]
      : v?.tag === 'Arithmetic' && v.value.tag === 'Underflow' ? 'InsufficientBalance' : undefined;
    throw mapped ? balances.error(mapped) : e;
  }
}

/**
 * `fungible::Mutate::transfer`. `keepAlive`: true = Preserve (`transfer_keep_alive`), false =
 * Expendable (`transfer_allow_death`). Errors as polkadot-sdk: more than free ->
 * Token(FundsUnavailable); frozen or needed to keep a consumer-referenced account alive ->
 * Token(Frozen); keep-alive leaving < ED -> Token(NotExpendable); new recipient below ED ->
 * Token(BelowMinimum). A transfer to self runs the checks and changes nothing (no event).
 */
export function transfer(ext: Ext, from: Uint8Array, to: Uint8Array, amount: bigint, keepAlive: boolean | Preservation): bigint {
  const preservation: Preservation = keepAlive === true ? 'Preserve' : keepAlive === false ? 'Expendable' : keepAlive;
  return atomic(ext, () => {
    withdrawResult(canWithdraw(ext, from, amount), preservation !== 'Expendable');
    depositResult(canDeposit(ext, to, amount));
    if (equalBytes(from, to)) return amount;
    decreaseBalance(ext, from, amount, 'BestEffort', preservation, 'Polite');
    increaseBalance(ext, to, amount, 'BestEffort');
    balances.deposit(ext, { tag: 'Transfer', value: { from, to, amount } });
    return amount;
  });
}

/**
 * `fungible::Mutate::mint_into`: new issuance into `who` (creating the account if the amount
 * reaches ED, else Token(BelowMinimum)). Emits `Minted` (and NewAccount/Endowed for a new account).
 */
export function mint(ext: Ext, who: Uint8Array, amount: bigint): bigint {
  return atomic(ext, () => {
    if (totalIssuance(ext) + amount > U128_MAX) throw arithmetic('Overflow');
    const actual = increaseBalance(ext, who, amount, 'Exact');
    balances.storage.TotalIssuance.mutate(ext, (t) => t + actual);
    balances.deposit(ext, { tag: 'Minted', value: { who, amount } });
    return actual;
  });
}

/**
 * `fungible::Mutate::burn_from` (Polite): destroys free balance and issuance; emits `Burned`.
 * `keepAlive` (default false) keeps the account above ED; `bestEffort` burns what it can.
 */
export function burn(ext: Ext, who: Uint8Array, amount: bigint, opts: { keepAlive?: boolean; bestEffort?: boolean } = {}): bigint {
  const preservation: Preservation = opts.keepAlive ? 'Preserve' : 'Expendable';
  return atomic(ext, () => {
    const actual = min(reducibleBalance(ext, who, preservation, 'Polite'), amount);
    if (actual !== amount && !opts.bestEffort) throw token('FundsUnavailable');
    if (totalIssuance(ext) < actual) throw arithmetic('Overflow');
    const taken = decreaseBalance(ext, who, actual, 'BestEffort', preservation, 'Polite');
    balances.storage.TotalIssuance.mutate(ext, (t) => sat(t - taken));
    balances.deposit(ext, { tag: 'Burned', value: { who, amount: taken } });
    return taken;
  });
}

/**
 * `fungible::Balanced::withdraw` (Exact, Polite): takes `amount` of free balance and returns it
 * as a credit; TotalIssuance is NOT changed — settle with `deposit` elsewhere or `dropCredit`.
 * keepAlive = Preserve (fees), else Expendable. Emits `Withdraw` (or `Slashed`, or nothing).
 */
export function withdraw(ext: Ext, who: Uint8Array, amount: bigint, opts: { keepAlive: boolean; event?: 'Withdraw' | 'Slashed' | 'None' }): bigint {
  return atomic(ext, () => {
    const taken = decreaseBalance(ext, who, amount, 'Exact', opts.keepAlive ? 'Preserve' : 'Expendable', 'Polite');
    const evName = opts.event ?? 'Withdraw';
    if (evName !== 'None') balances.deposit(ext, { tag: evName, value: { who, amount: taken } });
    return taken;
  });
}

/**
 * Adds `amount` to `who`'s free balance as a debt; TotalIssuance is NOT changed — it must be
 * offset by a `withdraw` (fee refunds) or settled with `dropDebt`. By default the account must
 * exist (`Currency::deposit_into_existing`: Balances.DeadAccount otherwise); with
 * `mustExist: false` it is `Balanced::deposit` and may create the account (>= ED).
 * `BestEffort` deposits nothing instead of failing below ED. Emits `Deposit`.
 */
export function deposit(ext: Ext, who: Uint8Array, amount: bigint, opts: { mustExist?: boolean; precision?: Precision } = {}): bigint {
  return atomic(ext, () => {
    if (amount === 0n) return 0n;
    if ((opts.mustExist ?? true) && isDefaultData(account(ext, who).data)) throw balances.error('DeadAccount');
    const added = increaseBalance(ext, who, amount, opts.precision ?? 'Exact');
    if (added !== 0n) balances.deposit(ext, { tag: 'Deposit', value: { who, amount: added } });
    return added;
  });
}

/**
 * Endows an account at genesis (no events: there is no block yet). Used for pallet accounts,
 * which must exist (≥ ED) before small shares can be paid into them.
 */
export function endowAtGenesis(ext: Ext, who: Uint8Array, free: bigint): void {
  const acc = system.storage.Account.get(ext, who);
  system.storage.Account.set(ext, who, { ...acc, providers: acc.providers === 0 ? 1 : acc.providers, data: { ...acc.data, free: acc.data.free + free } });
  balances.storage.TotalIssuance.mutate(ext, (t) => t + free);
}

/** `force_set_balance`: below ED wipes the free balance; issuance follows; emits `BalanceSet`. */
export function forceSetBalance(ext: Ext, who: Uint8Array, newFree: bigint): void {
  atomic(ext, () => {
    const free = newFree < ED ? 0n : newFree;
    const old = mutateHandlingDust(ext, who, (a) => { const o = a.free; a.free = free; return o; });
    if (free > old) dropDebt(ext, free - old);
    else if (free < old) dropCredit(ext, old - free);
    balances.deposit(ext, { tag: 'BalanceSet', value: { who, free } });
  });
}

// ---------------------------------------------------------------------------
// Anonymous reserves (ReservableCurrency)
//
// `reserved` also contains holds. Unlike FRAME, unreserve/slash/repatriate only touch the part
// of `reserved` that is not accounted to a hold, so a reserve user cannot free someone's hold.

const unheld = (ext: Ext, who: Uint8Array, reserved: bigint): bigint => sat(reserved - totalBalanceOnHold(ext, who));

/** `ReservableCurrency::reserve`: moves free to reserved (adds a consumer reference). */
export function reserve(ext: Ext, who: Uint8Array, amount: bigint): void {
  if (amount === 0n) return;
  atomic(ext, () => {
    const frozen = account(ext, who).data.frozen;
    mutateHandlingDust(ext, who, (a) => {
      if (a.free < amount) throw balances.error('InsufficientBalance');
      a.free -= amount;
      a.reserved += amount;
      if (a.free < frozen) throw balances.error('LiquidityRestrictions');
    });
    balances.deposit(ext, { tag: 'Reserved', value: { who, amount } });
  });
}

/** `ReservableCurrency::unreserve`: returns the part of `amount` that could NOT be unreserved. */
export function unreserve(ext: Ext, who: Uint8Array, amount: bigint): bigint {
  if (amount === 0n) return 0n;
  if (totalBalance(ext, who) === 0n) return amount;
  try {
    return atomic(ext, () => {
      const actual = mutateHandlingDust(ext, who, (a) => {
        const x = min(unheld(ext, who, a.reserved), amount);
        a.reserved -= x;
        a.free += x;
        return x;
      });
      balances.deposit(ext, { tag: 'Unreserved', value: { who, amount: actual } });
      return amount - actual;
    });
  } catch (e) {
    if (e instanceof DispatchError) return amount;
    throw e;
  }
}

/**
 * `ReservableCurrency::slash_reserved`: destroys up to `amount` of reserved balance (issuance
 * decreases; `Slashed` then `BurnedDebt`). Returns the part that could NOT be slashed.
 */
export function slashReserved(ext: Ext, who: Uint8Array, amount: bigint): bigint {
  if (amount === 0n) return 0n;
  if (totalBalance(ext, who) === 0n) return amount;
  try {
    return atomic(ext, () => {
      const actual = mutateHandlingDust(ext, who, (a) => {
        const x = min(unheld(ext, who, a.reserved), amount);
        a.reserved -= x;
        return x;
      });
      balances.deposit(ext, { tag: 'Slashed', value: { who, amount: actual } });
      dropCredit(ext, actual);
      return amount - actual;
    });
  } catch (e) {
    if (e instanceof DispatchError) return amount;
    throw e;
  }
}

/**
 * `ReservableCurrency::repatriate_reserved` (BestEffort, Polite): moves up to `amount` of
 * `from`'s reserve to `to`'s free or reserved balance. `to` must exist (Balances.DeadAccount).
 * Returns the part that could NOT be moved. Emits `ReserveRepatriated`.
 */
export function repatriateReserved(ext: Ext, from: Uint8Array, to: Uint8Array, amount: bigint, toStatus: 'Free' | 'Reserved'): bigint {
  if (amount === 0n) return 0n;
  return atomic(ext, () => {
    const a = account(ext, from).data;
    const actual = min(amount, min(reducibleTotalBalanceOnHold(ext, from, 'Polite'), unheld(ext, from, a.reserved)));
    if (equalBytes(from, to)) {
      return toStatus === 'Free' ? amount - (actual - unreserve(ext, from, actual)) : amount - actual;
    }
    if (isDefaultData(account(ext, to).data)) throw balances.error('DeadAccount');
    const dust2 = tryMutateAccount(ext, from, (f) => { f.reserved -= actual; }).dust;
    const dust1 = tryMutateAccount(ext, to, (t) => { if (toStatus === 'Free') t.free += actual; else t.reserved += actual; }).dust;
    handleDust(ext, dust1);
    handleDust(ext, dust2);
    balances.deposit(ext, { tag: 'ReserveRepatriated', value: { from, to, amount: actual, destination_status: { tag: toStatus, value: undefined } } });
    return amount - actual;
  });
}

// ---------------------------------------------------------------------------
// Holds (fungible::MutateHold); `reason` is a RuntimeHoldReason value

function holdAvailable(ext: Ext, reason: HoldReason, who: Uint8Array): boolean {
  if (account(ext, who).providers === 0) return false;
  const holds = holdsOf(ext, who);
  return !(holds.length >= maxHolds() && !holds.some((h) => sameId(holdKey, h.id, reason)));
}

/** `UnbalancedHold::set_balance_on_hold`. */
function setBalanceOnHold(ext: Ext, reason: HoldReason, who: Uint8Array, amount: bigint): void {
  let holds = holdsOf(ext, who).map((h) => ({ ...h }));
  let delta = amount;
  let increase = true;
  const item = holds.find((h) => sameId(holdKey, h.id, reason));
  if (item) {
    delta = item.amount > amount ? item.amount - amount : amount - item.amount;
    increase = amount > item.amount;
    item.amount = amount;
    holds = holds.filter((h) => h.amount !== 0n);
  } else if (amount !== 0n) {
    if (holds.length >= maxHolds()) throw balances.error('TooManyHolds');
    holds.push({ id: reason, amount });
  }
  tryMutateAccount(ext, who, (a) => {
    if (increase) a.reserved += delta;
    else if (a.reserved < delta) throw arithmetic('Underflow');
    else a.reserved -= delta;
  });
  balances.storage.Holds.set(ext, who, holds);
}

/** `decrease_balance_on_hold`; returns the amount taken off the hold. */
function decreaseBalanceOnHold(ext: Ext, reason: HoldReason, who: Uint8Array, amount: bigint, precision: Precision): bigint {
  const old = balanceOnHold(ext, reason, who);
  if (precision === 'BestEffort') amount = min(amount, old);
  if (old < amount) throw token('FundsUnavailable');
  setBalanceOnHold(ext, reason, who, old - amount);
  return amount;
}

/**
 * `MutateHold::hold`: moves free balance on hold for `reason` (the account must stay >= ED:
 * reducible(Protect, Force)). Token(CannotCreateHold) without providers or with all hold
 * slots used; Token(FundsUnavailable) if not enough. Emits `Held`.
 */
export function hold(ext: Ext, reason: HoldReason, who: Uint8Array, amount: bigint): void {
  atomic(ext, () => {
    if (!holdAvailable(ext, reason, who)) throw token('CannotCreateHold');
    if (amount > reducibleBalance(ext, who, 'Protect', 'Force')) throw token('FundsUnavailable');
    decreaseBalance(ext, who, amount, 'Exact', 'Protect', 'Force');
    setBalanceOnHold(ext, reason, who, balanceOnHold(ext, reason, who) + amount);
    balances.deposit(ext, { tag: 'Held', value: { reason, who, amount } });
  });
}

/** `MutateHold::release`: returns held funds to free balance; returns the amount released. Emits `Released`. */
export function release(ext: Ext, reason: HoldReason, who: Uint8Array, amount: bigint, precision: Precision = 'Exact'): bigint {
  return atomic(ext, () => {
    if (canDeposit(ext, who, amount) !== 'Success') throw token('CannotCreate');
    const taken = decreaseBalanceOnHold(ext, reason, who, amount, precision);
    const actual = increaseBalance(ext, who, taken, 'BestEffort');
    balances.deposit(ext, { tag: 'Released', value: { reason, who, amount: actual } });
    return actual;
  });
}

/**
 * `MutateHold::burn_held`: destroys held funds (issuance decreases). Polite respects freezes
 * (Token(Frozen)). Returns the amount burned. Emits `BurnedHeld`.
 */
export function burnHeld(ext: Ext, reason: HoldReason, who: Uint8Array, amount: bigint, precision: Precision = 'Exact', force: Fortitude = 'Polite'): bigint {
  return atomic(ext, () => {
    const liquid = reducibleTotalBalanceOnHold(ext, who, force);
    if (precision === 'BestEffort') amount = min(amount, liquid);
    else if (amount > liquid) throw token('Frozen');
    const taken = decreaseBalanceOnHold(ext, reason, who, amount, precision);
    balances.storage.TotalIssuance.mutate(ext, (t) => sat(t - taken));
    balances.deposit(ext, { tag: 'BurnedHeld', value: { reason, who, amount: taken } });
    return taken;
  });
}

/**
 * `MutateHold::transfer_on_hold`: moves held funds of `from` to `to`, either into `to`'s free
 * balance (`mode: 'Free'`, default; may create the account if >= ED) or onto a hold with the same
 * reason (`'OnHold'`; `to` must exist). Returns the amount moved. Emits `TransferOnHold`.
 */
export function transferOnHold(
  ext: Ext, reason: HoldReason, from: Uint8Array, to: Uint8Array, amount: bigint,
  opts: { mode?: 'Free' | 'OnHold'; precision?: Precision; force?: Fortitude } = {},
): bigint {
  const mode = opts.mode ?? 'Free';
  const precision = opts.precision ?? 'Exact';
  return atomic(ext, () => {
    const have = balanceOnHold(ext, reason, from);
    const liquid = reducibleTotalBalanceOnHold(ext, from, opts.force ?? 'Polite');
    if (precision === 'BestEffort') amount = min(amount, min(liquid, have));
    else {
      if (amount > liquid) throw token('Frozen');
      if (amount > have) throw token('FundsUnavailable');
    }
    if (canDeposit(ext, to, amount) !== 'Success') throw token('CannotCreate');
    if (mode === 'OnHold' && !holdAvailable(ext, reason, to)) throw token('CannotCreateHold');
    const taken = decreaseBalanceOnHold(ext, reason, from, amount, precision);
    let actual: bigint;
    if (mode === 'OnHold') {
      setBalanceOnHold(ext, reason, to, balanceOnHold(ext, reason, to) + taken);
      actual = taken;
    } else {
      actual = increaseBalance(ext, to, taken, precision);
    }
    balances.deposit(ext, { tag: 'TransferOnHold', value: { reason, source: from, dest: to, amount: actual } });
    return actual;
  });
}

// ---------------------------------------------------------------------------
// Freezes (fungible::MutateFreeze); frozen = max of all freezes

function updateFreezes(ext: Ext, who: Uint8Array, freezes: IdAmount[]): void {
  let prev = 0n;
  let after = 0n;
  mutateHandlingDust(ext, who, (a) => {
    prev = a.frozen;
    a.frozen = freezes.reduce((m, f) => max(m, f.amount), 0n);
    after = a.frozen;
  });
  if (freezes.length === 0) balances.storage.Freezes.remove(ext, who);
  else balances.storage.Freezes.set(ext, who, freezes);
  if (prev > after) balances.deposit(ext, { tag: 'Thawed', value: { who, amount: prev - after } });
  else if (after > prev) balances.deposit(ext, { tag: 'Frozen', value: { who, amount: after - prev } });
}

/** `MutateFreeze::set_freeze`: sets (replaces) the freeze `id` on `who`; 0 thaws. Emits Frozen/Thawed. */
export function setFreeze(ext: Ext, id: FreezeId, who: Uint8Array, amount: bigint): void {
  if (amount === 0n) { thaw(ext, id, who); return; }
  atomic(ext, () => {
    const freezes = freezesOf(ext, who).map((f) => ({ ...f }));
    const item = freezes.find((f) => sameId(freezeKey, f.id, id));
    if (item) item.amount = amount;
    else {
      if (freezes.length >= maxFreezes()) throw balances.error('TooManyFreezes');
      freezes.push({ id, amount });
    }
    updateFreezes(ext, who, freezes);
  });
}

/** `MutateFreeze::thaw`: removes the freeze `id` from `who`. */
export function thaw(ext: Ext, id: FreezeId, who: Uint8Array): void {
  atomic(ext, () => updateFreezes(ext, who, freezesOf(ext, who).filter((f) => !sameId(freezeKey, f.id, id))));
}
