import { blake2AsU8a } from '@polkadot/util-crypto';

// blake2-256 is the trie hasher (sp-trie LayoutV0/V1 over BlakeTwo256).
export function blake2_256(data: Uint8Array): Uint8Array {
  return blake2AsU8a(data, 256);
}

/** The encoding of the empty trie: a single 0x00 byte. */
export const EMPTY_NODE = new Uint8Array([0]);

/** blake2_256(0x00): the root of the empty trie. */
export const EMPTY_ROOT: Uint8Array = blake2_256(EMPTY_NODE);

/** Hash length; a child reference of exactly this length is a hash, shorter ones are inline nodes. */
export const HASH_LEN = 32;

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function isEmptyRoot(root: Uint8Array): boolean {
  return bytesEqual(root, EMPTY_ROOT);
}

/** Lower-case 0x-prefixed hex: only for the map keys handed to the storage layer. */
export function toHex(bytes: Uint8Array): string {
  return '0x' + Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex');
}

/** Byte-lexicographic order (shorter prefix first). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  return Buffer.compare(a, b);
}
