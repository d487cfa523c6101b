// A Map-backed NodeStore: for tests, genesis building and other in-memory tries.
import { toHex } from './hash.ts';
import type { NodeStore } from './types.ts';

export class MemoryNodeStore implements NodeStore {
  readonly map = new Map<string, Uint8Array>();

  get(hash: Uint8Array): Uint8Array | undefined {
    return this.map.get(toHex(hash));
  }

  /** Add the nodes returned by `TrieDb.commit`. */
  putAll(nodes: Map<string, Uint8Array>): void {
    for (const [k, v] of nodes) this.map.set(k, v);
  }
}
