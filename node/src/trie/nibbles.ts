// Nibble helpers. Keys stay as bytes; nibble i of a key is read on the fly so
// lookups and commits do not allocate per nibble. Partial keys of decoded nodes
// are stored unpacked (one nibble per byte) for cheap comparison and slicing.

/** Nibble `i` of byte string `key` (high half first). */
export function nibbleAt(key: Uint8Array, i: number): number {
  const b = key[i >> 1];
  return (i & 1) === 0 ? b >> 4 : b & 0x0f;
}

/** Unpacked nibbles `from..to` of `key`. */
export function keyNibbles(key: Uint8Array, from: number, to: number): Uint8Array {
  const out = new Uint8Array(to - from);
  for (let i = from; i < to; i++) out[i - from] = nibbleAt(key, i);
  return out;
}

/** Length of the common run of `key` (from nibble `depth`) and `partial`, at most `max`. */
export function matchPartial(key: Uint8Array, depth: number, partial: Uint8Array, max: number): number {
  const avail = key.length * 2 - depth;
  const n = max < avail ? max : avail;
  let i = 0;
  while (i < n && nibbleAt(key, depth + i) === partial[i]) i++;
  return i;
}

/** Common nibble prefix length of two keys, starting at nibble `depth` of both. */
export function commonNibbles(a: Uint8Array, b: Uint8Array, depth: number): number {
  const end = Math.min(a.length, b.length) * 2;
  let i = depth;
  // Whole bytes first when aligned: most keys share long byte prefixes.
  if ((i & 1) === 1 && i < end) {
    if (nibbleAt(a, i) !== nibbleAt(b, i)) return 0;
    i++;
  }
  while (i < end && a[i >> 1] === b[i >> 1]) i += 2;
  if (i < end && nibbleAt(a, i) === nibbleAt(b, i)) i++;
  return Math.min(i, end) - depth;
}

/** Concatenate `a ++ [n] ++ b` (merging a valueless branch into its only child). */
export function joinNibbles(a: Uint8Array, n: number, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + 1 + b.length);
  out.set(a, 0);
  out[a.length] = n;
  out.set(b, a.length + 1);
  return out;
}

/** Pack an even-length nibble path into bytes. */
export function packNibbles(path: Uint8Array, len: number): Uint8Array {
  if ((len & 1) !== 0) throw new Error('trie: odd nibble path cannot be a key');
  const out = new Uint8Array(len >> 1);
  for (let i = 0; i < out.length; i++) out[i] = (path[2 * i] << 4) | path[2 * i + 1];
  return out;
}
