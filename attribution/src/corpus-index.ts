// Queries over the suffix array: count, locate (→ documents), longest match per position.
// Every query token sequence is a sequence of vocabulary ids; unknown tokens are -1 and
// match nothing (all corpus ids are ≥ 0).
import { buildCorpus, FIRST_WORD, type Corpus, type CorpusDocument } from './corpus.ts';
import { buildSuffixArray } from './suffix-array.ts';
import { forEachToken } from './tokenizer.ts';

export const UNKNOWN = -1;

export interface Matches {
  /** Longest prefix of query[i..] occurring in the corpus, for each i. */
  length: Int32Array;
  /** Suffix array range [lo, hi) of that longest prefix (empty when length is 0). */
  lo: Int32Array;
  hi: Int32Array;
}

export class CorpusIndex {
  private vocabIds: Map<string, number> | undefined;

  constructor(readonly corpus: Corpus, readonly sa: Int32Array) {}

  tokenId(token: string): number {
    if (this.vocabIds === undefined) {
      const m = new Map<string, number>();
      const v = this.corpus.vocab;
      for (let i = FIRST_WORD; i < v.length; i++) m.set(v[i], i);
      this.vocabIds = m;
    }
    return this.vocabIds.get(token) ?? UNKNOWN;
  }

  /** Token ids of a decoded text, with each token's [start, end) in the text. */
  encode(text: string): { ids: Int32Array; starts: number[]; ends: number[] } {
    const ids: number[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    forEachToken(text, (t, s, e) => { ids.push(this.tokenId(t)); starts.push(s); ends.push(e); });
    return { ids: Int32Array.from(ids), starts, ends };
  }

  /** Suffix array range [lo, hi) of the suffixes starting with q[from .. from+len). */
  range(q: ArrayLike<number>, from = 0, len = q.length - from): [number, number] {
    let lo = 0, hi = this.sa.length;
    for (let k = 0; k < len && lo < hi; k++) {
      [lo, hi] = this.narrow(lo, hi, k, q[from + k]);
    }
    return [lo, hi];
  }

  count(q: ArrayLike<number>): number {
    const [lo, hi] = this.range(q);
    return hi - lo;
  }

  /** Document index containing corpus position p (binary search on document starts). */
  docAt(p: number): number {
    const s = this.corpus.docStarts;
    let lo = 0, hi = s.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (s[mid] <= p) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** Sorted distinct document indexes of the suffixes in sa[lo, hi). */
  docsInRange(lo: number, hi: number): number[] {
    const docs = new Int32Array(hi - lo);
    for (let i = lo; i < hi; i++) docs[i - lo] = this.docAt(this.sa[i]);
    docs.sort();
    const out: number[] = [];
    for (let i = 0; i < docs.length; i++) if (i === 0 || docs[i] !== docs[i - 1]) out.push(docs[i]);
    return out;
  }

  /** Contribution ids (ascending) of the documents containing q. */
  locate(q: ArrayLike<number>): bigint[] {
    if (q.length === 0) return [];
    const [lo, hi] = this.range(q);
    return this.docsInRange(lo, hi).map((d) => this.corpus.docIds[d]);
  }

  /**
   * For each query position the longest prefix occurring in the corpus, by binary search on the
   * suffix array. Once a single suffix is left it is extended by direct comparison, which keeps
   * long verbatim copies cheap (the cost is then linear in the match length).
   */
  longestMatches(q: Int32Array): Matches {
    const m = q.length;
    const t = this.corpus.tokens, sa = this.sa;
    const length = new Int32Array(m), los = new Int32Array(m), his = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      let lo = 0, hi = sa.length, k = 0;
      while (i + k < m && hi - lo > 1) {
        const [l, h] = this.narrow(lo, hi, k, q[i + k]);
        if (l >= h) break;
        lo = l; hi = h; k++;
      }
      if (hi - lo === 1) {
        // a word-token run never reaches END, so p + k stays inside the stream
        const p = sa[lo];
        while (i + k < m && t[p + k] === q[i + k]) k++;
      }
      length[i] = k;
      los[i] = k > 0 ? lo : 0;
      his[i] = k > 0 ? hi : 0;
    }
    return { length, lo: los, hi: his };
  }

  /**
   * Within sa[lo, hi) (all sharing their first k tokens), the sub-range whose token at offset k
   * equals c. The shared prefix consists of word tokens, so offset k never runs past END.
   * Both ends are found by galloping from the old ends: as cheap as binary search in general,
   * and O(1) when the range barely shrinks (long runs of repeated text).
   */
  narrow(lo: number, hi: number, k: number, c: number): [number, number] {
    const t = this.corpus.tokens, sa = this.sa;
    // first index with token ≥ c, galloping right from lo
    let first = lo;
    if (lo < hi && t[sa[lo] + k] < c) {
      let a = lo, step = 1, b = hi;
      for (;;) {
        const x = a + step;
        if (x >= hi || t[sa[x] + k] >= c) { b = Math.min(x, hi); break; }
        a = x;
        step *= 2;
      }
      let x = a + 1;
      while (x < b) {
        const mid = (x + b) >>> 1;
        if (t[sa[mid] + k] < c) x = mid + 1; else b = mid;
      }
      first = x;
    }
    // first index with token > c, galloping left from hi
    let end = hi;
    if (first < hi && t[sa[hi - 1] + k] > c) {
      let b = hi - 1, step = 1, a = first - 1;
      for (;;) {
        const x = b - step;
        if (x < first || t[sa[x] + k] <= c) { a = Math.max(x, first - 1); break; }
        b = x;
        step *= 2;
      }
      let y = b;
      let x = a + 1;
      while (x < y) {
        const mid = (x + y) >>> 1;
        if (t[sa[mid] + k] > c) y = mid; else x = mid + 1;
      }
      end = x;
    }
    return [first, end];
  }
}

/** Builds the corpus and its suffix array. */
export function buildIndex(docs: readonly CorpusDocument[], onProgress?: (done: number, total: number) => void): CorpusIndex {
  const corpus = buildCorpus(docs, onProgress);
  return indexCorpus(corpus);
}

export function indexCorpus(corpus: Corpus): CorpusIndex {
  return new CorpusIndex(corpus, buildSuffixArray(corpus.tokens, corpus.vocab.length));
}
