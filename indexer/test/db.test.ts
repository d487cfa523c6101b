// Migrations apply once, in order, each in a transaction, and are recorded — on PGlite and on a real PostgreSQL 15; both
// backends return rows with the same JS values; transactions on PostgreSQL hold one client and always give it back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openPostgres, readMigrations, type Database, type Row } from '../src/db.ts';
import { backends } from '../../test/helpers/backends.ts';
import { freePort } from '../../test/helpers/node.ts';

const BACKENDS = backends();
const [PGLITE, POSTGRES] = BACKENDS;

describe.each(BACKENDS)('migrations on $name', (backend) => {
  it('apply once and are recorded in schema_migrations', async () => {
    const t = await backend.create({ persistent: true });
    try {
      let db = await t.open();
      const all = readMigrations().map((m) => m.version);
      expect(await migrate(db)).toEqual(all);
      expect(await migrate(db)).toEqual([]);
      await db.close();
      db = await t.open();
      expect(await migrate(db)).toEqual([]);
      expect((await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version)).toEqual(all);
      expect(await db.query('SELECT count(*)::int AS n FROM blocks')).toEqual([{ n: 0 }]);
      await db.close();
    } finally {
      t.remove();
    }
  });

  it('a failing migration changes nothing and is not recorded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slmnet-indexer-mig-'));
    writeFileSync(join(dir, '001_ok.sql'), 'CREATE TABLE a (x integer);');
    writeFileSync(join(dir, '002_bad.sql'), 'CREATE TABLE b (y integer); SELECT * FROM missing_table;');
    const db = await (await backend.create()).open();
    try {
      await expect(migrate(db, readMigrations(dir))).rejects.toThrow(/missing_table/);
      expect((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version)).toEqual([1]);
      expect(await db.query("SELECT to_regclass('b') AS t")).toEqual([{ t: null }]);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('two indexers migrating one database at once apply each migration exactly once', async () => {
    const t = await backend.create({ persistent: true });
    const a = await t.open();
    // PGlite is one process's embedded database: its "second indexer" is a second caller on the same handle
    const b = backend.name === 'postgres' ? await t.open() : a;
    try {
      const all = readMigrations().map((m) => m.version);
      const [x, y] = await Promise.all([migrate(a), migrate(b)]);
      expect([...x, ...y].sort((p, q) => p - q)).toEqual(all);
      expect((await a.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version)).toEqual(all);
      expect(await migrate(b)).toEqual([]);
    } finally {
      await a.close();
      if (b !== a) await b.close();
      t.remove();
    }
  });
});

describe('readMigrations', () => {
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

describe('PGlite and PostgreSQL return the same rows', () => {
  let lite: Database;
  let pg: Database;
  beforeAll(async () => {
    lite = await (await PGLITE.create()).open();
    pg = await (await POSTGRES.create()).open();
    for (const db of [lite, pg]) {
      await migrate(db);
      // every column type the migrations use
      await db.exec(`CREATE TABLE t (id integer PRIMARY KEY, i integer, s smallint, big bigint, n numeric(39, 0), b boolean, tx text, j jsonb,
        ts timestamptz);`);
      const rows: unknown[][] = [
        [1, 7, 3, '42', '1', true, 'a', '{"a":1,"b":[1,"x",null,{"c":true}],"n":1.5}', '2024-02-29T12:34:56.789Z'],
        [2, -2147483648, -32768, '9007199254740993', (2n ** 128n - 1n).toString(), false, 'ünï ☃ \' "', '[1,2,3]', '2024-01-01T00:00:00.123456Z'],
        [3, 2147483647, 32767, '-9223372036854775808', '0', null, '', '"text"', 'infinity'],
        [4, null, null, '9223372036854775807', null, null, null, 'null', '-infinity'],
        [5, 0, 0, null, '-170141183460469231731687303715884105728', true, null, null, null],
        [6, 1, 1, '-9007199254740991', '12', false, 'x', '{"big":12345678901234567890}', '1970-01-01T00:00:00Z'],
      ];
      for (const r of rows) await db.query('INSERT INTO t VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', r);
    }
  });
  afterAll(async () => { await lite?.close(); await pg?.close(); });

  const QUERIES: [string, unknown[]?][] = [
    ['SELECT * FROM t ORDER BY id'],
    ['SELECT id, n::text, big::text, ts::text, j::text, b::text FROM t ORDER BY id'],
    ['SELECT count(*) AS c, count(*)::int AS ci, sum(i) AS si, sum(big) AS sb, max(big) AS mb, min(n) AS mn, avg(i) AS ai, bool_or(b) AS bo FROM t'],
    ['SELECT array_agg(big ORDER BY id) AS bigs, array_agg(i ORDER BY id) AS ints, array_agg(tx ORDER BY id) AS texts, array_agg(ts ORDER BY id) AS times, '
      + 'array_agg(n::text ORDER BY id) AS nums, array_agg(b ORDER BY id) AS bools, jsonb_agg(j ORDER BY id) AS js FROM t'],
    ['SELECT j->\'a\' AS a, j->>\'n\' AS n, j #> \'{b,3}\' AS nested FROM t WHERE id = $1', [1]],
    ['SELECT $1::bigint AS a, $2::numeric(39,0)::text AS b, $3::timestamptz AS c, $4::jsonb AS d, $5::boolean AS e, $6::integer AS f', [2n ** 60n, 10n ** 30n, new Date(1_700_000_000_123), JSON.stringify({ x: [1] }), false, 5]],
    ['UPDATE t SET i = i + 1 WHERE id = 1 RETURNING *'],
    ['SELECT 1::int8 AS one, NULL::bigint AS none, 1.5::float8 AS f, \'2024-03-01\'::date AS d, \'\\x00ff\'::bytea AS bytes, \'abc\'::varchar AS v'],
    ['SELECT table_name, column_name, data_type, numeric_precision, numeric_scale, is_nullable, column_default FROM information_schema.columns WHERE table_schema = \'public\' ORDER BY table_name, column_name'],
    ['SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = \'public\' ORDER BY tablename, indexname'],
  ];

  it.each(QUERIES.map(([sql, params]) => [sql.replace(/\s+/g, ' ').slice(0, 90), sql, params] as const))('%s', async (_, sql, params) => {
    const [a, b] = [await lite.query(sql, params), await pg.query(sql, params)];
    expect(b).toStrictEqual(a);
    // and the values the indexer relies on
    if (sql === QUERIES[0][0]) {
      const r = b as Row[];
      expect(r[1]).toMatchObject({ big: 2n ** 53n + 1n, n: (2n ** 128n - 1n).toString(), j: [1, 2, 3] });
      expect(r[0]).toMatchObject({ i: 7, big: 42, b: true, ts: new Date('2024-02-29T12:34:56.789Z') });
      expect([r[2].ts, r[3].ts, r[3].j, r[4].j]).toEqual([Infinity, -Infinity, null, null]);
    }
    if (sql === QUERIES[2][0]) expect((b as Row[])[0]).toMatchObject({ c: 6, ci: 6 });
  });
});

describe('PostgreSQL connections', () => {
  let db: Database;
  beforeAll(async () => {
    db = await (await POSTGRES.create()).open();
    await db.exec('CREATE TABLE k (x integer PRIMARY KEY)');
  });
  afterAll(() => db?.close());

  it('a transaction commits on one client, rolls back when its function throws, and always gives its client back', async () => {
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO k VALUES (1)');
      // the same backend connection throughout the transaction
      const [p1] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const [p2] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      expect(p1.pid).toBe(p2.pid);
      // nested: runs in the same transaction
      await tx.transaction(async (inner) => { await inner.query('INSERT INTO k VALUES (2)'); });
    });
    // more failing transactions than the pool has clients: a leaked client would make the next ones wait forever
    for (let i = 0; i < 25; i++) {
      await expect(db.transaction(async (tx) => {
        await tx.query('INSERT INTO k VALUES ($1)', [100 + i]);
        if (i % 2) throw new Error('boom');
        await tx.query('INSERT INTO k VALUES (1)'); // duplicate key: the database refuses
      })).rejects.toThrow(/boom|duplicate key/);
    }
    expect((await db.query<{ x: number }>('SELECT x FROM k ORDER BY x')).map((r) => r.x)).toEqual([1, 2]);
    // concurrent transactions run on separate clients
    await Promise.all([3, 4, 5, 6].map((x) => db.transaction((tx) => tx.query('INSERT INTO k SELECT $1::int FROM pg_sleep(0.05)', [x]))));
    expect(await db.query('SELECT count(*) AS n FROM k')).toEqual([{ n: 6 }]);
  });

  it('a connection lost inside a transaction fails that transaction only; the pool goes on with new connections', async () => {
    await expect(db.transaction(async (tx) => {
      await tx.query('INSERT INTO k VALUES (7)');
      await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
    })).rejects.toThrow(/terminat/);
    await new Promise((r) => setTimeout(r, 50)); // the 'error' event of the dead client arrives after the rejection
    expect(await db.query('SELECT count(*) AS n FROM k WHERE x = 7')).toEqual([{ n: 0 }]);
    expect(await db.transaction((tx) => tx.query('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
  });

  it('a bad URL or an unreachable server is one readable error, without the password', async () => {
    await expect(openPostgres('not a url')).rejects.toThrow(/DATABASE_URL is not a valid URL; expected postgres:\/\/user:password@host:5432\/database/);
    await expect(openPostgres('mysql://u:pw@127.0.0.1/x')).rejects.toThrow(/must start with postgres:\/\//);
    const port = await freePort();
    const e = await openPostgres(`postgres://someone:s3cret@127.0.0.1:${port}/db`).catch((x: Error) => x);
    expect((e as Error).message).toMatch(new RegExp(`^cannot connect to PostgreSQL at postgres://someone:\\*\\*\\*@127\\.0\\.0\\.1:${port}/db: .*ECONNREFUSED.*; check DATABASE_URL`));
    expect((e as Error).message).not.toContain('s3cret');
    const missing = (await POSTGRES.create()).options.databaseUrl!.replace(/\/\w+$/, '/nope');
    await expect(openPostgres(missing)).rejects.toThrow(/database "nope" does not exist; create the database first \(createdb nope\)/);
  });
});
