// The content store: blobs keyed by their blake2-256 hash in an LMDB
// environment of their own (`<chain>/db/content`), next to the chain database.
//
// Every write hashes the bytes first and refuses a mismatch or an oversized
// blob. A blob and the running totals are committed in one LMDB transaction,
// so a `kill -9` leaves either the whole blob or nothing (LMDB commits by an
// atomic meta-page switch): a stored blob always matches its key.
import { blake2_256, DATANETS_LIMITS, equalBytes } from '@slmnet/runtime-spec';
import { open, type Database, type RootDatabase } from 'lmdb';
import { mkdirSync } from 'node:fs';
import { hex } from '../db/codec.ts';

/** The runtime's limit on a contribution's size: larger blobs are refused. */
export const MAX_CONTENT_SIZE = DATANETS_LIMITS.MaxContentSize;

export class ContentError extends Error {
  constructor(readonly kind: 'too-large' | 'hash-mismatch', message: string) {
    super(message);
  }
}

export const tooLarge = (size: number | string) =>
  new ContentError('too-large', `content of ${size} bytes exceeds the limit of ${MAX_CONTENT_SIZE} bytes (Datanets MaxContentSize)`);

export interface ContentStats { blobs: number; bytes: number }
/** A removal the replicator scheduled: `hash` goes at finalized block `due` unless pinned then. */
export interface ScheduledRemoval { hash: Uint8Array; due: number }
/** Up to which finalized block the replicator has looked at accepted contributions. */
export interface ReplicationCursor { number: number; hash: Uint8Array }

/** What RPC and HTTP offer of the store (service.ts adds fetching from peers and the orphan deadline of uploads). */
export interface ContentApi {
  put(bytes: Uint8Array, expected?: Uint8Array): Promise<{ hash: Uint8Array; size: number; stored: boolean }>;
  has(hash: Uint8Array): boolean;
  /** Local bytes, else fetched (and verified) from peers. */
  fetch(hash: Uint8Array): Promise<Uint8Array | undefined>;
  stats(): ContentStats & { missing: number };
}

const STATS = 'stats';
const CURSOR = 'replicated';

export class ContentStore {
  private readonly env: RootDatabase;
  private readonly blobs: Database<Uint8Array, Uint8Array>;
  private readonly meta: Database<Uint8Array, string>;
  /** Hashes the replicator still has to fetch (survives restarts). */
  private readonly wanted: Database<Uint8Array, Uint8Array>;
  /** Scheduled removals keyed by u32 BE due block ++ hash, so they iterate in due order. */
  private readonly gc: Database<Uint8Array, Uint8Array>;
  /** Uploads no finalized block has referenced yet: hash → u32 LE due block. */
  private readonly orphans: Database<Uint8Array, Uint8Array>;
  /** Hashes finalized blocks recorded as inference outputs: never removed (a pending inference needs them). */
  private readonly outputs: Database<Uint8Array, Uint8Array>;

  private constructor(readonly path: string) {
    mkdirSync(path, { recursive: true });
    this.env = open({ path, compression: false, maxDbs: 8 });
    const bin = { encoding: 'binary' as const, keyEncoding: 'binary' as const, compression: false };
    this.blobs = this.env.openDB('blobs', bin);
    this.meta = this.env.openDB('meta', { encoding: 'binary', compression: false });
    this.wanted = this.env.openDB('wanted', bin);
    this.gc = this.env.openDB('gc', bin);
    this.orphans = this.env.openDB('orphans', bin);
    this.outputs = this.env.openDB('outputs', bin);
  }

  static open(path: string): ContentStore {
    return new ContentStore(path);
  }

  has(hash: Uint8Array): boolean { return this.blobs.doesExist(hash); }

  get(hash: Uint8Array): Uint8Array | undefined {
    const b = this.blobs.getBinary(hash);
    return b === undefined ? undefined : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  }

  /**
   * Verifies and stores `bytes`; `expected` (the hash the caller claims) must match.
   * Throws ContentError, storing nothing, for a blob over the limit or a mismatch.
   * `orphanDue`: a new upload is removed at that finalized block unless a block references it first.
   */
  async put(bytes: Uint8Array, expected?: Uint8Array, orphanDue?: number): Promise<{ hash: Uint8Array; size: number; stored: boolean }> {
    if (bytes.length > MAX_CONTENT_SIZE) throw tooLarge(bytes.length);
    const hash = blake2_256(bytes);
    if (expected && !equalBytes(expected, hash)) {
      throw new ContentError('hash-mismatch', `content hashes to ${hex(hash)}, not ${hex(expected)}`);
    }
    const stored = await this.env.transaction(() => {
      if (this.blobs.doesExist(hash)) return false;
      const s = this.stats();
      this.blobs.put(hash, bytes);
      this.wanted.remove(hash);
      if (orphanDue !== undefined) this.orphans.put(hash, u32(orphanDue));
      this.meta.put(STATS, encodeStats({ blobs: s.blobs + 1, bytes: s.bytes + bytes.length }));
      return true;
    });
    return { hash, size: bytes.length, stored };
  }

  /** Removes a blob (no-op if absent). */
  async delete(hash: Uint8Array): Promise<boolean> {
    return this.env.transaction(() => this.deleteIn(hash));
  }

  private deleteIn(hash: Uint8Array): boolean {
    const b = this.blobs.getBinary(hash);
    if (!b) return false;
    const s = this.stats();
    this.blobs.remove(hash);
    this.meta.put(STATS, encodeStats({ blobs: s.blobs - 1, bytes: s.bytes - b.length }));
    return true;
  }

  wantedHashes(): Uint8Array[] {
    return [...this.wanted.getKeys()].map((k) => new Uint8Array(k));
  }

  /**
   * Records one scanned finalized block atomically: the cursor moves with what the block made wanted,
   * referenced (no longer orphan), an output and removable, so a crash between blocks neither skips
   * nor repeats one.
   */
  async recordScan(cursor: ReplicationCursor, scan: {
    wanted: Uint8Array[]; referenced: Uint8Array[]; outputs: Uint8Array[]; removals: ScheduledRemoval[];
  }): Promise<void> {
    await this.env.transaction(() => {
      for (const h of scan.wanted) this.wanted.put(h, EMPTY);
      for (const h of scan.referenced) this.orphans.remove(h);
      for (const h of scan.outputs) this.outputs.put(h, EMPTY);
      for (const r of scan.removals) this.gc.put(gcKey(r), EMPTY);
      this.meta.put(CURSOR, encodeCursor(cursor));
    });
  }

  isOutput(hash: Uint8Array): boolean { return this.outputs.doesExist(hash); }

  /** Uploads still unreferenced at finalized block `n` whose grace is over (few: only recent uploads are orphans). */
  dueOrphans(n: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (const { key, value } of this.orphans.getRange()) {
      const v = value as Uint8Array;
      if (new DataView(v.buffer, v.byteOffset, 4).getUint32(0, true) <= n) out.push(new Uint8Array(key as Uint8Array));
    }
    return out;
  }

  /** Forgets an orphan entry, deleting the blob too when `remove`; true if a blob went. */
  async removeOrphan(hash: Uint8Array, remove: boolean): Promise<boolean> {
    return this.env.transaction(() => {
      this.orphans.remove(hash);
      return remove ? this.deleteIn(hash) : false;
    });
  }

  /** Scheduled removals due at or before finalized block `n`. */
  dueRemovals(n: number): ScheduledRemoval[] {
    const out: ScheduledRemoval[] = [];
    for (const k of this.gc.getKeys({ end: gcKey({ due: n + 1, hash: new Uint8Array(32) }) })) {
      const key = k as Uint8Array;
      out.push({ due: new DataView(key.buffer, key.byteOffset, 4).getUint32(0, false), hash: new Uint8Array(key.subarray(4)) });
    }
    return out;
  }

  /** Drops a scheduled removal, deleting the blob too when `remove` (it is unpinned); true if a blob went. */
  async removeScheduled(r: ScheduledRemoval, remove: boolean): Promise<boolean> {
    const gone = remove ? await this.delete(r.hash) : false;
    await this.gc.remove(gcKey(r));
    return gone;
  }

  stats(): ContentStats {
    const b = this.meta.getBinary(STATS);
    if (!b) return { blobs: 0, bytes: 0 };
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    return { blobs: Number(v.getBigUint64(0, true)), bytes: Number(v.getBigUint64(8, true)) };
  }

  replicationCursor(): ReplicationCursor | undefined {
    const b = this.meta.getBinary(CURSOR);
    if (!b || b.length !== 36) return undefined;
    return { number: new DataView(b.buffer, b.byteOffset, 4).getUint32(0, true), hash: new Uint8Array(b.subarray(4)) };
  }

  async close(): Promise<void> { await this.env.close(); }
}

const EMPTY = new Uint8Array(0);

function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n, true);
  return b;
}

function gcKey(r: ScheduledRemoval): Uint8Array {
  const k = new Uint8Array(36);
  new DataView(k.buffer).setUint32(0, r.due, false);
  k.set(r.hash, 4);
  return k;
}

function encodeCursor(c: ReplicationCursor): Uint8Array {
  const b = new Uint8Array(36);
  new DataView(b.buffer).setUint32(0, c.number, true);
  b.set(c.hash, 4);
  return b;
}

function encodeStats(s: ContentStats): Uint8Array {
  const b = new Uint8Array(16);
  const v = new DataView(b.buffer);
  v.setBigUint64(0, BigInt(s.blobs), true);
  v.setBigUint64(8, BigInt(s.bytes), true);
  return b;
}
