// Substrate LocalKeystore-compatible key store, plus secret-URI handling shared
// with `key inspect/insert`.
//
// On disk (sc-keystore local.rs): one file per key in the keystore directory,
// named hex(key type, 4 ASCII bytes) ++ hex(public key), no 0x; the content is
// the secret URI / phrase / 0x seed as a JSON string (`"//Alice"`), mode 0600.
// So a keystore written by a Substrate node (or by Zombienet) works here and
// the other way round.
//
// Everything here uses @polkadot/util-crypto's wasm backends: call
// `await cryptoWaitReady()` (from @polkadot/util-crypto) once before use.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  blake2AsU8a, ed25519PairFromSeed, ed25519Sign, keyExtractPath, keyFromPath, mnemonicGenerate,
  mnemonicToMiniSecret, mnemonicValidate, secp256k1PairFromSeed, secp256k1Sign, sha512AsU8a,
  sr25519PairFromSeed, sr25519Sign,
} from '@polkadot/util-crypto';
import type { Keypair } from '@polkadot/util-crypto/types';

export type Scheme = 'sr25519' | 'ed25519' | 'ecdsa';
export type KeyTypeId = string; // 4 ASCII chars: 'aura', 'gran', 'babe', 'imon', 'audi', 'slmn' ...
export interface SignerPair { scheme: Scheme; publicKey: Uint8Array; sign(msg: Uint8Array): Uint8Array; }

export const SCHEMES: readonly Scheme[] = ['sr25519', 'ed25519', 'ecdsa'];
/** sp_core's DEV_PHRASE: the phrase used when a URI starts with a path (`//Alice`). */
export const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
export const PUBLIC_KEY_LENGTH: Record<Scheme, number> = { sr25519: 32, ed25519: 32, ecdsa: 33 };

const hex = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/** The 4 bytes of a key type id; Substrate's KeyTypeId is exactly 4 bytes. */
export function keyTypeBytes(keyType: KeyTypeId): Uint8Array {
  if (!/^[\x20-\x7e]{4}$/.test(keyType)) throw new Error(`invalid key type "${keyType}": must be 4 ASCII characters, e.g. aura, gran`);
  return new TextEncoder().encode(keyType);
}

/** `hex(key type) ++ hex(public)`, LocalKeystore's key_file_path. */
export const keyFileName = (keyType: KeyTypeId, publicKey: Uint8Array): string => hex(keyTypeBytes(keyType)) + hex(publicKey);

// ---------------------------------------------------------------------------
// Secret URIs: `<phrase | 0x seed>[//hard][/soft][///password]` (sp_core SecretUri).

export interface DerivedPair {
  scheme: Scheme;
  publicKey: Uint8Array;
  /** util-crypto's secret key for the scheme (sr25519/ed25519: 64 bytes, ecdsa: 32). */
  secretKey: Uint8Array;
  /** What subkey prints as "Secret seed": null where Substrate prints "n/a" (soft sr25519 paths). */
  seed: Uint8Array | null;
}

// Same grammar as sp_core's SECRET_PHRASE_REGEX (phrase optional → DEV_PHRASE).
const SURI = /^([\p{L}\p{N}\p{M}_ ]+)?((?:\/\/?[^/]+)*)(?:\/\/\/(.*))?$/u;

/**
 * Pair::from_string_with_seed. `password` overrides a `///password` in the URI,
 * as Substrate's --password does. Throws on anything Substrate rejects.
 */
export function pairFromSuri(suri: string, scheme: Scheme, password?: string): DerivedPair {
  const m = SURI.exec(suri);
  if (!m) throw new Error('invalid secret URI format');
  const phrase = m[1] ?? DEV_PHRASE;
  const pw = password ?? m[3] ?? '';
  let seed: Uint8Array;
  if (phrase.startsWith('0x')) {
    const s = phrase.slice(2);
    if (s.length !== 64 || !/^[0-9a-fA-F]*$/.test(s)) throw new Error('invalid secret seed: expected 0x and 32 bytes of hex');
    seed = new Uint8Array(Buffer.from(s, 'hex'));
  } else {
    seed = miniSecretFromPhrase(phrase, pw);
  }
  const root = pairFromSeed(seed, scheme);
  if (!m[2]) return { scheme, publicKey: root.publicKey, secretKey: root.secretKey, seed };
  const { path } = keyExtractPath(m[2]);
  if (scheme !== 'sr25519' && path.some((j) => j.isSoft)) throw new Error(`soft derivation paths are not supported for ${scheme}`);
  const pair = keyFromPath(root, path, scheme);
  let derivedSeed: Uint8Array | null;
  if (scheme !== 'sr25519') derivedSeed = pair.secretKey.slice(0, 32); // ed25519/ecdsa hard derivation yields a new seed
  else if (path.some((j) => j.isSoft)) derivedSeed = null; // schnorrkel soft derivation has no seed
  else derivedSeed = path.reduce((s, j) => sr25519HardSeed(s, j.chainCode), seed);
  return { scheme, publicKey: pair.publicKey, secretKey: pair.secretKey, seed: derivedSeed };
}

/** Pair::from_phrase: the whole string must be a BIP39 phrase; the seed is the 32-byte mini secret. */
export function pairFromPhrase(phrase: string, scheme: Scheme, password = ''): DerivedPair | undefined {
  if (!mnemonicValidate(phrase)) return undefined;
  const seed = miniSecretFromPhrase(phrase, password);
  const p = pairFromSeed(seed, scheme);
  return { scheme, publicKey: p.publicKey, secretKey: p.secretKey, seed };
}

/** Public key of `suri` under `scheme` (throws on a bad URI). */
export const derivePublic = (suri: string, scheme: Scheme, password?: string): Uint8Array => pairFromSuri(suri, scheme, password).publicKey;

/** Account id: the public key, except ecdsa where it is blake2_256(compressed public). */
export const accountId = (publicKey: Uint8Array, scheme: Scheme): Uint8Array =>
  scheme === 'ecdsa' ? blake2AsU8a(publicKey, 256) : publicKey;

function miniSecretFromPhrase(phrase: string, password: string): Uint8Array {
  // substrate-bip39's mini_secret_from_entropy for all three schemes
  if (!mnemonicValidate(phrase)) throw new Error('invalid phrase: not a BIP39 mnemonic (or 0x-prefixed 32-byte seed)');
  return mnemonicToMiniSecret(phrase, password);
}

function pairFromSeed(seed: Uint8Array, scheme: Scheme): Keypair {
  switch (scheme) {
    case 'sr25519': return sr25519PairFromSeed(seed);
    case 'ed25519': return ed25519PairFromSeed(seed);
    case 'ecdsa': return secp256k1PairFromSeed(seed);
  }
}

function signer(scheme: Scheme, p: { publicKey: Uint8Array; secretKey: Uint8Array }): SignerPair {
  const kp = { publicKey: p.publicKey, secretKey: p.secretKey };
  const sign = scheme === 'sr25519' ? (m: Uint8Array) => sr25519Sign(m, kp)
    : scheme === 'ed25519' ? (m: Uint8Array) => ed25519Sign(m, kp)
    : (m: Uint8Array) => secp256k1Sign(m, kp, 'blake2'); // sp_core ecdsa: sign_prehashed(blake2_256(msg)), 65 bytes
  return { scheme, publicKey: p.publicKey, sign };
}

// --- sr25519 hard-derivation seed -------------------------------------------
// util-crypto derives the keypair but never exposes the derived mini secret,
// which subkey prints as "Secret seed" for `//Alice`. schnorrkel computes it
// with a Merlin transcript (STROBE-128 over Keccak-f[1600]), reproduced here.

const MASK64 = (1n << 64n) - 1n;
const ROTATIONS = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14];
const ROUND_CONSTANTS: bigint[] = (() => {
  // FIPS 202 rc(t) LFSR (x^8 + x^6 + x^5 + x^4 + 1)
  const out: bigint[] = [];
  let r = 1;
  for (let round = 0; round < 24; round++) {
    let c = 0n;
    for (let j = 0; j < 7; j++) {
      if (r & 1) c |= 1n << BigInt((1 << j) - 1);
      r <<= 1;
      if (r & 0x100) r ^= 0x171;
    }
    out.push(c);
  }
  return out;
})();

/** Keccak-f[1600] in place on a 200-byte state. */
export function keccakF1600(state: Uint8Array): void {
  const view = new DataView(state.buffer, state.byteOffset, 200);
  const a: bigint[] = Array.from({ length: 25 }, (_, i) => view.getBigUint64(i * 8, true));
  const rotl = (v: bigint, n: number) => (n === 0 ? v : ((v << BigInt(n)) | (v >> BigInt(64 - n))) & MASK64);
  for (const rc of ROUND_CONSTANTS) {
    const c = [0, 1, 2, 3, 4].map((x) => a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20]);
    for (let x = 0; x < 5; x++) {
      const d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1);
      for (let y = 0; y < 25; y += 5) a[x + y] ^= d;
    }
    const b = new Array<bigint>(25);
    for (let x = 0; x < 5; x++) for (let y = 0; y < 5; y++) b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(a[x + 5 * y], ROTATIONS[x + 5 * y]);
    for (let y = 0; y < 25; y += 5) for (let x = 0; x < 5; x++) a[x + y] = b[x + y] ^ (~b[((x + 1) % 5) + y] & MASK64 & b[((x + 2) % 5) + y]);
    a[0] ^= rc;
  }
  a.forEach((v, i) => view.setBigUint64(i * 8, v, true));
}

/** The subset of STROBE-128 that Merlin uses (meta-AD, AD, PRF). */
class Strobe128 {
  private static readonly R = 166;
  private state = new Uint8Array(200);
  private pos = 0;
  private posBegin = 0;
  constructor(label: Uint8Array) {
    this.state.set([1, Strobe128.R + 2, 1, 0, 1, 96]);
    this.state.set(new TextEncoder().encode('STROBEv1.0.2'), 6);
    keccakF1600(this.state);
    this.metaAd(label, false);
  }
  metaAd(data: Uint8Array, more: boolean) { this.begin(0x10 | 0x02, more); this.absorb(data); }
  ad(data: Uint8Array, more: boolean) { this.begin(0x02, more); this.absorb(data); }
  prf(n: number): Uint8Array {
    this.begin(0x01 | 0x02 | 0x04, false);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = this.state[this.pos];
      this.state[this.pos] = 0;
      this.step();
    }
    return out;
  }
  private step() { if (++this.pos === Strobe128.R) this.runF(); }
  private absorb(data: Uint8Array) { for (const b of data) { this.state[this.pos] ^= b; this.step(); } }
  private runF() {
    this.state[this.pos] ^= this.posBegin;
    this.state[this.pos + 1] ^= 0x04;
    this.state[Strobe128.R + 1] ^= 0x80;
    keccakF1600(this.state);
    this.pos = 0;
    this.posBegin = 0;
  }
  private begin(flags: number, more: boolean) {
    if (more) return; // continues the previous operation (Merlin always repeats the same flags)
    const old = this.posBegin;
    this.posBegin = this.pos + 1;
    this.absorb(new Uint8Array([old, flags]));
    if ((flags & (0x04 | 0x20)) !== 0 && this.pos !== 0) this.runF();
  }
}

/** Merlin transcript (merlin 2.0 / 3.0 wire behaviour). */
export class MerlinTranscript {
  private strobe = new Strobe128(new TextEncoder().encode('Merlin v1.0'));
  constructor(label: string) { this.append('dom-sep', new TextEncoder().encode(label)); }
  append(label: string, msg: Uint8Array): void {
    this.strobe.metaAd(new TextEncoder().encode(label), false);
    this.strobe.metaAd(u32le(msg.length), true);
    this.strobe.ad(msg, false);
  }
  challenge(label: string, n: number): Uint8Array {
    this.strobe.metaAd(new TextEncoder().encode(label), false);
    this.strobe.metaAd(u32le(n), true);
    return this.strobe.prf(n);
  }
}
const u32le = (n: number) => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, n, true); return b; };

/** schnorrkel MiniSecretKey::expand(Ed25519) → the secret scalar's 32 bytes. */
function sr25519SecretScalar(miniSecret: Uint8Array): Uint8Array {
  const key = sha512AsU8a(miniSecret).slice(0, 32);
  key[0] &= 248; key[31] &= 63; key[31] |= 64;
  // divide by the cofactor (8): little-endian shift right by 3
  let carry = 0;
  for (let i = 31; i >= 0; i--) { const low = key[i] & 7; key[i] = (key[i] >> 3) | (carry << 5); carry = low; }
  return key;
}

/** sp_core sr25519 derive_hard_junction: SecretKey::hard_derive_mini_secret_key(Some(cc), b""). */
export function sr25519HardSeed(miniSecret: Uint8Array, chainCode: Uint8Array): Uint8Array {
  const t = new MerlinTranscript('SchnorrRistrettoHDKD');
  t.append('sign-bytes', new Uint8Array(0));
  t.append('chain-code', chainCode);
  t.append('secret-key', sr25519SecretScalar(miniSecret));
  return t.challenge('HDKD-hard', 32);
}

// ---------------------------------------------------------------------------

/**
 * LocalKeystore. `dir` null = memory only (`--tmp`, dev keys). Keys added with
 * addEphemeral() are never written, like Substrate's `*_generate_new(.., Some(seed))`.
 */
export class Keystore {
  /** file name (hex key type ++ hex public) → secret URI, for keys that are not on disk */
  private readonly memory = new Map<string, string>();
  /** `${scheme}\0${suri}` → hex public, so publicKeys() does not re-run PBKDF2 on every call */
  private readonly derived = new Map<string, string | null>();

  private constructor(readonly dir: string | null) {}

  static open(dir: string | null): Keystore {
    if (dir !== null) mkdirSync(dir, { recursive: true, mode: 0o700 });
    return new Keystore(dir);
  }

  /** Stores `suri` for (keyType, publicKey) as given (no check that they match, as in Substrate). */
  insert(keyType: KeyTypeId, suri: string, publicKey: Uint8Array): void {
    const name = keyFileName(keyType, publicKey);
    if (this.dir === null) { this.memory.set(name, suri); return; }
    const file = join(this.dir, name);
    writeFileSync(file, JSON.stringify(suri), { mode: 0o600 });
    chmodSync(file, 0o600); // `mode` only applies when the file is created
  }

  /** Derives the public key of `suri` under `scheme`, stores it, returns the public key. */
  insertSuri(keyType: KeyTypeId, suri: string, scheme: Scheme): Uint8Array {
    const pub = derivePublic(suri, scheme);
    this.insert(keyType, suri, pub);
    return pub;
  }

  /** Memory-only key (dev accounts): never persisted even with a directory. */
  addEphemeral(keyType: KeyTypeId, suri: string, scheme: Scheme): Uint8Array {
    const pub = derivePublic(suri, scheme);
    this.memory.set(keyFileName(keyType, pub), suri);
    return pub;
  }

  /** True when every (public, key type) has a stored secret. */
  has(keys: Array<[Uint8Array, KeyTypeId]>): boolean {
    return keys.every(([pub, kt]) => this.secretOf(kt, pub) !== undefined);
  }

  /** Public keys of `keyType` whose stored secret really derives to them under `scheme`. */
  publicKeys(keyType: KeyTypeId, scheme: Scheme): Uint8Array[] {
    const prefix = hex(keyTypeBytes(keyType));
    const names = new Set([...this.memory.keys()].filter((n) => n.startsWith(prefix)));
    if (this.dir !== null) {
      for (const n of readdirSync(this.dir)) if (n.startsWith(prefix) && /^([0-9a-f]{2})+$/.test(n)) names.add(n);
    }
    const out: Uint8Array[] = [];
    for (const name of [...names].sort()) {
      const pubHex = name.slice(8);
      if (pubHex.length !== PUBLIC_KEY_LENGTH[scheme] * 2) continue;
      const suri = this.readSecret(name);
      if (suri !== undefined && this.derivedHex(suri, scheme) === pubHex) out.push(new Uint8Array(Buffer.from(pubHex, 'hex')));
    }
    return out;
  }

  /** A signer for the stored key, or undefined if absent or if it is not a `scheme` key. */
  pair(keyType: KeyTypeId, publicKey: Uint8Array, scheme: Scheme): SignerPair | undefined {
    const suri = this.secretOf(keyType, publicKey);
    if (suri === undefined) return undefined;
    let p: DerivedPair;
    try { p = pairFromSuri(suri, scheme); } catch { return undefined; }
    return sameBytes(p.publicKey, publicKey) ? signer(scheme, p) : undefined;
  }

  /** New random key (12-word phrase), persisted when there is a directory (author_rotateKeys). */
  generate(keyType: KeyTypeId, scheme: Scheme): Uint8Array {
    const phrase = mnemonicGenerate(12);
    const pub = derivePublic(phrase, scheme);
    this.insert(keyType, phrase, pub);
    return pub;
  }

  private secretOf(keyType: KeyTypeId, publicKey: Uint8Array): string | undefined {
    return this.readSecret(keyFileName(keyType, publicKey));
  }

  private readSecret(name: string): string | undefined {
    const mem = this.memory.get(name);
    if (mem !== undefined || this.dir === null) return mem;
    const file = join(this.dir, name);
    if (!existsSync(file)) return undefined;
    try {
      const v = JSON.parse(readFileSync(file, 'utf8'));
      return typeof v === 'string' ? v : undefined;
    } catch {
      return undefined; // not a keystore file (Substrate ignores these too)
    }
  }

  private derivedHex(suri: string, scheme: Scheme): string | null {
    const k = `${scheme}\0${suri}`;
    let v = this.derived.get(k);
    if (v === undefined) {
      try { v = hex(derivePublic(suri, scheme)); } catch { v = null; }
      this.derived.set(k, v);
    }
    return v;
  }
}
