// Ordered traversal (keys ascending = depth-first, value before children,
// children by nibble) with an optional exclusive lower bound. One explicit
// stack, so a yield costs O(1) rather than a chain of nested generators.
import { compareBytes, isEmptyRoot } from './hash.ts';
import { matchPartial, nibbleAt, packNibbles } from './nibbles.ts';
import type { TrieNode } from './node-codec.ts';
import type { NodeLoader } from './node-loader.ts';

interface Frame {
  node: TrieNode;
  /** Nibble depth just past this node's partial key (where its children's nibble goes). */
  end: number;
  /** Next child slot to visit. */
  next: number;
  /** Child slot still bounded by the lower bound, or -1. */
  tightChild: number;
}

function startsWith(key: Uint8Array, prefix: Uint8Array): boolean {
  if (key.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (key[i] !== prefix[i]) return false;
  return true;
}

/** Yield [key, node holding its value] for keys with `prefix`, ascending, strictly after `after` if given. */
export function* iterateNodes(
  loader: NodeLoader,
  root: Uint8Array,
  prefix: Uint8Array,
  after?: Uint8Array,
): Generator<[Uint8Array, TrieNode]> {
  if (isEmptyRoot(root)) return;
  let bound: Uint8Array | undefined;
  if (after !== undefined) {
    if (startsWith(after, prefix)) bound = after;
    else if (compareBytes(after, prefix) > 0) return; // every prefixed key is below `after`
  }

  // Descend to the node whose sub-trie holds exactly the prefixed keys.
  const plen = prefix.length * 2;
  let node = loader.resolve(root);
  let depth = 0;
  for (;;) {
    const p = node.partial;
    const m = matchPartial(prefix, depth, p, p.length);
    if (depth + m === plen) break;
    if (m < p.length) return;
    const end = depth + p.length;
    const child = node.children?.[nibbleAt(prefix, end)];
    if (child === undefined) return;
    node = loader.resolve(child);
    depth = end + 1;
  }

  let path = new Uint8Array(Math.max(64, depth + node.partial.length + 1));
  for (let i = 0; i < depth; i++) path[i] = nibbleAt(prefix, i);
  const stack: Frame[] = [];
  let pending: TrieNode | undefined = node;
  let pendingDepth = depth;
  let pendingTight = bound !== undefined;

  for (;;) {
    if (pending !== undefined) {
      // Enter `pending`: place its partial key on the path, settle it against the bound.
      const p = pending.partial;
      const end = pendingDepth + p.length;
      if (path.length <= end) {
        const grown = new Uint8Array(Math.max(end + 1, path.length * 2));
        grown.set(path);
        path = grown;
      }
      path.set(p, pendingDepth);
      let emit = pending.value !== undefined;
      let tightChild = -1;
      let first = 0;
      let skip = false;
      if (pendingTight) {
        const b = bound!;
        const blen = b.length * 2;
        const m = matchPartial(b, pendingDepth, p, p.length);
        if (m < p.length) {
          // Diverges from the bound inside the partial key: all above it, or all below.
          skip = pendingDepth + m < blen && p[m] < nibbleAt(b, pendingDepth + m);
        } else {
          emit = false; // this node's own key is a prefix of (or equal to) the bound
          if (end < blen) {
            first = nibbleAt(b, end);
            tightChild = first;
          }
        }
      }
      const node = pending;
      pending = undefined;
      if (!skip) {
        stack.push({ node, end, next: first, tightChild });
        if (emit) yield [packNibbles(path, end), node];
      }
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return;
    const children = top.node.children;
    let k = top.next;
    if (children !== undefined) while (k < 16 && children[k] === undefined) k++;
    if (children === undefined || k === 16) {
      stack.pop();
      continue;
    }
    top.next = k + 1;
    path[top.end] = k;
    pending = loader.resolve(children[k]!);
    pendingDepth = top.end + 1;
    pendingTight = k === top.tightChild;
  }
}
