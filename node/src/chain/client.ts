// The chain client: genesis, state access, block building, block import with
// Aura verification and re-execution, fork choice (longest chain containing
// the last finalized block) and finality bookkeeping, over the LMDB store and
// the persistent trie.
import { cryptoReady, verifySr25519 } from '@slmnet/runtime-spec';
import { ChainStore } from '../db/store.ts';
import { hex, sameBytes } from '../db/codec.ts';
import { logger, shortHash } from '../log.ts';
import { EMPTY_ROOT, TrieDb, type CommitResult } from '../trie/index.ts';
import { Emitter } from './events.ts';
import {
  auraPreDigest, auraSeal, auraSlot, decodeHeader, encodeHeader, headerHash, splitSeal, type Header,
} from './header.ts';
import { BlockHost } from './host.ts';
import {
  AURA_AUTHORITIES, GRANDPA_AUTHORITIES, GRANDPA_CURRENT_SET_ID, decodeAuraAuthorities, decodeGrandpaAuthorities, decodeSetId,
} from './keys.ts';
import { Ext, layouts, type RuntimeApi, type TransactionSource, type TransactionValidityError, type Validity } from './runtime-api.ts';
import { GRANDPA_ENGINE_ID, verifyJustification, type Authority } from '../consensus/justification.ts';

const log = logger('substrate');
const dbLog = logger('db');
const ZERO_HASH = new Uint8Array(32);

export interface ClientOptions {
  /** Database directory (`<base>/chains/<id>/db/full`). */
  path: string;
  runtime: RuntimeApi;
  /** Genesis storage, 0x-hex key → 0x-hex value (chain spec `genesis.raw.top` or runtime.genesisStorage()). */
  genesisStorage: Map<string, string> | Iterable<[string, string]>;
  /** Chain spec id (recorded in the database, checked on reopen). */
  chainId: string;
  /** How far (ms) a block's slot may start after our clock before import rejects it. Default 1000. */
  maxDriftMs?: number;
  /** Clock, ms since the epoch (tests). */
  now?: () => number;
  /** Decoded trie nodes kept in memory. */
  trieCacheSize?: number;
}

export interface BlockRef { hash: Uint8Array; number: number }
export interface TreeRoute { common: BlockRef; retracted: Uint8Array[]; enacted: Uint8Array[] }

export type ImportResult =
  | { status: 'imported'; hash: Uint8Array; number: number; isBest: boolean; badJustification?: string }
  | { status: 'known'; hash: Uint8Array; number: number; badJustification?: string }
  | { status: 'unknown-parent'; hash: Uint8Array; number: number; parentHash: Uint8Array; reason: string }
  | { status: 'rejected'; hash?: Uint8Array; reason: string };

export type TxLike = Uint8Array | { data: Uint8Array };
export type BuildEnd = 'no-more-transactions' | 'block-full' | 'deadline';

export interface BuildOptions {
  parent: Uint8Array;
  slot: bigint;
  timestampMs: bigint;
  /** Ready pool transactions, in the order to try them. */
  transactions?: Iterable<TxLike>;
  /** Absolute time (ms since the epoch) after which no more transactions are applied. */
  deadlineMs?: number;
  /** Signs blake2_256(header without seal); returns the 64-byte sr25519 signature. */
  seal: (preHash: Uint8Array) => Uint8Array | Promise<Uint8Array>;
  /** Transactions the runtime refused (to drop from the pool). */
  onInvalid?: (xt: Uint8Array, error: TransactionValidityError | { type: 'Error'; message: string }) => void;
}

export interface BuiltBlock {
  header: Header;
  headerBytes: Uint8Array;
  hash: Uint8Array;
  /** Hash of the header before sealing. */
  preHash: Uint8Array;
  extrinsics: Uint8Array[];
  /** Pool transactions that made it into the block. */
  included: Uint8Array[];
  stateRoot: Uint8Array;
  /** New trie nodes of the block's state. */
  nodes: Map<string, Uint8Array>;
  /** Time spent building (ms), excluding sealing. */
  buildMs: number;
  end: BuildEnd;
}

export class ClientError extends Error {}

const txBytes = (t: TxLike): Uint8Array => (t instanceof Uint8Array ? t : t.data);
const key = (h: Uint8Array) => hex(h);

export class Client {
  readonly store: ChainStore;
  readonly trie: TrieDb;
  readonly runtime: RuntimeApi;
  readonly genesisHash: Uint8Array;
  readonly chainId: string;
  readonly slotDuration: bigint;
  private readonly layout: { state: 0 | 1; extrinsics: 0 | 1 };
  private readonly now: () => number;
  private readonly maxDriftMs: number;
  private readonly headerCache = new Map<string, Header>();
  private best: BlockRef & { header: Header };
  private fin: BlockRef & { header: Header };

  readonly imported = new Emitter<[Uint8Array, Header, boolean]>('block import');
  readonly newBest = new Emitter<[Uint8Array, Header, TreeRoute | undefined]>('new best');
  readonly finalized = new Emitter<[Uint8Array, Header, Uint8Array[]]>('finality');
  readonly justified = new Emitter<[Uint8Array, Uint8Array]>('justification');

  private constructor(store: ChainStore, opts: ClientOptions, genesisHash: Uint8Array) {
    this.store = store;
    this.trie = new TrieDb(store.nodeStore, { cacheSize: opts.trieCacheSize });
    this.runtime = opts.runtime;
    this.genesisHash = genesisHash;
    this.chainId = opts.chainId;
    this.slotDuration = opts.runtime.slotDuration;
    this.layout = layouts(opts.runtime);
    this.now = opts.now ?? Date.now;
    this.maxDriftMs = opts.maxDriftMs ?? 1000;
    this.best = this.loadRef(store.bestHash()!, 'best');
    this.fin = this.loadRef(store.finalizedHash()!, 'finalized');
  }

  /** Opens (or creates) the database, writing genesis on first start; checks it belongs to this chain and is consistent. */
  static async open(opts: ClientOptions): Promise<Client> {
    await cryptoReady();
    const store = ChainStore.open(opts.path);
    try {
      const { state } = layouts(opts.runtime);
      const trie = new TrieDb(store.nodeStore);
      const entries: [Uint8Array, Uint8Array][] = [];
      for (const [k, v] of opts.genesisStorage) entries.push([hexToBytes(k, 'genesis key'), hexToBytes(v, `genesis value of ${k}`)]);
      const { root, nodes } = trie.commit(EMPTY_ROOT, entries, state);
      const genesis: Header = { parent_hash: ZERO_HASH, number: 0, state_root: root, extrinsics_root: EMPTY_ROOT, digest: { logs: [] } };
      const headerBytes = encodeHeader(genesis);
      const hash = headerHash(headerBytes);
      const stored = store.genesisHash();
      if (stored === undefined) {
        store.initGenesis({ hash, header: headerBytes, trieNodes: nodes, chainId: opts.chainId });
        log.info(`🔨 Initializing Genesis block/state (state: ${shortHash(root)}, header-hash: ${shortHash(hash)})`);
      } else if (!sameBytes(stored, hash)) {
        throw new ClientError(`the database at ${opts.path} holds chain ${store.chainId() ?? '?'} with genesis ${hex(stored)}, but the chain spec gives genesis ${hex(hash)}; use another --base-path or purge-chain`);
      }
      const client = new Client(store, opts, hash);
      client.checkConsistency();
      log.info(`📦 Highest known block at #${client.best.number}`);
      return client;
    } catch (e) {
      await store.close();
      throw e;
    }
  }

  async close(): Promise<void> { await this.store.close(); }

  // ---- chain info ------------------------------------------------------------------

  bestHash(): Uint8Array { return this.best.hash; }
  finalizedHash(): Uint8Array { return this.fin.hash; }
  bestBlock(): BlockRef { return { hash: this.best.hash, number: this.best.number }; }
  finalizedBlock(): BlockRef { return { hash: this.fin.hash, number: this.fin.number }; }
  bestHeader(): Header { return this.best.header; }
  finalizedHeader(): Header { return this.fin.header; }

  header(hash: Uint8Array): Header | undefined {
    const k = key(hash);
    const hit = this.headerCache.get(k);
    if (hit) return hit;
    const b = this.store.header(hash);
    if (!b) return undefined;
    const h = decodeHeader(b);
    if (this.headerCache.size >= 4096) this.headerCache.delete(this.headerCache.keys().next().value!);
    this.headerCache.set(k, h);
    return h;
  }
  headerBytes(hash: Uint8Array): Uint8Array | undefined { return this.store.header(hash); }
  hasBlock(hash: Uint8Array): boolean { return this.store.hasBlock(hash); }
  /** Canonical (best chain) hash at height `n`. */
  hashAt(n: number): Uint8Array | undefined { return n > this.best.number ? undefined : this.store.hashAt(n); }
  body(hash: Uint8Array): Uint8Array[] | undefined { return this.store.body(hash); }
  /** GRANDPA justification of `hash`, if stored. */
  justification(hash: Uint8Array): Uint8Array | undefined { return this.store.justification(hash); }
  /** Justifications as chain_getBlock shows them: [[engine id, bytes]]. */
  justifications(hash: Uint8Array): [Uint8Array, Uint8Array][] | undefined {
    const j = this.store.justification(hash);
    return j ? [[GRANDPA_ENGINE_ID, j]] : undefined;
  }
  leaves(): Uint8Array[] { return this.store.leaves(); }

  // ---- state -----------------------------------------------------------------------

  stateRoot(hash: Uint8Array): Uint8Array {
    const h = this.header(hash);
    if (!h) throw new ClientError(`UnknownBlock: Header was not found in the database: ${hex(hash)}`);
    return h.state_root;
  }

  /** Reader of the state after block `hash` (the Ext base reader). */
  stateAt(hash: Uint8Array): (key: Uint8Array) => Uint8Array | undefined {
    const root = this.stateRoot(hash);
    return (k) => this.trie.get(root, k);
  }

  storage(hash: Uint8Array, k: Uint8Array): Uint8Array | undefined { return this.trie.get(this.stateRoot(hash), k); }

  keysPaged(hash: Uint8Array, prefix: Uint8Array, count: number, startKey?: Uint8Array): Uint8Array[] {
    return this.trie.keys(this.stateRoot(hash), prefix, count, startKey);
  }

  readProof(hash: Uint8Array, keys: Uint8Array[]): Uint8Array[] { return this.trie.readProof(this.stateRoot(hash), keys); }

  /** An Ext over the state of `hash` (changes stay in memory). */
  extAt(hash: Uint8Array): { ext: Ext; host: BlockHost } {
    const root = this.stateRoot(hash);
    const host = new BlockHost(this.trie, root, this.layout.state, this.layout.extrinsics);
    return { ext: new Ext((k) => this.trie.get(root, k), host), host };
  }

  /** state_call at `hash`. */
  call(hash: Uint8Array, method: string, input: Uint8Array): Uint8Array {
    return this.runtime.call(this.extAt(hash).ext, method, input);
  }

  /** TaggedTransactionQueue validation at `at` (default: best). */
  validateTransaction(source: TransactionSource, xt: Uint8Array, at: Uint8Array = this.best.hash): Validity {
    return this.runtime.validateTransaction(this.extAt(at).ext, source, xt, at);
  }

  auraAuthorities(hash: Uint8Array): Uint8Array[] { return decodeAuraAuthorities(this.storage(hash, AURA_AUTHORITIES)); }
  grandpaAuthorities(hash: Uint8Array): Authority[] { return decodeGrandpaAuthorities(this.storage(hash, GRANDPA_AUTHORITIES)); }
  grandpaSetId(hash: Uint8Array): bigint { return decodeSetId(this.storage(hash, GRANDPA_CURRENT_SET_ID)); }

  // ---- tree helpers -------------------------------------------------------------------

  /** True if `hash` is `ancestor` or descends from it. */
  isDescendant(hash: Uint8Array, ancestor: Uint8Array): boolean {
    const a = this.header(ancestor);
    if (!a) return false;
    let cur = hash;
    for (;;) {
      if (sameBytes(cur, ancestor)) return true;
      const h = this.header(cur);
      if (!h || h.number <= a.number) return false;
      // shortcut: both on the canonical chain
      if (sameBytes(this.store.hashAt(h.number) ?? ZERO_HASH, cur)) return sameBytes(this.store.hashAt(a.number) ?? ZERO_HASH, ancestor);
      cur = h.parent_hash;
    }
  }

  /** Route from `from` to `to`: blocks to retract (newest first) and to enact (oldest first). */
  treeRoute(from: Uint8Array, to: Uint8Array): TreeRoute {
    let a = { hash: from, header: this.mustHeader(from) };
    let b = { hash: to, header: this.mustHeader(to) };
    const retracted: Uint8Array[] = [];
    const enacted: Uint8Array[] = [];
    while (a.header.number > b.header.number) { retracted.push(a.hash); a = { hash: a.header.parent_hash, header: this.mustHeader(a.header.parent_hash) }; }
    while (b.header.number > a.header.number) { enacted.push(b.hash); b = { hash: b.header.parent_hash, header: this.mustHeader(b.header.parent_hash) }; }
    while (!sameBytes(a.hash, b.hash)) {
      retracted.push(a.hash); enacted.push(b.hash);
      a = { hash: a.header.parent_hash, header: this.mustHeader(a.header.parent_hash) };
      b = { hash: b.header.parent_hash, header: this.mustHeader(b.header.parent_hash) };
    }
    enacted.reverse();
    return { common: { hash: a.hash, number: a.header.number }, retracted, enacted };
  }

  commonAncestor(a: Uint8Array, b: Uint8Array): BlockRef | undefined {
    try { return this.treeRoute(a, b).common; } catch { return undefined; }
  }

  // ---- events (ChainApi-compatible) ------------------------------------------------

  onImported(cb: (hash: Uint8Array, header: Header, isBest: boolean) => void): () => void { return this.imported.on(cb); }
  onNewBest(cb: (hash: Uint8Array, header: Header, route?: TreeRoute) => void): () => void { return this.newBest.on(cb); }
  onBest(cb: (hash: Uint8Array, header: Header, route?: TreeRoute) => void): () => void { return this.newBest.on(cb); }
  /** `newlyFinalized`: every block finalized by this step, oldest first, ending with `hash`. */
  onFinalized(cb: (hash: Uint8Array, header: Header, newlyFinalized: Uint8Array[]) => void): () => void { return this.finalized.on(cb); }
  onJustification(cb: (hash: Uint8Array, justification: Uint8Array) => void): () => void { return this.justified.on(cb); }

  // ---- block building -----------------------------------------------------------------

  /**
   * Builds (but does not import) a block on `parent`: Aura pre-digest,
   * inherents, then pool transactions in order until the block is full or the
   * deadline passes (invalid ones are skipped and reported), finalisation and
   * the seal over blake2_256(header without seal).
   */
  async buildBlock(o: BuildOptions): Promise<BuiltBlock> {
    const start = performance.now();
    const parent = this.header(o.parent);
    if (!parent) throw new ClientError(`cannot build on unknown block ${hex(o.parent)}`);
    const { ext, host } = this.extAt(o.parent);
    const pre: Header = {
      parent_hash: o.parent, number: parent.number + 1, state_root: ZERO_HASH, extrinsics_root: ZERO_HASH,
      digest: { logs: [auraPreDigest(o.slot)] },
    };
    this.runtime.initializeBlock(ext, pre);
    const extrinsics: Uint8Array[] = [];
    for (const xt of this.runtime.inherentExtrinsics(o.timestampMs)) {
      const r = this.runtime.applyExtrinsic(ext, xt);
      if (!r.ok) throw new ClientError(`inherent extrinsic rejected: ${r.error.type} ${r.error.kind}`);
      extrinsics.push(xt);
    }
    const included: Uint8Array[] = [];
    let end: BuildEnd = 'no-more-transactions';
    let lastYield = performance.now();
    for (const t of o.transactions ?? []) {
      if (o.deadlineMs !== undefined && this.now() >= o.deadlineMs) { end = 'deadline'; break; }
      const xt = txBytes(t);
      let r;
      try {
        r = this.runtime.applyExtrinsic(ext, xt);
      } catch (e) {
        logger('basic-authorship').debug(`transaction ${shortHash(headerHash(xt))} failed to apply: ${(e as Error).message}`);
        o.onInvalid?.(xt, { type: 'Error', message: (e as Error).message });
        continue;
      }
      if (r.ok) {
        extrinsics.push(xt);
        included.push(xt);
      } else if (r.error.kind === 'ExhaustsResources') {
        end = 'block-full';
        break;
      } else {
        o.onInvalid?.(xt, r.error);
      }
      if (performance.now() - lastYield > 25) { // keep RPC and timers responsive while building
        await new Promise((res) => setImmediate(res));
        lastYield = performance.now();
      }
    }
    const built = this.runtime.finalizeBlock(ext);
    const header: Header = { ...built, digest: { logs: built.digest.logs.filter((l) => l.tag !== 'Seal') } };
    const committed = host.committedWithRoot(header.state_root) ?? host.commit(ext.overlay.drain());
    if (!sameBytes(committed.root, header.state_root)) throw new ClientError('runtime state root differs from the trie commit');
    const buildMs = performance.now() - start;
    const preHash = headerHash(header);
    const signature = await o.seal(preHash);
    const sealed: Header = { ...header, digest: { logs: [...header.digest.logs, auraSeal(signature)] } };
    const headerBytes = encodeHeader(sealed);
    return {
      header: sealed, headerBytes, hash: headerHash(headerBytes), preHash, extrinsics, included,
      stateRoot: header.state_root, nodes: committed.nodes, buildMs, end,
    };
  }

  /** Imports a block this node built (no re-execution: the state was computed while building). */
  importBuilt(b: BuiltBlock): ImportResult {
    if (this.store.hasBlock(b.hash)) return { status: 'known', hash: b.hash, number: b.header.number };
    const parent = this.header(b.header.parent_hash);
    if (!parent) return { status: 'rejected', hash: b.hash, reason: `unknown parent ${hex(b.header.parent_hash)}` };
    const why = this.checkFinalizedAncestry(b.header);
    if (why) return { status: 'rejected', hash: b.hash, reason: why };
    return this.commit(b.hash, b.header, b.headerBytes, b.extrinsics, b.nodes, undefined);
  }

  // ---- block import ---------------------------------------------------------------

  /**
   * Verifies and imports a block from the network (or a file): parent known,
   * Aura seal by the slot's author, slot after the parent's and not in the
   * future, re-execution on the parent state with matching roots. Never
   * throws for a bad block: the result says why it was refused.
   */
  importBlock(headerBytes: Uint8Array, extrinsics: Uint8Array[], justification?: Uint8Array): ImportResult {
    let header: Header;
    try { header = decodeHeader(headerBytes); } catch (e) { return { status: 'rejected', reason: `undecodable header: ${(e as Error).message}` }; }
    const hash = headerHash(headerBytes);
    const at = `#${header.number} (${hex(hash)})`;
    try {
      if (this.store.hasBlock(hash)) {
        const stored = justification && this.store.justification(hash);
        const bad = justification && !(stored && sameBytes(stored, justification)) ? this.applyJustification(hash, header, justification) : undefined;
        return bad ? { status: 'known', hash, number: header.number, badJustification: bad } : { status: 'known', hash, number: header.number };
      }
      if (header.number === 0) return { status: 'rejected', hash, reason: `block ${at} claims to be a genesis block of another chain` };
      const parent = this.header(header.parent_hash);
      if (!parent) return { status: 'unknown-parent', hash, number: header.number, parentHash: header.parent_hash, reason: `parent ${hex(header.parent_hash)} of ${at} is unknown` };
      if (header.number !== parent.number + 1) return { status: 'rejected', hash, reason: `block ${at} has number ${header.number} but its parent is #${parent.number}` };
      const why = this.checkFinalizedAncestry(header);
      if (why) return { status: 'rejected', hash, reason: why };
      const sealError = this.verifyAura(header, parent);
      if (sealError) return { status: 'rejected', hash, reason: `block ${at}: ${sealError}` };

      const [unsealed] = splitSeal(header);
      const { ext, host } = this.extAt(header.parent_hash);
      try {
        this.runtime.executeBlock(ext, unsealed, extrinsics);
      } catch (e) {
        return { status: 'rejected', hash, reason: `block ${at} failed to execute: ${(e as Error).message}` };
      }
      const committed: CommitResult = host.committedWithRoot(header.state_root) ?? host.commit(ext.overlay.drain());
      if (!sameBytes(committed.root, header.state_root)) {
        return { status: 'rejected', hash, reason: `block ${at}: state root mismatch (header ${hex(header.state_root)}, computed ${hex(committed.root)})` };
      }
      const extrinsicsRoot = host.orderedTrieRoot(extrinsics);
      if (!sameBytes(extrinsicsRoot, header.extrinsics_root)) {
        return { status: 'rejected', hash, reason: `block ${at}: extrinsics root mismatch` };
      }
      const res = this.commit(hash, header, headerBytes, extrinsics, committed.nodes, undefined);
      if (!justification || res.status !== 'imported') return res;
      const bad = this.applyJustification(hash, header, justification);
      return bad ? { ...res, badJustification: bad } : res;
    } catch (e) {
      logger('sync').warn(`💔 Error importing block ${at}: ${(e as Error).stack ?? e}`);
      return { status: 'rejected', hash, reason: `block ${at}: ${(e as Error).message}` };
    }
  }

  /** Aura checks; returns an error message or undefined. */
  private verifyAura(header: Header, parent: Header): string | undefined {
    let slot: bigint | undefined;
    let parentSlot: bigint | undefined;
    try { slot = auraSlot(header); parentSlot = auraSlot(parent) ?? 0n; } catch (e) { return (e as Error).message; }
    if (slot === undefined) return 'no Aura pre-runtime digest (slot)';
    const [unsealed, sig] = splitSeal(header);
    if (!sig) return 'header is unsealed (the last digest must be an Aura seal)';
    if (sig.length !== 64) return `Aura seal must be a 64-byte sr25519 signature, got ${sig.length} bytes`;
    if (slot <= parentSlot) return `slot ${slot} is not after the parent's slot ${parentSlot}`;
    if (slot * this.slotDuration > BigInt(Math.floor(this.now() + this.maxDriftMs))) {
      return `slot ${slot} is in the future (current slot ${BigInt(Math.floor(this.now())) / this.slotDuration})`;
    }
    const authorities = this.auraAuthorities(header.parent_hash);
    if (authorities.length === 0) return 'no Aura authorities at the parent block';
    const author = authorities[Number(slot % BigInt(authorities.length))];
    // the runtime's wasm verifier: util-crypto's is pure JS and ~8x slower on every import
    if (!verifySr25519(headerHash(unsealed), sig, author)) return `bad Aura seal: not signed by the slot ${slot} author ${hex(author)}`;
    return undefined;
  }

  /** A block must build on the finalized chain. */
  private checkFinalizedAncestry(header: Header): string | undefined {
    const fin = this.fin;
    if (header.number <= fin.number) return `block #${header.number} is not above the finalized block #${fin.number}`;
    if (!this.isDescendant(header.parent_hash, fin.hash)) return `block #${header.number} does not descend from the finalized block #${fin.number} (${hex(fin.hash)})`;
    return undefined;
  }

  private commit(hash: Uint8Array, header: Header, headerBytes: Uint8Array, extrinsics: Uint8Array[], nodes: Map<string, Uint8Array>, justification: Uint8Array | undefined): ImportResult {
    const oldBest = this.best;
    const isBest = header.number > oldBest.number;
    const t0 = performance.now();
    this.store.commitBlock({ hash, header: headerBytes, body: extrinsics, trieNodes: nodes, setBest: isBest, justification });
    dbLog.debug(`committed #${header.number} (${hex(hash)}): ${nodes.size} trie nodes in ${(performance.now() - t0).toFixed(1)} ms`);
    this.headerCache.set(key(hash), header);
    let route: TreeRoute | undefined;
    if (isBest) {
      if (!sameBytes(header.parent_hash, oldBest.hash)) route = this.treeRoute(oldBest.hash, hash);
      this.best = { hash, number: header.number, header };
    }
    this.imported.emit(hash, header, isBest);
    if (isBest) this.newBest.emit(hash, header, route ?? { common: { hash: oldBest.hash, number: oldBest.number }, retracted: [], enacted: [hash] });
    return { status: 'imported', hash, number: header.number, isBest };
  }

  /** Verifies and applies a justification; returns why it was refused (the block itself stays). */
  private applyJustification(hash: Uint8Array, header: Header, justification: Uint8Array): string | undefined {
    try {
      const authorities = this.grandpaAuthorities(header.parent_hash);
      const setId = this.grandpaSetId(header.parent_hash);
      verifyJustification(justification, authorities, setId, { hash, number: header.number });
    } catch (e) {
      logger('grandpa').warn(`ignoring bad justification for #${header.number} (${hex(hash)}): ${(e as Error).message}`);
      return `bad justification for #${header.number}: ${(e as Error).message}`;
    }
    if (header.number <= this.fin.number) {
      if (sameBytes(this.store.hashAt(header.number) ?? ZERO_HASH, hash) && !this.store.justification(hash)) this.store.putJustification(hash, justification);
      return undefined;
    }
    this.finalize(hash, justification);
    return undefined;
  }

  // ---- finality ---------------------------------------------------------------------

  /**
   * Finalizes `hash` (and its unfinalized ancestors) with an optional
   * justification. If the best block is not a descendant, best moves to the
   * longest chain containing `hash`. Throws for unknown or conflicting blocks.
   */
  finalize(hash: Uint8Array, justification?: Uint8Array): void {
    const header = this.header(hash);
    if (!header) throw new ClientError(`cannot finalize unknown block ${hex(hash)}`);
    const old = this.fin;
    if (sameBytes(hash, old.hash)) {
      if (justification && !this.store.justification(hash)) {
        this.store.putJustification(hash, justification);
        this.justified.emit(hash, justification);
      }
      return;
    }
    if (header.number < old.number || !this.isDescendant(hash, old.hash)) {
      throw new ClientError(`cannot finalize #${header.number} (${hex(hash)}): it does not descend from the finalized block #${old.number} (${hex(old.hash)})`);
    }
    const newly: Uint8Array[] = [];
    for (let cur = hash; !sameBytes(cur, old.hash); cur = this.mustHeader(cur).parent_hash) newly.push(cur);
    newly.reverse();

    let newBest: Uint8Array | undefined;
    if (!this.isDescendant(this.best.hash, hash)) {
      newBest = hash;
      let bestNumber = header.number;
      for (const leaf of this.store.leaves()) {
        const lh = this.header(leaf);
        if (lh && lh.number > bestNumber && this.isDescendant(leaf, hash)) { newBest = leaf; bestNumber = lh.number; }
      }
    }
    const oldBest = this.best;
    this.store.setFinalized({ hash, justification, newBest });
    this.fin = { hash, number: header.number, header };
    if (newBest) {
      const bh = this.mustHeader(newBest);
      this.best = { hash: newBest, number: bh.number, header: bh };
    }
    this.finalized.emit(hash, header, newly);
    if (justification) this.justified.emit(hash, justification);
    if (newBest) this.newBest.emit(newBest, this.best.header, this.treeRoute(oldBest.hash, newBest));
  }

  // ---- internals -----------------------------------------------------------------------

  private mustHeader(hash: Uint8Array): Header {
    const h = this.header(hash);
    if (!h) throw new ClientError(`missing header ${hex(hash)}`);
    return h;
  }

  private loadRef(hash: Uint8Array, what: string): BlockRef & { header: Header } {
    if (!hash) throw new ClientError(`database has no ${what} block`);
    const header = this.header(hash);
    if (!header) throw new ClientError(`database is inconsistent: the ${what} block ${hex(hash)} has no header`);
    return { hash, number: header.number, header };
  }

  private checkConsistency(): void {
    const root = this.best.header.state_root;
    if (!sameBytes(root, EMPTY_ROOT) && !this.store.hasNode(root)) {
      throw new ClientError(`database is inconsistent: the state of best block #${this.best.number} is missing`);
    }
    if (!sameBytes(this.store.hashAt(this.fin.number) ?? ZERO_HASH, this.fin.hash)) {
      throw new ClientError(`database is inconsistent: finalized block #${this.fin.number} is not on the best chain`);
    }
    if (!sameBytes(this.store.hashAt(this.best.number) ?? ZERO_HASH, this.best.hash)) {
      throw new ClientError(`database is inconsistent: canonical index does not end at the best block #${this.best.number}`);
    }
  }
}

function hexToBytes(h: string, what: string): Uint8Array {
  if (typeof h !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(h)) throw new ClientError(`${what}: expected 0x-prefixed hex, got ${String(h).slice(0, 20)}`);
  return new Uint8Array(Buffer.from(h.slice(2), 'hex'));
}
