// The attestor worker (validators with keys, `--attestor`): follows finalized blocks and, for each
// inference whose output is on chain, recomputes its attribution with the engine and attests it.
//
// Everything is read at the finalized state, so every attestor sees the same training set and
// output hash. The bytes come from the content store (or from peers through it); a model's
// suffix-array index is built once and cached (a model's training set never changes). When some
// bytes are not available yet the inference is retried later; if they never come, the chain's
// attestation deadline settles it by the fallback split.
import { attribute, buildIndex, type CorpusIndex } from '@slmnet/attribution';
import { attestorSet, attributionPallet, datanets, equalBytes, models, resultHash, system, type AttributionResult, type Ext } from '@slmnet/runtime-spec';
import { blockEvents } from '../chain/block-events.ts';
import { logger } from '../log.ts';
import type { Submitter } from './submitter.ts';

const log = logger('attestor');

export interface AttestorChain {
  bestBlock(): { hash: Uint8Array; number: number };
  finalizedBlock(): { hash: Uint8Array; number: number };
  extAt(hash: Uint8Array): { ext: Ext };
  onFinalized(cb: (hash: Uint8Array, header: unknown, newly: Uint8Array[]) => void): () => void;
}

export interface AttestorContent {
  /** Local bytes, else fetched (verified) from peers; undefined when nobody has them yet. */
  fetch(hash: Uint8Array): Promise<Uint8Array | undefined>;
}

export interface AttestorMetrics {
  attested(cpuSeconds: number): void;
  indexBuilt(): void;
  pending(count: number, lagBlocks: number): void;
}

export interface AttestorOptions {
  chain: AttestorChain;
  content: AttestorContent;
  submitter: Submitter;
  metrics?: AttestorMetrics;
  /** Test-only misbehaviour: attest an empty attribution instead of the computed one. */
  attestWrong?: boolean;
  retryMs?: number;
  /** Inference ids below the next id looked at on start (earlier ones are long settled). */
  lookback?: number;
}

const MAX_CACHED_INDEXES = 8;
const RESUBMIT_AFTER_BLOCKS = 20;

/** CPU seconds `f` takes (only synchronous work: awaited I/O would count other tasks' CPU too). */
function timed<T>(f: () => T): [T, number] {
  const c0 = process.cpuUsage();
  const v = f();
  const c = process.cpuUsage(c0);
  return [v, (c.user + c.system) / 1e6];
}

export class AttestorWorker {
  /** Inferences to attest: id → output block (for the lag). */
  private readonly queue = new Map<bigint, number>();
  /** Submitted (at this finalized height), waiting to show up in finalized state. */
  private readonly submitted = new Map<bigint, number>();
  private readonly indexes = new Map<number, CorpusIndex>();
  private readonly unsubs: (() => void)[] = [];
  private timer?: NodeJS.Timeout;
  private running = false;
  private stopped = false;

  constructor(private readonly o: AttestorOptions) {}

  start(): this {
    const { ext } = this.o.chain.extAt(this.o.chain.finalizedBlock().hash);
    const next: bigint = models.storage.NextInferenceId.get(ext);
    const lookback = BigInt(this.o.lookback ?? 1024);
    for (let id = next > lookback ? next - lookback : 0n; id < next; id++) {
      const inf = models.storage.Inferences.get(ext, id);
      if (inf?.status.tag === 'OutputSubmitted') this.queue.set(id, inf.output_at ?? 0);
    }
    this.unsubs.push(this.o.chain.onFinalized((_h, _header, newly) => {
      for (const h of newly) this.collect(h);
      void this.run();
    }));
    this.timer = setInterval(() => { void this.run(); }, this.o.retryMs ?? 2000);
    this.timer.unref?.();
    void this.run();
    log.info(`🔎 Attestor worker started for ${Buffer.from(this.o.submitter.account).toString('hex').slice(0, 16)}…`);
    return this;
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    for (const u of this.unsubs) u();
  }

  /** Queues the inferences whose output a newly finalized block recorded. */
  private collect(hash: Uint8Array): void {
    const { ext } = this.o.chain.extAt(hash);
    for (const e of blockEvents(ext)) {
      if (e.pallet === 'Models' && e.name === 'OutputSubmitted') this.queue.set(e.fields.inference as bigint, system.storage.Number.get(ext) as number);
    }
  }

  private async run(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    try {
      const fin = this.o.chain.finalizedBlock();
      for (const [id] of [...this.queue]) {
        if (this.stopped) break;
        // re-read the finalized state for every inference: it moves while indexes are built
        const { ext } = this.o.chain.extAt(this.o.chain.finalizedBlock().hash);
        try {
          if (await this.attest(ext, id)) this.queue.delete(id);
        } catch (e) {
          log.warn(`inference #${id}: ${(e as Error).message}`);
        }
      }
      const oldest = Math.min(...this.queue.values());
      this.o.metrics?.pending(this.queue.size, this.queue.size ? Math.max(0, fin.number - oldest) : 0);
    } finally {
      this.running = false;
    }
  }

  /** True when the inference needs nothing more from us. */
  private async attest(ext: Ext, id: bigint): Promise<boolean> {
    const me = this.o.submitter.account;
    const inf = models.storage.Inferences.get(ext, id);
    if (!inf || inf.status.tag !== 'OutputSubmitted' || !inf.output_hash) return true;
    if (attributionPallet.storage.Attestations.get(ext, id, me)) return true;
    if (!attestorSet(ext).some((a) => equalBytes(a, me))) return true;
    // in the pool or a non-finalized block; resubmitted if it got lost (dropped from every pool)
    const at = this.submitted.get(id);
    if (at !== undefined && this.o.chain.finalizedBlock().number < at + RESUBMIT_AFTER_BLOCKS) return false;
    const built = await this.indexFor(ext, inf.model);
    if (!built) return false;
    const output = await this.o.content.fetch(inf.output_hash);
    if (!output) {
      log.debug(`inference #${id}: output ${Buffer.from(inf.output_hash).toString('hex')} not available yet`);
      return false;
    }
    const [a, attributeCpu] = timed(() => attribute(built.index, output));
    const r: AttributionResult = this.o.attestWrong ? { ...a.result, entries: [], evidence_root: new Uint8Array(32) } : a.result;
    const hash = resultHash(r);
    // not done yet: the best chain may still be reorganised; the finalized state will tell
    if (this.finalAtBest(id, hash)) return false;
    await this.o.submitter.submit({
      tag: 'Attribution',
      value: { tag: 'attest', value: { inference: id, algorithm: r.algorithm, params_hash: r.params_hash, result_hash: hash, entries: r.entries, evidence_root: r.evidence_root } },
    });
    this.submitted.set(id, this.o.chain.finalizedBlock().number);
    this.o.metrics?.attested(built.cpu + attributeCpu);
    log.info(`✍️  Attested inference #${id}: ${r.entries.length} attributed contribution(s), result 0x${Buffer.from(hash).toString('hex')}`);
    return false;
  }

  /**
   * Whether the best chain already holds this result as final: a vote agreeing after the quorum would
   * be refused, yet take block space and a fee (a contradicting one is still sent, and slashed).
   */
  private finalAtBest(id: bigint, hash: Uint8Array): boolean {
    const { ext } = this.o.chain.extAt(this.o.chain.bestBlock().hash);
    const final = attributionPallet.storage.Results.get(ext, id);
    return final?.status.tag === 'Final' && final.result_hash !== undefined && equalBytes(final.result_hash, hash);
  }

  /**
   * The model's index, built from its training contributions' bytes, with the CPU seconds its build
   * took now (0 when cached); undefined while some bytes are missing.
   */
  private async indexFor(ext: Ext, model: number): Promise<{ index: CorpusIndex; cpu: number } | undefined> {
    const cached = this.indexes.get(model);
    if (cached) return { index: cached, cpu: 0 };
    const docs: { id: bigint; content: Uint8Array }[] = [];
    for (const item of models.storage.TrainingContributions.get(ext, model)) {
      const c = datanets.storage.Contributions.get(ext, item.contribution);
      if (!c) continue;
      const bytes = await this.o.content.fetch(c.content_hash);
      if (!bytes) {
        log.debug(`model #${model}: contribution #${item.contribution} content not available yet`);
        return undefined;
      }
      docs.push({ id: item.contribution, content: bytes });
    }
    const [index, cpu] = timed(() => buildIndex(docs));
    if (this.indexes.size >= MAX_CACHED_INDEXES) this.indexes.delete(this.indexes.keys().next().value!);
    this.indexes.set(model, index);
    this.o.metrics?.indexBuilt();
    log.info(`📚 Built the index of model #${model}: ${docs.length} contribution(s), ${index.corpus.tokens.length} tokens`);
    return { index, cpu };
  }
}
