// Encodes new nodes bottom-up, hashing those of 32+ bytes (and the root), and
// collects every new hash-referenced node for the caller to persist.
import { blake2_256, EMPTY_ROOT, HASH_LEN, toHex } from './hash.ts';
import { encodeNode, type ChildRef, type TrieNode } from './node-codec.ts';
import type { Layout } from './types.ts';

/** V1 stores values of at least this many bytes as separate value nodes. */
const MAX_INLINE_VALUE = 33;

export class NodeWriter {
  constructor(
    readonly layout: Layout,
    /** Sink for new nodes, keyed by 0x-hex hash; undefined when only the root is wanted. */
    private readonly nodes?: Map<string, Uint8Array>,
  ) {}

  private emit(hash: Uint8Array, bytes: Uint8Array): void {
    if (this.nodes !== undefined) this.nodes.set(toHex(hash), bytes);
  }

  /** Whether a value written now goes to a separate value node. */
  hashesValue(v: Uint8Array): boolean {
    return this.layout === 1 && v.length >= MAX_INLINE_VALUE;
  }

  /** Record value node `v` (whose hash is `h`) for persistence. */
  putValue(h: Uint8Array, v: Uint8Array): void {
    this.emit(h, v);
  }

  /** Reference to a child: its encoding if shorter than a hash, else the stored node's hash. */
  childRef(node: TrieNode): ChildRef {
    const enc = encodeNode(node);
    if (enc.length < HASH_LEN) return enc;
    const h = blake2_256(enc);
    this.emit(h, enc);
    return h;
  }

  /** The root is always hashed, whatever its size. */
  rootHash(node: TrieNode | undefined): Uint8Array {
    if (node === undefined) return EMPTY_ROOT;
    const enc = encodeNode(node);
    const h = blake2_256(enc);
    this.emit(h, enc);
    return h;
  }
}
