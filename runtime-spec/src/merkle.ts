// Binary Merkle tree over blake2-256, used for datanet version roots, attribution evidence
// roots and contribution chunk roots. Leaves and inner nodes are domain-separated (0x00 / 0x01
// prefix) so a leaf can never be passed off as an inner node; an odd node is carried up unchanged.
import { blake2_256, concat, equalBytes } from './crypto.ts';

export const EMPTY_ROOT = new Uint8Array(32);
const LEAF = Uint8Array.of(0);
const NODE = Uint8Array.of(1);

export const leafHash = (data: Uint8Array): Uint8Array => blake2_256(concat(LEAF, data));
const nodeHash = (left: Uint8Array, right: Uint8Array): Uint8Array => blake2_256(concat(NODE, left, right));

/** Every level of the tree, leaf hashes first, the root alone last. */
function levels(leaves: Uint8Array[]): Uint8Array[][] {
  const out = [leaves.map(leafHash)];
  for (let level = out[0]; level.length > 1; out.push(level)) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? nodeHash(level[i], level[i + 1]) : level[i]);
    level = next;
  }
  return out;
}

/** Root of the tree whose leaves are the given encoded items, in order. Empty → 32 zero bytes. */
export function merkleRoot(leaves: Uint8Array[]): Uint8Array {
  return leaves.length === 0 ? EMPTY_ROOT : levels(leaves).at(-1)![0];
}

/** The sibling hashes from leaf `index` up to the root (levels where the node is carried up add none). */
export function merkleProof(leaves: Uint8Array[], index: number): Uint8Array[] {
  if (!Number.isInteger(index) || index < 0 || index >= leaves.length) throw new RangeError(`leaf ${index} out of range (${leaves.length} leaves)`);
  const proof: Uint8Array[] = [];
  let i = index;
  for (const level of levels(leaves).slice(0, -1)) {
    const sibling = i % 2 === 1 ? i - 1 : i + 1;
    if (sibling < level.length) proof.push(level[sibling]);
    i = Math.floor(i / 2);
  }
  return proof;
}

/** Whether `leaf` is item `index` of a `count`-leaf tree with this root; the proof must be exactly as long as the path needs. */
export function verifyMerkleProof(root: Uint8Array, count: number, index: number, leaf: Uint8Array, proof: Uint8Array[]): boolean {
  if (index < 0 || index >= count) return false;
  let hash = leafHash(leaf);
  let used = 0;
  for (let i = index, width = count; width > 1; i = Math.floor(i / 2), width = Math.ceil(width / 2)) {
    if (i % 2 === 1) {
      if (used >= proof.length) return false;
      hash = nodeHash(proof[used++], hash);
    } else if (i + 1 < width) {
      if (used >= proof.length) return false;
      hash = nodeHash(hash, proof[used++]);
    }
  }
  return used === proof.length && equalBytes(hash, root);
}

// ---- Contribution chunks: the tree storage challenges are answered against ----

/** Contribution bytes are cut into chunks of this many bytes (the last one may be shorter). */
export const CHUNK_SIZE = 1024;

/** Number of chunks of `size` bytes of content. */
export const chunkCount = (size: number): number => Math.ceil(size / CHUNK_SIZE);

/** Length of chunk `index` of `size` bytes of content (0 past the end). */
export const chunkLength = (size: number, index: number): number => Math.max(0, Math.min(CHUNK_SIZE, size - index * CHUNK_SIZE));

const chunksOf = (bytes: Uint8Array): Uint8Array[] =>
  Array.from({ length: chunkCount(bytes.length) }, (_, i) => bytes.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE));

/** A contribution's `chunks_root`: the Merkle root over its CHUNK_SIZE-byte chunks, in order. */
export const chunksRoot = (bytes: Uint8Array): Uint8Array => merkleRoot(chunksOf(bytes));

/** Chunk `index` of the bytes and its Merkle path to `chunksRoot(bytes)`: an answer to a storage challenge. */
export function chunkProof(bytes: Uint8Array, index: number): { chunk: Uint8Array; proof: Uint8Array[] } {
  const chunks = chunksOf(bytes);
  const proof = merkleProof(chunks, index);
  return { chunk: chunks[index], proof };
}

/** Whether `chunk` is chunk `index` of `size` bytes of content with this chunks root. */
export function verifyChunk(root: Uint8Array, size: number, index: number, chunk: Uint8Array, proof: Uint8Array[]): boolean {
  return chunk.length === chunkLength(size, index) && chunk.length > 0 && verifyMerkleProof(root, chunkCount(size), index, chunk, proof);
}
