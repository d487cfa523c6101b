// Storage changes of one block on top of the parent state, with nested
// transactions (FRAME's `#[transactional]`): a failed call rolls back its writes.

/** Keys are "binary strings" (one char per byte): cheap to hash and they sort like bytes. */
export const keyStr = (k: Uint8Array): string => String.fromCharCode.apply(null, k as unknown as number[]);
export function strKey(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export type BaseReader = (key: Uint8Array) => Uint8Array | undefined;
const ABSENT = null;
type Slot = Uint8Array | null | undefined; // undefined: untouched in overlay

export class Overlay {
  private readonly changes = new Map<string, Uint8Array | null>();
  /** One undo log per open transaction: previous overlay slot of each key first written in it. */
  private readonly undo: Map<string, Slot>[] = [];
  private readonly baseCache = new Map<string, Uint8Array | undefined>();

  constructor(private readonly base: BaseReader) {}

  get(key: Uint8Array): Uint8Array | undefined {
    const k = keyStr(key);
    const v = this.changes.get(k);
    if (v === ABSENT) return undefined;
    if (v) return v;
    // the parent state never changes under us: remember what we read (hot accounts are read often)
    if (this.baseCache.has(k)) return this.baseCache.get(k);
    const b = this.base(key);
    this.baseCache.set(k, b);
    return b;
  }

  set(key: Uint8Array, value: Uint8Array | null): void {
    const k = keyStr(key);
    const log = this.undo[this.undo.length - 1];
    if (log && !log.has(k)) log.set(k, this.changes.get(k));
    this.changes.set(k, value);
  }

  delete(key: Uint8Array): void { this.set(key, ABSENT); }

  get depth(): number { return this.undo.length; }
  start(): void { this.undo.push(new Map()); }

  commit(): void {
    const log = this.undo.pop();
    if (!log) throw new Error('no transaction to commit');
    const parent = this.undo[this.undo.length - 1];
    if (parent) for (const [k, prev] of log) if (!parent.has(k)) parent.set(k, prev);
  }

  rollback(): void {
    const log = this.undo.pop();
    if (!log) throw new Error('no transaction to roll back');
    for (const [k, prev] of log) {
      if (prev === undefined) this.changes.delete(k); else this.changes.set(k, prev);
    }
  }

  /** Runs `fn` in a transaction: commit on return, roll back on throw. */
  transactional<R>(fn: () => R): R {
    this.start();
    try {
      const r = fn();
      this.commit();
      return r;
    } catch (e) {
      this.rollback();
      throw e;
    }
  }

  /** All changes (value null = deleted), for computing the state root and persisting. */
  drain(): Map<string, Uint8Array | null> {
    if (this.undo.length) throw new Error('open transactions');
    return this.changes;
  }
}
