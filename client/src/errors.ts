// Typed failures of a submitted extrinsic, so callers can branch on `Pallet.Error` names.
import type { ApiPromise } from '@polkadot/api';
import type { DispatchError } from '@polkadot/types/interfaces';

/** A dispatch failed on chain (the extrinsic was included; its fee was paid). */
export class ChainError extends Error {
  override name = 'ChainError';
  constructor(
    /** `Pallet.Error`, e.g. `Datanets.NameTooLong`; for non-module errors the DispatchError kind, e.g. `BadOrigin`. */
    readonly error: string,
    /** The error's documentation from the metadata. */
    readonly docs: string,
    /** `pallet.call` of the failed extrinsic. */
    readonly call: string,
    readonly blockHash?: string,
  ) {
    super(`${call} failed: ${error}${docs ? ` (${docs})` : ''}`);
  }

  get pallet(): string | undefined {
    return this.error.includes('.') ? this.error.split('.')[0] : undefined;
  }
}

/** The pool or node refused the extrinsic before inclusion (bad signature, cannot pay fees, …): nothing was charged. */
export class TxRejectedError extends Error {
  override name = 'TxRejectedError';
  constructor(readonly call: string, readonly reason: string) {
    super(`${call} rejected: ${reason}`);
  }
}

/** Turns a DispatchError into a ChainError carrying its `Pallet.Error` name and docs. */
export function chainError(api: ApiPromise, e: DispatchError, call: string, blockHash?: string): ChainError {
  if (e.isModule) {
    const meta = api.registry.findMetaError(e.asModule);
    const pallet = meta.section.charAt(0).toUpperCase() + meta.section.slice(1);
    return new ChainError(`${pallet}.${meta.name}`, meta.docs.join(' ').trim(), call, blockHash);
  }
  if (e.isToken) return new ChainError(`Token.${e.asToken.type}`, '', call, blockHash);
  if (e.isArithmetic) return new ChainError(`Arithmetic.${e.asArithmetic.type}`, '', call, blockHash);
  return new ChainError(e.type, '', call, blockHash);
}
