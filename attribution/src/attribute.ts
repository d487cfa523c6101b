// Proof of Attribution, algorithm v1 (DOMAIN.md): maximal matching spans of the output in the
// corpus, rarity-scored in Q32 fixed point, top spans shared among the documents that contain
// them, aggregated per contribution, normalized to ppm by largest remainder, top 32 kept.
import {
  AttributionResult, EvidenceSpan, MAX_ATTRIBUTION_ENTRIES, PPM, evidenceRoot, paramsHash, resultHash,
} from '@slmnet/runtime-spec';
import type { CorpusIndex } from './corpus-index.ts';
import { rarityQ32 } from './fixed-point.ts';
import { InputError, MAX_OUTPUT_BYTES, MAX_OUTPUT_TOKENS } from './limits.ts';
import { TOKENIZER_VERSION, checkText, decodeText } from './tokenizer.ts';

export const ALGORITHM_V1 = 1;

export interface AttributionOptions {
  /** Shortest span that counts as evidence, in tokens (default 4). */
  minSpan?: number;
  /** Share of output length kept as top spans, in ppm (default 50,000 = 5%; at least one span). */
  densityPpm?: number;
  /** Most entries in the result (default and maximum 32). */
  maxEntries?: number;
}

export const DEFAULT_MIN_SPAN = 4;
export const DEFAULT_DENSITY_PPM = 50_000;

export interface ResolvedParams { tokenizer: number; min_span: number; density_ppm: number; max_entries: number }

export function resolveParams(o: AttributionOptions = {}): ResolvedParams {
  const p = {
    tokenizer: TOKENIZER_VERSION,
    min_span: o.minSpan ?? DEFAULT_MIN_SPAN,
    density_ppm: o.densityPpm ?? DEFAULT_DENSITY_PPM,
    max_entries: o.maxEntries ?? MAX_ATTRIBUTION_ENTRIES,
  };
  const check = (name: string, v: number, min: number, max: number) => {
    if (!Number.isSafeInteger(v) || v < min || v > max) throw new InputError(`${name} must be an integer in [${min}, ${max}], got ${v}`);
  };
  check('minSpan', p.min_span, 1, MAX_OUTPUT_TOKENS);
  check('densityPpm', p.density_ppm, 1, PPM);
  check('maxEntries', p.max_entries, 1, MAX_ATTRIBUTION_ENTRIES);
  return p;
}

/** A kept span with its score; `start`/`end` are UTF-16 offsets in the decoded output text. */
export interface ScoredSpan extends EvidenceSpan {
  score: bigint;
  occurrences: number;
  start: number;
  end: number;
}

export interface ScoredEntry { contribution: bigint; weight_ppm: number; score: bigint }

export interface Attribution {
  result: AttributionResult;
  /** SCALE encoding of `result`. */
  encoded: Uint8Array;
  resultHash: Uint8Array;
  paramsHash: Uint8Array;
  evidenceRoot: Uint8Array;
  entries: ScoredEntry[];
  /** Evidence spans, ordered by output offset then length (the Merkle leaf order). */
  spans: ScoredSpan[];
  /** Maximal spans of at least minSpan tokens before the top-density cut. */
  candidateSpans: number;
  outputTokens: number;
  outputText: string;
}

/** Decodes and checks an output given as bytes or text. */
export function outputText(output: Uint8Array | string): string {
  const bytes = typeof output === 'string' ? Buffer.byteLength(output, 'utf8') : output.length;
  if (bytes > MAX_OUTPUT_BYTES) throw new InputError(`output is ${bytes} bytes, over the limit of ${MAX_OUTPUT_BYTES}`);
  return typeof output === 'string' ? checkText(output, 'output') : decodeText(output, 'output');
}

export function attribute(index: CorpusIndex, output: Uint8Array | string, options: AttributionOptions = {}): Attribution {
  const params = resolveParams(options);
  const text = outputText(output);
  const { ids, starts, ends } = index.encode(text);
  const m = ids.length;
  if (m === 0) throw new InputError('empty output: it contains no tokens to attribute');
  if (m > MAX_OUTPUT_TOKENS) throw new InputError(`output has ${m} tokens, over the limit of ${MAX_OUTPUT_TOKENS}`);
  const { counts, wordTokens, docIds } = index.corpus;

  // 1–2. maximal spans: span i is contained in an earlier one iff some j < i ends at or after it
  const match = index.longestMatches(ids);
  const candidates: number[] = [];
  let maxEnd = 0;
  for (let i = 0; i < m; i++) {
    const end = i + match.length[i];
    if (end > maxEnd) {
      if (match.length[i] >= params.min_span) candidates.push(i);
      maxEnd = end;
    }
  }

  // 3. rarity: Σ −log2 p(token) in Q32 with p = count / word tokens of the corpus
  const rarity = new Map<number, bigint>();
  const tokenRarity = (id: number) => {
    let r = rarity.get(id);
    if (r === undefined) { r = rarityQ32(counts[id], wordTokens); rarity.set(id, r); }
    return r;
  };
  const scored = candidates.map((i) => {
    let score = 0n;
    for (let k = i; k < i + match.length[i]; k++) score += tokenRarity(ids[k]);
    return { offset: i, score };
  });
  // top ⌈density × m⌉ (at least 1), ties by earlier offset (offsets of maximal spans are distinct)
  scored.sort((a, b) => (a.score > b.score ? -1 : a.score < b.score ? 1 : a.offset - b.offset));
  const keep = Math.max(1, Number((BigInt(params.density_ppm) * BigInt(m) + BigInt(PPM - 1)) / BigInt(PPM)));
  const top = scored.slice(0, keep).sort((a, b) => a.offset - b.offset);

  // 4. equal share per containing contribution; integer remainder to the lowest id
  const perDoc = new Map<number, bigint>();
  const spans: ScoredSpan[] = top.map(({ offset, score }) => {
    const docs = index.docsInRange(match.lo[offset], match.hi[offset]);
    const n = BigInt(docs.length);
    const share = score / n;
    docs.forEach((d, j) => perDoc.set(d, (perDoc.get(d) ?? 0n) + share + (j === 0 ? score % n : 0n)));
    const length = match.length[offset];
    return {
      output_offset: offset, length, contributions: docs.map((d) => docIds[d]), score,
      occurrences: match.hi[offset] - match.lo[offset], start: starts[offset], end: ends[offset + length - 1],
    };
  });

  // 5. largest remainder over every contribution with a positive score, then top max_entries
  const entries = largestRemainder(perDoc).map((e) => ({ ...e, contribution: docIds[e.doc] }));
  entries.sort((a, b) => b.weight_ppm - a.weight_ppm || a.doc - b.doc);
  const kept = entries.filter((e) => e.weight_ppm > 0).slice(0, params.max_entries)
    .map(({ contribution, weight_ppm, score }) => ({ contribution, weight_ppm, score }));

  // 6. result, hashes, evidence root
  const evidence = spans.map(({ output_offset, length, contributions }) => ({ output_offset, length, contributions }));
  const pHash = paramsHash(params);
  const root = evidenceRoot(evidence);
  const result: AttributionResult = {
    algorithm: ALGORITHM_V1,
    params_hash: pHash,
    entries: kept.map(({ contribution, weight_ppm }) => ({ contribution, weight_ppm })),
    evidence_root: root,
  };
  return {
    result, encoded: AttributionResult.codec.enc(result), resultHash: resultHash(result), paramsHash: pHash,
    evidenceRoot: root, entries: kept, spans, candidateSpans: candidates.length, outputTokens: m, outputText: text,
  };
}

/** ppm per document summing to exactly PPM (empty when every score is 0); ties of remainders by document (= id) order. */
function largestRemainder(scores: Map<number, bigint>): { doc: number; weight_ppm: number; score: bigint }[] {
  let total = 0n;
  for (const s of scores.values()) total += s;
  if (total === 0n) return [];
  const rows = [...scores].filter(([, s]) => s > 0n).sort((a, b) => a[0] - b[0]).map(([doc, score]) => {
    const scaled = score * BigInt(PPM);
    return { doc, score, weight_ppm: Number(scaled / total), rem: scaled % total };
  });
  let residue = PPM - rows.reduce((acc, r) => acc + r.weight_ppm, 0);
  const byRemainder = [...rows].sort((a, b) => (a.rem > b.rem ? -1 : a.rem < b.rem ? 1 : a.doc - b.doc));
  for (const r of byRemainder) {
    if (residue === 0) break;
    r.weight_ppm++;
    residue--;
  }
  return rows.map(({ doc, score, weight_ppm }) => ({ doc, score, weight_ppm }));
}
