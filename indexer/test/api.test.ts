// The OpenAPI document declares the routes: every operation has a handler, and parameters are validated from its schemas;
// the handlers serve the same rows from PGlite and from a real PostgreSQL 15.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError, handlers, parseParams } from '../src/api.ts';
import { MAX_LIMIT, OPENAPI, type Operation } from '../src/openapi.ts';
import { migrate, type Database } from '../src/db.ts';
import { backends } from '../../test/helpers/backends.ts';

const BACKENDS = backends();
/** What each backend's handlers returned, as values and as JSON. */
const served = new Map<string, unknown>();

const op = (path: keyof typeof OPENAPI.paths): Operation => OPENAPI.paths[path].get;
/** [status, param] of the error `f` throws. */
const refused = (f: () => unknown) => {
  try { f(); } catch (e) { return e instanceof HttpError ? [e.status, e.param] : e; }
  return undefined;
};

describe('OpenAPI document', () => {
  it('has one handler per operation and unique operation ids', () => {
    const ids = Object.values(OPENAPI.paths).map((p) => p.get.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(handlers({} as never, { best: 0, finalized: 0, connected: false })).sort()).toEqual([...ids].sort());
  });

  it('declares every path parameter of each route', () => {
    for (const [path, { get }] of Object.entries(OPENAPI.paths)) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect([path, get.parameters.filter((p) => p.in === 'path').map((p) => p.name)]).toEqual([path, inPath]);
      for (const p of get.parameters) if ('pattern' in p.schema) expect(() => new RegExp('pattern' in p.schema ? p.schema.pattern : '')).not.toThrow();
    }
  });
});

describe('parameters', () => {
  it('integers: absent gives the default, oversized page sizes are clamped, the rest is refused naming the parameter', () => {
    expect(parseParams(op('/blocks'), {})).toEqual({ limit: 20, offset: 0, cursor: undefined, sort: '-number' });
    expect(parseParams(op('/blocks'), { limit: '1000', offset: '5' })).toMatchObject({ limit: MAX_LIMIT, offset: 5 });
    for (const limit of ['0', '-1', '1.5', 'ten', '', '99999999999999999999']) expect(refused(() => parseParams(op('/blocks'), { limit }))).toEqual([400, 'limit']);
    expect(refused(() => parseParams(op('/blocks'), { offset: '-3' }))).toEqual([400, 'offset']);
    expect(refused(() => parseParams(op('/events'), { block: ['1', '2'] }))).toEqual([400, 'block']);
    expect(refused(() => parseParams(op('/events'), { blok: '1' }))).toEqual([400, 'blok']);
  });

  it('booleans, names and path ids', () => {
    expect(parseParams(op('/extrinsics'), { success: 'false', pallet: 'balances' })).toMatchObject({ success: false, pallet: 'balances' });
    expect(refused(() => parseParams(op('/extrinsics'), { success: 'yes' }))).toEqual([400, 'success']);
    expect(refused(() => parseParams(op('/extrinsics'), { pallet: "x' OR 1=1" }))).toEqual([400, 'pallet']);
    expect(parseParams(op('/blocks/{id}'), {}, { id: '12' })).toEqual({ id: '12' });
    expect(refused(() => parseParams(op('/blocks/{id}'), {}, { id: '0x12' }))).toEqual([400, 'id']);
    expect(parseParams(op('/extrinsics/{id}'), {}, { id: '3-1' })).toEqual({ id: '3-1' });
    expect(refused(() => parseParams(op('/extrinsics/{id}'), {}, { id: '3' }))).toEqual([400, 'id']);
  });
});

describe.each(BACKENDS)('handlers on $name', (backend) => {
  let db: Database;
  const A = '5GrwvaF2PXDFhX2kaE7qMDWvrcbjpWBkVtbqCWEhYcvK1v7m';
  const B = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
  const h = (n: number, k: number) => `0x${(n * 16 + k).toString(16).padStart(64, '0')}`;
  beforeAll(async () => {
    db = await (await backend.create()).open();
    await migrate(db);
    for (let n = 0; n < 3; n++) {
      await db.query(`INSERT INTO blocks (number, hash, parent_hash, state_root, extrinsics_root, author, timestamp, spec_version, finalized, extrinsic_count, event_count)
        VALUES ($1, $2, $3, $4, $4, $5, $6, 100, $7, 1, 1)`, [n, h(n, 0), h(n - 1, 0), h(n, 1), n ? A : null, n ? new Date(1_700_000_000_000 + n * 2000) : null, n < 2]);
      await db.query(`INSERT INTO extrinsics (block_number, index, hash, signer, pallet, call, args, fee, tip, success, error) VALUES ($1, 0, $2, $3, 'balances', 'transferKeepAlive', $4, $5, 0, $6, $7)`,
        [n, h(n, 9), A, JSON.stringify({ dest: { id: B }, value: 10 ** 15 + n }), (2n ** 100n + BigInt(n)).toString(), n !== 1, n === 1 ? 'Balances.InsufficientBalance' : null]);
      await db.query(`INSERT INTO events (block_number, index, phase, extrinsic_index, pallet, name, data) VALUES ($1, 0, 'ApplyExtrinsic', 0, 'balances', 'Transfer', $2)`,
        [n, JSON.stringify({ from: A, to: B, amount: n })]);
      await db.query('INSERT INTO transfers (block_number, event_index, extrinsic_index, from_address, to_address, amount) VALUES ($1, 0, 0, $2, $3, $4)', [n, A, B, (2n ** 127n).toString()]);
    }
  });
  afterAll(() => db?.close());

  it('serve the stored rows with the same JSON types', async () => {
    const run = handlers(db, { best: 5, finalized: 1, connected: true });
    const call = (path: keyof typeof OPENAPI.paths, query: Record<string, string> = {}, params: Record<string, string> = {}) =>
      run[op(path).operationId](parseParams(op(path), query, params), {} as never, {} as never);
    const out = {
      health: await call('/health'),
      blocks: await call('/blocks', { limit: '2' }),
      block: await call('/blocks/{id}', {}, { id: h(2, 0) }),
      extrinsics: await call('/extrinsics', { success: 'false' }),
      extrinsic: await call('/extrinsics/{id}', {}, { id: '2-0' }),
      events: await call('/events', { block: '1' }),
      transfers: await call('/accounts/{address}/transfers', { limit: '1' }, { address: B }),
    };
    expect(out.health).toEqual({ indexed: 2, indexedFinalized: 1, chainHead: 5, chainFinalized: 1, lag: 3, connected: true });
    expect(out.blocks).toMatchObject({ items: [{ number: 2, finalized: false, timestamp: new Date(1_700_000_004_000) }, { number: 1, finalized: true }], nextCursor: 1 });
    expect(out.block).toMatchObject({ number: 2, hash: h(2, 0), author: A, spec_version: 100, extrinsic_count: 1 });
    expect(out.extrinsics).toEqual({ items: [expect.objectContaining({ block_number: 1, success: false, error: 'Balances.InsufficientBalance', fee: (2n ** 100n + 1n).toString(), tip: '0' })] });
    expect(out.extrinsic).toMatchObject({ args: { dest: { id: B }, value: 10 ** 15 + 2 }, events: [{ data: { from: A, to: B, amount: 2 } }] });
    expect(out.transfers).toEqual({ items: [{ block_number: 2, event_index: 0, extrinsic_index: 0, from: A, to: B, amount: (2n ** 127n).toString() }] });
    served.set(backend.name, JSON.parse(JSON.stringify(out)));
    served.set(`${backend.name} values`, out);
  });
});

describe('handlers on both backends', () => {
  it('give identical responses (values and JSON)', () => {
    expect(served.get('postgres values')).toStrictEqual(served.get('pglite values'));
    expect(served.get('postgres')).toStrictEqual(served.get('pglite'));
  });
});
