// GRANDPA finality voter, written for n voters with local message delivery
// (the network gossip plugs into `network.broadcast` / `handleMessage`).
//
// Safe simplification of finality-grandpa (PROTOCOL.md): rounds with one
// prevote and one precommit per voter; prevote the best block; precommit the
// prevote-GHOST once prevotes reach the threshold, and only if it descends
// from the last finalized block; finalize the precommit-GHOST once precommits
// reach the threshold, storing the justification with the block. Rounds are
// driven by events (new best block, incoming votes), not timers; a round
// number is persisted before voting in it so a restart never votes twice in
// the same round.
import { encodeAddress } from '@polkadot/util-crypto';
import type { Client } from '../chain/client.ts';
import type { Header } from '../chain/header.ts';
import { concatBytes, DecodeError, hex, readU32, readU64, sameBytes, u32le, u64le } from '../db/codec.ts';
import { logger } from '../log.ts';
import {
  encodeFinalityProof, encodeJustification, signedPayload, threshold, type Authority, type Message, type SignedPrecommit,
  type VoteKind, type VoteTarget,
} from './justification.ts';
import { verifyEd25519 } from '@slmnet/runtime-spec';

const log = logger('grandpa');
const AUX_KEY = 'grandpa_voter';
/** Our signed votes of the current round (149-byte messages back to back), so a restart resumes the round without equivocating. */
const AUX_VOTES = 'grandpa_votes';
const VOTE_LEN = 149;
const MAX_UNKNOWN_HEADERS = 100_000;

export interface GrandpaKeystore {
  publicKeys(keyType: string, scheme: 'ed25519'): Uint8Array[];
  pair(keyType: string, publicKey: Uint8Array, scheme: 'ed25519'): { sign(msg: Uint8Array): Uint8Array } | undefined;
}

/** A vote as gossiped: VoteMessage { round, set_id, message: SignedMessage { message, signature, id } }. */
export interface SignedMessage { round: bigint; setId: bigint; message: Message; signature: Uint8Array; id: Uint8Array }

export interface GrandpaNetwork { broadcast(m: SignedMessage): void }

const KINDS: VoteKind[] = ['Prevote', 'Precommit', 'PrimaryPropose'];

export function encodeSignedMessage(m: SignedMessage): Uint8Array {
  return concatBytes([u64le(m.round), u64le(m.setId), Uint8Array.of(KINDS.indexOf(m.message.kind)), m.message.target.hash,
    (() => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, m.message.target.number, true); return b; })(),
    m.signature, m.id]);
}

export function decodeSignedMessage(b: Uint8Array): SignedMessage {
  if (b.length !== 8 + 8 + 1 + 36 + 64 + 32) throw new DecodeError(`vote message must be 149 bytes, got ${b.length}`);
  const kind = KINDS[b[16]];
  if (!kind) throw new DecodeError(`unknown vote kind ${b[16]}`);
  return {
    round: readU64(b, 0), setId: readU64(b, 8),
    message: { kind, target: { hash: b.slice(17, 49), number: readU32(b, 49) } },
    signature: b.slice(53, 117), id: b.slice(117, 149),
  };
}

interface Vote { target: VoteTarget; signature: Uint8Array; id: Uint8Array }

/** One kind of vote (prevotes or precommits) of a round. */
class VoteSet {
  /** The first vote of each voter. */
  readonly votes = new Map<string, Vote>();
  /** A second, different vote of a voter that equivocated (its weight then counts for every block). */
  readonly equivocations = new Map<string, Vote>();
}

class Round {
  readonly prevotes = new VoteSet();
  readonly precommits = new VoteSet();
  prevoted = false;
  precommitted = false;
  completed = false;
  /** The round estimate once completable: the highest block that can still have been finalized in it. */
  estimate?: VoteTarget;
  constructor(readonly number: bigint) {}
}

/** Per-block weight of the votes for it or a descendant, from some base block up. */
interface Tally {
  blocks: Map<string, { w: bigint; target: VoteTarget; parent: string }>;
  /** Weight of every voter that voted (known block or not, equivocating or not). */
  voted: bigint;
  /** Weight of equivocators: GRANDPA counts it for every block. */
  equivocated: bigint;
}

export interface GrandpaOptions {
  client: Client;
  /** Without a keystore (or without a `gran` key in the set) the node only observes. */
  keystore?: GrandpaKeystore;
  network?: GrandpaNetwork;
  ss58Prefix?: number;
  /** Re-send our votes of the current round every this many ms (gossip may drop them). Off by default. */
  rebroadcastMs?: number;
  /**
   * Wait this long after a new block before voting (Substrate's gossip duration). Finalizing in the
   * same instant as import makes clients such as @polkadot/api skip the InBlock status. Default 0.
   */
  voteDelayMs?: number;
  /** Misbehave for tests: sign a second, conflicting vote next to each vote. Never on a real network. */
  equivocate?: boolean;
}

const MAX_FUTURE_ROUND_SETS = 16;

export class GrandpaVoter {
  private readonly client: Client;
  private setId = 0n;
  private authorities: Authority[] = [];
  private weights = new Map<string, bigint>();
  private total = 0n;
  private round: Round;
  /** The round before `round`: still counts late votes, which can lower its estimate or finalize. */
  private previous?: Round;
  /** Estimate of the previous round as persisted (when `previous` was lost to a restart). */
  private savedEstimate?: VoteTarget;
  private future = new Map<bigint, SignedMessage[]>();
  private unsubs: (() => void)[] = [];
  private scheduled = false;
  private running = false;
  private ownVotes: SignedMessage[] = [];
  /** Our votes of the round before the current one (see rebroadcast). */
  private previousVotes: SignedMessage[] = [];
  private rebroadcastTimer?: NodeJS.Timeout;

  constructor(private readonly o: GrandpaOptions) {
    this.client = o.client;
    this.loadSet();
    const saved = this.client.store.getAux(AUX_KEY);
    let last = 0n;
    if (saved && saved.length >= 16 && readU64(saved, 0) === this.setId) {
      last = readU64(saved, 8);
      if (saved.length === 16 + 36) this.savedEstimate = { hash: saved.slice(16, 48), number: readU32(saved, 48) };
    } else if (!saved) log.info('👴 Loading GRANDPA authority set from genesis on what appears to be first startup.');
    // Resume the round we were in: the others may be waiting for our votes in it. Votes we cast
    // before stopping are reloaded, never cast anew (a different vote would be an equivocation).
    this.round = new Round(last);
    if (last === 0n) this.round.completed = true; // the first new best block opens round 1
    const votes = this.client.store.getAux(AUX_VOTES);
    for (let o = 0; votes && o + VOTE_LEN <= votes.length; o += VOTE_LEN) {
      let m: SignedMessage;
      try { m = decodeSignedMessage(votes.slice(o, o + VOTE_LEN)); } catch { break; }
      if (m.round !== last || m.setId !== this.setId) continue;
      this.record(this.round, m);
      this.ownVotes.push(m);
      if (m.message.kind === 'Prevote') this.round.prevoted = true;
      if (m.message.kind === 'Precommit') this.round.precommitted = true;
    }
  }

  start(): this {
    if (this.running) return this;
    this.running = true;
    this.unsubs.push(this.client.onNewBest(() => this.schedule()));
    this.unsubs.push(this.client.onImported(() => this.schedule()));
    this.unsubs.push(this.client.onFinalized(() => this.schedule()));
    const me = this.localId();
    log.debug(me ? `GRANDPA voter ${encodeAddress(me, this.o.ss58Prefix ?? 42)} in set ${this.setId}` : 'GRANDPA observer (no local authority key)');
    if (this.o.rebroadcastMs) {
      this.rebroadcastTimer = setInterval(() => this.rebroadcast(), this.o.rebroadcastMs);
      this.rebroadcastTimer.unref?.();
    }
    this.schedule();
    return this;
  }

  /**
   * Sends our votes of the current and the previous round again. The previous round's matter
   * when a voter missed them (paused, disconnected): it needs them to complete that round (and
   * to know its estimate) before it can vote in the next one.
   */
  rebroadcast(): void {
    for (const m of [...this.previousVotes, ...this.ownVotes]) {
      if (m.setId !== this.setId) continue;
      try { this.o.network?.broadcast(m); } catch (e) { log.debug(`vote rebroadcast failed: ${(e as Error).message}`); }
    }
  }

  stop(): void {
    if (this.rebroadcastTimer) clearInterval(this.rebroadcastTimer);
    this.rebroadcastTimer = undefined;
    this.running = false;
    for (const u of this.unsubs) u();
    this.unsubs = [];
  }

  get currentRound(): bigint { return this.round.number; }
  get currentSetId(): bigint { return this.setId; }

  /** Votes from the network (or our own). Returns undefined if accepted, else why not. */
  handleMessage(m: SignedMessage): string | undefined {
    if (m.setId !== this.setId) return `vote for set ${m.setId}, current set is ${this.setId}`;
    const id = hex(m.id);
    if (!this.weights.has(id)) return `voter ${id} is not in authority set ${this.setId}`;
    const payload = signedPayload(m.message, m.round, m.setId);
    const ok = verifyEd25519(payload, m.signature, m.id);
    if (!ok) return `bad signature on ${m.message.kind} by ${id} in round ${m.round}`;
    if (m.message.kind === 'PrimaryPropose') return undefined; // valid, not used (no primaries here)
    if (m.round > this.round.number) {
      const q = this.future.get(m.round) ?? [];
      if (q.length < 4 * this.authorities.length) q.push(m);
      this.future.set(m.round, q);
      // keep the highest rounds only: a voter far behind needs the last two to catch up
      const rounds = [...this.future.keys()].sort((a, b) => (a < b ? -1 : 1));
      for (const r of rounds.slice(0, Math.max(0, rounds.length - MAX_FUTURE_ROUND_SETS))) this.future.delete(r);
    } else if (m.round === this.round.number) {
      this.record(this.round, m);
    } else if (this.previous && m.round === this.previous.number) {
      this.record(this.previous, m);
    } else {
      return undefined; // older round: nothing to do
    }
    this.schedule();
    return undefined;
  }

  /** grandpa_roundState (sc-consensus-grandpa ReportedRoundStates). */
  roundState(): unknown {
    const r = this.round;
    const prefix = this.o.ss58Prefix ?? 42;
    const state = (set: VoteSet) => {
      let weight = 0n;
      const missing: string[] = [];
      for (const [id, w] of this.authorities) {
        if (set.votes.has(hex(id))) weight += w; else missing.push(encodeAddress(id, prefix));
      }
      return { currentWeight: Number(weight), missing };
    };
    return {
      setId: Number(this.setId),
      best: {
        round: Number(r.number),
        totalWeight: Number(this.total),
        thresholdWeight: Number(threshold(this.total)),
        prevotes: state(r.prevotes),
        precommits: state(r.precommits),
      },
      background: [],
    };
  }

  /**
   * SCALE FinalityProof for block number `n`: the justification of the latest
   * finalized block F (n ≤ F) and the headers (n, F]. Undefined when `n` is
   * not finalized yet or no justification is stored.
   */
  proveFinality(n: number): Uint8Array | undefined {
    const fin = this.client.finalizedBlock();
    if (!Number.isInteger(n) || n < 0 || n > fin.number) return undefined;
    const justification = this.client.justification(fin.hash);
    if (!justification) return undefined;
    const headers: Header[] = [];
    for (let i = n + 1; i <= fin.number && headers.length < MAX_UNKNOWN_HEADERS; i++) {
      const h = this.client.hashAt(i);
      const header = h && this.client.header(h);
      if (!header) return undefined;
      headers.push(header);
    }
    return encodeFinalityProof(fin.hash, justification, headers);
  }

  // ---- voting ---------------------------------------------------------------------
  //
  // The rules of the GRANDPA paper (without primaries and timers): prevote the best chain
  // containing the previous round's estimate; precommit the prevote-GHOST once it contains that
  // estimate; finalize any round's precommit-GHOST; move on when the round is completable.
  // Equivocators count for every block. These rules, not the count alone, keep two conflicting
  // blocks from both being finalized when a voter signs two votes.

  private schedule(): void {
    if (this.scheduled || !this.running) return;
    this.scheduled = true;
    // Deferred: votes and finality must not run inside the client's own event dispatch.
    const run = () => {
      this.scheduled = false;
      try { this.progress(); } catch (e) { log.warn(`GRANDPA voter error: ${(e as Error).stack ?? e}`); }
    };
    if (this.o.voteDelayMs) setTimeout(run, this.o.voteDelayMs).unref?.();
    else setImmediate(run);
  }

  /** Advances the voter as far as the known votes allow. */
  progress(): void {
    for (let guard = 0; guard < 64; guard++) {
      this.refreshSet();
      if (this.catchUp()) continue;
      if (this.previous) this.finalizeRound(this.previous);
      const r = this.round;
      const fin = this.client.finalizedBlock();
      if (r.completed) {
        if (this.client.bestBlock().number <= fin.number && !this.future.has(r.number + 1n)) return;
        this.openRound(r.number + 1n, r);
        continue;
      }
      const me = this.localId();
      const base = this.previousEstimate();
      if (me && !r.prevoted) {
        r.prevoted = true;
        this.cast('Prevote', this.bestContaining(base));
      }
      const pg = this.ghost(this.tally(r.prevotes, fin));
      if (me && pg && !r.precommitted && this.client.isDescendant(pg.hash, base.hash)) {
        r.precommitted = true;
        this.cast('Precommit', pg);
      }
      this.finalizeRound(r);
      const estimate = this.completable(r);
      if (!estimate) return; // waiting for votes
      r.completed = true;
      r.estimate = estimate;
      log.debug(`round ${r.number} completed (estimate #${estimate.number})`);
    }
  }

  /**
   * Follows voters of threshold weight into a later round k when the votes of round k − 1 we
   * hold (they re-send them) make it completable: its estimate is what our votes in k must build on.
   */
  private catchUp(): boolean {
    const need = threshold(this.total);
    const rounds = [...this.future.keys()].filter((k) => k > this.round.number + 1n).sort((a, b) => (a > b ? -1 : 1));
    for (const k of rounds) {
      const voters = new Set(this.future.get(k)!.map((m) => hex(m.id)));
      let w = 0n;
      for (const v of voters) w += this.weights.get(v) ?? 0n;
      if (need === 0n || w < need) continue;
      const prev = new Round(k - 1n);
      for (const m of this.future.get(k - 1n) ?? []) this.record(prev, m);
      const estimate = this.completable(prev);
      if (!estimate) continue;
      prev.completed = true;
      prev.estimate = estimate;
      log.debug(`catching up from round ${this.round.number} to round ${k}`);
      this.finalizeRound(prev);
      this.openRound(k, prev);
      return true;
    }
    return false;
  }

  private openRound(n: bigint, previous: Round): void {
    this.round = new Round(n);
    this.previous = previous;
    this.savedEstimate = undefined;
    const e = previous.estimate ?? this.client.finalizedBlock();
    this.client.store.putAux(AUX_KEY, concatBytes([u64le(this.setId), u64le(n), e.hash, u32le(e.number)]));
    this.previousVotes = previous.number === n - 1n ? this.ownVotes : [];
    this.ownVotes = [];
    for (const k of [...this.future.keys()]) if (k < n) this.future.delete(k);
    for (const m of this.future.get(n) ?? []) this.record(this.round, m);
    this.future.delete(n);
    log.trace(`starting round ${n} in set ${this.setId}`);
  }

  /** The previous round's estimate (lowered by late votes), never below the finalized block. */
  private previousEstimate(): VoteTarget {
    const fin = this.client.finalizedBlock();
    let e = this.savedEstimate;
    if (this.previous) e = this.completable(this.previous) ?? this.previous.estimate;
    if (!e || e.number <= fin.number || !this.client.header(e.hash)) return fin;
    return this.client.isDescendant(e.hash, fin.hash) ? e : fin;
  }

  /** Head of the longest chain containing `base` (the best block when it does). */
  private bestContaining(base: VoteTarget): VoteTarget {
    const best = this.client.bestBlock();
    if (this.client.isDescendant(best.hash, base.hash)) return best;
    let pick = base;
    for (const leaf of this.client.leaves()) {
      const h = this.client.header(leaf);
      if (h && h.number > pick.number && this.client.isDescendant(leaf, base.hash)) pick = { hash: leaf, number: h.number };
    }
    return pick;
  }

  private cast(kind: 'Prevote' | 'Precommit', target: VoteTarget): void {
    this.sign(kind, target);
    if (this.o.equivocate) {
      const other = this.conflicting(target);
      if (other) this.sign(kind, other);
    }
  }

  private sign(kind: 'Prevote' | 'Precommit', target: VoteTarget): void {
    const me = this.localId()!;
    const pair = this.o.keystore!.pair('gran', me, 'ed25519');
    if (!pair) return;
    const message: Message = { kind, target };
    const signature = pair.sign(signedPayload(message, this.round.number, this.setId));
    const m: SignedMessage = { round: this.round.number, setId: this.setId, message, signature, id: me };
    log.debug(`${kind} #${target.number} (${hex(target.hash)}) in round ${m.round}`);
    this.record(this.round, m);
    this.ownVotes.push(m);
    this.client.store.putAux(AUX_VOTES, concatBytes(this.ownVotes.map(encodeSignedMessage)));
    try { this.o.network?.broadcast(m); } catch (e) { log.warn(`vote broadcast failed: ${(e as Error).message}`); }
  }

  /** For --equivocate: a known block on another fork at the target's height, else its parent. */
  private conflicting(target: VoteTarget): VoteTarget | undefined {
    for (const leaf of this.client.leaves()) {
      for (let h = leaf, header = this.client.header(h); header && header.number >= target.number; h = header.parent_hash, header = this.client.header(h)) {
        if (header.number === target.number && !sameBytes(h, target.hash)) return { hash: h, number: header.number };
      }
    }
    const t = this.client.header(target.hash);
    return t && t.number > 0 ? { hash: t.parent_hash, number: t.number - 1 } : undefined;
  }

  /** Keeps the first vote of each voter per kind, and a second, different one as proof of equivocation. */
  private record(r: Round, m: SignedMessage): void {
    const set = m.message.kind === 'Prevote' ? r.prevotes : r.precommits;
    const id = hex(m.id);
    const vote = { target: m.message.target, signature: m.signature, id: m.id };
    const first = set.votes.get(id);
    if (!first) { set.votes.set(id, vote); return; }
    if (sameBytes(first.target.hash, vote.target.hash) || set.equivocations.has(id)) return;
    set.equivocations.set(id, vote);
    log.warn(`equivocation by ${id} in round ${r.number} (${m.message.kind})`);
  }

  /** Weights of `set`'s votes per block at or above `base`; equivocators' weight is kept aside. */
  private tally(set: VoteSet, base: { number: number }): Tally {
    const blocks: Tally['blocks'] = new Map();
    let voted = 0n;
    let equivocated = 0n;
    for (const [id, v] of set.votes) {
      const w = this.weights.get(id) ?? 0n;
      voted += w;
      if (set.equivocations.has(id)) { equivocated += w; continue; }
      let hash = v.target.hash;
      let header = this.client.header(hash);
      if (!header || header.number !== v.target.number) continue; // unknown block (yet)
      while (header && header.number >= base.number) {
        const k = hex(hash);
        const e = blocks.get(k) ?? { w: 0n, target: { hash, number: header.number }, parent: hex(header.parent_hash) };
        e.w += w;
        blocks.set(k, e);
        if (header.number === 0) break;
        hash = header.parent_hash;
        header = this.client.header(hash);
      }
    }
    return { blocks, voted, equivocated };
  }

  /** Highest block that votes of threshold weight are for or descend from. */
  private ghost(t: Tally): VoteTarget | undefined {
    const need = threshold(this.total);
    if (need === 0n || t.voted < need) return undefined;
    let best: VoteTarget | undefined;
    for (const { w, target } of t.blocks.values()) if (w + t.equivocated >= need && (!best || target.number > best.number)) best = target;
    return best;
  }

  /**
   * The round's estimate if the round is completable, else undefined. The estimate is the highest
   * block on the prevote-GHOST's chain that precommits could still finalize; the round is
   * completable once precommits of threshold weight are in and either the estimate is below the
   * prevote-GHOST or no child of the GHOST can get threshold precommits any more.
   */
  private completable(r: Round): VoteTarget | undefined {
    const fin = this.client.finalizedBlock();
    const pg = this.ghost(this.tally(r.prevotes, fin));
    if (!pg) return undefined;
    const need = threshold(this.total);
    const pc = this.tally(r.precommits, fin);
    if (pc.voted < need) return undefined;
    // could precommits of threshold weight be for this block (weight w for it or descendants)? Votes
    // not seen yet might be; and up to the tolerated faulty weight of the ones seen might have been
    // signed twice, for it too, where others saw them (finality-grandpa's `possible_to_precommit`)
    const moreEquivocations = this.total - need > pc.equivocated ? this.total - need - pc.equivocated : 0n;
    const possible = (w: bigint) => {
      const others = pc.voted - pc.equivocated - w;
      return w + pc.equivocated + (others < moreEquivocations ? others : moreEquivocations) + (this.total - pc.voted) >= need;
    };
    let estimate: VoteTarget = fin;
    for (let cur: VoteTarget | undefined = pg; cur && cur.number >= fin.number;) {
      if (possible(pc.blocks.get(hex(cur.hash))?.w ?? 0n)) { estimate = cur; break; }
      const h = this.client.header(cur.hash);
      cur = h && h.number > 0 ? { hash: h.parent_hash, number: h.number - 1 } : undefined;
    }
    if (!sameBytes(estimate.hash, pg.hash)) return estimate;
    const key = hex(pg.hash);
    for (const b of pc.blocks.values()) if (b.parent === key && possible(b.w)) return undefined;
    return estimate;
  }

  /** Finalizes the round's precommit-GHOST when it is new and a justification can prove it. */
  private finalizeRound(r: Round): void {
    const fin = this.client.finalizedBlock();
    const target = this.ghost(this.tally(r.precommits, fin));
    if (!target || target.number <= fin.number || !this.client.isDescendant(target.hash, fin.hash)) return;
    const precommits: SignedPrecommit[] = [];
    const ancestries = new Map<string, Header>();
    let weight = 0n;
    for (const set of [r.precommits.votes, r.precommits.equivocations]) {
      for (const v of set.values()) {
        if (!this.client.isDescendant(v.target.hash, target.hash)) continue;
        if (!precommits.some((p) => sameBytes(p.id, v.id))) weight += this.weights.get(hex(v.id)) ?? 0n;
        precommits.push({ target: v.target, signature: v.signature, id: v.id });
        for (let h = v.target.hash; !sameBytes(h, target.hash);) {
          const header = this.client.header(h)!;
          ancestries.set(hex(h), header);
          h = header.parent_hash;
        }
      }
    }
    // an equivocator counts for every block in the GHOST but may have signed nothing for this one
    if (weight < threshold(this.total)) return;
    const justification = encodeJustification({ round: r.number, commit: { target, precommits }, votesAncestries: [...ancestries.values()] });
    log.debug(`Finalizing blocks up to #${target.number} (${hex(target.hash)}) in round ${r.number}`);
    this.client.finalize(target.hash, justification);
  }

  // ---- authority set -----------------------------------------------------------------

  private loadSet(): void {
    const fin = this.client.finalizedHash();
    this.setId = this.client.grandpaSetId(fin);
    this.authorities = this.client.grandpaAuthorities(fin);
    this.weights = new Map(this.authorities.map(([id, w]) => [hex(id), w]));
    this.total = this.authorities.reduce((s, [, w]) => s + w, 0n);
  }

  private refreshSet(): void {
    const setId = this.client.grandpaSetId(this.client.finalizedHash());
    if (setId === this.setId) return;
    log.info(`👴 Applying authority set change: set ${this.setId} → ${setId}`);
    this.loadSet();
    this.future.clear();
    this.round = new Round(0n);
    this.round.completed = true;
    this.previous = undefined;
    this.savedEstimate = undefined;
  }

  private localId(): Uint8Array | undefined {
    const ks = this.o.keystore;
    if (!ks || this.authorities.length === 0) return undefined;
    const ours = ks.publicKeys('gran', 'ed25519');
    return ours.find((k) => this.weights.has(hex(k)));
  }
}
