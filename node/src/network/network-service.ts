// The node's p2p layer over a libp2p host:
// - one long-lived notification stream per peer and direction on
//   `/<genesis>/notifications/1`; its first frame is the status handshake
//   (roles, genesis, best block, dialable addresses), then block
//   announcements, transactions, GRANDPA messages and peer records;
// - block requests on `/<genesis>/sync/1` (one stream per request);
// - content blobs by hash on `/<genesis>/slmnet/content/1` (one stream per
//   request); bytes that do not hash to the requested hash get the peer banned;
// - discovery by peer exchange: a peer that completes the handshake learns
//   our other peers' addresses, and they learn its, so one bootnode suffices;
// - known peers: every address learned (bootnodes, peer exchange, handshakes)
//   is remembered, and maintenance dials known peers we are not connected to
//   while outbound slots are free, with a per-peer backoff;
// - reputation: malformed frames, invalid blocks or content, other chains → penalty,
//   at the threshold a temporary ban enforced by the connection gater.
import './polyfill.ts';
import { createHash } from 'node:crypto';
import type { Connection, PeerId, Stream } from '@libp2p/interface';
import { peerIdFromString } from '@libp2p/peer-id';
import { multiaddr, type Multiaddr } from '@multiformats/multiaddr';
import { blake2_256, equalBytes } from '@slmnet/runtime-spec';
import { hex } from '../db/codec.ts';
import { logger } from '../log.ts';
import { nodeKeyToPrivateKey } from '../node-key.ts';
import { serveBlocks, type BlockSource } from './block-server.ts';
import { readFrames, readOneFrame, writeFrame } from './framing.ts';
import { createHost, type Host } from './host.ts';
import {
  decodeBlockRequest, decodeBlockResponse, decodeContentRequest, decodeContentResponse, decodeNotification, encodeBlockRequest, encodeBlockResponse,
  encodeContentRequest, encodeContentResponse, encodeNotification, MAX_CONTENT_RESPONSE_BYTES, MAX_NOTIFICATION_BYTES, MAX_REQUEST_BYTES,
  MAX_RESPONSE_BYTES, protocolNames, type BlockData, type BlockRequest, type Notification, type PeerRecord, type Status,
} from './messages.ts';
import { Rep, Reputation } from './reputation.ts';
import { SeenSet } from './seen.ts';

const log = logger('sub-libp2p');
/** A GRANDPA message floods the mesh in milliseconds; later copies are deliberate re-sends. */
const GRANDPA_SEEN_TTL_MS = 2000;
/** Recent GRANDPA messages replayed to a peer that just completed its handshake (it missed them). */
const GRANDPA_REPLAY = { max: 128, ageMs: 60_000 };

export interface NetworkChain extends BlockSource {
  bestBlock(): { hash: Uint8Array; number: number };
}

/** Blobs we serve to peers (the content store). */
export interface ContentSource {
  get(hash: Uint8Array): Uint8Array | undefined;
}

export interface NetworkOptions {
  /** 32-byte ed25519 seed (the node key). */
  nodeKey: Uint8Array;
  genesisHash: Uint8Array;
  /** ROLE_FULL / ROLE_AUTHORITY bits. */
  roles: number;
  chain: NetworkChain;
  /** Without it, content requests are not served. */
  content?: ContentSource;
  listen: string[];
  publicAddrs?: string[];
  bootnodes?: string[];
  reservedNodes?: string[];
  reservedOnly?: boolean;
  inPeers?: number;
  outPeers?: number;
  banMs?: number;
  requestTimeoutMs?: number;
  /** How often reserved nodes and known peers are redialled. */
  maintenanceMs?: number;
}

export interface PeerInfo {
  peerId: string;
  roles: number;
  bestHash: Uint8Array;
  bestNumber: number;
  direction: 'inbound' | 'outbound';
  addrs: string[];
}

interface Peer {
  id: PeerId;
  key: string;
  direction: 'inbound' | 'outbound';
  status?: Status;
  out?: Promise<Stream | undefined>;
  sendChain: Promise<void>;
  pending: number;
  /** Transactions this peer sent us or we sent it (sc-network-transactions' known set). */
  knownTxs: SeenSet;
}

/** A peer we learned an address of (connected or not). */
interface KnownPeer {
  addrs: Multiaddr[];
  /** Dials since its last completed handshake. */
  attempts: number;
  nextDialAt: number;
  bootnode: boolean;
}

type Listener<A extends unknown[]> = (...a: A) => void;

/** Notifications queued for one slow peer before further ones are dropped. */
const MAX_PENDING_PER_PEER = 4096;
/** Peer exchange can name any number of peers: keep the table (and the dials it causes) bounded. */
const MAX_KNOWN_PEERS = 1024;
const MAX_ADDRS_PER_PEER = 8;
/** Backoff between dials of one peer: doubles per failed attempt up to the cap. */
const REDIAL_BACKOFF = { baseMs: 1000, maxMs: 30_000 };
/** A (non-bootnode) peer that never completed a handshake in this many dials is forgotten. */
const MAX_DIAL_ATTEMPTS = 8;

export class NetworkService {
  readonly peerId: string;
  readonly notificationsProtocol: string;
  readonly syncProtocol: string;
  readonly contentProtocol: string;
  private readonly conns = new Map<string, Peer>();
  private readonly reputation: Reputation;
  private readonly seen = new SeenSet(32_768);
  private readonly reserved = new Map<string, Multiaddr>();
  private readonly known = new Map<string, KnownPeer>();
  private readonly dialing = new Set<string>();
  private readonly listeners = {
    connected: new Set<Listener<[PeerInfo]>>(),
    disconnected: new Set<Listener<[string]>>(),
    announce: new Set<Listener<[string, Uint8Array, boolean]>>(),
    transactions: new Set<Listener<[string, Uint8Array[]]>>(),
    grandpa: new Set<Listener<[Uint8Array, string]>>(),
    justification: new Set<Listener<[string, Uint8Array, Uint8Array]>>(),
  };
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private readonly txQueue = new Map<string, Uint8Array[]>();
  private readonly recentGrandpa: { data: Uint8Array; at: number }[] = [];
  private txFlush?: NodeJS.Timeout;
  readonly bytes = { inbound: 0, outbound: 0 };

  /** Reserved peers are never limited or banned; the gater shares this set. */
  private readonly reservedIds: Set<string>;

  private constructor(private readonly host: Host, private readonly o: NetworkOptions, reputation: Reputation, reservedIds: Set<string>) {
    this.reputation = reputation;
    this.reservedIds = reservedIds;
    this.peerId = host.peerId.toString();
    ({ notifications: this.notificationsProtocol, sync: this.syncProtocol, content: this.contentProtocol } = protocolNames(o.genesisHash));
  }

  /** Creates the host, binds the listen addresses (throws a clear error if none can be bound) and dials bootnodes and reserved nodes. */
  static async start(o: NetworkOptions): Promise<NetworkService> {
    const reputation = new Reputation(o.banMs ?? 5 * 60_000);
    const reservedIds = new Set<string>();
    for (const a of o.reservedNodes ?? []) reservedIds.add(peerIdOf(a, '--reserved-nodes').toString());
    for (const a of o.bootnodes ?? []) peerIdOf(a, '--bootnodes');
    const host = await createHost({
      privateKey: nodeKeyToPrivateKey(o.nodeKey),
      listen: o.listen,
      announce: o.publicAddrs?.length ? o.publicAddrs : undefined,
      maxConnections: (o.inPeers ?? 32) + (o.outPeers ?? 8) + reservedIds.size + 8,
      isDenied: (p) => {
        const k = p.toString();
        if (reservedIds.has(k)) return false;
        return reputation.isBanned(k) || Boolean(o.reservedOnly);
      },
    });
    const net = new NetworkService(host, o, reputation, reservedIds);
    for (const a of o.reservedNodes ?? []) net.reserved.set(peerIdOf(a, '--reserved-nodes').toString(), multiaddr(a));
    for (const a of o.bootnodes ?? []) net.learn(peerIdOf(a, '--bootnodes').toString(), [a], true);
    try {
      await net.startHost();
    } catch (e) {
      try { await host.stop(); } catch { /* ignore */ }
      throw new Error(`cannot listen on the p2p addresses ${o.listen.join(', ')}: ${(e as Error).message.split('\n').map((l) => l.trim()).filter(Boolean).join(' ')}`);
    }
    return net;
  }

  private async startHost(): Promise<void> {
    const host = this.host;
    await host.handle(this.notificationsProtocol, (stream, conn) => { void this.onInboundNotifications(stream, conn); }, { maxInboundStreams: 4 });
    await host.handle(this.syncProtocol, (stream, conn) => {
      void this.serveRequest(stream, conn, 'block request', decodeBlockRequest, (q) => encodeBlockResponse(serveBlocks(this.o.chain, q)));
    }, { maxInboundStreams: 16 });
    const content = this.o.content;
    if (content) {
      await host.handle(this.contentProtocol, (stream, conn) => {
        void this.serveRequest(stream, conn, 'content request', decodeContentRequest, (hash) => encodeContentResponse(content.get(hash)));
      }, { maxInboundStreams: 8 });
    }
    host.addEventListener('peer:connect', (e) => this.onConnect(e.detail));
    host.addEventListener('peer:disconnect', (e) => this.onDisconnect(e.detail));
    await host.start();
    if (host.getMultiaddrs().length === 0 && this.o.listen.length > 0) throw new Error('no listen address could be bound');
    this.maintain();
    this.timer = setInterval(() => this.maintain(), this.o.maintenanceMs ?? 2000);
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.txFlush) clearTimeout(this.txFlush);
    await this.host.stop();
  }

  // ---- public API ---------------------------------------------------------------------

  /** Our addresses, each ending in /p2p/<peer id>. */
  listenAddresses(): string[] {
    return this.host.getMultiaddrs().map((m) => m.toString());
  }

  /** Peers that completed the handshake. */
  peers(): PeerInfo[] {
    const out: PeerInfo[] = [];
    for (const p of this.conns.values()) {
      if (!p.status) continue;
      out.push({ peerId: p.key, roles: p.status.roles, bestHash: p.status.bestHash, bestNumber: p.status.bestNumber, direction: p.direction, addrs: p.status.listenAddrs });
    }
    return out;
  }

  peerCount(): number { return this.peers().length; }
  isBanned(peerId: string): boolean { return this.reputation.isBanned(peerId); }

  onPeerConnected(cb: Listener<[PeerInfo]>): () => void { return on(this.listeners.connected, cb); }
  onPeerDisconnected(cb: Listener<[string]>): () => void { return on(this.listeners.disconnected, cb); }
  /** Block announcements: (peer, SCALE header, is best). */
  onBlockAnnounce(cb: Listener<[string, Uint8Array, boolean]>): () => void { return on(this.listeners.announce, cb); }
  /** Transactions we have not seen before. */
  onTransactions(cb: Listener<[string, Uint8Array[]]>): () => void { return on(this.listeners.transactions, cb); }
  /**
   * GRANDPA messages (opaque), each delivered once. They are not relayed until the listener
   * calls `forwardGrandpa`: relaying a forged vote would get us penalised by our peers.
   */
  onGrandpaMessage(cb: Listener<[Uint8Array, string]>): () => void { return on(this.listeners.grandpa, cb); }

  /** GRANDPA justifications of newly finalized blocks: (peer, block hash, justification). */
  onJustification(cb: Listener<[string, Uint8Array, Uint8Array]>): () => void { return on(this.listeners.justification, cb); }

  /** Gossips the justification that finalized `hash` (so followers finalize too). */
  broadcastJustification(hash: Uint8Array, justification: Uint8Array, except?: string): void {
    this.seen.add('j' + digest(justification));
    this.broadcast({ kind: 'justification', hash, justification }, except);
  }

  /** Records a peer's new best block (from an announcement we verified or imported). */
  notePeerBest(peerId: string, number: number, hash: Uint8Array): void {
    const s = this.conns.get(peerId)?.status;
    if (s && number >= s.bestNumber) { s.bestNumber = number; s.bestHash = hash; }
  }

  announceBlock(header: Uint8Array, isBest: boolean, except?: string): void {
    this.seen.add('b' + digest(header));
    this.broadcast({ kind: 'block-announce', header, isBest }, except);
  }

  /** Gossips transactions (those already gossiped are skipped). */
  broadcastTransactions(xts: Uint8Array[], except?: string): void {
    const fresh = xts.filter((x) => this.seen.add('t' + digest(x)) || except !== undefined);
    if (!fresh.length) return;
    // under load transactions arrive one by one: batch them into one message per tick
    const k = except ?? '';
    const q = this.txQueue.get(k);
    if (q) q.push(...fresh); else this.txQueue.set(k, fresh);
    if (!this.txFlush) {
      this.txFlush = setTimeout(() => {
        this.txFlush = undefined;
        for (const [from, batch] of this.txQueue) {
          for (let i = 0; i < batch.length; i += 1024) this.broadcast({ kind: 'transactions', xts: batch.slice(i, i + 1024) }, from || undefined);
        }
        this.txQueue.clear();
      }, 10);
    }
  }

  broadcastGrandpa(data: Uint8Array, except?: string): void {
    this.seen.add('g' + digest(data), GRANDPA_SEEN_TTL_MS);
    this.forwardGrandpa(data, except);
  }

  /** Relays a GRANDPA message received from `from` once it has been verified (and replays it to newcomers). */
  forwardGrandpa(data: Uint8Array, from?: string): void {
    this.rememberGrandpa(data);
    this.broadcast({ kind: 'grandpa', data }, from);
  }

  private rememberGrandpa(data: Uint8Array): void {
    this.recentGrandpa.push({ data, at: Date.now() });
    if (this.recentGrandpa.length > GRANDPA_REPLAY.max) this.recentGrandpa.shift();
  }

  /** Applies a reputation change; a peer reaching the ban threshold is disconnected. */
  report(peerId: string, delta: number, reason: string): void {
    if (this.reservedIds.has(peerId) && delta < 0) {
      log.debug(`reserved peer ${peerId} misbehaved (${reason}); not banning`);
      return;
    }
    if (delta < 0) log.debug(`peer ${peerId}: ${reason} (${delta})`);
    if (this.reputation.report(peerId, delta)) {
      log.info(`🚫 Banned peer ${peerId}: ${reason}`);
      void this.disconnect(peerId);
    }
  }

  async requestBlocks(peerId: string, q: BlockRequest): Promise<BlockData[]> {
    const frame = await this.request(peerId, this.syncProtocol, encodeBlockRequest(q), MAX_RESPONSE_BYTES, 'block request');
    try {
      return decodeBlockResponse(frame);
    } catch (e) {
      this.report(peerId, Rep.BAD_MESSAGE, `malformed block response: ${(e as Error).message}`);
      throw e;
    }
  }

  /**
   * Asks a peer for the blob with this blake2-256 hash: its bytes, verified, or undefined if the
   * peer does not have it. Bytes that hash to anything else are discarded and get the peer banned.
   */
  async requestContent(peerId: string, hash: Uint8Array): Promise<Uint8Array | undefined> {
    const frame = await this.request(peerId, this.contentProtocol, encodeContentRequest(hash), MAX_CONTENT_RESPONSE_BYTES, 'content request');
    let blob: Uint8Array | undefined;
    try {
      blob = decodeContentResponse(frame);
    } catch (e) {
      this.report(peerId, Rep.BAD_MESSAGE, `malformed content response: ${(e as Error).message}`);
      throw e;
    }
    if (blob && !equalBytes(blake2_256(blob), hash)) {
      this.report(peerId, Rep.BAD_CONTENT, `sent bytes that do not match content ${hex(hash)}`);
      throw new Error(`peer ${peerId} sent bytes that do not match content ${hex(hash)}`);
    }
    return blob;
  }

  /** One request on its own stream: our frame out, the peer's single frame back (a timeout costs reputation). */
  private async request(peerId: string, protocol: string, req: Uint8Array, maxResponseBytes: number, what: string): Promise<Uint8Array> {
    const peer = this.conns.get(peerId);
    if (!peer) throw new Error(`not connected to ${peerId}`);
    const timeoutMs = this.o.requestTimeoutMs ?? 20_000;
    const signal = AbortSignal.timeout(timeoutMs);
    let stream: Stream | undefined;
    try {
      stream = await this.host.dialProtocol(peer.id, protocol, { signal });
      this.bytes.outbound += req.length;
      await writeFrame(stream, req);
      await stream.close({ signal });
      const frame = await withTimeout(readOneFrame(stream, maxResponseBytes), timeoutMs, `${what} timed out`);
      if (!frame) throw new Error('peer closed the stream without a response');
      this.bytes.inbound += frame.length;
      return frame;
    } catch (e) {
      stream?.abort(e as Error);
      if (/timed out|aborted/i.test((e as Error).message)) this.report(peerId, Rep.TIMEOUT, `${what} timed out`);
      throw e;
    }
  }

  addReservedPeer(addr: string): void {
    const id = peerIdOf(addr, 'reserved peer').toString();
    this.reserved.set(id, multiaddr(addr));
    this.reservedIds.add(id);
    this.reputation.unban(id);
    void this.dial(id, [multiaddr(addr)]);
  }

  reservedPeers(): string[] { return [...this.reservedIds]; }

  removeReservedPeer(peerId: string): void {
    peerIdFromString(peerId); // validates
    this.reserved.delete(peerId);
    this.reservedIds.delete(peerId);
    if (this.o.reservedOnly) void this.disconnect(peerId);
  }

  // ---- connections ------------------------------------------------------------------------

  private maintain(): void {
    if (this.stopped) return;
    for (const [id, addr] of this.reserved) if (!this.conns.has(id)) void this.dial(id, [addr]);
    this.dialKnown();
  }

  /** Remembers dialable addresses of a peer (those not naming it are dropped); unparsable ones are ignored. */
  private learn(id: string, addrs: string[], bootnode = false): void {
    if (id === this.peerId) return;
    let parsed: Multiaddr[];
    try {
      peerIdFromString(id);
      parsed = addrs.flatMap((a) => {
        try {
          const m = multiaddr(a);
          const withId = m.getComponents().some((c) => c.name === 'p2p') ? m : m.encapsulate(`/p2p/${id}`);
          return withId.getComponents().find((c) => c.name === 'p2p')?.value === id ? [withId] : [];
        } catch {
          return [];
        }
      });
    } catch {
      return;
    }
    if (!parsed.length) return;
    const k = this.known.get(id);
    if (k) {
      // the freshest addresses first: a restarted peer may listen elsewhere now
      const rest = k.addrs.filter((m) => !parsed.some((p) => p.equals(m)));
      k.addrs = [...parsed, ...rest].slice(0, MAX_ADDRS_PER_PEER);
      return;
    }
    if (this.known.size >= MAX_KNOWN_PEERS) return;
    this.known.set(id, { addrs: parsed.slice(0, MAX_ADDRS_PER_PEER), attempts: 0, nextDialAt: 0, bootnode });
  }

  /** Dials known, unconnected, unbanned peers (not in backoff) while outbound slots are free. */
  private dialKnown(): void {
    if (this.stopped || this.o.reservedOnly) return;
    const outbound = [...this.conns.values()].filter((p) => p.direction === 'outbound' && !this.reservedIds.has(p.key)).length;
    let used = outbound + [...this.dialing].filter((id) => !this.reservedIds.has(id)).length;
    const target = this.o.outPeers ?? 8;
    // bootnodes have slots of their own on top, as onConnect allows
    const bootSlots = this.o.bootnodes?.length ?? 0;
    const now = Date.now();
    for (const [id, k] of this.known) {
      if (used >= target + (k.bootnode ? bootSlots : 0)) continue;
      if (this.reservedIds.has(id) || this.conns.has(id) || this.dialing.has(id) || k.nextDialAt > now || this.reputation.isBanned(id)) continue;
      if (!k.bootnode && k.attempts >= MAX_DIAL_ATTEMPTS) {
        this.known.delete(id);
        continue;
      }
      k.attempts++;
      k.nextDialAt = now + Math.min(REDIAL_BACKOFF.maxMs, REDIAL_BACKOFF.baseMs * 2 ** (k.attempts - 1));
      used++;
      void this.dial(id, k.addrs);
    }
  }

  private async dial(id: string, addrs: Multiaddr[]): Promise<void> {
    if (this.stopped || id === this.peerId || this.conns.has(id) || this.dialing.has(id) || this.reputation.isBanned(id)) return;
    this.dialing.add(id);
    try {
      await this.host.dial(addrs, { signal: AbortSignal.timeout(10_000) });
    } catch (e) {
      log.debug(`dial ${id} failed: ${(e as Error).message}`);
    } finally {
      this.dialing.delete(id);
    }
  }

  private async disconnect(peerId: string): Promise<void> {
    try { await this.host.hangUp(peerIdFromString(peerId)); } catch { /* already gone */ }
  }

  private onConnect(id: PeerId): void {
    const key = id.toString();
    if (this.stopped || this.conns.has(key)) return;
    const conns = this.host.getConnections(id);
    const direction = conns[0]?.direction === 'inbound' ? 'inbound' : 'outbound';
    if (!this.reservedIds.has(key)) {
      const count = [...this.conns.values()].filter((p) => p.direction === direction).length;
      // bootnodes we dial ourselves do not eat into the slots for discovered peers
      const limit = direction === 'inbound' ? this.o.inPeers ?? 32 : (this.o.outPeers ?? 8) + (this.o.bootnodes?.length ?? 0);
      if (count >= limit) {
        log.debug(`refusing ${direction} peer ${key}: ${count} ${direction} peers already`);
        void this.disconnect(key);
        return;
      }
    }
    const peer: Peer = { id, key, direction, sendChain: Promise.resolve(), pending: 0, knownTxs: new SeenSet(KNOWN_TXS_PER_PEER) };
    this.conns.set(key, peer);
    peer.out = this.openNotifications(peer);
  }

  private async openNotifications(peer: Peer): Promise<Stream | undefined> {
    try {
      const stream = await this.host.dialProtocol(peer.id, this.notificationsProtocol, { signal: AbortSignal.timeout(10_000) });
      const best = this.o.chain.bestBlock();
      const status: Status = {
        roles: this.o.roles, genesisHash: this.o.genesisHash, bestNumber: best.number, bestHash: best.hash,
        listenAddrs: this.listenAddresses().slice(0, 16),
      };
      const frame = encodeNotification({ kind: 'status', status });
      this.bytes.outbound += frame.length;
      await writeFrame(stream, frame);
      return stream;
    } catch (e) {
      if (this.conns.get(peer.key) !== peer) return undefined;
      // a peer on another chain does not speak our genesis-specific protocol
      log.debug(`peer ${peer.key} refused our notifications protocol: ${(e as Error).message}`);
      if (/protocol selection failed|UnsupportedProtocol|not supported/i.test(`${(e as Error).name} ${(e as Error).message}`)) {
        this.report(peer.key, Rep.GENESIS_MISMATCH, 'peer is on another chain (protocol not supported)');
      }
      void this.disconnect(peer.key);
      return undefined;
    }
  }

  private onDisconnect(id: PeerId): void {
    const key = id.toString();
    const peer = this.conns.get(key);
    if (!peer) return;
    this.conns.delete(key);
    if (peer.status) {
      log.debug(`peer ${key} disconnected`);
      for (const cb of this.listeners.disconnected) safe(() => cb(key));
    }
  }

  // ---- notifications -------------------------------------------------------------------------

  private async onInboundNotifications(stream: Stream, conn: Connection): Promise<void> {
    const key = conn.remotePeer.toString();
    try {
      let first = true;
      for await (const frame of readFrames(stream, MAX_NOTIFICATION_BYTES)) {
        this.bytes.inbound += frame.length;
        const peer = this.conns.get(key);
        if (!peer) break;
        let n: Notification;
        try {
          n = decodeNotification(frame);
        } catch (e) {
          this.report(key, Rep.BAD_MESSAGE, `malformed notification: ${(e as Error).message}`);
          break;
        }
        if (first !== (n.kind === 'status')) {
          this.report(key, Rep.BAD_MESSAGE, first ? 'first notification is not a status' : 'second status');
          break;
        }
        first = false;
        this.handleNotification(peer, n);
      }
    } catch (e) {
      // oversized frames and bad varints land here, as do resets of closing peers
      if (!/reset|abort|closed/i.test((e as Error).message)) this.report(key, Rep.BAD_MESSAGE, `bad notification stream: ${(e as Error).message}`);
    } finally {
      try { stream.abort(new Error('closed')); } catch { /* ignore */ }
    }
  }

  private handleNotification(peer: Peer, n: Notification): void {
    switch (n.kind) {
      case 'status': return this.onStatus(peer, n.status);
      case 'block-announce': {
        if (!peer.status) return;
        const k = 'b' + digest(n.header);
        this.seen.add(k);
        for (const cb of this.listeners.announce) safe(() => cb(peer.key, n.header, n.isBest));
        return;
      }
      case 'transactions': {
        if (!peer.status) return;
        for (const x of n.xts) peer.knownTxs.add(digest(x));
        const fresh = n.xts.filter((x) => this.seen.add('t' + digest(x)));
        if (fresh.length) for (const cb of this.listeners.transactions) safe(() => cb(peer.key, fresh));
        return;
      }
      case 'grandpa': {
        if (!peer.status || !this.seen.add('g' + digest(n.data), GRANDPA_SEEN_TTL_MS)) return;
        for (const cb of this.listeners.grandpa) safe(() => cb(n.data, peer.key));
        return;
      }
      case 'peers': return this.onPeerRecords(n.peers);
      case 'justification': {
        if (!peer.status || !this.seen.add('j' + digest(n.justification))) return;
        for (const cb of this.listeners.justification) safe(() => cb(peer.key, n.hash, n.justification));
        return;
      }
    }
  }

  private onStatus(peer: Peer, status: Status): void {
    if (Buffer.compare(status.genesisHash, this.o.genesisHash) !== 0) {
      log.info(`peer ${peer.key} is on another chain (genesis ${hex(status.genesisHash)}); disconnecting`);
      this.report(peer.key, Rep.GENESIS_MISMATCH, 'genesis mismatch');
      void this.disconnect(peer.key);
      return;
    }
    peer.status = status;
    log.debug(`peer ${peer.key} connected (${peer.direction}, best #${status.bestNumber})`);
    this.learn(peer.key, status.listenAddrs);
    // a completed handshake ends the backoff: if it drops, the next maintenance redials it
    const k = this.known.get(peer.key);
    if (k) { k.attempts = 0; k.nextDialAt = 0; }
    const info = this.peers().find((p) => p.peerId === peer.key)!;
    for (const cb of this.listeners.connected) safe(() => cb(info));
    // peer exchange: tell the newcomer about everyone, and everyone about the newcomer
    const others: PeerRecord[] = this.peers().filter((p) => p.peerId !== peer.key && p.addrs.length).map((p) => ({ peerId: p.peerId, addrs: p.addrs })).slice(0, 64);
    if (others.length) this.send(peer, { kind: 'peers', peers: others });
    // votes sent before this handshake completed never reached the peer: GRANDPA rounds would stall
    const fresh = Date.now() - GRANDPA_REPLAY.ageMs;
    for (const g of this.recentGrandpa) if (g.at >= fresh) this.send(peer, { kind: 'grandpa', data: g.data });
    if (status.listenAddrs.length) this.broadcast({ kind: 'peers', peers: [{ peerId: peer.key, addrs: status.listenAddrs }] }, peer.key);
  }

  private onPeerRecords(records: PeerRecord[]): void {
    if (this.o.reservedOnly) return;
    for (const r of records) this.learn(r.peerId, r.addrs);
    this.dialKnown();
  }

  private broadcast(n: Notification, except?: string): void {
    let frame: Uint8Array | undefined;
    const txs = n.kind === 'transactions' ? n.xts.map(digest) : [];
    for (const p of this.conns.values()) {
      if (!p.status || p.key === except) continue;
      for (const t of txs) p.knownTxs.add(t);
      frame ??= encodeNotification(n);
      this.sendFrame(p, frame);
    }
  }

  /**
   * Sends each peer the transactions it does not know yet (sc-network-transactions does this
   * every few seconds): new peers, and peers across a healed split, get what the pool holds, and
   * transactions of retracted blocks reach the authors of the chain that won.
   */
  propagateTransactions(xts: Uint8Array[]): void {
    const keyed = xts.map((x) => [digest(x), x] as const);
    for (const p of this.conns.values()) {
      if (!p.status) continue;
      const fresh = keyed.filter(([k]) => p.knownTxs.add(k)).map(([, x]) => x);
      for (let i = 0; i < fresh.length; i += 1024) this.send(p, { kind: 'transactions', xts: fresh.slice(i, i + 1024) });
    }
  }

  private send(peer: Peer, n: Notification): void { this.sendFrame(peer, encodeNotification(n)); }

  /** Queues a frame on the peer's outbound stream; drops it if the peer is far behind reading. */
  private sendFrame(peer: Peer, frame: Uint8Array): void {
    if (peer.pending >= MAX_PENDING_PER_PEER) return;
    peer.pending++;
    peer.sendChain = peer.sendChain.then(async () => {
      let stream = await peer.out;
      if (stream && stream.status !== 'open' && this.conns.get(peer.key) === peer) {
        // the connection carrying it closed while another one to the peer lives on
        // (simultaneous dials): open a new stream, handshake included
        peer.out = this.openNotifications(peer);
        stream = await peer.out;
      }
      if (!stream || stream.status !== 'open') return;
      this.bytes.outbound += frame.length;
      await writeFrame(stream, frame);
    }).catch((e) => log.debug(`send to ${peer.key} failed: ${(e as Error).message}`)).finally(() => { peer.pending--; });
  }

  // ---- serving requests -------------------------------------------------------------------------

  /** Reads one request frame, answers it with one frame; a malformed request costs reputation. */
  private async serveRequest<Q>(stream: Stream, conn: Connection, what: string, decode: (b: Uint8Array) => Q, answer: (q: Q) => Uint8Array): Promise<void> {
    const key = conn.remotePeer.toString();
    try {
      const frame = await withTimeout(readOneFrame(stream, MAX_REQUEST_BYTES), 10_000, 'request read timed out');
      if (!frame) { stream.abort(new Error('empty request')); return; }
      this.bytes.inbound += frame.length;
      let q: Q;
      try {
        q = decode(frame);
      } catch (e) {
        this.report(key, Rep.BAD_REQUEST, `malformed ${what}: ${(e as Error).message}`);
        stream.abort(new Error('bad request'));
        return;
      }
      const resp = answer(q);
      this.bytes.outbound += resp.length;
      await writeFrame(stream, resp);
      await stream.close();
    } catch (e) {
      if (/maxDataLength|too long|invalid/i.test((e as Error).message)) this.report(key, Rep.BAD_REQUEST, `bad ${what}: ${(e as Error).message}`);
      stream.abort(e as Error);
    }
  }
}

function on<F>(set: Set<F>, cb: F): () => void {
  set.add(cb);
  return () => { set.delete(cb); };
}

function safe(f: () => void): void {
  try { f(); } catch (e) { log.warn(`network listener failed: ${(e as Error).stack ?? e}`); }
}

const KNOWN_TXS_PER_PEER = 10_240;
const digest = (b: Uint8Array): string => createHash('sha256').update(b).digest('base64');

function peerIdOf(addr: string, what: string): PeerId {
  let m: Multiaddr;
  try { m = multiaddr(addr); } catch (e) { throw new Error(`invalid ${what} address ${addr}: ${(e as Error).message}`); }
  const p2p = m.getComponents().find((c) => c.name === 'p2p')?.value;
  if (!p2p) throw new Error(`${what} address ${addr} must end in /p2p/<peer id>`);
  return peerIdFromString(p2p);
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let t: NodeJS.Timeout;
  return Promise.race([p, new Promise<T>((_, rej) => { t = setTimeout(() => rej(new Error(message)), ms); })]).finally(() => clearTimeout(t));
}
