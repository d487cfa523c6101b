// Replication and garbage collection of the content store, driven by finalized blocks.
//
// For every finalized block (in order, from a persisted cursor, so a restarted or late-joining node
// looks at the whole chain once) the replicator reads the block's events:
// - `Datanets.ContributionAccepted` → the contribution's content hash is wanted;
// - `Models.OutputSubmitted` → the output hash is wanted and kept for good (inferences need it);
// - `Datanets.ContributionRejected` / `ContributionWithdrawn` → the content is due for removal
//   `gcGraceBlocks` later, unless it is still pinned then (a live contribution in any datanet:
//   pending or accepted, hence possibly in a published version).
// Uploads no block has referenced (by `ContributionSubmitted` or `OutputSubmitted`) within
// `orphanGraceBlocks` finalized blocks of the upload are orphans and removed unless pinned.
// Wanted blobs the store lacks are fetched from peers (bytes verified against the hash by the
// network layer; a peer sending other bytes is banned), retried with a backoff until found.
import { datanets, type Ext } from '@slmnet/runtime-spec';
import { blockEvents } from '../chain/block-events.ts';
import { hex } from '../db/codec.ts';
import { logger } from '../log.ts';
import type { ContentStore } from './store.ts';

const log = logger('content');

export interface ReplicatorChain {
  finalizedBlock(): { hash: Uint8Array; number: number };
  hashAt(n: number): Uint8Array | undefined;
  extAt(hash: Uint8Array): { ext: Ext };
  onFinalized(cb: () => void): () => void;
}

export interface ContentPeers {
  /** Connected peers, best candidates first. */
  peerIds(): string[];
  /** Verified bytes, undefined if the peer lacks them; throws if the peer misbehaves or times out. */
  requestContent(peer: string, hash: Uint8Array): Promise<Uint8Array | undefined>;
}

export interface ReplicatorOptions {
  store: ContentStore;
  chain: ReplicatorChain;
  peers: ContentPeers;
  /** Finalized blocks a rejected or withdrawn contribution's bytes are kept for (reviewers may still look). */
  gcGraceBlocks?: number;
  /** Finalized blocks an upload may wait for a block to reference it (contribute or submit_output). */
  orphanGraceBlocks?: number;
  retryMs?: number;
}

interface Wanted { hash: Uint8Array; attempts: number; nextTry: number }

export class Replicator {
  private readonly wanted = new Map<string, Wanted>();
  private readonly unsubs: (() => void)[] = [];
  private timer?: NodeJS.Timeout;
  private scanning = false;
  private fetching = false;
  private stopped = false;
  private readonly grace: number;
  private readonly orphanGrace: number;
  private readonly retryMs: number;

  constructor(private readonly o: ReplicatorOptions) {
    this.grace = o.gcGraceBlocks ?? 600; // 20 minutes of 2 s blocks
    this.orphanGrace = o.orphanGraceBlocks ?? 600;
    this.retryMs = o.retryMs ?? 1000;
    for (const h of o.store.wantedHashes()) this.want(h);
  }

  start(): this {
    this.unsubs.push(this.o.chain.onFinalized(() => { void this.scan(); }));
    this.timer = setInterval(() => { void this.fetchMissing(); }, this.retryMs);
    this.timer.unref?.();
    void this.scan();
    return this;
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    for (const u of this.unsubs) u();
  }

  /** How many wanted blobs are not stored yet. */
  missingCount(): number { return this.wanted.size; }

  /** Stores an upload (HTTP or RPC): a new blob is an orphan until a finalized block references it. */
  upload(bytes: Uint8Array, expected?: Uint8Array): ReturnType<ContentStore['put']> {
    return this.o.store.put(bytes, expected, this.o.chain.finalizedBlock().number + this.orphanGrace);
  }

  /** A blob some peer may hold, fetched now (for a download of content this node lacks). */
  async fetchFromPeers(hash: Uint8Array): Promise<Uint8Array | undefined> {
    for (const peer of this.o.peers.peerIds()) {
      try {
        const blob = await this.o.peers.requestContent(peer, hash);
        if (blob) {
          await this.o.store.put(blob, hash);
          this.wanted.delete(hex(hash));
          return blob;
        }
      } catch (e) {
        log.debug(`content ${hex(hash)} from ${peer}: ${(e as Error).message}`);
      }
    }
    return undefined;
  }

  private want(hash: Uint8Array): void {
    if (this.o.store.has(hash)) return;
    const k = hex(hash);
    if (!this.wanted.has(k)) this.wanted.set(k, { hash, attempts: 0, nextTry: 0 });
  }

  /** Reads the events of the finalized blocks after the cursor. */
  private async scan(): Promise<void> {
    if (this.scanning || this.stopped) return;
    this.scanning = true;
    try {
      const store = this.o.store;
      const fin = this.o.chain.finalizedBlock();
      let next = (store.replicationCursor()?.number ?? 0) + 1;
      while (next <= fin.number && !this.stopped) {
        const hash = this.o.chain.hashAt(next);
        if (!hash) break;
        const { wanted, referenced, outputs, dropped } = this.blockContent(hash);
        for (const h of wanted) this.want(h);
        await store.recordScan({ number: next, hash }, {
          wanted: wanted.filter((h) => !store.has(h)), referenced, outputs,
          removals: dropped.map((h) => ({ hash: h, due: next + this.grace })),
        });
        next++;
        // yield between blocks: a long catch-up must not starve block import
        if (next % 64 === 0) await new Promise((r) => setImmediate(r));
      }
      await this.collectGarbage(fin.number, fin.hash);
    } catch (e) {
      log.warn(`content replication scan failed: ${(e as Error).stack ?? e}`);
    } finally {
      this.scanning = false;
    }
    void this.fetchMissing();
  }

  /** Content hashes a block's events make wanted, referenced (not orphans), outputs and removable. */
  private blockContent(hash: Uint8Array) {
    const { ext } = this.o.chain.extAt(hash);
    const wanted: Uint8Array[] = [];
    const referenced: Uint8Array[] = [];
    const outputs: Uint8Array[] = [];
    const dropped: Uint8Array[] = [];
    for (const { pallet, name, fields: v } of blockEvents(ext)) {
      if (pallet === 'Models' && name === 'OutputSubmitted') {
        const h = v.output_hash as Uint8Array;
        wanted.push(h);
        referenced.push(h);
        outputs.push(h);
      }
      if (pallet !== 'Datanets') continue;
      if (name === 'ContributionSubmitted') referenced.push(v.content_hash as Uint8Array);
      if (name === 'ContributionAccepted' || name === 'ContributionRejected' || name === 'ContributionWithdrawn') {
        const c = datanets.storage.Contributions.get(ext, v.contribution as bigint);
        if (!c) continue;
        (name === 'ContributionAccepted' ? wanted : dropped).push(c.content_hash);
      }
    }
    return { wanted, referenced, outputs, dropped };
  }

  /**
   * Removes due blobs that nothing needs any more, checked at the finalized state: pinned are the
   * bytes of a live contribution in any datanet (pending or accepted) and of inference outputs.
   */
  private async collectGarbage(finalized: number, finalizedHash: Uint8Array): Promise<void> {
    const store = this.o.store;
    const due = store.dueRemovals(finalized);
    const orphans = store.dueOrphans(finalized);
    if (due.length === 0 && orphans.length === 0) return;
    const { ext } = this.o.chain.extAt(finalizedHash);
    const datanetCount = datanets.storage.NextDatanetId.get(ext);
    const pinned = (h: Uint8Array) => {
      if (store.isOutput(h)) return true;
      for (let d = 0; d < datanetCount; d++) if (datanets.storage.ContributionByHash.get(ext, d, h) !== undefined) return true;
      return false;
    };
    for (const r of due) {
      if (await store.removeScheduled(r, !pinned(r.hash))) log.info(`🗑  removed content ${hex(r.hash)} (rejected or withdrawn)`);
    }
    for (const h of orphans) {
      if (await store.removeOrphan(h, !pinned(h))) log.info(`🗑  removed content ${hex(h)} (uploaded, never contributed)`);
    }
  }

  private async fetchMissing(): Promise<void> {
    if (this.fetching || this.stopped || this.wanted.size === 0) return;
    this.fetching = true;
    try {
      const now = Date.now();
      for (const w of [...this.wanted.values()]) {
        if (this.stopped) break;
        if (this.o.store.has(w.hash)) { this.wanted.delete(hex(w.hash)); continue; }
        if (w.nextTry > now) continue;
        const blob = await this.fetchFromPeers(w.hash);
        if (blob) {
          log.debug(`replicated content ${hex(w.hash)} (${blob.length} bytes)`);
        } else {
          w.attempts++;
          w.nextTry = Date.now() + Math.min(30_000, this.retryMs * 2 ** Math.min(w.attempts, 5));
        }
      }
    } finally {
      this.fetching = false;
    }
  }
}
