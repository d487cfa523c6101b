// state_*: storage reads, proofs, runtime calls, metadata, runtime version.
import { blake2_256, runtime, toHex } from '@slmnet/runtime-spec';
import { RpcError, STATE_INVALID_BLOCK_RANGE, STATE_INVALID_COUNT, STATE_OTHER } from '../errors.ts';
import type { RpcServer } from '../server.ts';
import { arrayOf, expectParams, hexBytes, optHash, string, u32 } from '../params.ts';
import type { ChainApi } from './context.ts';

/** Substrate caps state_getKeysPaged at 1000 keys per call. */
const MAX_KEYS_PAGE = 1000;

export function registerState(server: RpcServer, chain: ChainApi): void {
  const at = (v: unknown): Uint8Array => {
    const h = optHash(v);
    if (!h) return chain.bestHash();
    if (!chain.header(h)) throw new RpcError(STATE_OTHER, `Client error: UnknownBlock: Header was not found in the database: ${toHex(h)}`);
    return h;
  };
  const get = (params: unknown[]) => {
    expectParams(params, 1, 2);
    return chain.storage(at(params[1]), hexBytes(params[0], 'key'));
  };

  server.register('state_getStorage', (p) => { const v = get(p); return v ? toHex(v) : null; }, { aliases: ['state_getStorageAt'] });
  server.register('state_getStorageHash', (p) => { const v = get(p); return v ? toHex(blake2_256(v)) : null; }, { aliases: ['state_getStorageHashAt'] });
  server.register('state_getStorageSize', (p) => { const v = get(p); return v ? v.length : null; }, { aliases: ['state_getStorageSizeAt'] });

  server.register('state_getKeysPaged', (params) => {
    expectParams(params, 2, 4);
    const prefix = params[0] === null || params[0] === undefined ? new Uint8Array() : hexBytes(params[0], 'prefix');
    const count = u32(params[1], 'count');
    if (count > MAX_KEYS_PAGE) throw new RpcError(STATE_INVALID_COUNT, `count exceeds maximum value. value: ${count}, max: ${MAX_KEYS_PAGE}`);
    const start = params[2] === null || params[2] === undefined ? undefined : hexBytes(params[2], 'startKey');
    return chain.keysPaged(at(params[3]), prefix, count, start).map(toHex);
  }, { aliases: ['state_getKeysPagedAt'] });

  server.register('state_getKeys', (params) => {
    expectParams(params, 1, 2);
    const hash = at(params[1]);
    const prefix = hexBytes(params[0], 'prefix');
    return chain.keysPaged(hash, prefix, 100_000).map(toHex);
  }, { unsafe: true, unsafeCode: STATE_OTHER });

  server.register('state_getPairs', (params) => {
    expectParams(params, 1, 2);
    const hash = at(params[1]);
    return chain.keysPaged(hash, hexBytes(params[0], 'prefix'), 100_000).map((k) => [toHex(k), toHex(chain.storage(hash, k)!)]);
  }, { unsafe: true, unsafeCode: STATE_OTHER });

  server.register('state_queryStorageAt', (params) => {
    expectParams(params, 1, 2);
    const keys = arrayOf(params[0], (k) => hexBytes(k, 'key'));
    const hash = at(params[1]);
    return [{ block: toHex(hash), changes: keys.map((k) => { const v = chain.storage(hash, k); return [toHex(k), v ? toHex(v) : null]; }) }];
  });

  server.register('state_queryStorage', (params) => {
    expectParams(params, 2, 3);
    const keys = arrayOf(params[0], (k) => hexBytes(k, 'key'));
    const from = at(params[1]);
    const to = at(params[2]);
    const fromN = chain.header(from)!.number;
    const toN = chain.header(to)!.number;
    if (toN < fromN) throw new RpcError(STATE_INVALID_BLOCK_RANGE, 'Cannot resolve a block range: from block is after to block');
    if (toN - fromN > 1000) throw new RpcError(STATE_INVALID_BLOCK_RANGE, 'Cannot resolve a block range: at most 1000 blocks per query');
    // walk back from `to` so forks are followed correctly
    const hashes: Uint8Array[] = [];
    for (let h = to; ; h = chain.header(h)!.parent_hash) {
      hashes.unshift(h);
      if (Buffer.compare(h, from) === 0 || chain.header(h)!.number <= fromN) break;
    }
    const out: { block: string; changes: [string, string | null][] }[] = [];
    const last = new Map<string, string | null>();
    for (const h of hashes) {
      const changes: [string, string | null][] = [];
      for (const k of keys) {
        const v = chain.storage(h, k);
        const hex = v ? toHex(v) : null;
        const key = toHex(k);
        if (!last.has(key) || last.get(key) !== hex) changes.push([key, hex]);
        last.set(key, hex);
      }
      if (changes.length || out.length === 0) out.push({ block: toHex(h), changes });
    }
    return out;
  });

  server.register('state_getReadProof', (params) => {
    expectParams(params, 1, 2);
    const keys = arrayOf(params[0], (k) => hexBytes(k, 'key'));
    const hash = at(params[1]);
    return { at: toHex(hash), proof: chain.readProof(hash, keys).map(toHex) };
  });

  server.register('state_call', (params) => {
    expectParams(params, 2, 3);
    const method = string(params[0], 'method');
    const data = hexBytes(params[1], 'data', { emptyString: true });
    const hash = at(params[2]);
    try {
      return toHex(chain.call(hash, method, data));
    } catch (e) {
      throw new RpcError(STATE_OTHER, `Client error: Execution failed: ${(e as Error).message}`);
    }
  }, { aliases: ['state_callAt'] });

  server.register('state_getMetadata', (params) => {
    expectParams(params, 0, 1);
    at(params[0]);
    return toHex(runtime.metadata(14));
  });

  server.register('state_getRuntimeVersion', (params) => {
    expectParams(params, 0, 1);
    at(params[0]);
    return runtime.versionJson();
  }, { aliases: ['chain_getRuntimeVersion'] });

  server.registerSubscription({
    subscribe: 'state_subscribeRuntimeVersion', aliases: ['chain_subscribeRuntimeVersion'],
    unsubscribe: ['state_unsubscribeRuntimeVersion', 'chain_unsubscribeRuntimeVersion'], notification: 'state_runtimeVersion',
    start: (_p, sink) => { sink.send(runtime.versionJson()); },
  });

  server.registerSubscription({
    subscribe: 'state_subscribeStorage', unsubscribe: ['state_unsubscribeStorage'], notification: 'state_storage',
    start: (params, sink) => {
      const keys = params[0] === undefined || params[0] === null ? [] : arrayOf(params[0], (k) => hexBytes(k, 'key'));
      if (keys.length > 1000) throw new RpcError(STATE_OTHER, 'too many keys in one storage subscription (max 1000)');
      const last = new Map<string, string | null>();
      const snapshot = (hash: Uint8Array, all: boolean) => {
        const changes: [string, string | null][] = [];
        for (const k of keys) {
          const v = chain.storage(hash, k);
          const key = toHex(k);
          const hex = v ? toHex(v) : null;
          if (all || last.get(key) !== hex) changes.push([key, hex]);
          last.set(key, hex);
        }
        if (all || changes.length) sink.send({ block: toHex(hash), changes });
      };
      snapshot(chain.bestHash(), true);
      return chain.onNewBest((h) => snapshot(h, false));
    },
  });
}
