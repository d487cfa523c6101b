// BM25 document retrieval over the same tokens: the evaluation baseline (floating point is fine
// here, it never enters an attestation).
import type { CorpusIndex } from './corpus-index.ts';
import { FIRST_WORD } from './corpus.ts';

export interface Bm25Hit { doc: number; contribution: bigint; score: number }

export class Bm25 {
  private readonly postings = new Map<number, { doc: number; tf: number }[]>();
  private readonly lengths: number[] = [];
  private readonly avgLength: number;

  constructor(private readonly index: CorpusIndex, private readonly k1 = 1.2, private readonly b = 0.75) {
    const { tokens, docStarts } = index.corpus;
    for (let d = 0; d + 1 < docStarts.length; d++) {
      const tf = new Map<number, number>();
      for (let p = docStarts[d]; p < docStarts[d + 1]; p++) if (tokens[p] >= FIRST_WORD) tf.set(tokens[p], (tf.get(tokens[p]) ?? 0) + 1);
      this.lengths.push(docStarts[d + 1] - docStarts[d] - 1);
      for (const [t, f] of tf) {
        let list = this.postings.get(t);
        if (list === undefined) this.postings.set(t, (list = []));
        list.push({ doc: d, tf: f });
      }
    }
    this.avgLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, this.lengths.length);
  }

  /** Documents by descending BM25 score for the query token ids (ties by id), positive scores only. */
  search(query: ArrayLike<number>): Bm25Hit[] {
    const n = this.lengths.length;
    const qtf = new Map<number, number>();
    for (let i = 0; i < query.length; i++) if (query[i] >= FIRST_WORD) qtf.set(query[i], (qtf.get(query[i]) ?? 0) + 1);
    const scores = new Map<number, number>();
    for (const [t, q] of qtf) {
      const list = this.postings.get(t);
      if (list === undefined) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        const norm = tf * (this.k1 + 1) / (tf + this.k1 * (1 - this.b + this.b * this.lengths[doc] / this.avgLength));
        scores.set(doc, (scores.get(doc) ?? 0) + q * idf * norm);
      }
    }
    return [...scores].filter(([, s]) => s > 0).sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .map(([doc, score]) => ({ doc, contribution: this.index.corpus.docIds[doc], score }));
  }
}
