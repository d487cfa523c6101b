// The models this server serves, read from the chain, and their suffix-array indexes built from the
// training-set contributions in the node's content store.
import type { PalletModelsModelInfo } from '@polkadot/types/lookup';
import { buildIndex, type CorpusIndex } from '@slmnet/attribution';
import { downloadContent, type ApiPromise } from '@slmnet/client';
import { ApiError, type Pricing } from './request.ts';
import type { ModelEntry } from './response.ts';

export interface ServedModel extends Omit<ModelEntry, 'index'> {
  pricing: Pricing;
}

type IndexSlot =
  | { state: 'building'; built: Promise<CorpusIndex> }
  | { state: 'ready'; index: CorpusIndex }
  | { state: 'unavailable'; reason: string };

/** Contribution bytes fetched from the node at once while building an index. */
const DOWNLOADS_AT_ONCE = 8;

export interface CatalogOptions {
  api: ApiPromise;
  /** The node whose content store holds the training data. */
  nodeUrl: string;
  /** The server's account: it must be an operator (or the developer) of a served model. */
  account: string;
  /** Serve exactly these model ids; default: every Active reference-SLM model the account operates. */
  only?: number[];
  log: (line: string) => void;
}

export class Catalog {
  private models = new Map<number, ServedModel>();
  private readonly indexes = new Map<number, IndexSlot>();
  private readonly created = new Map<number, number>();

  constructor(private readonly o: CatalogOptions) {}

  /** Why this server cannot serve a model, or undefined when it can. */
  private refusal(id: number, m: PalletModelsModelInfo): string | undefined {
    if (!m.kind.isInfiniGramV1) return `model ${id} is of kind ${m.kind.type}: this server runs only the reference SLM (InfiniGramV1)`;
    const me = this.o.account;
    if (m.developer.toString() !== me && !m.operators.some((a) => a.toString() === me)) {
      return `the server's account ${me} is neither the developer nor an operator of model ${id} (Models.set_operators adds it)`;
    }
    if (!this.o.only && !m.status.isActive) return `model ${id} is ${m.status.type}`;
    return undefined;
  }

  /**
   * Re-reads the chain's models. With `strict`, a model given in `only` that cannot be served is an
   * error (at start); later it is only logged and the model is no longer served.
   */
  async refresh(strict = false): Promise<void> {
    const { api } = this.o;
    const all = new Map((await api.query.models.models.entries()).map(([k, v]) => [k.args[0].toNumber(), v.unwrap()] as const));
    const problems: string[] = [];
    const next = new Map<number, ServedModel>();
    for (const id of this.o.only ?? [...all.keys()].sort((a, b) => a - b)) {
      const m = all.get(id);
      const why = m ? this.refusal(id, m) : `model ${id} does not exist`;
      if (why) {
        if (this.o.only) problems.push(why);
        continue;
      }
      next.set(id, await this.describe(id, m!));
    }
    if (strict && problems.length) throw new Error(problems.join('; '));
    for (const p of problems) if (!strict) this.o.log(`⚠️  ${p}: not serving it`);
    const before = this.models;
    this.models = next;
    for (const id of before.keys()) if (!next.has(id)) this.o.log(`🧠 No longer serving model ${id}`);
    for (const id of next.keys()) {
      if (before.has(id)) continue;
      this.o.log(`🧠 Serving model ${id} "${next.get(id)!.name}"`);
      this.index(id).catch((e: Error) => this.o.log(`⚠️  model ${id}: cannot build its index yet: ${e.message}`));
    }
  }

  private async describe(id: number, m: PalletModelsModelInfo): Promise<ServedModel> {
    const { api } = this.o;
    let created = this.created.get(id);
    if (created === undefined) {
      const at = await api.rpc.chain.getBlockHash(m.registered.toNumber());
      created = Math.floor((await api.query.timestamp.now.at(at)).toNumber() / 1000);
      this.created.set(id, created);
    }
    return {
      id,
      name: m.name.toUtf8(),
      developer: m.developer.toString(),
      created,
      status: m.status.type,
      trainingSet: m.trainingSet.map((s) => ({ datanet: s.datanet.toNumber(), version: s.version.toNumber() })),
      pricing: { baseFee: m.pricing.baseFee.toBigInt(), perTokenFee: m.pricing.perTokenFee.toBigInt() },
      split: { developerPpm: m.split.developerPpm.toNumber(), contributorsPpm: m.split.contributorsPpm.toNumber(), protocolPpm: m.split.protocolPpm.toNumber() },
    };
  }

  get(id: number): ServedModel | undefined {
    return this.models.get(id);
  }

  /** A served model, or a 404 naming what is served. */
  served(id: number): ServedModel {
    const m = this.models.get(id);
    if (!m) {
      const ids = [...this.models.keys()];
      throw new ApiError(404, 'model_not_found', `model ${id} is not served here (served: ${ids.length ? ids.join(', ') : 'none'}; GET /v1/models lists them)`, 'model');
    }
    return m;
  }

  list(): ModelEntry[] {
    return [...this.models.values()].map((m) => ({ ...m, index: this.indexState(m.id) }));
  }

  indexState(id: number): ModelEntry['index'] {
    const s = this.indexes.get(id);
    if (s?.state === 'ready') return { state: 'ready', contributions: s.index.corpus.docIds.length, tokens: s.index.corpus.tokens.length };
    if (s?.state === 'unavailable') return { state: 'unavailable', reason: s.reason };
    return { state: 'building' };
  }

  /** The model's index: cached (a model's training set never changes), built on first use or after a failed build. */
  async index(id: number): Promise<CorpusIndex> {
    const s = this.indexes.get(id);
    if (s?.state === 'ready') return s.index;
    if (s?.state === 'building') return s.built;
    const built = this.build(id);
    this.indexes.set(id, { state: 'building', built });
    try {
      const index = await built;
      this.indexes.set(id, { state: 'ready', index });
      this.o.log(`📚 Built the index of model ${id}: ${index.corpus.docIds.length} contribution(s), ${index.corpus.tokens.length} tokens`);
      return index;
    } catch (e) {
      this.indexes.set(id, { state: 'unavailable', reason: (e as Error).message });
      throw e;
    }
  }

  /** The index over the contributions of every (datanet, version) of the training set, in id order. */
  private async build(id: number): Promise<CorpusIndex> {
    const { api, nodeUrl } = this.o;
    const m = this.served(id);
    const ids = new Set<bigint>();
    for (const s of m.trainingSet) {
      for (const c of await api.query.datanets.versionContributions(s.datanet, s.version)) ids.add(c.toBigInt());
    }
    const sorted = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const records = await api.query.datanets.contributions.multi(sorted);
    const docs: { id: bigint; content: Uint8Array }[] = [];
    for (let i = 0; i < sorted.length; i += DOWNLOADS_AT_ONCE) {
      const batch = sorted.slice(i, i + DOWNLOADS_AT_ONCE).map(async (c, j) => {
        const r = records[i + j];
        if (r.isNone) return undefined;
        const hash = r.unwrap().contentHash.toHex();
        // downloadContent checks the bytes against the hash
        const content = await downloadContent(nodeUrl, hash);
        if (!content) throw new Error(`the content of contribution ${c} (${hash}) is neither in the node's content store nor at its peers yet`);
        return { id: c, content };
      });
      for (const d of await Promise.all(batch)) if (d) docs.push(d);
    }
    return buildIndex(docs);
  }
}
