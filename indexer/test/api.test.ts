// The OpenAPI document declares the routes: every operation has a handler, and parameters are validated from its schemas.
import { describe, expect, it } from 'vitest';
import { HttpError, handlers, parseParams } from '../src/api.ts';
import { MAX_LIMIT, OPENAPI, type Operation } from '../src/openapi.ts';

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
