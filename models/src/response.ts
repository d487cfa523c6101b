// Response bodies (pure): OpenAI-style completions and model lists with SLMnet's on-chain facts
// under `slmnet`. Amounts are planck as decimal strings, ids of u64 as strings (JSON numbers
// lose precision above 2^53).
import { SLM_KIND, type StopReason } from '@slmnet/attribution';
import type { ApiError } from './request.ts';

export type InferenceStatus = 'Requested' | 'OutputSubmitted' | 'Settled' | 'Refunded';

/** An inference as the chain records it. */
export interface InferenceState {
  id: bigint;
  model: number;
  consumer: string;
  status: InferenceStatus;
  inputHash: string;
  maxFee: bigint;
  fee: bigint;
  outputHash?: string;
  tokensIn: number;
  tokensOut: number;
  requested: number;
  outputAt?: number;
  /** Output deadline while Requested (refund after it), attestation deadline once the output is in. */
  deadline: number;
}

export interface Payout { contribution: bigint; contributor: string; weightPpm: number; amount: bigint }

/** How a settled fee was split (Models.Inferences settlement and the settlement block's events). */
export interface SettlementState {
  block: number;
  /** True when split by training bytes only (no attributed entries, or no quorum in time). */
  fallback: boolean;
  developer: { account: string; amount: bigint };
  contributors: { amount: bigint; payouts: Payout[] };
  protocol: { account: string; amount: bigint };
}

export interface Span { start: number; end: number; tokens: number; contributions: bigint[] }

/** The final (or disputed) on-chain attribution and, when the server could compute it, its own run with the spans. */
export interface AttributionState {
  status: 'Final' | 'Disputed';
  resultHash?: string;
  attestations: number;
  entries: { contribution: bigint; weightPpm: number }[];
  local?: { resultHash: string; spans: Span[] };
}

export interface Completion {
  inference: InferenceState;
  /** Unix seconds. */
  created: number;
  text: string;
  /** Unknown for an output this server did not generate in this run. */
  stopReason?: StopReason;
  settlement?: SettlementState;
  attribution?: AttributionState;
  /** Output tokens the request's max_fee paid for (generation stops there). */
  maxTokensPaid?: number;
}

export type FinishReason = 'stop' | 'length';

/** OpenAI's finish_reason: `length` when cut at max_tokens, `stop` when the text ended by itself. */
export const finishReason = (r: StopReason): FinishReason => (r === 'max-tokens' ? 'length' : 'stop');

const str = (v: bigint | number) => v.toString();

export const completionId = (inference: bigint): string => `inference-${inference}`;

function settlementBody(s: SettlementState) {
  return {
    block: s.block,
    fallback: s.fallback,
    developer: { account: s.developer.account, amount: str(s.developer.amount) },
    contributors: {
      amount: str(s.contributors.amount),
      payouts: s.contributors.payouts.map((p) => ({ contribution: str(p.contribution), contributor: p.contributor, weight_ppm: p.weightPpm, amount: str(p.amount) })),
    },
    protocol: { account: s.protocol.account, amount: str(s.protocol.amount) },
  };
}

function attributionBody(a: AttributionState, text: string) {
  return {
    status: a.status,
    result_hash: a.resultHash ?? null,
    attestations: a.attestations,
    entries: a.entries.map((e) => ({ contribution: str(e.contribution), weight_ppm: e.weightPpm })),
    // the server's own run of attribution v1: equal hashes mean these spans are the evidence the validators signed
    matches_chain: a.local ? a.local.resultHash === a.resultHash : null,
    spans: (a.local?.spans ?? []).map((s) => ({
      text: text.slice(s.start, s.end), start: s.start, end: s.end, tokens: s.tokens, contributions: s.contributions.map(str),
    })),
  };
}

export function completionBody(c: Completion) {
  const i = c.inference;
  return {
    id: completionId(i.id),
    object: 'text_completion' as const,
    created: c.created,
    model: str(i.model),
    choices: [{ index: 0, text: c.text, finish_reason: c.stopReason ? finishReason(c.stopReason) : null, logprobs: null }],
    usage: { prompt_tokens: i.tokensIn, completion_tokens: i.tokensOut, total_tokens: i.tokensIn + i.tokensOut },
    slmnet: {
      inference: str(i.id),
      status: i.status,
      consumer: i.consumer,
      input_hash: i.inputHash,
      output_hash: i.outputHash ?? null,
      max_fee: str(i.maxFee),
      fee: str(i.fee),
      ...(c.maxTokensPaid !== undefined ? { max_tokens_paid: c.maxTokensPaid } : {}),
      requested_block: i.requested,
      output_block: i.outputAt ?? null,
      deadline_block: i.deadline,
      settlement: c.settlement ? settlementBody(c.settlement) : null,
      attribution: c.attribution ? attributionBody(c.attribution, c.text) : null,
    },
  };
}

/** A served model as listed by GET /v1/models. */
export interface ModelEntry {
  id: number;
  name: string;
  developer: string;
  /** Unix seconds of the registration block. */
  created: number;
  status: string;
  trainingSet: { datanet: number; version: number }[];
  pricing: { baseFee: bigint; perTokenFee: bigint };
  split: { developerPpm: number; contributorsPpm: number; protocolPpm: number };
  /** `ready` once the suffix-array index is built; otherwise why not yet. */
  index: { state: 'ready'; contributions: number; tokens: number } | { state: 'building' } | { state: 'unavailable'; reason: string };
}

export function modelsBody(models: ModelEntry[]) {
  return {
    object: 'list' as const,
    data: models.map((m) => ({
      id: str(m.id),
      object: 'model' as const,
      created: m.created,
      owned_by: m.developer,
      slmnet: {
        name: m.name,
        kind: SLM_KIND,
        status: m.status,
        training_set: m.trainingSet,
        pricing: { base_fee: str(m.pricing.baseFee), per_token_fee: str(m.pricing.perTokenFee) },
        split: { developer_ppm: m.split.developerPpm, contributors_ppm: m.split.contributorsPpm, protocol_ppm: m.split.protocolPpm },
        index: m.index,
      },
    })),
  };
}

export function errorBody(e: ApiError) {
  return { error: { message: e.message, type: e.type, param: e.param ?? null, code: e.code } };
}
