// A long catch-up writes extrinsics and transfers without their secondary indexes and builds them at its end: keeping an
// index up to date row by row costs more than building it once over the whole table (sorted, in bulk). The events' index
// is kept: building it over 600,000 events takes 1.4 s at the end, while keeping it up to date mostly fills time the
// writing thread would spend waiting for decoded batches (measured over 10,000 busy blocks on PGlite: 0.3 s faster).
import type { Sql } from './db.ts';

/** Tables written much per block, whose secondary indexes serve only the API's filters. */
const BULK_TABLES = ['extrinsics', 'transfers'];

/**
 * Drops the bulk tables' secondary indexes (not those of primary keys or unique constraints), recording in
 * deferred_indexes how to build each again, in one transaction. Returns how many it dropped.
 */
export async function deferIndexes(db: Sql): Promise<number> {
  return db.transaction(async (tx) => {
    const indexes = await tx.query<{ name: string; definition: string }>(`SELECT i.indexname AS name, i.indexdef AS definition
      FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = i.schemaname
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)
      ORDER BY i.indexname`, [BULK_TABLES]);
    for (const { name, definition } of indexes) {
      await tx.query('INSERT INTO deferred_indexes (name, definition) VALUES ($1, $2)', [name, definition]);
      await tx.exec(`DROP INDEX "${name}"`);
    }
    return indexes.length;
  });
}

/** How many indexes are deferred: a catch-up without them is under way (or was interrupted). */
export async function deferredCount(db: Sql): Promise<number> {
  return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM deferred_indexes'))[0].n;
}

/** Builds the deferred indexes again, each in a transaction that also removes it from deferred_indexes. */
export async function restoreIndexes(db: Sql, log?: (line: string) => void): Promise<void> {
  const deferred = await db.query<{ name: string; definition: string }>('SELECT name, definition FROM deferred_indexes ORDER BY name');
  if (deferred.length) log?.(`building the ${deferred.length} indexes deferred during the catch-up`);
  for (const { name, definition } of deferred) {
    await db.transaction(async (tx) => {
      await tx.exec(definition);
      await tx.query('DELETE FROM deferred_indexes WHERE name = $1', [name]);
    });
  }
}
