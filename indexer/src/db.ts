// The indexer's SQL storage: a tiny interface over PGlite (PostgreSQL can implement it later with the same SQL).
import { PGlite } from '@electric-sql/pglite';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type Row = Record<string, unknown>;

export interface Sql {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `f` in one transaction: all of its writes or none. Inside `f`, use only `tx`. */
  transaction<T>(f: (tx: Sql) => Promise<T>): Promise<T>;
}

export interface Database extends Sql {
  close(): Promise<void>;
}

type PgQueries = Pick<PGlite, 'query' | 'exec'>;

const wrap = (pg: PgQueries, transaction: Sql['transaction']): Sql => ({
  query: async <T extends Row>(sql: string, params: unknown[] = []) => (await pg.query<T>(sql, params)).rows,
  exec: async (sql) => { await pg.exec(sql); },
  transaction,
});

/** Opens (creating if needed) a PGlite database in `dir`; in memory without `dir`. */
export async function openPglite(dir?: string): Promise<Database> {
  const pg = await PGlite.create(dir);
  const db: Sql = wrap(pg, (f) => pg.transaction((tx) => {
    const inner: Sql = wrap(tx, (g) => g(inner));
    return f(inner);
  }));
  return { ...db, close: () => pg.close() };
}

export const MIGRATIONS_DIR = resolve(import.meta.dirname, '../migrations');

export interface Migration { version: number; name: string; sql: string }

/** The `NNN_name.sql` files of `dir`, in version order. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const list = readdirSync(dir).filter((f) => f.endsWith('.sql')).map((f) => {
    const m = /^(\d+)_([\w-]+)\.sql$/.exec(f);
    if (!m) throw new Error(`migration file ${f} is not named NNN_name.sql`);
    return { version: Number(m[1]), name: m[2], sql: readFileSync(join(dir, f), 'utf8') };
  }).sort((a, b) => a.version - b.version);
  list.forEach((m, i) => { if (i > 0 && list[i - 1].version === m.version) throw new Error(`two migrations numbered ${m.version}`); });
  return list;
}

/** Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction; returns the versions applied. */
export async function migrate(db: Sql, migrations = readMigrations()): Promise<number[]> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  const done = new Set((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    });
    applied.push(m.version);
  }
  return applied;
}
