// The contract between the runtime and the node host.
import type { Header } from './primitives.ts';

export type { Header };

/** Mirrors sp_runtime::transaction_validity. */
export interface ValidTransaction { priority: bigint; requires: Uint8Array[]; provides: Uint8Array[]; longevity: bigint; propagate: boolean }
export type InvalidKind = 'Call' | 'Payment' | 'Future' | 'Stale' | 'BadProof' | 'AncientBirthBlock' | 'ExhaustsResources'
  | 'Custom' | 'BadMandatory' | 'MandatoryValidation' | 'BadSigner';
export type UnknownKind = 'CannotLookup' | 'NoUnsignedValidator' | 'Custom';
export type TransactionValidityError =
  | { type: 'Invalid'; kind: InvalidKind; custom?: number }
  | { type: 'Unknown'; kind: UnknownKind; custom?: number };
export type Validity = { ok: true; valid: ValidTransaction } | { ok: false; error: TransactionValidityError };
export type TransactionSource = 'InBlock' | 'Local' | 'External';

/** Result of applying one extrinsic in a block. */
export type ApplyResult =
  | { ok: true; /** set when the call failed (fees still charged, ExtrinsicFailed emitted) */ dispatchError?: string }
  | { ok: false; error: TransactionValidityError };

/** Thrown when an extrinsic cannot be decoded (RPC 1001 "Extrinsic has invalid format"). */
export class BadFormat extends Error {}
/** Thrown by executeBlock for an invalid block. */
export class InvalidBlock extends Error {}
