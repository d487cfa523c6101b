// author_*: transaction submission and watching, keys.
import { BadFormat, blake2_256, decodeExtrinsic, toHex } from '@slmnet/runtime-spec';
import { AUTHOR_BAD_FORMAT, AUTHOR_OTHER, invalidParams, RpcError } from '../errors.ts';
import type { RpcServer } from '../server.ts';
import { arrayOf, expectParams, hexBytes, string } from '../params.ts';
import type { ChainApi } from './context.ts';
import { PoolError, type TransactionPool } from '../../txpool/pool.ts';
import { derivePublic, type Keystore, type Scheme } from '../../keystore.ts';


const SCHEMES: Record<string, Scheme> = { aura: 'sr25519', babe: 'sr25519', imon: 'sr25519', audi: 'sr25519', gran: 'ed25519' };
const SESSION_KEYS: [string, Scheme][] = [['aura', 'sr25519'], ['gran', 'ed25519']];

export interface AuthorDeps { chain: ChainApi; pool: TransactionPool; keystore: Keystore }

/** Validates the bytes decode as an extrinsic before anything reaches the pool. */
function parseExtrinsic(v: unknown): Uint8Array {
  const bytes = hexBytes(v, 'extrinsic');
  try {
    decodeExtrinsic(bytes);
  } catch (e) {
    if (e instanceof BadFormat) throw new RpcError(AUTHOR_BAD_FORMAT, `Extrinsic has invalid format: ${e.message}`);
    throw e;
  }
  return bytes;
}

const poolError = (e: unknown): never => {
  if (e instanceof PoolError) throw new RpcError(e.code, e.message, e.data);
  throw e;
};

function keyType(v: unknown): string {
  const kt = string(v, 'keyType');
  if (kt.length !== 4) throw new RpcError(AUTHOR_OTHER, 'Invalid key type ID format (should be of length four)');
  return kt;
}

export function registerAuthor(server: RpcServer, { chain, pool, keystore }: AuthorDeps): void {
  const best = () => ({ hash: chain.bestHash(), number: chain.header(chain.bestHash())!.number });

  server.register('author_submitExtrinsic', async (params) => {
    expectParams(params, 1, 1);
    const xt = parseExtrinsic(params[0]);
    try { return toHex(await pool.submit(xt, best(), 'External')); } catch (e) { return poolError(e); }
  });

  server.registerSubscription({
    subscribe: 'author_submitAndWatchExtrinsic', unsubscribe: ['author_unwatchExtrinsic'], notification: 'author_extrinsicUpdate',
    start: async (params, sink) => {
      expectParams(params, 1, 1);
      const xt = parseExtrinsic(params[0]);
      let watched;
      try { watched = await pool.submitAndWatch(xt, best(), 'External'); } catch (e) { return poolError(e); }
      watched.watcher.on((status) => sink.send(status));
      return () => watched.watcher.close();
    },
  });

  server.register('author_pendingExtrinsics', (params) => {
    expectParams(params, 0, 0);
    return pool.pendingExtrinsics().map(toHex);
  });

  server.register('author_removeExtrinsic', (params) => {
    expectParams(params, 1, 1);
    // each item: {Hash: h} or {Extrinsic: bytes} (ExtrinsicOrHash)
    const hashes = arrayOf(params[0], (item: any) => {
      if (item && typeof item === 'object' && 'Hash' in item) return hexBytes(item.Hash, 'hash');
      if (item && typeof item === 'object' && 'Extrinsic' in item) return blake2_256(hexBytes(item.Extrinsic, 'extrinsic'));
      throw invalidParams('expected [{"Hash": …} | {"Extrinsic": …}]');
    });
    return pool.remove(hashes).map(toHex);
  }, { unsafe: true });

  server.register('author_insertKey', (params) => {
    expectParams(params, 3, 3);
    const kt = keyType(params[0]);
    const suri = string(params[1], 'suri');
    const pub = hexBytes(params[2], 'publicKey');
    const scheme = SCHEMES[kt];
    if (!scheme) throw new RpcError(AUTHOR_OTHER, `Key type ID is unsupported: ${kt}`);
    let derived: Uint8Array;
    try { derived = derivePublic(suri, scheme); } catch (e) { throw new RpcError(AUTHOR_OTHER, `Invalid secret URI: ${(e as Error).message}`); }
    if (Buffer.compare(derived, pub) !== 0) throw new RpcError(AUTHOR_OTHER, 'The key pair does not match the public key');
    keystore.insert(kt, suri, pub);
    return null;
  }, { unsafe: true });

  server.register('author_rotateKeys', (params) => {
    expectParams(params, 0, 0);
    return toHex(Buffer.concat(SESSION_KEYS.map(([kt, scheme]) => keystore.generate(kt, scheme))));
  }, { unsafe: true });

  server.register('author_hasKey', (params) => {
    expectParams(params, 2, 2);
    return keystore.has([[hexBytes(params[0], 'publicKey'), keyType(params[1])]]);
  }, { unsafe: true });

  server.register('author_hasSessionKeys', (params) => {
    expectParams(params, 1, 1);
    const keys = hexBytes(params[0], 'sessionKeys');
    if (keys.length !== 32 * SESSION_KEYS.length) throw new RpcError(AUTHOR_OTHER, 'Session keys are not encoded correctly');
    return keystore.has(SESSION_KEYS.map(([kt], i) => [keys.subarray(i * 32, i * 32 + 32), kt] as [Uint8Array, string]));
  }, { unsafe: true });
}
