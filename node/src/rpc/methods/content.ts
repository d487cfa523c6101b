// content_*: the node's content store over JSON-RPC (HTTP `POST /content` suits large blobs better:
// hex doubles the size and RPC requests are capped by --rpc-max-request-size).
import { toHex } from '@slmnet/runtime-spec';
import { ContentError, type ContentApi } from '../../content/store.ts';
import { RpcError } from '../errors.ts';
import { expectParams, hexBytes, optHash } from '../params.ts';
import type { RpcServer } from '../server.ts';

/** Error codes of content_* (a range of their own, as Substrate's RPC modules have). */
export const CONTENT_TOO_LARGE = 7001;
export const CONTENT_HASH_MISMATCH = 7002;

export function registerContent(server: RpcServer, content: ContentApi): void {
  server.register('content_upload', async (params) => {
    expectParams(params, 1, 2);
    const bytes = hexBytes(params[0], 'data');
    if (bytes.length === 0) throw new RpcError(-32602, 'Invalid params', 'data: empty content');
    try {
      const r = await content.put(bytes, optHash(params[1], 'expected hash'));
      return { hash: toHex(r.hash), size: r.size, stored: r.stored };
    } catch (e) {
      if (e instanceof ContentError) throw new RpcError(e.kind === 'too-large' ? CONTENT_TOO_LARGE : CONTENT_HASH_MISMATCH, e.message);
      throw e;
    }
  });
  server.register('content_get', async (params) => {
    expectParams(params, 1, 1);
    const blob = await content.fetch(hexBytes(params[0], 'hash', { length: 32 }));
    return blob ? toHex(blob) : null;
  });
  server.register('content_has', (params) => {
    expectParams(params, 1, 1);
    return content.has(hexBytes(params[0], 'hash', { length: 32 }));
  });
  server.register('content_stats', (params) => {
    expectParams(params, 0, 0);
    return content.stats();
  });
}
