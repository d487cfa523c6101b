// Datanets: create, contribute (hash, size and chunks root; content stays off chain), review, publish versions.
import type { ApiPromise } from '@polkadot/api';
import { contentRef, type ContentRef } from '../content.ts';
import { eventOf, eventsOf, type TxResult } from '../submit.ts';
import { nodeUrl, uploadContent } from '../upload.ts';
import { big, run, type Ctx, type Tx } from './tx.ts';

export type DataKind = 'Text' | 'Code' | 'Image' | 'Audio' | 'Tabular' | 'Other';
export type Policy = 'Open' | 'Permissioned';

export interface NewDatanet {
  name: string;
  /** Free-form, usually JSON (description, links); at most MaxMetadataLen bytes. */
  metadata?: string;
  tags?: string[];
  kind?: DataKind;
  license?: string;
  policy?: Policy;
  /** Held from each contributor until review, in planck. */
  deposit: bigint;
}

export const createDatanetTx = (api: ApiPromise, d: NewDatanet): Tx =>
  api.tx.datanets.create(d.name, d.metadata ?? '', d.tags ?? [], d.kind ?? 'Text', d.license ?? '', d.policy ?? 'Open', d.deposit);

export async function createDatanet(ctx: Ctx, d: NewDatanet): Promise<TxResult & { datanet: number }> {
  const r = await run(ctx, createDatanetTx(ctx.api, d));
  return { ...r, datanet: Number(eventOf(r, 'datanets', 'DatanetCreated').datanet) };
}

export interface NewContribution {
  datanet: number;
  /** The bytes (or text) contributed, hashed here; or their precomputed hash and size. */
  content: Uint8Array | string | ContentRef;
  /** e.g. `{"title":"…","mime":"text/plain"}`. */
  metadata?: string;
  license?: string;
  /**
   * Where the bytes are uploaded before the extrinsic is sent: a node URL (its content store), by default
   * the node `api` is connected to; `false` records the hash only. A precomputed ContentRef uploads nothing.
   */
  upload?: string | false;
}

const refOf = (c: NewContribution['content']): ContentRef => (typeof c === 'object' && !(c instanceof Uint8Array) ? c : contentRef(c));

export function contributeTx(api: ApiPromise, c: NewContribution): Tx {
  const ref = refOf(c.content);
  return api.tx.datanets.contribute(c.datanet, ref.hash, ref.size, ref.chunksRoot, c.metadata ?? '', c.license ?? '');
}

/** Uploads the bytes to the content store (see `upload`), then records the contribution and holds the datanet's deposit. */
export async function contribute(ctx: Ctx, c: NewContribution): Promise<TxResult & { contribution: bigint; content: ContentRef }> {
  const bytes = typeof c.content === 'string' || c.content instanceof Uint8Array ? c.content : undefined;
  if (bytes !== undefined && c.upload !== false) await uploadContent(c.upload ?? nodeUrl(ctx.api), bytes);
  const r = await run(ctx, contributeTx(ctx.api, c));
  return { ...r, contribution: big(eventOf(r, 'datanets', 'ContributionSubmitted').contribution), content: refOf(c.content) };
}

/** Accept with a quality score 0–100, or reject with a reason code. */
export type Decision = { accept: number } | { reject: number };

export const reviewTx = (api: ApiPromise, contribution: bigint | number, d: Decision): Tx =>
  api.tx.datanets.review(contribution, 'accept' in d ? { Accept: { quality: d.accept } } : { Reject: { reason: d.reject } });

export async function review(ctx: Ctx, contribution: bigint | number, d: Decision): Promise<TxResult & { accepted: boolean; forfeited: bigint }> {
  const r = await run(ctx, reviewTx(ctx.api, contribution, d));
  const rejected = eventsOf(r, 'datanets', 'ContributionRejected')[0];
  return { ...r, accepted: !rejected, forfeited: rejected ? big(rejected.forfeited) : 0n };
}

export const publishVersionTx = (api: ApiPromise, datanet: number): Tx => api.tx.datanets.publishVersion(datanet);

export async function publishVersion(ctx: Ctx, datanet: number): Promise<TxResult & { version: number; count: number; root: string }> {
  const r = await run(ctx, publishVersionTx(ctx.api, datanet));
  const e = eventOf(r, 'datanets', 'VersionPublished');
  return { ...r, version: Number(e.version), count: Number(e.count), root: String(e.root) };
}

