// Request limits: per-client-IP rate limit (429, Retry-After, JSON), 0 disables it, over-long URLs (414), and the statement
// timeout on the API's queries (enforced by a real PostgreSQL; PGlite accepts and ignores it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { openPostgres, type Database, type Sql } from '../src/db.ts';
import { HttpError } from '../src/errors.ts';
import { DEFAULT_RATE_LIMIT, timedSql } from '../src/limits.ts';
import { usePostgres } from '../../test/helpers/postgres.ts';
import { fixtureDb, getJson, serve, type TestServer } from './fixture.ts';

let db: Database;
const servers: TestServer[] = [];
const start = async (opts: Parameters<typeof serve>[1]) => { const s = await serve(db, opts); servers.push(s); return s; };
beforeAll(async () => { db = await fixtureDb(); });
afterAll(async () => {
  for (const s of servers) await s.close();
  await db?.close();
});

/** GET from a given loopback source address (127.0.0.0/8 all reach the server on 127.0.0.1). */
const getFrom = (url: string, localAddress: string) => new Promise<{ status: number; headers: Record<string, unknown>; body: any }>((resolve, reject) => {
  const req = request(url, { localAddress }, (res) => {
    let text = '';
    res.on('data', (d) => { text += d; });
    res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(text) }));
  });
  req.on('error', reject);
  req.end();
});

describe('rate limit', () => {
  it('answers 429 with Retry-After and a JSON error once a client IP is over the limit; other IPs are unaffected', async () => {
    const { url } = await start({ rateLimit: 5 });
    for (let i = 0; i < 5; i++) {
      const r = await getJson(`${url}/health`);
      expect(r.status).toBe(200);
      expect(r.headers.get('ratelimit-policy')).toBe('5;w=60');
    }
    const r = await getJson(`${url}/blocks`);
    expect(r.status).toBe(429);
    const retry = Number(r.headers.get('retry-after'));
    expect(Number.isInteger(retry) && retry >= 1 && retry <= 60).toBe(true);
    expect(r.body.error.message).toMatch(/too many requests: at most 5 per 60 s/);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect((await getJson(`${url}/nope`)).status).toBe(429);
    expect((await getFrom(`${url}/health`, '127.0.0.2')).status).toBe(200);
  });

  it('0 disables it; the default is high enough for an explorer', async () => {
    const { url } = await start({ rateLimit: 0 });
    const statuses = await Promise.all(Array.from({ length: 40 }, () => getJson(`${url}/health`).then((r) => [r.status, r.headers.get('ratelimit-policy')])));
    expect(new Set(statuses.map((s) => JSON.stringify(s)))).toEqual(new Set([JSON.stringify([200, null])]));
    const d = await start({});
    expect((await getJson(`${d.url}/health`)).headers.get('ratelimit-policy')).toBe(`${DEFAULT_RATE_LIMIT};w=60`);
    expect(DEFAULT_RATE_LIMIT).toBe(6000);
  });
});

describe('URL length', () => {
  it('a URL over 2048 characters is 414 as JSON', async () => {
    const { url } = await start({ rateLimit: 0 });
    const r = await getJson(`${url}/blocks?x=${'a'.repeat(2100)}`);
    expect([r.status, r.body.error.message]).toEqual([414, 'request URL longer than 2048 characters']);
    expect((await getJson(`${url}/search?q=${'a'.repeat(129)}`)).status).toBe(400);
  });
});

describe('statement timeout', () => {
  it('each API query runs under SET LOCAL statement_timeout; a cancelled one is 503', async () => {
    const seen: string[] = [];
    const fake = (fail: boolean): Sql => {
      const tx: Sql = {
        query: async (sql) => { seen.push(sql); if (fail) throw Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }); return [{ x: 1 }] as never; },
        exec: async (sql) => { seen.push(sql); },
        copyIn: async () => {},
        transaction: (f) => f(tx),
      };
      return tx;
    };
    expect(await timedSql(fake(false), 250).query('SELECT 1')).toEqual([{ x: 1 }]);
    expect(seen).toEqual(['SET LOCAL statement_timeout = 250', 'SELECT 1']);
    const e = await timedSql(fake(true), 250).query('SELECT 2').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HttpError);
    expect((e as HttpError).status).toBe(503);
    expect(timedSql(db, 0)).toBe(db); // 0 disables it
    // PGlite: accepted, scoped to the query's transaction
    expect(await timedSql(db, 1000).query('SELECT count(*)::int AS n FROM blocks')).toEqual([{ n: 5 }]);
    expect(await db.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '0' }]);
  });

  const createPostgresDatabase = usePostgres();
  it('PostgreSQL cancels a query over the timeout: 503, and the connection stays usable', async () => {
    const pg = await openPostgres(await createPostgresDatabase());
    try {
      const timed = timedSql(pg, 200);
      const t = Date.now();
      const e = await timed.query('SELECT pg_sleep(5)').catch((x: unknown) => x);
      expect([(e as HttpError).status, (e as HttpError).message]).toEqual([503, 'query took longer than 200 ms; narrow it down']);
      expect(Date.now() - t).toBeLessThan(3000);
      expect(await timed.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      expect(await pg.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '0' }]);
    } finally {
      await pg.close();
    }
  }, 90_000);
});
