// The libp2p host: TCP + WebSocket transports, noise, yamux, identify, ping,
// the node key as identity, and a connection gater backed by our ban list.
import './polyfill.ts';
import { noise } from '@chainsafe/libp2p-noise';
import { yamux } from '@chainsafe/libp2p-yamux';
import { identify } from '@libp2p/identify';
import type { PeerId, PrivateKey } from '@libp2p/interface';
import { ping } from '@libp2p/ping';
import { tcp } from '@libp2p/tcp';
import { webSockets } from '@libp2p/websockets';
import { createLibp2p, type Libp2p } from 'libp2p';

export interface HostOptions {
  privateKey: PrivateKey;
  listen: string[];
  /** Replaces the announced addresses (`--public-addr`). */
  announce?: string[];
  maxConnections: number;
  /** Inbound connections and dials to these peers are refused. */
  isDenied: (peer: PeerId) => boolean;
}

export type Host = Libp2p<{ identify: ReturnType<ReturnType<typeof identify>>; ping: ReturnType<ReturnType<typeof ping>> }>;

export async function createHost(o: HostOptions): Promise<Host> {
  return createLibp2p({
    privateKey: o.privateKey,
    start: false,
    addresses: { listen: o.listen, announce: o.announce ?? [] },
    transports: [tcp(), webSockets()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: { identify: identify(), ping: ping() },
    // libp2p refuses a 6th connection per second from one IP by default; local and test networks
    // run every node on 127.0.0.1, so allow as many as the connection limit
    connectionManager: { maxConnections: o.maxConnections, inboundConnectionThreshold: o.maxConnections },
    connectionGater: {
      // loopback and private addresses are normal for test and local networks
      denyDialMultiaddr: async () => false,
      denyDialPeer: async (peer) => o.isDenied(peer),
      denyInboundEncryptedConnection: async (peer) => o.isDenied(peer),
      denyOutboundEncryptedConnection: async (peer) => o.isDenied(peer),
    },
  }) as Promise<Host>;
}
