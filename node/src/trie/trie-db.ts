// Read/write access to persistent tries held in a NodeStore. Nodes are never
// mutated: a commit returns a new root plus the new nodes, and every older
// root stays readable as long as its nodes remain in the store.
import { sortChanges } from './changes.ts';
import { Committer } from './commit.ts';
import { EMPTY_ROOT, isEmptyRoot } from './hash.ts';
import { iterateNodes } from './iterate.ts';
import { matchPartial, nibbleAt } from './nibbles.ts';
import { NodeLoader } from './node-loader.ts';
import { NodeWriter } from './node-writer.ts';
import { readProof } from './proof.ts';
import type { Layout, NodeStore } from './types.ts';

export interface CommitResult {
  root: Uint8Array;
  /** New hash-referenced nodes (incl. V1 value nodes) keyed by 0x-prefixed lowercase hex hash. */
  nodes: Map<string, Uint8Array>;
}

const DEFAULT_CACHE_SIZE = 50_000;

/** Values handed out are copies: callers may mutate them, and Buffer#slice would not copy. */
function copy(v: Uint8Array): Uint8Array {
  return new Uint8Array(v);
}

export class TrieDb {
  private readonly loader: NodeLoader;

  /** `cacheSize`: about how many decoded nodes to keep, most recently used first (see node-cache.ts). */
  constructor(store: NodeStore, opts?: { cacheSize?: number }) {
    this.loader = new NodeLoader(store, opts?.cacheSize ?? DEFAULT_CACHE_SIZE);
  }

  get(root: Uint8Array, key: Uint8Array): Uint8Array | undefined {
    if (isEmptyRoot(root)) return undefined;
    const loader = this.loader;
    const klen = key.length * 2;
    let node = loader.resolve(root);
    let depth = 0;
    for (;;) {
      const p = node.partial;
      if (matchPartial(key, depth, p, p.length) !== p.length) return undefined;
      depth += p.length;
      if (depth === klen) return node.value === undefined ? undefined : copy(loader.value(node));
      const child = node.children?.[nibbleAt(key, depth)];
      if (child === undefined) return undefined;
      node = loader.resolve(child);
      depth++;
    }
  }

  /**
   * Apply changes (value null = delete) to the trie at `root`. New values take
   * the form `layout` gives them; untouched values keep theirs (as in Substrate).
   */
  commit(root: Uint8Array, changes: Iterable<[Uint8Array, Uint8Array | null]>, layout: Layout): CommitResult {
    const { keys, vals } = sortChanges(changes);
    const nodes = new Map<string, Uint8Array>();
    const writer = new NodeWriter(layout, nodes);
    const start = isEmptyRoot(root) ? undefined : root;
    const res = new Committer(this.loader, writer, keys, vals).apply(start);
    if (res === undefined) return { root: EMPTY_ROOT, nodes };
    if (res instanceof Uint8Array) return { root, nodes }; // nothing changed
    return { root: writer.rootHash(res), nodes };
  }

  /** Keys with `prefix`, ascending, strictly greater than `startKey` if given, at most `limit`. */
  keys(root: Uint8Array, prefix: Uint8Array, limit: number, startKey?: Uint8Array): Uint8Array[] {
    const out: Uint8Array[] = [];
    if (limit <= 0) return out;
    for (const [key] of iterateNodes(this.loader, root, prefix, startKey)) {
      out.push(key);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** Entries under `prefix` in ascending key order (lazy). */
  *entries(root: Uint8Array, prefix: Uint8Array): Generator<[Uint8Array, Uint8Array]> {
    for (const [key, node] of iterateNodes(this.loader, root, prefix)) {
      yield [key, copy(this.loader.value(node))];
    }
  }

  /** Smallest key strictly greater than `key`, or undefined. */
  nextKey(root: Uint8Array, key: Uint8Array): Uint8Array | undefined {
    for (const [k] of iterateNodes(this.loader, root, new Uint8Array(0), key)) return k;
    return undefined;
  }

  /** Read proof for `keys` (present or absent). */
  readProof(root: Uint8Array, keys: Uint8Array[]): Uint8Array[] {
    return readProof(this.loader, root, keys);
  }
}
