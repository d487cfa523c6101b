// The indexer's SQL storage: a tiny interface over embedded PGlite or a real PostgreSQL server (`pg`), with the same SQL,
// the same migrations and the same JS values in rows.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import pgCopy from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type Row = Record<string, unknown>;

export interface Sql {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Appends rows to `table` given in COPY's text format (columns `cols` separated by tabs, a row per line, `\N` for null):
   * PostgreSQL's bulk path, which writes rows a page at a time (a fifth less work than INSERT for the events table).
   */
  copyIn(table: string, cols: string[], text: Uint8Array): Promise<void>;
  /** Runs `f` in one transaction: all of its writes or none. Inside `f`, use only `tx`. */
  transaction<T>(f: (tx: Sql) => Promise<T>): Promise<T>;
}

export interface Database extends Sql {
  close(): Promise<void>;
}

type PgQueries = Pick<PGlite, 'query' | 'exec'>;
const copyStatement = (table: string, cols: string[], source: string) => `COPY ${table} (${cols.map((c) => `"${c}"`).join(', ')}) FROM ${source}`;

/**
 * A json parameter given as bytes (UTF-8 JSON) is sent as they are, in binary format (for json, the text itself), as `pg`
 * does with a Buffer: PGlite would otherwise JSON.stringify it, and a string parameter is measured and encoded character by
 * character in JavaScript (seconds for a catch-up's megabytes of rows).
 */
const JSON_OID = 114;
const QUERY_OPTIONS = { serializers: { [JSON_OID]: (v: unknown) => (v instanceof Uint8Array || typeof v === 'string' ? v : JSON.stringify(v)) } };

const wrap = (pg: PgQueries, transaction: Sql['transaction']): Sql => ({
  query: async <T extends Row>(sql: string, params: unknown[] = []) => (await pg.query<T>(sql, params, QUERY_OPTIONS as never)).rows,
  exec: async (sql) => { await pg.exec(sql); },
  // PGlite reads COPY's input from its /dev/blob device
  copyIn: async (table, cols, text) => { await pg.query(copyStatement(table, cols, "'/dev/blob'"), [], { blob: new Blob([text as Uint8Array<ArrayBuffer>]) }); },
  transaction,
});

/**
 * New WAL segments are created without writing 16 MB of zeros each (PGlite runs with fsync off, so preallocating buys
 * nothing): half a gigabyte less written in a 10,000-block catch-up.
 */
const PGLITE_PARAMS = [...PGlite.defaultStartParams, '-c', 'wal_init_zero=off'];

/** Opens (creating if needed) a PGlite database in `dir`; in memory without `dir`. */
export async function openPglite(dir?: string): Promise<Database> {
  const pg = await PGlite.create(dir, { startParams: PGLITE_PARAMS });
  const db: Sql = wrap(pg, (f) => pg.transaction((tx) => {
    const inner: Sql = wrap(tx, (g) => g(inner));
    return f(inner);
  }));
  return { ...db, close: () => pg.close() };
}

/**
 * Text parsers making `pg` return what PGlite returns (pg's defaults differ): int8 (count(*), bigint columns) a number when
 * safe, else a BigInt (pg: a string); date/timestamp/timestamptz `new Date(text)`, ±Infinity for ±infinity; bytea a plain
 * Uint8Array (pg: a Buffer); arrays of those element-wise. The rest (int2/int4, numeric as a string, boolean, text, json/jsonb
 * parsed, floats) already agree. Set on the pool only: pg's global parsers are left alone.
 */
const parseInt8 = (v: string): number | bigint => {
  const n = BigInt(v);
  return n < Number.MIN_SAFE_INTEGER || n > Number.MAX_SAFE_INTEGER ? n : Number(n);
};
const parseDate = (v: string): Date | number => v === 'infinity' ? Infinity : v === '-infinity' ? -Infinity : new Date(v);
const parseBytea = (v: string): Uint8Array => new Uint8Array(pg.types.getTypeParser(17, 'text')(v) as Buffer);
const arrayOf = (parse: (v: string) => unknown) => (v: string) =>
  (pg.types as unknown as { arrayParser: { create(v: string, f: (e: string) => unknown): { parse(): unknown[] } } }).arrayParser.create(v, parse).parse();
const PARSERS: Record<number, (v: string) => unknown> = {
  20: parseInt8, 1016: arrayOf(parseInt8),
  1082: parseDate, 1114: parseDate, 1184: parseDate, 1182: arrayOf(parseDate), 1115: arrayOf(parseDate), 1185: arrayOf(parseDate),
  17: parseBytea, 1001: arrayOf(parseBytea),
};
const PG_TYPES = {
  getTypeParser: (oid: number, format?: string) => (format ?? 'text') === 'text' && PARSERS[oid] ? PARSERS[oid] : pg.types.getTypeParser(oid, format as 'text'),
} as pg.CustomTypesConfig;

/** `url` with its password replaced by `***`, for logs and errors. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/** The message of a `pg` connection error (ECONNREFUSED to a host with several addresses is an AggregateError without one). */
const errorText = (e: unknown): string => {
  const err = e as Error & { code?: string; errors?: Error[] };
  return err.message || err.errors?.[0]?.message || err.code || String(e);
};

/**
 * Connects to the PostgreSQL database at `url` (`postgres://user:password@host:port/database`) through a pool; checks the
 * connection at once, so a bad URL or an unreachable server fails here with a readable message (password redacted).
 */
export async function openPostgres(url: string): Promise<Database> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`DATABASE_URL is not a valid URL; expected postgres://user:password@host:5432/database`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`DATABASE_URL must start with postgres:// or postgresql:// (got ${parsed.protocol}//); expected postgres://user:password@host:5432/database`);
  }
  // session settings as PGlite's, so that ::text of times and the like read the same
  const pool = new pg.Pool({ connectionString: url, types: PG_TYPES, max: 10, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 });
  pool.on('connect', (client) => { client.query("SET TimeZone = 'UTC'").catch(() => {}); });
  // an idle client losing its connection (server restart) must not crash the process; the next query reconnects
  pool.on('error', () => {});
  try {
    (await pool.connect()).release();
  } catch (e) {
    await pool.end().catch(() => {});
    const code = (e as { code?: string }).code;
    const fix = code === '3D000' ? `create the database first (createdb ${decodeURIComponent(parsed.pathname.slice(1))}) or fix DATABASE_URL`
      : code === '28P01' || code === '28000' ? 'check the user and password in DATABASE_URL'
      : 'check DATABASE_URL and that the server is running and reachable';
    throw new Error(`cannot connect to PostgreSQL at ${redactUrl(url)}: ${errorText(e)}; ${fix}`);
  }
  const on = (c: pg.Pool | pg.PoolClient, transaction: Sql['transaction']): Sql => ({
    query: async <T extends Row>(sql: string, params: unknown[] = []) => (await c.query<T>(sql, params)).rows,
    exec: async (sql) => { await c.query(sql); },
    // a COPY streams over one connection: a transaction's client, else a transaction of its own
    copyIn: c instanceof pg.Pool
      ? (table, cols, text) => transaction((tx) => tx.copyIn(table, cols, text))
      : async (table, cols, text) => { await pipeline(Readable.from([text]), c.query(pgCopy.from(copyStatement(table, cols, 'STDIN')))); },
    transaction,
  });
  const db = on(pool, async (f) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    // a connection lost between two statements fails the next one; unheard, the client's 'error' event would crash the process
    const lost = (e: Error) => { broken = e; };
    client.on('error', lost);
    try {
      await client.query('BEGIN');
      const inner: Sql = on(client, (g) => g(inner));
      const result = await f(inner);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch((r: Error) => { broken = r; });
      throw e;
    } finally {
      // a client whose connection broke or whose ROLLBACK failed is in an unknown state: destroy it rather than pool it
      client.off('error', lost);
      client.release(broken);
    }
  });
  return { ...db, close: () => pool.end() };
}

export interface DatabaseOptions {
  /** PGlite data directory (in memory without it); ignored when `databaseUrl` is given. */
  dbDir?: string;
  /** A PostgreSQL URL (`postgres://…`): use that server instead of PGlite. */
  databaseUrl?: string;
}

/** PostgreSQL at `databaseUrl` if given, else PGlite in `dbDir` (in memory without it). */
export function openDatabase({ dbDir, databaseUrl }: DatabaseOptions = {}): Promise<Database> {
  return databaseUrl ? openPostgres(databaseUrl) : openPglite(dbDir);
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

/**
 * Serializes migrations between processes sharing one PostgreSQL database: each migration transaction first takes this
 * transaction-level advisory lock (released at COMMIT/ROLLBACK), then checks again whether the migration is recorded.
 * On PGlite (one connection) it is granted at once.
 */
const MIGRATION_LOCK = 'SELECT pg_advisory_xact_lock(1397509486)'; // 0x534c4d6e, "SLMn"

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction; returns the versions applied.
 * Safe to run from several processes at once against one PostgreSQL database: each migration is applied by exactly one.
 */
export async function migrate(db: Sql, migrations = readMigrations()): Promise<number[]> {
  await db.transaction(async (tx) => {
    await tx.query(MIGRATION_LOCK);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  });
  const done = new Set((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    const ran = await db.transaction(async (tx) => {
      await tx.query(MIGRATION_LOCK);
      // another process may have applied it while we waited for the lock
      if ((await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version])).length) return false;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (ran) applied.push(m.version);
  }
  return applied;
}
