// Accounts: dev accounts, secret URIs and mnemonics, JSON keystore files (browser-safe: no file I/O here).
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair, KeyringPair$Json } from '@polkadot/keyring/types';
import { cryptoWaitReady, decodeAddress, encodeAddress, mnemonicGenerate, mnemonicValidate } from '@polkadot/util-crypto';
import { isHex } from '@polkadot/util';

export const SS58_PREFIX = 42;
export const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'] as const;

export class KeyError extends Error {
  override name = 'KeyError';
}

let keyring: Keyring | undefined;

/** Waits for the wasm crypto once; every function below that derives keys needs it. */
export async function cryptoReady(): Promise<void> {
  await cryptoWaitReady();
}

function ring(): Keyring {
  keyring ??= new Keyring({ type: 'sr25519', ss58Format: SS58_PREFIX });
  return keyring;
}

/** A development account: `devAccount('Alice')` = `//Alice`; `devAccount('Alice//stash')` works too. */
export function devAccount(name: string): KeyringPair {
  return fromUri(`//${name.replace(/^\/\//, '')}`);
}

/** A key pair from a secret URI: mnemonic or 0x seed, with optional `//hard/soft` derivation and `///password`. */
export function fromUri(suri: string, type: 'sr25519' | 'ed25519' = 'sr25519'): KeyringPair {
  const phrase = suri.split('/')[0].trim();
  if (phrase && !isHex(phrase) && !mnemonicValidate(phrase)) throw new KeyError('bad secret URI: not a mnemonic, a 0x seed or a //derivation');
  try {
    return ring().addFromUri(suri, {}, type);
  } catch (e) {
    throw new KeyError(`bad secret URI: ${(e as Error).message}`);
  }
}

/** A fresh 12-word mnemonic. */
export const newMnemonic = (words: 12 | 24 = 12): string => mnemonicGenerate(words);

/** Unlocks a JSON keystore (as exported by polkadot.js apps or `toKeystore`) with its password. */
export function fromKeystore(json: KeyringPair$Json | string, password: string): KeyringPair {
  let pair: KeyringPair;
  try {
    pair = ring().addFromJson(typeof json === 'string' ? JSON.parse(json) as KeyringPair$Json : json);
  } catch (e) {
    throw new KeyError(`bad keystore file: ${(e as Error).message}`);
  }
  try {
    pair.decodePkcs8(password);
  } catch {
    throw new KeyError('cannot unlock keystore: wrong password');
  }
  return pair;
}

/** Encrypts a pair into a JSON keystore with `password`. */
export const toKeystore = (pair: KeyringPair, password: string): KeyringPair$Json => pair.toJson(password);

/** Validates an SS58 address (any prefix) or 0x account id and returns it in SLMnet's SS58 format. */
export function parseAddress(input: string): string {
  try {
    const raw = decodeAddress(input.trim());
    if (raw.length !== 32) throw new Error('not 32 bytes');
    return encodeAddress(raw, SS58_PREFIX);
  } catch {
    throw new KeyError(`bad address "${input}": expected an SS58 address or 0x account id`);
  }
}
