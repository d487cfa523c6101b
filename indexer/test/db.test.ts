// Migrations apply once, in order, each in a transaction, and are recorded.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openPglite, readMigrations } from '../src/db.ts';

describe('migrations', () => {
  it('apply once and are recorded in schema_migrations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slmnet-indexer-db-'));
    try {
      let db = await openPglite(dir);
      const all = readMigrations().map((m) => m.version);
      expect(await migrate(db)).toEqual(all);
      expect(await migrate(db)).toEqual([]);
      await db.close();
      db = await openPglite(dir);
      expect(await migrate(db)).toEqual([]);
      expect((await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version)).toEqual(all);
      expect(await db.query('SELECT count(*)::int AS n FROM blocks')).toEqual([{ n: 0 }]);
      await db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a failing migration changes nothing and is not recorded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slmnet-indexer-mig-'));
    writeFileSync(join(dir, '001_ok.sql'), 'CREATE TABLE a (x integer);');
    writeFileSync(join(dir, '002_bad.sql'), 'CREATE TABLE b (y integer); SELECT * FROM missing_table;');
    const db = await openPglite();
    try {
      await expect(migrate(db, readMigrations(dir))).rejects.toThrow(/missing_table/);
      expect((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version)).toEqual([1]);
      expect(await db.query("SELECT to_regclass('b') AS t")).toEqual([{ t: null }]);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses badly named or duplicate migration files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slmnet-indexer-mig-'));
    try {
      writeFileSync(join(dir, 'first.sql'), '');
      expect(() => readMigrations(dir)).toThrow(/NNN_name/);
      rmSync(join(dir, 'first.sql'));
      writeFileSync(join(dir, '001_a.sql'), '');
      writeFileSync(join(dir, '1_b.sql'), '');
      expect(() => readMigrations(dir)).toThrow(/two migrations numbered 1/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
