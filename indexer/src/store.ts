// Writes decoded blocks and rolls back retracted ones; every block with its rows in one transaction.
import type { Sql } from './db.ts';
import type { DecodedBlock } from './decode.ts';
import type { DomainRows, Row } from './domain.ts';

const SNAPSHOT_TABLES = ['datanet_snapshots', 'contribution_snapshots', 'model_snapshots', 'inference_snapshots', 'node_snapshots'];

/** PostgreSQL takes at most 65,535 bind parameters per statement; stay well below. */
const MAX_PARAMS = 30_000;

/** A value as bound: arrays and objects (not dates) go to jsonb columns as JSON text. */
const bind = (v: unknown) => (v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v);

/** Multi-row INSERTs of `rows` (values in `cols` order), as few statements as the parameter limit allows. */
async function insertMany(tx: Sql, table: string, cols: string[], rows: unknown[][], suffix = ''): Promise<void> {
  const per = Math.max(1, Math.floor(MAX_PARAMS / cols.length));
  for (let at = 0; at < rows.length; at += per) {
    const chunk = rows.slice(at, at + per);
    const params: unknown[] = [];
    const tuples = chunk.map((r) => `(${r.map((v) => { params.push(v); return `$${params.length}`; }).join(', ')})`);
    await tx.query(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${tuples.join(', ')}${suffix}`, params);
  }
}

/** Inserts rows given as objects whose keys are the column names, grouped by table and column set, tables in first-seen order. */
async function insertRows(tx: Sql, rows: { table: string; row: Row }[]): Promise<void> {
  const groups = new Map<string, { table: string; cols: string[]; values: unknown[][] }>();
  for (const { table, row } of rows) {
    const cols = Object.keys(row);
    const key = `${table}(${cols.join(',')})`;
    let g = groups.get(key);
    if (!g) groups.set(key, g = { table, cols, values: [] });
    g.values.push(cols.map((c) => bind(row[c])));
  }
  for (const g of groups.values()) await insertMany(tx, g.table, g.cols, g.values);
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

/** Inserts the blocks (consecutive, ascending) with their extrinsics, events, transfers and accounts in one transaction. */
export async function insertBlocks(db: Sql, blocks: DecodedBlock[]): Promise<void> {
  const blockRows = blocks.map(({ block: b }) => [b.number, b.hash, b.parentHash, b.stateRoot, b.extrinsicsRoot, b.author, b.timestamp, b.specVersion, b.extrinsicCount, b.eventCount]);
  const extrinsicRows = blocks.flatMap(({ block: b, extrinsics }) => extrinsics.map((e) =>
    [b.number, e.index, e.hash, e.signer, e.pallet, e.call, JSON.stringify(e.args), e.fee, e.tip, e.success, e.error]));
  const eventRows = blocks.flatMap(({ block: b, events }) => events.map((e) => [b.number, e.index, e.phase, e.extrinsicIndex, e.pallet, e.name, JSON.stringify(e.data)]));
  const transferRows = blocks.flatMap(({ block: b, transfers }) => transfers.map((t) => [b.number, t.eventIndex, t.extrinsicIndex, t.from, t.to, t.amount]));
  // each account once, at the newest block of the batch that saw it
  const seen = new Map<string, number>();
  for (const { block: b, extrinsics, transfers } of blocks) {
    for (const e of extrinsics) if (e.signer) seen.set(e.signer, b.number);
    for (const t of transfers) { seen.set(t.from, b.number); seen.set(t.to, b.number); }
  }
  await db.transaction(async (tx) => {
    await insertMany(tx, 'blocks', ['number', 'hash', 'parent_hash', 'state_root', 'extrinsics_root', 'author', 'timestamp', 'spec_version', 'extrinsic_count', 'event_count'], blockRows);
    await insertMany(tx, 'extrinsics', ['block_number', 'index', 'hash', 'signer', 'pallet', 'call', 'args', 'fee', 'tip', 'success', 'error'], extrinsicRows);
    await insertMany(tx, 'events', ['block_number', 'index', 'phase', 'extrinsic_index', 'pallet', 'name', 'data'], eventRows);
    await insertMany(tx, 'transfers', ['block_number', 'event_index', 'extrinsic_index', 'from_address', 'to_address', 'amount'], transferRows);
    await insertMany(tx, 'accounts', ['address', 'last_seen_block'], [...seen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      ' ON CONFLICT (address) DO UPDATE SET last_seen_block = GREATEST(accounts.last_seen_block, EXCLUDED.last_seen_block)');
    await insertDomain(tx, blocks.map(({ block, domain }) => ({ number: block.number, domain })));
  });
}

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
