// GET /search: every kind, the kind: prefixes, name prefixes, not found, bad q; exact lookups use indexes.
import { backends } from '../../test/helpers/backends.ts';
import { describe, expect, it } from 'vitest';
import { devAccount } from '@slmnet/client';
import type { Row, Sql } from '../src/db.ts';
import { search } from '../src/search.ts';
import { alice, bob, charlie, dave, getJson, hash, hex, useFixtureApi } from './fixture.ts';

const BACKENDS = backends();
describe.each(BACKENDS)('search on $name', (backend) => {
  const ctx = useFixtureApi(backend);

  const find = async (q: string) => {
    const r = await getJson(`${ctx.api.url}/search?q=${encodeURIComponent(q)}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.items as { kind: string; id: string; label: string; match: string; [k: string]: unknown }[];
  };
  const kinds = async (q: string) => (await find(q)).map((i) => `${i.kind}:${i.id}`);

  describe('search', () => {
    it('a bare number matches a block number and every id kind', async () => {
      expect(await kinds('3')).toEqual(['block:3', 'datanet:3']);
      expect(await kinds('2')).toEqual(['block:2', 'node:2']);
      expect(await kinds('1')).toEqual(['block:1', 'model:1']);
      expect(await kinds('4')).toEqual(['block:4', 'datanet:4', 'inference:4']);
      expect(await kinds('12')).toEqual(['contribution:12']);
      const [block] = await find('3');
      expect(block).toMatchObject({ kind: 'block', id: '3', number: 3, hash: hash(3), finalized: false, match: 'number' });
      expect(block.label).toMatch(/^Block #3 · 0x131313…131313 \(not finalized\)$/);
    });

    it('prefixes narrow a number to one kind', async () => {
      expect(await kinds('datanet:3')).toEqual(['datanet:3']);
      expect(await kinds('model:1')).toEqual(['model:1']);
      expect(await kinds('contribution:12')).toEqual(['contribution:12']);
      expect(await kinds('inference:4')).toEqual(['inference:4']);
      expect(await kinds('node:2')).toEqual(['node:2']);
      expect(await kinds('block:4')).toEqual(['block:4']);
      expect(await kinds('Datanet: 4')).toEqual(['datanet:4']);
      expect(await kinds('node:3')).toEqual([]);
      expect(await kinds('model:99')).toEqual([]);
      const [d] = await find('datanet:3');
      expect(d).toMatchObject({ label: 'Datanet #3 · Medical Q&A', name: 'Medical Q&A', owner: alice, match: 'id' });
      expect((await find('contribution:12'))[0]).toMatchObject({ datanet_id: 3, contributor: dave, content_hash: hex(0xc1), label: 'Contribution #12 · datanet #3 · Accepted' });
      expect((await find('inference:4'))[0]).toMatchObject({ model_id: 1, consumer: bob, label: 'Inference #4 · model #1 · Settled' });
      expect((await find('node:2'))[0]).toMatchObject({ operator: charlie, peer_id: hex(0xf0), node_kind: 'Storage' });
      expect((await find('model:1'))[0]).toMatchObject({ name: 'MedBot small', developer: alice, label: 'Model #1 · MedBot small' });
    });

    it('block and extrinsic hashes, extrinsic positions; a repeated extrinsic hash gives each, newest first', async () => {
      expect(await kinds(hash(2))).toEqual(['block:2']);
      expect(await kinds(hash(2).toUpperCase().replace('0X', '0x'))).toEqual(['block:2']);
      expect(await find(hex(0xb3))).toMatchObject([{ kind: 'extrinsic', id: '3-1', pallet: 'sudo', call: 'sudo', label: 'Extrinsic 3-1 · sudo.sudo (failed)', match: 'hash' }]);
      expect(await kinds(hex(0xa0))).toEqual(['extrinsic:3-0', 'extrinsic:2-0', 'extrinsic:1-0']);
      expect(await kinds('1-1')).toEqual(['extrinsic:1-1']);
      expect(await kinds('extrinsic:3-2')).toEqual(['extrinsic:3-2']);
      expect(await kinds('block:' + hex(0xb3))).toEqual([]);
    });

    it('accounts by SS58 (any prefix) or 0x account id, only when the indexer has seen them', async () => {
      expect(await find(bob)).toEqual([{ kind: 'account', id: bob, label: `Account ${bob}`, match: 'address', address: bob }]);
      const bobPair = devAccount('Bob');
      const raw = `0x${Buffer.from(bobPair.addressRaw).toString('hex')}`;
      expect(await kinds(raw)).toEqual([`account:${bob}`]);
      const { encodeAddress } = await import('@polkadot/util-crypto');
      expect(await kinds(encodeAddress(bobPair.addressRaw, 0))).toEqual([`account:${bob}`]); // Polkadot prefix
      expect(await kinds(dave)).toEqual([`account:${dave}`]); // a contributor only
      expect(await kinds(devAccount('Eve').address)).toEqual([]);
      expect(await kinds('account:' + alice)).toEqual([`account:${alice}`]);
      expect(await kinds('datanet:' + alice)).toEqual([]);
    });

    it('content, input and output hashes', async () => {
      expect(await find(hex(0xc1))).toMatchObject([{ kind: 'contribution', id: '12', match: 'content_hash' }]);
      expect(await find(hex(0xe1))).toMatchObject([{ kind: 'inference', id: '4', match: 'input_hash' }]);
      expect(await find(hex(0xe2))).toMatchObject([{ kind: 'inference', id: '4', match: 'output_hash' }]);
      expect(await kinds('contribution:' + hex(0xc1))).toEqual(['contribution:12']);
      expect(await kinds('inference:' + hex(0xc1))).toEqual([]);
    });

    it('datanet and model names by case-insensitive prefix, LIKE wildcards taken literally', async () => {
      expect(await kinds('med')).toEqual(['datanet:3', 'datanet:4', 'model:1']);
      expect(await kinds('MEDICAL')).toEqual(['datanet:3']);
      expect(await kinds('model:med')).toEqual(['model:1']);
      expect(await kinds('datanet:med')).toEqual(['datanet:3', 'datanet:4']);
      expect(await kinds('medicine_100%')).toEqual(['datanet:4']);
      expect(await kinds('m%')).toEqual([]);
      expect(await kinds('_')).toEqual([]);
      expect(await kinds('old')).toEqual([]); // a superseded snapshot's name
      expect((await find('med'))[2].match).toBe('name');
    });

    it('nothing found is 200 with no items', async () => {
      for (const q of ['999999', hex(0x99), 'zzz', 'node:', '99999999999999999999', '2147483648', '1-99', `${'9'.repeat(11)}-1`, 'foo:bar']) {
        expect([q, await kinds(q)]).toEqual([q, []]);
      }
    });

    it('a missing, empty, blank or over-long q is 400 naming q; q given twice too', async () => {
      for (const query of ['', '?q=', '?q=%20%20', `?q=${'a'.repeat(129)}`, '?q=a&q=b', '?q=a%0Ab']) {
        const r = await getJson(`${ctx.api.url}/search${query}`);
        expect([query, r.status, r.body.error?.param]).toEqual([query, 400, 'q']);
      }
      expect((await getJson(`${ctx.api.url}/search?q=${'a'.repeat(128)}`)).status).toBe(200);
      expect((await getJson(`${ctx.api.url}/search?q=1&x=2`)).body.error.param).toBe('x');
    });

    it('exact lookups are index scans (with sequential scans disabled, no plan falls back to one)', async () => {
      const seen: { sql: string; params: unknown[] }[] = [];
      const recording: Sql = {
        query: async <T extends Row>(sql: string, params: unknown[] = []) => { seen.push({ sql, params }); return ctx.db.query<T>(sql, params); },
        exec: (sql) => ctx.db.exec(sql),
        copyIn: (table, cols, text) => ctx.db.copyIn(table, cols, text),
        transaction: (f) => ctx.db.transaction(f),
      };
      for (const q of ['3', hex(0xa0), hex(0xc1), bob, '1-1', 'med']) await search(recording, q);
      expect(seen.length).toBeGreaterThan(15);
      await ctx.db.exec('SET enable_seqscan = off');
      try {
        for (const { sql, params } of seen) {
          const plan = (await ctx.db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params)).map((r) => r['QUERY PLAN']).join('\n');
          expect([sql, plan]).not.toEqual([sql, expect.stringContaining('Seq Scan')]);
        }
      } finally {
        await ctx.db.exec('RESET enable_seqscan');
      }
    });
  });
});
