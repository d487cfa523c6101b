// Follows the chain: catches up in batches to the best head, follows new heads, rolls back retracted blocks, reconnects with backoff.
import type { ApiPromise } from '@polkadot/api';
import { connect } from '@slmnet/client';
import { SingleBar } from 'cli-progress';
import type { Sql } from './db.ts';
import { availableParallelism } from 'node:os';
import { BlockDecoder } from './decode.ts';
import { DecodePool } from './decode-pool.ts';
import { deferIndexes, deferredCount, restoreIndexes } from './indexes.ts';
import { ChainNotifier } from './live.ts';
import { insertBatch, markFinalized, prepareBatch, rollbackFrom, storedHash, tip, type PreparedBatch, type StoredBlock } from './store.ts';

export interface IngestOptions {
  url: string;
  /** First block to index when the database is empty (default 0, genesis). */
  from?: number;
  /** Blocks fetched and decoded together and written in one transaction (bounds memory; default 400). */
  batchSize?: number;
  /**
   * Decoding threads for catching up (each with its own node connection), beside the main thread that writes and serves;
   * 0 decodes in the main thread. Default: $SLMNET_INDEXER_DECODE_THREADS, else 0 on one CPU, 1 on two or three (writing
   * to PGlite then has the main thread to itself: catch-up 1.3x faster on 2 CPUs with the node on the same machine), else
   * the CPU count minus 2, at most 3.
   */
  decodeThreads?: number;
  /**
   * A catch-up of at least this many blocks, and of at least twice the blocks already stored, writes the busiest chain
   * tables without their secondary indexes and builds those when it reaches the head (src/indexes.ts); 0: never.
   * Default: $SLMNET_INDEXER_DEFER_INDEXES, else 1000.
   */
  deferIndexesFrom?: number;
  /** Show a progress bar with ETA on stderr during catch-up. */
  progress?: boolean;
  log?: (line: string) => void;
}

export interface ChainStatus { best: number; finalized: number; connected: boolean }

/** Where batches come from: the decoding threads or the main thread. */
interface BatchSource { prepareRange(from: number, count: number, finalized: number): Promise<PreparedBatch> }

const MAX_BACKOFF_MS = 30_000;
/** The default number of decoding threads on `cpus` CPUs (see IngestOptions.decodeThreads). */
const decodeThreadsFor = (cpus: number) => (cpus < 2 ? 0 : cpus < 4 ? 1 : Math.min(3, cpus - 2));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A numeric setting: the option if given, else the environment variable `env` if set, else `fallback`. */
const setting = (option: number | undefined, env: string, fallback: () => number): number =>
  option ?? (process.env[env] ? Number(process.env[env]) : fallback());

export class Ingester {
  readonly status: ChainStatus = { best: 0, finalized: 0, connected: false };
  /** Fires after each stored batch (`blocks`), finality update (`finalized`) and rollback (`rollback`). */
  readonly events = new ChainNotifier();
  private stopped = false;
  private api: ApiPromise | undefined;
  private wake: () => void = () => undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly db: Sql, private readonly opts: IngestOptions) {}

  start(): void {
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.api?.disconnect().catch(() => undefined);
    await this.running;
  }

  private log(line: string): void {
    this.opts.log?.(line);
  }

  /** Connects, follows until the connection drops, and reconnects with exponential backoff. */
  private async loop(): Promise<void> {
    let backoff = 500;
    while (!this.stopped) {
      try {
        this.api = await connect(this.opts.url);
        this.status.connected = true;
        backoff = 500;
        await this.follow(this.api);
      } catch (e) {
        if (this.stopped) break;
        this.log(`node ${this.opts.url}: ${(e as Error).message}; retrying in ${backoff / 1000} s`);
      } finally {
        this.status.connected = false;
        await this.api?.disconnect().catch(() => undefined);
      }
      if (this.stopped) break;
      await Promise.race([sleep(backoff), new Promise<void>((r) => { this.wake = r; })]);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  }

  private async follow(api: ApiPromise): Promise<void> {
    let dropped: Error | undefined;
    const onDrop = () => { dropped = new Error('connection lost'); this.wake(); };
    api.on('disconnected', onDrop);
    const unsubs = await Promise.all([
      api.rpc.chain.subscribeNewHeads(() => this.wake()),
      api.rpc.chain.subscribeFinalizedHeads(() => this.wake()),
    ]);
    try {
      while (!this.stopped && !dropped) {
        const woken = new Promise<void>((r) => { this.wake = r; });
        await this.sync(api);
        if (!this.stopped && !dropped) await woken;
      }
      if (dropped && !this.stopped) throw dropped;
    } finally {
      api.off('disconnected', onDrop);
      unsubs.forEach((u) => u());
      const pool = this.pool;
      this.pool = undefined;
      this.poolReady = false;
      await pool?.close();
    }
  }

  /** Brings the database to the node's best head: rolls back a retracted fork, indexes the missing blocks, marks finality. */
  private async sync(api: ApiPromise): Promise<void> {
    const [bestHeader, finalizedHash] = await Promise.all([api.rpc.chain.getHeader(), api.rpc.chain.getFinalizedHead()]);
    const finalized = (await api.rpc.chain.getHeader(finalizedHash)).number.toNumber();
    const best = bestHeader.number.toNumber();
    Object.assign(this.status, { best, finalized });
    await this.reconcile(api, best);
    const last = await tip(this.db);
    let next = last ? last.number + 1 : this.opts.from ?? 0;
    const bulk = await this.maybeDeferIndexes(best - next + 1);
    const bar = this.opts.progress && best - next > 50 ? new SingleBar({ format: 'indexing {bar} {value}/{total} blocks | ETA {eta_formatted}' }) : undefined;
    bar?.start(best, next);
    // while a batch is written, the next two are fetched and decoded (the node answers one while the other is decoded):
    // at most four batches in memory
    let writing: Promise<void> = Promise.resolve();
    try {
      const size = this.opts.batchSize ?? 400;
      const catchingUp = best - next + 1 > size;
      let parent = next > 0 ? await storedHash(this.db, next - 1) : undefined;
      // the first batches are small, so that the first blocks are stored (and served) at once; then `size` each
      let step = Math.min(size, 25);
      let requested = next;
      const ahead: Promise<PreparedBatch>[] = [];
      const request = () => {
        while (ahead.length < 2 && requested <= best && !this.stopped) {
          const count = Math.min(step, best - requested + 1);
          const batch = (catchingUp ? this.catchUpSource(api) : this.mainThread(api)).prepareRange(requested, count, finalized);
          batch.catch(() => undefined); // awaited below, or dropped with the round
          ahead.push(batch);
          requested += count;
          step = Math.min(size, step * 2);
        }
      };
      request();
      while (ahead.length) {
        const batch = await ahead.shift()!;
        if (this.stopped) break;
        request();
        await writing;
        // without the indexes the API's filters need, statistics can wait for the end of the catch-up (each ANALYZE
        // samples 9,000 rows of every table: close to half a second on PGlite once the tables are large)
        if (!bulk) await this.refreshStats(next);
        // a reorg between reading hashes: the batch (and those after it) is dropped, and the next round reconciles
        if (!this.links(batch.blocks, parent)) break;
        writing = insertBatch(this.db, batch).then(() => { this.events.emit('blocks', batch.blocks); });
        writing.catch(() => undefined); // awaited below
        parent = batch.blocks[batch.blocks.length - 1].block.hash;
        next += batch.blocks.length;
        bar?.update(next - 1);
      }
      await writing;
    } finally {
      await writing.catch(() => undefined);
      bar?.stop();
    }
    if (bulk && next > best) {
      await restoreIndexes(this.db, (line) => this.log(line));
      await this.refreshStats(next, true);
    }
    await markFinalized(this.db, finalized);
    this.events.emit('finalized', finalized);
    await this.refreshStats(next);
  }

  /**
   * Drops the chain tables' secondary indexes before catching up `behind` blocks if building them afterwards is cheaper.
   * Whether indexes are deferred (now, or by an interrupted catch-up).
   */
  private async maybeDeferIndexes(behind: number): Promise<boolean> {
    const from = setting(this.opts.deferIndexesFrom, 'SLMNET_INDEXER_DEFER_INDEXES', () => 1000);
    // building an index costs about half of keeping it up to date for as many rows
    const worth = from > 0 && behind >= from
      && behind >= 2 * (await this.db.query<{ stored: number }>('SELECT count(*)::int AS stored FROM blocks'))[0].stored;
    const n = worth ? await deferIndexes(this.db) : 0;
    if (n) this.log(`catching up ${behind} blocks: ${n} indexes of the chain tables are built when it reaches the head`);
    return n > 0 || (await deferredCount(this.db)) > 0;
  }

  /** Stored height at the last ANALYZE (-1: none since this process started). */
  private analyzedAt = -1;
  /** Planner statistics: PGlite has no autovacuum, and without them PostgreSQL guesses a few rows per filter and sorts a
   * whole table's matches (seen: 200 ms for a page of balances.Transfer events on 10k blocks, 5 ms after). Refreshed at
   * start and whenever the stored chain has doubled since the last time (or now if `now`). ANALYZE samples 300 rows per
   * unit of statistics target from each table: 9,000 (target 30) describe these columns (a few dozen event kinds, ranges of
   * blocks, ids) as well as the default 30,000, in a third of the time (1.0 → 0.4 s over 10,000 busy blocks on PGlite). */
  private async refreshStats(height: number, now = false): Promise<void> {
    if (!now && this.analyzedAt >= 0 && height < Math.max(2 * this.analyzedAt, this.analyzedAt + 1000)) return;
    await this.db.transaction(async (tx) => {
      await tx.exec('SET LOCAL default_statistics_target = 30');
      await tx.exec('ANALYZE');
    });
    this.analyzedAt = height;
  }

  /** Whether the blocks extend the stored chain (each one's parent is the block stored, or decoded, just before it). */
  private links(blocks: StoredBlock[], parent: string | undefined): boolean {
    for (const b of blocks) {
      if (parent !== undefined && b.block.parentHash !== parent) return false;
      parent = b.block.hash;
    }
    return true;
  }

  private pool: DecodePool | undefined;
  private poolReady = false;
  private poolFailed = false;
  /**
   * The decoding threads of this connection once they are ready, else the main thread. The threads are started on the first
   * catch-up, in the background: the first batches are decoded in the main thread meanwhile.
   */
  private catchUpSource(api: ApiPromise): BatchSource {
    const threads = setting(this.opts.decodeThreads, 'SLMNET_INDEXER_DECODE_THREADS', () => decodeThreadsFor(availableParallelism()));
    if (threads <= 0 || this.poolFailed) return this.mainThread(api);
    if (!this.pool) {
      const pool = this.pool = new DecodePool(this.opts.url, threads);
      pool.ready().then(() => { if (this.pool === pool) this.poolReady = true; }, (e: Error) => {
        void pool.close();
        if (this.pool !== pool) return;
        this.pool = undefined;
        // e.g. a node that allows a single connection: decode in the main thread from now on
        this.poolFailed = true;
        this.log(`decoding threads unavailable (${e.message}); decoding in the main thread`);
      });
    }
    return this.poolReady ? this.pool : this.mainThread(api);
  }

  private sources = new WeakMap<ApiPromise, BatchSource>();
  /** Decoding in the main thread, with one decoder (runtime cache) per connection. */
  private mainThread(api: ApiPromise): BatchSource {
    let s = this.sources.get(api);
    if (!s) {
      const decoder = new BlockDecoder(api);
      this.sources.set(api, s = { prepareRange: async (from, count, finalized) => prepareBatch(await decoder.decodeRange(from, count), finalized) });
    }
    return s;
  }

  /** Deletes stored blocks that are no longer on the node's best chain (from the fork point on). */
  private async reconcile(api: ApiPromise, best: number): Promise<void> {
    const last = await tip(this.db);
    if (!last) return;
    let n = last.number;
    for (; n >= 0; n--) {
      const stored = await storedHash(this.db, n);
      if (stored === undefined || (n <= best && (await api.rpc.chain.getBlockHash(n)).toHex() === stored)) break;
    }
    if (n < last.number) {
      this.log(`reorg: rolling back blocks #${n + 1}..#${last.number}`);
      await rollbackFrom(this.db, n + 1);
      this.events.emit('rollback', n + 1);
    }
  }
}
