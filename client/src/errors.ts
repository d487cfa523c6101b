// Typed failures of a submitted extrinsic, so callers can branch on `Pallet.Error` names.
import type { ApiPromise } from '@polkadot/api';
import type { DispatchError } from '@polkadot/types/interfaces';
import type { Registry } from '@polkadot/types/types';

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

/**
 * A DispatchError's name — `Pallet.Error` for module errors, else its kind, e.g. `Token.FundsUnavailable`,
 * `BadOrigin` — and, for module errors, its docs from the metadata of `registry`.
 */
export function dispatchErrorName(registry: Registry, e: DispatchError): { name: string; docs: string } {
  if (e.isModule) {
    const meta = registry.findMetaError(e.asModule);
    return { name: `${meta.section.charAt(0).toUpperCase()}${meta.section.slice(1)}.${meta.name}`, docs: meta.docs.join(' ').trim() };
  }
  if (e.isToken) return { name: `Token.${e.asToken.type}`, docs: '' };
  if (e.isArithmetic) return { name: `Arithmetic.${e.asArithmetic.type}`, docs: '' };
  return { name: e.type, docs: '' };
}

/** Turns a DispatchError into a ChainError carrying its `Pallet.Error` name and docs. */
export function chainError(api: ApiPromise, e: DispatchError, call: string, blockHash?: string): ChainError {
  const { name, docs } = dispatchErrorName(api.registry, e);
  return new ChainError(name, docs, call, blockHash);
}
