// Attribution: bond as an attestor, attest an inference's attribution result.
import type { ApiPromise } from '@polkadot/api';
import { u8aToHex } from '@polkadot/util';
import { eventOf, eventsOf, type TxResult } from '../submit.ts';
import { big, run, type Ctx, type Tx } from './tx.ts';

type Hash = string | Uint8Array;

/** An attribution result as the engine (`@slmnet/attribution`'s `attribute`) produces it. */
export interface Attestation {
  algorithm: number;
  paramsHash: Hash;
  resultHash: Hash;
  /** Sorted by weight descending, then contribution ascending. */
  entries: { contribution: bigint | number; weightPpm: number }[];
  evidenceRoot: Hash;
}

const hex = (h: Hash) => (typeof h === 'string' ? h : u8aToHex(h));

export const attestTx = (api: ApiPromise, inference: bigint | number, a: Attestation): Tx =>
  api.tx.attribution.attest(inference, a.algorithm, hex(a.paramsHash), hex(a.resultHash), a.entries, hex(a.evidenceRoot));

/** Attests; `quorum` is true when this attestation reached the quorum (the fee was settled in the same block). */
export async function attest(ctx: Ctx, inference: bigint | number, a: Attestation): Promise<TxResult & { quorum: boolean; settled?: Record<string, any> }> {
  const r = await run(ctx, attestTx(ctx.api, inference, a));
  const done = eventsOf(r, 'attribution', 'AttributionFinalized').length > 0;
  return { ...r, quorum: done, settled: eventsOf(r, 'models', 'InferenceSettled')[0] };
}

export async function bondAttestor(ctx: Ctx, amount: bigint): Promise<TxResult & { amount: bigint }> {
  const r = await run(ctx, ctx.api.tx.attribution.bond(amount));
  return { ...r, amount: big(eventOf(r, 'attribution', 'AttestorBonded').amount) };
}
