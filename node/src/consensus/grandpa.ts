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
import { concatBytes, DecodeError, hex, readU32, readU64, sameBytes, u64le } from '../db/codec.ts';
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
const MAX_FUTURE_ROUNDS = 8n;
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

class Round {
  readonly prevotes = new Map<string, Vote>();
  readonly precommits = new Map<string, Vote>();
  prevoted = false;
  precommitted = false;
  completed = false;
  constructor(readonly number: bigint) {}
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
}

export class GrandpaVoter {
  private readonly client: Client;
  private setId = 0n;
  private authorities: Authority[] = [];
  private weights = new Map<string, bigint>();
  private total = 0n;
  private round: Round;
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
    if (saved && saved.length === 16 && readU64(saved, 0) === this.setId) last = readU64(saved, 8);
    else if (!saved) log.info('👴 Loading GRANDPA authority set from genesis on what appears to be first startup.');
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
   * when a voter missed them (paused, disconnected): it cannot complete that round without them,
   * and the others cannot complete the next one without it.
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
    if (m.message.kind === 'PrimaryPropose') return undefined; // accepted, not used
    const id = hex(m.id);
    if (!this.weights.has(id)) return `voter ${id} is not in authority set ${this.setId}`;
    const payload = signedPayload(m.message, m.round, m.setId);
    const ok = verifyEd25519(payload, m.signature, m.id);
    if (!ok) return `bad signature on ${m.message.kind} by ${id} in round ${m.round}`;
    if (m.round < this.round.number) return undefined; // stale round: nothing to do
    if (m.round > this.round.number) {
      if (m.round > this.round.number + MAX_FUTURE_ROUNDS) return `vote for round ${m.round} is too far ahead of round ${this.round.number}`;
      const q = this.future.get(m.round) ?? [];
      if (q.length < 4 * this.authorities.length) q.push(m);
      this.future.set(m.round, q);
      this.schedule();
      return undefined;
    }
    this.record(this.round, m);
    this.schedule();
    return undefined;
  }

  /** grandpa_roundState (sc-consensus-grandpa ReportedRoundStates). */
  roundState(): unknown {
    const r = this.round;
    const prefix = this.o.ss58Prefix ?? 42;
    const state = (votes: Map<string, Vote>) => {
      let weight = 0n;
      const missing: string[] = [];
      for (const [id, w] of this.authorities) {
        if (votes.has(hex(id))) weight += w; else missing.push(encodeAddress(id, prefix));
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
      const ahead = this.supportedFutureRound();
      if (ahead !== undefined) {
        // voters with threshold weight have moved on: follow them (we never vote in a skipped round)
        log.debug(`skipping from round ${this.round.number} to round ${ahead}`);
        this.openRound(ahead);
        continue;
      }
      const r = this.round;
      const fin = this.client.finalizedBlock();
      if (r.completed) {
        if (this.client.bestBlock().number <= fin.number && !this.future.has(r.number + 1n)) return;
        this.openRound(r.number + 1n);
        continue;
      }
      const me = this.localId();
      if (me && !r.prevoted) {
        r.prevoted = true;
        const best = this.client.bestBlock();
        this.cast('Prevote', { hash: best.hash, number: best.number });
      }
      const pg = this.ghost(r.prevotes, fin);
      if (me && pg && !r.precommitted && this.client.isDescendant(pg.hash, fin.hash)) {
        r.precommitted = true;
        this.cast('Precommit', pg);
      }
      const cg = this.ghost(r.precommits, fin);
      if (!cg) return; // waiting for votes
      if (cg.number > fin.number && this.client.isDescendant(cg.hash, fin.hash)) {
        this.finalize(r, cg);
      }
      r.completed = true;
      log.debug(`round ${r.number} completed (precommit GHOST #${cg.number})`);
    }
  }

  /** Highest buffered future round in which voters of threshold weight have voted. */
  private supportedFutureRound(): bigint | undefined {
    const need = threshold(this.total);
    let best: bigint | undefined;
    for (const [round, msgs] of this.future) {
      if (round <= this.round.number || (best !== undefined && round <= best)) continue;
      const voters = new Set(msgs.map((m) => hex(m.id)));
      let w = 0n;
      for (const v of voters) w += this.weights.get(v) ?? 0n;
      if (need > 0n && w >= need) best = round;
    }
    return best;
  }

  private openRound(n: bigint): void {
    this.client.store.putAux(AUX_KEY, concatBytes([u64le(this.setId), u64le(n)]));
    this.round = new Round(n);
    this.previousVotes = this.ownVotes;
    this.ownVotes = [];
    for (const k of [...this.future.keys()]) if (k < n) this.future.delete(k);
    for (const m of this.future.get(n) ?? []) this.record(this.round, m);
    this.future.delete(n);
    log.trace(`starting round ${n} in set ${this.setId}`);
  }

  private cast(kind: 'Prevote' | 'Precommit', target: VoteTarget): void {
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

  /** First vote of each voter per kind counts (later ones would be equivocations). */
  private record(r: Round, m: SignedMessage): void {
    const votes = m.message.kind === 'Prevote' ? r.prevotes : r.precommits;
    const id = hex(m.id);
    const prev = votes.get(id);
    if (prev) {
      if (!sameBytes(prev.target.hash, m.message.target.hash)) log.warn(`equivocation by ${id} in round ${r.number} (${m.message.kind})`);
      return;
    }
    votes.set(id, { target: m.message.target, signature: m.signature, id: m.id });
  }

  /** Highest block (at or above `base`) that votes of at least threshold weight are for or descend from. */
  private ghost(votes: Map<string, Vote>, base: { number: number }): VoteTarget | undefined {
    const need = threshold(this.total);
    if (need === 0n) return undefined;
    const acc = new Map<string, { w: bigint; target: VoteTarget }>();
    let total = 0n;
    for (const [id, v] of votes) {
      const w = this.weights.get(id) ?? 0n;
      total += w;
      let hash = v.target.hash;
      let header = this.client.header(hash);
      if (!header || header.number !== v.target.number) continue; // unknown block (yet)
      while (header && header.number >= base.number) {
        const k = hex(hash);
        const e = acc.get(k) ?? { w: 0n, target: { hash, number: header.number } };
        e.w += w;
        acc.set(k, e);
        if (header.number === 0) break;
        hash = header.parent_hash;
        header = this.client.header(hash);
      }
    }
    if (total < need) return undefined;
    let best: VoteTarget | undefined;
    for (const { w, target } of acc.values()) if (w >= need && (!best || target.number > best.number)) best = target;
    return best;
  }

  private finalize(r: Round, target: VoteTarget): void {
    const precommits: SignedPrecommit[] = [];
    const ancestries = new Map<string, Header>();
    for (const v of r.precommits.values()) {
      if (!this.client.isDescendant(v.target.hash, target.hash)) continue;
      precommits.push({ target: v.target, signature: v.signature, id: v.id });
      for (let h = v.target.hash; !sameBytes(h, target.hash);) {
        const header = this.client.header(h)!;
        ancestries.set(hex(h), header);
        h = header.parent_hash;
      }
    }
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
  }

  private localId(): Uint8Array | undefined {
    const ks = this.o.keystore;
    if (!ks || this.authorities.length === 0) return undefined;
    const ours = ks.publicKeys('gran', 'ed25519');
    return ours.find((k) => this.weights.has(hex(k)));
  }
}
