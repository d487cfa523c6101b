// The domain part of the REST API: datanets, contributions, models, inferences, nodes, account summaries and chart
// aggregates. Routes and parameters are declared here (merged into the OpenAPI document), handlers below.
import type { Params } from './api.ts';
import type { Sql } from './db.ts';
import { HttpError } from './errors.ts';
import { account, where } from './filters.ts';
import { ADDRESS, errors, json, list, path, query, type Operation, type Parameter } from './oas.ts';
import { defineSort, orderBy } from './sort.ts';

const DATANET_SORT = defineSort({
  fields: { id: ['id'], contributions: ['contributions'], accepted: ['accepted'], updated: ['block_number'] }, unique: ['id'], default: 'id',
});
const CONTRIBUTION_SORT = defineSort({ fields: { id: ['c.id'], size: ['c.size'], quality: ['c.quality'], submitted: ['c.submitted'] }, unique: ['c.id'], default: '-id', nullable: ['c.quality'] });
const MODEL_SORT = defineSort({ fields: { id: ['id'], inferences: ['inferences'], revenue: ['revenue'] }, unique: ['id'], default: 'id' });
const INFERENCE_SORT = defineSort({ fields: { id: ['i.id'], fee: ['i.fee'], requested: ['i.requested'] }, unique: ['i.id'], default: '-id' });
const NODE_SORT = defineSort({ fields: { id: ['id'], total_points: ['total_points'], earned: ['earned'], bond: ['bond'] }, unique: ['id'], default: 'id' });

const id = (name: string, what: string) => path(name, what, '^\\d{1,20}$');
const addressParam = (name: string, description: string) => query(name, description, { type: 'string', pattern: ADDRESS });
const enumParam = (name: string, description: string, values: string[]) => query(name, description, { type: 'string', enum: values });
const integer = (name: string, description: string) => query(name, description, { type: 'integer', minimum: 0 });
const detail = (operationId: string, summary: string, params: Parameter[]): Operation => ({ operationId, summary, parameters: params, responses: { 200: json(summary), ...errors } });
const BUCKET: Parameter = {
  name: 'bucket', in: 'query', description: 'time bucket of the series (by block timestamp, UTC)', schema: { type: 'string', enum: ['minute', 'hour', 'day'], default: 'day' },
};
const aggregate = (operationId: string, summary: string, params: Parameter[]): Operation => ({
  operationId, summary, parameters: params, responses: { 200: json('the series, oldest first', 'Page'), ...errors },
});

const DATA_KINDS = ['Text', 'Code', 'Image', 'Audio', 'Tabular', 'Other'];
const CONTRIBUTION_STATUS = ['Pending', 'Accepted', 'Rejected', 'Withdrawn', 'Revoked'];

export const DOMAIN_PATHS = {
  '/datanets': {
    get: list('datanets', 'listDatanets', [
      enumParam('kind', 'data kind', DATA_KINDS),
      query('tag', 'datanets carrying this tag', { type: 'string', pattern: '^.{1,32}$' }),
      addressParam('owner', 'owner (SS58 address or 0x account id)'),
      enumParam('status', 'Active or Frozen', ['Active', 'Frozen']),
      integer('active_since', 'only datanets changed (a contribution, review, version…) at or after this block'),
    ], [], DATANET_SORT),
  },
  '/datanets/{id}': { get: detail('getDatanet', 'a datanet with its published versions (and their contribution ids)', [id('id', 'datanet id')]) },
  '/contributions': {
    get: list('contributions with their attribution stats', 'listContributions', [
      integer('datanet', 'datanet id'), addressParam('contributor', 'contributor (SS58 address or 0x account id)'),
      enumParam('status', 'review status', CONTRIBUTION_STATUS),
    ], [], CONTRIBUTION_SORT),
  },
  '/contributions/{id}': {
    get: detail('getContribution', 'a contribution: metadata, attribution stats, review history, versions it is in, recent attributions', [id('id', 'contribution id')]),
  },
  '/models': {
    get: list('models', 'listModels', [
      addressParam('developer', 'developer (SS58 address or 0x account id)'), enumParam('status', 'model status', ['Active', 'Paused', 'Retired']),
      enumParam('kind', 'model kind', ['InfiniGramV1', 'External']),
    ], [], MODEL_SORT),
  },
  '/models/{id}': { get: detail('getModel', 'a model with its settled revenue and most attributed contributions', [id('id', 'model id')]) },
  '/inferences': {
    get: list('inferences', 'listInferences', [
      integer('model', 'model id'), addressParam('consumer', 'consumer (SS58 address or 0x account id)'),
      enumParam('status', 'inference status', ['Requested', 'OutputSubmitted', 'Settled', 'Refunded']),
    ], [], INFERENCE_SORT),
  },
  '/inferences/{id}': {
    get: detail('getInference', 'an inference with its attestations, attribution (weights and amounts) and settlement', [id('id', 'inference id')]),
  },
  '/nodes': {
    get: list('registered nodes', 'listNodes', [
      addressParam('operator', 'operator (SS58 address or 0x account id)'), enumParam('kind', 'node kind', ['Storage', 'Compute', 'Validator']),
      enumParam('status', 'node status', ['Active', 'Unbonding', 'Withdrawn']),
    ], [], NODE_SORT),
  },
  '/nodes/{id}': { get: detail('getNode', 'a node with its recent heartbeats and rewards', [id('id', 'node id')]) },
  '/accounts/{address}': {
    get: detail('getAccount', 'what an account did and earned: datanets, contributions, earnings, models, inferences, nodes, rewards', [path('address', 'SS58 address or 0x account id', ADDRESS)]),
  },
  '/accounts/{address}/earnings': {
    get: list('contributor earnings of an account, one row per attributed inference, newest first', 'accountEarnings', [path('address', 'SS58 address or 0x account id', ADDRESS)]),
  },
  '/accounts/{address}/rewards': {
    get: list('node, author and claim rewards of an account, newest first', 'accountRewards', [
      path('address', 'SS58 address or 0x account id', ADDRESS), enumParam('kind', 'reward kind', ['author', 'node', 'contributor_claim', 'node_claim']),
    ]),
  },
  '/accounts/{address}/earnings-by-model': {
    get: aggregate('accountEarningsByModel', 'a contributor\'s attribution share by model: per model the settled inferences that drew on its contributions, summed weight, amount earned and its share (ppm) of the account\'s attributed earnings', [
      path('address', 'SS58 address or 0x account id', ADDRESS),
    ]),
  },
  '/stats/contributions': {
    get: aggregate('statsContributions', 'contributions submitted per time bucket per datanet', [integer('datanet', 'only this datanet'), BUCKET]),
  },
  '/stats/earnings': {
    get: aggregate('statsEarnings', 'contributor earnings per time bucket per contributor', [
      addressParam('contributor', 'only this contributor'), integer('contribution', 'only the earnings of this contribution'), BUCKET,
    ]),
  },
  '/stats/models': {
    get: aggregate('statsModels', 'settled inferences and revenue (fees) per time bucket per model', [integer('model', 'only this model'), BUCKET]),
  },
  '/stats/top-contributors': {
    get: aggregate('statsTopContributors', 'contributors ranked by their summed attribution weight (ppm) over settled inferences', [
      integer('datanet', 'only contributions of this datanet'), integer('model', 'only inferences of this model'),
      { name: 'limit', in: 'query', description: 'how many (larger values are clamped to 100)', schema: { type: 'integer', minimum: 1, maximum: 100, default: 10 }, 'x-clamp': true },
    ]),
  },
} satisfies Record<string, { get: Operation }>;

const DATANET_COLUMNS = `id, name, owner, metadata, tags, kind, license, policy, contribution_deposit::text, status, created, latest_version,
  contributions, accepted, accepted_bytes, curators, block_number AS updated_block`;
const CONTRIBUTION_COLUMNS = `c.id, c.datanet_id, c.contributor, c.content_hash, c.size, c.chunks_root, c.metadata, c.license, c.status, c.quality,
  c.reject_reason, c.deposit::text, c.submitted, c.reviewed, c.reviewer, c.block_number AS updated_block`;
/** A contribution's attribution stats (settled inferences attributed to it, summed weight in ppm, earnings). */
const CONTRIBUTION_STATS = `(SELECT count(*)::int FROM attributions a WHERE a.contribution_id = c.id) AS inferences,
  (SELECT coalesce(sum(a.weight_ppm), 0)::bigint FROM attributions a WHERE a.contribution_id = c.id) AS weight_ppm,
  (SELECT coalesce(sum(a.amount), 0)::text FROM attributions a WHERE a.contribution_id = c.id) AS earned`;
const MODEL_COLUMNS = `id, name, developer, metadata, kind, training_set, manifest_hash, base_fee::text, per_token_fee::text, developer_ppm,
  contributors_ppm, protocol_ppm, operators, status, registered, inferences, revenue::text, training_bytes, block_number AS updated_block`;
const INFERENCE_COLUMNS = `i.id, i.model_id, i.consumer, i.input_hash, i.max_fee::text, i.fee::text, i.output_hash, i.tokens_in, i.tokens_out,
  i.operator, i.status, i.requested, i.output_at, i.deadline, i.block_number AS updated_block`;
const NODE_COLUMNS = `id, operator, kind, peer_id, bond::text, status, unbonding_until, registered, last_heartbeat, era_points, total_points,
  earned::text, block_number AS updated_block`;

/** SELECT … FROM `from` with the filters, the sort and the page. */
async function page(db: Sql, select: string, filters: Record<string, unknown>, order: string, { limit, offset }: Params) {
  const w = where(filters);
  const n = w.params.length;
  return { items: await db.query(`${select} ${w.sql} ${order} LIMIT $${n + 1} OFFSET $${n + 2}`, [...w.params, limit, offset]) };
}

async function one(db: Sql, sql: string, value: unknown, what: string) {
  const [row] = await db.query(sql, [value]);
  if (!row) throw new HttpError(404, `${what} is not indexed`);
  return row;
}

const optAccount = (v: unknown, param: string) => (v === undefined ? undefined : account(String(v), param));

export function domainHandlers(db: Sql): Record<string, (p: Params) => Promise<unknown>> {
  return {
    listDatanets: async (p) => page(db, `SELECT ${DATANET_COLUMNS} FROM datanets`, {
      kind: p.kind, owner: optAccount(p.owner, 'owner'), status: p.status, 'tags ?': p.tag, 'block_number >=': p.active_since,
    }, orderBy(DATANET_SORT, p.sort), p),
    getDatanet: async ({ id }) => {
      const datanet = await one(db, `SELECT ${DATANET_COLUMNS} FROM datanets WHERE id = $1`, Number(id), `datanet ${id}`);
      const versions = await db.query(`SELECT v.version, v.root, v.count, v.bytes, v.block_number,
          coalesce((SELECT json_agg(vc.contribution_id ORDER BY vc.contribution_id) FROM version_contributions vc
            WHERE vc.datanet_id = v.datanet_id AND vc.version = v.version), '[]') AS contributions
        FROM versions v WHERE v.datanet_id = $1 ORDER BY v.version`, [Number(id)]);
      return { ...datanet, versions };
    },
    listContributions: async (p) => page(db, `SELECT ${CONTRIBUTION_COLUMNS}, ${CONTRIBUTION_STATS} FROM contributions c`,
      { 'c.datanet_id': p.datanet, 'c.contributor': optAccount(p.contributor, 'contributor'), 'c.status': p.status },
      orderBy(CONTRIBUTION_SORT, p.sort), p),
    getContribution: async ({ id }) => {
      const c = await one(db, `SELECT ${CONTRIBUTION_COLUMNS}, ${CONTRIBUTION_STATS} FROM contributions c WHERE c.id = $1`, String(id), `contribution ${id}`);
      const [history, versions, attributions] = await Promise.all([
        db.query(`SELECT s.block_number, b.timestamp, s.status, s.quality, s.reject_reason, s.reviewer FROM contribution_snapshots s
          JOIN blocks b ON b.number = s.block_number WHERE s.id = $1 ORDER BY s.block_number`, [String(id)]),
        db.query('SELECT datanet_id, version FROM version_contributions WHERE contribution_id = $1 ORDER BY datanet_id, version', [String(id)]),
        db.query(`SELECT a.block_number, b.timestamp, a.inference_id, i.model_id, a.weight_ppm, a.amount::text FROM attributions a
          JOIN blocks b ON b.number = a.block_number LEFT JOIN inferences i ON i.id = a.inference_id
          WHERE a.contribution_id = $1 ORDER BY a.block_number DESC, a.event_index DESC LIMIT 50`, [String(id)]),
      ]);
      return { ...c, history, versions, attributions };
    },
    listModels: async (p) => page(db, `SELECT ${MODEL_COLUMNS} FROM models`,
      { developer: optAccount(p.developer, 'developer'), status: p.status, kind: p.kind }, orderBy(MODEL_SORT, p.sort), p),
    getModel: async ({ id }) => {
      const model = await one(db, `SELECT ${MODEL_COLUMNS} FROM models WHERE id = $1`, Number(id), `model ${id}`);
      const [[settled], top] = await Promise.all([
        db.query(`SELECT count(*)::int AS settled, coalesce(sum(fee), 0)::text AS fees, coalesce(sum(developer), 0)::text AS developer,
          coalesce(sum(contributors), 0)::text AS contributors, coalesce(sum(protocol), 0)::text AS protocol,
          count(*) FILTER (WHERE fallback)::int AS fallback FROM settlements WHERE model_id = $1`, [Number(id)]),
        db.query(`SELECT a.contribution_id, c.datanet_id, c.contributor, count(*)::int AS inferences, sum(a.weight_ppm)::bigint AS weight_ppm,
          sum(a.amount)::text AS earned FROM attributions a JOIN settlements s ON s.inference_id = a.inference_id
          LEFT JOIN contributions c ON c.id = a.contribution_id WHERE s.model_id = $1
          GROUP BY a.contribution_id, c.datanet_id, c.contributor ORDER BY sum(a.weight_ppm) DESC, a.contribution_id LIMIT 10`, [Number(id)]),
      ]);
      return { ...model, settlements: settled, top_contributions: top };
    },
    listInferences: async (p) => page(db, `SELECT ${INFERENCE_COLUMNS} FROM inferences i`,
      { 'i.model_id': p.model, 'i.consumer': optAccount(p.consumer, 'consumer'), 'i.status': p.status },
      orderBy(INFERENCE_SORT, p.sort), p),
    getInference: async ({ id }) => {
      const inference = await one(db, `SELECT ${INFERENCE_COLUMNS} FROM inferences i WHERE i.id = $1`, String(id), `inference ${id}`);
      const [attestations, attribution, settlement, slashes] = await Promise.all([
        db.query(`SELECT a.block_number, a.attestor, a.result_hash FROM attestations a WHERE a.inference_id = $1 ORDER BY a.block_number, a.event_index`, [String(id)]),
        db.query(`SELECT a.contribution_id, c.datanet_id, c.contributor, a.weight_ppm, a.amount::text FROM attributions a
          LEFT JOIN contributions c ON c.id = a.contribution_id WHERE a.inference_id = $1 ORDER BY a.weight_ppm DESC, a.contribution_id`, [String(id)]),
        db.query(`SELECT block_number, fee::text, developer::text, contributors::text, protocol::text, fallback, result_hash, attestations
          FROM settlements WHERE inference_id = $1`, [String(id)]),
        db.query('SELECT block_number, attestor, amount::text FROM slashes WHERE inference_id = $1 ORDER BY block_number, event_index', [String(id)]),
      ]);
      return { ...inference, attestations, attribution, settlement: settlement[0] ?? null, slashes };
    },
    listNodes: async (p) => page(db, `SELECT ${NODE_COLUMNS} FROM nodes`,
      { operator: optAccount(p.operator, 'operator'), kind: p.kind, status: p.status }, orderBy(NODE_SORT, p.sort), p),
    getNode: async ({ id }) => {
      const node = await one(db, `SELECT ${NODE_COLUMNS} FROM nodes WHERE id = $1`, Number(id), `node ${id}`);
      const [heartbeats, rewards] = await Promise.all([
        db.query('SELECT h.block_number, b.timestamp, h.era, h.points FROM heartbeats h JOIN blocks b ON b.number = h.block_number WHERE h.node_id = $1 ORDER BY h.block_number DESC, h.event_index DESC LIMIT 50', [Number(id)]),
        db.query('SELECT r.block_number, b.timestamp, r.era, r.points, r.amount::text FROM rewards r JOIN blocks b ON b.number = r.block_number WHERE r.node_id = $1 ORDER BY r.block_number DESC, r.event_index DESC LIMIT 50', [Number(id)]),
      ]);
      return { ...node, heartbeats, rewards };
    },
    getAccount: async ({ address }) => {
      const who = account(String(address), 'address');
      const [row] = await db.query(`SELECT
          (SELECT last_seen_block FROM accounts WHERE address = $1) AS last_seen_block,
          (SELECT json_agg(id ORDER BY id) FROM datanets WHERE owner = $1) AS datanets,
          (SELECT count(*)::int FROM contributions WHERE contributor = $1) AS contributions,
          (SELECT count(*)::int FROM contributions WHERE contributor = $1 AND status = 'Accepted') AS accepted,
          (SELECT coalesce(sum(amount), 0)::text FROM contributor_earnings WHERE contributor = $1) AS contributor_earned,
          (SELECT coalesce(sum(amount), 0)::text FROM rewards WHERE account = $1 AND kind = 'contributor_claim') AS contributor_claimed,
          (SELECT json_agg(id ORDER BY id) FROM models WHERE developer = $1) AS models,
          (SELECT count(*)::int FROM inferences WHERE consumer = $1) AS inferences,
          (SELECT json_agg(id ORDER BY id) FROM nodes WHERE operator = $1) AS nodes,
          (SELECT coalesce(sum(amount), 0)::text FROM rewards WHERE account = $1 AND kind IN ('node', 'author')) AS node_rewarded,
          (SELECT coalesce(sum(amount), 0)::text FROM rewards WHERE account = $1 AND kind = 'node_claim') AS node_claimed`, [who]);
      return { address: who, ...row, datanets: row.datanets ?? [], models: row.models ?? [], nodes: row.nodes ?? [] };
    },
    accountEarnings: async (p) => page(db, `SELECT e.block_number, b.timestamp, e.inference_id, e.contribution_id, e.amount::text
        FROM contributor_earnings e JOIN blocks b ON b.number = e.block_number`,
      { 'e.contributor': account(String(p.address), 'address') }, 'ORDER BY e.block_number DESC, e.event_index DESC', p),
    accountRewards: async (p) => page(db, `SELECT r.block_number, b.timestamp, r.kind, r.node_id, r.era, r.points, r.amount::text
        FROM rewards r JOIN blocks b ON b.number = r.block_number`,
      { 'r.account': account(String(p.address), 'address'), 'r.kind': p.kind }, 'ORDER BY r.block_number DESC, r.event_index DESC', p),
    accountEarningsByModel: async ({ address }) => {
      const rows = await db.query<{ model_id: number; model_name: string | null; inferences: number; attributions: number; weight_ppm: string; earned: string }>(
        `SELECT s.model_id, m.name AS model_name, count(DISTINCT a.inference_id)::int AS inferences, count(*)::int AS attributions,
          sum(a.weight_ppm)::bigint AS weight_ppm, sum(a.amount)::text AS earned
        FROM attributions a JOIN contributions c ON c.id = a.contribution_id JOIN settlements s ON s.inference_id = a.inference_id
        LEFT JOIN models m ON m.id = s.model_id
        WHERE c.contributor = $1 GROUP BY s.model_id, m.name ORDER BY sum(a.amount) DESC, s.model_id`, [account(String(address), 'address')]);
      const total = rows.reduce((t, r) => t + BigInt(r.earned), 0n);
      // integer ppm, rounded down (so the shares never add up to more than 1,000,000)
      return { items: rows.map((r) => ({ ...r, share_ppm: total === 0n ? 0 : Number((BigInt(r.earned) * 1_000_000n) / total) })) };
    },
    statsContributions: async ({ datanet, bucket }) => ({
      items: await db.query(`SELECT date_trunc($1, b.timestamp) AS period, c.datanet_id, count(*)::int AS contributions
        FROM contributions c JOIN blocks b ON b.number = c.submitted WHERE ($2::int IS NULL OR c.datanet_id = $2)
        GROUP BY 1, 2 ORDER BY 1, 2`, [bucket, datanet ?? null]),
    }),
    statsEarnings: async ({ contributor, contribution, bucket }) => ({
      items: await db.query(`SELECT date_trunc($1, b.timestamp) AS period, e.contributor, sum(e.amount)::text AS amount, count(*)::int AS attributions
        FROM contributor_earnings e JOIN blocks b ON b.number = e.block_number
        WHERE ($2::text IS NULL OR e.contributor = $2) AND ($3::bigint IS NULL OR e.contribution_id = $3)
        GROUP BY 1, 2 ORDER BY 1, 2`, [bucket, optAccount(contributor, 'contributor') ?? null, contribution ?? null]),
    }),
    statsModels: async ({ model, bucket }) => ({
      items: await db.query(`SELECT date_trunc($1, b.timestamp) AS period, s.model_id, count(*)::int AS inferences, sum(s.fee)::text AS revenue
        FROM settlements s JOIN blocks b ON b.number = s.block_number WHERE ($2::int IS NULL OR s.model_id = $2)
        GROUP BY 1, 2 ORDER BY 1, 2`, [bucket, model ?? null]),
    }),
    statsTopContributors: async ({ datanet, model, limit }) => ({
      items: await db.query(`SELECT c.contributor, sum(a.weight_ppm)::bigint AS weight_ppm, count(DISTINCT a.inference_id)::int AS inferences,
          count(DISTINCT a.contribution_id)::int AS contributions, sum(a.amount)::text AS earned
        FROM attributions a JOIN contributions c ON c.id = a.contribution_id JOIN settlements s ON s.inference_id = a.inference_id
        WHERE ($1::int IS NULL OR c.datanet_id = $1) AND ($2::int IS NULL OR s.model_id = $2)
        GROUP BY c.contributor ORDER BY sum(a.weight_ppm) DESC, c.contributor LIMIT $3`, [datanet ?? null, model ?? null, limit]),
    }),
  };
}
