// Models: register on published datanet versions, request paid inferences, submit outputs, claim rewards.
import type { ApiPromise } from '@polkadot/api';
import { hashOf } from '../content.ts';
import { eventOf, type TxResult } from '../submit.ts';
import { big, run, type Ctx, type Tx } from './tx.ts';

export interface NewModel {
  name: string;
  metadata?: string;
  kind?: 'InfiniGramV1' | 'External';
  trainingSet: { datanet: number; version: number }[];
  /** Hash of the model's manifest (weights, config), or the manifest itself to hash. */
  manifest?: string | Uint8Array;
  pricing: { baseFee: bigint; perTokenFee: bigint };
  /** Parts per million; must sum to 1,000,000. */
  split: { developerPpm: number; contributorsPpm: number; protocolPpm: number };
  operators?: string[];
}

export const registerModelTx = (api: ApiPromise, m: NewModel): Tx =>
  api.tx.models.registerModel(m.name, m.metadata ?? '', m.kind ?? 'InfiniGramV1', m.trainingSet, hashOf(m.manifest ?? m.name), m.pricing, m.split, m.operators ?? []);

export async function registerModel(ctx: Ctx, m: NewModel): Promise<TxResult & { model: number }> {
  const r = await run(ctx, registerModelTx(ctx.api, m));
  return { ...r, model: Number(eventOf(r, 'models', 'ModelRegistered').model) };
}

/** `input` is the prompt (hashed here) or its 0x hash. */
export const requestInferenceTx = (api: ApiPromise, model: number, input: string | Uint8Array, maxFee: bigint): Tx =>
  api.tx.models.requestInference(model, hashOf(input), maxFee);

export async function requestInference(ctx: Ctx, model: number, input: string | Uint8Array, maxFee: bigint): Promise<TxResult & { inference: bigint }> {
  const r = await run(ctx, requestInferenceTx(ctx.api, model, input, maxFee));
  return { ...r, inference: big(eventOf(r, 'models', 'InferenceRequested').inference) };
}

export interface Output {
  /** The generated text (hashed here) or its 0x hash. */
  output: string | Uint8Array;
  tokensIn: number;
  tokensOut: number;
}

export const submitOutputTx = (api: ApiPromise, inference: bigint | number, o: Output): Tx =>
  api.tx.models.submitOutput(inference, hashOf(o.output), o.tokensIn, o.tokensOut);

export async function submitOutput(ctx: Ctx, inference: bigint | number, o: Output): Promise<TxResult & { fee: bigint; refunded: bigint }> {
  const r = await run(ctx, submitOutputTx(ctx.api, inference, o));
  const e = eventOf(r, 'models', 'OutputSubmitted');
  return { ...r, fee: big(e.fee), refunded: big(e.refunded) };
}

/** Pays out the signer's contributor rewards. */
export async function claimRewards(ctx: Ctx): Promise<TxResult & { amount: bigint }> {
  const r = await run(ctx, ctx.api.tx.models.claimRewards());
  return { ...r, amount: big(eventOf(r, 'models', 'RewardsClaimed').amount) };
}
