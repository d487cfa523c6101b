// Substrate-style transaction pool (sc-transaction-pool's single-state pool),
// independent of the chain: validation is injected, the pool only sees bytes,
// hashes and the tags the validator returns. Ready/future queues linked by tags
// (graph.ts), temporary bans (ban.ts), status watchers (watcher.ts), serialised
// maintenance on block import / retraction / finality (serial.ts).
import { BanList } from './ban.ts';
import {
  alreadyImported, immediatelyDropped, noTagsProvided, temporarilyBanned, tooLowPriority, unknownValidity,
  validityError,
} from './errors.ts';
import { TxGraph, type PoolTx, type Readiness } from './graph.ts';
import { SerialQueue } from './serial.ts';
import {
  toHex, type BlockRef, type Limit, type PooledTransaction, type TransactionSource, type ValidTransaction, type Validator,
  type Validity,
} from './types.ts';
import { Listener, MAX_FINALITY_WATCHERS, Watcher } from './watcher.ts';
import { logger } from '../log.ts';

export { PoolError, validityError } from './errors.ts';
export type { PoolErrorCode } from './errors.ts';
export { Watcher } from './watcher.ts';
export type * from './types.ts';

const log = logger('txpool');

export interface PoolOptions {
  validate: Validator;
  /** blake2-256 of the extrinsic bytes. */
  hash: (xt: Uint8Array) => Uint8Array;
  /** Defaults to sc-cli's --pool-limit 8192 / --pool-kbytes 20480. */
  readyLimit?: Limit;
  /** Defaults to a tenth of the ready limit, as sc-cli derives it. */
  futureLimit?: Limit;
  banTimeMs?: number;
  /** Larger extrinsics are refused up front with 1010 ExhaustsResources. */
  maxTxBytes?: number;
  /** Clock in ms (bans, future-queue age). */
  now?: () => number;
  /** Blocks kept awaiting finality before their watchers get finalityTimeout. */
  maxFinalityWatchers?: number;
}

export interface PoolStatus { ready: number; future: number; readyBytes: number; futureBytes: number }

/** Counters named after sc-transaction-pool's metrics (substrate_sub_txpool_*) plus queue sizes. */
export interface PoolMetrics extends PoolStatus {
  submitted: number;
  validationsScheduled: number;
  validationsFinished: number;
  blockTransactionsPruned: number;
  blockTransactionsResubmitted: number;
}

type ReadyListener = (hashes: Uint8Array[]) => void;

/** How a revalidation came out (revalidation.rs: Unknown keeps the tx, an API error drops it). */
type Revalidated = { kind: 'valid'; valid: NormalizedValidity } | { kind: 'invalid' } | { kind: 'unknown' };

interface NormalizedValidity { priority: bigint; requires: string[]; provides: string[]; longevity: bigint; propagate: boolean }

/** Maintenance passes per block: catches transactions validated against an older block while the previous pass ran. */
const MAX_REVALIDATION_PASSES = 3;

export class TransactionPool {
  private readonly graph = new TxGraph();
  private readonly bans: BanList;
  private readonly listener: Listener;
  private readonly maintenance = new SerialQueue();
  private readonly readyListeners = new Set<ReadyListener>();
  private readonly o: Required<Omit<PoolOptions, 'maxTxBytes'>> & { maxTxBytes?: number };
  /** Bumped on every imported block: validity obtained in an older epoch needs a fresh look. */
  private epoch = 0;
  private insertion = 0;
  private readonly counters = { submitted: 0, validationsScheduled: 0, validationsFinished: 0, blockTransactionsPruned: 0, blockTransactionsResubmitted: 0 };

  constructor(opts: PoolOptions) {
    this.o = {
      readyLimit: { count: 8192, bytes: 20 * 1024 * 1024 },
      futureLimit: { count: 819, bytes: 2 * 1024 * 1024 },
      banTimeMs: 30 * 60 * 1000,
      now: Date.now,
      maxFinalityWatchers: MAX_FINALITY_WATCHERS,
      ...opts,
    };
    this.bans = new BanList(this.o.banTimeMs, this.o.now, this.o.readyLimit.count + this.o.futureLimit.count);
    this.listener = new Listener(this.o.maxFinalityWatchers);
  }

  // ---- queries ----------------------------------------------------------------

  has(hash: Uint8Array): boolean { return this.graph.has(toHex(hash)); }

  status(): PoolStatus { return this.graph.status(); }

  metrics(): PoolMetrics { return { ...this.counters, ...this.graph.status() }; }

  /** Ready transactions in the order the block builder should try them (a snapshot). */
  ready(): PooledTransaction[] { return this.graph.best(); }

  /** author_pendingExtrinsics: ready (in block order) then future (oldest first). */
  pendingExtrinsics(): Uint8Array[] {
    const future = [...this.graph.all()].filter((t) => !t.ready);
    return [...this.graph.best(), ...future].map((t) => t.xt);
  }

  /** Called with the hashes of transactions that just became ready (new or promoted). Returns an unsubscribe function. */
  onReady(cb: ReadyListener): () => void {
    this.readyListeners.add(cb);
    return () => { this.readyListeners.delete(cb); };
  }

  /** Resolves when queued maintenance (block import, retraction, finality) has finished. */
  idle(): Promise<void> { return this.maintenance.idle(); }

  // ---- submission -------------------------------------------------------------

  async submit(xt: Uint8Array, at: BlockRef, source: TransactionSource = 'External'): Promise<Uint8Array> {
    return (await this.importOne(xt, at, source, { watch: false, checkBan: true })).hash;
  }

  async submitAndWatch(xt: Uint8Array, at: BlockRef, source: TransactionSource = 'External'): Promise<{ hash: Uint8Array; watcher: Watcher }> {
    const { hash, watcher } = await this.importOne(xt, at, source, { watch: true, checkBan: true });
    return { hash, watcher: watcher! };
  }

  private checkKnown(h: string, checkBan: boolean): void {
    if (checkBan && this.bans.isBanned(h)) throw temporarilyBanned();
    if (this.graph.has(h)) throw alreadyImported();
  }

  private async importOne(
    xt: Uint8Array, at: BlockRef, source: TransactionSource, o: { watch: boolean; checkBan: boolean },
  ): Promise<{ hash: Uint8Array; watcher?: Watcher }> {
    this.counters.submitted++;
    const hash = this.o.hash(xt);
    const h = toHex(hash);
    this.checkKnown(h, o.checkBan);
    if (this.o.maxTxBytes !== undefined && xt.length > this.o.maxTxBytes) {
      this.bans.ban([h]);
      throw validityError({ type: 'Invalid', kind: 'ExhaustsResources' });
    }
    const epoch = this.epoch;
    let validity: Validity;
    try {
      validity = await this.validate(xt, at, source);
    } catch (e) {
      throw unknownValidity(e instanceof Error ? e.message : String(e));
    }
    if (!validity.ok) {
      // invalid transactions are banned (validated_pool.rs submit_one); unknown validity is not
      if (validity.error.type === 'Invalid') this.bans.ban([h]);
      throw validityError(validity.error);
    }
    let v: NormalizedValidity;
    try {
      v = normalize(validity.valid);
    } catch (e) {
      throw unknownValidity((e as Error).message);
    }
    if (v.provides.length === 0) {
      this.bans.ban([h]);
      throw noTagsProvided();
    }
    // the world moved while we awaited: included in a block meanwhile, or a duplicate submission won
    this.checkKnown(h, o.checkBan);
    const tx: PoolTx = {
      hash, hashHex: h, xt, bytes: xt.length, ...v, source, insertion: this.insertion++, importedAt: this.o.now(),
      validatedEpoch: epoch, ready: false,
    };
    const watcher = o.watch ? this.listener.create(h) : undefined;
    try {
      this.insert(tx);
    } catch (e) {
      watcher?.close();
      throw e;
    }
    return { hash, watcher };
  }

  private async validate(xt: Uint8Array, at: BlockRef, source: TransactionSource): Promise<Validity> {
    this.counters.validationsScheduled++;
    try {
      const v = await this.o.validate(xt, at, source);
      if (typeof v !== 'object' || v === null || (v.ok !== true && (v.ok !== false || typeof v.error !== 'object' || v.error === null))) {
        throw new Error('validator returned a malformed Validity');
      }
      return v;
    } finally {
      this.counters.validationsFinished++;
    }
  }

  /** Synchronous insertion of a validated transaction: replacement by priority, readiness, limits. */
  private insert(tx: PoolTx): void {
    const clashing = this.graph.clashes(tx.provides);
    if (clashing.length) {
      const old = clashing.reduce((sum, t) => sum + t.priority, 0n);
      if (old >= tx.priority) throw tooLowPriority(old, tx.priority);
      for (const t of clashing) this.graph.delete(t);
    }
    this.graph.add(tx);
    const changes: Readiness = clashing.length ? this.graph.recompute() : { promoted: this.graph.promoteFrom(tx), demoted: [] };
    if (!tx.ready) this.listener.fire(tx.hashHex, 'future');
    for (const t of clashing) this.listener.fire(t.hashHex, { usurped: tx.hashHex });
    this.fireReadiness(changes);
    const evicted = this.enforceLimits();
    this.notifyReady(changes.promoted);
    if (evicted.has(tx)) throw immediatelyDropped();
  }

  /** Evicts until both queues fit; evicted transactions are banned and see `dropped`. */
  private enforceLimits(): Set<PoolTx> {
    const removed: PoolTx[] = [];
    while (this.graph.exceeds(this.o.readyLimit, true)) {
      const worst = this.graph.worstReady();
      if (!worst) break;
      // dependents cannot be included without it: they go too (remove_subtree)
      for (const t of [worst, ...this.graph.readyDependents(worst)]) { this.graph.delete(t); removed.push(t); }
    }
    while (this.graph.exceeds(this.o.futureLimit, false)) {
      const worst = this.graph.oldestFuture();
      if (!worst) break;
      this.graph.delete(worst);
      removed.push(worst);
    }
    if (removed.length) {
      log.debug(`Enforcing limits: ${removed.length} dropped`);
      this.bans.ban(removed.map((t) => t.hashHex));
      for (const t of removed) this.listener.fire(t.hashHex, 'dropped');
    }
    return new Set(removed);
  }

  /** Watchers learn readiness changes, then the node learns of new ready transactions. */
  private announce(changes: Readiness): void {
    this.fireReadiness(changes);
    this.notifyReady(changes.promoted);
  }

  private fireReadiness(changes: Readiness): void {
    for (const t of changes.promoted) this.listener.fire(t.hashHex, 'ready');
    for (const t of changes.demoted) this.listener.fire(t.hashHex, 'future');
  }

  private notifyReady(promoted: PoolTx[]): void {
    const fresh = promoted.filter((t) => this.graph.get(t.hashHex) === t && t.ready);
    if (!fresh.length) return;
    const hashes = fresh.map((t) => t.hash);
    for (const l of [...this.readyListeners]) {
      try { l(hashes); } catch (e) { log.warn(`ready listener failed: ${(e as Error).message}`); }
    }
  }

  // ---- removal and propagation ------------------------------------------------

  /**
   * author_removeExtrinsic / invalid reports from the block builder (remove_invalid): removes the
   * transactions and the ready ones depending on them, all see `invalid`; the named ones are banned.
   * Returns every removed hash.
   */
  remove(hashes: Uint8Array[]): Uint8Array[] {
    const roots = hashes.map(toHex);
    this.bans.ban(roots);
    const removed: PoolTx[] = [];
    for (const h of roots) {
      const tx = this.graph.get(h);
      if (!tx) continue;
      for (const t of [tx, ...this.graph.readyDependents(tx)]) { this.graph.delete(t); removed.push(t); }
    }
    for (const t of removed) this.listener.fire(t.hashHex, 'invalid');
    if (removed.length) this.announce(this.graph.recompute());
    return removed.map((t) => t.hash);
  }

  /** The network layer sent these transactions to `peers`. */
  broadcast(hash: Uint8Array, peers: string[]): void { this.listener.fire(toHex(hash), { broadcast: peers }); }

  // ---- chain events (serialised) ----------------------------------------------

  /**
   * A new best block: its transactions leave the pool (watchers see inBlock) and are banned so they
   * cannot come back; the rest is revalidated at `revalidateAt`. Queued behind earlier maintenance.
   */
  onBlockImported(block: BlockRef & { extrinsics: Uint8Array[] }, revalidateAt: BlockRef): Promise<void> {
    return this.maintain('block import', async () => {
      const epoch = ++this.epoch;
      const bh = toHex(block.hash);
      const hashes = block.extrinsics.map((xt) => toHex(this.o.hash(xt)));
      this.bans.ban(hashes);
      const tags: string[] = [];
      for (const h of hashes) {
        const tx = this.graph.get(h);
        if (!tx) continue;
        tags.push(...tx.provides);
        this.graph.delete(tx);
      }
      this.graph.notePruned(tags);
      this.counters.blockTransactionsPruned += hashes.length;
      this.listener.inBlock(bh, hashes);
      this.announce(this.graph.recompute());
      await this.revalidate(revalidateAt, epoch);
      this.bans.clearExpired();
    });
  }

  /**
   * Finalized blocks, oldest first: watchers of transactions they included see `finalized` and end.
   * Queued behind block imports, so a block announced just before is already known.
   */
  onFinalized(finalizedBlocks: Uint8Array[]): Promise<void> {
    return this.maintain('finality', () => {
      for (const b of finalizedBlocks) this.listener.finalized(toHex(b));
    });
  }

  /**
   * A block left the best chain: watchers of its transactions see `retracted`, and its transactions
   * go back to the pool, validated at `at` (as External, like the single-state pool). Call it before
   * onBlockImported for the new best block of the fork. `enacted` holds the hashes of transactions
   * in the blocks the new chain enacts: those are not resubmitted (they would be stale there).
   */
  onRetracted(block: { hash: Uint8Array; extrinsics: Uint8Array[] }, at: BlockRef, enacted: ReadonlySet<string> = new Set()): Promise<void> {
    return this.maintain('retraction', async () => {
      const bh = toHex(block.hash);
      this.listener.retracted(bh);
      for (const xt of block.extrinsics) {
        const h = toHex(this.o.hash(xt));
        // still in a block of the current chain, or already back in the pool
        if (this.listener.isIncluded(h) || this.graph.has(h) || enacted.has(h)) continue;
        this.bans.unban(h);
        this.counters.blockTransactionsResubmitted++;
        try {
          await this.importOne(xt, at, 'External', { watch: false, checkBan: false });
        } catch (e) {
          // inherents and transactions invalid on the new chain end here; a watcher must not hang
          log.debug(`Not resubmitting ${h}: ${(e as Error).message}`);
          this.listener.fire(h, 'invalid');
        }
      }
    });
  }

  /** Maintenance never rejects: callers fire and forget it on chain events. */
  private maintain(what: string, task: () => Promise<void> | void): Promise<void> {
    return this.maintenance.run(async () => {
      try {
        await task();
      } catch (e) {
        log.warn(`Transaction pool ${what} failed: ${(e as Error).stack ?? e}`);
      }
    });
  }

  /** Revalidates every transaction whose validity predates `epoch`, applying each pass at once. */
  private async revalidate(at: BlockRef, epoch: number): Promise<void> {
    for (let pass = 0; pass < MAX_REVALIDATION_PASSES; pass++) {
      const batch = [...this.graph.all()].filter((t) => t.validatedEpoch < epoch);
      if (!batch.length) return;
      const results: [PoolTx, Revalidated][] = [];
      for (const tx of batch) results.push([tx, await this.revalidateOne(tx, at)]);
      this.applyRevalidation(results, epoch);
    }
  }

  private async revalidateOne(tx: PoolTx, at: BlockRef): Promise<Revalidated> {
    try {
      const v = await this.validate(tx.xt, at, tx.source);
      if (v.ok) {
        const valid = normalize(v.valid);
        return valid.provides.length ? { kind: 'valid', valid } : { kind: 'invalid' };
      }
      return v.error.type === 'Invalid' ? { kind: 'invalid' } : { kind: 'unknown' };
    } catch (e) {
      log.debug(`Removing ${tx.hashHex} due to error during revalidation: ${(e as Error).message}`);
      return { kind: 'invalid' };
    }
  }

  private applyRevalidation(results: [PoolTx, Revalidated][], epoch: number): void {
    const invalid: PoolTx[] = [];
    const updated: [PoolTx, NormalizedValidity][] = [];
    for (const [tx, r] of results) {
      if (this.graph.get(tx.hashHex) !== tx) continue; // left the pool while we validated
      tx.validatedEpoch = epoch;
      if (r.kind === 'invalid') invalid.push(tx);
      else if (r.kind === 'valid') updated.push([tx, r.valid]);
    }
    for (const tx of invalid) this.graph.delete(tx);
    if (invalid.length) this.bans.ban(invalid.map((t) => t.hashHex));
    for (const tx of invalid) this.listener.fire(tx.hashHex, 'invalid');

    // relink with the new tags; if two now provide the same tag the higher priority stays
    for (const [tx] of updated) this.graph.unlink(tx);
    const dropped: PoolTx[] = [];
    for (const [tx, v] of updated) {
      Object.assign(tx, v);
      const clashing = this.graph.clashes(tx.provides);
      if (clashing.length) {
        const old = clashing.reduce((sum, t) => sum + t.priority, 0n);
        if (old >= tx.priority) { this.graph.delete(tx); dropped.push(tx); continue; }
        for (const t of clashing) { this.graph.delete(t); dropped.push(t); }
      }
      this.graph.link(tx);
    }
    for (const t of dropped) this.listener.fire(t.hashHex, 'dropped');
    this.announce(this.graph.recompute());
  }
}

/** Checks a validator's answer and turns tags into deduplicated hex strings. */
function normalize(v: ValidTransaction): NormalizedValidity {
  if (!v || typeof v.priority !== 'bigint' || typeof v.longevity !== 'bigint' || !Array.isArray(v.requires) || !Array.isArray(v.provides)
    || ![...v.requires, ...v.provides].every((t) => t instanceof Uint8Array)) {
    throw new Error('validator returned a malformed ValidTransaction');
  }
  return {
    priority: v.priority,
    requires: [...new Set(v.requires.map(toHex))],
    provides: [...new Set(v.provides.map(toHex))],
    longevity: v.longevity,
    propagate: v.propagate !== false,
  };
}
