// Parsing command-line values: integers, amounts, addresses, hashes. Each failure is a UserError naming the value.
import { devAccount, parseAddress, parseAmount } from '@slmnet/client';
import { UserError } from './errors.ts';

export function parseIntArg(what: string, s: string, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(s.trim()) || Number(s) > max) throw new UserError(`bad ${what} "${s}": expected a non-negative integer${max < Number.MAX_SAFE_INTEGER ? ` up to ${max}` : ''}`);
  return Number(s);
}

export function parseBigArg(what: string, s: string): bigint {
  if (!/^\d+$/.test(s.trim())) throw new UserError(`bad ${what} "${s}": expected a non-negative integer`);
  return BigInt(s);
}

/** SLMN amount (`1.5`, `1.5SLMN`) or planck (`1500000000000planck`). */
export const amountArg = (s: string): bigint => parseAmount(s);

/** An SS58 address, a 0x account id, or a dev account as `//Alice`. */
export function addressArg(s: string): string {
  if (/^\/\/[A-Za-z0-9_/-]+$/.test(s)) return devAccount(s).address;
  return parseAddress(s);
}

export function hashArg(what: string, s: string, bytes = 32): string {
  if (!new RegExp(`^0x[0-9a-fA-F]{${bytes * 2}}$`).test(s)) throw new UserError(`bad ${what} "${s}": expected 0x and ${bytes * 2} hex digits`);
  return s.toLowerCase();
}

export function choiceArg<T extends string>(what: string, s: string, choices: readonly T[]): T {
  const hit = choices.find((c) => c.toLowerCase() === s.toLowerCase());
  if (!hit) throw new UserError(`bad ${what} "${s}": expected one of ${choices.join(', ')}`);
  return hit;
}

export function ppmArg(what: string, s: string): number {
  return parseIntArg(what, s, 1_000_000);
}
