// Param validation for method handlers: each helper returns the typed value or throws
// -32602 "Invalid params" with a human-readable `data`, as jsonrpsee does for serde failures.
import { invalidParams } from './errors.ts';

const U32_MAX = 0xffff_ffff;
const HEX = /^0x(?:[0-9a-fA-F]{2})*$/;

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'string' ? `string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}` : typeof v;

/** Checks the positional param count; absent trailing optionals are fine, extras are not. */
export function expectParams(params: unknown[], min: number, max: number): void {
  if (params.length > max) throw invalidParams(`expected at most ${max} param(s), got ${params.length}`);
  if (params.length < min) throw invalidParams(`expected at least ${min} param(s), got ${params.length}`);
}

export interface HexOptions {
  /** Also accept "" as empty bytes (some clients send it for `state_call` data). */
  emptyString?: boolean;
  /** Require exactly this many bytes. */
  length?: number;
}

/** 0x-prefixed, even-length hex → bytes ("0x" is empty). */
export function hexBytes(v: unknown, name: string, opts: HexOptions = {}): Uint8Array {
  if (opts.emptyString && v === '') return new Uint8Array();
  if (typeof v !== 'string' || !HEX.test(v)) throw invalidParams(`${name}: expected 0x-prefixed hex bytes, got ${describe(v)}`);
  const bytes = new Uint8Array(Buffer.from(v.slice(2), 'hex'));
  if (opts.length !== undefined && bytes.length !== opts.length) {
    throw invalidParams(`${name}: expected ${opts.length} bytes, got ${bytes.length}`);
  }
  return bytes;
}

/** Optional block hash: undefined/null → undefined, else 32 bytes. */
export function optHash(v: unknown, name = 'hash'): Uint8Array | undefined {
  return v === undefined || v === null ? undefined : hexBytes(v, name, { length: 32 });
}

/** Substrate's NumberOrHex for block numbers: a non-negative integer or "0x…" hex, within u32. */
export function blockNumber(v: unknown, name = 'block number'): number {
  let n: number | bigint | undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) n = v;
  else if (typeof v === 'string' && /^0x[0-9a-fA-F]{1,64}$/.test(v)) n = BigInt(v);
  if (n === undefined) throw invalidParams(`${name}: expected a non-negative integer or 0x-prefixed hex, got ${describe(v)}`);
  if (n > U32_MAX) throw invalidParams(`${name}: ${n} > u32::MAX, the max block number is u32`);
  return Number(n);
}

export function u32(v: unknown, name = 'value'): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > U32_MAX) throw invalidParams(`${name}: expected u32, got ${describe(v)}${typeof v === 'number' ? ` ${v}` : ''}`);
  return v;
}

export function string(v: unknown, name = 'value'): string {
  if (typeof v !== 'string') throw invalidParams(`${name}: expected a string, got ${describe(v)}`);
  return v;
}

export function arrayOf<T>(v: unknown, fn: (item: unknown, index: number) => T, name = 'list'): T[] {
  if (!Array.isArray(v)) throw invalidParams(`${name}: expected an array, got ${describe(v)}`);
  return v.map((item, i) => fn(item, i));
}
