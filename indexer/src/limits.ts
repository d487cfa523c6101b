// Request limits: a per-client-IP rate limit (429 with Retry-After), a maximum URL length (414) and a statement timeout on the
// API's SQL so that one slow query cannot hold the database.
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Row, Sql } from './db.ts';
import { HttpError } from './errors.ts';

/** Default requests per minute and client IP: far above what an explorer in a browser (or a test suite) sends. */
export const DEFAULT_RATE_LIMIT = 6000;
/** Longest request URL (path and query) accepted. */
export const MAX_URL_LENGTH = 2048;
/** Default cap on one API statement, in milliseconds. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5000;

export interface LimitOptions {
  /** Requests per minute and client IP; 0 disables the limit (default DEFAULT_RATE_LIMIT). */
  rateLimit?: number;
  /** Window of the rate limit in ms (default one minute). */
  rateWindowMs?: number;
  maxUrlLength?: number;
}

/** Middleware refusing over-long URLs (414) and clients over their request budget (429, Retry-After, RateLimit headers). */
export function requestLimits(opts: LimitOptions = {}): RequestHandler[] {
  const maxUrl = opts.maxUrlLength ?? MAX_URL_LENGTH;
  const out: RequestHandler[] = [(req, _res, next) => {
    next(req.originalUrl.length > maxUrl ? new HttpError(414, `request URL longer than ${maxUrl} characters`) : undefined);
  }];
  const limit = opts.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (limit > 0) {
    const windowMs = opts.rateWindowMs ?? 60_000;
    out.push(rateLimit({
      windowMs,
      limit,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: (_req, res, next) => {
        next(new HttpError(429, `too many requests: at most ${limit} per ${windowMs / 1000} s from one address; retry after ${res.getHeader('Retry-After')} s`));
      },
    }));
  }
  return out;
}

/** SQLSTATE of a statement cancelled by statement_timeout. */
const QUERY_CANCELED = '57014';

/**
 * The API's view of the database: every query runs in its own transaction under `SET LOCAL statement_timeout`, and a query
 * cancelled by it is a 503. PostgreSQL enforces the timeout; embedded PGlite (PostgreSQL in wasm, one thread, no timer
 * signals) accepts the setting but cannot interrupt a running statement, so there the API relies on indexed queries,
 * bounded pages and the rate limit.
 */
export function timedSql(db: Sql, timeoutMs = DEFAULT_STATEMENT_TIMEOUT_MS): Sql {
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs <= 0) return db;
  const query = async <T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]> => {
    try {
      return await db.transaction(async (tx) => {
        await tx.exec(`SET LOCAL statement_timeout = ${timeoutMs}`);
        return tx.query<T>(sql, params);
      });
    } catch (e) {
      if ((e as { code?: string }).code === QUERY_CANCELED) throw new HttpError(503, `query took longer than ${timeoutMs} ms; narrow it down`);
      throw e;
    }
  };
  return { ...db, query };
}
