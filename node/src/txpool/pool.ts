// Substrate-style transaction pool: ready/future queues linked by tags, priority
// ordering, dedupe, bans, limits, re-validation after each block, watchers.
import type { TransactionSource, TransactionValidityError, ValidTransaction, Validity } from '@slmnet/runtime-spec';

export type { ValidTransaction, TransactionValidityError, Validity };
export type Validator = (xt: Uint8Array, at: { hash: Uint8Array; number: number }, source: TransactionSource) => Promise<Validity> | Validity;
export type TxStatus = 'future' | 'ready' | { broadcast: string[] } | { inBlock: string } | { retracted: string } | { finalityTimeout: string }
  | { finalized: string } | { usurped: string } | 'dropped' | 'invalid';

/** Errors carry polkadot-sdk's RPC codes (sc-rpc-api author/error.rs). */
export class PoolError extends Error {
  constructor(readonly code: 1010 | 1011 | 1012 | 1013 | 1014 | 1015 | 1016, message: string, readonly data?: string) { super(message); }
}

const INVALID_REASON: Record<string, string> = {
  Call: 'Transaction call is not expected',
  Payment: 'Inability to pay some fees (e.g. account balance too low)',
  Future: 'Transaction will be valid in the future',
  Stale: 'Transaction is outdated',
  BadProof: 'Transaction has a bad signature',
  AncientBirthBlock: 'Transaction has an ancient birth block',
  ExhaustsResources: 'Transaction would exhaust the block limits',
  BadMandatory: 'A call was labelled as mandatory, but resulted in an Error.',
  MandatoryValidation: 'Transaction dispatch is mandatory; transactions must not be validated.',
  BadSigner: 'Invalid signing address',
};
const UNKNOWN_REASON: Record<string, string> = {
  CannotLookup: 'Could not lookup information required to validate the transaction',
  NoUnsignedValidator: 'Could not find an unsigned validator for the unsigned transaction',
};

export function validityError(e: TransactionValidityError): PoolError {
  if (e.type === 'Invalid') return new PoolError(1010, 'Invalid Transaction', e.kind === 'Custom' ? `Custom error: ${e.custom ?? 0}` : INVALID_REASON[e.kind]);
  return new PoolError(1011, 'Unknown Transaction Validity', e.kind === 'Custom' ? `Custom error: ${e.custom ?? 0}` : UNKNOWN_REASON[e.kind]);
}

const hex = (b: Uint8Array) => '0x' + Buffer.from(b).toString('hex');
const TERMINAL = (s: TxStatus) => s === 'dropped' || s === 'invalid' || (typeof s === 'object' && ('finalized' in s || 'usurped' in s || 'finalityTimeout' in s));

export class Watcher {
  private listeners: ((s: TxStatus) => void)[] = [];
  private buffer: TxStatus[] = [];
  closed = false;
  on(cb: (s: TxStatus) => void): void {
    this.listeners.push(cb);
    const pending = this.buffer;
    this.buffer = [];
    for (const s of pending) cb(s);
  }
  emit(s: TxStatus): void {
    if (this.closed) return;
    if (this.listeners.length === 0) this.buffer.push(s);
    else for (const l of this.listeners) l(s);
    if (TERMINAL(s)) this.closed = true;
  }
  close(): void { this.closed = true; this.listeners = []; }
}

export interface PoolTx {
  hash: Uint8Array;
  hashHex: string;
  xt: Uint8Array;
  priority: bigint;
  requires: string[];
  provides: string[];
  longevity: bigint;
  propagate: boolean;
  source: TransactionSource;
  insertion: number;
  ready: boolean;
  watcher?: Watcher;
}

export interface PoolOptions {
  validate: Validator;
  hash: (xt: Uint8Array) => Uint8Array;
  readyLimit?: { count: number; bytes: number };
  futureLimit?: { count: number; bytes: number };
  banTimeMs?: number;
  maxTxBytes?: number;
  now?: () => number;
}

export class TransactionPool {
  private readonly txs = new Map<string, PoolTx>();
  /** tag → tx providing it */
  private readonly providers = new Map<string, PoolTx>();
  private readonly banned = new Map<string, number>();
  /** block hash → hashes of pool txs it included, for finality notifications */
  private readonly inBlock = new Map<string, string[]>();
  private readonly watchers = new Map<string, Watcher>();
  private insertion = 0;
  private queue: Promise<void> = Promise.resolve();
  private readyListeners: (() => void)[] = [];
  private readonly o: Required<Omit<PoolOptions, 'maxTxBytes'>> & { maxTxBytes?: number };
  readonly stats = { submitted: 0, validationsScheduled: 0, pruned: 0 };

  constructor(opts: PoolOptions) {
    this.o = {
      readyLimit: { count: 8192, bytes: 20 * 1024 * 1024 }, futureLimit: { count: 819, bytes: 2 * 1024 * 1024 },
      banTimeMs: 30 * 60 * 1000, now: Date.now, ...opts,
    };
  }

  onReady(cb: () => void): () => void {
    this.readyListeners.push(cb);
    return () => { this.readyListeners = this.readyListeners.filter((l) => l !== cb); };
  }

  has(hash: Uint8Array): boolean { return this.txs.has(hex(hash)); }
  status(): { ready: number; future: number } {
    let ready = 0;
    for (const t of this.txs.values()) if (t.ready) ready++;
    return { ready, future: this.txs.size - ready };
  }

  async submit(xt: Uint8Array, at: { hash: Uint8Array; number: number }, source: TransactionSource = 'External'): Promise<Uint8Array> {
    return (await this.import(xt, at, source, false)).hash;
  }

  async submitAndWatch(xt: Uint8Array, at: { hash: Uint8Array; number: number }, source: TransactionSource = 'External'): Promise<{ hash: Uint8Array; watcher: Watcher }> {
    const tx = await this.import(xt, at, source, true);
    return { hash: tx.hash, watcher: tx.watcher! };
  }

  private isBanned(h: string): boolean {
    const until = this.banned.get(h);
    if (until === undefined) return false;
    if (until > this.o.now()) return true;
    this.banned.delete(h);
    return false;
  }

  private async import(xt: Uint8Array, at: { hash: Uint8Array; number: number }, source: TransactionSource, watch: boolean): Promise<PoolTx> {
    this.stats.submitted++;
    const hash = this.o.hash(xt);
    const h = hex(hash);
    if (this.txs.has(h)) throw new PoolError(1013, 'Transaction Already Imported', h);
    if (this.isBanned(h)) throw new PoolError(1012, 'Transaction is temporarily banned');
    if (this.o.maxTxBytes !== undefined && xt.length > this.o.maxTxBytes) throw validityError({ type: 'Invalid', kind: 'ExhaustsResources' });
    this.stats.validationsScheduled++;
    let validity: Validity;
    try {
      validity = await this.o.validate(xt, at, source);
    } catch (e) {
      throw new PoolError(1011, 'Unknown Transaction Validity', `Custom error: ${(e as Error).message}`);
    }
    if (!validity.ok) throw validityError(validity.error);
    if (this.txs.has(h)) throw new PoolError(1013, 'Transaction Already Imported', h);
    const v = validity.valid;
    const tx: PoolTx = {
      hash, hashHex: h, xt, priority: v.priority, requires: v.requires.map(hex), provides: v.provides.map(hex),
      longevity: v.longevity, propagate: v.propagate, source, insertion: this.insertion++, ready: false,
      watcher: watch ? new Watcher() : undefined,
    };
    if (tx.watcher) this.watchers.set(h, tx.watcher);
    try {
      this.insert(tx);
    } catch (e) {
      this.watchers.delete(h);
      throw e;
    }
    if (!tx.ready) tx.watcher?.emit('future');
    return tx;
  }

  /** Adds a validated tx: replaces lower-priority providers of the same tags, then recomputes readiness. */
  private insert(tx: PoolTx): void {
    const clashing = new Set<PoolTx>();
    for (const tag of tx.provides) { const p = this.providers.get(tag); if (p) clashing.add(p); }
    for (const old of clashing) {
      if (old.priority >= tx.priority) throw new PoolError(1014, `Priority is too low: (${old.priority} vs ${tx.priority})`, 'The transaction has too low priority to replace another transaction already in the pool.');
    }
    for (const old of clashing) this.drop(old, { usurped: tx.hashHex });
    this.txs.set(tx.hashHex, tx);
    for (const tag of tx.provides) this.providers.set(tag, tx);
    this.promote();
    this.enforceLimits(tx);
  }

  private drop(tx: PoolTx, status: TxStatus): void {
    this.txs.delete(tx.hashHex);
    for (const tag of tx.provides) if (this.providers.get(tag) === tx) this.providers.delete(tag);
    this.watchers.get(tx.hashHex)?.emit(status);
    this.watchers.delete(tx.hashHex);
  }

  /** Recomputes ready/future: a tx is ready when every required tag is provided by a ready tx. */
  private promote(): void {
    let changed = true;
    const newlyReady: PoolTx[] = [];
    const readyNow = new Set<PoolTx>();
    for (const t of this.txs.values()) if (t.requires.length === 0) readyNow.add(t);
    while (changed) {
      changed = false;
      for (const t of this.txs.values()) {
        if (readyNow.has(t)) continue;
        if (t.requires.every((tag) => { const p = this.providers.get(tag); return p !== undefined && readyNow.has(p); })) { readyNow.add(t); changed = true; }
      }
    }
    for (const t of this.txs.values()) {
      const was = t.ready;
      t.ready = readyNow.has(t);
      if (t.ready && !was) newlyReady.push(t);
    }
    for (const t of newlyReady) this.watchers.get(t.hashHex)?.emit('ready');
    if (newlyReady.length) for (const l of this.readyListeners) l();
  }

  /** Evicts the lowest-priority (then newest) txs beyond the limits; the new tx itself may go → 1016. */
  private enforceLimits(added: PoolTx): void {
    for (const ready of [true, false]) {
      const limit = ready ? this.o.readyLimit : this.o.futureLimit;
      const set = [...this.txs.values()].filter((t) => t.ready === ready);
      let bytes = set.reduce((s, t) => s + t.xt.length, 0);
      if (set.length <= limit.count && bytes <= limit.bytes) continue;
      set.sort((a, b) => (a.priority === b.priority ? b.insertion - a.insertion : a.priority < b.priority ? -1 : 1));
      let count = set.length;
      for (const t of set) {
        if (count <= limit.count && bytes <= limit.bytes) break;
        if (t === added) {
          this.drop(t, 'dropped');
          throw new PoolError(1016, 'Immediately Dropped', "The transaction couldn't enter the pool because of the limit");
        }
        this.drop(t, 'dropped');
        count--; bytes -= t.xt.length;
      }
    }
  }

  /** Ready transactions in block order: by priority, but never before the txs whose tags they require. */
  *ready(): Generator<PoolTx> {
    const ready = [...this.txs.values()].filter((t) => t.ready);
    const emitted = new Set<string>();
    const pending = ready.sort((a, b) => (a.priority === b.priority ? a.insertion - b.insertion : a.priority > b.priority ? -1 : 1));
    let progress = true;
    while (progress) {
      progress = false;
      for (const t of pending) {
        if (emitted.has(t.hashHex)) continue;
        const ok = t.requires.every((tag) => { const p = this.providers.get(tag); return !p || emitted.has(p.hashHex); });
        if (!ok) continue;
        emitted.add(t.hashHex);
        progress = true;
        yield t;
        break; // restart from the highest priority: a newly unlocked tx may outrank the rest
      }
    }
  }

  pendingExtrinsics(): Uint8Array[] {
    const all = [...this.txs.values()];
    return [...all.filter((t) => t.ready), ...all.filter((t) => !t.ready)].map((t) => t.xt);
  }

  /** author_removeExtrinsic: removes and bans; watchers see `invalid`. */
  remove(hashes: Uint8Array[]): Uint8Array[] {
    const removed: Uint8Array[] = [];
    for (const hash of hashes) {
      const t = this.txs.get(hex(hash));
      if (!t) continue;
      this.drop(t, 'invalid');
      this.banned.set(t.hashHex, this.o.now() + this.o.banTimeMs);
      removed.push(t.hash);
    }
    if (removed.length) this.promote();
    return removed;
  }

  broadcast(hash: Uint8Array, peers: string[]): void { this.watchers.get(hex(hash))?.emit({ broadcast: peers }); }

  /** New best block: included txs leave the pool (and are banned), the rest are re-validated. Serialised. */
  onBlockImported(block: { hash: Uint8Array; number: number; extrinsics: Uint8Array[] }, at: { hash: Uint8Array; number: number }): Promise<void> {
    const run = async () => {
      const bh = hex(block.hash);
      const included: string[] = [];
      for (const xt of block.extrinsics) {
        const h = hex(this.o.hash(xt));
        included.push(h);
        this.banned.set(h, this.o.now() + this.o.banTimeMs);
        const t = this.txs.get(h);
        const w = this.watchers.get(h);
        if (t) { this.txs.delete(h); for (const tag of t.provides) if (this.providers.get(tag) === t) this.providers.delete(tag); this.stats.pruned++; }
        w?.emit({ inBlock: bh });
      }
      this.inBlock.set(bh, included);
      for (const t of [...this.txs.values()]) {
        this.stats.validationsScheduled++;
        let v: Validity;
        try { v = await this.o.validate(t.xt, at, t.source); } catch { v = { ok: false, error: { type: 'Unknown', kind: 'CannotLookup' } }; }
        if (!this.txs.has(t.hashHex)) continue;
        if (!v.ok) {
          this.drop(t, 'invalid');
          continue;
        }
        for (const tag of t.provides) if (this.providers.get(tag) === t) this.providers.delete(tag);
        t.requires = v.valid.requires.map(hex);
        t.provides = v.valid.provides.map(hex);
        t.priority = v.valid.priority;
        for (const tag of t.provides) this.providers.set(tag, t);
      }
      this.promote();
      if (this.inBlock.size > 4096) this.inBlock.delete(this.inBlock.keys().next().value!);
    };
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => undefined);
    return p;
  }

  /** Finalized blocks (oldest first): watchers of their txs get `finalized` and close. */
  onFinalized(blocks: Uint8Array[]): void {
    for (const b of blocks) {
      const bh = hex(b);
      for (const h of this.inBlock.get(bh) ?? []) {
        this.watchers.get(h)?.emit({ finalized: bh });
        this.watchers.delete(h);
      }
      this.inBlock.delete(bh);
    }
  }

  /** A block left the best chain: its txs are retracted and re-submitted. */
  async onRetracted(block: { hash: Uint8Array; extrinsics: Uint8Array[] }, at: { hash: Uint8Array; number: number }): Promise<void> {
    const bh = hex(block.hash);
    for (const xt of block.extrinsics) {
      const h = hex(this.o.hash(xt));
      const w = this.watchers.get(h);
      w?.emit({ retracted: bh });
      this.banned.delete(h);
      try {
        const tx = await this.import(xt, at, 'InBlock', false);
        if (w) { tx.watcher = w; this.watchers.set(h, w); }
      } catch { /* invalid on the new chain, e.g. an inherent */ }
    }
    this.inBlock.delete(bh);
  }
}
