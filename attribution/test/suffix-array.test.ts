import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex, buildSuffixArray } from '../src/index.ts';

function naiveSuffixArray(t: Int32Array): number[] {
  const n = t.length;
  return [...Array(n).keys()].sort((a, b) => {
    for (let i = a, j = b; i < n && j < n; i++, j++) if (t[i] !== t[j]) return t[i] - t[j];
    return b - a; // the shorter suffix (larger start) first
  });
}

/** Random texts over a small alphabet (many repeats, so recursion in SA-IS is exercised), ending in 0. */
const text = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.array(fc.nat(), { maxLength: 300 }))
  .map(([k, xs]) => Int32Array.from([...xs.map((x) => 1 + (x % k)), 0]));

describe('suffix array (SA-IS)', () => {
  it('equals a naive sort of all suffixes', () => {
    fc.assert(fc.property(text, (t) => {
      expect(Array.from(buildSuffixArray(t, 8))).toEqual(naiveSuffixArray(t));
    }), { numRuns: 400 });
  });

  it('handles the degenerate texts', () => {
    expect(Array.from(buildSuffixArray(Int32Array.of(0), 1))).toEqual([0]);
    expect(Array.from(buildSuffixArray(Int32Array.of(1, 1, 1, 1, 0), 2))).toEqual([4, 3, 2, 1, 0]);
    expect(() => buildSuffixArray(Int32Array.of(1, 2), 3)).toThrow(/sentinel/);
  });
});

const words = ['a', 'b', 'c', 'd'];
const docsArb = fc.array(fc.array(fc.constantFrom(...words), { maxLength: 40 }), { minLength: 1, maxLength: 8 })
  .filter((ds) => ds.some((d) => d.length > 0));

function naiveCount(docs: string[][], q: string[]): { count: number; docs: number[] } {
  let count = 0;
  const hit = new Set<number>();
  docs.forEach((d, di) => {
    for (let i = 0; i + q.length <= d.length; i++) {
      if (q.every((w, j) => d[i + j] === w)) { count++; hit.add(di); }
    }
  });
  return { count, docs: [...hit].sort((x, y) => x - y) };
}

describe('index queries', () => {
  it('count and locate equal a naive scan, never across document boundaries', () => {
    fc.assert(fc.property(docsArb, fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }), (docs, q) => {
      const index = buildIndex(docs.map((d, i) => ({ id: BigInt(10 + i), content: d.join(' ') })));
      const ids = q.map((w) => index.tokenId(w));
      const want = naiveCount(docs, q);
      expect(index.count(ids)).toBe(want.count);
      expect(index.locate(ids)).toEqual(want.docs.map((d) => BigInt(10 + d)));
    }), { numRuns: 300 });
  });

  it('longest match per position equals a naive search', () => {
    fc.assert(fc.property(docsArb, fc.array(fc.constantFrom(...words, 'zz'), { maxLength: 30 }), (docs, q) => {
      const index = buildIndex(docs.map((d, i) => ({ id: i, content: d.join(' ') })));
      const m = index.longestMatches(Int32Array.from(q.map((w) => index.tokenId(w))));
      q.forEach((_, i) => {
        let best = 0;
        while (i + best < q.length && naiveCount(docs, q.slice(i, i + best + 1)).count > 0) best++;
        expect(m.length[i]).toBe(best);
        if (best > 0) expect(m.hi[i] - m.lo[i]).toBe(naiveCount(docs, q.slice(i, i + best)).count);
      });
    }), { numRuns: 200 });
  });

  it('maps positions to documents', () => {
    const index = buildIndex([{ id: 5n, content: 'x y' }, { id: 2n, content: '' }, { id: 9n, content: 'z' }]);
    // documents are ordered by id: 2 (empty), 5, 9
    expect(Array.from(index.corpus.docIds)).toEqual([2n, 5n, 9n]);
    expect(index.locate([index.tokenId('y')])).toEqual([5n]);
    expect(index.locate([index.tokenId('z')])).toEqual([9n]);
    expect(index.locate([index.tokenId('y'), index.tokenId('z')])).toEqual([]);
    expect(index.locate([])).toEqual([]);
  });
});
