// The content store over HTTP, on the RPC port:
//   POST /content[?hash=0x…]   body = the raw bytes → 201 {hash, size, stored} (200 if already stored)
//   GET|HEAD /content/0x<hash> → the bytes (application/octet-stream), or 404
// Errors are JSON {error: "..."}: 413 over the size limit, 400 for a hash mismatch or a bad hash.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fromHex } from '@slmnet/runtime-spec';
import { hex } from '../db/codec.ts';
import { readBody, send } from '../rpc/server.ts';
import { ContentError, MAX_CONTENT_SIZE, tooLarge, type ContentApi } from './store.ts';

export const CONTENT_PATH = '/content';
const HASH_RE = /^0x[0-9a-fA-F]{64}$/;

const json = (res: ServerResponse, status: number, body: unknown): void => send(res, status, JSON.stringify(body));

/** A hex blake2-256 hash, or a readable error naming what is wrong. */
export function parseContentHash(s: string | null | undefined, what = 'hash'): Uint8Array | string {
  if (!s || !HASH_RE.test(s)) return `${what} must be a 0x-prefixed 32-byte hex blake2-256 hash, got ${JSON.stringify(s ?? '')}`;
  return fromHex(s);
}

export function contentRoute(store: ContentApi) {
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (path === CONTENT_PATH) {
      if (req.method !== 'POST') return json(res, 405, { error: 'POST the bytes to /content; GET /content/0x<hash> downloads' });
      const expected = url.searchParams.has('hash') ? parseContentHash(url.searchParams.get('hash')) : undefined;
      // read (and drain) the body before answering, even for a bad query: replying mid-upload breaks clients
      const body = await readBody(req, MAX_CONTENT_SIZE);
      if (body === null) {
        res.setHeader('Connection', 'close');
        return json(res, 413, { error: tooLarge(req.headers['content-length'] ?? 'more than the limit of').message });
      }
      if (typeof expected === 'string') return json(res, 400, { error: expected });
      if (body.length === 0) return json(res, 400, { error: 'empty body: POST the content bytes' });
      try {
        const r = await store.put(body, expected);
        return json(res, r.stored ? 201 : 200, { hash: hex(r.hash), size: r.size, stored: r.stored });
      } catch (e) {
        if (e instanceof ContentError) return json(res, e.kind === 'too-large' ? 413 : 400, { error: e.message });
        throw e;
      }
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'use GET /content/0x<hash>' });
    const hash = parseContentHash(path.slice(CONTENT_PATH.length + 1), 'the path');
    if (typeof hash === 'string') return json(res, 400, { error: hash });
    const blob = await store.fetch(hash);
    if (!blob) return json(res, 404, { error: `content ${hex(hash)} is neither in this node's store nor at its peers` });
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream', 'Content-Length': blob.length,
      // content-addressed: the bytes under a hash never change
      'Cache-Control': 'public, max-age=31536000, immutable', ETag: `"${hex(hash)}"`,
    });
    res.end(req.method === 'HEAD' ? undefined : blob);
  };
}
