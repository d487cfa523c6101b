// Binary Merkle tree over blake2-256, used for datanet version roots and attribution
// evidence roots. Leaves and inner nodes are domain-separated (0x00 / 0x01 prefix) so a
// leaf can never be passed off as an inner node; an odd node is carried up unchanged.
import { blake2_256, concat } from './crypto.ts';

export const EMPTY_ROOT = new Uint8Array(32);
const LEAF = Uint8Array.of(0);
const NODE = Uint8Array.of(1);

export const leafHash = (data: Uint8Array): Uint8Array => blake2_256(concat(LEAF, data));

/** Root of the tree whose leaves are the given encoded items, in order. Empty → 32 zero bytes. */
export function merkleRoot(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return EMPTY_ROOT;
  let level = leaves.map(leafHash);
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(i + 1 < level.length ? blake2_256(concat(NODE, level[i], level[i + 1])) : level[i]);
    }
    level = next;
  }
  return level[0];
}
