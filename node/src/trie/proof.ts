// state_getReadProof: every hash-referenced node visited while looking up the
// keys (root included, V1 value nodes as their own entries), de-duplicated and
// byte-sorted. Inline children travel inside their parent's encoding.
import { compareBytes, EMPTY_NODE, HASH_LEN, isEmptyRoot } from './hash.ts';
import { matchPartial, nibbleAt } from './nibbles.ts';
import type { NodeLoader } from './node-loader.ts';

export function readProof(loader: NodeLoader, root: Uint8Array, keys: Uint8Array[]): Uint8Array[] {
  // The empty root needs no store entry, but its node is still what a verifier hashes.
  if (isEmptyRoot(root)) return [EMPTY_NODE.slice()];
  const found: Uint8Array[] = [loader.fetch(root)];
  for (const key of keys) {
    const klen = key.length * 2;
    let node = loader.resolve(root);
    let depth = 0;
    for (;;) {
      const p = node.partial;
      if (matchPartial(key, depth, p, p.length) !== p.length) break;
      const end = depth + p.length;
      if (end === klen) {
        if (node.value !== undefined && node.valueHashed) found.push(loader.fetch(node.value));
        break;
      }
      const child = node.children?.[nibbleAt(key, end)];
      if (child === undefined) break;
      if (child.length === HASH_LEN) found.push(loader.fetch(child));
      node = loader.resolve(child);
      depth = end + 1;
    }
  }
  found.sort(compareBytes);
  const out: Uint8Array[] = [];
  for (const n of found) if (out.length === 0 || compareBytes(out[out.length - 1], n) !== 0) out.push(n);
  return out;
}
