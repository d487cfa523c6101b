// What the RPC method handlers need from the node, and JSON shapes shared by them.
import { DigestItem, toHex, type HeaderValue } from '@slmnet/runtime-spec';
import type { RpcError } from '../errors.ts';

export interface ChainApi {
  readonly genesisHash: Uint8Array;
  bestHash(): Uint8Array;
  finalizedHash(): Uint8Array;
  /** Canonical (best chain) hash at a height. */
  hashAt(n: number): Uint8Array | undefined;
  header(hash: Uint8Array): HeaderValue | undefined;
  body(hash: Uint8Array): Uint8Array[] | undefined;
  /** GRANDPA justification of a finalized block, if stored. */
  justification(hash: Uint8Array): Uint8Array | undefined;
  storage(hash: Uint8Array, key: Uint8Array): Uint8Array | undefined;
  keysPaged(hash: Uint8Array, prefix: Uint8Array, count: number, startKey?: Uint8Array): Uint8Array[];
  readProof(hash: Uint8Array, keys: Uint8Array[]): Uint8Array[];
  /** state_call on the state of `hash`. */
  call(hash: Uint8Array, method: string, input: Uint8Array): Uint8Array;
  onNewBest(cb: (hash: Uint8Array, header: HeaderValue) => void): () => void;
  onFinalized(cb: (hash: Uint8Array, header: HeaderValue) => void): () => void;
  onImported(cb: (hash: Uint8Array, header: HeaderValue) => void): () => void;
  onJustification(cb: (hash: Uint8Array, justification: Uint8Array) => void): () => void;
}

export const headerJson = (h: HeaderValue) => ({
  parentHash: toHex(h.parent_hash),
  number: '0x' + h.number.toString(16),
  stateRoot: toHex(h.state_root),
  extrinsicsRoot: toHex(h.extrinsics_root),
  digest: { logs: h.digest.logs.map((l) => toHex(DigestItem.codec.enc(l))) },
});

export type { RpcError };
