// The CLI as a user runs it: child processes on a temporary directory; the many bad-input
// cases call main() in-process to keep the suite fast.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cryptoReady, toHex } from '@slmnet/runtime-spec';
import { main } from '../src/cli.ts';
import { MAX_OUTPUT_BYTES, attribute, buildIndex } from '../src/index.ts';
import { COPIED, DOCS } from './helpers.ts';

const BIN = resolve(import.meta.dirname, '../bin/slmnet-attribution.js');

interface Run { code: number | null; out: string; err: string }

/** Runs the CLI (each run spends ~1 s loading modules). */
function run(...args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [BIN, ...args], { timeout: 30_000 });
    let out = '', err = '';
    p.stdout.on('data', (d: Buffer) => { out += d.toString('utf8'); });
    p.stderr.on('data', (d: Buffer) => { err += d.toString('utf8'); });
    p.on('error', fail);
    p.on('close', (code) => done({ code, out, err }));
  });
}

/** main() in this process with stdout/stderr captured: the bad-input cases without ~1 s of module loading each. */
async function runInProcess(args: string[]): Promise<Run> {
  let out = '', err = '';
  const write = (sink: 'out' | 'err') => ((chunk: string | Uint8Array) => {
    const s = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (sink === 'out') out += s; else err += s;
    return true;
  }) as typeof process.stdout.write;
  const saved = { out: process.stdout.write, err: process.stderr.write, code: process.exitCode };
  process.stdout.write = write('out');
  process.stderr.write = write('err');
  try {
    await main(args);
    return { code: Number(process.exitCode ?? 0), out, err };
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    process.exitCode = saved.code;
  }
}

/** Independent runs, two at a time (a 2-core machine). */
async function runAll(...commands: string[][]): Promise<Run[]> {
  const results: Run[] = [];
  let next = 0;
  const worker = async () => {
    while (next < commands.length) {
      const i = next++;
      results[i] = await run(...commands[i]);
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

describe('slmnet-attribution CLI', () => {
  let dir: string;
  let idx: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'slm-cli-'));
    mkdirSync(join(dir, 'docs'));
    for (const d of DOCS) writeFileSync(join(dir, 'docs', `${d.id}-doc.txt`), d.content as string);
    writeFileSync(join(dir, 'out.txt'), COPIED);
    idx = join(dir, 'corpus.idx');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('indexes, generates, attributes and verifies (child processes), with help and bad flags', async () => {
    const [i, h, bad] = await runAll(['index', join(dir, 'docs'), '--out', idx], ['--help'], ['attribute', '--bogus']);
    expect(i.err).not.toMatch(/error/);
    expect(i.code).toBe(0);
    expect(i.out).toMatch(/indexed 5 documents, \d+ tokens/);
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/Commands:[\s\S]*index[\s\S]*generate[\s\S]*attribute[\s\S]*verify/);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/unknown option '--bogus'|required option/);

    const [j, g] = await runAll(
      ['attribute', '-i', idx, '-f', join(dir, 'out.txt'), '--json'],
      ['generate', '--index', idx, '--prompt', 'from glands under', '--seed', '7', '--json'],
    );
    expect(j.code).toBe(0);
    const parsed = JSON.parse(j.out);
    expect(parsed.entries).toEqual([{ contribution: '11', weight_ppm: 1_000_000, score: expect.any(String) }]);
    // the CLI, reading files, agrees bit for bit with the library on the same documents
    await cryptoReady();
    expect(parsed.resultHash).toBe(toHex(attribute(buildIndex(DOCS), COPIED).resultHash));
    expect(g.code).toBe(0);
    expect(JSON.parse(g.out)).toMatchObject({ text: 'their abdomen and store nectar in hexagonal cells.', tokensIn: 3, stopReason: 'end-of-document' });

    writeFileSync(join(dir, 'result.json'), j.out);
    // forged: another contribution gets the weight (entry bytes: id 11 → 15)
    writeFileSync(join(dir, 'forged.hex'), parsed.encoded.replace(/040b00000000000000/, '040f00000000000000'));
    const [v, f] = await runAll(
      ['verify', '-i', idx, '-f', join(dir, 'out.txt'), '-r', join(dir, 'result.json')],
      ['verify', '-i', idx, '-f', join(dir, 'out.txt'), '-r', join(dir, 'forged.hex')],
    );
    expect(v.code).toBe(0);
    expect(v.out).toContain(`OK: result ${parsed.resultHash}`);
    expect(f.code).toBe(1);
    expect(f.out).toMatch(/MISMATCH: entry 0: \(15, 1000000 ppm\)/);
  });

  it('prints the attribution table with highlighted spans', async () => {
    const a = await runInProcess(['attribute', '--index', idx, '--output-file', join(dir, 'out.txt')]);
    expect(a.code).toBe(0);
    expect(a.out).toMatch(/^ {2}11 +1000000 +100\.00/m);
    expect(a.out).toContain('[[worker bees build wax comb from glands under their abdomen and store nectar]]');
    expect(a.out).toMatch(/result hash +0x[0-9a-f]{64}/);
    const u = await runInProcess(['frobnicate']);
    expect(u.code).toBe(1);
    expect(u.err).toContain("unknown command 'frobnicate'");
  });

  it('rejects bad input with one clear line and exit code 1', async () => {
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'huge.txt'), 'a'.repeat(MAX_OUTPUT_BYTES + 1));
    mkdirSync(join(dir, 'nothing'));
    mkdirSync(join(dir, 'unnamed'));
    writeFileSync(join(dir, 'unnamed', 'notes.txt'), 'no id');
    mkdirSync(join(dir, 'bad-doc'));
    writeFileSync(join(dir, 'bad-doc', '3.txt'), Buffer.from([0x61, 0xc3, 0x28]));
    const cases: [string[], string | RegExp][] = [
      [['attribute', '-i', idx, '-f', join(dir, 'binary.txt')], /^slmnet-attribution: output looks binary/],
      [['attribute', '-i', idx, '-f', join(dir, 'empty.txt')], 'empty output'],
      [['attribute', '-i', idx, '-f', join(dir, 'huge.txt')], /is 1048577 bytes, over the limit of 1048576/],
      [['attribute', '-i', join(dir, 'out.txt'), '-f', join(dir, 'out.txt')], 'is not a valid index file'],
      [['attribute', '-i', join(dir, 'missing.idx'), '-f', join(dir, 'out.txt')], 'cannot read index'],
      [['index', join(dir, 'nothing'), '-o', join(dir, 'x.idx')], 'empty corpus'],
      [['index', join(dir, 'unnamed'), '-o', join(dir, 'x.idx')], 'cannot take a contribution id'],
      [['index', join(dir, 'bad-doc'), '-o', join(dir, 'x.idx')], 'contribution 3 is not valid UTF-8'],
      [['index', join(dir, 'docs'), '-o', join(dir, 'no-such-dir', 'x.idx')], 'cannot write'],
      [['generate', '-i', idx, '-p', 'x', '-s', '1', '-n', 'lots'], '--max-tokens must be a positive integer'],
      [['verify', '-i', idx, '-f', join(dir, 'out.txt'), '-r', join(dir, 'empty.txt')], 'is empty'],
      [['verify', '-i', idx, '-f', join(dir, 'out.txt'), '-r', join(dir, 'docs', '4-doc.txt')], 'holds neither JSON nor hex'],
    ];
    for (const [args, message] of cases) {
      const r = await runInProcess(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err.split('\n').filter((l) => l.startsWith('slmnet-attribution: '))).toHaveLength(1);
      expect(r.err).not.toContain('internal error');
      if (typeof message === 'string') expect(r.err).toContain(message); else expect(r.err).toMatch(message);
    }
  });
});
