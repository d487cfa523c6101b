// The indexer's storage backends for `describe.each(backends())`: the same suite runs on PGlite and on a real PostgreSQL 15
// (one throwaway cluster per test file, started on first use: ./postgres.ts).
import { openDatabase, type Database, type DatabaseOptions } from '../../indexer/src/db.ts';
import { removeDir, tempDir } from './node.ts';
import { usePostgres } from './postgres.ts';

export interface TestDatabase {
  /** What startIndexer / openDatabase take to open this database. */
  options: DatabaseOptions;
  /** Opens it (again: a persistent database keeps its data across close and open). */
  open(): Promise<Database>;
  /** Deletes a PGlite directory (a Postgres database goes with its cluster). */
  remove(): void;
}

export interface Backend {
  name: 'pglite' | 'postgres';
  /** A new, empty database; `persistent` PGlite lives in a temp directory (else in memory), Postgres always persists. */
  create(opts?: { persistent?: boolean }): Promise<TestDatabase>;
}

/** Both backends; call at the top level of a test file (it registers the Postgres cluster's afterAll there). */
export function backends(): Backend[] {
  const createPostgresDatabase = usePostgres();
  return [
    {
      name: 'pglite',
      create: async ({ persistent = false } = {}) => {
        const dbDir = persistent ? tempDir('slmnet-indexer-') : undefined;
        return { options: { dbDir }, open: () => openDatabase({ dbDir }), remove: () => { if (dbDir) removeDir(dbDir); } };
      },
    },
    {
      name: 'postgres',
      create: async () => {
        const databaseUrl = await createPostgresDatabase();
        return { options: { databaseUrl }, open: () => openDatabase({ databaseUrl }), remove: () => {} };
      },
    },
  ];
}
