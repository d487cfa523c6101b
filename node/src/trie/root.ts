// Roots computed from scratch, without a store.
import { buildNode } from './build.ts';
import { sortChanges } from './changes.ts';
import { encodeCompact } from './compact.ts';
import { NodeWriter } from './node-writer.ts';
import type { Layout } from './types.ts';

/** Root of a trie built from scratch (entries in any order; duplicate keys: last wins). */
export function trieRoot(entries: Iterable<[Uint8Array, Uint8Array]>, layout: Layout): Uint8Array {
  const { keys, vals } = sortChanges<Uint8Array | null>(entries);
  const w = new NodeWriter(layout);
  return w.rootHash(buildNode(w, keys, vals, 0, keys.length, 0));
}

/** Ordered trie root (extrinsics root): key i = SCALE Compact(i). */
export function orderedTrieRoot(values: Uint8Array[], layout: Layout): Uint8Array {
  return trieRoot(
    values.map((v, i): [Uint8Array, Uint8Array] => [encodeCompact(i), v]),
    layout,
  );
}
