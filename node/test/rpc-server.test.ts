import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { RpcError } from '../src/rpc/errors.ts';
import { arrayOf, blockNumber, expectParams, hexBytes, optHash, string, u32 } from '../src/rpc/params.ts';
import { RpcServer, type RpcServerOptions } from '../src/rpc/server.ts';

const servers: RpcServer[] = [];
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(opts: Partial<RpcServerOptions> = {}, setup?: (s: RpcServer) => void) {
  const server = new RpcServer({ host: '127.0.0.1', port: 0, methodsPolicy: 'auto', ...opts });
  server.register('echo', (p) => p);
  server.register('add', (p) => { expectParams(p, 2, 2); return u32(p[0], 'a') + u32(p[1], 'b'); });
  server.register('boom', () => { throw new Error('kaboom'); });
  server.register('fail', () => { throw new RpcError(1010, 'Invalid Transaction', 'Custom error: 1'); });
  server.register('big', (p) => 'x'.repeat(p[0] as number));
  server.register('author_rotateKeys', () => '0x00', { unsafe: true });
  setup?.(server);
  servers.push(server);
  const addr = await server.listen();
  return { server, port: addr.port, http: `http://127.0.0.1:${addr.port}`, ws: `ws://127.0.0.1:${addr.port}` };
}

/** ws client that queues incoming messages. */
async function connect(url: string) {
  const ws = new WebSocket(url);
  sockets.push(ws);
  const inbox: unknown[] = [];
  const waiters: ((v: unknown) => void)[] = [];
  ws.on('message', (d) => {
    const m = JSON.parse(String(d));
    const w = waiters.shift();
    if (w) w(m); else inbox.push(m);
  });
  await new Promise<void>((res, rej) => { ws.once('open', () => res()); ws.once('error', rej); });
  const next = (ms = 2000) => inbox.length ? Promise.resolve(inbox.shift()) : new Promise<any>((res, rej) => {
    const t = setTimeout(() => rej(new Error('timeout waiting for message')), ms);
    waiters.push((v) => { clearTimeout(t); res(v); });
  });
  let id = 0;
  const call = async (method: string, params?: unknown) => {
    ws.send(JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }));
    return next() as Promise<any>;
  };
  const closed = new Promise<number>((res) => ws.once('close', (code) => res(code)));
  return { ws, next: next as (ms?: number) => Promise<any>, call, raw: (s: string | Buffer, binary = false) => ws.send(s, { binary }), closed };
}

const post = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, headers: r.headers, text, json: text ? JSON.parse(text) : undefined };
};

describe('RpcServer transport', () => {
  it('serves single calls over WebSocket and HTTP with jsonrpsee field order', async () => {
    const { ws, http } = await start();
    const c = await connect(ws);
    expect(await c.call('add', [2, 3])).toEqual({ jsonrpc: '2.0', id: 1, result: 5 });
    const r = await post(http, { jsonrpc: '2.0', id: 'a', method: 'add', params: [1, 1] });
    expect(r.status).toBe(200);
    expect(r.text).toBe('{"jsonrpc":"2.0","id":"a","result":2}');
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    // lenient content type, missing params → []
    const r2 = await post(http, { jsonrpc: '2.0', id: 1, method: 'echo' }, { 'content-type': 'Application/JSON;charset=UTF-8' });
    expect(r2.json.result).toEqual([]);
    const r3 = await fetch(http, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(r3.status).toBe(415);
    expect((await fetch(http)).status).toBe(405);
  });

  it('handles batches, omitting notifications; an empty batch is an invalid request', async () => {
    const { ws, http } = await start();
    const batch = [
      { jsonrpc: '2.0', id: 1, method: 'add', params: [1, 2] },
      { jsonrpc: '2.0', method: 'add', params: [1, 2] },
      { jsonrpc: '2.0', id: 2, method: 'nope' },
      5,
    ];
    const r = await post(http, batch);
    expect(r.json).toEqual([
      { jsonrpc: '2.0', id: 1, result: 3 },
      { jsonrpc: '2.0', id: 2, error: { code: -32601, message: 'Method not found' } },
      { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Invalid request' } },
    ]);
    const c = await connect(ws);
    c.raw(JSON.stringify(batch));
    expect((await c.next()).length).toBe(3);
    c.raw('[]');
    expect(await c.next()).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Invalid request' } });
    // only notifications: no reply at all (HTTP: empty 200)
    const n = await post(http, [{ jsonrpc: '2.0', method: 'add' }]);
    expect(n.status).toBe(200);
    expect(n.text).toBe('');
  });

  it('reports parse errors, invalid requests, unknown methods and invalid params', async () => {
    const { ws, http } = await start();
    const c = await connect(ws);
    c.raw('{"jsonrpc":"2.0",');
    expect(await c.next()).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
    expect((await post(http, '{oops')).json.error.code).toBe(-32700);

    for (const bad of [
      { id: 1, method: 'echo' },
      { jsonrpc: '1.0', id: 1, method: 'echo' },
      { jsonrpc: '2.0', id: 1, method: 7 },
    ]) {
      c.raw(JSON.stringify(bad));
      expect(await c.next()).toEqual({ jsonrpc: '2.0', id: 1, error: { code: -32600, message: 'Invalid request' } });
    }
    c.raw(JSON.stringify({ jsonrpc: '2.0', id: { x: 1 }, method: 'echo' }));
    expect(await c.next()).toMatchObject({ id: null, error: { code: -32600 } });

    expect(await c.call('missing')).toMatchObject({ error: { code: -32601, message: 'Method not found' } });
    expect(await c.call('add', [1])).toMatchObject({ error: { code: -32602, message: 'Invalid params' } });
    expect(await c.call('add', [1, 2, 3])).toMatchObject({ error: { code: -32602, message: 'Invalid params' } });
    expect(await c.call('add', [1, 'x'])).toMatchObject({ error: { code: -32602, data: expect.stringContaining('b') } });
    expect(await c.call('echo', 'notarray')).toMatchObject({ error: { code: -32602 } });
    expect(await c.call('fail')).toMatchObject({ error: { code: 1010, message: 'Invalid Transaction', data: 'Custom error: 1' } });
  });

  it('rejects by-name params unless the method opts in', async () => {
    const { ws } = await start({}, (s) => s.register('named', (p) => p, { paramNames: ['a', 'b'] }));
    const c = await connect(ws);
    expect(await c.call('echo', { a: 1 })).toMatchObject({ error: { code: -32602, message: 'Invalid params' } });
    expect((await c.call('named', { b: 2, a: 1 })).result).toEqual([1, 2]);
    expect((await c.call('named', { a: 1 })).result).toEqual([1]);
    expect(await c.call('named', { z: 1 })).toMatchObject({ error: { code: -32602 } });
  });

  it('runs subscriptions: response first, notifications, unsubscribe, cleanup on disconnect', async () => {
    let cleanups = 0;
    const emitters = new Set<(v: unknown) => void>();
    const { ws, server } = await start({}, (s) => s.registerSubscription({
      subscribe: 'chain_subscribeNewHeads', aliases: ['subscribe_newHead'], unsubscribe: ['chain_unsubscribeNewHeads', 'unsubscribe_newHead'],
      notification: 'chain_newHead',
      start: async (_p, sink) => {
        sink.send({ n: 0 }); // synchronous first notification must still follow the response
        await new Promise((r) => setTimeout(r, 10));
        sink.send({ n: 1 });
        const emit = (v: unknown) => sink.send(v);
        emitters.add(emit);
        return () => { emitters.delete(emit); cleanups++; };
      },
    }));
    const c = await connect(ws);
    const res = await c.call('chain_subscribeNewHeads', []);
    expect(res.id).toBe(1);
    expect(res.result).toMatch(/^[A-Za-z0-9]{16}$/);
    const subId = res.result;
    expect(await c.next()).toEqual({ jsonrpc: '2.0', method: 'chain_newHead', params: { subscription: subId, result: { n: 0 } } });
    expect((await c.next()).params.result).toEqual({ n: 1 });
    for (const e of emitters) e({ n: 2 });
    expect((await c.next()).params).toEqual({ subscription: subId, result: { n: 2 } });

    // wrong unsubscribe family / unknown id → false; right one → true, cleanup ran
    expect((await c.call('chain_unsubscribeNewHeads', ['nope'])).result).toBe(false);
    expect((await c.call('unsubscribe_newHead', [subId])).result).toBe(true);
    expect(cleanups).toBe(1);
    expect((await c.call('chain_unsubscribeNewHeads', [subId])).result).toBe(false);

    // alias subscribe, then disconnect → cleanup
    const second = (await c.call('subscribe_newHead', [])).result;
    expect(typeof second).toBe('string');
    expect(second).not.toBe(subId);
    await c.next(); await c.next();
    c.ws.close();
    await c.closed;
    await new Promise((r) => setTimeout(r, 50));
    expect(cleanups).toBe(2);
    expect(emitters.size).toBe(0);
    expect(server.connectionCount()).toBe(0);
  });

  it('refuses subscriptions over HTTP and enforces the per-connection limit', async () => {
    const { ws, http } = await start({ maxSubscriptionsPerConnection: 2 }, (s) => s.registerSubscription({
      subscribe: 'sub', unsubscribe: ['unsub'], notification: 'note', start: () => {},
    }));
    const r = await post(http, { jsonrpc: '2.0', id: 1, method: 'sub', params: [] });
    expect(r.json.error).toMatchObject({ code: -32603, message: 'Internal error' });
    expect((await post(http, { jsonrpc: '2.0', id: 1, method: 'unsub', params: ['x'] })).json.error.code).toBe(-32603);

    const c = await connect(ws);
    const a = (await c.call('sub')).result;
    await c.call('sub');
    expect(await c.call('sub')).toMatchObject({ error: { code: -32006, message: 'Too many subscriptions on the connection', data: 'Exceeded max limit of 2' } });
    expect((await c.call('unsub', [a])).result).toBe(true);
    expect(typeof (await c.call('sub')).result).toBe('string');
    // another connection has its own budget
    const c2 = await connect(ws);
    expect(typeof (await c2.call('sub')).result).toBe('string');
  });

  it('rejects a subscription whose start() throws, without leaking its slot', async () => {
    const { ws } = await start({ maxSubscriptionsPerConnection: 1 }, (s) => s.registerSubscription({
      subscribe: 'sub', unsubscribe: ['unsub'], notification: 'note',
      start: (p, sink) => { sink.send('early'); if (p[0] === 'bad') throw new RpcError(-32602, 'Invalid params', 'bad'); },
    }));
    const c = await connect(ws);
    expect(await c.call('sub', ['bad'])).toMatchObject({ error: { code: -32602 } });
    const ok = await c.call('sub', ['good']);
    expect(typeof ok.result).toBe('string');
    expect((await c.next()).params).toEqual({ subscription: ok.result, result: 'early' });
  });

  it('applies the unsafe-method policy like Substrate', async () => {
    const auto = await start({ methodsPolicy: 'auto' });
    expect((await (await connect(auto.ws)).call('author_rotateKeys')).result).toBe('0x00');

    const safe = await start({ methodsPolicy: 'safe' });
    const c = await connect(safe.ws);
    expect(await c.call('author_rotateKeys')).toEqual({ jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'RPC call is unsafe to be called externally' } });
    expect((await post(safe.http, { jsonrpc: '2.0', id: 1, method: 'author_rotateKeys' })).json.error.code).toBe(-32601);
    // still listed, like Substrate (registered, denied at call time)
    expect((await c.call('rpc_methods')).result.methods).toContain('author_rotateKeys');

    const external = await start({ methodsPolicy: 'auto', host: '0.0.0.0' });
    expect((await post(`http://127.0.0.1:${external.port}`, { jsonrpc: '2.0', id: 1, method: 'author_rotateKeys' })).json.error.message)
      .toBe('RPC call is unsafe to be called externally');
    const unsafe = await start({ methodsPolicy: 'unsafe', host: '0.0.0.0' });
    expect((await post(`http://127.0.0.1:${unsafe.port}`, { jsonrpc: '2.0', id: 1, method: 'author_rotateKeys' })).json.result).toBe('0x00');
  });

  it('passes the connection context to handlers', async () => {
    const { ws, http } = await start({}, (s) => s.register('ctx', (_p, ctx) => ctx));
    const c = await connect(ws);
    const a = (await c.call('ctx')).result;
    expect(a.remote).toBe(false);
    expect((await c.call('ctx')).result.connectionId).toBe(a.connectionId);
    expect((await post(http, { jsonrpc: '2.0', id: 1, method: 'ctx' })).json.result.connectionId).not.toBe(a.connectionId);
  });

  it('limits request and response sizes', async () => {
    const { ws, http } = await start({ maxRequestBytes: 1024, maxResponseBytes: 2048 });
    const big = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'echo', params: ['y'.repeat(1500)] });
    const r = await post(http, big);
    expect(r.status).toBe(413);
    expect(r.json).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32007, message: 'Request is too big', data: 'Exceeded max limit of 1024' } });

    const c = await connect(ws);
    c.raw(big);
    expect(await c.next()).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32007, message: 'Request is too big', data: 'Exceeded max limit of 1024' } });
    expect((await c.call('add', [1, 1])).result).toBe(2); // connection survives

    expect(await c.call('big', [5000])).toEqual({ jsonrpc: '2.0', id: 2, error: { code: -32008, message: 'Response is too big', data: 'Exceeded max limit of 2048' } });
    expect((await c.call('big', [100])).result).toHaveLength(100);
    const batch = Array.from({ length: 3 }, (_, i) => ({ jsonrpc: '2.0', id: i, method: 'big', params: [1000] }));
    expect((await post(http, batch)).json).toMatchObject({ id: null, error: { code: -32011, message: 'The batch response was too large' } });

    // far beyond the limit: the socket is closed (1009) instead of buffering it
    const c2 = await connect(ws);
    c2.raw('z'.repeat(5000));
    expect(await c2.closed).toBe(1009);
  });

  it('refuses connections beyond maxConnections', async () => {
    const { ws, http, server } = await start({ maxConnections: 2 });
    await connect(ws);
    await connect(ws);
    expect(server.connectionCount()).toBe(2);
    await expect(connect(ws)).rejects.toThrow(/429/);
    expect((await fetch(http, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(429);
    sockets[0].close();
    await new Promise((r) => setTimeout(r, 50));
    expect((await (await connect(ws)).call('add', [1, 2])).result).toBe(3);
  });

  it('serves rpc_methods, sorted and including itself, aliases and subscriptions', async () => {
    const { ws, server } = await start({}, (s) => {
      s.register('chain_getBlockHash', () => null, { aliases: ['chain_getHead'] });
      s.registerSubscription({ subscribe: 'a_sub', unsubscribe: ['a_unsub'], notification: 'a_note', start: () => {} });
    });
    const res = (await (await connect(ws)).call('rpc_methods')).result;
    expect(res.version).toBe(1);
    expect(res.methods).toEqual(server.methodNames());
    expect(res.methods).toEqual([...res.methods].sort());
    for (const m of ['rpc_methods', 'chain_getHead', 'a_sub', 'a_unsub', 'author_rotateKeys']) expect(res.methods).toContain(m);
    expect(() => server.register('echo', () => 1)).toThrow(/twice/);
  });

  it('answers CORS preflights and GET routes', async () => {
    const listed = await start({ cors: ['https://polkadot.js.org', 'http://localhost:*'] }, (s) => s.onHttpGet('/health', () => ({ isSyncing: false, peers: 0, shouldHavePeers: false })));
    const pre = await fetch(listed.http, { method: 'OPTIONS', headers: { origin: 'https://polkadot.js.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://polkadot.js.org');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('access-control-allow-headers')).toBe('content-type');
    const port = await fetch(listed.http, { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' } });
    expect(port.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    const denied = await fetch(listed.http, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    await expect(connect(listed.ws)).resolves.toBeDefined(); // no Origin header (non-browser client) is fine
    const evil = new WebSocket(listed.ws, { origin: 'https://evil.example' });
    sockets.push(evil);
    await expect(new Promise((res, rej) => { evil.once('open', res); evil.once('error', rej); })).rejects.toThrow(/403/);

    const health = await fetch(`${listed.http}/health`);
    expect(await health.json()).toEqual({ isSyncing: false, peers: 0, shouldHavePeers: false });

    const open = await start({ cors: null });
    const any = await fetch(open.http, { method: 'OPTIONS', headers: { origin: 'https://anything.example', 'access-control-request-method': 'POST' } });
    expect(any.headers.get('access-control-allow-origin')).toBe('*');
    const r = await post(open.http, { jsonrpc: '2.0', id: 1, method: 'add', params: [1, 2] }, { origin: 'https://anything.example' });
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('turns generic handler exceptions into -32603 and keeps serving', async () => {
    const logs: string[] = [];
    const { ws, http } = await start({ log: (m) => logs.push(m) }, (s) => s.register('bigint', () => 1n));
    const c = await connect(ws);
    expect(await c.call('boom')).toEqual({ jsonrpc: '2.0', id: 1, error: { code: -32603, message: 'Internal error', data: 'kaboom' } });
    expect((await c.call('bigint')).error.code).toBe(-32603);
    expect((await c.call('add', [2, 2])).result).toBe(4);
    expect((await post(http, { jsonrpc: '2.0', id: 1, method: 'boom' })).json.error.code).toBe(-32603);
    expect(logs.some((l) => l.includes('kaboom'))).toBe(true);
  });

  it('survives garbage input', async () => {
    const { ws, http } = await start();
    const c = await connect(ws);
    const garbage: (string | Buffer)[] = [
      '', ' ', 'null', 'true', '"str"', '42', '[1,2,3]', '[[]]', '{}', '{"jsonrpc":"2.0","id":1}',
      '{"jsonrpc":"2.0","id":[1],"method":"echo"}', '{"jsonrpc":"2.0","id":1,"method":"echo","params":7}',
      '{"jsonrpc":"2.0","id":1,"method":"__proto__"}', '{"jsonrpc":"2.0","id":1,"method":"constructor"}',
      '['.repeat(100_000) + ']'.repeat(100_000), '{"a":' + '1'.repeat(500) + '}',
    ];
    for (const g of garbage) c.raw(g);
    c.raw(Buffer.from([0xff, 0xfe, 0x00, 0x80]), true);
    c.raw(Buffer.from('{"jsonrpc":"2.0","id":99,"method":"add","params":[20,22]}'), true); // binary frames are read as JSON too
    const replies: any[] = [];
    for (let i = 0; i < garbage.length + 2; i++) replies.push(await c.next());
    for (const r of replies) expect(r === null || typeof r === 'object').toBe(true);
    expect(replies.find((r) => r?.id === 99)?.result).toBe(42);
    expect(replies.filter((r) => r?.error?.code === -32601).length).toBe(2); // prototype names are not methods
    expect((await c.call('add', [1, 2])).result).toBe(3);
    for (const g of garbage.slice(0, 8)) expect([200, 400]).toContain((await post(http, g)).status);
    expect((await post(http, { jsonrpc: '2.0', id: 1, method: 'add', params: [3, 4] })).json.result).toBe(7);
  });

  it('close() ends connections and runs subscription cleanups', async () => {
    let cleaned = false;
    const { ws, server } = await start({}, (s) => s.registerSubscription({
      subscribe: 'sub', unsubscribe: ['unsub'], notification: 'note', start: () => () => { cleaned = true; },
    }));
    const c = await connect(ws);
    await c.call('sub');
    await server.close();
    expect(cleaned).toBe(true);
    expect(server.connectionCount()).toBe(0);
    await c.closed;
  });
});

describe('param helpers', () => {
  const code = (f: () => unknown) => { try { f(); } catch (e) { return (e as RpcError).code; } return 'ok'; };
  it('validate with -32602', () => {
    expect(hexBytes('0x0aff', 'x')).toEqual(new Uint8Array([10, 255]));
    expect(hexBytes('0x', 'x')).toEqual(new Uint8Array());
    expect(hexBytes('', 'x', { emptyString: true })).toEqual(new Uint8Array());
    for (const bad of ['', '0x1', 'abcd', '0xzz', 5, null]) expect(code(() => hexBytes(bad, 'x'))).toBe(-32602);
    expect(optHash(null)).toBeUndefined();
    expect(optHash(undefined)).toBeUndefined();
    expect(optHash('0x' + '11'.repeat(32))).toHaveLength(32);
    expect(code(() => optHash('0x1122'))).toBe(-32602);
    expect(blockNumber(5)).toBe(5);
    expect(blockNumber('0x1f')).toBe(31);
    for (const bad of [-1, 1.5, '12', '0x', '0x100000000', null, 2 ** 32]) expect(code(() => blockNumber(bad))).toBe(-32602);
    expect(u32(4294967295)).toBe(4294967295);
    for (const bad of [-1, 4294967296, '1', 0.5]) expect(code(() => u32(bad))).toBe(-32602);
    expect(string('a')).toBe('a');
    expect(code(() => string(1))).toBe(-32602);
    expect(arrayOf([1, 2], (v) => u32(v))).toEqual([1, 2]);
    expect(code(() => arrayOf('x', (v) => v))).toBe(-32602);
    expect(code(() => expectParams([1, 2], 0, 1))).toBe(-32602);
    expect(code(() => expectParams([], 1, 1))).toBe(-32602);
    expect(code(() => expectParams([1], 1, 2))).toBe('ok');
  });
});
