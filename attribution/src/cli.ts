// slmnet-attribution: build an index, generate with the reference SLM, attribute an output,
// verify a claimed result. Bad input ends with a one-line message and exit code 1.
import { readFileSync, statSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import { Command, CommanderError } from 'commander';
import { cryptoReady, fromHex, toHex } from '@slmnet/runtime-spec';
import { attribute, type Attribution } from './attribute.ts';
import { indexCorpus } from './corpus-index.ts';
import { readCorpusFiles } from './corpus-files.ts';
import { buildCorpus } from './corpus.ts';
import { loadIndex, saveIndex } from './index-file.ts';
import { InputError, MAX_OUTPUT_BYTES } from './limits.ts';
import { DEFAULT_MAX_TOKENS, generate } from './slm.ts';
import { verify } from './verify.ts';

function readLimited(path: string, limit: number, what: string): Uint8Array {
  let st;
  try { st = statSync(path); } catch { throw new InputError(`cannot read ${what} ${path}`); }
  if (!st.isFile()) throw new InputError(`${what} ${path} is not a file`);
  if (st.size > limit) throw new InputError(`${what} ${path} is ${st.size} bytes, over the limit of ${limit}`);
  return readFileSync(path);
}

function progressBar(label: string): SingleBar {
  return new SingleBar({ stream: process.stderr, format: `${label} [{bar}] {percentage}% {value}/{total}`, hideCursor: true });
}

const say = (s: string) => process.stdout.write(s + '\n');
const note = (s: string) => process.stderr.write(s + '\n');

function cmdIndex(inputs: string[], o: { out: string }): void {
  const docs = readCorpusFiles(inputs);
  const t0 = performance.now();
  const bar = progressBar('tokenize');
  bar.start(docs.length, 0);
  let corpus;
  try {
    corpus = buildCorpus(docs, (done) => { if (done % 64 === 0 || done === docs.length) bar.update(done); });
  } finally {
    bar.stop();
  }
  note('building suffix array…');
  const index = indexCorpus(corpus);
  let bytes: number;
  try {
    bytes = saveIndex(index, o.out);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`cannot write ${o.out}: ${(e as Error).message}`);
  }
  const s = (performance.now() - t0) / 1000;
  say(`indexed ${corpus.docIds.length} documents, ${corpus.wordTokens} tokens, vocabulary ${corpus.vocab.length - 2}`);
  say(`wrote ${o.out} (${bytes} bytes, ${(bytes / corpus.tokens.length).toFixed(2)} B/token) in ${s.toFixed(2)} s`);
}

function cmdGenerate(o: { index: string; prompt: string; seed: string; maxTokens: string; stop?: string[]; json?: boolean }): void {
  const maxTokens = parseInteger(o.maxTokens, '--max-tokens');
  const index = loadIndex(o.index);
  const g = generate(index, { prompt: o.prompt, seed: o.seed, maxTokens, stop: o.stop });
  if (o.json) say(JSON.stringify(g));
  else {
    say(g.text);
    note(`tokens in ${g.tokensIn}, out ${g.tokensOut}, stop: ${g.stopReason}`);
  }
}

function parseInteger(v: string, flag: string): number {
  if (!/^[0-9]{1,9}$/.test(v)) throw new InputError(`${flag} must be a positive integer, got "${v}"`);
  return Number(v);
}

function attributionJson(a: Attribution): string {
  return JSON.stringify({
    algorithm: a.result.algorithm,
    resultHash: toHex(a.resultHash),
    paramsHash: toHex(a.paramsHash),
    evidenceRoot: toHex(a.evidenceRoot),
    encoded: toHex(a.encoded),
    outputTokens: a.outputTokens,
    entries: a.entries.map((e) => ({ contribution: e.contribution.toString(), weight_ppm: e.weight_ppm, score: e.score.toString() })),
    spans: a.spans.map((s) => ({
      output_offset: s.output_offset, length: s.length, contributions: s.contributions.map(String),
      score: s.score.toString(), text: a.outputText.slice(s.start, s.end),
    })),
  }, null, 2);
}

function highlighted(a: Attribution, tty: boolean): string {
  const ranges = a.spans.map((s) => [s.start, s.end]).sort((x, y) => x[0] - y[0]);
  const merged: number[][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    // overlapping spans are merged; adjacent ones stay apart so each span stays visible
    if (last !== undefined && r[0] < last[1]) last[1] = Math.max(last[1], r[1]); else merged.push([...r]);
  }
  const [on, off] = tty ? ['\x1b[1;33m', '\x1b[0m'] : ['[[', ']]'];
  let s = '', at = 0;
  for (const [b, e] of merged) { s += a.outputText.slice(at, b) + on + a.outputText.slice(b, e) + off; at = e; }
  return s + a.outputText.slice(at);
}

function cmdAttribute(o: { index: string; outputFile: string; json?: boolean }): void {
  const output = readLimited(o.outputFile, MAX_OUTPUT_BYTES, 'output file');
  const a = attribute(loadIndex(o.index), output);
  if (o.json) { say(attributionJson(a)); return; }
  say(`output: ${a.outputTokens} tokens, ${a.candidateSpans} maximal spans, ${a.spans.length} kept as evidence`);
  if (a.entries.length === 0) say('no qualifying span: entries empty, the fee follows the fallback split');
  else {
    say('');
    say('  contribution          weight (ppm)       %   score (bits)');
    for (const e of a.entries) {
      say(`  ${e.contribution.toString().padEnd(20)} ${e.weight_ppm.toString().padStart(13)} ${(e.weight_ppm / 1e4).toFixed(2).padStart(7)}   ${(Number(e.score) / 2 ** 32).toFixed(1)}`);
    }
    const sum = a.entries.reduce((x, e) => x + e.weight_ppm, 0);
    if (sum < 1_000_000) say(`  (${1_000_000 - sum} ppm left to the fallback split)`);
  }
  if (a.spans.length > 0) {
    say('');
    say('  spans (offset+length → contributions):');
    for (const s of a.spans) {
      say(`  ${s.output_offset}+${s.length} → ${s.contributions.join(', ')}: "${a.outputText.slice(s.start, s.end)}"`);
    }
    say('');
    say(highlighted(a, process.stdout.isTTY === true));
  }
  say('');
  say(`result hash   ${toHex(a.resultHash)}`);
  say(`params hash   ${toHex(a.paramsHash)}`);
  say(`evidence root ${toHex(a.evidenceRoot)}`);
}

/** A claimed result: the JSON printed by `attribute --json`, or the SCALE encoding as hex. */
function readClaim(path: string): Uint8Array {
  const raw = Buffer.from(readLimited(path, 1024 * 1024, 'result file')).toString('utf8').trim();
  if (raw === '') throw new InputError(`result file ${path} is empty`);
  let hex = raw;
  if (raw.startsWith('{')) {
    let parsed: unknown;
    try { parsed = JSON.parse(raw); } catch { throw new InputError(`result file ${path} is not valid JSON`); }
    const enc = (parsed as { encoded?: unknown }).encoded;
    if (typeof enc !== 'string') throw new InputError(`result file ${path} has no "encoded" field`);
    hex = enc;
  }
  try { return fromHex(hex); } catch { throw new InputError(`result file ${path} holds neither JSON nor hex`); }
}

function cmdVerify(o: { index: string; outputFile: string; result: string }): void {
  const claim = readClaim(o.result);
  const output = readLimited(o.outputFile, MAX_OUTPUT_BYTES, 'output file');
  const v = verify(claim, loadIndex(o.index), output);
  if (v.ok) say(`OK: result ${toHex(v.expected.resultHash)} recomputed`);
  else {
    say(`MISMATCH: ${v.reason}`);
    say(`expected result hash ${toHex(v.expected.resultHash)}`);
    process.exitCode = 1;
  }
}

export function program(): Command {
  const p = new Command('slmnet-attribution')
    .description('SLMnet Proof of Attribution v1 and the infini-gram-v1 reference SLM')
    .exitOverride()
    .showHelpAfterError();
  p.command('index').description('build an index from contribution files named <id>.txt or <id>-<title>.<ext> (directories are walked)')
    .argument('<inputs...>', 'files or directories')
    .requiredOption('-o, --out <file>', 'index file to write')
    .action(cmdIndex);
  p.command('generate').description('generate text with the infini-gram-v1 model of an index')
    .requiredOption('-i, --index <file>', 'index file')
    .requiredOption('-p, --prompt <text>', 'prompt text (may be empty)')
    .requiredOption('-s, --seed <seed>', 'sampling seed: an inference id (u64) or any string')
    .option('-n, --max-tokens <n>', 'most tokens to generate', String(DEFAULT_MAX_TOKENS))
    .option('--stop <sequences...>', 'stop sequences')
    .option('--json', 'print JSON')
    .action(cmdGenerate);
  p.command('attribute').description('attribute a model output to contributions')
    .requiredOption('-i, --index <file>', 'index file')
    .requiredOption('-f, --output-file <file>', 'the model output (UTF-8 text)')
    .option('--json', 'print JSON (input for verify)')
    .action(cmdAttribute);
  p.command('verify').description('recompute an attribution and compare with a claimed result (exit 1 on mismatch)')
    .requiredOption('-i, --index <file>', 'index file')
    .requiredOption('-f, --output-file <file>', 'the model output (UTF-8 text)')
    .requiredOption('-r, --result <file>', 'claimed result: JSON from `attribute --json` or SCALE hex')
    .action(cmdVerify);
  return p;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await cryptoReady();
    await program().parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // commander already printed the message (or the help/version text)
      process.exitCode = e.exitCode;
    } else if (e instanceof InputError) {
      process.stderr.write(`slmnet-attribution: ${e.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`slmnet-attribution: internal error: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 70;
    }
  }
}
