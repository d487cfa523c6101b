// sp_runtime::generic::Header<u32, BlakeTwo256> as the node handles it: the
// runtime's Header codec with node-side checks, block hash, Aura digests.
import { blake2_256, DigestItem as DigestItemTy, Header as HeaderTy, T } from '@slmnet/runtime-spec';
import { DecodeError, readU64, sameBytes, u64le } from '../db/codec.ts';

export type DigestItem =
  | { tag: 'PreRuntime' | 'Consensus' | 'Seal'; value: [Uint8Array, Uint8Array] }
  | { tag: 'Other'; value: Uint8Array }
  | { tag: 'RuntimeEnvironmentUpdated'; value: undefined };

export interface Header {
  parent_hash: Uint8Array;
  number: number;
  state_root: Uint8Array;
  extrinsics_root: Uint8Array;
  digest: { logs: DigestItem[] };
}

export const AURA_ENGINE = new Uint8Array([0x61, 0x75, 0x72, 0x61]); // 'aura'
export const GRANDPA_ENGINE = new Uint8Array([0x46, 0x52, 0x4e, 0x4b]); // 'FRNK'

export { blake2_256 };

export function encodeDigestItem(d: DigestItem): Uint8Array {
  if (d.tag !== 'Other' && d.tag !== 'RuntimeEnvironmentUpdated' && d.value[0].length !== 4) throw new RangeError('digest engine id must be 4 bytes');
  return DigestItemTy.codec.enc(d);
}

export function encodeHeader(h: Header): Uint8Array {
  if (h.parent_hash.length !== 32 || h.state_root.length !== 32 || h.extrinsics_root.length !== 32) throw new RangeError('header hashes must be 32 bytes');
  for (const d of h.digest.logs) if (d.tag !== 'Other' && d.tag !== 'RuntimeEnvironmentUpdated' && d.value[0].length !== 4) throw new RangeError('digest engine id must be 4 bytes');
  return HeaderTy.codec.enc(h);
}

/** Decodes a header (the runtime's codec) and returns it with the number of bytes read. */
export function decodeHeaderPrefix(b: Uint8Array, off = 0): [Header, number] {
  let r: [Header, number];
  try { r = T.decodePrefix(HeaderTy, b.subarray(off)) as [Header, number]; } catch (e) { throw new DecodeError(`header: ${(e as Error).message}`); }
  if (r[0].number > 0xffffffff) throw new DecodeError('header: block number exceeds u32');
  return r;
}

export function decodeHeader(b: Uint8Array): Header {
  const [h, n] = decodeHeaderPrefix(b, 0);
  if (n !== b.length) throw new DecodeError(`header: ${b.length - n} trailing bytes`);
  return h;
}

export const headerHash = (h: Header | Uint8Array): Uint8Array => blake2_256(h instanceof Uint8Array ? h : encodeHeader(h));

// ---- Aura digests -------------------------------------------------------------

/** `PreRuntime('aura', SCALE(slot u64))`: `06 61757261 20 <slot u64 LE>`. */
export const auraPreDigest = (slot: bigint): DigestItem => ({ tag: 'PreRuntime', value: [AURA_ENGINE, u64le(slot)] });
/** `Seal('aura', SCALE(sr25519 signature))`: `05 61757261 0101 <sig64>`. */
export const auraSeal = (signature: Uint8Array): DigestItem => ({ tag: 'Seal', value: [AURA_ENGINE, signature] });

/** The Aura slot of a header (from its pre-runtime digest); undefined for genesis / non-Aura headers. */
export function auraSlot(h: Header): bigint | undefined {
  let slot: bigint | undefined;
  for (const l of h.digest.logs) {
    if (l.tag === 'PreRuntime' && sameBytes(l.value[0], AURA_ENGINE)) {
      if (slot !== undefined) throw new DecodeError('header has more than one Aura pre-runtime digest');
      if (l.value[1].length !== 8) throw new DecodeError('Aura pre-runtime digest must hold a u64 slot');
      slot = readU64(l.value[1], 0);
    }
  }
  return slot;
}

/** Splits off the trailing seal: [header without it, seal signature] (undefined if the last digest is not an Aura seal). */
export function splitSeal(h: Header): [Header, Uint8Array | undefined] {
  const logs = h.digest.logs;
  const last = logs[logs.length - 1];
  if (!last || last.tag !== 'Seal' || !sameBytes(last.value[0], AURA_ENGINE)) return [h, undefined];
  return [{ ...h, digest: { logs: logs.slice(0, -1) } }, last.value[1]];
}
