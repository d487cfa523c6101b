// Batch update of a persistent trie. Changes are sorted once and the trie is
// descended once: each node on a changed path is decoded, rebuilt as a new
// object and re-encoded; untouched subtrees keep their existing references.
import { buildNode } from './build.ts';
import { blake2_256, bytesEqual } from './hash.ts';
import { joinNibbles, matchPartial, nibbleAt } from './nibbles.ts';
import type { ChildRef, TrieNode } from './node-codec.ts';
import type { NodeLoader } from './node-loader.ts';
import type { NodeWriter } from './node-writer.ts';

/** A node being rebuilt; a slot may hold a not-yet-encoded node after a split. */
interface PendingNode extends TrieNode<ChildRef | PendingNode> {}
type Slot = ChildRef | PendingNode | undefined;

export class Committer {
  constructor(
    private readonly loader: NodeLoader,
    private readonly writer: NodeWriter,
    private readonly keys: Uint8Array[],
    private readonly vals: (Uint8Array | null)[],
  ) {}

  /**
   * Apply every change to the trie at `root` (undefined = empty). Returns `root`
   * if nothing changed, undefined if the trie became empty, else the new root
   * node, its children already encoded.
   */
  apply(root: Uint8Array | undefined): Uint8Array | TrieNode | undefined {
    return this.update(root, 0, 0, this.keys.length) as Uint8Array | TrieNode | undefined;
  }

  /**
   * Apply changes [lo, hi) (all sharing the first `depth` nibbles) to `slot`.
   * Returns `slot` itself when nothing changed, undefined when the sub-trie
   * became empty, else a new node whose children are all encoded references.
   */
  private update(slot: Slot, depth: number, lo: number, hi: number): Slot {
    if (slot === undefined) return buildNode(this.writer, this.keys, this.vals, lo, hi, depth);
    if (slot instanceof Uint8Array) return this.updateNode(this.loader.resolve(slot), slot, depth, lo, hi);
    return this.updateNode(slot, slot, depth, lo, hi);
  }

  private updateNode(node: PendingNode, orig: Slot, depth: number, lo: number, hi: number): Slot {
    const { keys, vals, writer } = this;
    let partial = node.partial;
    let value = node.value;
    let valueHashed = node.valueHashed;
    let children = node.children;
    let ownChildren = false; // decoded nodes are shared: copy `children` before writing
    let changed = false;

    // An inserted key leaving the partial key early forces a split there.
    let cut = partial.length;
    for (let i = lo; i < hi; i++) {
      if (vals[i] !== null) cut = matchPartial(keys[i], depth, partial, cut);
    }
    if (cut < partial.length) {
      const moved: PendingNode = { partial: partial.subarray(cut + 1), value, valueHashed, children };
      children = new Array(16);
      children[partial[cut]] = moved;
      ownChildren = true;
      partial = partial.subarray(0, cut);
      value = undefined;
      valueHashed = false;
      changed = true;
    }
    const plen = partial.length;
    const end = depth + plen;

    // Keys under this node form one contiguous run; the rest are deletions of absent keys.
    let i = lo;
    while (i < hi && matchPartial(keys[i], depth, partial, plen) !== plen) i++;
    let j = i;
    while (j < hi && matchPartial(keys[j], depth, partial, plen) === plen) j++;

    if (i < j && keys[i].length * 2 === end) {
      const v = vals[i];
      if (v === null) {
        if (value !== undefined) {
          value = undefined;
          valueHashed = false;
          changed = true;
        }
      } else if (writer.hashesValue(v)) {
        const h = blake2_256(v);
        if (!valueHashed || !bytesEqual(value!, h)) {
          writer.putValue(h, v);
          value = h;
          valueHashed = true;
          changed = true;
        }
      } else if (valueHashed || value === undefined || !bytesEqual(value, v)) {
        value = v;
        valueHashed = false;
        changed = true;
      }
      i++;
    }

    while (i < j) {
      const n = nibbleAt(keys[i], end);
      const s = i;
      while (i < j && nibbleAt(keys[i], end) === n) i++;
      const old = children === undefined ? undefined : children[n];
      const upd = this.update(old, end + 1, s, i);
      if (upd === old) continue;
      if (!ownChildren) {
        children = children === undefined ? new Array(16) : children.slice();
        ownChildren = true;
      }
      children![n] = upd;
      changed = true;
    }
    if (!changed) return orig;
    return this.normalize(partial, value, valueHashed, children, ownChildren);
  }

  /** Make the rebuilt node canonical (no empty or single-child valueless branches) and encode its new children. */
  private normalize(
    partial: Uint8Array,
    value: Uint8Array | undefined,
    valueHashed: boolean,
    children: Slot[] | undefined,
    ownChildren: boolean,
  ): Slot {
    let count = 0;
    let only = -1;
    if (children !== undefined) {
      for (let n = 0; n < 16; n++) {
        if (children[n] !== undefined) {
          count++;
          only = n;
        }
      }
    }
    if (count === 0) {
      if (value === undefined) return undefined;
      return { partial, value, valueHashed, children: undefined };
    }
    if (count === 1 && value === undefined) {
      // A valueless branch with one child folds into that child.
      const c = children![only]!;
      const child: PendingNode = c instanceof Uint8Array ? this.loader.resolve(c) : c;
      return {
        partial: joinNibbles(partial, only, child.partial),
        value: child.value,
        valueHashed: child.valueHashed,
        children: child.children,
      };
    }
    if (ownChildren) {
      for (let n = 0; n < 16; n++) {
        const c = children![n];
        if (c !== undefined && !(c instanceof Uint8Array)) children![n] = this.writer.childRef(c as TrieNode);
      }
    }
    return { partial, value, valueHashed, children };
  }
}
