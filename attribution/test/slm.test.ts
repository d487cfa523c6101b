import { beforeAll, describe, expect, it } from 'vitest';
import { cryptoReady } from '@slmnet/runtime-spec';
import { MAX_GENERATE_TOKENS, SeededRng, buildIndex, generate, seedBytes } from '../src/index.ts';
import { DOCS } from './helpers.ts';

beforeAll(async () => { await cryptoReady(); });

describe('infini-gram-v1', () => {
  const index = buildIndex(DOCS);

  it('is deterministic for the same seed', () => {
    const a = generate(index, { prompt: 'bakers', seed: 42n, maxTokens: 40 });
    expect(generate(index, { prompt: 'bakers', seed: '42', maxTokens: 40 })).toEqual(a);
    expect(generate(index, { prompt: 'bakers', seed: 42, maxTokens: 40 })).toEqual(a);
    expect(a.tokensIn).toBe(1);
    expect(a.tokensOut).toBe(a.tokens.length);
  });

  it('continues the longest matching context exactly as in the corpus', () => {
    // "glands under" occurs once, so the continuation is forced until the document ends
    const g = generate(index, { prompt: 'from Glands under', seed: 1n, maxTokens: 100 });
    expect(g.text).toBe('their abdomen and store nectar in hexagonal cells.');
    expect(g.stopReason).toBe('end-of-document');
  });

  it('samples differently for different seeds and stays in the corpus vocabulary', () => {
    const texts = new Set<string>();
    for (let s = 0; s < 20; s++) {
      const g = generate(index, { prompt: '', seed: BigInt(s), maxTokens: 12 });
      texts.add(g.text);
      for (const t of g.tokens) expect(index.tokenId(t)).toBeGreaterThan(1);
    }
    expect(texts.size).toBeGreaterThan(5);
  });

  it('backs off past prompt words the corpus has never seen', () => {
    const g = generate(index, { prompt: 'Zebra quux worker BEES', seed: 5n, maxTokens: 3 });
    expect(g.tokensIn).toBe(4);
    expect(g.tokens).toEqual(['build', 'wax', 'comb']);
  });

  it('honours max tokens and stop sequences', () => {
    const g = generate(index, { prompt: 'worker bees', seed: 3n, maxTokens: 2 });
    expect(g.tokensOut).toBe(2);
    expect(g.stopReason).toBe('max-tokens');
    const s = generate(index, { prompt: 'a sourdough', seed: 3n, maxTokens: 50, stop: ['wild yeast'] });
    expect(s).toMatchObject({ text: 'starter ferments flour and water with', stopReason: 'stop-sequence' });
  });

  it('refuses bad parameters', () => {
    expect(() => generate(index, { prompt: 'x', seed: 1n, maxTokens: 0 })).toThrow(/maxTokens/);
    expect(() => generate(index, { prompt: 'x', seed: 1n, maxTokens: MAX_GENERATE_TOKENS + 1 })).toThrow(/maxTokens/);
    expect(() => generate(index, { prompt: 'x'.repeat(70_000), seed: 1n })).toThrow(/prompt is/);
    expect(() => generate(index, { prompt: Uint8Array.of(0xff), seed: 1n })).toThrow(/prompt is not valid UTF-8/);
    expect(() => generate(index, { prompt: 'x', seed: -1n })).toThrow(/u64/);
  });
});

describe('seeded PRNG', () => {
  it('derives seeds canonically and draws without bias', () => {
    expect(seedBytes(7n)).toEqual(Uint8Array.of(7, 0, 0, 0, 0, 0, 0, 0));
    expect(seedBytes('7')).toEqual(seedBytes(7));
    expect(seedBytes('abc')[0]).toBe(0xff);
    const r = new SeededRng(99n), q = new SeededRng('99');
    const xs = Array.from({ length: 50 }, () => r.below(10));
    expect(Array.from({ length: 50 }, () => q.below(10))).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 10)).toBe(true);
    expect(() => r.below(0)).toThrow(RangeError);
  });
});
