// The attribution result every attestor computes and the chain compares: declared once here,
// used by the Attribution pallet and by the @slmnet/attribution engine.
import * as T from './codec/types.ts';
import { blake2_256 } from './crypto.ts';
import { merkleRoot } from './merkle.ts';
import { H256 } from './primitives.ts';

/** Parts per million: weights and fee splits are integers out of this. */
export const PPM = 1_000_000;
/** At most this many (contribution, weight) entries per result. */
export const MAX_ATTRIBUTION_ENTRIES = 32;

const path = (n: string) => ['slmnet_primitives', 'attribution', n];

export const ContributionId = T.u64;

export const AttributionEntry = T.struct({ path: path('AttributionEntry') }, { contribution: ContributionId, weight_ppm: T.u32 });
export type AttributionEntry = T.FieldsOf<{ contribution: T.Ty<bigint>; weight_ppm: T.Ty<number> }>;

/**
 * What attestors agree on. Entries are sorted by weight descending, then contribution id
 * ascending; their weights sum to at most PPM — the rest is split by the fallback rule
 * (pro rata by accepted bytes of the model's training set). No entries = full fallback.
 */
export const AttributionResult = T.struct({ path: path('AttributionResult') }, {
  algorithm: T.u16,
  params_hash: H256,
  entries: T.vec(AttributionEntry),
  evidence_root: H256,
});
export type AttributionResult = ReturnType<typeof AttributionResult.codec.dec>;

/** blake2-256 of the SCALE-encoded result. */
export const resultHash = (r: AttributionResult): Uint8Array => blake2_256(AttributionResult.codec.enc(r));

/** Algorithm parameters; their blake2-256 is the params hash. */
export const AttributionParams = T.struct({ path: path('AttributionParams') }, {
  tokenizer: T.u16,
  min_span: T.u32,
  density_ppm: T.u32,
  max_entries: T.u32,
});
export type AttributionParams = ReturnType<typeof AttributionParams.codec.dec>;
export const paramsHash = (p: AttributionParams): Uint8Array => blake2_256(AttributionParams.codec.enc(p));

/** One matching span of the output: evidence leaf. */
export const EvidenceSpan = T.struct({ path: path('EvidenceSpan') }, {
  output_offset: T.u32,
  length: T.u32,
  contributions: T.vec(ContributionId),
});
export type EvidenceSpan = ReturnType<typeof EvidenceSpan.codec.dec>;

/** Merkle root of the spans in the order given (the engine orders them by output offset, then length). */
export const evidenceRoot = (spans: EvidenceSpan[]): Uint8Array => merkleRoot(spans.map((s) => EvidenceSpan.codec.enc(s)));
