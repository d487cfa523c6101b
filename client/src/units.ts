// SLMN amounts: parsing user input (`1.5`, `1.5 SLMN`, `1500000000000planck`) into planck and back.

export const TOKEN_SYMBOL = 'SLMN';
export const TOKEN_DECIMALS = 12;
/** One SLMN in planck. */
export const UNIT = 10n ** BigInt(TOKEN_DECIMALS);

export class AmountError extends Error {
  override name = 'AmountError';
}

/**
 * Parses an amount into planck. Accepted forms (case-insensitive, optional spaces before the unit):
 * `1.5` or `1.5SLMN` (SLMN with up to 12 decimals), `1500000000000planck` or `1_500_000_000_000planck`
 * (an integer number of planck). Negative numbers, exponents and excess decimals are refused.
 */
export function parseAmount(input: string | number | bigint): bigint {
  if (typeof input === 'bigint') {
    if (input < 0n) throw new AmountError(`bad amount "${input}": must not be negative`);
    return input;
  }
  const s = String(input).trim().replace(/_/g, '');
  const m = /^(\d+(?:\.\d*)?|\.\d+)\s*(slmn|planck)?$/i.exec(s);
  if (!m) throw new AmountError(`bad amount "${input}": expected e.g. 1.5, 1.5SLMN or 1500000000000planck`);
  const [, num, unit] = m;
  if (unit?.toLowerCase() === 'planck') {
    if (num.includes('.')) throw new AmountError(`bad amount "${input}": planck amounts are integers`);
    return BigInt(num);
  }
  const [whole, frac = ''] = num.split('.');
  if (frac.length > TOKEN_DECIMALS) throw new AmountError(`bad amount "${input}": at most ${TOKEN_DECIMALS} decimals`);
  return BigInt(whole || '0') * UNIT + BigInt(frac.padEnd(TOKEN_DECIMALS, '0') || '0');
}

/** Formats planck as SLMN with the decimals that matter, e.g. `1.5 SLMN`. */
export function formatAmount(planck: bigint | string | number): string {
  const v = BigInt(planck);
  const neg = v < 0n;
  const a = neg ? -v : v;
  const frac = (a % UNIT).toString().padStart(TOKEN_DECIMALS, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${a / UNIT}${frac ? `.${frac}` : ''} ${TOKEN_SYMBOL}`;
}
