// Cache of decoded nodes by hash: an approximate LRU with two generations.
// Hits in the young map cost one lookup and no writes; hits in the old map are
// promoted; when the young map fills up it becomes the old one and the previous
// old generation is dropped. (An exact LRU's per-hit list splicing touched
// several scattered objects and cost ~5x more per hit.)
// Map keys are 30 bits of the hash (a small integer: hashes are uniform, so no
// strings are built); the full hash is compared on hit, and a rare clash just
// replaces the older entry.
import { bytesEqual } from './hash.ts';
import type { TrieNode } from './node-codec.ts';

interface Entry {
  hash: Uint8Array;
  node: TrieNode;
}

function shortKey(h: Uint8Array): number {
  return (h[0] << 22) | (h[1] << 14) | (h[2] << 6) | (h[3] >> 2);
}

export class NodeCache {
  private young = new Map<number, Entry>();
  private old = new Map<number, Entry>();
  private readonly generation: number;

  /** Holds between capacity/2 and capacity of the most recently used nodes. */
  constructor(capacity: number) {
    this.generation = Math.max(0, Math.ceil(capacity / 2));
  }

  get(hash: Uint8Array): TrieNode | undefined {
    const k = shortKey(hash);
    let e = this.young.get(k);
    if (e !== undefined && bytesEqual(e.hash, hash)) return e.node;
    e = this.old.get(k);
    if (e === undefined || !bytesEqual(e.hash, hash)) return undefined;
    this.add(k, e);
    return e.node;
  }

  set(hash: Uint8Array, node: TrieNode): void {
    if (this.generation > 0) this.add(shortKey(hash), { hash, node });
  }

  private add(k: number, e: Entry): void {
    this.young.set(k, e);
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
  }
}
