// pallet_transaction_payment: fee computation (pure), fee withdrawal before
// dispatch and correction after it (FungibleAdapter<Balances, ()> semantics).
//
// Fees are BURNED, like the solochain template's `FungibleAdapter<Balances, ()>`:
// the withdrawn credit minus the refund is dropped, which lowers TotalIssuance
// (Balances.BurnedDebt). Nothing goes to the block author.
//
// The fee multiplier is constant 1.0 (`ConstFeeMultiplier`): NextFeeMultiplier is
// rewritten with 10^18 at every block's finalisation, as FRAME's on_finalize does.
import * as T from '../codec/types.ts';
import * as C from '../config.ts';
import { DispatchError, type Class } from '../framework/dispatch.ts';
import type { Ext } from '../framework/ext.ts';
import { event, pallet } from '../framework/pallet.ts';
import { value } from '../framework/storage.ts';
import { AccountId, Balance, type Weight } from '../primitives.ts';
import * as balances from './balances.ts';
import { limits } from './system.ts';

/** FixedU128 with 18 decimals: 10^18 = 1.0. */
export const FIXED_ONE = 10n ** 18n;
/** Our constant fee multiplier (1.0). */
export const NEXT_FEE_MULTIPLIER = FIXED_ONE;
const U64_MAX = (1n << 64n) - 1n;
const U128_MAX = (1n << 128n) - 1n;

export const FixedU128 = T.newtype({ path: ['sp_arithmetic', 'fixed_point', 'FixedU128'] }, T.u128, 'u128');
export const Releases = T.enumeration<{ tag: 'V1Ancient' | 'V2'; value: undefined }>(
  { path: ['pallet_transaction_payment', 'Releases'] }, { V1Ancient: {}, V2: {} },
);

export const transactionPayment = pallet({
  name: 'TransactionPayment',
  crate: 'pallet_transaction_payment',
  index: 6,
  docs: ['Transaction fees: weight, length and tip; fees are burned.'],
  storage: {
    NextFeeMultiplier: value(FixedU128, { default: NEXT_FEE_MULTIPLIER }),
    StorageVersion: value(Releases, { default: { tag: 'V2', value: undefined } }),
  },
  events: {
    TransactionFeePaid: event({ who: AccountId, actual_fee: Balance, tip: Balance },
      'A transaction fee `actual_fee`, of which `tip` was added to the minimum inclusion fee, has been paid by `who`.',
      { who: 'T::AccountId', actual_fee: 'BalanceOf<T>', tip: 'BalanceOf<T>' }),
  },
  constants: {
    OperationalFeeMultiplier: {
      ty: T.u8, value: C.OPERATIONAL_FEE_MULTIPLIER,
      docs: [
        'A fee multiplier for `Operational` extrinsics to compute "virtual tip" to boost their',
        '`priority`',
      ],
    },
  },
  hooks: {
    onFinalize: (ext) => { transactionPayment.storage.NextFeeMultiplier.set(ext, NEXT_FEE_MULTIPLIER); },
  },
});

/** The storage the pallet's genesis build writes (`StorageVersion = V2`, the multiplier). */
export function buildGenesis(ext: Ext): void {
  transactionPayment.storage.StorageVersion.set(ext, { tag: 'V2', value: undefined });
  transactionPayment.storage.NextFeeMultiplier.set(ext, NEXT_FEE_MULTIPLIER);
}

// ---------------------------------------------------------------------------
// Pure fee functions

export interface FeeInfo { weight: Weight; class: Class; paysFee: boolean }
export interface FeeDetails {
  /** `None` in polkadot-sdk when the call does not pay (`Pays::No`): then only the tip is charged. */
  inclusionFee?: { baseFee: bigint; lenFee: bigint; adjustedWeightFee: bigint };
  /** The inclusion fee parts, 0 when there is no inclusion fee. */
  baseFee: bigint;
  lenFee: bigint;
  adjustedWeightFee: bigint;
  tip: bigint;
}

/**
 * `WeightToFee` (after capping at the block's max weight, as `Pallet::weight_to_fee`):
 * 1 planck per `WEIGHT_FEE_DIVISOR` ps of reference time, rounded down. Proof size is free.
 */
export function weightToFee(w: bigint | Weight): bigint {
  const refTime = typeof w === 'bigint' ? w : w.ref_time;
  const capped = refTime < limits.maxBlock.ref_time ? refTime : limits.maxBlock.ref_time;
  return capped / C.WEIGHT_FEE_DIVISOR;
}

/** `LengthToFee` = ConstantMultiplier(TRANSACTION_BYTE_FEE). */
export const lengthToFee = (len: number): bigint => BigInt(len) * C.TRANSACTION_BYTE_FEE;

/** `FixedU128::saturating_mul_int`, rounding down. */
const mulMultiplier = (x: bigint): bigint => {
  const r = (NEXT_FEE_MULTIPLIER * x) / FIXED_ONE;
  return r > U128_MAX ? U128_MAX : r;
};

/**
 * `Pallet::compute_fee_raw`: base fee = weightToFee(ExtrinsicBaseWeight of the class), length fee,
 * adjusted weight fee = multiplier x weightToFee(call weight). If the call does not pay fees, only
 * the tip remains (no inclusion fee).
 */
export function computeFeeDetails(len: number, info: FeeInfo, tip: bigint): FeeDetails {
  if (!info.paysFee) return { inclusionFee: undefined, baseFee: 0n, lenFee: 0n, adjustedWeightFee: 0n, tip };
  const baseFee = weightToFee(limits.baseExtrinsic);
  const lenFee = lengthToFee(len);
  const adjustedWeightFee = mulMultiplier(weightToFee(info.weight));
  return { inclusionFee: { baseFee, lenFee, adjustedWeightFee }, baseFee, lenFee, adjustedWeightFee, tip };
}

/** `FeeDetails::final_fee`: inclusion fee + tip. */
export function computeFee(len: number, info: FeeInfo, tip: bigint): bigint {
  const d = computeFeeDetails(len, info, tip);
  return d.baseFee + d.lenFee + d.adjustedWeightFee + d.tip;
}

/**
 * `ChargeTransactionPayment::get_priority`: the tip (+1) scaled by how many such transactions
 * fit into a block (the scarcer of max block weight / call weight and max class length / len);
 * Operational calls add a virtual tip of fee x OperationalFeeMultiplier. Saturates at u64.
 */
export function priority(tip: bigint, info: { weight: Weight; class: Class; paysFee?: boolean }, len: number): bigint {
  const maxBlock = limits.maxBlock;
  const maxLength = BigInt(limits.perClass[info.class].maxLength);
  const clampW = (x: bigint, hi: bigint) => (x < 1n ? 1n : x > hi ? hi : x);
  const boundedRef = clampW(info.weight.ref_time, maxBlock.ref_time);
  const boundedProof = clampW(info.weight.proof_size, maxBlock.proof_size);
  const perWeight = [maxBlock.ref_time / boundedRef, maxBlock.proof_size / boundedProof].reduce((a, b) => (a < b ? a : b));
  const boundedLen = clampW(BigInt(len), maxLength);
  const perLength = maxLength / boundedLen;
  const maxTxPerBlock = perLength < perWeight ? perLength : perWeight;
  const scaledTip = (tip + 1n) * maxTxPerBlock;
  let p = scaledTip;
  if (info.class === 'Operational') {
    const fee = computeFee(len, { weight: info.weight, class: info.class, paysFee: info.paysFee ?? true }, tip);
    p += fee * BigInt(C.OPERATIONAL_FEE_MULTIPLIER) * maxTxPerBlock;
  }
  return p > U64_MAX ? U64_MAX : p;
}

// ---------------------------------------------------------------------------
// Charging (FungibleAdapter<Balances, ()>)

/** `can_withdraw_fee`: the fee can be taken leaving the account alive (`can_withdraw == Success`). */
export function canWithdrawFee(ext: Ext, who: Uint8Array, fee: bigint): boolean {
  if (fee === 0n) return true;
  return balances.canWithdraw(ext, who, fee).kind === 'Success';
}

/**
 * `withdraw_fee`: `Balanced::withdraw(fee, Exact, Preserve, Polite)` — the account must stay
 * at or above ED and respect freezes. Emits Balances.Withdraw. Returns false (nothing written)
 * when the account cannot pay; the executive turns that into `InvalidTransaction::Payment`.
 * The withdrawn amount is a credit: settle it with `correctAndDepositFee`.
 */
export function withdrawFee(ext: Ext, who: Uint8Array, fee: bigint): boolean {
  if (fee === 0n) return true;
  try {
    balances.withdraw(ext, who, fee, { keepAlive: true, event: 'Withdraw' });
    return true;
  } catch (e) {
    if (e instanceof DispatchError) return false;
    throw e;
  }
}

/**
 * `correct_and_deposit_fee` + the `TransactionFeePaid` event of post_dispatch: refunds
 * `alreadyWithdrawn - correctedFee` to `who` if it still has a balance (Balances.Deposit), burns
 * the rest (TotalIssuance decreases; Balances.BurnedDebt) and emits
 * TransactionFeePaid{who, actual_fee: correctedFee, tip}. Both fees include the tip.
 */
export function correctAndDepositFee(ext: Ext, who: Uint8Array, correctedFee: bigint, tip: bigint, alreadyWithdrawn: bigint): void {
  if (alreadyWithdrawn !== 0n) {
    const refund = alreadyWithdrawn > correctedFee ? alreadyWithdrawn - correctedFee : 0n;
    let refunded = 0n;
    if (refund !== 0n && balances.totalBalance(ext, who) !== 0n) {
      refunded = balances.deposit(ext, who, refund, { mustExist: false, precision: 'BestEffort' });
    }
    balances.dropCredit(ext, alreadyWithdrawn - refunded);
  }
  transactionPayment.deposit(ext, { tag: 'TransactionFeePaid', value: { who, actual_fee: correctedFee, tip } });
}
