// libp2p node identity as Substrate handles it: an ed25519 secret seed (32
// bytes) given by `--node-key <hex>`, a `--node-key-file`, or
// `<base>/chains/<id>/network/secret_ed25519`; the PeerId is the standard
// identity-multihash of the protobuf public key (`12D3KooW…`).
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { privateKeyFromRaw, publicKeyFromRaw } from '@libp2p/crypto/keys';
import { peerIdFromPublicKey } from '@libp2p/peer-id';
import { ed25519PairFromSeed } from '@polkadot/util-crypto';

/** sc-cli's NODE_KEY_ED25519_FILE, under `<base>/chains/<chain id>/network/`. */
export const NODE_KEY_FILE = 'secret_ed25519';
export const networkKeyPath = (basePath: string, chainId: string): string => join(basePath, 'chains', chainId, 'network', NODE_KEY_FILE);

export const generateNodeKey = (): Uint8Array => new Uint8Array(randomBytes(32));

/**
 * A node key from `--node-key` text (64 hex digits, optional 0x, surrounding
 * whitespace ignored) or from file contents (see parseNodeKeyFile).
 */
export function parseNodeKey(hexOrBytes: string | Uint8Array): Uint8Array {
  if (typeof hexOrBytes !== 'string') return parseNodeKeyFile(hexOrBytes);
  const s = hexOrBytes.trim().replace(/^0x/i, '');
  if (!/^[0-9a-fA-F]*$/.test(s) || s.length % 2 !== 0) throw new Error('invalid node key: expected 32 bytes as hex (64 hex digits)');
  if (s.length !== 64) throw new Error(`invalid node key: expected 32 bytes, got ${s.length / 2}`);
  return new Uint8Array(Buffer.from(s, 'hex'));
}

/**
 * A node key file as sc-network reads it: 32 bytes = the raw key, otherwise
 * hex text. Substrate wants exactly 64 hex bytes; surrounding whitespace and
 * a 0x prefix are tolerated here since hand-written files often have them.
 */
export function parseNodeKeyFile(data: Uint8Array): Uint8Array {
  if (data.length === 32) return new Uint8Array(data);
  try {
    return parseNodeKey(Buffer.from(data).toString('latin1'));
  } catch {
    throw new Error(`bad node key file: expected 32 raw bytes or 64 hex digits, got ${data.length} bytes`);
  }
}

/** Ed25519 public key of a node key (libp2p uses the seed like RFC 8032). */
export const nodePublicKey = (secret: Uint8Array): Uint8Array => ed25519PairFromSeed(checkLength(secret)).publicKey;

/** Base58 PeerId (`12D3KooW…`). */
export function peerIdFromNodeKey(secret: Uint8Array): string {
  return peerIdFromPublicKey(publicKeyFromRaw(nodePublicKey(secret))).toString();
}

/** The libp2p private key object for the network layer. */
export function nodeKeyToPrivateKey(secret: Uint8Array): ReturnType<typeof privateKeyFromRaw> {
  const raw = new Uint8Array(64);
  raw.set(checkLength(secret));
  raw.set(nodePublicKey(secret), 32);
  return privateKeyFromRaw(raw); // 64 bytes = seed ++ public → Ed25519 key
}

/**
 * Reads the node key file, or creates it (parents too) with a new key as 32
 * raw bytes, mode 0600, like sc-network's `Secret::File`.
 */
export function loadOrCreateNodeKey(file: string): Uint8Array {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(dirname(file), { recursive: true });
    const key = generateNodeKey();
    writeFileSync(file, key, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    return key;
  }
  try {
    return parseNodeKeyFile(data);
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

function checkLength(secret: Uint8Array): Uint8Array {
  if (secret.length !== 32) throw new Error(`invalid node key: expected 32 bytes, got ${secret.length}`);
  return secret;
}
