/** Trie layout = state version: 0 keeps every value inline, 1 hashes values of 33+ bytes. */
export type Layout = 0 | 1;

/**
 * Where encoded nodes (and V1 value nodes) live, keyed by their blake2-256 hash.
 * Decoded nodes keep views into the returned bytes, so a store must not hand
 * out a buffer it later reuses or mutates.
 */
export interface NodeStore {
  get(hash: Uint8Array): Uint8Array | undefined;
}
