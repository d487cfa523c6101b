// The sort parameter: declared per list as an enum, validated (400 naming sort), applied with stable tie-breaks.
import { backends } from '../../test/helpers/backends.ts';
import { describe, expect, it } from 'vitest';
import { BLOCK_SORT, EVENT_SORT, EXTRINSIC_SORT, OPENAPI } from '../src/openapi.ts';
import { defineSort, orderBy, sortParameter, sortValues } from '../src/sort.ts';
import { bob, getJson, useFixtureApi } from './fixture.ts';

const BACKENDS = backends();
describe.each(BACKENDS)('sort on $name', (backend) => {
  const ctx = useFixtureApi(backend);

  const items = async (path: string) => {
    const r = await getJson(ctx.api.url + path);
    expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
    return r.body;
  };
  const blocks = async (sort: string) => (await items(`/blocks?sort=${sort}`)).items.map((b: any) => b.number);
  const rows = async (path: string) => (await items(path)).items.map((e: any) => `${e.block_number}-${e.index}`);

  describe('sort', () => {
    it('is declared on each chain list as an enum of field and -field with the default', () => {
      for (const [path, spec] of [['/blocks', BLOCK_SORT], ['/extrinsics', EXTRINSIC_SORT], ['/events', EVENT_SORT]] as const) {
        const p = OPENAPI.paths[path].get.parameters.find((x) => x.name === 'sort');
        expect(p).toEqual(sortParameter(spec));
        expect(p?.schema).toMatchObject({ type: 'string', enum: sortValues(spec), default: spec.default });
      }
      expect(sortValues(BLOCK_SORT)).toEqual(['number', '-number', 'timestamp', '-timestamp', 'extrinsic_count', '-extrinsic_count', 'event_count', '-event_count']);
    });

    it('/blocks: every value, ties broken by number in the same direction, missing timestamps last', async () => {
      expect(await blocks('number')).toEqual([0, 1, 2, 3, 4]);
      expect(await blocks('-number')).toEqual([4, 3, 2, 1, 0]);
      expect((await items('/blocks')).items.map((b: any) => b.number)).toEqual([4, 3, 2, 1, 0]);
      expect(await blocks('timestamp')).toEqual([4, 3, 2, 1, 0]);
      expect(await blocks('-timestamp')).toEqual([1, 2, 3, 4, 0]);
      expect(await blocks('extrinsic_count')).toEqual([0, 2, 4, 1, 3]);
      expect(await blocks('-extrinsic_count')).toEqual([3, 1, 4, 2, 0]);
      expect(await blocks('event_count')).toEqual([0, 1, 2, 3, 4]);
      expect(await blocks('-event_count')).toEqual([4, 3, 2, 1, 0]);
    });

    it('/blocks: cursor pages ascending with sort=number, and only with number or -number', async () => {
      const p1 = await items('/blocks?sort=number&limit=2');
      expect([p1.items.map((b: any) => b.number), p1.nextCursor]).toEqual([[0, 1], 1]);
      const p2 = await items(`/blocks?sort=number&limit=2&cursor=${p1.nextCursor}`);
      expect([p2.items.map((b: any) => b.number), p2.nextCursor]).toEqual([[2, 3], 3]);
      const p3 = await items(`/blocks?sort=number&limit=2&cursor=${p2.nextCursor}`);
      expect([p3.items.map((b: any) => b.number), p3.nextCursor]).toEqual([[4], null]);
      expect((await items('/blocks?sort=-number&limit=2&cursor=3')).items.map((b: any) => b.number)).toEqual([2, 1]);
      expect((await items('/blocks?sort=timestamp&limit=2')).nextCursor).toBeNull();
      const r = await getJson(`${ctx.api.url}/blocks?sort=timestamp&cursor=2`);
      expect([r.status, r.body.error.param]).toEqual([400, 'cursor']);
    });

    it('/extrinsics: every value (fees missing last in both directions), with filters', async () => {
      expect(await rows('/extrinsics?sort=block_number')).toEqual(['1-0', '1-1', '2-0', '3-0', '3-1', '3-2']);
      expect(await rows('/extrinsics?sort=-block_number')).toEqual(['3-2', '3-1', '3-0', '2-0', '1-1', '1-0']);
      expect(await rows('/extrinsics')).toEqual(['3-2', '3-1', '3-0', '2-0', '1-1', '1-0']);
      expect(await rows('/extrinsics?sort=fee')).toEqual(['3-1', '1-1', '3-2', '1-0', '2-0', '3-0']);
      expect(await rows('/extrinsics?sort=-fee')).toEqual(['3-2', '1-1', '3-1', '3-0', '2-0', '1-0']);
      expect(await rows('/extrinsics?sort=pallet')).toEqual(['1-1', '3-2', '3-1', '1-0', '2-0', '3-0']);
      expect(await rows('/extrinsics?sort=-pallet')).toEqual(['3-0', '2-0', '1-0', '3-1', '3-2', '1-1']);
      expect(await rows(`/extrinsics?signer=${bob}&sort=fee`)).toEqual(['3-1', '3-2']);
      expect(await rows('/extrinsics?sort=fee&limit=2&offset=1')).toEqual(['1-1', '3-2']);
    });

    it('/events: every value', async () => {
      expect(await rows('/events?sort=block_number')).toEqual(['1-0', '1-1', '2-0', '3-0', '3-1']);
      expect(await rows('/events?sort=-block_number')).toEqual(['3-1', '3-0', '2-0', '1-1', '1-0']);
      expect(await rows('/events?sort=pallet')).toEqual(['1-1', '3-1', '1-0', '2-0', '3-0']);
      expect(await rows('/events?sort=-pallet')).toEqual(['3-0', '2-0', '1-0', '3-1', '1-1']);
      expect(await rows('/events?pallet=system&sort=block_number&limit=2')).toEqual(['1-0', '2-0']);
    });

    it('an undeclared value is 400 naming sort', async () => {
      for (const path of ['/blocks?sort=foo', '/blocks?sort=', '/blocks?sort=--number', '/blocks?sort=number%20DESC', '/blocks?sort=hash',
        '/extrinsics?sort=timestamp', '/events?sort=fee', '/events?sort=block_number;DROP%20TABLE%20events', '/blocks?sort=number&sort=-number']) {
        const r = await getJson(ctx.api.url + path);
        expect([path, r.status, r.body.error.param]).toEqual([path, 400, 'sort']);
        if (!path.endsWith('-number')) expect(r.body.error.message).toMatch(/must be one of/);
      }
    });

    it('helpers: defineSort refuses non-column SQL and an undeclared default; orderBy only builds declared clauses', () => {
      expect(() => defineSort({ fields: { x: ['x; DROP TABLE t'] }, unique: ['id'], default: 'x' })).toThrow(/plain column/);
      expect(() => defineSort({ fields: { x: ['x'] }, unique: ['id'], default: '-y' })).toThrow(/default/);
      const spec = defineSort({ fields: { name: ['lower_name', 't.name'], id: ['id'] }, unique: ['id'], default: 'id', nullable: ['t.name'] });
      expect(orderBy(spec, '-name')).toBe('ORDER BY lower_name DESC, t.name DESC NULLS LAST, id DESC');
      expect(orderBy(spec, 'id')).toBe('ORDER BY id ASC');
      expect(orderBy(spec)).toBe('ORDER BY id ASC');
      for (const bad of ['constructor', '-__proto__', 'nope', '']) expect(() => orderBy(spec, bad)).toThrow(/not declared/);
    });
  });
});
