// Corpus builder: (contribution id, bytes) documents → one token stream in contribution id
// order. Layout: doc_0 SEP doc_1 SEP … doc_{m-1} SEP END. SEP (1) never equals an output
// token, so no match can cross a document boundary; END (0) is the suffix array sentinel.
import { blake2_256 } from '@slmnet/runtime-spec';
import { InputError, MAX_CORPUS_TOKENS, MAX_DOCUMENT_BYTES, MAX_DOCUMENTS } from './limits.ts';
import { checkText, decodeText, scanTokens } from './tokenizer.ts';
import { Vocabulary } from './vocabulary.ts';

export const END = 0;
export const SEP = 1;
/** First id of a real (word) token. */
export const FIRST_WORD = 2;
const U64_MAX = (1n << 64n) - 1n;
const utf8 = new TextEncoder();

export interface CorpusDocument {
  /** Contribution id (u64). */
  id: bigint | number;
  /** Raw contribution bytes (UTF-8 text) or an already decoded string. */
  content: Uint8Array | string;
}

export interface Corpus {
  /** Token stream including SEP after each document and a final END. */
  tokens: Int32Array;
  /** Start offset of each document in `tokens`; docStarts[m] = offset of END. */
  docStarts: Int32Array;
  /** Contribution ids, strictly ascending (document index order = contribution id order). */
  docIds: BigUint64Array;
  /** blake2-256 of each document's bytes, 32 bytes per document. */
  docHashes: Uint8Array;
  /** Token strings by id; ids 0 and 1 are END and SEP (empty strings). */
  vocab: string[];
  /** Occurrences of each token id in the corpus. */
  counts: Uint32Array;
  /** Number of word tokens (all tokens but SEP and END): the unigram denominator. */
  wordTokens: number;
}

export function toContributionId(id: bigint | number): bigint {
  const v = typeof id === 'number' ? (Number.isSafeInteger(id) ? BigInt(id) : -1n) : id;
  if (v < 0n || v > U64_MAX) throw new InputError(`contribution id ${String(id)} is not a u64`);
  return v;
}

/** Builds the corpus; the order of `docs` does not matter (they are sorted by id). */
export function buildCorpus(docs: readonly CorpusDocument[], onProgress?: (done: number, total: number) => void): Corpus {
  if (docs.length === 0) throw new InputError('empty corpus: no documents');
  if (docs.length > MAX_DOCUMENTS) throw new InputError(`too many documents: ${docs.length} > ${MAX_DOCUMENTS}`);
  const sorted = docs.map((d) => ({ id: toContributionId(d.id), content: d.content }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].id === sorted[i - 1].id) throw new InputError(`duplicate contribution id ${sorted[i].id}`);
  }
  const m = sorted.length;
  const vocab = new Vocabulary(FIRST_WORD);
  let tokens = new Int32Array(1 << 16);
  let n = 0;
  // the limit counts the whole stream (separators included), so the index always fits it
  const push = (id: number) => {
    if (n === tokens.length) {
      if (n >= MAX_CORPUS_TOKENS) throw new InputError(`corpus over the limit of ${MAX_CORPUS_TOKENS} tokens`);
      const grown = new Int32Array(Math.min(tokens.length * 2, MAX_CORPUS_TOKENS));
      grown.set(tokens);
      tokens = grown;
    }
    tokens[n++] = id;
  };
  let text = '';
  const onToken = (start: number, end: number, lower: boolean) => push(vocab.intern(text, start, end, lower));
  const docStarts = new Int32Array(m + 1);
  const docIds = new BigUint64Array(m);
  const docHashes = new Uint8Array(32 * m);
  for (let d = 0; d < m; d++) {
    const { id, content } = sorted[d];
    const what = `contribution ${id}`;
    const bytes = typeof content === 'string' ? utf8.encode(content) : content;
    if (bytes.length > MAX_DOCUMENT_BYTES) throw new InputError(`${what} is ${bytes.length} bytes, over the limit of ${MAX_DOCUMENT_BYTES}`);
    text = typeof content === 'string' ? checkText(content, what) : decodeText(bytes, what);
    docIds[d] = id;
    docHashes.set(blake2_256(bytes), 32 * d);
    docStarts[d] = n;
    scanTokens(text, onToken);
    push(SEP);
    onProgress?.(d + 1, m);
  }
  docStarts[m] = n;
  push(END);
  const wordTokens = n - m - 1;
  if (wordTokens === 0) throw new InputError('empty corpus: the documents contain no tokens');
  const counts = new Uint32Array(vocab.strings.length);
  const stream = tokens.slice(0, n);
  for (let i = 0; i < n; i++) counts[stream[i]]++;
  return { tokens: stream, docStarts, docIds, docHashes, vocab: vocab.strings, counts, wordTokens };
}
