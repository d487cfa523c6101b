// One indexer: a database, the ingester following the node, and the REST API over both.
import type { AddressInfo } from 'node:net';
import { createApp, listen } from './api.ts';
import { migrate, openDatabase, type Database } from './db.ts';
import { Ingester, type IngestOptions } from './ingest.ts';

export { openPglite, openPostgres, openDatabase, migrate, readMigrations, redactUrl, type Sql, type Database, type DatabaseOptions } from './db.ts';
export { createApp } from './api.ts';
export { OPENAPI, MAX_LIMIT } from './openapi.ts';
export { Ingester, type IngestOptions, type ChainStatus } from './ingest.ts';

export interface IndexerOptions extends IngestOptions {
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
    const ingester = new Ingester(db, opts);
    const server = await listen(createApp(db, ingester.status), opts.port ?? 3000, opts.host ?? '127.0.0.1');
    ingester.start();
    const { address, port } = server.address() as AddressInfo;
    return {
      apiUrl: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
      db,
      stop: async () => {
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
