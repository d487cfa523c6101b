// GET /search?q=: one box for everything an explorer can show. q is a block number or hash, an extrinsic hash or
// <block>-<index>, an account (SS58 with any prefix, or a 0x account id), a datanet/model/contribution/inference/node id (a bare
// number matches a block number and every id kind; `datanet:3`, `model:1`, `contribution:12`, `inference:4`, `node:2`,
// `block:7`, `extrinsic:0x…`, `account:…` narrow it), a contribution's content hash or an inference's input/output hash, or the
// start of a datanet's or model's name (case-insensitive). Exact lookups go through primary keys and indexes only.
import { parseAddress } from '@slmnet/client';
import type { Sql } from './db.ts';
import { HttpError } from './errors.ts';

export const KINDS = ['block', 'extrinsic', 'account', 'datanet', 'model', 'contribution', 'inference', 'node'] as const;
export type Kind = (typeof KINDS)[number];

export interface SearchItem {
  kind: Kind;
  /** The object's id: block number, `<block>-<index>` for an extrinsic, SS58 address, or the domain id, as a string. */
  id: string;
  /** One line for an explorer's dropdown. */
  label: string;
  /** What matched: `number`, `hash`, `id`, `address`, `content_hash`, `input_hash`, `output_hash` or `name`. */
  match: string;
  [field: string]: unknown;
}

export const MAX_Q_LENGTH = 128;
/** Name prefix matches returned per kind. */
export const NAME_MATCHES = 10;
/** Rows returned per exact match that can repeat (an extrinsic hash, a content hash). */
const REPEATS = 10;
const INT4_MAX = 2 ** 31 - 1;

const short = (h: string) => (h.length > 16 ? `${h.slice(0, 8)}…${h.slice(-6)}` : h);
const likePrefix = (s: string) => `${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function search(db: Sql, raw: string): Promise<{ items: SearchItem[] }> {
  const q0 = raw.trim();
  if (!q0 || q0.length > MAX_Q_LENGTH) throw new HttpError(400, `query parameter "q" must be 1 to ${MAX_Q_LENGTH} characters`, 'q');
  const prefixed = /^([a-z]+):(.*)$/i.exec(q0);
  const only = prefixed && (KINDS as readonly string[]).includes(prefixed[1].toLowerCase()) ? prefixed[1].toLowerCase() as Kind : undefined;
  const q = only ? prefixed![2].trim() : q0;
  const want = (k: Kind) => only === undefined || only === k;
  const items: SearchItem[] = [];
  const add = (rows: SearchItem[]) => { for (const r of rows) if (!items.some((i) => i.kind === r.kind && i.id === r.id)) items.push(r); };
  if (!q) return { items };

  if (/^\d{1,16}$/.test(q) && Number.isSafeInteger(Number(q))) {
    const n = Number(q);
    const int4 = n <= INT4_MAX;
    if (want('block') && int4) add(await blocks(db, 'number = $1', [n], 'number'));
    if (want('datanet') && int4) add(await datanets(db, 'id = $1', [n], 'id'));
    if (want('model') && int4) add(await models(db, 'id = $1', [n], 'id'));
    if (want('contribution')) add(await contributions(db, 'id = $1', [n], 'id'));
    if (want('inference')) add(await inferences(db, 'id = $1', [n], 'id'));
    if (want('node') && int4) add(await nodes(db, 'id = $1', [n], 'id'));
  }
  const pos = /^(\d{1,10})-(\d{1,10})$/.exec(q);
  if (pos && want('extrinsic') && Number(pos[1]) <= INT4_MAX && Number(pos[2]) <= INT4_MAX) {
    add(await extrinsics(db, 'block_number = $1 AND index = $2', [Number(pos[1]), Number(pos[2])], 'id'));
  }
  if (/^0x[0-9a-f]{64}$/i.test(q)) {
    const h = q.toLowerCase();
    if (want('block')) add(await blocks(db, 'hash = $1', [h], 'hash'));
    if (want('extrinsic')) add(await extrinsics(db, 'hash = $1', [h], 'hash'));
    if (want('account')) add(await account(db, h));
    if (want('contribution')) add(await contributions(db, 'content_hash = $1', [h], 'content_hash'));
    if (want('inference')) {
      add(await inferences(db, 'input_hash = $1', [h], 'input_hash'));
      add(await inferences(db, 'output_hash = $1', [h], 'output_hash'));
    }
  } else if (want('account') && /^[1-9A-HJ-NP-Za-km-z]{40,60}$/.test(q)) {
    add(await account(db, q));
  }
  if (!q.startsWith('0x')) {
    if (want('datanet')) add(await datanets(db, "lower(name) LIKE $1 ESCAPE '\\'", [likePrefix(q)], 'name', NAME_MATCHES));
    if (want('model')) add(await models(db, "lower(name) LIKE $1 ESCAPE '\\'", [likePrefix(q)], 'name', NAME_MATCHES));
  }
  return { items };
}

type Finder = (db: Sql, cond: string, params: unknown[], match: string, limit?: number) => Promise<SearchItem[]>;

const blocks: Finder = async (db, cond, params, match) =>
  (await db.query<{ number: number; hash: string; finalized: boolean }>(`SELECT number, hash, finalized FROM blocks WHERE ${cond}`, params))
    .map((b) => ({ kind: 'block', label: `Block #${b.number} · ${short(b.hash)}${b.finalized ? '' : ' (not finalized)'}`, match, ...b, id: String(b.number) }));

const extrinsics: Finder = async (db, cond, params, match) =>
  (await db.query<{ block_number: number; index: number; hash: string; pallet: string; call: string; success: boolean }>(
    `SELECT block_number, index, hash, pallet, call, success FROM extrinsics WHERE ${cond} ORDER BY block_number DESC LIMIT ${REPEATS}`, params))
    .map((e) => ({ kind: 'extrinsic', id: `${e.block_number}-${e.index}`, label: `Extrinsic ${e.block_number}-${e.index} · ${e.pallet}.${e.call}${e.success ? '' : ' (failed)'}`, match, ...e }));

const datanets: Finder = async (db, cond, params, match, limit = 1) =>
  (await db.query<{ id: number; name: string; owner: string; status: string }>(
    `SELECT id, name, owner, status FROM datanets WHERE ${cond} ORDER BY id LIMIT ${limit}`, params))
    .map((d) => ({ kind: 'datanet', label: `Datanet #${d.id} · ${d.name}`, match, ...d, id: String(d.id) }));

const models: Finder = async (db, cond, params, match, limit = 1) =>
  (await db.query<{ id: number; name: string; developer: string; status: string }>(
    `SELECT id, name, developer, status FROM models WHERE ${cond} ORDER BY id LIMIT ${limit}`, params))
    .map((m) => ({ kind: 'model', label: `Model #${m.id} · ${m.name}`, match, ...m, id: String(m.id) }));

const contributions: Finder = async (db, cond, params, match) =>
  (await db.query<{ id: string | number; datanet_id: number; contributor: string; content_hash: string; status: string }>(
    `SELECT id, datanet_id, contributor, content_hash, status FROM contributions WHERE ${cond} ORDER BY id DESC LIMIT ${REPEATS}`, params))
    .map((c) => ({ kind: 'contribution', label: `Contribution #${c.id} · datanet #${c.datanet_id} · ${c.status}`, match, ...c, id: String(c.id) }));

const inferences: Finder = async (db, cond, params, match) =>
  (await db.query<{ id: string | number; model_id: number; consumer: string; input_hash: string; output_hash: string | null; status: string }>(
    `SELECT id, model_id, consumer, input_hash, output_hash, status FROM inferences WHERE ${cond} ORDER BY id DESC LIMIT ${REPEATS}`, params))
    .map((i) => ({ kind: 'inference', label: `Inference #${i.id} · model #${i.model_id} · ${i.status}`, match, ...i, id: String(i.id) }));

const nodes: Finder = async (db, cond, params, match) =>
  (await db.query<{ id: number; operator: string; peer_id: string; node_kind: string; status: string }>(
    `SELECT id, operator, peer_id, kind AS node_kind, status FROM nodes WHERE ${cond}`, params))
    .map((n) => ({ kind: 'node', label: `Node #${n.id} · ${n.node_kind} · ${short(n.operator)}`, match, ...n, id: String(n.id) }));

/** The account, if the indexer has seen it: as a signer or in a transfer, or as a contributor, developer, operator or consumer. */
async function account(db: Sql, q: string): Promise<SearchItem[]> {
  let address: string;
  try {
    address = parseAddress(q);
  } catch {
    return [];
  }
  const [row] = await db.query<{ known: boolean }>(`SELECT
      EXISTS (SELECT 1 FROM accounts WHERE address = $1) OR EXISTS (SELECT 1 FROM contributions WHERE contributor = $1)
      OR EXISTS (SELECT 1 FROM models WHERE developer = $1) OR EXISTS (SELECT 1 FROM nodes WHERE operator = $1)
      OR EXISTS (SELECT 1 FROM inferences WHERE consumer = $1) AS known`, [address]);
  return row.known ? [{ kind: 'account', id: address, label: `Account ${address}`, match: 'address', address }] : [];
}
