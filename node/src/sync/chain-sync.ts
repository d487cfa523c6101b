// Block synchronisation (a small sc-network-sync):
// - announcements of blocks whose parent we have → fetch that one block;
// - peers ahead of us (status handshake, announcements) → download ranges
//   ascending by number from our best (falling back to our finalized block
//   when our best is on a fork the peer does not have) and import them in
//   order through `client.importBlock`, which verifies seals, re-executes and
//   applies justifications;
// - gossiped justifications finalize blocks we have (or will have);
// - invalid blocks and malformed data cost the sender reputation.
// One worker does all downloads and imports, so imports never interleave.
import { decodeHeader, headerHash } from '../chain/header.ts';
import type { ImportResult } from '../chain/client.ts';
import { hex, sameBytes } from '../db/codec.ts';
import { logger, shortHash } from '../log.ts';
import { FIELD_BODY, FIELD_HEADER, FIELD_JUSTIFICATION, MAX_BLOCKS_PER_RESPONSE, type BlockData, type BlockRequest } from '../network/messages.ts';
import type { PeerInfo } from '../network/network-service.ts';
import { Rep } from '../network/reputation.ts';

const log = logger('sync');

/** Substrate's MAJOR_SYNC_BLOCKS: further behind than this we are "major syncing". */
export const MAJOR_SYNC_BLOCKS = 5;
const ALL_FIELDS = FIELD_HEADER | FIELD_BODY | FIELD_JUSTIFICATION;
const MAX_PENDING_JUSTIFICATIONS = 64;

export interface SyncClient {
  bestBlock(): { hash: Uint8Array; number: number };
  finalizedBlock(): { hash: Uint8Array; number: number };
  hasBlock(hash: Uint8Array): boolean;
  headerBytes(hash: Uint8Array): Uint8Array | undefined;
  importBlock(headerBytes: Uint8Array, extrinsics: Uint8Array[], justification?: Uint8Array): ImportResult;
  onImported(cb: (hash: Uint8Array, header: { number: number }, isBest: boolean) => void): () => void;
}

export interface SyncNetwork {
  peers(): PeerInfo[];
  requestBlocks(peerId: string, q: BlockRequest): Promise<BlockData[]>;
  report(peerId: string, delta: number, reason: string): void;
  notePeerBest(peerId: string, number: number, hash: Uint8Array): void;
  onPeerConnected(cb: (p: PeerInfo) => void): () => void;
  onBlockAnnounce(cb: (peer: string, header: Uint8Array, isBest: boolean) => void): () => void;
  onJustification(cb: (peer: string, hash: Uint8Array, justification: Uint8Array) => void): () => void;
}

export interface SyncState { startingBlock: number; currentBlock: number; highestBlock: number }

export class ChainSync {
  readonly startingBlock: number;
  private readonly unsubs: (() => void)[] = [];
  /** Announced blocks whose parent we have: peer → hashes to fetch. */
  private readonly wanted: { peer: string; hash: Uint8Array }[] = [];
  private readonly pendingJustifications = new Map<string, Uint8Array>();
  /** Peers whose range requests returned nothing useful recently (hex → until ms). */
  private readonly useless = new Map<string, number>();
  /** Best numbers peers claimed but could not serve (peer id → claimed number). */
  private readonly unservable = new Map<string, number>();
  private running = false;
  private kicked = false;
  private stopped = false;
  private timer?: NodeJS.Timeout;

  constructor(private readonly client: SyncClient, private readonly net: SyncNetwork) {
    this.startingBlock = client.bestBlock().number;
  }

  start(): this {
    this.unsubs.push(this.net.onPeerConnected(() => this.kick()));
    this.unsubs.push(this.net.onBlockAnnounce((peer, header, isBest) => this.onAnnounce(peer, header, isBest)));
    this.unsubs.push(this.net.onJustification((peer, hash, j) => this.onJustification(peer, hash, j)));
    this.unsubs.push(this.client.onImported((hash) => {
      const j = this.pendingJustifications.get(hex(hash));
      if (j) { this.pendingJustifications.delete(hex(hash)); this.applyJustification(undefined, hash, j); }
    }));
    // a safety net: re-check peers periodically in case an announcement was missed
    this.timer = setInterval(() => this.kick(), 2000);
    this.timer.unref?.();
    this.kick();
    return this;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    for (const u of this.unsubs) u();
  }

  /** The best block number any peer claims (at least ours), ignoring claims a peer failed to serve. */
  highestBlock(): number {
    let h = this.client.bestBlock().number;
    for (const p of this.net.peers()) if (!this.unserved(p)) h = Math.max(h, p.bestNumber);
    return h;
  }

  /** Whether `p` still claims a best block it could not serve us (a new claim is believed again). */
  private unserved(p: PeerInfo): boolean { return this.unservable.get(p.peerId) === p.bestNumber; }

  /** True while far behind the best peer (no authoring, "Syncing" in the informant). */
  isMajorSyncing(): boolean { return this.highestBlock() > this.client.bestBlock().number + MAJOR_SYNC_BLOCKS; }

  state(): SyncState {
    return { startingBlock: this.startingBlock, currentBlock: this.client.bestBlock().number, highestBlock: this.highestBlock() };
  }

  /** Sync target for the informant: defined while behind. */
  target(): number | undefined {
    const h = this.highestBlock();
    return h > this.client.bestBlock().number ? h : undefined;
  }

  // ---- events -------------------------------------------------------------------------

  private onAnnounce(peer: string, headerBytes: Uint8Array, isBest: boolean): void {
    let number: number;
    let parent: Uint8Array;
    try {
      const h = decodeHeader(headerBytes);
      number = h.number;
      parent = h.parent_hash;
    } catch (e) {
      this.net.report(peer, Rep.BAD_MESSAGE, `undecodable announced header: ${(e as Error).message}`);
      return;
    }
    const hash = headerHash(headerBytes);
    if (isBest) this.net.notePeerBest(peer, number, hash);
    if (this.client.hasBlock(hash) || number <= this.client.finalizedBlock().number) return;
    if (this.client.hasBlock(parent) && this.wanted.length < 256) this.wanted.push({ peer, hash });
    this.kick();
  }

  /**
   * Fetches one block we do not have from `peer` — e.g. the target of a GRANDPA vote on a fork
   * we never saw announced: without it the vote cannot count and finality would wait forever.
   */
  requestBlock(peer: string, hash: Uint8Array): void {
    if (this.client.hasBlock(hash) || this.wanted.length >= 256 || this.wanted.some((w) => sameBytes(w.hash, hash))) return;
    this.wanted.push({ peer, hash });
    this.kick();
  }

  private onJustification(peer: string, hash: Uint8Array, justification: Uint8Array): void {
    if (this.client.hasBlock(hash)) this.applyJustification(peer, hash, justification);
    else if (this.pendingJustifications.size < MAX_PENDING_JUSTIFICATIONS) this.pendingJustifications.set(hex(hash), justification);
  }

  private applyJustification(peer: string | undefined, hash: Uint8Array, justification: Uint8Array): void {
    const header = this.client.headerBytes(hash);
    if (!header) return;
    const before = this.client.finalizedBlock().number;
    // the client verifies the justification against the authority set and finalizes
    const r = this.client.importBlock(header, [], justification);
    const bad = r.status === 'rejected' ? r.reason : 'badJustification' in r ? r.badJustification : undefined;
    if (bad && peer) this.net.report(peer, Rep.BAD_JUSTIFICATION, bad);
    const after = this.client.finalizedBlock().number;
    if (after > before) log.debug(`finalized #${after} from a gossiped justification`);
  }

  // ---- the worker ------------------------------------------------------------------------

  /** Wakes the worker (it runs until there is nothing left to fetch). */
  kick(): void {
    this.kicked = true;
    if (this.running || this.stopped) return;
    this.running = true;
    void this.run().finally(() => { this.running = false; });
  }

  private async run(): Promise<void> {
    while (this.kicked && !this.stopped) {
      this.kicked = false;
      try {
        await this.fetchAnnounced();
        const peer = this.bestPeer();
        if (peer) { await this.syncFrom(peer); this.kicked = true; }
      } catch (e) {
        log.debug(`sync round failed: ${(e as Error).message}`);
      }
    }
  }

  /** The peer with the highest best block above ours (skipping recently useless ones). */
  private bestPeer(): PeerInfo | undefined {
    const best = this.client.bestBlock();
    const now = Date.now();
    let pick: PeerInfo | undefined;
    for (const p of this.net.peers()) {
      if ((this.useless.get(p.peerId) ?? 0) > now || this.unserved(p)) continue;
      if (p.bestNumber <= best.number || this.client.hasBlock(p.bestHash)) continue;
      if (!pick || p.bestNumber > pick.bestNumber) pick = p;
    }
    return pick;
  }

  private async fetchAnnounced(): Promise<void> {
    while (this.wanted.length && !this.stopped) {
      const { peer, hash } = this.wanted.shift()!;
      if (this.client.hasBlock(hash)) continue;
      let blocks: BlockData[];
      try {
        blocks = await this.net.requestBlocks(peer, { from: { hash }, direction: 'descending', max: 1, fields: ALL_FIELDS });
      } catch (e) {
        log.debug(`block request to ${peer} failed: ${(e as Error).message}`);
        continue;
      }
      if (blocks.length && !sameBytes(blocks[0].hash, hash)) { this.net.report(peer, Rep.BAD_MESSAGE, 'answered with another block'); continue; }
      await this.importAll(peer, blocks);
    }
  }

  /** Downloads and imports blocks from `peer` until we reach its best block or it stops helping. */
  private async syncFrom(peer: PeerInfo): Promise<void> {
    let cursor = this.client.bestBlock().number + 1;
    let fellBack = false;
    while (!this.stopped) {
      const target = this.net.peers().find((p) => p.peerId === peer.peerId);
      if (!target || cursor > target.bestNumber) return;
      let blocks: BlockData[];
      try {
        blocks = await this.net.requestBlocks(peer.peerId, { from: { number: cursor }, direction: 'ascending', max: MAX_BLOCKS_PER_RESPONSE, fields: ALL_FIELDS });
      } catch (e) {
        log.debug(`range request to ${peer.peerId} failed: ${(e as Error).message}`);
        this.useless.set(peer.peerId, Date.now() + 5000);
        return;
      }
      if (!blocks.length) {
        // it claims blocks it does not have: its claim must not keep us in major sync (no authoring)
        log.debug(`${peer.peerId} claims #${target.bestNumber} but serves nothing from #${cursor}`);
        this.unservable.set(peer.peerId, target.bestNumber);
        this.useless.set(peer.peerId, Date.now() + 3000);
        return;
      }
      const first = blocks[0].header;
      let firstParentKnown = false;
      try { firstParentKnown = first !== undefined && this.client.hasBlock(decodeHeader(first).parent_hash); } catch { /* importAll penalises */ }
      if (!firstParentKnown) {
        const fin = this.client.finalizedBlock().number;
        // our best is on a fork the peer does not follow: restart from our finalized block
        if (!fellBack && cursor > fin + 1) { cursor = fin + 1; fellBack = true; continue; }
        this.useless.set(peer.peerId, Date.now() + 5000);
        return;
      }
      const last = await this.importAll(peer.peerId, blocks);
      if (last === undefined) return;
      cursor = last + 1;
    }
  }

  /**
   * Imports blocks in order; returns the number of the last one now in our
   * database, or undefined if the batch stopped being useful.
   */
  private async importAll(peer: string, blocks: BlockData[]): Promise<number | undefined> {
    let last: number | undefined;
    for (const b of blocks) {
      if (this.stopped) return undefined;
      if (!b.header || !b.body) { this.net.report(peer, Rep.BAD_MESSAGE, 'block response without header or body'); return undefined; }
      if (!sameBytes(headerHash(b.header), b.hash)) { this.net.report(peer, Rep.BAD_MESSAGE, 'block hash does not match its header'); return undefined; }
      const r = this.client.importBlock(b.header, b.body, b.justification);
      if (r.status === 'imported' || r.status === 'known') {
        last = r.number;
        if (r.badJustification) this.net.report(peer, Rep.BAD_JUSTIFICATION, r.badJustification);
        if (r.status === 'imported') {
          this.net.report(peer, Rep.GOOD_BLOCK, 'imported block');
          log.debug(`imported #${r.number} (${shortHash(r.hash)}) from ${peer}`);
        }
      } else if (r.status === 'unknown-parent') {
        return undefined;
      } else {
        // stale forks and clock skew are not the peer's fault; bad seals and state are
        if (/future|finalized/.test(r.reason)) log.debug(`block from ${peer} not imported: ${r.reason}`);
        else {
          log.warn(`💔 Invalid block from ${peer}: ${r.reason}`);
          this.net.report(peer, Rep.BAD_BLOCK, `invalid block: ${r.reason}`);
        }
        return undefined;
      }
      // block execution is synchronous: let timers, RPC and the network breathe
      await new Promise((res) => setImmediate(res));
    }
    return last;
  }
}
