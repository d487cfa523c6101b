// Runtime versions of a batch: read at its ends, bisected only across an upgrade, each block given its own version.
import { describe, expect, it } from 'vitest';
import { versionsOf } from '../src/decode.ts';

const chain = (upgrades: number[], length: number) => Array.from({ length }, (_, i) => 100 + upgrades.filter((u) => i >= u).length);

describe('versionsOf', () => {
  it('reads only the two ends when there is no upgrade', async () => {
    const v = chain([], 200);
    const read: number[] = [];
    const got = await versionsOf(200, async (i) => { read.push(i); return v[i]; }, (a, b) => a === b);
    expect(got).toEqual(v);
    expect(read.sort((a, b) => a - b)).toEqual([0, 199]);
  });

  it('finds every upgrade, at any position, with few reads', async () => {
    for (const upgrades of [[1], [199], [57], [3, 4], [10, 90, 150], [0]]) {
      const v = chain(upgrades, 200);
      let reads = 0;
      const got = await versionsOf(200, async (i) => { reads++; return v[i]; }, (a, b) => a === b);
      expect(got).toEqual(v);
      expect(reads).toBeLessThanOrEqual(2 + upgrades.length * 9);
    }
  });

  it('handles one and two blocks', async () => {
    expect(await versionsOf(1, async () => 7, (a, b) => a === b)).toEqual([7]);
    expect(await versionsOf(2, async (i) => [7, 8][i], (a, b) => a === b)).toEqual([7, 8]);
  });
});
