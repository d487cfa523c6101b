// Tiny SCALE helpers the storage layer needs without pulling in the runtime's
// codecs: compact integers, block bodies, and a peek at a header's parent/number.
import { concat } from '@slmnet/runtime-spec';

export class DecodeError extends Error {}

/** SCALE Compact<u32|u64> for non-negative safe integers. */
export function encodeCompact(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`compact: bad value ${n}`);
  if (n < 0x40) return Uint8Array.of(n << 2);
  if (n < 0x4000) { const v = (n << 2) | 1; return Uint8Array.of(v & 0xff, v >> 8); }
  if (n < 0x40000000) {
    const v = ((n << 2) | 2) >>> 0;
    return Uint8Array.of(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24);
  }
  const bytes: number[] = [];
  for (let r = n; r > 0; r = Math.floor(r / 256)) bytes.push(r % 256);
  while (bytes.length < 4) bytes.push(0);
  return Uint8Array.of(((bytes.length - 4) << 2) | 3, ...bytes);
}

/** Decodes a compact integer at `off`: [value, bytes read]. */
export function decodeCompact(b: Uint8Array, off: number): [number, number] {
  if (off >= b.length) throw new DecodeError('compact: out of data');
  const mode = b[off] & 3;
  if (mode === 0) return [b[off] >> 2, 1];
  if (mode === 1) {
    if (off + 2 > b.length) throw new DecodeError('compact: out of data');
    return [(b[off] | (b[off + 1] << 8)) >> 2, 2];
  }
  if (mode === 2) {
    if (off + 4 > b.length) throw new DecodeError('compact: out of data');
    return [((b[off] | (b[off + 1] << 8) | (b[off + 2] << 16)) >>> 2) + b[off + 3] * 2 ** 22, 4];
  }
  const len = (b[off] >> 2) + 4;
  if (len > 7 || off + 1 + len > b.length) throw new DecodeError('compact: too large or out of data');
  let v = 0;
  for (let i = len - 1; i >= 0; i--) v = v * 256 + b[off + 1 + i];
  return [v, 1 + len];
}

export const concatBytes = (parts: Uint8Array[]): Uint8Array => concat(...parts);

/**
 * Splits a byte string holding `count` length-prefixed items (each item kept
 * whole, prefix included, as extrinsics are stored and hashed).
 */
export function splitPrefixed(b: Uint8Array, off: number, count: number): { items: Uint8Array[]; end: number } {
  const items: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const [len, n] = decodeCompact(b, off);
    if (off + n + len > b.length) throw new DecodeError(`item ${i}: length ${len} runs past the end`);
    items.push(b.slice(off, off + n + len));
    off += n + len;
  }
  return { items, end: off };
}

/** Block body: SCALE Vec<OpaqueExtrinsic>; every extrinsic already carries its compact length. */
export function encodeBody(xts: Uint8Array[]): Uint8Array {
  return concatBytes([encodeCompact(xts.length), ...xts]);
}

export function decodeBody(b: Uint8Array): Uint8Array[] {
  const [count, n] = decodeCompact(b, 0);
  const { items, end } = splitPrefixed(b, n, count);
  if (end !== b.length) throw new DecodeError('body: trailing bytes');
  return items;
}

/** parent_hash and number of an encoded header, without decoding the digest. */
export function peekHeader(b: Uint8Array): { parentHash: Uint8Array; number: number } {
  if (b.length < 33) throw new DecodeError('header: too short');
  const [number] = decodeCompact(b, 32);
  return { parentHash: b.subarray(0, 32), number };
}

export const u64le = (v: bigint): Uint8Array => {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt.asUintN(64, v), true);
  return out;
};
export const u32le = (v: number): Uint8Array => {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, v >>> 0, true);
  return out;
};
export const readU64 = (b: Uint8Array, off: number): bigint => {
  if (off + 8 > b.length) throw new DecodeError('u64: out of data');
  return new DataView(b.buffer, b.byteOffset + off, 8).getBigUint64(0, true);
};
export const readU32 = (b: Uint8Array, off: number): number => {
  if (off + 4 > b.length) throw new DecodeError('u32: out of data');
  return new DataView(b.buffer, b.byteOffset + off, 4).getUint32(0, true);
};

export { toHex as hex, equalBytes as sameBytes } from '@slmnet/runtime-spec';
