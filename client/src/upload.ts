// The node's content store over HTTP (the RPC port serves `POST /content` and `GET /content/0x<hash>`).
import type { ApiPromise } from '@polkadot/api';
import { u8aToHex } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';
import { bytesOf } from './content.ts';

export class ContentStoreError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'ContentStoreError';
  }
}

/** The URL of the node an ApiPromise is connected to (its provider's endpoint). */
export function nodeUrl(api: ApiPromise): string {
  const provider = (api as unknown as { _options: { provider?: { endpoint?: unknown } } })._options.provider;
  if (typeof provider?.endpoint !== 'string') throw new ContentStoreError(0, 'cannot tell which node to upload to: pass `upload: <node URL>`');
  return provider.endpoint;
}

/** The HTTP base of a node from its RPC URL (ws://h:p and http://h:p are the same server). */
export const httpBase = (url: string): string => url.replace(/^ws(s?):\/\//, 'http$1://').replace(/\/+$/, '');

async function failure(res: Response): Promise<ContentStoreError> {
  const body = await res.text();
  let msg = body;
  try { msg = JSON.parse(body).error ?? body; } catch { /* not JSON */ }
  return new ContentStoreError(res.status, `content store: ${res.status} ${msg}`);
}

/** Uploads bytes (text is UTF-8) to the node's content store; the node checks them against their hash. */
export async function uploadContent(url: string, content: Uint8Array | string): Promise<{ hash: string; size: number; stored: boolean }> {
  const bytes = bytesOf(content);
  const hash = u8aToHex(blake2AsU8a(bytes, 256));
  let res: Response;
  try {
    res = await fetch(`${httpBase(url)}/content?hash=${hash}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: bytes as Uint8Array<ArrayBuffer> });
  } catch (e) {
    throw new ContentStoreError(0, `cannot reach the node's content store at ${httpBase(url)}: ${(e as Error).message}`);
  }
  if (!res.ok) throw await failure(res);
  return (await res.json()) as { hash: string; size: number; stored: boolean };
}

/** Downloads content by hash (the node asks its peers if it lacks it) and checks the bytes; undefined if nobody has it. */
export async function downloadContent(url: string, hash: string): Promise<Uint8Array | undefined> {
  const res = await fetch(`${httpBase(url)}/content/${hash}`);
  if (res.status === 404) return undefined;
  if (!res.ok) throw await failure(res);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (u8aToHex(blake2AsU8a(bytes, 256)) !== hash.toLowerCase()) throw new ContentStoreError(res.status, `content store: the bytes served for ${hash} do not match the hash`);
  return bytes;
}
