// sp-trie node codec (NodeCodec for LayoutV0/V1: radix 16, no extension nodes).
import { compactLength, compactSize, readCompact, writeCompact } from './compact.ts';
import { HASH_LEN } from './hash.ts';

/** A child reference: a 32-byte hash, or (when shorter) the inline encoding of the child. */
export type ChildRef = Uint8Array;

/** A decoded node. Decoded nodes are shared through the cache: never mutate them. */
export interface TrieNode<C = ChildRef> {
  /** Partial key as unpacked nibbles. */
  partial: Uint8Array;
  /** Inline value bytes, or the 32-byte value-node hash when `valueHashed`. */
  value: Uint8Array | undefined;
  valueHashed: boolean;
  /** 16 child slots for a branch; undefined for a leaf. */
  children: Array<C | undefined> | undefined;
}

// First-byte prefixes and the largest nibble count each can hold in its low bits.
const LEAF = 0x40;
const BRANCH_NO_VALUE = 0x80;
const BRANCH_VALUE = 0xc0;
const LEAF_HASHED = 0x20;
const BRANCH_HASHED = 0x10;

function headerLength(count: number, max: number): number {
  return count < max ? 1 : 2 + Math.floor((count - max) / 255);
}

function writeHeader(out: Uint8Array, prefix: number, max: number, count: number): number {
  if (count < max) {
    out[0] = prefix | count;
    return 1;
  }
  out[0] = prefix | max;
  let off = 1;
  let rest = count - max;
  while (rest >= 255) {
    out[off++] = 255;
    rest -= 255;
  }
  out[off++] = rest;
  return off;
}

/** Encode a node whose children are all references. */
export function encodeNode(node: TrieNode): Uint8Array {
  const { partial, value, valueHashed, children } = node;
  let bitmap = 0;
  let childBytes = 0;
  if (children !== undefined) {
    for (let i = 0; i < 16; i++) {
      const c = children[i];
      if (c === undefined) continue;
      bitmap |= 1 << i;
      childBytes += compactLength(c.length) + c.length;
    }
  }
  let prefix: number;
  let max: number;
  if (bitmap === 0) {
    if (value === undefined) throw new Error('trie: leaf without value');
    prefix = valueHashed ? LEAF_HASHED : LEAF;
    max = valueHashed ? 31 : 63;
  } else if (value === undefined) {
    prefix = BRANCH_NO_VALUE;
    max = 63;
  } else {
    prefix = valueHashed ? BRANCH_HASHED : BRANCH_VALUE;
    max = valueHashed ? 15 : 63;
  }
  const count = partial.length;
  const valueBytes = value === undefined ? 0 : valueHashed ? HASH_LEN : compactLength(value.length) + value.length;
  const size =
    headerLength(count, max) + ((count + 1) >> 1) + (bitmap === 0 ? 0 : 2) + valueBytes + childBytes;
  const out = new Uint8Array(size);
  let off = writeHeader(out, prefix, max, count);
  // Odd count: the first nibble sits alone in the low half of the first byte.
  let i = 0;
  if ((count & 1) === 1) out[off++] = partial[i++];
  for (; i < count; i += 2) out[off++] = (partial[i] << 4) | partial[i + 1];
  if (bitmap !== 0) {
    out[off++] = bitmap & 0xff;
    out[off++] = bitmap >> 8;
  }
  if (value !== undefined) {
    if (!valueHashed) off = writeCompact(out, off, value.length);
    out.set(value, off);
    off += value.length;
  }
  if (children !== undefined) {
    for (let c = 0; c < 16; c++) {
      const ref = children[c];
      if (ref === undefined) continue;
      off = writeCompact(out, off, ref.length);
      out.set(ref, off);
      off += ref.length;
    }
  }
  return out;
}

function bad(what: string): never {
  throw new Error(`trie: bad node encoding (${what})`);
}

/**
 * Decode a node. Values and child refs are views into `enc` (no copies), so
 * `enc` must not be mutated afterwards. Returns undefined for the empty node 0x00.
 */
export function decodeNode(enc: Uint8Array): TrieNode | undefined {
  const len = enc.length;
  if (len === 0) bad('empty');
  const b = enc[0];
  if (b === 0) {
    if (len !== 1) bad('trailing bytes after empty node');
    return undefined;
  }
  let max = 63;
  let isBranch = true;
  let hasValue = true;
  let valueHashed = false;
  const kind = b >> 6;
  if (kind === 1) isBranch = false;
  else if (kind === 2) hasValue = false;
  else if (kind === 0) {
    valueHashed = true;
    if (b >> 5 === 1) {
      max = 31;
      isBranch = false;
    } else if (b >> 4 === 1) max = 15;
    else bad('header');
  }
  let count = b & max;
  let off = 1;
  if (count === max) {
    for (;;) {
      if (off >= len) bad('header');
      const n = enc[off++];
      count += n;
      if (n < 255) break;
    }
  }
  const partial = new Uint8Array(count);
  const pEnd = off + ((count + 1) >> 1);
  if (pEnd > len) bad('partial');
  let i = 0;
  if ((count & 1) === 1) {
    if (enc[off] >> 4 !== 0) bad('partial padding');
    partial[i++] = enc[off++] & 0x0f;
  }
  for (; i < count; i += 2) {
    const x = enc[off++];
    partial[i] = x >> 4;
    partial[i + 1] = x & 0x0f;
  }
  let bitmap = 0;
  if (isBranch) {
    if (off + 2 > len) bad('bitmap');
    bitmap = enc[off] | (enc[off + 1] << 8);
    off += 2;
    if (bitmap === 0) bad('branch without children');
  }
  let value: Uint8Array | undefined;
  if (hasValue) {
    let vlen = HASH_LEN;
    if (!valueHashed) {
      vlen = readCompact(enc, off);
      off += compactSize(enc[off]);
    }
    if (off + vlen > len) bad('value');
    value = enc.subarray(off, off + vlen);
    off += vlen;
  }
  let children: Array<ChildRef | undefined> | undefined;
  if (isBranch) {
    children = new Array<ChildRef | undefined>(16);
    for (let c = 0; c < 16; c++) {
      if ((bitmap & (1 << c)) === 0) continue;
      const clen = readCompact(enc, off);
      off += compactSize(enc[off]);
      if (clen > HASH_LEN || off + clen > len) bad('child');
      children[c] = enc.subarray(off, off + clen);
      off += clen;
    }
  }
  if (off !== len) bad('trailing bytes');
  return { partial, value, valueHashed, children };
}
