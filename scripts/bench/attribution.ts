// Attribution engine benchmark (`npm run bench:attribution`).
//
// A deterministic synthetic corpus (default 10M tokens; Zipf-distributed words from a made-up
// 50k-word vocabulary, with a bank of shared phrases so that n-grams repeat across documents as
// in real text) is indexed, saved and loaded; then:
//   build        tokenize + SA-IS suffix array, tokens/s, best of 2 builds (target ≥ 1M/s)
//   memory       bytes/token of the index arrays (token stream + suffix array; target ≤ 8) and of
//                everything the loaded index holds, plus the file size
//   attribution  latency of attribute() for 256-token outputs (spliced copies of 2–3 documents
//                with 10% of the words replaced, SLM generations, novel text): p50 (target ≤ 50 ms), p95
//   generation   infini-gram-v1 tokens/s, 256-token generations (target ≥ 200/s)
//   baseline     a naive comparison-sort suffix array against SA-IS (same run, both must agree) on
//                a 200k-token prefix of the corpus and on a repetitive sample (a 1,000-token
//                passage 10 times, like near-duplicate contributions)
// Env: BENCH_TOKENS (default 10000000), BENCH_OUTPUTS (default 120).
// Output: a table on stdout and a final line `BENCH {json}`; progress on stderr.
// Exit code 1 if a result is wrong (suffix arrays differ, save/load changes a result).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import { cryptoReady, equalBytes } from '@slmnet/runtime-spec';
import {
  attribute, buildCorpus, buildSuffixArray, generate, indexCorpus, loadIndex, saveIndex, type CorpusDocument,
} from '../../attribution/src/index.ts';

function envInt(name: string, dflt: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got ${JSON.stringify(raw)}`);
  return n;
}
const TOKENS = envInt('BENCH_TOKENS', 10_000_000, 10_000);
const OUTPUTS = envInt('BENCH_OUTPUTS', 120, 4);
const OUTPUT_TOKENS = 256;
const BUILD_RUNS = 2;
const VOCAB = 50_000;
const BASELINE_TOKENS = 200_000;
const REPEAT_PASSAGE = 1_000;
const REPEATS = 10;

/** mulberry32: a small integer PRNG so the corpus is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticWords(r: () => number): string[] {
  const syl = ['ka', 'lo', 'mi', 'ne', 'su', 'ta', 'ri', 'po', 've', 'da', 'shi', 'gu', 'fen', 'tor', 'al', 'is', 'um', 'or', 'bel', 'quo'];
  const seen = new Set<string>();
  while (seen.size < VOCAB) {
    const n = 1 + Math.floor(r() * 4);
    let w = '';
    for (let i = 0; i < n; i++) w += syl[Math.floor(r() * syl.length)];
    seen.add(w);
  }
  return [...seen];
}

function zipfSampler(r: () => number, n: number): () => number {
  const cum = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) { s += 1 / (i + 1); cum[i] = s; }
  return () => {
    const x = r() * s;
    let lo = 0, hi = n - 1;
    while (lo < hi) { const m = (lo + hi) >>> 1; if (cum[m] < x) lo = m + 1; else hi = m; }
    return lo;
  };
}

function progress(label: string, total: number): SingleBar {
  const bar = new SingleBar({ stream: process.stderr, format: `${label} [{bar}] {percentage}% {value}/{total}`, hideCursor: true });
  bar.start(total, 0);
  return bar;
}

function syntheticCorpus(): { docs: CorpusDocument[]; words: string[] } {
  const r = rng(20261125);
  const words = syntheticWords(r);
  const zipf = zipfSampler(r, VOCAB);
  const phrases = Array.from({ length: 20_000 }, () => Array.from({ length: 3 + Math.floor(r() * 6) }, () => words[zipf()]));
  const docs: CorpusDocument[] = [];
  const bar = progress('corpus   ', TOKENS);
  let total = 0;
  while (total < TOKENS) {
    const len = Math.min(TOKENS - total, 200 + Math.floor(r() * 1800));
    const w: string[] = [];
    while (w.length < len) {
      if (r() < 0.25) w.push(...phrases[Math.floor(r() * phrases.length)]);
      else w.push(words[zipf()]);
      if (r() < 0.07) w.push('.');
    }
    w.length = len;
    docs.push({ id: BigInt(1000 + docs.length), content: w.join(' ') });
    total += len;
    if (docs.length % 200 === 0) bar.update(total);
  }
  bar.update(total);
  bar.stop();
  return { docs, words };
}

function naiveSuffixArray(t: Int32Array): Int32Array {
  const n = t.length;
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => {
    for (let i = a, j = b; i < n && j < n; i++, j++) if (t[i] !== t[j]) return t[i] - t[j];
    return b - a;
  });
  return Int32Array.from(idx);
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const fmt = (x: number, d = 1) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function main(): Promise<void> {
  await cryptoReady();
  // only the document strings stay alive: a heap of millions of small objects would make every
  // garbage collection during the build slow and distort the measurement
  const { docs, words } = syntheticCorpus();

  // build, best of BUILD_RUNS (the machine may be shared: the fastest run is the least disturbed)
  const timedBuild = () => {
    const t0 = performance.now();
    const corpus = buildCorpus(docs);
    const t1 = performance.now();
    const index = indexCorpus(corpus);
    const t2 = performance.now();
    return { corpus, index, tokenize: (t1 - t0) / 1000, sais: (t2 - t1) / 1000 };
  };
  let best = timedBuild();
  for (let run = 1; run < BUILD_RUNS; run++) {
    const b = timedBuild();
    if (b.tokenize + b.sais < best.tokenize + best.sais) best = b;
  }
  const { corpus, index: built } = best;
  docs.length = 0;
  const n = corpus.tokens.length;
  const buildRate = n / (best.tokenize + best.sais);
  const saRate = n / best.sais;

  // save / load
  const dir = mkdtempSync(join(tmpdir(), 'slm-bench-'));
  let fileBytes: number, loadMs: number, index;
  try {
    const file = join(dir, 'bench.idx');
    fileBytes = saveIndex(built, file);
    const t3 = performance.now();
    index = loadIndex(file);
    loadMs = performance.now() - t3;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const c = index.corpus;
  const docWords = (d: number): string[] => Array.from(c.tokens.subarray(c.docStarts[d], c.docStarts[d + 1] - 1), (id) => c.vocab[id]);
  const docCount = c.docIds.length;
  const arrays = c.tokens.byteLength + index.sa.byteLength;
  const vocabBytes = c.vocab.reduce((s, w) => s + 2 * w.length + 16, 0);
  const everything = arrays + c.docStarts.byteLength + c.counts.byteLength + c.docIds.byteLength + c.docHashes.byteLength + vocabBytes;

  // outputs: spliced copies with edits, SLM generations, novel text
  const r = rng(7);
  const zipf = zipfSampler(r, VOCAB);
  const outputs: string[] = [];
  for (let i = 0; i < OUTPUTS; i++) {
    const kind = i % 4;
    let w: string[] = [];
    if (kind <= 1) {
      const parts = 2 + (i % 2);
      for (let p = 0; p < parts; p++) {
        const d = docWords(Math.floor(r() * docCount));
        const len = Math.ceil(OUTPUT_TOKENS / parts);
        const at = Math.floor(r() * Math.max(1, d.length - len));
        w.push(...d.slice(at, at + len));
      }
      w = w.slice(0, OUTPUT_TOKENS).map((x) => (r() < 0.1 ? words[zipf()] : x));
    } else if (kind === 2) {
      w = generate(index, { prompt: docWords(i % docCount).slice(0, 8).join(' '), seed: BigInt(i), maxTokens: OUTPUT_TOKENS }).tokens;
      while (w.length < OUTPUT_TOKENS) w.push(words[zipf()]);
    } else {
      w = Array.from({ length: OUTPUT_TOKENS }, () => words[zipf()]);
    }
    outputs.push(w.join(' '));
  }

  // attribution latency (one warm-up), and save/load must not change results
  let wrong = '';
  if (!equalBytes(attribute(built, outputs[0]).resultHash, attribute(index, outputs[0]).resultHash)) wrong = 'result changed after save/load';
  const lat: number[] = [];
  let spans = 0, entries = 0, fallbacks = 0;
  const bar = progress('attribute', outputs.length);
  for (const o of outputs) {
    const s = performance.now();
    const a = attribute(index, o);
    lat.push(performance.now() - s);
    spans += a.spans.length;
    entries += a.entries.length;
    if (a.entries.length === 0) fallbacks++;
    bar.increment();
  }
  bar.stop();

  // generation
  let genTokens = 0;
  const g0 = performance.now();
  for (let i = 0; i < 10; i++) {
    const prompt = docWords((i * 7919) % docCount).slice(0, 5).join(' ');
    let g = generate(index, { prompt, seed: BigInt(1000 + i), maxTokens: OUTPUT_TOKENS });
    genTokens += g.tokensOut;
    // a generation that reaches a document end continues from its last words
    let more = 0;
    while (g.tokensOut < OUTPUT_TOKENS && more < 20 && genTokens < (i + 1) * OUTPUT_TOKENS) {
      g = generate(index, { prompt: g.tokens.slice(-3).join(' '), seed: BigInt(more++), maxTokens: OUTPUT_TOKENS - g.tokensOut });
      genTokens += g.tokensOut;
    }
  }
  const genRate = genTokens / ((performance.now() - g0) / 1000);

  // baseline: naive sort vs SA-IS on the same prefix
  const m = Math.min(BASELINE_TOKENS, n);
  const prefix = Int32Array.from(corpus.tokens.subarray(0, m));
  prefix[m - 1] = 0;
  let b0 = performance.now();
  const naive = naiveSuffixArray(prefix);
  const naiveMs = performance.now() - b0;
  b0 = performance.now();
  const fast = buildSuffixArray(prefix, corpus.vocab.length);
  const saisMs = performance.now() - b0;
  if (!naive.every((v, i) => v === fast[i])) wrong = 'SA-IS differs from the naive suffix array';
  // near-duplicate contributions: one 1,000-token passage 10 times, where comparison sorting degrades
  const rep = new Int32Array(REPEAT_PASSAGE * REPEATS + 1);
  for (let i = 0; i < rep.length - 1; i++) rep[i] = corpus.tokens[i % REPEAT_PASSAGE];
  b0 = performance.now();
  const naiveRep = naiveSuffixArray(rep);
  const naiveRepMs = performance.now() - b0;
  b0 = performance.now();
  const fastRep = buildSuffixArray(rep, corpus.vocab.length);
  const saisRepMs = performance.now() - b0;
  if (!naiveRep.every((v, i) => v === fastRep[i])) wrong = 'SA-IS differs from the naive suffix array (repetitive sample)';

  const res = {
    tokens: n, documents: c.docIds.length, vocabulary: c.vocab.length - 2,
    build_tokens_per_s: Math.round(buildRate), build_runs: BUILD_RUNS, tokenize_s: best.tokenize, sais_s: best.sais, sais_tokens_per_s: Math.round(saRate),
    index_bytes_per_token: arrays / n, loaded_bytes_per_token: everything / n, file_bytes_per_token: fileBytes / n, load_ms: loadMs,
    attribution_p50_ms: pct(lat, 50), attribution_p95_ms: pct(lat, 95), attribution_max_ms: Math.max(...lat),
    outputs: outputs.length, mean_spans: spans / outputs.length, mean_entries: entries / outputs.length, fallbacks,
    generation_tokens_per_s: Math.round(genRate),
    baseline_tokens: m, naive_sort_ms: naiveMs, sais_sample_ms: saisMs, sais_speedup_vs_naive: naiveMs / saisMs,
    repetitive_tokens: rep.length, naive_repetitive_ms: naiveRepMs, sais_repetitive_ms: saisRepMs, sais_speedup_repetitive: naiveRepMs / saisRepMs,
  };
  const ok = (b: boolean) => (b ? 'ok' : 'MISSED');
  console.log(`corpus          ${fmt(n, 0)} tokens, ${fmt(res.documents, 0)} documents, vocabulary ${fmt(res.vocabulary, 0)}`);
  console.log(`build           ${fmt(buildRate / 1e6, 2)} M tokens/s, best of ${BUILD_RUNS} (tokenize ${fmt(res.tokenize_s, 2)} s, SA-IS ${fmt(res.sais_s, 2)} s = ${fmt(saRate / 1e6, 2)} M/s)   target ≥ 1 M/s: ${ok(buildRate >= 1e6)}`);
  console.log(`memory          ${fmt(res.index_bytes_per_token, 2)} B/token index arrays (target ≤ 8: ${ok(res.index_bytes_per_token <= 8)}), ${fmt(res.loaded_bytes_per_token, 2)} B/token all loaded, file ${fmt(res.file_bytes_per_token, 2)} B/token, load ${fmt(loadMs, 0)} ms`);
  console.log(`attribution     p50 ${fmt(res.attribution_p50_ms, 2)} ms, p95 ${fmt(res.attribution_p95_ms, 2)} ms, max ${fmt(res.attribution_max_ms, 2)} ms over ${outputs.length} outputs of ${OUTPUT_TOKENS} tokens   target p50 ≤ 50 ms: ${ok(res.attribution_p50_ms <= 50)}`);
  console.log(`                mean ${fmt(res.mean_spans, 1)} evidence spans, ${fmt(res.mean_entries, 1)} entries, ${fallbacks} full fallbacks`);
  console.log(`generation      ${fmt(genRate, 0)} tokens/s   target ≥ 200: ${ok(genRate >= 200)}`);
  console.log(`baseline        naive sort SA on a ${fmt(m, 0)}-token prefix ${fmt(naiveMs, 0)} ms vs SA-IS ${fmt(saisMs, 1)} ms: ratio ${fmt(res.sais_speedup_vs_naive, 2)}`);
  console.log(`                repetitive ${fmt(rep.length, 0)} tokens (a passage 10×): naive ${fmt(naiveRepMs, 0)} ms vs SA-IS ${fmt(saisRepMs, 1)} ms: ${fmt(res.sais_speedup_repetitive, 0)}× faster`);
  console.log(`BENCH ${JSON.stringify(res)}`);
  if (wrong !== '') {
    console.error(`FAILED: ${wrong}`);
    process.exitCode = 1;
  }
}

await main();
