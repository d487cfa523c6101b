// SCALE Compact<u32>-style length prefixes, as used for node values and child
// references. Written by hand: the generic codecs allocate per call.

/** Bytes needed to compact-encode `n`. */
export function compactLength(n: number): number {
  if (n < 0x40) return 1;
  if (n < 0x4000) return 2;
  if (n < 0x40000000) return 4;
  let bytes = 4;
  while (bytes < 8 && n >= 2 ** (8 * bytes)) bytes++;
  return 1 + bytes;
}

/** Write compact `n` at `off`; returns the offset after it. */
export function writeCompact(out: Uint8Array, off: number, n: number): number {
  if (n < 0x40) {
    out[off] = n << 2;
    return off + 1;
  }
  if (n < 0x4000) {
    const v = (n << 2) | 1;
    out[off] = v & 0xff;
    out[off + 1] = v >> 8;
    return off + 2;
  }
  if (n < 0x40000000) {
    const v = ((n << 2) | 2) >>> 0;
    out[off] = v & 0xff;
    out[off + 1] = (v >>> 8) & 0xff;
    out[off + 2] = (v >>> 16) & 0xff;
    out[off + 3] = v >>> 24;
    return off + 4;
  }
  const bytes = compactLength(n) - 1;
  out[off++] = ((bytes - 4) << 2) | 3;
  let rest = n;
  for (let i = 0; i < bytes; i++) {
    out[off++] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  return off;
}

/** Encode `n` alone (used for ordered-trie keys). */
export function encodeCompact(n: number): Uint8Array {
  const out = new Uint8Array(compactLength(n));
  writeCompact(out, 0, n);
  return out;
}

/** Size in bytes of the compact whose first byte is `b`. */
export function compactSize(b: number): number {
  switch (b & 3) {
    case 0:
      return 1;
    case 1:
      return 2;
    case 2:
      return 4;
    default:
      return 1 + (b >> 2) + 4;
  }
}

/** Read the compact at `off` (its size is `compactSize(buf[off])`). */
export function readCompact(buf: Uint8Array, off: number): number {
  if (off >= buf.length) throw new Error('trie: truncated compact');
  const b = buf[off];
  const size = compactSize(b);
  if (off + size > buf.length) throw new Error('trie: truncated compact');
  switch (b & 3) {
    case 0:
      return b >> 2;
    case 1:
      return (b | (buf[off + 1] << 8)) >> 2;
    case 2:
      return ((b | (buf[off + 1] << 8) | (buf[off + 2] << 16)) >>> 2) + buf[off + 3] * 2 ** 22;
    default: {
      // Lengths beyond 2^48 cannot be real values; refuse rather than lose precision.
      if (size > 7) throw new Error('trie: unsupported compact');
      let v = 0;
      for (let i = size - 1; i >= 1; i--) v = v * 256 + buf[off + i];
      return v;
    }
  }
}
