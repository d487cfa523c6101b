// The indexer against a real dev node: blocks, extrinsics, events and transfers served by its API match the chain; pagination
// edges; 404/400; a restart resumes with no gaps and no duplicates. All of it once on PGlite and once on a real PostgreSQL 15.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, devAccount, submit, transfer, ChainError, UNIT, type ApiPromise } from '@slmnet/client';
import { DOMAIN_PATHS, OPENAPI, openPostgres, startIndexer, type RunningIndexer } from '@slmnet/indexer';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, freePort, removeDir, startNode, waitFor, type RunningNode } from './helpers/node.ts';
import { backends, type TestDatabase } from './helpers/backends.ts';

const INDEXER_BIN = join(ROOT, 'indexer/bin/slmnet-indexer.js');

/** Runs `slmnet-indexer args` with DATABASE_URL; resolves on exit, or (with `until`) once stdout matches it, then stops it. */
function runIndexerCli(databaseUrl: string, args: string[], until?: RegExp): Promise<{ code: number | null; out: string; err: string; match?: RegExpMatchArray }> {
  const proc = spawn(process.execPath, [INDEXER_BIN, ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let match: RegExpMatchArray | undefined;
  proc.stdout.on('data', (d) => {
    out += d;
    if (until && !match && (match = out.match(until) ?? undefined)) proc.kill('SIGTERM');
  });
  proc.stderr.on('data', (d) => { err += d; });
  const timer = setTimeout(() => proc.kill('SIGKILL'), 45_000);
  return new Promise((res) => proc.on('exit', (code) => { clearTimeout(timer); res({ code, out, err, match }); }));
}

describe('slmnet-indexer with DATABASE_URL', () => {
  it('--help says DATABASE_URL selects PostgreSQL and --db is then ignored', async () => {
    const r = await runIndexerCli('', ['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/DATABASE_URL environment variable is set \(postgres:\/\/user:password@host:5432\/database\)/);
    expect(r.out).toMatch(/--db is then ignored/);
  });

  it('a bad URL or an unreachable server: one error line with the fix, exit 1, no password shown', async () => {
    const bad = await runIndexerCli('not-a-url', ['--port', '0']);
    expect([bad.code, bad.err]).toEqual([1, 'error: DATABASE_URL is not a valid URL; expected postgres://user:password@host:5432/database\n']);
    const port = await freePort();
    const down = await runIndexerCli(`postgres://indexer:hunter2@127.0.0.1:${port}/slmnet`, ['--port', '0']);
    expect(down.code).toBe(1);
    expect(down.err).toMatch(new RegExp(`^error: cannot connect to PostgreSQL at postgres://indexer:\\*\\*\\*@127\\.0\\.0\\.1:${port}/slmnet: .*ECONNREFUSED.*; check DATABASE_URL and that the server is running and reachable\n$`));
    expect(down.err + down.out).not.toContain('hunter2');
  });
});


describe.each(backends())('on $name', (backend) => {
  let node: RunningNode;
  let api: ApiPromise;
  let indexer: RunningIndexer;
  let store: TestDatabase;
  const alice = devAccount('Alice');
  const bob = devAccount('Bob');
  const charlie = devAccount('Charlie');

  /** Every path requested from the API, to check that each route of the OpenAPI document was exercised. */
  const requested: string[] = [];
  const get = async (path: string): Promise<{ status: number; body: any; cors: string | null }> => {
    requested.push(path);
    const r = await fetch(indexer.apiUrl + path);
    return { status: r.status, body: await r.json(), cors: r.headers.get('access-control-allow-origin') };
  };
  const ok = async (path: string) => {
    const r = await get(path);
    expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
    return r.body;
  };
  const start = () => startIndexer({ url: node.url, ...store.options, port: 0 });
  /** Waits until the indexer has stored and marked finalized block `n`. */
  const indexedFinalized = (n: number) => waitFor(async () => {
    const h = (await get('/health')).body;
    return h.indexedFinalized !== null && h.indexedFinalized >= n ? h : undefined;
  }, `indexer to reach finalized #${n}`, 40_000);
  const finalizedNumber = async () => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();

  let transfers: { blockHash: string; blockNumber: number; txHash: string; from: string; to: string; amount: bigint }[] = [];
  let failed: { blockHash: string; error: string };

  beforeAll(async () => {
    store = await backend.create({ persistent: true });
    node = await startNode();
    api = await connect(node.url);
    for (const [from, to, amount] of [[alice, bob, 3n * UNIT], [bob, charlie, UNIT / 2n]] as const) {
      const r = await transfer({ api, signer: from, wait: 'finalized' }, to.address, amount);
      transfers.push({ blockHash: r.blockHash, blockNumber: r.blockNumber!, txHash: r.txHash, from: from.address, to: to.address, amount });
    }
    // Bob is not sudo: included, fee paid, dispatch fails with Sudo.RequireSudo
    const e = await submit(api, api.tx.sudo.sudo(api.tx.system.remark('0x00')), bob, { wait: 'finalized' }).then(() => undefined, (e: unknown) => e);
    expect(e).toBeInstanceOf(ChainError);
    failed = { blockHash: (e as ChainError).blockHash!, error: (e as ChainError).error };
    indexer = await start();
    await indexedFinalized(await finalizedNumber());
  }, 90_000);

  afterAll(async () => {
    await indexer?.stop();
    await api?.disconnect();
    await node?.stop();
    store?.remove();
    removeDir(node?.basePath ?? '');
  });

  describe('indexer', () => {
    it('every finalized block matches the chain: hash, parent, roots, extrinsic and event counts', async () => {
      const fin = await finalizedNumber();
      for (let n = 0; n <= fin; n++) {
        const hash = (await api.rpc.chain.getBlockHash(n)).toHex();
        const [{ block }, events] = await Promise.all([api.rpc.chain.getBlock(hash), (await api.at(hash)).query.system.events()]);
        const b = await ok(`/blocks/${n}`);
        expect(b).toMatchObject({
          number: n, hash, parent_hash: block.header.parentHash.toHex(), state_root: block.header.stateRoot.toHex(),
          extrinsics_root: block.header.extrinsicsRoot.toHex(), finalized: true,
          extrinsic_count: block.extrinsics.length, event_count: events.length,
          spec_version: api.runtimeVersion.specVersion.toNumber(),
        });
        // the dev chain's only Aura authority is Alice; genesis has neither author nor timestamp
        if (n > 0) expect([new Date(b.timestamp).getTime() > 0, b.author]).toEqual([true, alice.address]);
        else expect([b.timestamp, b.author]).toEqual([null, null]);
        expect(await ok(`/blocks/${hash}`)).toEqual(b);
      }
    });

    it('transfers: extrinsic with signer, call, args, fee; transfer rows for both accounts; their events', async () => {
      for (const t of transfers) {
        const e = await ok(`/extrinsics/${t.txHash}`);
        expect(e).toMatchObject({ block_number: t.blockNumber, hash: t.txHash, signer: t.from, pallet: 'balances', call: 'transferKeepAlive', success: true, error: null, tip: '0' });
        expect(e.args).toEqual({ dest: { id: t.to }, value: Number(t.amount) });
        expect(BigInt(e.fee)).toBeGreaterThan(0n);
        expect(e.events.map((ev: any) => `${ev.pallet}.${ev.name}`)).toContain('balances.Transfer');
        expect(await ok(`/extrinsics/${t.blockNumber}-${e.index}`)).toEqual(e);
        // the fee the chain reports for this extrinsic
        const chainFee = e.events.find((ev: any) => ev.name === 'TransactionFeePaid').data.actualFee;
        expect(e.fee).toBe(String(chainFee));
      }
      const bobs = (await ok(`/accounts/${bob.address}/transfers`)).items;
      expect(bobs.map((t: any) => [t.from, t.to, t.amount])).toEqual([
        [bob.address, charlie.address, String(UNIT / 2n)],
        [alice.address, bob.address, String(3n * UNIT)],
      ]);
      // a 0x account id is the same account
      expect((await ok(`/accounts/${bob.addressRaw.reduce((s, b) => s + b.toString(16).padStart(2, '0'), '0x')}/transfers`)).items).toEqual(bobs);
    });

    it('a failed extrinsic is stored with success false and its Pallet.Error name', async () => {
      expect(failed.error).toBe('Sudo.RequireSudo');
      const { items } = await ok(`/extrinsics?signer=${bob.address}&success=false`);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ pallet: 'sudo', call: 'sudo', success: false, error: 'Sudo.RequireSudo', signer: bob.address });
      expect((await ok(`/blocks/${items[0].block_number}`)).hash).toBe(failed.blockHash);
      const mine = (await ok(`/extrinsics?signer=${bob.address}`)).items;
      expect(mine.map((e: any) => `${e.pallet}.${e.call}:${e.success}`)).toEqual(['sudo.sudo:false', 'balances.transferKeepAlive:true']);
      expect((await ok('/extrinsics?pallet=sudo&call=sudo')).items).toHaveLength(1);
      // one block's extrinsics, in order with sort=block_number (timestamp.set first, then the failed sudo)
      const inBlock = (await ok(`/extrinsics?block=${items[0].block_number}&sort=block_number`)).items;
      const body = (await api.rpc.chain.getBlock(failed.blockHash)).block.extrinsics;
      expect(inBlock.map((e: any) => `${e.block_number}-${e.index}:${e.hash}`)).toEqual(body.map((x, i) => `${items[0].block_number}-${i}:${x.hash.toHex()}`));
    });

    it('events by pallet, name and block equal the chain\'s', async () => {
      const t = transfers[0];
      const chain = await (await api.at(t.blockHash)).query.system.events();
      const { items } = await ok(`/events?block=${t.blockNumber}&limit=100`);
      expect(items.map((e: any) => `${e.index}:${e.pallet}.${e.name}`)).toEqual(chain.map((r, i) => `${i}:${r.event.section}.${r.event.method}`).reverse());
      const transfersEv = (await ok('/events?pallet=balances&name=Transfer')).items;
      expect(transfersEv.map((e: any) => e.data.amount).reverse()).toEqual(transfers.map((x) => Number(x.amount)));
    });

    it('pagination: newest first, cursor and offset agree, limit clamped to 100, pages end with a null cursor', async () => {
      const { indexed } = await ok('/health');
      const first = await ok('/blocks?limit=2');
      expect(first.items.map((b: any) => b.number)).toEqual([indexed, indexed - 1].filter((n) => n >= 0).slice(0, 2));
      const next = await ok(`/blocks?limit=2&cursor=${first.nextCursor}`);
      expect(next.items).toEqual((await ok('/blocks?limit=2&offset=2')).items);
      expect((await ok('/blocks?limit=1000')).items.length).toBe(Math.min(100, indexed + 1));
      const last = await ok(`/blocks?limit=5&cursor=1`);
      expect(last.items.map((b: any) => b.number)).toEqual([0]);
      expect(last.nextCursor).toBeNull();
      expect((await ok(`/blocks?offset=${indexed + 1}`)).items).toEqual([]);
    });

    it('unknown ids are 404 and bad parameters 400 naming the parameter, as JSON with CORS', async () => {
      for (const path of ['/blocks/99999999', `/blocks/0x${'ab'.repeat(32)}`, `/extrinsics/0x${'cd'.repeat(32)}`, '/extrinsics/1-999', '/nope']) {
        const r = await get(path);
        expect([path, r.status]).toEqual([path, 404]);
        expect(typeof r.body.error.message).toBe('string');
      }
      for (const [path, param] of [['/blocks?limit=0', 'limit'], ['/blocks?offset=-1', 'offset'], ['/blocks?cursor=x', 'cursor'],
        ['/blocks/abc', 'id'], ['/extrinsics/12', 'id'], ['/extrinsics?success=maybe', 'success'], ['/extrinsics?signer=bob', 'signer'],
        ['/events?block=-2', 'block'], ['/events?pallet=a%20b', 'pallet'], ['/accounts/xyz/transfers', 'address'], ['/blocks?foo=1', 'foo'],
        ['/blocks?cursor=3&offset=1', 'cursor'], [`/accounts/${'1'.repeat(48)}/transfers`, 'address']]) {
        const r = await get(path);
        expect([path, r.status, r.body.error.param]).toEqual([path, 400, param]);
      }
      expect((await get('/health')).cors).toBe('*');
    });

    it('a restart resumes where it stopped: new blocks indexed, no gaps, no duplicates', async () => {
      await indexer.stop();
      const r = await transfer({ api, signer: charlie, wait: 'finalized' }, alice.address, UNIT);
      indexer = await start();
      await indexedFinalized(r.blockNumber!);
      const [row] = await indexer.db.query<{ n: number; distinct: number; min: number; max: number }>(
        'SELECT count(*)::int AS n, count(DISTINCT number)::int AS distinct, min(number) AS min, max(number) AS max FROM blocks');
      expect(row.min).toBe(0);
      expect(row.n).toBe(row.max + 1);
      expect(row.distinct).toBe(row.n);
      const e = await ok(`/extrinsics/${r.txHash}`);
      expect(e).toMatchObject({ block_number: r.blockNumber, signer: charlie.address, success: true });
      expect((await ok(`/blocks/${r.blockNumber}`)).hash).toBe(r.blockHash);
    });
  });

  describe('indexer edges', () => {
    it('serves its OpenAPI document, and every route in it has been exercised', async () => {
      const doc = await ok('/openapi.json');
      expect(doc).toEqual(JSON.parse(JSON.stringify(OPENAPI)));
      // /search, /live and /docs are exercised end to end in test/indexer-api.test.ts, the domain routes in test/indexer-demo.test.ts
      // (indexer/test/openapi.test.ts checks the whole document)
      for (const route of Object.keys(doc.paths).filter((r) => !['/search', '/live', '/docs'].includes(r) && !(r in DOMAIN_PATHS))) {
        const re = new RegExp(`^${route.replace(/\{\w+\}/g, '[^/?]+').replace(/\./g, '\\.')}(\\?|$)`);
        expect([route, requested.some((p) => re.test(p))]).toEqual([route, true]);
      }
    });


    it('--from: an empty database starts at the given block', async () => {
      const from = transfers[1].blockNumber;
      const other = await startIndexer({ url: node.url, port: 0, from, ...(await backend.create()).options });
      try {
        const fin = await finalizedNumber();
        await waitFor(async () => ((await (await fetch(`${other.apiUrl}/health`)).json()) as any).indexedFinalized >= fin || undefined, 'second indexer', 40_000);
        const [row] = await other.db.query<{ min: number; n: number; max: number }>('SELECT min(number) AS min, max(number) AS max, count(*)::int AS n FROM blocks');
        expect([row.min, row.n]).toEqual([from, row.max - from + 1]);
        expect((await (await fetch(`${other.apiUrl}/blocks/${from - 1}`)).status)).toBe(404);
      } finally {
        await other.stop();
      }
    });

    it('the CLI stores in its database (DATABASE_URL wins over --db) and never prints a password', async () => {
      const created = await backend.create({ persistent: true });
      const { databaseUrl, dbDir } = created.options;
      const url = databaseUrl?.replace('postgres@', 'postgres:hunter2@') ?? '';
      const r = await runIndexerCli(url, ['--url', node.url, '--port', '0', '--db', dbDir ?? '/nonexistent/indexer'], /SLMnet indexer: .*\n/);
      if (databaseUrl) {
        expect(r.match?.[0], r.err).toMatch(/^SLMnet indexer: ws:\/\/\S+ → PostgreSQL postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/\w+ \(DATABASE_URL; --db ignored\); API http:\/\/127\.0\.0\.1:\d+\n$/);
        expect(r.err).toContain('warning: --db /nonexistent/indexer is ignored: DATABASE_URL is set');
        expect(r.out + r.err).not.toContain('hunter2');
      } else {
        expect(r.match?.[0], r.err).toBe(`SLMnet indexer: ${node.url} → ${dbDir}; API ${r.match?.[0].match(/API (\S+)/)?.[1]}\n`);
      }
      expect(r.code).toBe(0);
      // it created its tables there
      const db = databaseUrl ? await openPostgres(url) : await created.open();
      try {
        expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations'))[0].n).toBeGreaterThan(0);
      } finally {
        await db.close();
        created.remove();
      }
    });

    it('reconnects with backoff when the node goes away and comes back', async () => {
      await node.stop();
      await waitFor(async () => (await get('/health')).body.connected === false || undefined, 'indexer to notice the node is gone');
      node = await startNode({ port: node.port, basePath: node.basePath });
      await api.disconnect();
      api = await connect(node.url);
      const r = await transfer({ api, signer: alice, wait: 'finalized' }, charlie.address, 2n * UNIT);
      await indexedFinalized(r.blockNumber!);
      expect(await ok(`/extrinsics/${r.txHash}`)).toMatchObject({ block_number: r.blockNumber, signer: alice.address, success: true });
      const [row] = await indexer.db.query<{ n: number; max: number }>('SELECT count(*)::int AS n, max(number) AS max FROM blocks');
      expect(row.n).toBe(row.max + 1);
    });
  });
});
