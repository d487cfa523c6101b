// The binary Merkle tree of merkle.ts and the contribution chunk tree storage challenges use,
// checked against a naive implementation written from the documented rules.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { blake2_256, cryptoReady } from '../src/crypto.ts';
import { CHUNK_SIZE, chunkCount, chunkLength, chunkProof, chunksRoot, EMPTY_ROOT, merkleProof, merkleRoot, verifyChunk, verifyMerkleProof } from '../src/merkle.ts';

beforeAll(async () => { await cryptoReady(); });

const H = (...parts: Uint8Array[]) => blake2_256(Buffer.concat(parts));
const leaf = (d: Uint8Array) => H(Uint8Array.of(0), d);
const node = (l: Uint8Array, r: Uint8Array) => H(Uint8Array.of(1), l, r);

/** Naive: pair up each level left to right; a last node without a partner moves up as it is. */
function naiveRoot(items: Uint8Array[]): Uint8Array {
  if (items.length === 0) return new Uint8Array(32);
  let level = items.map(leaf);
  while (level.length > 1) {
    const up: Uint8Array[] = [];
    while (level.length >= 2) { const [l, r] = level.splice(0, 2); up.push(node(l, r)); }
    level = [...up, ...level];
  }
  return level[0];
}

/** Naive chunking: slice every CHUNK_SIZE bytes. */
function naiveChunks(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let o = 0; o < bytes.length; o += 1024) out.push(bytes.slice(o, o + 1024));
  return out;
}

const items = (n: number) => Array.from({ length: n }, (_, i) => Uint8Array.of(i, i * 3));

describe('merkle tree', () => {
  it('matches the naive root and a hand-written 3- and 5-leaf tree', () => {
    expect(merkleRoot([])).toEqual(EMPTY_ROOT);
    const [a, b, c, d, e] = items(5).map(leaf);
    expect(merkleRoot(items(1))).toEqual(a);
    expect(merkleRoot(items(3))).toEqual(node(node(a, b), c));
    expect(merkleRoot(items(5))).toEqual(node(node(node(a, b), node(c, d)), e));
    for (let n = 0; n <= 33; n++) expect(merkleRoot(items(n))).toEqual(naiveRoot(items(n)));
  });

  it('proves every leaf of trees of 1..17 leaves, and nothing else', () => {
    for (let n = 1; n <= 17; n++) {
      const root = merkleRoot(items(n));
      for (let i = 0; i < n; i++) {
        const proof = merkleProof(items(n), i);
        expect(verifyMerkleProof(root, n, i, items(n)[i], proof)).toBe(true);
        expect(proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
        expect(verifyMerkleProof(root, n, i, Uint8Array.of(99), proof)).toBe(false);
        if (n > 1) expect(verifyMerkleProof(root, n, (i + 1) % n, items(n)[i], proof)).toBe(false);
        expect(verifyMerkleProof(root, n, i, items(n)[i], [...proof, root])).toBe(false);
        if (proof.length) expect(verifyMerkleProof(root, n, i, items(n)[i], proof.slice(1))).toBe(false);
      }
      expect(() => merkleProof(items(n), n)).toThrow(RangeError);
      expect(verifyMerkleProof(root, n, n, items(n)[0], [])).toBe(false);
    }
  });
});

describe('chunk tree', () => {
  it('cuts CHUNK_SIZE-byte chunks, the last one shorter', () => {
    expect(CHUNK_SIZE).toBe(1024);
    expect([0, 1, 1023, 1024, 1025, 3584].map(chunkCount)).toEqual([0, 1, 1, 1, 2, 4]);
    expect([0, 1, 2, 3, 4].map((i) => chunkLength(3584, i))).toEqual([1024, 1024, 1024, 512, 0]);
  });

  it('chunksRoot, chunkProof and verifyChunk agree with the naive tree for any content', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 9 * 1024 + 7 }), fc.nat(), (bytes, pick) => {
      const chunks = naiveChunks(bytes);
      const root = chunksRoot(bytes);
      expect(root).toEqual(naiveRoot(chunks));
      const i = pick % chunks.length;
      const { chunk, proof } = chunkProof(bytes, i);
      expect(chunk).toEqual(chunks[i]);
      expect(verifyChunk(root, bytes.length, i, chunk, proof)).toBe(true);
      // other bytes, another index or another root are refused
      const bad = chunk.slice(); bad[0] ^= 0xff;
      expect(verifyChunk(root, bytes.length, i, bad, proof)).toBe(false);
      expect(verifyChunk(root, bytes.length, i + 1, chunk, proof)).toBe(false);
      expect(verifyChunk(blake2_256(root), bytes.length, i, chunk, proof)).toBe(false);
    }), { numRuns: 60 });
  });
});
