// Node-only helpers of @slmnet/client: keystore files and hashing files from disk.
import { readFileSync, writeFileSync } from 'node:fs';
import type { KeyringPair } from '@polkadot/keyring/types';
import { contentRef, type ContentRef } from './content.ts';
import { fromKeystore, KeyError, toKeystore } from './keyring.ts';

/** Unlocks a JSON keystore file. */
export function readKeyfile(path: string, password: string): KeyringPair {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new KeyError(`cannot read keyfile ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return fromKeystore(text, password);
}

export function writeKeyfile(path: string, pair: KeyringPair, password: string): void {
  writeFileSync(path, JSON.stringify(toKeystore(pair, password), null, 2), { mode: 0o600 });
}

/** Hash and size of a file's bytes (the contribution is recorded by these; the file itself is not uploaded). */
export function hashFile(path: string): ContentRef & { bytes: Uint8Array } {
  const bytes = readFileSync(path);
  return { ...contentRef(bytes), bytes };
}
