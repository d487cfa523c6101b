// Builds a sub-trie from sorted, de-duplicated entries in one pass: the common
// prefix of the first and last key is the node's partial key, then entries are
// split by their next nibble.
import { blake2_256 } from './hash.ts';
import { commonNibbles, keyNibbles, nibbleAt } from './nibbles.ts';
import type { TrieNode } from './node-codec.ts';
import type { NodeWriter } from './node-writer.ts';

/** Give a freshly built node its value in the writer's layout. */
export function setNewValue(w: NodeWriter, node: TrieNode<unknown>, v: Uint8Array): void {
  if (w.hashesValue(v)) {
    const h = blake2_256(v);
    w.putValue(h, v);
    node.value = h;
    node.valueHashed = true;
  } else {
    node.value = v;
    node.valueHashed = false;
  }
}

/**
 * Sub-trie rooted at nibble `depth` holding keys[lo..hi) (all sharing the first
 * `depth` nibbles). Null values (deletions of absent keys) are skipped. Children
 * of the result are already encoded references.
 */
export function buildNode(
  w: NodeWriter,
  keys: Uint8Array[],
  vals: (Uint8Array | null)[],
  lo: number,
  hi: number,
  depth: number,
): TrieNode | undefined {
  while (lo < hi && vals[lo] === null) lo++;
  while (hi > lo && vals[hi - 1] === null) hi--;
  if (lo === hi) return undefined;
  const first = keys[lo];
  if (hi - lo === 1) {
    const leaf: TrieNode = { partial: keyNibbles(first, depth, first.length * 2), value: undefined, valueHashed: false, children: undefined };
    setNewValue(w, leaf, vals[lo] as Uint8Array);
    return leaf;
  }
  const end = depth + commonNibbles(first, keys[hi - 1], depth);
  const node: TrieNode = { partial: keyNibbles(first, depth, end), value: undefined, valueHashed: false, children: new Array(16) };
  let i = lo;
  // Sorted order puts the key ending exactly here (if any) first.
  if (first.length * 2 === end) {
    setNewValue(w, node, vals[lo] as Uint8Array);
    i++;
  }
  const children = node.children!;
  while (i < hi) {
    const n = nibbleAt(keys[i], end);
    const s = i;
    while (i < hi && nibbleAt(keys[i], end) === n) i++;
    const child = buildNode(w, keys, vals, s, i, end + 1);
    if (child !== undefined) children[n] = w.childRef(child);
  }
  return node;
}
