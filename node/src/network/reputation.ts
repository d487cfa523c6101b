// Peer reputation: misbehaviour lowers a peer's score; at or below the ban
// threshold the peer is banned (disconnected, dials and inbound connections
// refused) for a while. Scores decay back towards zero so occasional noise
// is forgiven, like sc-network's peerset.
export const BAN_THRESHOLD = -100;

/** Reputation changes, named after what they punish. */
export const Rep = {
  BAD_MESSAGE: -100, // undecodable or oversized frame: ban at once
  BAD_BLOCK: -100, // a block that fails verification
  BAD_JUSTIFICATION: -50,
  BAD_CONTENT: -100, // bytes that do not hash to the content requested
  GENESIS_MISMATCH: -100,
  BAD_REQUEST: -20,
  TIMEOUT: -10,
  BAD_TRANSACTION: -10, // forged or undecodable; ten of them earn a ban
  GOOD_BLOCK: 1,
} as const;

interface Entry { score: number; at: number }

export class Reputation {
  private readonly scores = new Map<string, Entry>();
  private readonly bans = new Map<string, number>();
  constructor(private readonly banMs: number, private readonly now: () => number = Date.now) {}

  score(peer: string): number {
    const e = this.scores.get(peer);
    if (!e) return 0;
    // decay 1 point per second towards zero
    const decay = Math.floor((this.now() - e.at) / 1000);
    return e.score < 0 ? Math.min(0, e.score + decay) : Math.max(0, e.score - decay);
  }

  /** Applies `delta`; returns true if the peer is now banned. */
  report(peer: string, delta: number): boolean {
    const score = Math.max(-1000, Math.min(1000, this.score(peer) + delta));
    this.scores.set(peer, { score, at: this.now() });
    if (score <= BAN_THRESHOLD) {
      this.ban(peer);
      return true;
    }
    return false;
  }

  ban(peer: string, ms = this.banMs): void {
    this.bans.set(peer, this.now() + ms);
  }

  unban(peer: string): void {
    this.bans.delete(peer);
    this.scores.delete(peer);
  }

  isBanned(peer: string): boolean {
    const until = this.bans.get(peer);
    if (until === undefined) return false;
    if (this.now() >= until) {
      this.bans.delete(peer);
      this.scores.delete(peer); // a served ban wipes the slate
      return false;
    }
    return true;
  }
}
