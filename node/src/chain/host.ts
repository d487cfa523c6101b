// The host functions a block needs: state root through a real trie commit
// (cached, so persisting the block does not commit twice) and the ordered
// extrinsics root.
import { orderedTrieRoot, type CommitResult, type Layout, type TrieDb } from '../trie/index.ts';
import { sameBytes } from '../db/codec.ts';
import type { Host } from './runtime-api.ts';

/** Overlay keys are binary strings (one char per byte). */
export function keyBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export class BlockHost implements Host {
  private cached?: { changes: Map<string, Uint8Array | null>; size: number; result: CommitResult };

  constructor(
    private readonly trie: TrieDb,
    readonly parentRoot: Uint8Array,
    private readonly stateLayout: Layout,
    private readonly extrinsicsLayout: Layout,
  ) {}

  storageRoot(changes: Map<string, Uint8Array | null>): Uint8Array {
    return this.commit(changes).root;
  }

  orderedTrieRoot(items: Uint8Array[]): Uint8Array {
    return orderedTrieRoot(items, this.extrinsicsLayout);
  }

  /**
   * The parent state with `changes` applied: new root and new nodes. Reuses
   * the result of the last storageRoot() call for the same (unchanged) map.
   */
  commit(changes: Map<string, Uint8Array | null>): CommitResult {
    const c = this.cached;
    if (c && c.changes === changes && c.size === changes.size) return c.result;
    const entries: [Uint8Array, Uint8Array | null][] = [];
    for (const [k, v] of changes) entries.push([keyBytes(k), v]);
    const result = this.trie.commit(this.parentRoot, entries, this.stateLayout);
    this.cached = { changes, size: changes.size, result };
    return result;
  }

  /** The cached commit if it produced `root` (the usual case after finalizeBlock). */
  committedWithRoot(root: Uint8Array): CommitResult | undefined {
    const c = this.cached;
    return c && sameBytes(c.result.root, root) ? c.result : undefined;
  }
}
