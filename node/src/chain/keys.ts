// Well-known storage keys the node reads directly, and decoders for their values.
import { xxhashAsU8a } from '@polkadot/util-crypto';
import { concatBytes, decodeCompact, DecodeError, readU64 } from '../db/codec.ts';

const twox128 = (s: string) => xxhashAsU8a(new TextEncoder().encode(s), 128);
export const storageKey = (pallet: string, item: string): Uint8Array => concatBytes([twox128(pallet), twox128(item)]);

/** 0x57f8dc2f5ab09467896f47300f0424385e0621c4869aa60c02be9adcc98a0d1d */
export const AURA_AUTHORITIES = storageKey('Aura', 'Authorities');
export const GRANDPA_AUTHORITIES = storageKey('Grandpa', 'Authorities');
export const GRANDPA_CURRENT_SET_ID = storageKey('Grandpa', 'CurrentSetId');

/** Vec<sr25519::Public>. */
export function decodeAuraAuthorities(v: Uint8Array | undefined): Uint8Array[] {
  if (!v) return [];
  const [n, off] = decodeCompact(v, 0);
  if (off + n * 32 !== v.length) throw new DecodeError('Aura.Authorities: bad length');
  const out: Uint8Array[] = [];
  for (let i = 0; i < n; i++) out.push(v.slice(off + i * 32, off + i * 32 + 32));
  return out;
}

/** Vec<(ed25519::Public, u64 weight)>. */
export function decodeGrandpaAuthorities(v: Uint8Array | undefined): [Uint8Array, bigint][] {
  if (!v) return [];
  const [n, off] = decodeCompact(v, 0);
  if (off + n * 40 !== v.length) throw new DecodeError('Grandpa.Authorities: bad length');
  const out: [Uint8Array, bigint][] = [];
  for (let i = 0; i < n; i++) {
    const o = off + i * 40;
    out.push([v.slice(o, o + 32), readU64(v, o + 32)]);
  }
  return out;
}

export const decodeSetId = (v: Uint8Array | undefined): bigint => (v && v.length === 8 ? readU64(v, 0) : 0n);
