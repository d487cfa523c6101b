// The reference SLM "infini-gram-v1": an ∞-gram model over the corpus suffix array. The next
// token is drawn from the continuations of the longest context suffix that occurs in the
// corpus — uniformly over its occurrences, i.e. exactly by the empirical next-token counts.
// Drawing a document end (SEP/END) ends the text.
import type { CorpusIndex } from './corpus-index.ts';
import { FIRST_WORD } from './corpus.ts';
import { InputError, MAX_CONTEXT_TOKENS, MAX_GENERATE_TOKENS, MAX_PROMPT_BYTES } from './limits.ts';
import { SeededRng } from './prng.ts';
import { checkText, decodeText, detokenize, tokenize } from './tokenizer.ts';

export const SLM_KIND = 'infini-gram-v1';
export const DEFAULT_MAX_TOKENS = 64;

export interface GenerateOptions {
  prompt: string | Uint8Array;
  /** Sampling seed: the inference id (u64) or any string. */
  seed: bigint | number | string;
  maxTokens?: number;
  /** Stop sequences (tokenized); generation ends before a generated stop sequence, which is dropped. */
  stop?: string[];
}

export type StopReason = 'max-tokens' | 'end-of-document' | 'stop-sequence';

export interface Generation {
  text: string;
  tokens: string[];
  tokensIn: number;
  tokensOut: number;
  stopReason: StopReason;
}

export function generate(index: CorpusIndex, o: GenerateOptions): Generation {
  const maxTokens = o.maxTokens ?? DEFAULT_MAX_TOKENS;
  if (!Number.isSafeInteger(maxTokens) || maxTokens < 1 || maxTokens > MAX_GENERATE_TOKENS) {
    throw new InputError(`maxTokens must be an integer in [1, ${MAX_GENERATE_TOKENS}], got ${maxTokens}`);
  }
  const promptBytes = typeof o.prompt === 'string' ? Buffer.byteLength(o.prompt, 'utf8') : o.prompt.length;
  if (promptBytes > MAX_PROMPT_BYTES) throw new InputError(`prompt is ${promptBytes} bytes, over the limit of ${MAX_PROMPT_BYTES}`);
  const prompt = tokenize(typeof o.prompt === 'string' ? checkText(o.prompt, 'prompt') : decodeText(o.prompt, 'prompt'));
  const stops = (o.stop ?? []).map((s) => tokenize(s)).filter((s) => s.length > 0);
  const rng = new SeededRng(o.seed);
  const { tokens: text, vocab } = index.corpus;
  const sa = index.sa;

  const ctx: number[] = prompt.map((t) => index.tokenId(t));
  const out: string[] = [];
  let bound = MAX_CONTEXT_TOKENS;
  let stopReason: StopReason = 'max-tokens';
  while (out.length < maxTokens) {
    // longest matching suffix: count is non-increasing in the suffix length, so binary search;
    // it is at most one longer than the previous step's
    let lo = 0, hi = Math.min(ctx.length, bound);
    let range: [number, number] = [0, sa.length];
    while (lo < hi) {
      const k = (lo + hi + 1) >>> 1;
      const r = index.range(ctx, ctx.length - k, k);
      if (r[0] < r[1]) { lo = k; range = r; } else hi = k - 1;
    }
    const k = lo;
    bound = Math.min(k + 1, MAX_CONTEXT_TOKENS);
    const next = text[sa[range[0] + rng.below(range[1] - range[0])] + k];
    if (next < FIRST_WORD) { stopReason = 'end-of-document'; break; }
    ctx.push(next);
    out.push(vocab[next]);
    const hit = stops.find((s) => s.length <= out.length && s.every((t, j) => out[out.length - s.length + j] === t));
    if (hit !== undefined) { out.length -= hit.length; stopReason = 'stop-sequence'; break; }
  }
  return { text: detokenize(out), tokens: out, tokensIn: prompt.length, tokensOut: out.length, stopReason };
}
