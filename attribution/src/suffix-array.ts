// Suffix array construction by induced sorting (SA-IS, Nong–Zhang–Chan 2009): linear time,
// typed arrays only. The input must end with a unique smallest symbol 0 (the corpus END token).

/**
 * Suffix array of `text` (symbols in [0, alphabet), text[n-1] === 0 and 0 nowhere else).
 * Returns a fresh Int32Array of length n.
 */
export function buildSuffixArray(text: Int32Array, alphabet: number): Int32Array {
  const n = text.length;
  if (n === 0) throw new Error('suffix array of an empty text');
  if (text[n - 1] !== 0) throw new Error('text must end with the unique sentinel 0');
  if (alphabet > 2 ** 30) throw new Error('alphabet too large');
  const sa = new Int32Array(n);
  sais(text, sa, n, alphabet);
  return sa;
}

function sais(t: Int32Array, sa: Int32Array, n: number, k: number): void {
  if (n === 1) { sa[0] = 0; return; }
  // symbol << 1 | type (1 = S: smaller than its successor, 0 = L). One array instead of two
  // halves the random memory reads of the induce scans, which dominate the run time.
  const c = new Int32Array(n);
  c[n - 1] = 1;
  for (let i = n - 2; i >= 0; i--) {
    const a = t[i], b = t[i + 1];
    c[i] = (a << 1) | (a < b || (a === b && (c[i + 1] & 1) === 1) ? 1 : 0);
  }
  // leftmost-S (LMS) flags: one byte per position, 4× less memory traffic than re-deriving them from c
  const lms = new Uint8Array(n);
  let n1 = 0;
  for (let i = 1; i < n; i++) if ((c[i] & 1) === 1 && (c[i - 1] & 1) === 0) { lms[i] = 1; n1++; }
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i++) counts[t[i]]++;
  const bkt = new Int32Array(k);

  // 1. sort LMS substrings: LMS positions at bucket ends, then induce
  sa.fill(-1);
  bucketEnds(counts, bkt);
  for (let i = 1; i < n; i++) if (lms[i] === 1) sa[--bkt[c[i] >> 1]] = i;
  induce(c, sa, counts, bkt, n);

  // 2. compact the sorted LMS positions to sa[0..n1) and name equal substrings equally
  for (let i = 0, j = 0; i < n; i++) {
    const p = sa[i];
    if (p > 0 && lms[p] === 1) sa[j++] = p;
  }
  sa.fill(-1, n1);
  let names = 0;
  let prev = -1;
  for (let i = 0; i < n1; i++) {
    const pos = sa[i];
    let diff = prev < 0;
    for (let d = 0; !diff; d++) {
      const x = c[pos + d], y = c[prev + d];
      if (x !== y) diff = true;
      else if (d > 0 && lms[pos + d] === 1) break; // both reached the next LMS (equal types so far)
    }
    if (diff) { names++; prev = pos; }
    sa[n1 + (pos >> 1)] = names - 1;
  }
  // reduced string: names in text order (LMS positions are at least 2 apart, so pos>>1 is unique)
  const s1 = new Int32Array(n1);
  for (let i = n1, j = 0; i < n; i++) if (sa[i] >= 0) s1[j++] = sa[i];

  // 3. sort the LMS suffixes: recurse unless every name is unique
  const sa1 = new Int32Array(n1);
  if (names < n1) sais(s1, sa1, n1, names);
  else for (let i = 0; i < n1; i++) sa1[s1[i]] = i;

  // 4. map back to text positions, place at bucket ends in sorted order, induce the rest
  // (position and symbol side by side: one random read per LMS suffix instead of two)
  const placed = new Int32Array(2 * n1);
  for (let i = 1, j = 0; i < n; i++) if (lms[i] === 1) { placed[j++] = i; placed[j++] = c[i] >> 1; }
  sa.fill(-1);
  bucketEnds(counts, bkt);
  for (let i = n1 - 1; i >= 0; i--) {
    const x = 2 * sa1[i];
    sa[--bkt[placed[x + 1]]] = placed[x];
  }
  induce(c, sa, counts, bkt, n);
}

function bucketEnds(counts: Int32Array, bkt: Int32Array): void {
  let sum = 0;
  for (let x = 0; x < counts.length; x++) { sum += counts[x]; bkt[x] = sum; }
}

function bucketStarts(counts: Int32Array, bkt: Int32Array): void {
  let sum = 0;
  for (let x = 0; x < counts.length; x++) { bkt[x] = sum; sum += counts[x]; }
}

function induce(c: Int32Array, sa: Int32Array, counts: Int32Array, bkt: Int32Array, n: number): void {
  bucketStarts(counts, bkt);
  for (let i = 0; i < n; i++) {
    const j = sa[i] - 1;
    if (j >= 0) {
      const v = c[j];
      if ((v & 1) === 0) sa[bkt[v >> 1]++] = j;
    }
  }
  bucketEnds(counts, bkt);
  for (let i = n - 1; i >= 0; i--) {
    const j = sa[i] - 1;
    if (j >= 0) {
      const v = c[j];
      if ((v & 1) === 1) sa[--bkt[v >> 1]] = j;
    }
  }
}
