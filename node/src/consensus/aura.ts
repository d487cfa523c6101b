// Aura slot worker (sc-consensus-aura + sc-consensus-slots + sc-basic-authorship):
// every slot (slot = floor(now / slot duration)) check whether one of our
// `aura` sr25519 keys is authorities[slot % n] at the best block; if so build
// on best with 2/3 of the remaining slot time, seal and import locally.
import type { Client, BuiltBlock, TxLike, ImportResult } from '../chain/client.ts';
import { auraSlot, blake2_256 } from '../chain/header.ts';
import { hex, sameBytes } from '../db/codec.ts';
import { fullHash, logger, shortHash } from '../log.ts';

const authorship = logger('basic-authorship');
const slots = logger('aura');

/** Substrate's block proposal slot portion for Aura. */
export const BLOCK_PROPOSAL_SLOT_PORTION = 2 / 3;

export interface AuraKeystore {
  publicKeys(keyType: string, scheme: 'sr25519'): Uint8Array[];
  pair(keyType: string, publicKey: Uint8Array, scheme: 'sr25519'): { sign(msg: Uint8Array): Uint8Array } | undefined;
}

/** What the worker needs from the transaction pool. */
export interface ProposerPool {
  /**
   * Ready transactions in the order to include them. May wait (briefly) for the pool to process
   * the latest blocks first, like sc-transaction-pool's `ready_at`: a pool that lags behind offers
   * transactions the new parent already includes, and the builder would drop them as invalid.
   */
  ready(): Iterable<TxLike> | Promise<Iterable<TxLike>>;
  /** Transactions the runtime refused while building (to be dropped). */
  reportInvalid?(xts: Uint8Array[]): void;
}

export interface AuraMetrics {
  blockConstructed?(seconds: number): void;
}

export interface AuraOptions {
  client: Client;
  keystore: AuraKeystore;
  pool?: ProposerPool;
  metrics?: AuraMetrics;
  /** Clock (ms since the epoch). */
  now?: () => number;
  /** Fraction of the remaining slot time given to block building. */
  proposalPortion?: number;
  /**
   * Misbehave for tests: after each authored block, author a second, empty one in the same slot
   * and hand its header to this callback (to announce it). Never on a real network.
   */
  equivocate?: (header: Uint8Array) => void;
}

export type SlotOutcome =
  | { kind: 'authored'; slot: bigint; block: BuiltBlock; result: ImportResult }
  | { kind: 'not-our-slot' | 'already-built' | 'no-authorities' | 'busy'; slot: bigint }
  | { kind: 'failed'; slot: bigint; error: string };

export class AuraWorker {
  private timer?: NodeJS.Timeout;
  private running = false;
  private busy = false;
  private readonly now: () => number;
  private readonly slotMs: number;

  constructor(private readonly o: AuraOptions) {
    this.now = o.now ?? Date.now;
    this.slotMs = Number(o.client.slotDuration);
    if (!(this.slotMs > 0)) throw new Error(`invalid slot duration ${o.client.slotDuration}`);
  }

  start(): this {
    if (this.running) return this;
    this.running = true;
    slots.debug(`⏱  Starting Aura slot worker (slot duration ${this.slotMs} ms)`);
    this.schedule();
    return this;
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (!this.running) return;
    const now = this.now();
    const delay = this.slotMs - (now % this.slotMs) + 1;
    this.timer = setTimeout(() => {
      void this.onSlot(BigInt(Math.floor(this.now() / this.slotMs))).finally(() => this.schedule());
    }, delay);
  }

  /** Whether one of our keys is the author of `slot` on top of `parent`; returns the key. */
  claim(slot: bigint, parent: Uint8Array): Uint8Array | undefined {
    const authorities = this.o.client.auraAuthorities(parent);
    if (authorities.length === 0) return undefined;
    const expected = authorities[Number(slot % BigInt(authorities.length))];
    const ours = this.o.keystore.publicKeys('aura', 'sr25519');
    return ours.find((k) => sameBytes(k, expected));
  }

  /** Runs one slot (exposed for tests and for manual sealing). */
  async onSlot(slot: bigint): Promise<SlotOutcome> {
    if (this.busy) return { kind: 'busy', slot };
    this.busy = true;
    try {
      return await this.trySlot(slot);
    } catch (e) {
      slots.warn(`Proposing failed in slot ${slot}: ${(e as Error).stack ?? e}`);
      return { kind: 'failed', slot, error: (e as Error).message };
    } finally {
      this.busy = false;
    }
  }

  private async trySlot(slot: bigint): Promise<SlotOutcome> {
    const client = this.o.client;
    const parentHash = client.bestHash();
    const parent = client.bestHeader();
    const parentSlot = auraSlot(parent) ?? 0n;
    if (slot <= parentSlot) {
      slots.debug(`Skipping slot ${slot}: best block #${parent.number} is already at slot ${parentSlot}`);
      return { kind: 'already-built', slot };
    }
    if (client.auraAuthorities(parentHash).length === 0) {
      slots.debug(`Skipping slot ${slot}: no Aura authorities at #${parent.number}`);
      return { kind: 'no-authorities', slot };
    }
    const author = this.claim(slot, parentHash);
    if (!author) return { kind: 'not-our-slot', slot };
    const pair = this.o.keystore.pair('aura', author, 'sr25519');
    if (!pair) return { kind: 'not-our-slot', slot };

    const slotMs = BigInt(this.slotMs);
    const slotStart = Number(slot * slotMs);
    const slotEnd = slotStart + this.slotMs;
    const now = this.now();
    // Timestamp in the first half of the slot keeps consecutive blocks ≥ MinimumPeriod (slot/2) apart.
    const ts = BigInt(Math.min(Math.max(Math.floor(now), slotStart), slotStart + Math.floor(this.slotMs / 2) - 1));
    const deadlineMs = now + Math.max(0, slotEnd - now) * (this.o.proposalPortion ?? BLOCK_PROPOSAL_SLOT_PORTION);

    authorship.info(`🙌 Starting consensus session on top of parent ${fullHash(parentHash)} (#${parent.number})`);
    const invalid: Uint8Array[] = [];
    const block = await client.buildBlock({
      parent: parentHash, slot, timestampMs: ts, deadlineMs,
      transactions: (await this.o.pool?.ready()) ?? [],
      onInvalid: (xt, err) => {
        invalid.push(xt);
        authorship.debug(`[${shortHash(blake2_256(xt))}] Invalid transaction: ${'kind' in err ? `${err.type} ${err.kind}` : err.message}`);
      },
      seal: (preHash) => pair.sign(preHash),
    });
    if (invalid.length) this.o.pool?.reportInvalid?.(invalid);
    this.o.metrics?.blockConstructed?.(block.buildMs / 1000);
    const xtHashes = block.extrinsics.map((x) => shortHash(blake2_256(x))).join(', ');
    authorship.info(`🎁 Prepared block for proposing at ${block.header.number} (${Math.round(block.buildMs)} ms) [hash: ${fullHash(block.preHash)}; parent_hash: ${shortHash(parentHash)}; extrinsics (${block.extrinsics.length}): [${xtHashes}]]`);
    if (block.end === 'deadline') authorship.debug(`Block building stopped by the deadline after ${block.included.length} transactions`);
    slots.info(`🔖 Pre-sealed block for proposal at ${block.header.number}. Hash now ${fullHash(block.hash)}, previously ${fullHash(block.preHash)}.`);
    const result = client.importBuilt(block);
    if (result.status === 'rejected') slots.warn(`Error with block built on ${hex(parentHash)}: ${result.reason}`);
    if (this.o.equivocate) {
      const twin = await client.buildBlock({ parent: parentHash, slot, timestampMs: ts, deadlineMs, transactions: [], seal: (preHash) => pair.sign(preHash) });
      if (client.importBuilt(twin).status !== 'rejected') {
        slots.warn(`🔀 Equivocated in slot ${slot}: a second block at ${twin.header.number} ${fullHash(twin.hash)}`);
        this.o.equivocate(twin.headerBytes);
      }
    }
    return { kind: 'authored', slot, block, result };
  }
}
