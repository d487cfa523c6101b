// The storage-challenge responder (on by default, `--no-challenge-responder` to disable): follows
// the best chain and answers every open NodeRewards challenge addressed to this node — the node
// registered with this node's libp2p peer id — with the chunk and its Merkle path, signed by the
// keystore's sr25519 key of the node's operator (type `slmn`, or `aura`: a validator registered by
// its own account answers with no extra key).
//
// It follows best blocks, not finalized ones: a challenge's window is a few blocks and finality may
// lag behind. Bytes come from the content store, or from peers through it. A challenge it could not
// answer (no key, bytes nowhere, refused by the pool) is retried every block until it closes.
import { chunkProof, equalBytes, nodeRewards, type Challenge, type Ext } from '@slmnet/runtime-spec';
import { hex } from '../db/codec.ts';
import type { SignerPair } from '../keystore.ts';
import { logger } from '../log.ts';
import type { Submitter } from './submitter.ts';

const log = logger('challenges');

export interface ResponderChain {
  bestBlock(): { hash: Uint8Array; number: number };
  extAt(hash: Uint8Array): { ext: Ext };
  onNewBest(cb: () => void): () => void;
}

export interface ResponderMetrics {
  answered(): void;
  failed(): void;
}

export interface ResponderOptions {
  chain: ResponderChain;
  /** Local bytes, else fetched (verified) from peers; undefined when nobody has them. */
  content: { fetch(hash: Uint8Array): Promise<Uint8Array | undefined> };
  /** This node's libp2p peer id (identity multihash bytes, as registered on chain). */
  peerId: Uint8Array;
  /** The keystore's signer for an operator account, if the node holds its key. */
  signerFor(account: Uint8Array): SignerPair | undefined;
  /** The (shared, nonce-ordering) submitter of a signer. */
  submitterFor(signer: SignerPair): Pick<Submitter, 'submit'>;
  /** True while far behind the network: the best block's challenges are long closed then, answers would fail. */
  majorSyncing(): boolean;
  metrics?: ResponderMetrics;
}

export class ChallengeResponder {
  /** Challenges answered (submitted): never answered twice. */
  private readonly answered = new Set<bigint>();
  /** Our open challenges not answered yet, with why the last attempt failed. */
  private readonly pending = new Map<bigint, string>();
  private unsub?: () => void;
  private running = false;
  private again = false;
  private stopped = false;

  constructor(private readonly o: ResponderOptions) {}

  start(): this {
    this.unsub = this.o.chain.onNewBest(() => { void this.run(); });
    void this.run();
    log.info(`🧩 Challenge responder started for peer id 0x${Buffer.from(this.o.peerId).toString('hex')}`);
    return this;
  }

  stop(): void {
    this.stopped = true;
    this.unsub?.();
  }

  private async run(): Promise<void> {
    if (this.stopped) return;
    if (this.running) { this.again = true; return; }
    this.running = true;
    try {
      do {
        this.again = false;
        await this.pass();
      } while (this.again && !this.stopped);
    } catch (e) {
      log.warn(`challenge responder: ${(e as Error).stack ?? e}`);
    } finally {
      this.running = false;
    }
  }

  /** Answers this node's open challenges at the best block; counts those that closed unanswered. */
  private async pass(): Promise<void> {
    if (this.o.majorSyncing()) return;
    const { ext } = this.o.chain.extAt(this.o.chain.bestBlock().hash);
    const s = nodeRewards.storage;
    const open = s.OpenChallenges.get(ext);
    const openSet = new Set(open);
    for (const [id, reason] of this.pending) {
      if (openSet.has(id)) continue;
      this.pending.delete(id);
      this.o.metrics?.failed();
      log.warn(`❌ Missed storage challenge #${id}: ${reason}`);
    }
    for (const id of this.answered) if (!openSet.has(id)) this.answered.delete(id);
    for (const id of open) {
      if (this.stopped) return;
      if (this.answered.has(id)) continue;
      const ch = s.Challenges.get(ext, id);
      const node = ch && s.Nodes.get(ext, ch.node);
      if (!ch || !node || !equalBytes(node.peer_id, this.o.peerId)) continue;
      const failure = await this.answer(id, ch, node.operator);
      if (failure === undefined) {
        this.pending.delete(id);
        this.answered.add(id);
      } else {
        if (!this.pending.has(id)) log.warn(`storage challenge #${id} (deadline #${ch.deadline}): ${failure}; retrying`);
        this.pending.set(id, failure);
      }
    }
  }

  /** Submits the answer; returns why it could not, or undefined once submitted. */
  private async answer(id: bigint, ch: Challenge, operator: Uint8Array): Promise<string | undefined> {
    const signer = this.o.signerFor(operator);
    if (!signer) return `no sr25519 key of the operator ${hex(operator)} in the keystore (insert it with key type slmn)`;
    const bytes = await this.o.content.fetch(ch.content_hash);
    if (!bytes) return `content ${hex(ch.content_hash)} of contribution #${ch.contribution} is neither stored nor held by a peer`;
    const { chunk, proof } = chunkProof(bytes, ch.chunk);
    try {
      await this.o.submitterFor(signer).submit({ tag: 'NodeRewards', value: { tag: 'answer_challenge', value: { challenge: id, chunk, proof } } });
    } catch (e) {
      return `the answer was refused: ${(e as Error).message}`;
    }
    this.o.metrics?.answered();
    log.info(`🧩 Answered storage challenge #${id}: chunk ${ch.chunk} of contribution #${ch.contribution} (${chunk.length} bytes, ${proof.length} proof hashes)`);
    return undefined;
  }
}
