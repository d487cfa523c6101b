// The REST API over the indexed data, registered from the OpenAPI document: JSON, CORS, {error:{message,param}} with
// 400 naming the bad parameter and 404 for unknown ids and routes.
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Server } from 'node:http';
import type { Sql } from './db.ts';
import { DOCS_HTML, docsAssets } from './docs.ts';
import { domainHandlers } from './domain-api.ts';
import { HttpError } from './errors.ts';
import { account, where } from './filters.ts';
import type { ChainStatus } from './ingest.ts';
import { requestLimits, timedSql, type LimitOptions } from './limits.ts';
import type { LiveHub } from './live.ts';
import { BLOCK_SORT, EVENT_SORT, EXTRINSIC_SORT, OPENAPI, type Operation, type Parameter } from './openapi.ts';
import { search } from './search.ts';
import { orderBy } from './sort.ts';

export { HttpError } from './errors.ts';

export interface ApiOptions extends LimitOptions {
  /** Serves GET /live (503 without it). */
  live?: LiveHub;
  /** Cap on one API statement in ms (PostgreSQL enforces it; see limits.ts); 0 disables. */
  statementTimeoutMs?: number;
}

export type Params = Record<string, string | number | boolean | undefined>;

function parseParam(p: Parameter, raw: unknown): string | number | boolean | undefined {
  const where = p.in === 'query' ? 'query parameter' : 'path parameter';
  if (raw === undefined) {
    if (p.required) throw new HttpError(400, `${where} "${p.name}" is required`, p.name);
    return p.schema.type === 'integer' || 'enum' in p.schema ? p.schema.default : undefined;
  }
  if (typeof raw !== 'string') throw new HttpError(400, `${where} "${p.name}" must be given once`, p.name);
  const s = p.schema;
  if (s.type === 'integer') {
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < s.minimum) throw new HttpError(400, `${where} "${p.name}" must be an integer ≥ ${s.minimum}`, p.name);
    if (s.maximum !== undefined && n > s.maximum) {
      if (!p['x-clamp']) throw new HttpError(400, `${where} "${p.name}" must be at most ${s.maximum}`, p.name);
      return s.maximum;
    }
    return n;
  }
  if (s.type === 'boolean') {
    if (raw !== 'true' && raw !== 'false') throw new HttpError(400, `${where} "${p.name}" must be true or false`, p.name);
    return raw === 'true';
  }
  if ('enum' in s) {
    if (!s.enum.includes(raw)) throw new HttpError(400, `${where} "${p.name}" must be one of ${s.enum.join(', ')}`, p.name);
    return raw;
  }
  if (!new RegExp(s.pattern).test(raw)) throw new HttpError(400, `${where} "${p.name}" is malformed: ${p.description}`, p.name);
  return raw;
}

/** The operation's parameters from a request, validated against their schemas; unknown query parameters are refused. */
export function parseParams(op: Operation, query: Record<string, unknown>, path: Record<string, string> = {}): Params {
  const known = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  const unknown = Object.keys(query).find((k) => !known.has(k));
  if (unknown !== undefined) throw new HttpError(400, `unknown query parameter "${unknown}"`, unknown);
  return Object.fromEntries(op.parameters.map((p) => [p.name, parseParam(p, p.in === 'query' ? query[p.name] : path[p.name])]));
}

const BLOCK_COLUMNS = 'number, hash, parent_hash, state_root, extrinsics_root, author, timestamp, spec_version, finalized, extrinsic_count, event_count';
const EXTRINSIC_COLUMNS = 'block_number, index, hash, signer, pallet, call, args, fee::text, tip::text, success, error';
const EVENT_COLUMNS = 'block_number, index, phase, extrinsic_index, pallet, name, data';

/** Returned by a handler that wrote the response itself (a stream, HTML). */
export const RESPONDED = Symbol('responded');
type Handler = (p: Params, req: Request, res: Response) => Promise<unknown>;

/** One handler per operationId of the OpenAPI document. */
export function handlers(db: Sql, status: ChainStatus, opts: ApiOptions = {}): Record<string, Handler> {
  return {
    ...domainHandlers(db),
    health: async () => {
      const [row] = await db.query<{ indexed: number | null; finalized: number | null }>(
        'SELECT max(number) AS indexed, max(number) FILTER (WHERE finalized) AS finalized FROM blocks');
      return {
        indexed: row.indexed, indexedFinalized: row.finalized, chainHead: status.best, chainFinalized: status.finalized,
        lag: row.indexed === null ? null : Math.max(0, status.best - row.indexed), connected: status.connected,
      };
    },
    openapi: async () => OPENAPI,
    docs: async (_p, _req, res) => { res.type('html').send(DOCS_HTML); return RESPONDED; },
    search: async ({ q }) => search(db, String(q)),
    live: async (_p, req, res) => {
      if (!opts.live) throw new HttpError(503, 'live updates are not available');
      opts.live.serve(req, res);
      return RESPONDED;
    },
    listBlocks: async ({ limit, offset, cursor, sort }) => {
      if (cursor !== undefined && offset !== 0) throw new HttpError(400, 'give either "cursor" or "offset", not both', 'cursor');
      if (cursor !== undefined && sort !== undefined && sort !== 'number' && sort !== '-number') throw new HttpError(400, '"cursor" pages only with sort number or -number', 'cursor');
      const order = orderBy(BLOCK_SORT, sort);
      const up = sort === 'number';
      const items = cursor === undefined
        ? await db.query(`SELECT ${BLOCK_COLUMNS} FROM blocks ${order} LIMIT $1 OFFSET $2`, [limit, offset])
        : await db.query(`SELECT ${BLOCK_COLUMNS} FROM blocks WHERE number ${up ? '>' : '<'} $1 ${order} LIMIT $2`, [cursor, limit]);
      const last = items[items.length - 1]?.number as number | undefined;
      const more = items.length === limit && last !== undefined && (up || last !== 0) && (sort === undefined || sort === 'number' || sort === '-number');
      return { items, nextCursor: more ? last : null };
    },
    getBlock: async ({ id }) => {
      const s = String(id);
      const [block] = s.startsWith('0x')
        ? await db.query(`SELECT ${BLOCK_COLUMNS} FROM blocks WHERE hash = $1`, [s.toLowerCase()])
        : await db.query(`SELECT ${BLOCK_COLUMNS} FROM blocks WHERE number = $1`, [Number(s)]);
      if (!block) throw new HttpError(404, `block ${s} is not indexed`);
      return block;
    },
    listExtrinsics: async ({ limit, offset, signer, pallet, call, success, block, sort }) => {
      const w = where({ signer: signer === undefined ? undefined : account(String(signer), 'signer'), pallet, call, success, block_number: block });
      const n = w.params.length;
      return { items: await db.query(`SELECT ${EXTRINSIC_COLUMNS} FROM extrinsics ${w.sql} ${orderBy(EXTRINSIC_SORT, sort)} LIMIT $${n + 1} OFFSET $${n + 2}`, [...w.params, limit, offset]) };
    },
    getExtrinsic: async ({ id }) => {
      const s = String(id);
      const pos = /^(\d+)-(\d+)$/.exec(s);
      // a hash can repeat across blocks (identical unsigned extrinsics): the newest one
      const [ext] = pos
        ? await db.query(`SELECT ${EXTRINSIC_COLUMNS} FROM extrinsics WHERE block_number = $1 AND index = $2`, [Number(pos[1]), Number(pos[2])])
        : await db.query(`SELECT ${EXTRINSIC_COLUMNS} FROM extrinsics WHERE hash = $1 ORDER BY block_number DESC LIMIT 1`, [s.toLowerCase()]);
      if (!ext) throw new HttpError(404, `extrinsic ${s} is not indexed`);
      const events = await db.query(`SELECT ${EVENT_COLUMNS} FROM events WHERE block_number = $1 AND extrinsic_index = $2 ORDER BY index`, [ext.block_number, ext.index]);
      return { ...ext, events };
    },
    listEvents: async ({ limit, offset, pallet, name, block, sort }) => {
      const w = where({ pallet, name, block_number: block });
      const n = w.params.length;
      return { items: await db.query(`SELECT ${EVENT_COLUMNS} FROM events ${w.sql} ${orderBy(EVENT_SORT, sort)} LIMIT $${n + 1} OFFSET $${n + 2}`, [...w.params, limit, offset]) };
    },
    accountTransfers: async ({ address, limit, offset }) => {
      const who = account(String(address), 'address');
      return {
        // each side read in index order up to the page's end, then merged: an OR would sort all of a busy account's transfers
        items: await db.query(`SELECT block_number, event_index, extrinsic_index, from_address AS "from", to_address AS "to", amount::text FROM (
            (SELECT * FROM transfers WHERE from_address = $1 ORDER BY block_number DESC, event_index DESC LIMIT $4)
            UNION ALL
            (SELECT * FROM transfers WHERE to_address = $1 AND from_address <> $1 ORDER BY block_number DESC, event_index DESC LIMIT $4)
          ) t ORDER BY block_number DESC, event_index DESC LIMIT $2 OFFSET $3`, [who, limit, offset, Number(limit) + Number(offset)]),
      };
    },
  };
}

export function createApp(db: Sql, status: ChainStatus, opts: ApiOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => { res.set('Access-Control-Allow-Origin', '*'); next(); });
  app.use(...requestLimits(opts));
  app.use('/docs', docsAssets());
  const handle = handlers(timedSql(db, opts.statementTimeoutMs), status, opts);
  for (const [route, { get: op }] of Object.entries(OPENAPI.paths)) {
    const run = handle[op.operationId];
    if (!run) throw new Error(`no handler for operation ${op.operationId}`);
    app.get(route.replace(/\{(\w+)\}/g, ':$1'), async (req: Request, res: Response) => {
      const out = await run(parseParams(op, req.query, req.params as Record<string, string>), req, res);
      if (out !== RESPONDED) res.json(out);
    });
  }
  app.use((req, _res, next) => next(new HttpError(404, `no route ${req.method} ${req.path}`)));
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = err instanceof HttpError ? err : new HttpError(500, `internal error: ${(err as Error).message}`);
    if (res.headersSent) { res.end(); return; }
    res.set(e.headers).status(e.status).json({ error: { message: e.message, ...(e.param ? { param: e.param } : {}) } });
  });
  return app;
}

export function listen(app: express.Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err?: Error) => err ? reject(err) : resolve(server));
  });
}
