// system_*: node identity, chain properties, health, account nonces.
import { decodeAddress } from '@polkadot/util-crypto';
import { nextNonce } from '../../txpool/next-nonce.ts';
import { invalidParams } from '../errors.ts';
import type { RpcServer } from '../server.ts';
import { expectParams, string } from '../params.ts';
import type { ChainApi } from './context.ts';
import type { TransactionPool } from '../../txpool/pool.ts';

export interface SystemInfo {
  /** Implementation name (system_name), not the --name of the node. */
  implName: string;
  version: string;
  chainName: string;
  chainType: string;
  properties: Record<string, unknown>;
  roles: string[];
  peerId: string;
  listenAddresses: string[];
  /** The p2p layer; without it the node reports no peers. */
  network?: SystemNetwork;
}

/** What system_* needs from the network and sync. */
export interface SystemNetwork {
  health(): { peers: number; isSyncing: boolean; shouldHavePeers: boolean };
  /** Substrate's PeerInfo JSON: peerId, roles, bestHash, bestNumber. */
  peers(): { peerId: string; roles: string; bestHash: string; bestNumber: number }[];
  listenAddresses(): string[];
  syncState(): { startingBlock: number; currentBlock: number; highestBlock: number };
  addReservedPeer(addr: string): void;
  removeReservedPeer(peerId: string): void;
  reservedPeers(): string[];
}

export function registerSystem(server: RpcServer, chain: ChainApi, pool: TransactionPool, info: SystemInfo): void {
  const noParams = (f: () => unknown) => (params: unknown[]) => { expectParams(params, 0, 0); return f(); };
  server.register('system_name', noParams(() => info.implName));
  server.register('system_version', noParams(() => info.version));
  server.register('system_chain', noParams(() => info.chainName));
  server.register('system_chainType', noParams(() => info.chainType));
  server.register('system_properties', noParams(() => info.properties));
  const net = info.network;
  server.register('system_health', noParams(() => net?.health() ?? { peers: 0, isSyncing: false, shouldHavePeers: false }));
  server.register('system_localPeerId', noParams(() => info.peerId));
  server.register('system_localListenAddresses', noParams(() => net?.listenAddresses() ?? info.listenAddresses));
  server.register('system_nodeRoles', noParams(() => info.roles));
  server.register('system_peers', noParams(() => net?.peers() ?? []), { unsafe: true });
  server.register('system_syncState', noParams(() => {
    if (net) return net.syncState();
    const best = chain.header(chain.bestHash())!.number;
    return { startingBlock: 0, currentBlock: best, highestBlock: best };
  }));
  if (net) {
    const reserved = (f: (arg: string) => void) => (params: unknown[]) => {
      expectParams(params, 1, 1);
      const arg = string(params[0], 'peer');
      try { f(arg); } catch (e) { throw invalidParams((e as Error).message); }
      return null;
    };
    server.register('system_addReservedPeer', reserved((a) => net.addReservedPeer(a)), { unsafe: true });
    server.register('system_removeReservedPeer', reserved((p) => net.removeReservedPeer(p)), { unsafe: true });
    server.register('system_reservedPeers', noParams(() => net.reservedPeers()), { unsafe: true });
  }

  // Next nonce counting the account's transactions already in the pool (Substrate's system_accountNextIndex).
  server.register('system_accountNextIndex', (params) => {
    expectParams(params, 1, 1);
    const addr = string(params[0], 'account');
    let who: Uint8Array;
    try { who = decodeAddress(addr); } catch { throw invalidParams(`invalid account ${addr}`); }
    return nextNonce(chain, pool.pendingExtrinsics(), who);
  }, { aliases: ['account_nextIndex'] });
}
