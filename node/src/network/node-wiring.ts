// Glue between the p2p layer and the rest of the node (used by service.ts):
// starting the network from the CLI options, gossip ↔ chain/pool/GRANDPA
// wiring, and the RPC view of the pool that gossips what it accepts.
import { decodeExtrinsic } from '@slmnet/runtime-spec';
import type { Client } from '../chain/client.ts';
import type { RunOptions } from '../cli/options.ts';
import { decodeSignedMessage, type GrandpaVoter } from '../consensus/grandpa.ts';
import { logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { ChainSync } from '../sync/chain-sync.ts';
import type { TransactionPool } from '../txpool/pool.ts';
import type { TransactionSource } from '../txpool/types.ts';
import { defaultListenAddrs } from './listen.ts';
import { ROLE_AUTHORITY, ROLE_FULL } from './messages.ts';
import { NetworkService, type ContentSource } from './network-service.ts';
import { Rep } from './reputation.ts';

const log = logger('substrate');
/** sc-network-transactions' PROPAGATE_TIMEOUT. */
const PROPAGATE_MS = 2900;

/** Starts the p2p layer; a busy default port falls back to a free one (explicit addresses must bind). */
export async function startNetwork(o: RunOptions, nodeKey: Uint8Array, client: Client, content: ContentSource): Promise<NetworkService> {
  const start = (listen: string[]) => NetworkService.start({
    nodeKey, genesisHash: client.genesisHash, roles: o.validator ? ROLE_AUTHORITY : ROLE_FULL,
    chain: client, content, listen, publicAddrs: o.publicAddr, bootnodes: o.bootnodes, reservedNodes: o.reservedNodes,
    reservedOnly: o.reservedOnly, inPeers: o.inPeers, outPeers: o.outPeers,
  });
  if (o.listenAddr.length) return start(o.listenAddr);
  try {
    return await start(defaultListenAddrs(o.port));
  } catch (e) {
    if (o.portExplicit) throw e;
    log.warn(`p2p port ${o.port} is not available (${(e as Error).message.slice(0, 200)}); listening on a random port instead`);
    return start(defaultListenAddrs(0));
  }
}

export interface Wiring {
  network: NetworkService;
  sync: ChainSync;
  client: Client;
  pool: TransactionPool;
  grandpa: GrandpaVoter;
  metrics: Metrics;
}

/** Connects chain events to gossip and gossip to the pool and GRANDPA; returns unsubscribers. */
export function wireNetwork({ network, sync, client, pool, grandpa, metrics }: Wiring): (() => void)[] {
  const netLog = logger('sync');
  const updatePeers = () => metrics.setPeers(network.peerCount());
  const propagate = setInterval(() => network.propagateTransactions([...pool.ready()].filter((t) => t.propagate).map((t) => t.xt)), PROPAGATE_MS);
  propagate.unref?.();
  return [
    () => clearInterval(propagate),
    network.onPeerConnected(updatePeers),
    network.onPeerDisconnected(updatePeers),
    // announce our new best blocks, authored or imported (not while catching up: peers have them)
    client.onNewBest((hash) => {
      if (sync.isMajorSyncing()) return;
      const header = client.headerBytes(hash);
      if (header) network.announceBlock(header, true);
    }),
    client.onJustification((hash, justification) => network.broadcastJustification(hash, justification)),
    network.onTransactions((peer, xts) => {
      const at = client.bestBlock();
      for (const xt of xts) {
        // the format is checked here (as author_submitExtrinsic does): the pool would report undecodable
        // bytes as "unknown validity", which goes unpenalised
        try {
          decodeExtrinsic(xt);
        } catch (e) {
          network.report(peer, Rep.BAD_TRANSACTION, `undecodable transaction: ${(e as Error).message}`);
          continue;
        }
        pool.submit(xt, at, 'External').then(
          () => network.broadcastTransactions([xt], peer),
          (e: Error & { code?: number; data?: string }) => {
            // known, stale, future or unaffordable transactions are normal gossip; forged or undecodable ones are not
            const bad = e.code === undefined || (e.code === 1010 && /bad signature|Invalid signing|call is not expected/.test(e.data ?? ''));
            if (bad) network.report(peer, Rep.BAD_TRANSACTION, `bad transaction: ${e.message} ${e.data ?? ''}`);
          },
        );
      }
    }),
    network.onGrandpaMessage((bytes, peer) => {
      let why: string | undefined;
      let target: Uint8Array;
      try {
        const m = decodeSignedMessage(bytes);
        target = m.message.target.hash;
        why = grandpa.handleMessage(m);
      } catch (e) {
        network.report(peer, Rep.BAD_MESSAGE, `malformed GRANDPA message: ${(e as Error).message}`);
        return;
      }
      // only votes GRANDPA accepted are relayed: our peers penalise whoever relays a forged one
      if (!why) network.forwardGrandpa(bytes, peer);
      // a vote for a block we lack (a fork we never imported) only counts once we have it
      if (!why && !client.hasBlock(target)) sync.requestBlock(peer, target);
      if (why && /bad signature/.test(why)) network.report(peer, Rep.BAD_JUSTIFICATION, why);
      else if (why) netLog.debug(`GRANDPA message from ${peer} ignored: ${why}`);
    }),
  ];
}

/** The pool as RPC sees it: accepted submissions are also gossiped. */
export function gossipingPool(pool: TransactionPool, gossip: (xt: Uint8Array) => void): TransactionPool {
  return new Proxy(pool, {
    get(target, prop) {
      if (prop === 'submit') {
        return async (xt: Uint8Array, at: Parameters<TransactionPool['submit']>[1], source?: TransactionSource) => {
          const h = await target.submit(xt, at, source);
          gossip(xt);
          return h;
        };
      }
      if (prop === 'submitAndWatch') {
        return async (xt: Uint8Array, at: Parameters<TransactionPool['submit']>[1], source?: TransactionSource) => {
          const r = await target.submitAndWatch(xt, at, source);
          gossip(xt);
          return r;
        };
      }
      const v = Reflect.get(target, prop, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}
