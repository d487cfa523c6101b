// Temporary bans by transaction hash (sc-transaction-pool's PoolRotator): included,
// removed, evicted and invalid transactions may not re-enter the pool for a while.

export class BanList {
  /** hash → time (ms) the ban ends; insertion order = ban order, for trimming. */
  private readonly until = new Map<string, number>();

  constructor(private readonly banTimeMs: number, private readonly now: () => number, private readonly expectedSize: number) {}

  ban(hashes: Iterable<string>): void {
    const end = this.now() + this.banTimeMs;
    for (const h of hashes) {
      this.until.delete(h); // re-banning moves it to the back of the trim order
      this.until.set(h, end);
    }
    // bounded like the rotator: past twice the expected size, forget the oldest bans
    if (this.until.size > 2 * this.expectedSize) {
      for (const h of this.until.keys()) {
        if (this.until.size <= this.expectedSize) break;
        this.until.delete(h);
      }
    }
  }

  isBanned(h: string): boolean {
    const end = this.until.get(h);
    if (end === undefined) return false;
    if (this.now() < end) return true;
    this.until.delete(h);
    return false;
  }

  unban(h: string): void { this.until.delete(h); }

  clearExpired(): void {
    const now = this.now();
    for (const [h, end] of this.until) if (end <= now) this.until.delete(h);
  }

  get size(): number { return this.until.size; }
}
