// Signing, submitting and waiting for an extrinsic; decoding its events.
import type { ApiPromise, SubmittableResult } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { ISubmittableResult } from '@polkadot/types/types';
import { chainError, TxRejectedError } from './errors.ts';

export type WaitFor = 'inblock' | 'finalized';

/** An event as plain data: named fields with primitive values (numbers as in `toPrimitive`, u128 may be strings). */
export interface DecodedEvent {
  section: string;
  method: string;
  data: Record<string, unknown>;
}

export interface TxResult {
  /** `pallet.call` as in the metadata (camelCase). */
  call: string;
  txHash: string;
  blockHash: string;
  blockNumber?: number;
  /** Set when waited for finality. */
  finalized?: string;
  events: DecodedEvent[];
}

export interface SubmitOptions {
  wait?: WaitFor;
  /** Explicit nonce (default: the next one, counting the pool). */
  nonce?: number;
  /** Called on each status change (e.g. `Ready`, `InBlock`), for progress output. */
  onStatus?: (status: string) => void;
}

type Tx = SubmittableExtrinsic<'promise'>;

const callName = (tx: Tx) => `${tx.method.section}.${tx.method.method}`;

/** The events of a result with this section and method (first letter case-insensitive: `datanets` = `Datanets`). */
export function eventsOf(r: TxResult, section: string, method: string): Record<string, any>[] {
  const s = section.toLowerCase();
  return r.events.filter((e) => e.section.toLowerCase() === s && e.method === method).map((e) => e.data);
}

/** The first such event; throws when the extrinsic did not emit it. */
export function eventOf(r: TxResult, section: string, method: string): Record<string, any> {
  const [e] = eventsOf(r, section, method);
  if (!e) throw new Error(`${r.call}: no ${section}.${method} event`);
  return e;
}

export function decodeEvent(event: ISubmittableResult['events'][number]['event']): DecodedEvent {
  const names = (event.data as unknown as { names?: string[] | null }).names;
  const data: Record<string, unknown> = {};
  event.data.forEach((v, i) => { data[names?.[i] ?? String(i)] = v.toPrimitive(); });
  return { section: event.section, method: event.method, data };
}

/**
 * Signs with `signer`, submits and resolves when the extrinsic is in a block (or finalized) with
 * its decoded events. Throws ChainError when the dispatch failed, TxRejectedError when the pool refused it.
 */
export function submit(api: ApiPromise, tx: Tx, signer: KeyringPair, opts: SubmitOptions = {}): Promise<TxResult> {
  return watch(api, tx, opts, (cb) => tx.signAndSend(signer, { nonce: opts.nonce ?? -1 }, cb));
}

/** Submits an extrinsic that is already signed (e.g. by a caller's wallet) and waits like `submit`. */
export function submitSigned(api: ApiPromise, tx: Tx, opts: Omit<SubmitOptions, 'nonce'> = {}): Promise<TxResult> {
  return watch(api, tx, opts, (cb) => tx.send(cb));
}

function watch(api: ApiPromise, tx: Tx, opts: SubmitOptions, send: (cb: (r: ISubmittableResult) => void) => Promise<() => void>): Promise<TxResult> {
  const wait = opts.wait ?? 'inblock';
  const call = callName(tx);
  return new Promise<TxResult>((resolve, reject) => {
    let unsub: (() => void) | undefined;
    let done = false;
    const finish = (f: () => void) => { if (done) return; done = true; unsub?.(); f(); };
    let result: TxResult | undefined;
    send((r: ISubmittableResult) => {
      opts.onStatus?.(r.status.type);
      if (r.status.isInvalid || r.status.isDropped || r.status.isUsurped || r.status.isFinalityTimeout) {
        finish(() => reject(new TxRejectedError(call, r.status.type)));
        return;
      }
      if (r.status.isInBlock || (r.status.isFinalized && !result)) {
        const blockHash = (r.status.isInBlock ? r.status.asInBlock : r.status.asFinalized).toHex();
        result = { call, txHash: r.txHash.toHex(), blockHash, blockNumber: (r as SubmittableResult).blockNumber?.toNumber(), events: r.events.map(({ event }) => decodeEvent(event)) };
        if (r.dispatchError) {
          const err = chainError(api, r.dispatchError, call, blockHash);
          finish(() => reject(err));
          return;
        }
      }
      if (r.status.isFinalized && result) result.finalized = r.status.asFinalized.toHex();
      if (result && (wait === 'inblock' || result.finalized)) {
        const out = result;
        finish(() => resolve(out));
      }
    }).then((u) => { unsub = u; if (done) u(); }, (e: Error) => finish(() => reject(new TxRejectedError(call, e.message))));
  });
}
