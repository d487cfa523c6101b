// The node database (LMDB): headers, bodies, justifications, the canonical
// number → hash index, trie nodes (archive: never pruned) and chain metadata.
//
// Every state transition of the chain is ONE synchronous LMDB write
// transaction (transactionSync): a block, its trie nodes, the canonical index
// and the best/finalized pointers become visible together or not at all, so a
// `kill -9` at any moment leaves a consistent database (LMDB is copy-on-write
// with an atomic meta-page switch).
import { open, type Database, type RootDatabase } from 'lmdb';
import { mkdirSync } from 'node:fs';
import type { NodeStore } from '../trie/index.ts';
import { decodeBody, encodeBody, hex, peekHeader, sameBytes } from './codec.ts';

/** Bumped when the on-disk layout changes. */
export const SCHEMA_VERSION = 1;

export interface BlockWrite {
  hash: Uint8Array;
  /** SCALE-encoded header (with seal). */
  header: Uint8Array;
  /** Extrinsics, each with its compact length prefix. */
  body: Uint8Array[];
  /** New trie nodes of the block's state (0x-hex hash → node bytes), from TrieDb.commit. */
  trieNodes?: Map<string, Uint8Array>;
  /** Make this block the best block (rewrites the canonical index on a reorg). */
  setBest?: boolean;
  justification?: Uint8Array;
}

export interface FinalizeWrite {
  hash: Uint8Array;
  justification?: Uint8Array;
  /** New best block, when the old best does not descend from `hash`. */
  newBest?: Uint8Array;
}

const META = {
  version: 'version',
  genesis: 'genesis',
  best: 'best',
  finalized: 'finalized',
  chainId: 'chainId',
  leaves: 'leaves',
} as const;

const view = (b: Uint8Array | undefined): Uint8Array | undefined =>
  b === undefined ? undefined : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export class StoreError extends Error {}

export class ChainStore {
  private readonly env: RootDatabase;
  private readonly headers: Database<Uint8Array, Uint8Array>;
  private readonly bodies: Database<Uint8Array, Uint8Array>;
  private readonly justifications: Database<Uint8Array, Uint8Array>;
  private readonly canon: Database<Uint8Array, number>;
  private readonly nodes: Database<Uint8Array, Uint8Array>;
  private readonly meta: Database<Uint8Array, string>;
  private closed = false;

  /** Trie nodes by hash, for TrieDb. Buffers returned are fresh copies (never reused). */
  readonly nodeStore: NodeStore;

  private constructor(readonly path: string) {
    mkdirSync(path, { recursive: true });
    this.env = open({ path, compression: false, maxDbs: 16 });
    const bin = { encoding: 'binary' as const, keyEncoding: 'binary' as const, compression: false };
    this.headers = this.env.openDB('headers', bin);
    this.bodies = this.env.openDB('bodies', bin);
    this.justifications = this.env.openDB('justifications', bin);
    this.nodes = this.env.openDB('trie_nodes', bin);
    this.canon = this.env.openDB('canonical', { encoding: 'binary', keyEncoding: 'uint32', compression: false });
    this.meta = this.env.openDB('meta', { encoding: 'binary', compression: false });
    const nodes = this.nodes;
    this.nodeStore = { get: (hash) => view(nodes.getBinary(hash)) };
    const version = this.meta.getBinary(META.version);
    if (version !== undefined && version[0] !== SCHEMA_VERSION) {
      this.env.close();
      throw new StoreError(`database at ${path} has schema version ${version[0]}, this node reads version ${SCHEMA_VERSION}; purge the chain (purge-chain) or use another --base-path`);
    }
  }

  static open(path: string): ChainStore {
    return new ChainStore(path);
  }

  // ---- reads ---------------------------------------------------------------

  header(hash: Uint8Array): Uint8Array | undefined { return view(this.headers.getBinary(hash)); }
  hasBlock(hash: Uint8Array): boolean { return this.headers.doesExist(hash); }
  body(hash: Uint8Array): Uint8Array[] | undefined {
    const b = this.bodies.getBinary(hash);
    return b === undefined ? undefined : decodeBody(view(b)!);
  }
  justification(hash: Uint8Array): Uint8Array | undefined { return view(this.justifications.getBinary(hash)); }
  hashAt(n: number): Uint8Array | undefined {
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) return undefined;
    return view(this.canon.getBinary(n));
  }
  hasNode(hash: Uint8Array): boolean { return this.nodes.doesExist(hash); }

  genesisHash(): Uint8Array | undefined { return view(this.meta.getBinary(META.genesis)); }
  bestHash(): Uint8Array | undefined { return view(this.meta.getBinary(META.best)); }
  finalizedHash(): Uint8Array | undefined { return view(this.meta.getBinary(META.finalized)); }
  chainId(): string | undefined {
    const b = this.meta.getBinary(META.chainId);
    return b === undefined ? undefined : Buffer.from(b).toString('utf8');
  }
  /** Blocks without children (fork heads), including the best block. */
  leaves(): Uint8Array[] { return splitHashes(this.meta.getBinary(META.leaves)); }

  // ---- writes (each one atomic) --------------------------------------------

  /** Writes the genesis block and its state; refuses if the database already has a genesis. */
  initGenesis(w: { hash: Uint8Array; header: Uint8Array; trieNodes: Map<string, Uint8Array>; chainId: string }): void {
    this.assertOpen();
    this.env.transactionSync(() => {
      if (this.meta.getBinary(META.genesis) !== undefined) throw new StoreError('database already initialised');
      this.putBlock({ hash: w.hash, header: w.header, body: [], trieNodes: w.trieNodes });
      this.canon.put(0, w.hash);
      this.meta.put(META.version, Uint8Array.of(SCHEMA_VERSION));
      this.meta.put(META.genesis, w.hash);
      this.meta.put(META.best, w.hash);
      this.meta.put(META.finalized, w.hash);
      this.meta.put(META.chainId, Buffer.from(w.chainId, 'utf8'));
      this.meta.put(META.leaves, w.hash);
    });
  }

  /** Block + body + state nodes (+ best pointer and canonical index) + justification, in one transaction. */
  commitBlock(w: BlockWrite): void {
    this.assertOpen();
    const { parentHash } = peekHeader(w.header);
    this.env.transactionSync(() => {
      if (!this.headers.doesExist(parentHash)) throw new StoreError(`parent ${hex(parentHash)} of ${hex(w.hash)} is not stored`);
      this.putBlock(w);
      const leaves = splitHashes(this.meta.getBinary(META.leaves)).filter((l) => !sameBytes(l, parentHash) && !sameBytes(l, w.hash));
      leaves.push(w.hash);
      this.meta.put(META.leaves, joinHashes(leaves));
      if (w.setBest) this.writeBest(w.hash);
    });
  }

  /** Marks `hash` finalized (with its justification), optionally moving best, pruning stale leaves. */
  setFinalized(w: FinalizeWrite): void {
    this.assertOpen();
    this.env.transactionSync(() => {
      const header = this.headers.getBinary(w.hash);
      if (header === undefined) throw new StoreError(`cannot finalize unknown block ${hex(w.hash)}`);
      if (w.justification) this.justifications.put(w.hash, w.justification);
      if (w.newBest) this.writeBest(w.newBest);
      this.meta.put(META.finalized, w.hash);
      const finNumber = peekHeader(header).number;
      const kept = splitHashes(this.meta.getBinary(META.leaves)).filter((l) => this.descendsFrom(l, w.hash, finNumber));
      this.meta.put(META.leaves, joinHashes(kept));
    });
  }

  /** Stores a justification for an already finalized block. */
  putJustification(hash: Uint8Array, justification: Uint8Array): void {
    this.assertOpen();
    this.env.transactionSync(() => { this.justifications.put(hash, justification); });
  }

  /** Moves the best pointer (and canonical index) to a stored block. */
  setBest(hash: Uint8Array): void {
    this.assertOpen();
    this.env.transactionSync(() => this.writeBest(hash));
  }

  /** Auxiliary data of other components (e.g. GRANDPA voter state), under `aux:<key>`. */
  getAux(key: string): Uint8Array | undefined { return view(this.meta.getBinary('aux:' + key)); }

  putAux(key: string, value: Uint8Array): void {
    this.assertOpen();
    this.env.transactionSync(() => { this.meta.put('aux:' + key, value); });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.env.close();
  }

  // ---- internals (run inside a write transaction) ---------------------------

  private putBlock(w: Pick<BlockWrite, 'hash' | 'header' | 'body' | 'trieNodes' | 'justification'>): void {
    this.headers.put(w.hash, w.header);
    this.bodies.put(w.hash, encodeBody(w.body));
    if (w.justification) this.justifications.put(w.hash, w.justification);
    if (w.trieNodes) {
      for (const [k, v] of w.trieNodes) this.nodes.put(Buffer.from(k.startsWith('0x') ? k.slice(2) : k, 'hex'), v);
    }
  }

  /** Points best at `hash` and rewrites the canonical index back to the common ancestor. */
  private writeBest(hash: Uint8Array): void {
    const header = this.headers.getBinary(hash);
    if (header === undefined) throw new StoreError(`cannot set unknown block ${hex(hash)} as best`);
    const newNumber = peekHeader(header).number;
    const oldBest = this.meta.getBinary(META.best);
    const oldNumber = oldBest ? peekHeader(this.headers.getBinary(oldBest)!).number : -1;
    for (let n = newNumber + 1; n <= oldNumber; n++) this.canon.remove(n);
    let cur: Uint8Array = hash;
    let n = newNumber;
    for (;;) {
      const existing = this.canon.getBinary(n);
      if (existing !== undefined && sameBytes(existing, cur)) break;
      this.canon.put(n, cur);
      if (n === 0) break;
      const h = this.headers.getBinary(cur);
      if (h === undefined) throw new StoreError(`missing ancestor ${hex(cur)}`);
      cur = new Uint8Array(peekHeader(h).parentHash);
      n--;
    }
    this.meta.put(META.best, hash);
  }

  /** True if `hash` is `ancestor` (at height `ancestorNumber`) or one of its descendants. */
  private descendsFrom(hash: Uint8Array, ancestor: Uint8Array, ancestorNumber: number): boolean {
    let cur = hash;
    for (;;) {
      const h = this.headers.getBinary(cur);
      if (h === undefined) return false;
      const { parentHash, number } = peekHeader(h);
      if (number < ancestorNumber) return false;
      if (number === ancestorNumber) return sameBytes(cur, ancestor);
      cur = new Uint8Array(parentHash);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('database is closed');
  }
}

function splitHashes(b: Uint8Array | undefined): Uint8Array[] {
  const out: Uint8Array[] = [];
  if (!b) return out;
  for (let i = 0; i + 32 <= b.length; i += 32) out.push(new Uint8Array(b.subarray(i, i + 32)));
  return out;
}

function joinHashes(hs: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(hs.length * 32);
  hs.forEach((h, i) => out.set(h, i * 32));
  return out;
}
