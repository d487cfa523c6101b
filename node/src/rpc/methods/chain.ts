// chain_*: headers, blocks, hashes and head subscriptions.
import { toHex } from '@slmnet/runtime-spec';
import type { RpcServer } from '../server.ts';
import { blockNumber, expectParams, optHash } from '../params.ts';
import { headerJson, type ChainApi } from './context.ts';

export function registerChain(server: RpcServer, chain: ChainApi): void {
  const at = (v: unknown) => optHash(v) ?? chain.bestHash();

  const blockHash = (params: unknown[]) => {
    expectParams(params, 0, 1);
    const p = params[0];
    const one = (v: unknown) => {
      if (v === undefined || v === null) return toHex(chain.bestHash());
      const h = chain.hashAt(blockNumber(v));
      return h ? toHex(h) : null;
    };
    return Array.isArray(p) ? p.map(one) : one(p);
  };
  server.register('chain_getBlockHash', blockHash, { aliases: ['chain_getHead'] });

  server.register('chain_getHeader', (params) => {
    expectParams(params, 0, 1);
    const h = chain.header(at(params[0]));
    return h ? headerJson(h) : null;
  });

  server.register('chain_getBlock', (params) => {
    expectParams(params, 0, 1);
    const hash = at(params[0]);
    const header = chain.header(hash);
    if (!header) return null;
    const j = chain.justification(hash);
    return {
      block: { header: headerJson(header), extrinsics: (chain.body(hash) ?? []).map(toHex) },
      justifications: j ? [[[...Buffer.from('FRNK')], [...j]]] : null,
    };
  });

  server.register('chain_getFinalizedHead', (params) => {
    expectParams(params, 0, 0);
    return toHex(chain.finalizedHash());
  }, { aliases: ['chain_getFinalisedHead'] });

  const headSub = (subscribe: string, aliases: string[], unsubscribe: string[], notification: string,
    initial: () => Uint8Array | undefined, listen: (cb: (h: Uint8Array, header: any) => void) => () => void) =>
    server.registerSubscription({
      subscribe, aliases, unsubscribe, notification,
      start: (_params, sink) => {
        const first = initial();
        const firstHeader = first && chain.header(first);
        if (firstHeader) sink.send(headerJson(firstHeader));
        return listen((_h, header) => sink.send(headerJson(header)));
      },
    });
  headSub('chain_subscribeNewHeads', ['chain_subscribeNewHead', 'subscribe_newHead'], ['chain_unsubscribeNewHeads', 'chain_unsubscribeNewHead', 'unsubscribe_newHead'],
    'chain_newHead', () => chain.bestHash(), (cb) => chain.onNewBest(cb));
  headSub('chain_subscribeFinalizedHeads', ['chain_subscribeFinalisedHeads'], ['chain_unsubscribeFinalizedHeads', 'chain_unsubscribeFinalisedHeads'],
    'chain_finalizedHead', () => chain.finalizedHash(), (cb) => chain.onFinalized(cb));
  headSub('chain_subscribeAllHeads', [], ['chain_unsubscribeAllHeads'], 'chain_allHead', () => chain.bestHash(), (cb) => chain.onImported(cb));
}
