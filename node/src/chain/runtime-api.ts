// What the chain core needs from the runtime (@slmnet/runtime-spec's `runtime`
// object). Declared here so the core type-checks against the contract rather
// than against one implementation, and so tests can pass a small fake.
import type { ApplyResult, TransactionSource, Validity } from '@slmnet/runtime-spec';
import type { Ext } from '@slmnet/runtime-spec';
import type { Header } from './header.ts';

export { Ext } from '@slmnet/runtime-spec';
export type { Host } from '@slmnet/runtime-spec';
export type { ApplyResult, TransactionSource, Validity, TransactionValidityError } from '@slmnet/runtime-spec';

export interface RuntimeApi {
  version: { spec_version: number; system_version: number; [k: string]: unknown };
  slotDuration: bigint;
  initializeBlock(ext: Ext, header: Header): void;
  inherentExtrinsics(timestampMs: bigint): Uint8Array[];
  applyExtrinsic(ext: Ext, xt: Uint8Array): ApplyResult;
  /** Computes the roots through ext.host (storageRoot / orderedTrieRoot). */
  finalizeBlock(ext: Ext): Header;
  /** Throws for an invalid block. `header` has no seal. */
  executeBlock(ext: Ext, header: Header, extrinsics: Uint8Array[]): void;
  validateTransaction(ext: Ext, source: TransactionSource, xt: Uint8Array, blockHash: Uint8Array): Validity;
  call(ext: Ext, method: string, input: Uint8Array): Uint8Array;
}

/** Trie layouts implied by RuntimeVersion.system_version (as polkadot-sdk derives them). */
export function layouts(rt: Pick<RuntimeApi, 'version'>): { state: 0 | 1; extrinsics: 0 | 1 } {
  const sv = rt.version.system_version ?? 1;
  return { state: sv >= 1 ? 1 : 0, extrinsics: sv >= 2 ? 1 : 0 };
}
