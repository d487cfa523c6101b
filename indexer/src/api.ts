// The REST API over the indexed data: JSON everywhere, CORS, {error:{message}} with 400 naming the bad parameter and 404 for unknown ids.
import express, { type NextFunction, type Request, type Response } from 'express';
import { parseAddress } from '@slmnet/client';
import type { Server } from 'node:http';
import type { Sql } from './db.ts';
import type { ChainStatus } from './ingest.ts';

export const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 20;

export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly param?: string) {
    super(message);
  }
}

type Query = Request['query'];

function single(q: Query, name: string): string | undefined {
  const v = q[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new HttpError(400, `query parameter "${name}" must be given once, as a string`, name);
  return v;
}

/** A non-negative integer query parameter; `max` clamps (oversized pages are clamped, not refused). */
export function intParam(q: Query, name: string, opts: { min?: number; max?: number; fallback?: number } = {}): number | undefined {
  const v = single(q, name);
  if (v === undefined) return opts.fallback;
  const min = opts.min ?? 0;
  if (!/^\d+$/.test(v) || Number(v) < min || !Number.isSafeInteger(Number(v))) throw new HttpError(400, `query parameter "${name}" must be an integer ≥ ${min}`, name);
  return opts.max === undefined ? Number(v) : Math.min(Number(v), opts.max);
}

export function boolParam(q: Query, name: string): boolean | undefined {
  const v = single(q, name);
  if (v === undefined) return undefined;
  if (v !== 'true' && v !== 'false') throw new HttpError(400, `query parameter "${name}" must be true or false`, name);
  return v === 'true';
}

/** An identifier-like filter (pallet, call or event name as in the metadata). */
export function nameParam(q: Query, name: string): string | undefined {
  const v = single(q, name);
  if (v !== undefined && !/^\w{1,64}$/.test(v)) throw new HttpError(400, `query parameter "${name}" must be a pallet, call or event name`, name);
  return v;
}

export function addressParam(v: string, name: string): string {
  try {
    return parseAddress(v);
  } catch {
    throw new HttpError(400, `"${name}" must be an SS58 address or 0x account id`, name);
  }
}

const HASH = /^0x[0-9a-fA-F]{64}$/;

export const page = (q: Query) => ({ limit: intParam(q, 'limit', { min: 1, max: MAX_LIMIT, fallback: DEFAULT_LIMIT })!, offset: intParam(q, 'offset', { fallback: 0 })! });

/** WHERE clause and parameters from optional equality filters. */
function where(filters: Record<string, unknown>): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const terms = Object.entries(filters).filter(([, v]) => v !== undefined).map(([col, v]) => { params.push(v); return `${col} = $${params.length}`; });
  return { sql: terms.length ? `WHERE ${terms.join(' AND ')}` : '', params };
}

const BLOCK_COLUMNS = `number, hash, parent_hash, state_root, extrinsics_root, author, timestamp, spec_version, finalized, extrinsic_count, event_count`;
const EXTRINSIC_COLUMNS = `block_number, index, hash, signer, pallet, call, args, fee::text, tip::text, success, error`;
const EVENT_COLUMNS = `block_number, index, phase, extrinsic_index, pallet, name, data`;

export function createApp(db: Sql, status: ChainStatus): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => { res.set('Access-Control-Allow-Origin', '*'); next(); });

  app.get('/health', async (_req, res) => {
    const [row] = await db.query<{ indexed: number | null; finalized: number | null }>(
      'SELECT max(number) AS indexed, max(number) FILTER (WHERE finalized) AS finalized FROM blocks');
    const indexed = row.indexed;
    res.json({ indexed, indexedFinalized: row.finalized, chainHead: status.best, chainFinalized: status.finalized, lag: indexed === null ? null : Math.max(0, status.best - indexed), connected: status.connected });
  });

  app.get('/blocks', async (req, res) => {
    const { limit, offset } = page(req.query);
    const cursor = intParam(req.query, 'cursor');
    if (cursor !== undefined && single(req.query, 'offset') !== undefined) throw new HttpError(400, 'give either "cursor" or "offset", not both', 'cursor');
    const items = cursor === undefined
      ? await db.query(`SELECT ${BLOCK_COLUMNS} FROM blocks ORDER BY number DESC LIMIT $1 OFFSET $2`, [limit, offset])
      : await db.query(`SELECT ${BLOCK_COLUMNS} FROM blocks WHERE number < $1 ORDER BY number DESC LIMIT $2`, [cursor, limit]);
    const lastNumber = items.length === limit ? items[items.length - 1].number : undefined;
    res.json({ items, nextCursor: lastNumber ?? null });
  });

  app.get('/blocks/:id', async (req, res) => {
    const id = req.params.id;
    const by = HASH.test(id) ? 'hash' : /^\d{1,10}$/.test(id) ? 'number' : undefined;
    if (!by) throw new HttpError(400, `"${id}" is neither a block number nor a 0x block hash`, 'id');
    const [block] = await db.query(`SELECT ${BLOCK_COLUMNS} FROM blocks WHERE ${by} = $1`, [by === 'hash' ? id.toLowerCase() : Number(id)]);
    if (!block) throw new HttpError(404, `block ${id} is not indexed`);
    res.json(block);
  });

  app.get('/extrinsics', async (req, res) => {
    const { limit, offset } = page(req.query);
    const signer = single(req.query, 'signer');
    const w = where({ signer: signer === undefined ? undefined : addressParam(signer, 'signer'), pallet: nameParam(req.query, 'pallet'), call: nameParam(req.query, 'call'), success: boolParam(req.query, 'success') });
    const items = await db.query(`SELECT ${EXTRINSIC_COLUMNS} FROM extrinsics ${w.sql} ORDER BY block_number DESC, index DESC LIMIT $${w.params.length + 1} OFFSET $${w.params.length + 2}`, [...w.params, limit, offset]);
    res.json({ items });
  });

  app.get('/extrinsics/:id', async (req, res) => {
    const id = req.params.id;
    const pos = /^(\d{1,10})-(\d{1,10})$/.exec(id);
    if (!HASH.test(id) && !pos) throw new HttpError(400, `"${id}" is neither an extrinsic hash nor <block>-<index>`, 'id');
    // a hash can repeat across blocks (e.g. identical unsigned inherents): the newest one
    const [ext] = pos
      ? await db.query(`SELECT ${EXTRINSIC_COLUMNS} FROM extrinsics WHERE block_number = $1 AND index = $2`, [Number(pos[1]), Number(pos[2])])
      : await db.query(`SELECT ${EXTRINSIC_COLUMNS} FROM extrinsics WHERE hash = $1 ORDER BY block_number DESC LIMIT 1`, [id.toLowerCase()]);
    if (!ext) throw new HttpError(404, `extrinsic ${id} is not indexed`);
    const events = await db.query(`SELECT ${EVENT_COLUMNS} FROM events WHERE block_number = $1 AND extrinsic_index = $2 ORDER BY index`, [ext.block_number, ext.index]);
    res.json({ ...ext, events });
  });

  app.get('/events', async (req, res) => {
    const { limit, offset } = page(req.query);
    const w = where({ pallet: nameParam(req.query, 'pallet'), name: nameParam(req.query, 'name'), block_number: intParam(req.query, 'block') });
    const items = await db.query(`SELECT ${EVENT_COLUMNS} FROM events ${w.sql} ORDER BY block_number DESC, index DESC LIMIT $${w.params.length + 1} OFFSET $${w.params.length + 2}`, [...w.params, limit, offset]);
    res.json({ items });
  });

  app.get('/accounts/:address/transfers', async (req, res) => {
    const address = addressParam(req.params.address, 'address');
    const { limit, offset } = page(req.query);
    const items = await db.query(`SELECT block_number, event_index, extrinsic_index, from_address AS "from", to_address AS "to", amount::text
      FROM transfers WHERE from_address = $1 OR to_address = $1 ORDER BY block_number DESC, event_index DESC LIMIT $2 OFFSET $3`, [address, limit, offset]);
    res.json({ items });
  });

  app.use((req, _res, next) => next(new HttpError(404, `no route ${req.method} ${req.path}`)));
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = err instanceof HttpError ? err : new HttpError(500, `internal error: ${(err as Error).message}`);
    res.status(e.status).json({ error: { message: e.message, ...(e.param ? { param: e.param } : {}) } });
  });
  return app;
}

export function listen(app: express.Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (err?: Error) => err ? reject(err) : resolve(server));
  });
}
