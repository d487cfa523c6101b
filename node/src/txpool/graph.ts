// The pool's dependency graph, linked by tags as in sc-transaction-pool's base pool:
// a transaction is ready when every tag it requires is provided by a ready
// transaction or was provided by a recently imported block; otherwise it waits in
// the future queue. Each tag has at most one provider in the pool (the pool
// resolves clashes by priority before linking).
import type { Limit, PooledTransaction, TransactionSource } from './types.ts';

export interface PoolTx extends PooledTransaction {
  priority: bigint;
  requires: string[];
  provides: string[];
  longevity: bigint;
  propagate: boolean;
  ready: boolean;
  /** Pool clock (ms) at import: the future queue evicts the oldest first. */
  readonly importedAt: number;
  /** Maintenance epoch in which the current validity was obtained. */
  validatedEpoch: number;
  readonly source: TransactionSource;
}

export interface Readiness { promoted: PoolTx[]; demoted: PoolTx[] }

/** Blocks whose provided tags count as satisfied (sc-transaction-pool RECENTLY_PRUNED_TAGS). */
const RECENTLY_PRUNED_BLOCKS = 2;

export class TxGraph {
  private readonly byHash = new Map<string, PoolTx>();
  private readonly providers = new Map<string, PoolTx>();
  private readonly requirers = new Map<string, Set<PoolTx>>();
  /** Tags provided by transactions of the last blocks: on chain now, even if revalidation has not caught up. */
  private pruned: Set<string>[] = Array.from({ length: RECENTLY_PRUNED_BLOCKS }, () => new Set());
  private readonly totals = { ready: 0, readyBytes: 0, future: 0, futureBytes: 0 };

  get size(): number { return this.byHash.size; }
  get(hashHex: string): PoolTx | undefined { return this.byHash.get(hashHex); }
  has(hashHex: string): boolean { return this.byHash.has(hashHex); }
  /** All transactions, oldest first. */
  all(): IterableIterator<PoolTx> { return this.byHash.values(); }
  status(): { ready: number; future: number; readyBytes: number; futureBytes: number } { return { ...this.totals }; }

  exceeds(limit: Limit, ready: boolean): boolean {
    const [count, bytes] = ready ? [this.totals.ready, this.totals.readyBytes] : [this.totals.future, this.totals.futureBytes];
    return count > limit.count || bytes > limit.bytes;
  }

  /** Distinct pool transactions already providing any of `tags`. */
  clashes(tags: readonly string[]): PoolTx[] {
    const found = new Set<PoolTx>();
    for (const tag of tags) { const p = this.providers.get(tag); if (p) found.add(p); }
    return [...found];
  }

  /** Adds a transaction (as future) and links its tags; call promoteFrom/recompute next. */
  add(tx: PoolTx): void {
    this.byHash.set(tx.hashHex, tx);
    tx.ready = false;
    this.totals.future++;
    this.totals.futureBytes += tx.bytes;
    this.link(tx);
  }

  /** Removes a transaction; dependents keep their flags until recompute(). */
  delete(tx: PoolTx): void {
    if (this.byHash.get(tx.hashHex) !== tx) return;
    this.unlink(tx);
    this.byHash.delete(tx.hashHex);
    if (tx.ready) { this.totals.ready--; this.totals.readyBytes -= tx.bytes; } else { this.totals.future--; this.totals.futureBytes -= tx.bytes; }
  }

  link(tx: PoolTx): void {
    for (const tag of tx.provides) this.providers.set(tag, tx);
    for (const tag of tx.requires) {
      let set = this.requirers.get(tag);
      if (!set) this.requirers.set(tag, (set = new Set()));
      set.add(tx);
    }
  }

  unlink(tx: PoolTx): void {
    for (const tag of tx.provides) if (this.providers.get(tag) === tx) this.providers.delete(tag);
    for (const tag of tx.requires) {
      const set = this.requirers.get(tag);
      set?.delete(tx);
      if (set?.size === 0) this.requirers.delete(tag);
    }
  }

  /** Records the tags a new block provided, forgetting those of the block before last. */
  notePruned(tags: Iterable<string>): void {
    this.pruned = [new Set(tags), ...this.pruned.slice(0, RECENTLY_PRUNED_BLOCKS - 1)];
  }

  private isPruned(tag: string): boolean { return this.pruned.some((s) => s.has(tag)); }

  private satisfied(tag: string): boolean { return this.isPruned(tag) || this.providers.get(tag)?.ready === true; }

  /** After adding `tx` with no clash: makes it ready if it can be, then whatever that unlocks. Cheap path for submissions. */
  promoteFrom(tx: PoolTx): PoolTx[] {
    if (!tx.requires.every((t) => this.satisfied(t))) return [];
    const promoted: PoolTx[] = [];
    const queue = [tx];
    this.setReady(tx, true);
    while (queue.length) {
      const t = queue.shift()!;
      promoted.push(t);
      for (const tag of t.provides) {
        for (const r of this.requirers.get(tag) ?? []) {
          if (r.ready || !r.requires.every((x) => this.satisfied(x))) continue;
          this.setReady(r, true);
          queue.push(r);
        }
      }
    }
    return promoted;
  }

  /** Recomputes every ready flag from scratch (after removals or tag changes). */
  recompute(): Readiness {
    const missing = new Map<PoolTx, number>();
    const queue: PoolTx[] = [];
    for (const tx of this.byHash.values()) {
      let n = 0;
      for (const tag of tx.requires) {
        if (this.isPruned(tag)) continue;
        n += this.providers.has(tag) ? 1 : Infinity; // nobody provides it: stays in the future queue
      }
      missing.set(tx, n);
      if (n === 0) queue.push(tx);
    }
    const ready = new Set<PoolTx>();
    while (queue.length) {
      const t = queue.pop()!;
      ready.add(t);
      for (const tag of t.provides) {
        if (this.isPruned(tag)) continue;
        for (const r of this.requirers.get(tag) ?? []) {
          const left = missing.get(r)! - 1;
          missing.set(r, left);
          if (left === 0) queue.push(r);
        }
      }
    }
    const out: Readiness = { promoted: [], demoted: [] };
    for (const tx of this.byHash.values()) {
      const now = ready.has(tx);
      if (now === tx.ready) continue;
      this.setReady(tx, now);
      (now ? out.promoted : out.demoted).push(tx);
    }
    return out;
  }

  private setReady(tx: PoolTx, ready: boolean): void {
    if (tx.ready === ready) return;
    tx.ready = ready;
    const d = ready ? 1 : -1;
    this.totals.ready += d; this.totals.readyBytes += d * tx.bytes;
    this.totals.future -= d; this.totals.futureBytes -= d * tx.bytes;
  }

  /** Ready transactions that are only ready thanks to `tx`, transitively (what leaves with it). */
  readyDependents(tx: PoolTx): PoolTx[] {
    const out: PoolTx[] = [];
    const seen = new Set<PoolTx>([tx]);
    const queue = [tx];
    while (queue.length) {
      const t = queue.shift()!;
      for (const tag of t.provides) {
        if (this.isPruned(tag) || this.providers.get(tag) !== t) continue;
        for (const r of this.requirers.get(tag) ?? []) {
          if (!r.ready || seen.has(r)) continue;
          seen.add(r);
          out.push(r);
          queue.push(r);
        }
      }
    }
    return out;
  }

  /** Ready eviction victim: lowest priority; among equals the oldest goes (base_pool enforce_limits). */
  worstReady(): PoolTx | undefined {
    let worst: PoolTx | undefined;
    for (const t of this.byHash.values()) {
      if (!t.ready) continue;
      if (!worst || t.priority < worst.priority || (t.priority === worst.priority && t.insertion < worst.insertion)) worst = t;
    }
    return worst;
  }

  /** Future eviction victim: the one waiting longest. */
  oldestFuture(): PoolTx | undefined {
    let worst: PoolTx | undefined;
    for (const t of this.byHash.values()) {
      if (t.ready) continue;
      if (!worst || t.importedAt < worst.importedAt || (t.importedAt === worst.importedAt && t.insertion < worst.insertion)) worst = t;
    }
    return worst;
  }

  /**
   * Ready transactions in the order a block builder should try them (ready.rs BestIterator):
   * only transactions whose in-pool requirements were already yielded are candidates;
   * among candidates the highest priority goes first, ties by insertion order.
   */
  best(): PoolTx[] {
    const heap = new TxHeap();
    const awaiting = new Map<PoolTx, number>();
    for (const tx of this.byHash.values()) {
      if (!tx.ready) continue;
      let n = 0;
      for (const tag of tx.requires) if (!this.isPruned(tag) && this.providers.has(tag)) n++;
      if (n === 0) heap.push(tx); else awaiting.set(tx, n);
    }
    const out: PoolTx[] = [];
    for (let t = heap.pop(); t; t = heap.pop()) {
      out.push(t);
      for (const tag of t.provides) {
        if (this.isPruned(tag)) continue;
        for (const r of this.requirers.get(tag) ?? []) {
          const n = awaiting.get(r);
          if (n === undefined) continue;
          if (n > 1) awaiting.set(r, n - 1);
          else { awaiting.delete(r); heap.push(r); }
        }
      }
    }
    return out;
  }
}

/** Binary max-heap: higher priority first, then lower insertion id. */
class TxHeap {
  private readonly a: PoolTx[] = [];

  private static before(x: PoolTx, y: PoolTx): boolean {
    return x.priority !== y.priority ? x.priority > y.priority : x.insertion < y.insertion;
  }

  push(t: PoolTx): void {
    const a = this.a;
    a.push(t);
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (!TxHeap.before(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }

  pop(): PoolTx | undefined {
    const a = this.a;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < a.length && TxHeap.before(a[l], a[m])) m = l;
        if (r < a.length && TxHeap.before(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}
