// Content addressing: a contribution is recorded on chain by the blake2-256 hash and size of its
// bytes, and the Merkle root of their chunks (what storage challenges are answered against).
import { u8aToHex, stringToU8a } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';
import { chunksRoot } from '@slmnet/runtime-spec/merkle';

export interface ContentRef {
  /** 0x blake2-256 of the bytes. */
  hash: string;
  size: number;
  /** 0x Merkle root over the bytes' 1 KiB chunks (the runtime's `chunksRoot`). */
  chunksRoot: string;
}

export const bytesOf = (content: Uint8Array | string): Uint8Array => (typeof content === 'string' ? stringToU8a(content) : content);

/** Hash, size and chunks root of some bytes (text is UTF-8 encoded). */
export function contentRef(content: Uint8Array | string): ContentRef {
  const b = bytesOf(content);
  return { hash: u8aToHex(blake2AsU8a(b, 256)), size: b.length, chunksRoot: u8aToHex(chunksRoot(b)) };
}

/** 0x blake2-256 of the bytes, or `hash` itself when it already is a 32-byte hex hash. */
export function hashOf(input: Uint8Array | string): string {
  if (typeof input === 'string' && /^0x[0-9a-fA-F]{64}$/.test(input)) return input;
  return contentRef(input).hash;
}
