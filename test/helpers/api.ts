// Submitting extrinsics through @polkadot/api in end-to-end tests.
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { KeyringPair } from '@polkadot/keyring/types';

export interface Outcome { blockHash: string; events: { section: string; method: string; data: any }[]; dispatchError?: any; finalized?: string }

/** Submits and resolves at InBlock (or Finalized when `finalized`), collecting the extrinsic's events. */
export function send(tx: SubmittableExtrinsic<'promise'>, signer: KeyringPair, finalized = false): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    let out: Outcome | undefined;
    tx.signAndSend(signer, (r) => {
      if (r.isError) reject(new Error(`status ${r.status.type}`));
      if (r.status.isInBlock) {
        out = {
          blockHash: r.status.asInBlock.toHex(),
          events: r.events.map(({ event }) => ({ section: event.section, method: event.method, data: event.data })),
          dispatchError: r.dispatchError,
        };
        if (!finalized) resolve(out);
      }
      if (r.status.isFinalized && out) resolve({ ...out, finalized: r.status.asFinalized.toHex() });
    }).catch(reject);
  });
}

/**
 * Submits, waits for inclusion and throws on a failed dispatch with the module error's
 * `Pallet.Error` name, so a story reads as a list of steps.
 */
export async function ok(tx: SubmittableExtrinsic<'promise'>, signer: KeyringPair): Promise<Outcome> {
  const out = await send(tx, signer);
  if (out.dispatchError) {
    const e = out.dispatchError;
    if (e.isModule) {
      const m = tx.registry.findMetaError(e.asModule);
      throw new Error(`${tx.method.section}.${tx.method.method} failed: ${m.section}.${m.name}`);
    }
    throw new Error(`${tx.method.section}.${tx.method.method} failed: ${e.toString()}`);
  }
  return out;
}

/** The events of one pallet and method in an outcome, as objects of their named fields (primitive values). */
export const eventsOf = (out: Outcome, section: string, method: string): any[] =>
  out.events.filter((e) => e.section === section && e.method === method)
    .map((e) => Object.fromEntries((e.data.names as string[]).map((n, i) => [n, e.data[i].toPrimitive()])));
