// Writes decoded blocks and rolls back retracted ones; every block with its rows in one transaction.
import type { Sql } from './db.ts';
import type { DecodedBlock } from './decode.ts';
import type { DomainRows, Row } from './domain.ts';

const SNAPSHOT_TABLES = ['datanet_snapshots', 'contribution_snapshots', 'model_snapshots', 'inference_snapshots', 'node_snapshots'];

/** INSERT of one row whose keys are the column names (arrays and objects go to jsonb columns). */
async function insertRow(tx: Sql, table: string, row: Row): Promise<void> {
  const cols = Object.keys(row);
  const values = cols.map((c) => { const v = row[c]; return v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v; });
  await tx.query(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, values);
}

/** A block's domain rows: each changed object's new snapshot becomes the latest one; event rows are appended. */
async function insertDomain(tx: Sql, blockNumber: number, { snapshots, rows }: DomainRows): Promise<void> {
  for (const { table, id, row } of snapshots) {
    const [prev] = await tx.query(`UPDATE ${table} SET latest = false WHERE id = $1 AND latest RETURNING *`, [id]);
    // an object that left the chain state (a withdrawn node) keeps its last known fields
    const state = row ?? (prev ? { ...prev, status: 'Withdrawn' } : undefined);
    if (state) await insertRow(tx, table, { ...state, id, block_number: blockNumber, latest: true });
  }
  for (const { table, row } of rows) await insertRow(tx, table, row);
}

export async function tip(db: Sql): Promise<{ number: number; hash: string } | undefined> {
  return (await db.query<{ number: number; hash: string }>('SELECT number, hash FROM blocks ORDER BY number DESC LIMIT 1'))[0];
}

export async function storedHash(db: Sql, number: number): Promise<string | undefined> {
  return (await db.query<{ hash: string }>('SELECT hash FROM blocks WHERE number = $1', [number]))[0]?.hash;
}

/** Inserts the blocks (consecutive, ascending) with their extrinsics, events, transfers and accounts in one transaction. */
export async function insertBlocks(db: Sql, blocks: DecodedBlock[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const { block: b, extrinsics, events, transfers, domain } of blocks) {
      await tx.query(
        `INSERT INTO blocks (number, hash, parent_hash, state_root, extrinsics_root, author, timestamp, spec_version, extrinsic_count, event_count)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [b.number, b.hash, b.parentHash, b.stateRoot, b.extrinsicsRoot, b.author, b.timestamp, b.specVersion, b.extrinsicCount, b.eventCount]);
      for (const e of extrinsics) {
        await tx.query(
          `INSERT INTO extrinsics (block_number, index, hash, signer, pallet, call, args, fee, tip, success, error)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [b.number, e.index, e.hash, e.signer, e.pallet, e.call, JSON.stringify(e.args), e.fee, e.tip, e.success, e.error]);
      }
      for (const e of events) {
        await tx.query('INSERT INTO events (block_number, index, phase, extrinsic_index, pallet, name, data) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [b.number, e.index, e.phase, e.extrinsicIndex, e.pallet, e.name, JSON.stringify(e.data)]);
      }
      for (const t of transfers) {
        await tx.query('INSERT INTO transfers (block_number, event_index, extrinsic_index, from_address, to_address, amount) VALUES ($1, $2, $3, $4, $5, $6)',
          [b.number, t.eventIndex, t.extrinsicIndex, t.from, t.to, t.amount]);
      }
      const seen = new Set([...extrinsics.flatMap((e) => e.signer ? [e.signer] : []), ...transfers.flatMap((t) => [t.from, t.to])]);
      for (const address of seen) {
        await tx.query(`INSERT INTO accounts (address, last_seen_block) VALUES ($1, $2)
          ON CONFLICT (address) DO UPDATE SET last_seen_block = GREATEST(accounts.last_seen_block, EXCLUDED.last_seen_block)`, [address, b.number]);
      }
      await insertDomain(tx, b.number, domain);
    }
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
