import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AttributionResult, EMPTY_ROOT, MAX_ATTRIBUTION_ENTRIES, PPM, cryptoReady, evidenceRoot, paramsHash, toHex,
} from '@slmnet/runtime-spec';
import {
  InputError, MAX_DOCUMENT_BYTES, MAX_OUTPUT_BYTES, MAX_OUTPUT_TOKENS, TOKENIZER_VERSION, attribute, buildIndex,
  loadIndex, log2Q32, rarityQ32, saveIndex, verify,
} from '../src/index.ts';
import { COPIED, DOCS, UNRELATED } from './helpers.ts';

beforeAll(async () => { await cryptoReady(); });

describe('fixed-point rarity', () => {
  it('log2 in Q32 matches high-precision values', () => {
    expect(log2Q32(1)).toBe(0n);
    expect(log2Q32(1024)).toBe(10n << 32n);
    expect(log2Q32(2 ** 52)).toBe(52n << 32n);
    expect(() => log2Q32(0)).toThrow(RangeError);
    // floor(log2(x) · 2^32) computed with 50-digit decimals
    expect(log2Q32(3)).toBe(6807362105n);
    expect(log2Q32(10)).toBe(14267572527n);
    expect(log2Q32(1_000_000)).toBe(85605435163n);
    expect(rarityQ32(5, 5)).toBe(0n);
    expect(rarityQ32(1, 8)).toBe(3n << 32n);
  });

  it('log2 is monotone', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2 ** 40 }), (x) => log2Q32(x) <= log2Q32(x + 1)));
  });
});

describe('attribution v1', () => {
  const index = () => buildIndex(DOCS);

  it('puts a copied passage on its source with the documented params hash', () => {
    const a = attribute(index(), COPIED);
    expect(a.result.algorithm).toBe(1);
    expect(toHex(a.result.params_hash)).toBe(toHex(paramsHash({ tokenizer: TOKENIZER_VERSION, min_span: 4, density_ppm: 50_000, max_entries: 32 })));
    expect(a.result.entries).toEqual([{ contribution: 11n, weight_ppm: PPM }]);
    expect(a.spans.map((s) => [s.output_offset, s.length, s.contributions])).toEqual([[5, 13, [11n]]]);
    expect(toHex(a.evidenceRoot)).toBe(toHex(evidenceRoot([{ output_offset: 5, length: 13, contributions: [11n] }])));
    expect(toHex(a.encoded)).toBe(toHex(AttributionResult.codec.enc(a.result)));
  });

  it('shares a span among every document containing it', () => {
    // "worker bees build wax comb" is in 11 and 15; "bakers feed it every morning" in 4 and 8
    const a = attribute(index(), 'bakers feed it every morning');
    expect(a.spans[0].contributions).toEqual([4n, 8n]);
    expect(a.result.entries).toEqual([{ contribution: 4n, weight_ppm: 500_000 }, { contribution: 8n, weight_ppm: 500_000 }]);
  });

  it('unrelated text and matches shorter than minSpan give the full fallback', () => {
    for (const out of [UNRELATED, 'worker bees build', 'the']) {
      const a = attribute(index(), out);
      expect(a.result.entries).toEqual([]);
      expect(a.result.evidence_root).toEqual(EMPTY_ROOT);
    }
  });

  it('is identical across runs, insertion orders and save/load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slm-attr-'));
    try {
      const out = COPIED + ' Then bakers feed it every morning and glaciers grind bedrock into fine flour.';
      const first = toHex(attribute(index(), out).resultHash);
      expect(toHex(attribute(index(), out).resultHash)).toBe(first);
      expect(toHex(attribute(buildIndex([...DOCS].reverse()), out).resultHash)).toBe(first);
      const file = join(dir, 'i.idx');
      saveIndex(index(), file);
      expect(toHex(attribute(loadIndex(file), out).resultHash)).toBe(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('weights sum to 1,000,000 (≤ 32 entries) or entries are empty', () => {
    const vocab = ['ant', 'bee', 'cat', 'dog', 'eel', 'fox'];
    const doc = fc.array(fc.constantFrom(...vocab), { minLength: 1, maxLength: 30 }).map((w) => w.join(' '));
    fc.assert(fc.property(fc.array(doc, { minLength: 1, maxLength: 12 }), fc.array(fc.constantFrom(...vocab, 'yak'), { minLength: 1, maxLength: 60 }), (docs, out) => {
      const a = attribute(buildIndex(docs.map((content, i) => ({ id: i * 3, content }))), out.join(' '));
      const sum = a.result.entries.reduce((s, e) => s + e.weight_ppm, 0);
      if (a.result.entries.length > 0) expect(sum).toBe(PPM);
      const w = a.result.entries.map((e) => e.weight_ppm);
      expect(w).toEqual([...w].sort((x, y) => y - x));
      expect(w.every((x) => x > 0)).toBe(true);
      expect(a.spans.every((s) => s.length >= 4)).toBe(true);
    }), { numRuns: 150 });
  });

  it('keeps the top 32 entries and leaves the dropped weight to the fallback', () => {
    // 40 documents, each with a unique 4-token phrase; one output span per document
    const docs = Array.from({ length: 40 }, (_, i) => ({ id: i, content: `w${i} x${i} y${i} z${i}` }));
    const out = docs.map((d) => d.content).join(' , ');
    const a = attribute(buildIndex(docs), out, { densityPpm: PPM });
    expect(a.spans.length).toBe(40);
    expect(a.result.entries.length).toBe(MAX_ATTRIBUTION_ENTRIES);
    const sum = a.result.entries.reduce((s, e) => s + e.weight_ppm, 0);
    expect(sum).toBe(32 * 25_000);
    // equal weights: ties by contribution id ascending
    expect(a.result.entries.map((e) => e.contribution)).toEqual(Array.from({ length: 32 }, (_, i) => BigInt(i)));
  });

  it('handles long verbatim and repetitive outputs (matching cost stays near-linear)', () => {
    const run = Array(8192).fill('la').join(' ');
    const a = attribute(buildIndex([{ id: 1, content: run }, { id: 2, content: 'la la la la x' }]), run);
    // one maximal span over the whole output, only in contribution 1
    expect(a.spans.map((s) => [s.output_offset, s.length, s.contributions])).toEqual([[0, 8192, [1n]]]);
    expect(a.result.entries).toEqual([{ contribution: 1n, weight_ppm: PPM }]);
    // a corpus of one repeated word: p = 1, rarity 0 everywhere → no weight, full fallback
    const flat = attribute(buildIndex([{ id: 1, content: run }]), run);
    expect(flat.spans.length).toBe(1);
    expect(flat.result.entries).toEqual([]);
  });

  it('largest remainder breaks ties by contribution id', () => {
    const docs = [0, 1, 2].map((i) => ({ id: 100 - i, content: `p${i} q${i} r${i} s${i}` }));
    const a = attribute(buildIndex(docs), docs.map((d) => d.content).join(' . '), { densityPpm: PPM });
    // three equal scores: 333,333 each and the one residual ppm to the lowest id (98)
    expect(a.result.entries).toEqual([
      { contribution: 98n, weight_ppm: 333_334 }, { contribution: 99n, weight_ppm: 333_333 }, { contribution: 100n, weight_ppm: 333_333 },
    ]);
  });
});

describe('verify', () => {
  it('accepts a correct result and rejects tampered ones', () => {
    const index = buildIndex(DOCS);
    const a = attribute(index, COPIED);
    expect(verify(a.result, index, COPIED).ok).toBe(true);
    expect(verify(a.encoded, DOCS, new TextEncoder().encode(COPIED)).ok).toBe(true);
    const shifted = { ...a.result, entries: [{ contribution: 11n, weight_ppm: PPM - 1 }] };
    expect(verify(shifted, index, COPIED)).toMatchObject({ ok: false, reason: expect.stringMatching(/entry 0/) });
    const other = { ...a.result, entries: [{ contribution: 15n, weight_ppm: PPM }] };
    expect(verify(other, index, COPIED).ok).toBe(false);
    const root = { ...a.result, evidence_root: new Uint8Array(32) };
    expect(verify(root, index, COPIED).reason).toMatch(/evidence root/);
    const bytes = a.encoded.slice();
    bytes[0] ^= 1;
    expect(verify(bytes, index, COPIED).ok).toBe(false);
    expect(verify(Uint8Array.of(1, 2, 3), index, COPIED).reason).toMatch(/SCALE/);
    expect(verify(a.result, index, COPIED + ' and glaciers grind bedrock into fine flour').ok).toBe(false);
  });
});

describe('bad input', () => {
  it('refuses an empty corpus', () => {
    expect(() => buildIndex([])).toThrow(/empty corpus/);
    expect(() => buildIndex([{ id: 1, content: '  \n ' }])).toThrow(/no tokens/);
  });

  it('refuses duplicate or invalid contribution ids', () => {
    expect(() => buildIndex([{ id: 1, content: 'a' }, { id: 1n, content: 'b' }])).toThrow(/duplicate contribution id 1/);
    expect(() => buildIndex([{ id: -1, content: 'a' }])).toThrow(/u64/);
    expect(() => buildIndex([{ id: 1n << 64n, content: 'a' }])).toThrow(/u64/);
  });

  it('refuses binary and invalid UTF-8 documents and outputs', () => {
    expect(() => buildIndex([{ id: 1, content: Uint8Array.of(0x61, 0xff, 0x62) }])).toThrow(/contribution 1 is not valid UTF-8/);
    expect(() => buildIndex([{ id: 2, content: Uint8Array.of(0x61, 0, 0x62) }])).toThrow(/contribution 2 looks binary: control byte 0x00 at offset 1/);
    const index = buildIndex(DOCS);
    expect(() => attribute(index, Uint8Array.of(0xc3, 0x28))).toThrow(InputError);
    expect(() => attribute(index, Uint8Array.of(0x7f))).toThrow(/looks binary/);
    // the same rules when the text arrives as a string
    expect(() => attribute(index, 'bees\u0000')).toThrow(/output looks binary/);
    expect(() => attribute(index, 'bees \udfff')).toThrow(/unpaired surrogate/);
    expect(() => buildIndex([{ id: 4, content: 'x\u0007' }])).toThrow(/contribution 4 looks binary/);
  });

  it('refuses an empty output and outputs over the limits', () => {
    const index = buildIndex(DOCS);
    expect(() => attribute(index, '')).toThrow(/empty output/);
    expect(() => attribute(index, ' \n\t')).toThrow(/empty output/);
    expect(() => attribute(index, 'a'.repeat(MAX_OUTPUT_BYTES + 1))).toThrow(/over the limit/);
    expect(() => attribute(index, 'a '.repeat(MAX_OUTPUT_TOKENS + 1))).toThrow(/tokens, over the limit/);
    expect(() => attribute(index, COPIED, { maxEntries: 33 })).toThrow(/maxEntries/);
    expect(() => attribute(index, COPIED, { densityPpm: 0 })).toThrow(/densityPpm/);
  });

  it('refuses documents over the size limit', () => {
    expect(() => buildIndex([{ id: 1, content: new Uint8Array(MAX_DOCUMENT_BYTES + 1) }])).toThrow(/over the limit/);
  });

  it('saves and loads every array of the index unchanged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slm-attr-'));
    try {
      const a = buildIndex(DOCS);
      saveIndex(a, join(dir, 'i.idx'));
      const b = loadIndex(join(dir, 'i.idx'));
      expect(b.sa).toEqual(a.sa);
      expect(b.corpus).toEqual(a.corpus);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses missing, foreign and corrupt index files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slm-attr-'));
    try {
      expect(() => loadIndex(join(dir, 'missing.idx'))).toThrow(/cannot read index/);
      writeFileSync(join(dir, 'text.idx'), 'hello');
      expect(() => loadIndex(join(dir, 'text.idx'))).toThrow(/bad magic/);
      const file = join(dir, 'i.idx');
      const size = saveIndex(buildIndex(DOCS), file);
      const bytes = new Uint8Array(readFileSync(file));
      writeFileSync(file, bytes.subarray(0, size - 8));
      expect(() => loadIndex(file)).toThrow(/size/);
      const corrupt = bytes.slice();
      corrupt[64 + 4 * 3] = 0xff; // a token id far outside the vocabulary
      corrupt[64 + 4 * 3 + 1] = 0xff;
      writeFileSync(file, corrupt);
      expect(() => loadIndex(file)).toThrow(/not a valid index file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
