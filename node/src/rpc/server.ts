// Substrate-compatible JSON-RPC 2.0 transport: WebSocket and HTTP POST on one port, shaped after
// polkadot-sdk's jsonrpsee server (sc-rpc-server): same limits, error codes, batch and subscription rules.
import { randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  INTERNAL_ERROR, INTERNAL_ERROR_MSG, INVALID_PARAMS, INVALID_PARAMS_MSG, INVALID_REQUEST, INVALID_REQUEST_MSG, invalidParams,
  limitError, METHOD_NOT_FOUND, METHOD_NOT_FOUND_MSG, OVERSIZED_REQUEST, OVERSIZED_REQUEST_MSG, OVERSIZED_RESPONSE,
  OVERSIZED_RESPONSE_MSG, PARSE_ERROR, PARSE_ERROR_MSG, RpcError, TOO_BIG_BATCH_RESPONSE, TOO_BIG_BATCH_RESPONSE_MSG,
  TOO_MANY_SUBSCRIPTIONS, TOO_MANY_SUBSCRIPTIONS_MSG, UNSAFE_RPC_CALLED, UNSAFE_RPC_CALLED_MSG,
} from './errors.ts';

export interface RpcContext { connectionId: number; /** true if the peer address is not loopback */ remote: boolean }
/** Params arrive normalised to a positional array. */
export type Handler = (params: unknown[], ctx: RpcContext) => unknown | Promise<unknown>;

export interface SubscriptionSink {
  id: string;
  send(result: unknown): void;
  /** true until unsubscribed, closed or disconnected */
  readonly open: boolean;
  onClose(cb: () => void): void;
  /** Ends the subscription from the server side (frees the slot; the client is not notified, like Substrate). */
  close(): void;
}

export interface RegisterOptions {
  unsafe?: boolean;
  aliases?: string[];
  /** Opt in to by-name params: object params are mapped to positions using these names. */
  paramNames?: string[];
  /** Code for the unsafe-call denial; Substrate's state_* report it as 4003 instead of -32601. */
  unsafeCode?: number;
}

export interface SubscriptionOptions {
  subscribe: string;
  aliases?: string[];
  /** every unsubscribe name, aliases included */
  unsubscribe: string[];
  notification: string;
  unsafe?: boolean;
  /** Returns the cleanup run on unsubscribe/disconnect/close. Throwing rejects the subscribe call. */
  start: (params: unknown[], sink: SubscriptionSink, ctx: RpcContext) => void | (() => void) | Promise<void | (() => void)>;
}

export interface RpcServerOptions {
  host: string;
  port: number;
  maxRequestBytes?: number;
  maxResponseBytes?: number;
  maxConnections?: number;
  maxSubscriptionsPerConnection?: number;
  methodsPolicy: 'safe' | 'unsafe' | 'auto';
  /** allowed browser origins; null = any (entries may end in ":*" for any port) */
  cors?: string[] | 'all' | null;
  log?: (msg: string) => void;
}

export type HttpRoute = (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>;

/** Lets an `onHttpGet` handler pick the status (e.g. a readiness probe answering 500). */
export class HttpReply {
  constructor(readonly status: number, readonly body: unknown) {}
}

type Id = string | number | null;
type ErrorObj = { code: number; message: string; data?: unknown };
type Reply = { id: Id; result: unknown } | { id: Id; error: ErrorObj };
/** A reply plus work to run once it has been written (subscription activation). */
type Outcome = { reply?: Reply; after?: () => void; abort?: () => void };

type Entry =
  | { kind: 'call'; handler: Handler; unsafe: boolean; unsafeCode: number; paramNames?: string[] }
  | { kind: 'sub'; def: SubscriptionOptions }
  | { kind: 'unsub'; def: SubscriptionOptions };

interface Conn { id: number; remote: boolean; ws?: WebSocket; subs: Map<string, Sub>; missedPongs: number }
interface Sub { def: SubscriptionOptions; sink: Sink }

const MiB = 1024 * 1024;
const JSON_CT = 'application/json; charset=utf-8';
const PING_INTERVAL_MS = 30_000;
const ID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const utf8 = new TextDecoder('utf-8', { fatal: true });

const rpcError = (e: unknown): ErrorObj =>
  e instanceof RpcError ? e.toJSON() : { code: INTERNAL_ERROR, message: INTERNAL_ERROR_MSG, data: e instanceof Error ? e.message : String(e) };
const fail = (id: Id, code: number, message: string, data?: unknown): Outcome =>
  ({ reply: { id, error: data === undefined ? { code, message } : { code, message, data } } });
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isValidId = (v: unknown): v is Id => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

export function isLoopback(addr: string | undefined): boolean {
  if (!addr) return false;
  const a = addr.replace(/^::ffff:/i, '').replace(/^\[|\]$/g, '');
  return a === 'localhost' || a === '::1' || /^127\.\d+\.\d+\.\d+$/.test(a);
}

/** Substrate's RandomStringIdProvider(16): alphanumeric and unguessable. */
const newSubscriptionId = () => Array.from({ length: 16 }, () => ID_CHARS[randomInt(ID_CHARS.length)]).join('');

/** Subscription sink that holds notifications until the subscribe response has been written. */
class Sink implements SubscriptionSink {
  private queue: string[] | null = [];
  private closeCbs: (() => void)[] = [];
  private cleanup?: () => void;
  private closed = false;

  constructor(readonly id: string, private readonly notification: string, private readonly write: (msg: string) => void,
    private readonly detach: () => void, private readonly log: (msg: string) => void) {}

  get open() { return !this.closed; }

  send(result: unknown): void {
    if (this.closed) return;
    let msg: string;
    try {
      msg = JSON.stringify({ jsonrpc: '2.0', method: this.notification, params: { subscription: this.id, result: result ?? null } });
    } catch (e) {
      this.log(`rpc: cannot encode ${this.notification} notification: ${(e as Error).message}`);
      return;
    }
    if (this.queue) this.queue.push(msg);
    else this.write(msg);
  }

  onClose(cb: () => void): void {
    if (this.closed) this.safely(cb);
    else this.closeCbs.push(cb);
  }

  setCleanup(cb: () => void): void {
    if (this.closed) this.safely(cb);
    else this.cleanup = cb;
  }

  /** Subscribe response is out: flush what start() already produced (even if it closed meanwhile). */
  activate(): void {
    const q = this.queue ?? [];
    this.queue = null;
    for (const m of q) this.write(m);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.detach();
    const cbs = [this.cleanup, ...this.closeCbs];
    this.cleanup = undefined;
    this.closeCbs = [];
    for (const cb of cbs) if (cb) this.safely(cb);
  }

  /** The subscribe call failed: nothing queued may ever be sent. */
  discard(): void {
    this.queue = [];
    this.close();
  }

  private safely(cb: () => void): void {
    try { cb(); } catch (e) { this.log(`rpc: subscription cleanup of ${this.notification} failed: ${(e as Error).message}`); }
  }
}

export class RpcServer {
  private readonly methods = new Map<string, Entry>();
  private readonly gets = new Map<string, () => unknown>();
  private readonly routes: { prefix: string; handler: HttpRoute }[] = [];
  private readonly wsConns = new Set<Conn>();
  private readonly socketIds = new WeakMap<Socket, number>();
  private readonly maxRequestBytes: number;
  private readonly maxResponseBytes: number;
  private readonly maxConnections: number;
  private readonly maxSubs: number;
  private readonly unsafeAllowed: boolean;
  private readonly log: (msg: string) => void;
  private http?: Server;
  private wss?: WebSocketServer;
  private pinger?: NodeJS.Timeout;
  private httpInFlight = 0;
  private nextConnId = 1;

  constructor(private readonly opts: RpcServerOptions) {
    this.maxRequestBytes = opts.maxRequestBytes ?? 15 * MiB;
    this.maxResponseBytes = opts.maxResponseBytes ?? 15 * MiB;
    this.maxConnections = opts.maxConnections ?? 100;
    this.maxSubs = opts.maxSubscriptionsPerConnection ?? 1024;
    this.log = opts.log ?? (() => {});
    // sc-cli: `--rpc-methods auto` means unsafe allowed only when listening on loopback.
    this.unsafeAllowed = opts.methodsPolicy === 'unsafe' || (opts.methodsPolicy === 'auto' && isLoopback(opts.host));
    // sc-rpc-server build_rpc_api: rpc_methods lists everything, itself included.
    this.register('rpc_methods', () => ({ version: 1, methods: this.methodNames() }));
  }

  register(name: string, handler: Handler, opts: RegisterOptions = {}): void {
    const entry: Entry = { kind: 'call', handler, unsafe: !!opts.unsafe, unsafeCode: opts.unsafeCode ?? UNSAFE_RPC_CALLED, paramNames: opts.paramNames };
    for (const n of [name, ...(opts.aliases ?? [])]) this.add(n, entry);
  }

  registerSubscription(def: SubscriptionOptions): void {
    for (const n of [def.subscribe, ...(def.aliases ?? [])]) this.add(n, { kind: 'sub', def });
    for (const n of def.unsubscribe) this.add(n, { kind: 'unsub', def });
  }

  /** Plain GET routes (e.g. /health); the handler's value is sent as JSON. */
  onHttpGet(path: string, handler: () => unknown | Promise<unknown>): void {
    this.gets.set(path, handler);
  }

  /**
   * Raw HTTP routes for paths under `prefix` (any method but OPTIONS, which CORS answers): the handler
   * owns the request and the response (e.g. the content store's uploads and downloads).
   */
  onHttpRoute(prefix: string, handler: HttpRoute): void {
    this.routes.push({ prefix, handler });
  }

  methodNames(): string[] {
    return [...this.methods.keys()].sort();
  }

  connectionCount(): number {
    return this.wsConns.size + this.httpInFlight;
  }

  /** Whether unsafe methods are callable under the configured policy. */
  get allowsUnsafe(): boolean {
    return this.unsafeAllowed;
  }

  listen(): Promise<{ host: string; port: number }> {
    if (this.http) throw new Error('RpcServer already listening');
    const http = createServer((req, res) => void this.onHttp(req, res).catch((e) => this.onHttpCrash(res, e)));
    // Idle keep-alive sockets outlive clients' own idle timeouts (undici: 4 s), so a client never reuses a
    // socket the server is closing at that moment (UND_ERR_SOCKET under load).
    http.keepAliveTimeout = 30_000;
    // Frames up to twice the limit get jsonrpsee's -32007 reply; beyond that ws closes with 1009 so memory stays bounded.
    const wss = new WebSocketServer({ noServer: true, maxPayload: 2 * this.maxRequestBytes });
    http.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket as Socket, head));
    this.http = http;
    this.wss = wss;
    this.pinger = setInterval(() => this.ping(), PING_INTERVAL_MS).unref();
    return new Promise((resolve, reject) => {
      http.once('error', reject);
      http.listen(this.opts.port, this.opts.host, () => {
        http.off('error', reject);
        http.on('error', (e) => this.log(`rpc: server error: ${e.message}`));
        const a = http.address() as AddressInfo;
        resolve({ host: this.opts.host, port: a.port });
      });
    });
  }

  async close(): Promise<void> {
    clearInterval(this.pinger);
    for (const conn of [...this.wsConns]) {
      conn.ws!.terminate();
      this.dropConn(conn);
    }
    const http = this.http;
    this.wss?.close();
    if (!http) return;
    await new Promise<void>((resolve) => {
      http.close(() => resolve());
      http.closeAllConnections();
    });
  }

  private add(name: string, entry: Entry): void {
    if (this.methods.has(name)) throw new Error(`RPC method ${name} registered twice`);
    this.methods.set(name, entry);
  }

  // ---------------------------------------------------------------- HTTP

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowOrigin = this.allowedOrigin(req.headers.origin);
    if (allowOrigin) {
      res.setHeader('Access-Control-Allow-Origin', allowOrigin);
      if (allowOrigin !== '*') res.setHeader('Vary', 'Origin');
    }
    if (this.connectionCount() >= this.maxConnections) return text(res, 429, 'Too many connections. Please try again later.');
    this.httpInFlight++;
    res.once('close', () => this.httpInFlight--);

    if (req.method === 'OPTIONS') {
      if (!allowOrigin) return text(res, 403, 'Origin not allowed\n');
      res.setHeader('Access-Control-Allow-Methods', 'POST, GET, HEAD, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? 'content-type');
      res.setHeader('Access-Control-Max-Age', '86400');
      res.writeHead(204).end();
      return;
    }
    const path = (req.url ?? '/').split('?')[0];
    const route = this.routes.find((r) => path === r.prefix || path.startsWith(r.prefix + '/'));
    if (route) return route.handler(req, res, path);
    const get = this.gets.get(path);
    if ((req.method === 'GET' || req.method === 'HEAD') && get) return this.serveGet(res, get);
    if (req.method !== 'POST') return text(res, 405, 'Used HTTP Method is not allowed. POST is required\n');
    if (!isJsonContentType(req.headers['content-type'])) {
      return text(res, 415, 'Supplied content type is not allowed. Content-Type: application/json is required\n');
    }
    const body = await readBody(req, this.maxRequestBytes);
    if (body === null) {
      res.setHeader('Connection', 'close');
      const err = limitError(OVERSIZED_REQUEST, OVERSIZED_REQUEST_MSG, this.maxRequestBytes).toJSON();
      return send(res, 413, JSON.stringify({ jsonrpc: '2.0', id: null, error: err }));
    }
    const socket = req.socket;
    let connectionId = this.socketIds.get(socket);
    if (connectionId === undefined) this.socketIds.set(socket, (connectionId = this.nextConnId++));
    const conn: Conn = { id: connectionId, remote: !isLoopback(socket.remoteAddress), subs: new Map(), missedPongs: 0 };
    let textBody: string;
    try { textBody = utf8.decode(body); } catch { textBody = '\uFFFD'; }
    const { out } = await this.process(textBody, conn);
    send(res, 200, out ?? '');
  }

  private async serveGet(res: ServerResponse, handler: () => unknown): Promise<void> {
    try {
      const v = await handler();
      const reply = v instanceof HttpReply ? v : new HttpReply(200, v);
      send(res, reply.status, reply.body === undefined ? '' : JSON.stringify(reply.body));
    } catch (e) {
      this.log(`rpc: GET handler failed: ${(e as Error).message}`);
      send(res, 500, JSON.stringify({ error: (e as Error).message }));
    }
  }

  private onHttpCrash(res: ServerResponse, e: unknown): void {
    this.log(`rpc: HTTP request failed: ${(e as Error)?.message ?? e}`);
    if (!res.headersSent) send(res, 500, JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: INTERNAL_ERROR, message: INTERNAL_ERROR_MSG } }));
    else res.destroy();
  }

  /** null origin option = any origin (what `--rpc-cors all` and this node's default mean). */
  private allowedOrigin(origin: string | undefined): string | undefined {
    const cors = this.opts.cors ?? 'all';
    if (cors === 'all') return '*';
    if (!origin) return undefined;
    const ok = cors.some((o) => o === origin || (o.endsWith(':*') && origin.startsWith(o.slice(0, -1)) && /^\d+$/.test(origin.slice(o.length - 1))));
    return ok ? origin : undefined;
  }

  // ---------------------------------------------------------------- WebSocket

  private onUpgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    if (this.connectionCount() >= this.maxConnections) return rawReject(socket, 429, 'Too many connections. Please try again later.');
    // Browsers don't apply CORS to WebSockets, so an explicit origin list is enforced here.
    if (req.headers.origin && !this.allowedOrigin(req.headers.origin)) return rawReject(socket, 403, 'Origin not allowed');
    this.wss!.handleUpgrade(req, socket, head, (ws) => this.onWs(ws, req));
  }

  private onWs(ws: WebSocket, req: IncomingMessage): void {
    const conn: Conn = { id: this.nextConnId++, remote: !isLoopback(req.socket.remoteAddress), ws, subs: new Map(), missedPongs: 0 };
    this.wsConns.add(conn);
    ws.on('message', (data) => this.onWsMessage(conn, data as Buffer));
    ws.on('pong', () => { conn.missedPongs = 0; });
    ws.on('error', (e) => this.log(`rpc: ws connection ${conn.id}: ${e.message}`));
    ws.on('close', () => this.dropConn(conn));
  }

  private onWsMessage(conn: Conn, data: Buffer): void {
    conn.missedPongs = 0;
    if (data.length > this.maxRequestBytes) {
      const err = limitError(OVERSIZED_REQUEST, OVERSIZED_REQUEST_MSG, this.maxRequestBytes).toJSON();
      return this.wsWrite(conn, JSON.stringify({ jsonrpc: '2.0', id: null, error: err }));
    }
    // jsonrpsee accepts binary frames as well as text ones.
    let textMsg: string;
    try { textMsg = utf8.decode(data); } catch { textMsg = '\uFFFD'; }
    this.process(textMsg, conn).then(({ out, after }) => {
      if (out !== undefined) this.wsWrite(conn, out);
      for (const a of after) a();
    }).catch((e) => this.log(`rpc: ws message failed: ${(e as Error)?.message ?? e}`));
  }

  private wsWrite(conn: Conn, msg: string): void {
    const ws = conn.ws!;
    if (ws.readyState !== ws.OPEN) return;
    ws.send(msg);
    // A peer that stops reading must not make us buffer without bound.
    if (ws.bufferedAmount > Math.max(64 * MiB, 2 * this.maxResponseBytes)) {
      this.log(`rpc: ws connection ${conn.id} is not reading its messages; dropping it`);
      ws.terminate();
      this.dropConn(conn);
    }
  }

  private dropConn(conn: Conn): void {
    if (!this.wsConns.delete(conn)) return;
    for (const sub of [...conn.subs.values()]) sub.sink.close();
  }

  private ping(): void {
    for (const conn of this.wsConns) {
      if (conn.missedPongs >= 2) {
        conn.ws!.terminate();
        this.dropConn(conn);
        continue;
      }
      conn.missedPongs++;
      try { conn.ws!.ping(); } catch { /* closing */ }
    }
  }

  // ---------------------------------------------------------------- JSON-RPC

  /** Handles one HTTP body or WS message; `after` must run once `out` has been written. */
  private async process(body: string, conn: Conn): Promise<{ out?: string; after: (() => void)[] }> {
    let msg: unknown;
    try { msg = JSON.parse(body); } catch { return { out: this.encode(fail(null, PARSE_ERROR, PARSE_ERROR_MSG).reply!), after: [] }; }
    if (!Array.isArray(msg)) {
      const o = await this.handle(msg, conn);
      return { out: o.reply && this.encode(o.reply), after: o.after ? [o.after] : [] };
    }
    // jsonrpsee: an empty batch is a single invalid-request error, entries run in order.
    if (msg.length === 0) return { out: this.encode(fail(null, INVALID_REQUEST, INVALID_REQUEST_MSG).reply!), after: [] };
    const parts: string[] = [];
    const outcomes: Outcome[] = [];
    let size = 2;
    for (const item of msg) {
      const o = await this.handle(item, conn);
      outcomes.push(o);
      if (!o.reply) continue;
      const s = this.encode(o.reply);
      size += Buffer.byteLength(s) + 1;
      if (size > this.maxResponseBytes) {
        for (const x of outcomes) x.abort?.();
        const err = limitError(TOO_BIG_BATCH_RESPONSE, TOO_BIG_BATCH_RESPONSE_MSG, this.maxResponseBytes).toJSON();
        return { out: JSON.stringify({ jsonrpc: '2.0', id: null, error: err }), after: [] };
      }
      parts.push(s);
    }
    const after = outcomes.flatMap((o) => (o.after ? [o.after] : []));
    return { out: parts.length ? `[${parts.join(',')}]` : undefined, after };
  }

  /** Serialises a reply in jsonrpsee's field order; oversized or unencodable results become errors. */
  private encode(reply: Reply): string {
    const head = `{"jsonrpc":"2.0","id":${JSON.stringify(reply.id)},`;
    let s: string;
    try {
      s = 'error' in reply ? `${head}"error":${JSON.stringify(reply.error)}}` : `${head}"result":${JSON.stringify(reply.result ?? null)}}`;
    } catch (e) {
      this.log(`rpc: cannot encode response: ${(e as Error).message}`);
      return `${head}"error":${JSON.stringify({ code: INTERNAL_ERROR, message: INTERNAL_ERROR_MSG, data: (e as Error).message })}}`;
    }
    if (s.length > this.maxResponseBytes || Buffer.byteLength(s) > this.maxResponseBytes) {
      return `${head}"error":${JSON.stringify(limitError(OVERSIZED_RESPONSE, OVERSIZED_RESPONSE_MSG, this.maxResponseBytes).toJSON())}}`;
    }
    return s;
  }

  private async handle(req: unknown, conn: Conn): Promise<Outcome> {
    if (!isPlainObject(req)) return fail(null, INVALID_REQUEST, INVALID_REQUEST_MSG);
    const hasId = 'id' in req;
    const id = hasId && isValidId(req.id) ? req.id : null;
    if ((hasId && !isValidId(req.id)) || req.jsonrpc !== '2.0' || typeof req.method !== 'string') {
      return fail(id, INVALID_REQUEST, INVALID_REQUEST_MSG);
    }
    // Notifications are acknowledged by silence and not executed (as jsonrpsee does).
    if (!hasId) return {};
    const entry = this.methods.get(req.method);
    if (!entry) return fail(id, METHOD_NOT_FOUND, METHOD_NOT_FOUND_MSG);
    const ctx: RpcContext = { connectionId: conn.id, remote: conn.remote };

    if (entry.kind !== 'call' && !conn.ws) {
      // jsonrpsee answers (un)subscriptions over HTTP with an internal error.
      return fail(id, INTERNAL_ERROR, INTERNAL_ERROR_MSG, 'Subscriptions are not supported over HTTP; use WebSocket');
    }
    if (entry.kind === 'unsub') return { reply: { id, result: this.unsubscribe(entry.def, req.params, conn) } };
    const unsafe = entry.kind === 'call' ? entry.unsafe : !!entry.def.unsafe;
    if (unsafe && !this.unsafeAllowed) {
      return fail(id, entry.kind === 'call' ? entry.unsafeCode : UNSAFE_RPC_CALLED, UNSAFE_RPC_CALLED_MSG);
    }
    let params: unknown[];
    try {
      params = normaliseParams(req.params, entry.kind === 'call' ? entry.paramNames : undefined);
    } catch (e) {
      return { reply: { id, error: rpcError(e) } };
    }
    if (entry.kind === 'sub') return this.subscribe(entry.def, params, conn, ctx, id);
    try {
      return { reply: { id, result: await entry.handler(params, ctx) } };
    } catch (e) {
      if (!(e instanceof RpcError)) this.log(`rpc: ${req.method} failed: ${(e as Error)?.stack ?? e}`);
      return { reply: { id, error: rpcError(e) } };
    }
  }

  private async subscribe(def: SubscriptionOptions, params: unknown[], conn: Conn, ctx: RpcContext, id: Id): Promise<Outcome> {
    if (conn.subs.size >= this.maxSubs) {
      return { reply: { id, error: limitError(TOO_MANY_SUBSCRIPTIONS, TOO_MANY_SUBSCRIPTIONS_MSG, this.maxSubs).toJSON() } };
    }
    let subId = newSubscriptionId();
    while (conn.subs.has(subId)) subId = newSubscriptionId();
    const sink = new Sink(subId, def.notification, (m) => this.wsWrite(conn, m), () => conn.subs.delete(subId), this.log);
    conn.subs.set(subId, { def, sink });
    try {
      const cleanup = await def.start(params, sink, ctx);
      if (typeof cleanup === 'function') sink.setCleanup(cleanup);
    } catch (e) {
      if (!(e instanceof RpcError)) this.log(`rpc: ${def.subscribe} failed: ${(e as Error)?.stack ?? e}`);
      sink.discard();
      return { reply: { id, error: rpcError(e) } };
    }
    return { reply: { id, result: subId }, after: () => sink.activate(), abort: () => sink.discard() };
  }

  /** Substrate/jsonrpsee: `true` if this connection had that subscription of this kind, else `false` (never an error). */
  private unsubscribe(def: SubscriptionOptions, rawParams: unknown, conn: Conn): boolean {
    const subId = Array.isArray(rawParams) ? rawParams[0] : undefined;
    const key = typeof subId === 'number' ? String(subId) : subId;
    if (typeof key !== 'string') return false;
    const sub = conn.subs.get(key);
    if (!sub || sub.def !== def) return false;
    sub.sink.close();
    return true;
  }
}

/** By-position arrays pass; by-name objects only for handlers that opted in; anything else is -32602. */
function normaliseParams(p: unknown, names?: string[]): unknown[] {
  if (p === undefined || p === null) return [];
  if (Array.isArray(p)) return p;
  if (isPlainObject(p) && names) {
    const unknown = Object.keys(p).filter((k) => !names.includes(k));
    if (unknown.length) throw invalidParams(`unknown parameter(s): ${unknown.join(', ')}`);
    const out = names.map((n) => p[n]);
    while (out.length && out[out.length - 1] === undefined) out.pop();
    return out;
  }
  throw new RpcError(INVALID_PARAMS, INVALID_PARAMS_MSG, isPlainObject(p) ? 'by-name params are not supported by this method; pass an array' : 'params must be an array');
}

/** jsonrpsee accepts application/json (and json-rpc) with or without a charset. */
function isJsonContentType(ct: string | undefined): boolean {
  const media = (ct ?? '').split(';')[0].trim().toLowerCase();
  return media === 'application/json' || media === 'application/json-rpc';
}

/**
 * Reads the body, or resolves null when it exceeds `max`. An oversized body is drained, not kept,
 * and the reply waits for its end: answering mid-upload makes clients fail with EPIPE.
 */
export function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number(req.headers['content-length']) > max;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > max) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': JSON_CT, 'Content-Length': Buffer.byteLength(body) }).end(body);
}

function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) }).end(body);
}

/** Answers a refused WebSocket upgrade with a plain HTTP response. */
function rawReject(socket: Socket, status: number, body: string): void {
  const reason = status === 429 ? 'Too Many Requests' : status === 403 ? 'Forbidden' : 'Error';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}
