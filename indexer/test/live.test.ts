// GET /live: a real HTTP client receives block, finalized and rollback events as the ingester's notifier fires; heartbeats;
// the stream limit (503); streams are dropped on disconnect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import type { Database } from '../src/db.ts';
import type { DecodedBlock } from '../src/decode.ts';
import { Ingester } from '../src/ingest.ts';
import { ChainNotifier, LiveHub } from '../src/live.ts';
import { alice, bob, fixtureDb, hash, serve, type TestServer } from './fixture.ts';

let db: Database;
let api: TestServer;
const notifier = new ChainNotifier();
const hub = new LiveHub(notifier, { maxClients: 2, heartbeatMs: 100 });
beforeAll(async () => {
  db = await fixtureDb();
  api = await serve(db, { live: hub });
});
afterAll(async () => {
  hub.close();
  await api?.close();
  await db?.close();
});

interface Stream { res: IncomingMessage; text: () => string; events: () => { event: string; data: any }[]; close(): void }

/** Opens GET /live with node's HTTP client and collects what arrives. */
function open(): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = request(`${api.url}/live`, { headers: { accept: 'text/event-stream' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => { text += d; });
      res.on('error', () => undefined);
      resolve({
        res,
        text: () => text,
        events: () => text.split('\n\n').flatMap((frame) => {
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          return event && data ? [{ event, data: JSON.parse(data) }] : [];
        }),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const until = async (what: string, f: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

const decoded = (number: number, transfers: DecodedBlock['transfers'] = []) => ({
  block: { number, hash: hash(number), parentHash: hash(number - 1), stateRoot: hash(0), extrinsicsRoot: hash(0), author: alice, timestamp: null, specVersion: 100, extrinsicCount: 2, eventCount: 3 },
  extrinsics: [], events: [], transfers,
}) as unknown as DecodedBlock;

describe('GET /live', () => {
  it('streams block (with its transfers), finalized (once per change) and rollback events', async () => {
    const s = await open();
    expect(s.res.statusCode).toBe(200);
    expect(s.res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(s.res.headers['cache-control']).toMatch(/no-cache/);
    expect(s.res.headers['access-control-allow-origin']).toBe('*');
    await until('the stream to register', () => hub.size === 1);
    notifier.emit('blocks', [decoded(5, [{ eventIndex: 2, extrinsicIndex: 1, from: alice, to: bob, amount: '1000000000000' }]), decoded(6)]);
    notifier.emit('finalized', 5);
    notifier.emit('finalized', 5);
    notifier.emit('rollback', 6);
    notifier.emit('finalized', 6);
    await until('five events', () => s.events().length >= 5);
    expect(s.events()).toEqual([
      { event: 'block', data: { number: 5, hash: hash(5), extrinsicCount: 2, eventCount: 3, transfers: [{ eventIndex: 2, extrinsicIndex: 1, from: alice, to: bob, amount: '1000000000000' }] } },
      { event: 'block', data: { number: 6, hash: hash(6), extrinsicCount: 2, eventCount: 3, transfers: [] } },
      { event: 'finalized', data: { number: 5 } },
      { event: 'rollback', data: { from: 6 } },
      { event: 'finalized', data: { number: 6 } },
    ]);
    s.close();
    await until('the stream to be dropped', () => hub.size === 0);
  });

  it('sends heartbeat comments while idle', async () => {
    const s = await open();
    await until('two heartbeats', () => (s.text().match(/^: heartbeat$/gm) ?? []).length >= 2, 3000);
    expect(s.text().startsWith('retry: 3000\n')).toBe(true);
    s.close();
    await until('the stream to be dropped', () => hub.size === 0);
  });

  it('refuses streams beyond the limit with 503 as JSON, and accepts again after one disconnects', async () => {
    const [a, b] = [await open(), await open()];
    await until('two streams', () => hub.size === 2);
    const r = await fetch(`${api.url}/live`);
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('5');
    expect(((await r.json()) as any).error.message).toMatch(/too many live streams/);
    a.close();
    await until('one stream', () => hub.size === 1);
    const c = await open();
    expect(c.res.statusCode).toBe(200);
    notifier.emit('rollback', 3);
    await until('the event on both', () => b.events().length === 1 && c.events().length === 1);
    b.close();
    c.close();
    await until('no streams', () => hub.size === 0);
  });

  it('close() ends the streams and detaches from the notifier; unknown query parameters are refused', async () => {
    const other = new ChainNotifier();
    const local = new LiveHub(other);
    const server = await serve(db, { live: local });
    try {
      const url = server.url;
      const res = await fetch(`${url}/live?x=1`);
      expect([res.status, ((await res.json()) as any).error.param]).toEqual([400, 'x']);
      const r = await fetch(`${url}/live`);
      const reader = r.body!.getReader();
      await until('registered', () => local.size === 1);
      expect(other.listenerCount('blocks')).toBe(1);
      local.close();
      expect(other.listenerCount('blocks')).toBe(0);
      let done = false;
      while (!done) done = (await reader.read()).done;
      expect(local.size).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('drops a client that stops reading once its queue passes maxBuffered', async () => {
    const other = new ChainNotifier();
    const local = new LiveHub(other, { maxBuffered: 256 * 1024 });
    const server = await serve(db, { live: local });
    const { port } = new URL(server.url);
    const sock = connect(Number(port), '127.0.0.1');
    try {
      sock.write('GET /live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      await until('registered', () => local.size === 1);
      sock.pause();
      const transfers = Array.from({ length: 200 }, (_, i) => ({ eventIndex: i, extrinsicIndex: 1, from: alice, to: bob, amount: String(i) }));
      for (let i = 0; i < 4000 && local.size === 1; i++) {
        other.emit('blocks', [decoded(i, transfers)]);
        if (i % 50 === 0) await new Promise((r) => setTimeout(r, 5));
      }
      expect(local.size).toBe(0);
    } finally {
      sock.destroy();
      local.close();
      await server.close();
    }
  });

  it('the ingester owns a notifier for its hooks', () => {
    const ingester = new Ingester(db, { url: 'ws://127.0.0.1:1' });
    expect(ingester.events).toBeInstanceOf(ChainNotifier);
  });
});
