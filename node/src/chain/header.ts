// sp_runtime::generic::Header<u32, BlakeTwo256> as the node handles it: SCALE
// codec, block hash, Aura pre-runtime/seal digests. The value shape is the one
// of the runtime's `Header` codec (runtime-spec/src/primitives.ts), so values
// pass between the two unchanged.
import { blake2AsU8a } from '@polkadot/util-crypto';
import { DecodeError, concatBytes, decodeCompact, encodeCompact, readU64, sameBytes, u64le } from '../db/codec.ts';

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

const TAG = { Other: 0, Consensus: 4, Seal: 5, PreRuntime: 6, RuntimeEnvironmentUpdated: 8 } as const;
export const AURA_ENGINE = new Uint8Array([0x61, 0x75, 0x72, 0x61]); // 'aura'
export const GRANDPA_ENGINE = new Uint8Array([0x46, 0x52, 0x4e, 0x4b]); // 'FRNK'

export const blake2_256 = (b: Uint8Array): Uint8Array => blake2AsU8a(b, 256);

const withLen = (b: Uint8Array) => concatBytes([encodeCompact(b.length), b]);

export function encodeDigestItem(d: DigestItem): Uint8Array {
  switch (d.tag) {
    case 'Other': return concatBytes([Uint8Array.of(TAG.Other), withLen(d.value)]);
    case 'RuntimeEnvironmentUpdated': return Uint8Array.of(TAG.RuntimeEnvironmentUpdated);
    default: {
      const [engine, data] = d.value;
      if (engine.length !== 4) throw new RangeError('digest engine id must be 4 bytes');
      return concatBytes([Uint8Array.of(TAG[d.tag]), engine, withLen(data)]);
    }
  }
}

export function encodeHeader(h: Header): Uint8Array {
  if (h.parent_hash.length !== 32 || h.state_root.length !== 32 || h.extrinsics_root.length !== 32) throw new RangeError('header hashes must be 32 bytes');
  return concatBytes([
    h.parent_hash, encodeCompact(h.number), h.state_root, h.extrinsics_root,
    encodeCompact(h.digest.logs.length), ...h.digest.logs.map(encodeDigestItem),
  ]);
}

function take(b: Uint8Array, off: number, n: number): Uint8Array {
  if (off + n > b.length) throw new DecodeError('header: out of data');
  return b.slice(off, off + n);
}

function takeBytes(b: Uint8Array, off: number): [Uint8Array, number] {
  const [len, n] = decodeCompact(b, off);
  return [take(b, off + n, len), n + len];
}

/** Decodes a header and returns it with the number of bytes read. */
export function decodeHeaderPrefix(b: Uint8Array, off = 0): [Header, number] {
  const start = off;
  const parent_hash = take(b, off, 32); off += 32;
  const [number, nn] = decodeCompact(b, off); off += nn;
  if (number > 0xffffffff) throw new DecodeError('header: block number exceeds u32');
  const state_root = take(b, off, 32); off += 32;
  const extrinsics_root = take(b, off, 32); off += 32;
  const [count, cn] = decodeCompact(b, off); off += cn;
  const logs: DigestItem[] = [];
  for (let i = 0; i < count; i++) {
    if (off >= b.length) throw new DecodeError('header: out of data in digest');
    const tag = b[off++];
    if (tag === TAG.Other) {
      const [v, n] = takeBytes(b, off); off += n;
      logs.push({ tag: 'Other', value: v });
    } else if (tag === TAG.RuntimeEnvironmentUpdated) {
      logs.push({ tag: 'RuntimeEnvironmentUpdated', value: undefined });
    } else if (tag === TAG.Consensus || tag === TAG.Seal || tag === TAG.PreRuntime) {
      const engine = take(b, off, 4); off += 4;
      const [v, n] = takeBytes(b, off); off += n;
      logs.push({ tag: tag === TAG.Consensus ? 'Consensus' : tag === TAG.Seal ? 'Seal' : 'PreRuntime', value: [engine, v] });
    } else {
      throw new DecodeError(`header: unknown digest item tag ${tag}`);
    }
  }
  return [{ parent_hash, number, state_root, extrinsics_root, digest: { logs } }, off - start];
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
