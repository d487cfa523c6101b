// Answers block requests from our database: a run of blocks from a hash or a
// number, ascending along the best chain or descending along parents.
import { decodeHeader } from '../chain/header.ts';
import { FIELD_BODY, FIELD_HEADER, FIELD_JUSTIFICATION, MAX_BLOCKS_PER_RESPONSE, type BlockData, type BlockRequest } from './messages.ts';

/** What the server reads; Client satisfies it. */
export interface BlockSource {
  hashAt(n: number): Uint8Array | undefined;
  headerBytes(hash: Uint8Array): Uint8Array | undefined;
  body(hash: Uint8Array): Uint8Array[] | undefined;
  justification(hash: Uint8Array): Uint8Array | undefined;
}

/** Keeps a response well under the frame limit. */
const MAX_RESPONSE_PAYLOAD = 16 * 1024 * 1024;

export function serveBlocks(src: BlockSource, q: BlockRequest): BlockData[] {
  const max = Math.max(0, Math.min(q.max, MAX_BLOCKS_PER_RESPONSE));
  const out: BlockData[] = [];
  let hash: Uint8Array | undefined = 'hash' in q.from ? q.from.hash : src.hashAt(q.from.number);
  let size = 0;
  while (hash && out.length < max) {
    const headerBytes = src.headerBytes(hash);
    if (!headerBytes) break;
    const b: BlockData = { hash };
    if (q.fields & FIELD_HEADER) b.header = headerBytes;
    if (q.fields & FIELD_BODY) b.body = src.body(hash) ?? [];
    if (q.fields & FIELD_JUSTIFICATION) b.justification = src.justification(hash);
    size += headerBytes.length + (b.body?.reduce((s, x) => s + x.length + 4, 0) ?? 0) + (b.justification?.length ?? 0);
    if (out.length > 0 && size > MAX_RESPONSE_PAYLOAD) break;
    out.push(b);
    const header = decodeHeader(headerBytes);
    if (q.direction === 'descending') {
      if (header.number === 0) break;
      hash = header.parent_hash;
    } else {
      const next = src.hashAt(header.number + 1);
      // ascending only follows the best chain: stop if `hash` is not on it
      const canonical = src.hashAt(header.number);
      if (!canonical || Buffer.compare(canonical, hash) !== 0) break;
      hash = next;
    }
  }
  return out;
}
