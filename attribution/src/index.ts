// Public API of @slmnet/attribution.
export { TOKENIZER_VERSION, MAX_TOKEN_UNITS, tokenize, tokenizeWithOffsets, forEachToken, decodeText, checkText, detokenize } from './tokenizer.ts';
export { buildCorpus, toContributionId, END, SEP, FIRST_WORD, type Corpus, type CorpusDocument } from './corpus.ts';
export { buildSuffixArray } from './suffix-array.ts';
export { idFromFileName, listFiles, readCorpusFiles } from './corpus-files.ts';
export { CorpusIndex, buildIndex, indexCorpus, UNKNOWN, type Matches } from './corpus-index.ts';
export { saveIndex, loadIndex, INDEX_FORMAT } from './index-file.ts';
export { SCORE_FRACTION_BITS, log2Q32, rarityQ32 } from './fixed-point.ts';
export {
  attribute, resolveParams, outputText, ALGORITHM_V1, DEFAULT_MIN_SPAN, DEFAULT_DENSITY_PPM,
  type Attribution, type AttributionOptions, type ScoredSpan, type ScoredEntry, type ResolvedParams,
} from './attribute.ts';
export { verify, type Verification } from './verify.ts';
export { SeededRng, seedBytes } from './prng.ts';
export { generate, SLM_KIND, DEFAULT_MAX_TOKENS, type GenerateOptions, type Generation, type StopReason } from './slm.ts';
export { Bm25, type Bm25Hit } from './bm25.ts';
export * from './limits.ts';
