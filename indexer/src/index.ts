// One indexer: a database, the ingester following the node, and the REST API over both.
import type { AddressInfo } from 'node:net';
import { createApp, listen, type ApiOptions } from './api.ts';
import { migrate, openDatabase, type Database } from './db.ts';
import { Ingester, type IngestOptions } from './ingest.ts';
import { LiveHub, type LiveOptions } from './live.ts';
import { tip } from './store.ts';

export { openPglite, openPostgres, openDatabase, migrate, readMigrations, redactUrl, type Sql, type Database, type DatabaseOptions } from './db.ts';
export { createApp, type ApiOptions } from './api.ts';
export { OPENAPI, MAX_LIMIT } from './openapi.ts';
export { DOMAIN_PATHS } from './domain-api.ts';
export { ChainNotifier, LiveHub, type LiveOptions } from './live.ts';
export { defineSort, sortParameter, orderBy, type SortSpec } from './sort.ts';
export { search } from './search.ts';
export { DEFAULT_RATE_LIMIT } from './limits.ts';
export { Ingester, type IngestOptions, type ChainStatus } from './ingest.ts';

export interface IndexerOptions extends IngestOptions, Omit<ApiOptions, 'live'> {
  /** GET /live limits (concurrent streams, heartbeat interval). */
  live?: LiveOptions;
  /** PGlite data directory (in memory without it); ignored when `databaseUrl` is given. */
  dbDir?: string;
  /** A PostgreSQL URL (`postgres://user:password@host:5432/database`): store there instead of PGlite. */
  databaseUrl?: string;
  port?: number;
  host?: string;
}

export interface RunningIndexer {
  /** Base URL of the REST API. */
  apiUrl: string;
  db: Database;
  stop(): Promise<void>;
}

export async function startIndexer(opts: IndexerOptions): Promise<RunningIndexer> {
  const db = await openDatabase({ dbDir: opts.dbDir, databaseUrl: opts.databaseUrl });
  try {
    await migrate(db);
    const last = opts.from === undefined ? undefined : await tip(db);
    if (last) {
      (opts.log ?? console.warn)(`warning: --from ${opts.from} is ignored: the database already holds blocks up to #${last.number}, `
        + `so indexing resumes at #${last.number + 1} (--from only sets the first block of an empty database; use a new --db to start elsewhere)`);
    }
    const ingester = new Ingester(db, opts);
    const live = new LiveHub(ingester.events, opts.live);
    const server = await listen(createApp(db, ingester.status, {
      ...opts, live,
      // PGlite (wasm, one thread) cannot interrupt a statement: skip the per-query transaction that only PostgreSQL enforces
      statementTimeoutMs: opts.statementTimeoutMs ?? (opts.databaseUrl ? undefined : 0),
    }), opts.port ?? 3000, opts.host ?? '127.0.0.1');
    ingester.start();
    const { address, port } = server.address() as AddressInfo;
    return {
      apiUrl: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
      db,
      stop: async () => {
        live.close();
        await new Promise<void>((r) => { server.close(() => r()); server.closeAllConnections(); });
        await ingester.stop();
        await db.close();
      },
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}
