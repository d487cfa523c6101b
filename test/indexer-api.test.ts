// The indexer's search and live updates against a real dev node: GET /live streams each stored block (with its transfers)
// and finality as the chain advances; GET /search finds the chain's blocks, extrinsics and accounts; /docs is served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type ClientRequest } from 'node:http';
import { connect, devAccount, transfer, UNIT, type ApiPromise } from '@slmnet/client';
import { startIndexer, type RunningIndexer } from '@slmnet/indexer';
import { removeDir, startNode, waitFor, type RunningNode } from './helpers/node.ts';

let node: RunningNode;
let api: ApiPromise;
let indexer: RunningIndexer;
const alice = devAccount('Alice');
const bob = devAccount('Bob');
const dave = devAccount('Dave');

const get = async (path: string) => {
  const r = await fetch(indexer.apiUrl + path);
  return { status: r.status, body: (await r.json()) as any };
};
const search = async (q: string) => {
  const r = await get(`/search?q=${encodeURIComponent(q)}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items as { kind: string; id: string; label: string; [k: string]: unknown }[];
};

interface SseEvent { event: string; data: any }
/** A GET /live stream read with node's HTTP client. */
function live(): Promise<{ events: SseEvent[]; req: ClientRequest; status: number }> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    const req = request(`${indexer.apiUrl}/live`, (res) => {
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        buf += d;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
      });
      res.on('error', () => undefined);
      resolve({ events, req, status: res.statusCode! });
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  node = await startNode();
  api = await connect(node.url);
  indexer = await startIndexer({ url: node.url, port: 0 });
}, 90_000);

afterAll(async () => {
  await indexer?.stop();
  await api?.disconnect();
  await node?.stop();
  removeDir(node?.basePath ?? '');
});

describe('indexer live updates and search on a dev node', () => {
  let sent: Awaited<ReturnType<typeof transfer>>;

  it('GET /live: a block event for each stored block, with the transfer in it, and finalized events as finality advances', async () => {
    const stream = await live();
    try {
      expect(stream.status).toBe(200);
      sent = await transfer({ api, signer: alice, wait: 'finalized' }, dave.address, 2n * UNIT);
      const n = sent.blockNumber!;
      const fin = await waitFor(() => stream.events.find((e) => e.event === 'finalized' && e.data.number >= n), `finalized #${n} on /live`, 40_000);
      const blocks = stream.events.filter((e) => e.event === 'block');
      const mine = blocks.find((e) => e.data.number === n);
      expect(mine?.data).toMatchObject({ number: n, hash: sent.blockHash });
      expect(mine?.data.transfers).toEqual([expect.objectContaining({ from: alice.address, to: dave.address, amount: String(2n * UNIT) })]);
      // each block once, in order, matching what the API serves
      const numbers = blocks.map((e) => e.data.number);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      expect(new Set(numbers).size).toBe(numbers.length);
      const stored = (await get(`/blocks/${n}`)).body;
      expect(mine?.data).toMatchObject({ extrinsicCount: stored.extrinsic_count, eventCount: stored.event_count });
      // finalized events only move forward
      const finals = stream.events.filter((e) => e.event === 'finalized').map((e) => e.data.number);
      expect(finals).toEqual([...new Set(finals)].sort((a, b) => a - b));
      expect(fin.data.number).toBeGreaterThanOrEqual(n);
      expect(stream.events.filter((e) => e.event === 'rollback')).toEqual([]);
    } finally {
      stream.req.destroy();
    }
  }, 90_000);

  it('GET /search: block number and hash, extrinsic hash and position, accounts by SS58 or 0x id; nothing found; bad q', async () => {
    const n = sent.blockNumber!;
    expect(await search(String(n))).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'block', id: String(n), hash: sent.blockHash })]));
    expect(await search(`block:${n}`)).toEqual([expect.objectContaining({ kind: 'block', id: String(n) })]);
    expect(await search(sent.blockHash)).toEqual([expect.objectContaining({ kind: 'block', id: String(n) })]);
    const [ext] = await search(sent.txHash);
    expect(ext).toMatchObject({ kind: 'extrinsic', hash: sent.txHash, pallet: 'balances', call: 'transferKeepAlive', block_number: n });
    expect(await search(ext.id)).toEqual([expect.objectContaining({ kind: 'extrinsic', id: ext.id })]);
    expect(await search(dave.address)).toEqual([{ kind: 'account', id: dave.address, label: `Account ${dave.address}`, match: 'address', address: dave.address }]);
    const daveHex = `0x${Buffer.from(dave.addressRaw).toString('hex')}`;
    expect((await search(daveHex)).map((i) => `${i.kind}:${i.id}`)).toEqual([`account:${dave.address}`]);
    expect(await search(devAccount('Ferdie').address)).toEqual([]);
    expect(await search(`0x${'ab'.repeat(32)}`)).toEqual([]);
    expect(await search('99999999')).toEqual([]);
    for (const q of ['', `${'x'.repeat(129)}`]) {
      const r = await get(`/search?q=${q}`);
      expect([r.status, r.body.error.param]).toEqual([400, 'q']);
    }
    expect((await search('datanet:0')).every((i) => i.kind === 'datanet')).toBe(true);
    // bob never transacted here: unknown accounts are not offered
    expect(await search(bob.address)).toEqual([]);
  });

  it('sort applies to the real chain lists, and /docs is served', async () => {
    const asc = (await get('/blocks?sort=number&limit=3')).body.items.map((b: any) => b.number);
    expect(asc).toEqual([0, 1, 2]);
    const fees = (await get('/extrinsics?sort=-fee&limit=1')).body.items;
    expect(fees[0].fee).not.toBeNull();
    expect((await get('/events?sort=nope')).body.error.param).toBe('sort');
    const docs = await fetch(`${indexer.apiUrl}/docs`);
    expect([docs.status, (await docs.text()).includes('swagger-ui-bundle.js')]).toEqual([200, true]);
  });
});
