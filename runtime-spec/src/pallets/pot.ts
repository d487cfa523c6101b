// The rewards pot: receives the protocol share of inference fees, rounding residues, forfeits
// that cannot be paid elsewhere and block emission; pays node rewards.
import type { Ext } from '../framework/ext.ts';
import { transferOnHold, type HoldReason } from './balances.ts';
import { palletAccount } from './common.ts';

export const REWARDS_POT = palletAccount('slm/pot0');

/**
 * Pays `amount` out of `from`'s hold to `to`; if `to` cannot receive it (a dead account and an
 * amount below the existential deposit) the pot gets it instead, so nothing is ever lost.
 */
export function payFromHold(ext: Ext, reason: HoldReason, from: Uint8Array, to: Uint8Array, amount: bigint): void {
  if (amount === 0n) return;
  try {
    ext.transactional(() => transferOnHold(ext, reason, from, to, amount));
  } catch {
    transferOnHold(ext, reason, from, REWARDS_POT, amount);
  }
}
