// Pool errors with the codes, messages and data polkadot-sdk's author RPC sends
// (sc-rpc-api src/author/error.rs), so the RPC layer can forward them as they are.
// Reasons for invalid transactions are sp_runtime's `From<InvalidTransaction> for
// &'static str` (primitives/runtime/src/transaction_validity.rs).
import type { TransactionValidityError } from './types.ts';

export type PoolErrorCode = 1010 | 1011 | 1012 | 1013 | 1014 | 1015 | 1016 | 1019;

export class PoolError extends Error {
  override name = 'PoolError';
  constructor(readonly code: PoolErrorCode, message: string, readonly data?: string) { super(message); }
}

const INVALID_REASON: Record<string, string> = {
  Call: 'Transaction call is not expected',
  Future: 'Transaction will be valid in the future',
  Stale: 'Transaction is outdated',
  BadProof: 'Transaction has a bad signature',
  AncientBirthBlock: 'Transaction has an ancient birth block',
  ExhaustsResources: 'Transaction would exhaust the block limits',
  Payment: 'Inability to pay some fees (e.g. account balance too low)',
  BadMandatory: 'A call was labelled as mandatory, but resulted in an Error.',
  MandatoryValidation: 'Transaction dispatch is mandatory; transactions must not be validated.',
  BadSigner: 'Invalid signing address',
  IndeterminateImplicit: 'The implicit data was unable to be calculated',
  UnknownOrigin: 'The transaction extension did not authorize any origin',
};

/** 1010/1011 for a validity error. Unknown validity's data is Rust's `{:?}` of the enum, e.g. "CannotLookup", "Custom(7)". */
export function validityError(e: TransactionValidityError): PoolError {
  if (e.type === 'Invalid') {
    const data = e.kind === 'Custom' ? `Custom error: ${e.custom ?? 0}` : INVALID_REASON[e.kind] ?? e.kind;
    return new PoolError(1010, 'Invalid Transaction', data);
  }
  return unknownValidity(e.kind === 'Custom' ? `Custom(${e.custom ?? 0})` : e.kind);
}

export const unknownValidity = (data: string): PoolError => new PoolError(1011, 'Unknown Transaction Validity', data);

export const temporarilyBanned = (): PoolError => new PoolError(1012, 'Transaction is temporarily banned');

/** The data is `format!("{:?}", Box<dyn Any>)` in polkadot-sdk, which prints exactly this. */
export const alreadyImported = (): PoolError => new PoolError(1013, 'Transaction Already Imported', 'Any { .. }');

export const tooLowPriority = (old: bigint, next: bigint): PoolError =>
  new PoolError(1014, `Priority is too low: (${old} vs ${next})`, 'The transaction has too low priority to replace another transaction already in the pool.');

export const immediatelyDropped = (): PoolError =>
  new PoolError(1016, 'Immediately Dropped', "The transaction couldn't enter the pool because of the limit");

export const noTagsProvided = (): PoolError =>
  new PoolError(1019, 'No tags provided', "Transaction does not provide any tags, so the pool can't identify it");
