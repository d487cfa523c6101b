// Bounded set of recently seen gossip (message digests): messages already
// seen are neither handled nor forwarded again. Entries may expire, so that
// a deliberate re-send (GRANDPA rebroadcasts votes) gets through again while
// the flood of one send still dies out.
export class SeenSet {
  private readonly items = new Map<string, number>();
  constructor(private readonly capacity = 8192, private readonly now: () => number = Date.now) {}

  has(k: string): boolean {
    const until = this.items.get(k);
    return until !== undefined && until > this.now();
  }

  /** Adds `k` (forgotten after `ttlMs`, default never); returns false if it was already there. */
  add(k: string, ttlMs = Infinity): boolean {
    if (this.has(k)) return false;
    this.items.delete(k);
    this.items.set(k, this.now() + ttlMs);
    if (this.items.size > this.capacity) this.items.delete(this.items.keys().next().value!);
    return true;
  }
}
