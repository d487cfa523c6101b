// Resolves child references to decoded nodes (through the cache) and hashed
// values to their bytes.
import { HASH_LEN, toHex } from './hash.ts';
import { NodeCache } from './node-cache.ts';
import { decodeNode, type ChildRef, type TrieNode } from './node-codec.ts';
import type { NodeStore } from './types.ts';

export class NodeLoader {
  private readonly cache: NodeCache;

  constructor(
    private readonly store: NodeStore,
    cacheSize: number,
  ) {
    this.cache = new NodeCache(cacheSize);
  }

  /** Raw bytes stored under `hash`; throws if the store lacks them (a broken trie). */
  fetch(hash: Uint8Array): Uint8Array {
    const enc = this.store.get(hash);
    if (enc === undefined) throw new Error(`trie: missing node ${toHex(hash)}`);
    return enc;
  }

  /** Decoded node behind a reference: a hash (looked up) or an inline encoding. */
  resolve(ref: ChildRef): TrieNode {
    if (ref.length === HASH_LEN) {
      const hit = this.cache.get(ref);
      if (hit !== undefined) return hit;
      const node = decodeNode(this.fetch(ref));
      if (node === undefined) throw new Error(`trie: empty node referenced by ${toHex(ref)}`);
      this.cache.set(ref, node);
      return node;
    }
    const node = decodeNode(ref);
    if (node === undefined) throw new Error('trie: empty inline node');
    return node;
  }

  /** The value held by `node` (which must have one), following a V1 value hash. */
  value(node: TrieNode): Uint8Array {
    const v = node.value as Uint8Array;
    return node.valueHashed ? this.fetch(v) : v;
  }
}
