// The p2p layer's public surface.
//
// How it works, in short (details in each module):
// - host.ts: libp2p 3 (TCP + WebSocket, noise, yamux, identify, ping), the node
//   key as identity, a connection gater that enforces bans and --reserved-only.
// - network-service.ts: per peer one notification stream each way on
//   /<genesis>/notifications/1 (status handshake first: a different genesis, or
//   not speaking the protocol, means another chain → disconnect + ban), then
//   block announcements, transactions, GRANDPA messages, justifications and
//   peer records (peer exchange = discovery); block requests on /<genesis>/sync/1.
// - messages.ts / wire.ts / framing.ts: the byte layout and varint-length frames.
// - reputation.ts / seen.ts: bans and gossip de-duplication.
// - node-wiring.ts: how service.ts plugs chain, pool and GRANDPA into it.
// Block download and import live in ../sync/chain-sync.ts.
export { NetworkService, type NetworkOptions, type PeerInfo, type NetworkChain } from './network-service.ts';
export { ROLE_AUTHORITY, ROLE_FULL, roleNames, FIELD_BODY, FIELD_HEADER, FIELD_JUSTIFICATION, MAX_BLOCKS_PER_RESPONSE, type BlockData, type BlockRequest } from './messages.ts';
export { Rep } from './reputation.ts';
export { defaultListenAddrs } from './listen.ts';
