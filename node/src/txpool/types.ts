// Types shared by the transaction pool modules. The validity types mirror
// sp_runtime::transaction_validity and come from the runtime spec (type-only:
// the pool never touches the runtime, it is handed a validator).
import type {
  InvalidKind, TransactionSource, TransactionValidityError, UnknownKind, ValidTransaction, Validity,
} from '@slmnet/runtime-spec';

export type { InvalidKind, TransactionSource, TransactionValidityError, UnknownKind, ValidTransaction, Validity };

/** A block the pool validates against or hears about. */
export interface BlockRef { hash: Uint8Array; number: number }

export type Validator = (xt: Uint8Array, atBlock: BlockRef, source: TransactionSource) => Promise<Validity> | Validity;

/** author_extrinsicUpdate payloads, as polkadot-sdk serialises TransactionStatus (v1-compatible). */
export type TxStatus =
  | 'future' | 'ready'
  | { broadcast: string[] }
  | { inBlock: string } | { retracted: string } | { finalityTimeout: string } | { finalized: string }
  | { usurped: string }
  | 'dropped' | 'invalid';

/** After these a watcher gets nothing more (sc-transaction-pool's watcher `is_finalized`). */
export function isTerminal(s: TxStatus): boolean {
  if (typeof s === 'string') return s === 'dropped' || s === 'invalid';
  return 'finalized' in s || 'usurped' in s || 'finalityTimeout' in s;
}

export interface Limit { count: number; bytes: number }

/** A transaction as the pool exposes it (tags as 0x-hex). */
export interface PooledTransaction {
  readonly hash: Uint8Array;
  readonly hashHex: string;
  readonly xt: Uint8Array;
  readonly bytes: number;
  readonly priority: bigint;
  readonly requires: readonly string[];
  readonly provides: readonly string[];
  readonly longevity: bigint;
  readonly propagate: boolean;
  readonly source: TransactionSource;
  /** Import order: equal priorities go oldest first. */
  readonly insertion: number;
  readonly ready: boolean;
}

export const toHex = (b: Uint8Array): string => '0x' + Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
