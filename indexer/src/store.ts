// Writes decoded blocks and rolls back retracted ones; every block with its rows in one transaction.
import type { Sql } from './db.ts';
import type { DecodedBlock } from './decode.ts';
import type { DomainRows, Row } from './domain.ts';

const SNAPSHOT_TABLES = ['datanet_snapshots', 'contribution_snapshots', 'model_snapshots', 'inference_snapshots', 'node_snapshots'];

/**
 * JSON text, a BigInt (an int8 column read back beyond 2^53, a u128 field) as its decimal digits, which PostgreSQL reads
 * as the number. A replacer slows JSON.stringify down for every value, so it is only used when a BigInt makes the plain
 * call throw.
 */
function jsonText(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x));
  }
}

/**
 * UTF-8 JSON of rows. Bytes go as a binary json parameter, copied as they are by both clients (db.ts). TextEncoder gives
 * the bytes an ArrayBuffer of their own (Buffer.from may share a pooled one), so a decoding thread can transfer them
 * without a copy.
 */
const rowsJson = (rows: Row[]): Uint8Array => utf8.encode(jsonText(rows));
const utf8 = new TextEncoder();

/**
 * Inserts `rows` (objects keyed by column name; arrays and objects go to jsonb columns) in one statement whatever their
 * number: the rows travel as one JSON parameter that json_populate_recordset turns into the table's row type, each field
 * converted to its column's type. One parameter to bind and a short statement to plan, where a multi-row VALUES list has a
 * parameter per value (and at most 65,535 of them).
 */
async function insertMany(tx: Sql, table: string, cols: string[], rows: Row[]): Promise<void> {
  if (rows.length) await insertJson(tx, { table, cols, data: rowsJson(rows) });
}

/**
 * Rows of one table, in COPY's text format (`copy`: appended with Sql.copyIn) or as JSON (inserted by insertJson, which
 * can resolve a conflict with a stored row).
 */
export interface TableRows { table: string; cols: string[]; format: 'copy' | 'json'; data: Uint8Array }

/** A value in COPY's text format: null as \N; a backslash, tab, newline or carriage return escaped. */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  const s = typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : String(v);
  return s.replace(COPY_ESCAPES, (c) => COPY_ESCAPE[c]);
}
const COPY_ESCAPES = /[\\\t\n\r]/g;
const COPY_ESCAPE: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Rows in COPY's text format: a line per row, its `cols` separated by tabs. */
function copyText(rows: Row[], cols: string[]): Uint8Array {
  let out = '';
  for (const r of rows) out += `${cols.map((c) => copyValue(r[c])).join('\t')}\n`;
  return utf8.encode(out);
}

/** What a table's insert does with a row that is already there (an account seen again: its newest block). */
const ON_CONFLICT: Record<string, string> = {
  accounts: ' ON CONFLICT (address) DO UPDATE SET last_seen_block = GREATEST(accounts.last_seen_block, EXCLUDED.last_seen_block)',
};

async function insertJson(tx: Sql, { table, cols, data }: Pick<TableRows, 'table' | 'cols' | 'data'>): Promise<void> {
  const list = cols.map((c) => `"${c}"`).join(', ');
  await tx.query(`INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1::json)${ON_CONFLICT[table] ?? ''}`, [data]);
}

/** Inserts rows given as objects whose keys are the column names, grouped by table and column set, tables in first-seen order. */
async function insertRows(tx: Sql, rows: { table: string; row: Row }[]): Promise<void> {
  const groups = new Map<string, { table: string; cols: string[]; rows: Row[] }>();
  for (const { table, row } of rows) {
    const cols = Object.keys(row);
    const key = `${table}(${cols.join(',')})`;
    let g = groups.get(key);
    if (!g) groups.set(key, g = { table, cols, rows: [] });
    g.rows.push(row);
  }
  for (const g of groups.values()) await insertMany(tx, g.table, g.cols, g.rows);
}

/**
 * The batch's domain rows. Each changed object's snapshot becomes its latest one, in block order: the stored latest one (one
 * UPDATE per table for the whole batch) and the batch's earlier ones are no longer latest. An object that left the chain
 * state (a withdrawn node) keeps its last known fields, marked Withdrawn. Event rows are appended.
 */
async function insertDomain(tx: Sql, blocks: { number: number; domain: DomainRows }[]): Promise<void> {
  const byTable = new Map<string, { id: string; block: number; row: Row | null }[]>();
  for (const { number, domain } of blocks) {
    for (const { table, id, row } of domain.snapshots) {
      let list = byTable.get(table);
      if (!list) byTable.set(table, list = []);
      list.push({ id, block: number, row });
    }
  }
  const inserts: { table: string; row: Row }[] = [];
  for (const [table, list] of byTable) {
    const ids = [...new Set(list.map((s) => s.id))];
    const stored = await tx.query(`UPDATE ${table} SET latest = false WHERE id = ANY($1) AND latest RETURNING *`, [ids]);
    const last = new Map<string, Row>(stored.map((r) => [String(r.id), r]));
    const newest = new Map<string, Row>();
    for (const { id, block, row } of list) {
      const prev = last.get(id);
      const state = row ?? (prev ? { ...prev, status: 'Withdrawn' } : undefined);
      if (!state) continue;
      const next: Row = { ...state, id, block_number: block, latest: true };
      const before = newest.get(id);
      if (before) before.latest = false;
      newest.set(id, next);
      last.set(id, next);
      inserts.push({ table, row: next });
    }
  }
  for (const { domain } of blocks) inserts.push(...domain.rows);
  await insertRows(tx, inserts);
}

export async function tip(db: Sql): Promise<{ number: number; hash: string } | undefined> {
  return (await db.query<{ number: number; hash: string }>('SELECT number, hash FROM blocks ORDER BY number DESC LIMIT 1'))[0];
}

export async function storedHash(db: Sql, number: number): Promise<string | undefined> {
  return (await db.query<{ hash: string }>('SELECT hash FROM blocks WHERE number = $1', [number]))[0]?.hash;
}

const superuser = new WeakMap<Sql, Promise<boolean>>();
/** Whether the database's user may set session_replication_role (a superuser: PGlite's, or a PostgreSQL one). */
function isSuperuser(db: Sql): Promise<boolean> {
  let p = superuser.get(db);
  if (!p) {
    p = db.query<{ su: boolean }>("SELECT current_setting('is_superuser') = 'on' AS su").then((r) => r[0].su);
    p.catch(() => superuser.delete(db));
    superuser.set(db, p);
  }
  return p;
}

/** A block as the ingester links it to its parent and the live stream announces it. */
export type StoredBlock = Pick<DecodedBlock, 'block' | 'transfers'>;

/**
 * Decoded blocks (consecutive, ascending) ready to write: the chain tables' rows already as bytes (TableRows), so that a
 * decoding thread does that work and hands them over without a copy; domain rows stay objects (their snapshots are merged
 * with the stored ones).
 */
export interface PreparedBatch { blocks: StoredBlock[]; tables: TableRows[]; domain: { number: number; domain: DomainRows }[] }

/** `finalized`: the node's finalized height; the blocks up to it are stored as finalized (no UPDATE of them afterwards). */
export function prepareBatch(blocks: DecodedBlock[], finalized = -1): PreparedBatch {
  const blockRows = blocks.map(({ block: b }) => ({
    number: b.number, hash: b.hash, parent_hash: b.parentHash, state_root: b.stateRoot, extrinsics_root: b.extrinsicsRoot, author: b.author,
    timestamp: b.timestamp, spec_version: b.specVersion, extrinsic_count: b.extrinsicCount, event_count: b.eventCount, finalized: b.number <= finalized,
  }));
  const extrinsicRows = blocks.flatMap(({ block: b, extrinsics }) => extrinsics.map((e) => ({
    block_number: b.number, index: e.index, hash: e.hash, signer: e.signer, pallet: e.pallet, call: e.call, args: jsonText(e.args), fee: e.fee, tip: e.tip,
    success: e.success, error: e.error,
  })));
  const eventRows = blocks.flatMap(({ block: b, events }) => events.map((e) => ({
    block_number: b.number, index: e.index, phase: e.phase, extrinsic_index: e.extrinsicIndex, pallet: e.pallet, name: e.name, data: jsonText(e.data),
  })));
  const transferRows = blocks.flatMap(({ block: b, transfers }) => transfers.map((t) => ({
    block_number: b.number, event_index: t.eventIndex, extrinsic_index: t.extrinsicIndex, from_address: t.from, to_address: t.to, amount: t.amount,
  })));
  // each account once, at the newest block of the batch that saw it
  const seen = new Map<string, number>();
  for (const { block: b, extrinsics, transfers } of blocks) {
    for (const e of extrinsics) if (e.signer) seen.set(e.signer, b.number);
    for (const t of transfers) { seen.set(t.from, b.number); seen.set(t.to, b.number); }
  }
  const accountRows = [...seen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([address, last_seen_block]) => ({ address, last_seen_block }));
  // new rows are appended with COPY; accounts may be stored already (their newest block is kept)
  const tables: [string, Row[], TableRows['format']][] = [['blocks', blockRows, 'copy'], ['extrinsics', extrinsicRows, 'copy'], ['events', eventRows, 'copy'],
    ['transfers', transferRows, 'copy'], ['accounts', accountRows, 'json']];
  return {
    blocks: blocks.map(({ block, transfers }) => ({ block, transfers })),
    tables: tables.filter(([, rows]) => rows.length).map(([table, rows, format]) => {
      const cols = Object.keys(rows[0]);
      return { table, cols, format, data: format === 'copy' ? copyText(rows, cols) : rowsJson(rows) };
    }),
    domain: blocks.map(({ block, domain }) => ({ number: block.number, domain })),
  };
}

/** Consecutive prepared batches as one: their tables are written part after part (each part's blocks before its rows). */
export function concatBatches(parts: PreparedBatch[]): PreparedBatch {
  return { blocks: parts.flatMap((p) => p.blocks), tables: parts.flatMap((p) => p.tables), domain: parts.flatMap((p) => p.domain) };
}

/** Writes a prepared batch (blocks with their extrinsics, events, transfers, accounts and domain rows) in one transaction. */
export async function insertBatch(db: Sql, batch: PreparedBatch): Promise<void> {
  const bulk = await isSuperuser(db);
  await db.transaction(async (tx) => {
    // Every row below references a block inserted just before it in this transaction, so the foreign-key checks (a query
    // per row, a third of the writing time on PGlite) can only pass: skipped for this transaction where the user may
    // (the schema has no other triggers). Elsewhere they run.
    if (bulk) await tx.query('SET LOCAL session_replication_role = replica');
    for (const t of batch.tables) await (t.format === 'copy' ? tx.copyIn(t.table, t.cols, t.data) : insertJson(tx, t));
    await insertDomain(tx, batch.domain);
  });
}

/** Inserts the blocks (consecutive, ascending) with all their rows in one transaction. */
export const insertBlocks = (db: Sql, blocks: DecodedBlock[]): Promise<void> => insertBatch(db, prepareBatch(blocks));

/** Deletes the blocks from `from` on (a retracted fork) and recomputes the accounts they touched. Finalized blocks are never deleted. */
export async function rollbackFrom(db: Sql, from: number): Promise<void> {
  await db.transaction(async (tx) => {
    const final = await tx.query('SELECT 1 FROM blocks WHERE number >= $1 AND finalized LIMIT 1', [from]);
    if (final.length) throw new Error(`refusing to roll back finalized block(s) from #${from}: the node's chain disagrees with finalized data`);
    await tx.query('DELETE FROM blocks WHERE number >= $1', [from]);
    await tx.query(`WITH seen AS (
        SELECT a.address, (SELECT max(n) FROM (
          SELECT max(block_number) AS n FROM extrinsics WHERE signer = a.address
          UNION ALL SELECT max(block_number) FROM transfers WHERE from_address = a.address OR to_address = a.address) s) AS last
        FROM accounts a WHERE a.last_seen_block >= $1)
      UPDATE accounts SET last_seen_block = seen.last FROM seen WHERE accounts.address = seen.address AND seen.last IS NOT NULL`, [from]);
    await tx.query('DELETE FROM accounts WHERE last_seen_block >= $1', [from]);
    // the newest snapshot left of each object whose latest one was rolled back becomes the latest again
    for (const t of SNAPSHOT_TABLES) {
      await tx.query(`UPDATE ${t} SET latest = true FROM (SELECT id, max(block_number) AS b FROM ${t} GROUP BY id HAVING NOT bool_or(latest)) m
        WHERE ${t}.id = m.id AND ${t}.block_number = m.b`);
    }
  });
}

export async function markFinalized(db: Sql, upTo: number): Promise<void> {
  await db.query('UPDATE blocks SET finalized = true WHERE number <= $1 AND NOT finalized', [upTo]);
}
