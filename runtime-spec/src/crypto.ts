// Hashing and signature checks used by the runtime. Pure functions: the wasm
// backends of @polkadot/util-crypto are deterministic. Hosts must await
// `cryptoReady()` once before executing the runtime.
import { ed25519Verify, sr25519Verify } from '@polkadot/wasm-crypto';
import { blake2AsU8a, cryptoWaitReady, xxhashAsU8a } from '@polkadot/util-crypto';

export const cryptoReady = (): Promise<boolean> => cryptoWaitReady();
export const blake2_256 = (d: Uint8Array): Uint8Array => blake2AsU8a(d, 256);
export const blake2_128 = (d: Uint8Array): Uint8Array => blake2AsU8a(d, 128);
export const blake2_64 = (d: Uint8Array): Uint8Array => blake2AsU8a(d, 64);
export const twox128 = (d: Uint8Array): Uint8Array => xxhashAsU8a(d, 128);
export const twox64 = (d: Uint8Array): Uint8Array => xxhashAsU8a(d, 64);
export const twox256 = (d: Uint8Array): Uint8Array => xxhashAsU8a(d, 256);

// Signature checks use the wasm build of schnorrkel/ed25519-zebra directly: about
// 8x faster than util-crypto's pure-JS sr25519 and it dominates block import time.
//
// A node checks the same signature several times: when a transaction enters its pool, at every
// revalidation and when a block with it is built or imported. Verification is a pure function,
// so the (signature, key, message) triples that verified are remembered (bounded, oldest out);
// failures are not, so junk cannot evict good entries.
const VERIFIED_CAPACITY = 65_536;
const verified = new Set<string>();

function memoVerify(scheme: string, msg: Uint8Array, sig: Uint8Array, pub: Uint8Array, verify: () => boolean): boolean {
  if (sig.length !== 64 || pub.length !== 32) return false;
  const key = scheme + Buffer.from(sig.buffer, sig.byteOffset, 64).toString('base64') + Buffer.from(pub.buffer, pub.byteOffset, 32).toString('base64')
    + Buffer.from(msg.buffer, msg.byteOffset, msg.byteLength).toString('base64');
  if (verified.has(key)) return true;
  let ok: boolean;
  try { ok = verify(); } catch { ok = false; }
  if (ok) {
    verified.add(key);
    if (verified.size > VERIFIED_CAPACITY) verified.delete(verified.values().next().value!);
  }
  return ok;
}

/** Empties the memo (benchmarks measure the cost of first-time verification with it). */
export function forgetVerifiedSignatures(): void { verified.clear(); }

export const verifySr25519 = (msg: Uint8Array, sig: Uint8Array, pub: Uint8Array): boolean =>
  memoVerify('s', msg, sig, pub, () => sr25519Verify(sig, msg, pub));
export const verifyEd25519 = (msg: Uint8Array, sig: Uint8Array, pub: Uint8Array): boolean =>
  memoVerify('e', msg, sig, pub, () => ed25519Verify(sig, msg, pub));

const utf8 = new TextEncoder();
export const text = (s: string): Uint8Array => utf8.encode(s);

export function concat(...parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export const toHex = (b: Uint8Array): string => '0x' + Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
export function fromHex(h: string): Uint8Array {
  const s = h.startsWith('0x') ? h.slice(2) : h;
  if (s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) throw new Error(`invalid hex: ${h.slice(0, 20)}`);
  return new Uint8Array(Buffer.from(s, 'hex'));
}
