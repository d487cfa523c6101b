// Integer-only rarity scores. Attestors on different machines must agree bit for bit, so no
// floating point: log2 is computed on bigint by bit length plus repeated squaring.

/** Scores are −log2 p in Q32: value × 2^32. */
export const SCORE_FRACTION_BITS = 32;
const FRAC = BigInt(SCORE_FRACTION_BITS);
/** Working precision of the mantissa during squaring (Q62: y·y stays exact in bigint). */
const P = 62n;
const TWO = 2n << P;

/**
 * floor-ish log2(x) in Q32 for an integer 1 ≤ x ≤ 2^53: integer part = bit length − 1; each
 * fractional bit by squaring the mantissa y ∈ [1, 2) (Q62, truncated after every squaring):
 * if y² ≥ 2 the bit is 1 and y² is halved. The truncation is part of the definition.
 */
export function log2Q32(x: number): bigint {
  if (!Number.isSafeInteger(x) || x < 1) throw new RangeError(`log2Q32 of ${x}`);
  const big = BigInt(x);
  const e = BigInt(big.toString(2).length - 1);
  let y = (big << P) >> e; // x / 2^e in Q62, exact since e ≤ 52 < 62
  let r = e << FRAC;
  for (let i = FRAC - 1n; i >= 0n; i--) {
    y = (y * y) >> P;
    if (y >= TWO) { y >>= 1n; r |= 1n << i; }
  }
  return r;
}

/** Rarity of a token seen `count` times among `total` word tokens: −log2(count/total) in Q32, ≥ 0. */
export function rarityQ32(count: number, total: number): bigint {
  const r = log2Q32(total) - log2Q32(count);
  return r > 0n ? r : 0n;
}
