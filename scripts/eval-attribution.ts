// Attribution quality on the built-in evaluation set (`npm run eval:attribution`).
//
// Corpus: attribution/eval/docs (30 short documents on 5 topics, written for the project).
// Outputs: attribution/eval/outputs.json, each with its known source documents: copied,
// spliced (two sources), lightly edited, paraphrased, unrelated (no source). Three methods, same run:
//   ours     attribution v1 (weights = result entries; what is left goes to the fallback split)
//   bm25     BM25 document retrieval with the output as query (weights = scores of the top 32, normalized)
//   uniform  every document gets the same weight (what the fallback split amounts to)
// Metrics per output, averaged per kind:
//   P@1      the top-ranked document is a true source (uniform: the expected value)
//   P@5      true sources among the first min(5, returned) documents / that count (nothing returned → 0)
//   weight   share of the contributors' weight landing on true sources
// For unrelated outputs the ideal is no attribution: "attributed" is the share of weight given to any document.
// Output: tables on stdout and a final line `EVAL {json}`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cryptoReady, MAX_ATTRIBUTION_ENTRIES, PPM } from '@slmnet/runtime-spec';
import { attribute, Bm25, buildIndex, readCorpusFiles } from '../attribution/src/index.ts';

interface Output { id: string; kind: 'copied' | 'spliced' | 'edited' | 'paraphrase' | 'unrelated'; sources: number[]; text: string }
interface Ranked { ranking: bigint[]; weights: Map<bigint, number> }
interface Scores { p1: number; p5: number; weight: number; attributed: number }

const EVAL_DIR = join(import.meta.dirname, '../attribution/eval');

function score(r: Ranked, sources: Set<bigint>): Scores {
  const top5 = r.ranking.slice(0, 5);
  const hits = top5.filter((c) => sources.has(c)).length;
  let weight = 0, attributed = 0;
  for (const [c, w] of r.weights) { attributed += w; if (sources.has(c)) weight += w; }
  return {
    p1: r.ranking.length > 0 && sources.has(r.ranking[0]) ? 1 : 0,
    p5: top5.length > 0 ? hits / top5.length : 0,
    weight, attributed,
  };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const f = (x: number) => x.toFixed(3);

async function main(): Promise<void> {
  await cryptoReady();
  const docs = readCorpusFiles([join(EVAL_DIR, 'docs')]);
  const outputs = (JSON.parse(readFileSync(join(EVAL_DIR, 'outputs.json'), 'utf8')) as { outputs: Output[] }).outputs;
  const index = buildIndex(docs);
  const bm25 = new Bm25(index);
  const all = [...index.corpus.docIds];
  const kinds = ['copied', 'spliced', 'edited', 'paraphrase', 'unrelated'] as const;
  const rows: Record<string, Record<string, Scores[]>> = { ours: {}, bm25: {}, uniform: {} };
  for (const m of Object.keys(rows)) for (const k of kinds) rows[m][k] = [];

  console.log(`corpus: ${docs.length} documents, ${index.corpus.wordTokens} tokens; ${outputs.length} outputs\n`);
  console.log('output  kind       sources    ours: top entries (ppm)                      weight on sources');
  for (const o of outputs) {
    const sources = new Set(o.sources.map(BigInt));
    const a = attribute(index, o.text);
    const ours: Ranked = {
      ranking: a.result.entries.map((e) => e.contribution),
      weights: new Map(a.result.entries.map((e) => [e.contribution, e.weight_ppm / PPM])),
    };
    const hits = bm25.search(index.encode(o.text).ids).slice(0, MAX_ATTRIBUTION_ENTRIES);
    const total = hits.reduce((s, h) => s + h.score, 0);
    const bm: Ranked = { ranking: hits.map((h) => h.contribution), weights: new Map(hits.map((h) => [h.contribution, h.score / total])) };
    const uniform: Ranked = { ranking: all, weights: new Map(all.map((c) => [c, 1 / all.length])) };
    const s = score(ours, sources);
    rows.ours[o.kind].push(s);
    rows.bm25[o.kind].push(score(bm, sources));
    // uniform ranks nothing: its expected P@1 and P@5 equal the share of sources among all documents
    const u = score(uniform, sources);
    rows.uniform[o.kind].push({ ...u, p1: sources.size / all.length, p5: sources.size / all.length });
    const top = a.result.entries.slice(0, 3).map((e) => `${e.contribution}:${e.weight_ppm}`).join(' ') || '(fallback)';
    console.log(`${o.id.padEnd(7)} ${o.kind.padEnd(10)} ${o.sources.join(',').padEnd(10)} ${top.padEnd(44)} ${f(s.weight)}`);
  }

  const summary: Record<string, Record<string, Record<string, number>>> = {};
  console.log('\nmethod   kind        n   P@1    P@5    weight on true sources');
  for (const m of Object.keys(rows)) {
    summary[m] = {};
    for (const k of kinds) {
      const r = rows[m][k];
      if (k === 'unrelated') {
        summary[m][k] = { n: r.length, attributed: mean(r.map((x) => x.attributed)) };
        console.log(`${m.padEnd(8)} ${k.padEnd(10)} ${String(r.length).padStart(2)}   weight given to some document (ideal 0): ${f(summary[m][k].attributed)}`);
        continue;
      }
      summary[m][k] = { n: r.length, p1: mean(r.map((x) => x.p1)), p5: mean(r.map((x) => x.p5)), weight: mean(r.map((x) => x.weight)) };
      const v = summary[m][k];
      console.log(`${m.padEnd(8)} ${k.padEnd(10)} ${String(r.length).padStart(2)}   ${f(v.p1)}  ${f(v.p5)}  ${f(v.weight)}`);
    }
    const withSources = kinds.filter((k) => k !== 'unrelated').flatMap((k) => rows[m][k]);
    summary[m].all = { n: withSources.length, p1: mean(withSources.map((x) => x.p1)), p5: mean(withSources.map((x) => x.p5)), weight: mean(withSources.map((x) => x.weight)) };
    const v = summary[m].all;
    console.log(`${m.padEnd(8)} ${'all'.padEnd(10)} ${String(v.n).padStart(2)}   ${f(v.p1)}  ${f(v.p5)}  ${f(v.weight)}`);
  }
  console.log(`EVAL ${JSON.stringify(summary)}`);
}

await main();
