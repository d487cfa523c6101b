// Per-transaction status streams (author_submitAndWatchExtrinsic) and the
// bookkeeping behind inBlock/retracted/finalized/finalityTimeout, after
// sc-transaction-pool's graph/listener.rs and graph/watcher.rs. Watchers are keyed by
// transaction hash and outlive the transaction's stay in the pool: a transaction
// included in a block is gone from the pool but still waits for finality.
import { isTerminal, type TxStatus } from './types.ts';

type StatusListener = (status: TxStatus) => void;

export class Watcher implements AsyncIterable<TxStatus> {
  private readonly listeners = new Set<StatusListener>();
  /** Statuses emitted before anyone listened (e.g. the first `ready`, sent while submit resolves). */
  private buffered: TxStatus[] = [];
  private finished = false;
  private closedByUser = false;
  /** Wakes pending async iterators when the stream ends. */
  private readonly closeHooks = new Set<() => void>();

  constructor(readonly hashHex: string, private readonly onDone: (w: Watcher) => void) {}

  /** True once a terminal status was emitted or close() was called. */
  get closed(): boolean { return this.finished || this.closedByUser; }

  /** Registers a listener; the first one also receives everything emitted so far. Returns an unsubscribe function. */
  on(cb: StatusListener): () => void {
    if (this.closedByUser) return () => {};
    this.listeners.add(cb);
    const pending = this.buffered;
    this.buffered = [];
    for (const s of pending) deliver(cb, s);
    return () => { this.listeners.delete(cb); };
  }

  /** Stops listening; the pool forgets this watcher. */
  close(): void {
    if (this.closedByUser) return;
    this.closedByUser = true;
    this.listeners.clear();
    this.buffered = [];
    this.onDone(this);
    for (const h of [...this.closeHooks]) h();
  }

  /** @internal called by the pool's listener. */
  emit(status: TxStatus): void {
    if (this.closed) return;
    if (this.listeners.size === 0) this.buffered.push(status);
    else for (const l of [...this.listeners]) deliver(l, status);
    if (isTerminal(status)) {
      this.finished = true;
      this.listeners.clear();
      this.onDone(this);
      for (const h of [...this.closeHooks]) h();
    }
  }

  /** `for await (const status of watcher)`: ends after a terminal status or close(). */
  [Symbol.asyncIterator](): AsyncIterator<TxStatus> {
    const queue: TxStatus[] = [];
    let wake: (() => void) | undefined;
    const off = this.on((s) => { queue.push(s); wake?.(); });
    const onClose = () => wake?.();
    this.closeHooks.add(onClose);
    const finish = (): IteratorResult<TxStatus> => { off(); this.closeHooks.delete(onClose); return { done: true, value: undefined }; };
    return {
      next: async () => {
        while (queue.length === 0) {
          if (this.closed) return finish();
          await new Promise<void>((r) => { wake = r; });
          wake = undefined;
        }
        return { done: false, value: queue.shift()! };
      },
      return: async () => finish(),
    };
  }
}

function deliver(cb: StatusListener, s: TxStatus): void {
  try { cb(s); } catch { /* a subscriber's bug must not break the pool */ }
}

/** Maximum number of blocks awaiting finality (sc-transaction-pool MAX_FINALITY_WATCHERS). */
export const MAX_FINALITY_WATCHERS = 512;

export class Listener {
  private readonly watchers = new Map<string, Set<Watcher>>();
  /** block → transactions it included, oldest block first (for finality and retraction). */
  private readonly blocks = new Map<string, Set<string>>();
  /** transaction → blocks (still awaiting finality) that include it. */
  private readonly includedIn = new Map<string, Set<string>>();

  constructor(private readonly maxFinalityWatchers = MAX_FINALITY_WATCHERS) {}

  create(hashHex: string): Watcher {
    const w = new Watcher(hashHex, (done) => this.forget(done));
    let set = this.watchers.get(hashHex);
    if (!set) this.watchers.set(hashHex, (set = new Set()));
    set.add(w);
    return w;
  }

  isWatched(hashHex: string): boolean { return this.watchers.has(hashHex); }

  fire(hashHex: string, status: TxStatus): void {
    const set = this.watchers.get(hashHex);
    if (set) for (const w of [...set]) w.emit(status);
  }

  /** Included in `block`: watchers see inBlock; beyond the limit the oldest block's watchers time out. */
  inBlock(blockHex: string, txs: string[]): void {
    if (txs.length === 0) return; // like the listener, only blocks with transactions await finality
    let list = this.blocks.get(blockHex);
    if (!list) this.blocks.set(blockHex, (list = new Set()));
    for (const tx of txs) {
      list.add(tx);
      let set = this.includedIn.get(tx);
      if (!set) this.includedIn.set(tx, (set = new Set()));
      set.add(blockHex);
      this.fire(tx, { inBlock: blockHex });
    }
    while (this.blocks.size > this.maxFinalityWatchers) {
      const oldest = this.blocks.keys().next().value!;
      for (const tx of this.dropBlock(oldest)) this.fire(tx, { finalityTimeout: oldest });
    }
  }

  retracted(blockHex: string): void {
    for (const tx of this.dropBlock(blockHex)) this.fire(tx, { retracted: blockHex });
  }

  finalized(blockHex: string): void {
    for (const tx of this.dropBlock(blockHex)) this.fire(tx, { finalized: blockHex });
  }

  /** Whether `tx` sits in some block that has not been retracted, finalized or timed out. */
  isIncluded(tx: string): boolean { return (this.includedIn.get(tx)?.size ?? 0) > 0; }

  get blocksAwaitingFinality(): number { return this.blocks.size; }

  private dropBlock(blockHex: string): string[] {
    const txs = [...(this.blocks.get(blockHex) ?? [])];
    this.blocks.delete(blockHex);
    for (const tx of txs) {
      const set = this.includedIn.get(tx);
      set?.delete(blockHex);
      if (set?.size === 0) this.includedIn.delete(tx);
    }
    return txs;
  }

  private forget(w: Watcher): void {
    const set = this.watchers.get(w.hashHex);
    if (!set) return;
    set.delete(w);
    if (set.size === 0) this.watchers.delete(w.hashHex);
  }
}
