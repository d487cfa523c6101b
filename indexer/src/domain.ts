// Domain rows of one block: the events of the Datanets, Models, Attribution and NodeRewards pallets say which objects
// changed; their new state is read from the block's storage (one batched read per kind) and stored as a snapshot.
// Amounts are exact decimal strings; bytes fields are text when they are UTF-8, else 0x hex.
import { stringToU8a } from '@polkadot/util';
import { toHex } from '@slmnet/runtime-spec';

export type SnapshotTable = 'datanet_snapshots' | 'contribution_snapshots' | 'model_snapshots' | 'inference_snapshots' | 'node_snapshots';
export type EventTable = 'versions' | 'version_contributions' | 'attestations' | 'slashes' | 'settlements' | 'attributions'
  | 'contributor_earnings' | 'rewards' | 'eras' | 'heartbeats';
export type Row = Record<string, unknown>;

/** A changed object's new state; `row` null: it left the chain state (a withdrawn node: its last snapshot is kept, marked so). */
export interface Snapshot { table: SnapshotTable; id: string; row: Row | null }
export interface DomainRows { snapshots: Snapshot[]; rows: { table: EventTable; row: Row }[] }
/**
 * Reads entries of the storage map `section.method` at the block, one per argument (a key, or a tuple of keys for a double
 * map), decoded by RuntimeCodec.storage: null for an absent entry of an optional map, byte strings as Uint8Array, enums as
 * `{ type, value }`, integers as numbers (decimal strings beyond 2^52), accounts in SS58.
 */
export type StorageMulti = (section: string, method: string, args: unknown[]) => Promise<unknown[]>;

// Storage values and event fields are decoded with the chain's own metadata, which has no static types here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Dyn = any;

/** A decimal (or SS58) string. */
const str = (c: unknown) => String(c);
/** An event's 32-byte hash field: toPrimitive gives printable ASCII as text, else 0x hex. */
const hash = (v: string) => (v.length === 66 && v.startsWith('0x') ? v : toHex(stringToU8a(v)));
const opt = <T>(v: Dyn, f: (v: Dyn) => T): T | null => (v === null ? null : f(v));
const utf8 = new TextDecoder('utf-8', { fatal: true });
/** UTF-8 text of a byte string, or its hex when it is not valid UTF-8. */
function text(u8: Uint8Array): string {
  try {
    return utf8.decode(u8);
  } catch {
    return toHex(u8);
  }
}

const datanetRow = (d: Dyn, curators: Dyn): Row => ({
  owner: d.owner, name: text(d.name), metadata: text(d.metadata), tags: d.tags.map(text), kind: d.kind.type,
  license: text(d.license), policy: d.policy.type, contribution_deposit: str(d.contributionDeposit), status: d.status.type,
  created: Number(d.created), latest_version: Number(d.latestVersion), contributions: Number(d.contributions),
  accepted: Number(d.accepted), accepted_bytes: str(d.acceptedBytes), curators,
});

const contributionRow = (c: Dyn): Row => ({
  datanet_id: Number(c.datanet), contributor: c.contributor, content_hash: toHex(c.contentHash), size: Number(c.size_), // @polkadot/types' names: fields that clash with Struct's own members are renamed
  chunks_root: toHex(c.chunksRoot), metadata: text(c.metadata), license: text(c.license), status: c.status.type,
  quality: opt(c.quality, Number), reject_reason: opt(c.rejectReason, Number), deposit: str(c.deposit),
  submitted: Number(c.submitted), reviewed: opt(c.reviewed, Number), reviewer: c.reviewer,
});

const modelRow = (m: Dyn): Row => ({
  developer: m.developer, name: text(m.name), metadata: text(m.metadata), kind: m.kind.type,
  training_set: m.trainingSet.map((t: Dyn) => ({ datanet: Number(t.datanet), version: Number(t.version) })),
  manifest_hash: toHex(m.manifestHash), base_fee: str(m.pricing.baseFee), per_token_fee: str(m.pricing.perTokenFee),
  developer_ppm: Number(m.split.developerPpm), contributors_ppm: Number(m.split.contributorsPpm), protocol_ppm: Number(m.split.protocolPpm),
  operators: m.operators, status: m.status.type, registered: Number(m.registered), inferences: str(m.inferences),
  revenue: str(m.revenue), training_bytes: str(m.trainingBytes),
});

const inferenceRow = (i: Dyn): Row => ({
  model_id: Number(i.model), consumer: i.consumer, input_hash: toHex(i.inputHash), max_fee: str(i.maxFee), fee: str(i.fee),
  output_hash: opt(i.outputHash, toHex), tokens_in: Number(i.tokensIn), tokens_out: Number(i.tokensOut),
  operator: i.operator, status: i.status.type, requested: Number(i.requested), output_at: opt(i.outputAt, Number),
  deadline: Number(i.deadline),
});

const nodeRow = (n: Dyn): Row => ({
  operator: n.operator, kind: n.kind.type, peer_id: toHex(n.peerId), bond: str(n.bond), status: n.status.type,
  unbonding_until: n.status.type === 'Unbonding' ? Number(n.status.value.until) : null, registered: Number(n.registered),
  last_heartbeat: opt(n.lastHeartbeat, Number), era_points: Number(n.eraPoints), total_points: str(n.totalPoints),
  earned: str(n.earned),
});

/** Reads `ids` of one storage map at the block; an absent entry gives null. */
async function read(multi: StorageMulti, section: string, method: string, ids: string[]): Promise<Map<string, Dyn | null>> {
  if (!ids.length) return new Map();
  const values = await multi(section, method, ids);
  return new Map(ids.map((id, i) => [id, values[i] ?? null]));
}

/** An event with its fields as plain values (scale.ts), by name. */
export interface DomainEvent { pallet: string; name: string; data: unknown }

export async function decodeDomain(multi: StorageMulti, events: DomainEvent[], block_number: number): Promise<DomainRows> {
  const touched = { datanets: new Set<string>(), contributions: new Set<string>(), models: new Set<string>(), inferences: new Set<string>(), nodes: new Set<string>() };
  const rows: DomainRows['rows'] = [];
  const versions: [number, number][] = [];
  const settled: { index: number; data: Dyn }[] = [];
  const results = new Map<string, { result_hash: string | null; attestations: number }>();

  events.forEach(({ pallet, name, data }, event_index) => {
    const d: Dyn = data;
    const key = `${pallet}.${name}`;
    const on = (table: EventTable, row: Row) => rows.push({ table, row: { block_number, event_index, ...row } });
    switch (pallet) {
      case 'datanets':
        if (d.datanet !== undefined) touched.datanets.add(str(d.datanet));
        if (d.contribution !== undefined) touched.contributions.add(str(d.contribution));
        if (key === 'datanets.VersionPublished') {
          versions.push([Number(d.datanet), Number(d.version)]);
          rows.push({ table: 'versions', row: { block_number, datanet_id: Number(d.datanet), version: Number(d.version), root: hash(d.root), count: Number(d.count), bytes: str(d.bytes) } });
        }
        break;
      case 'models':
        if (d.model !== undefined) touched.models.add(str(d.model));
        if (d.inference !== undefined) touched.inferences.add(str(d.inference));
        if (key === 'models.InferenceSettled') settled.push({ index: event_index, data: d });
        if (key === 'models.ContributorRewarded') on('contributor_earnings', { inference_id: str(d.inference), contribution_id: str(d.contribution), contributor: str(d.contributor), amount: str(d.amount) });
        if (key === 'models.RewardsClaimed') on('rewards', { kind: 'contributor_claim', account: str(d.who), amount: str(d.amount) });
        break;
      case 'attribution':
        if (key === 'attribution.AttributionAttested') on('attestations', { inference_id: str(d.inference), attestor: str(d.attestor), result_hash: hash(d.resultHash) });
        if (key === 'attribution.AttestorSlashed') on('slashes', { inference_id: str(d.inference), attestor: str(d.attestor), amount: str(d.amount) });
        if (key === 'attribution.ContributionAttributed') on('attributions', { inference_id: str(d.inference), contribution_id: str(d.contribution), weight_ppm: Number(d.weightPpm), amount: str(d.amount) });
        if (key === 'attribution.AttributionFinalized') results.set(str(d.inference), { result_hash: hash(d.resultHash), attestations: Number(d.attestations) });
        if (key === 'attribution.AttributionDisputed') results.set(str(d.inference), { result_hash: null, attestations: Number(d.attestations) });
        if (d.inference !== undefined) touched.inferences.add(str(d.inference));
        break;
      case 'nodeRewards':
        if (d.node !== undefined) touched.nodes.add(str(d.node));
        if (key === 'nodeRewards.Heartbeat') on('heartbeats', { node_id: Number(d.node), era: Number(d.era), points: Number(d.points) });
        if (key === 'nodeRewards.NodeRewarded') on('rewards', { kind: 'node', account: str(d.operator), node_id: Number(d.node), era: Number(d.era), points: Number(d.points), amount: str(d.amount) });
        if (key === 'nodeRewards.AuthorRewarded') on('rewards', { kind: 'author', account: str(d.author), amount: str(d.amount) });
        if (key === 'nodeRewards.RewardsClaimed') on('rewards', { kind: 'node_claim', account: str(d.who), amount: str(d.amount) });
        if (key === 'nodeRewards.EraPaid') rows.push({ table: 'eras', row: { block_number, era: Number(d.era), total: str(d.total), nodes: Number(d.nodes), points: str(d.points) } });
        break;
    }
  });

  // inferences first: an output or settlement names only the inference, whose model changed too (counters, revenue)
  const inferences = await read(multi, 'models', 'inferences', [...touched.inferences]);
  for (const i of inferences.values()) if (i) touched.models.add(str(i.model));
  const datanetIds = [...touched.datanets];
  const [datanets, curators, contributions, models, nodes, versionMembers] = await Promise.all([
    read(multi, 'datanets', 'datanets', datanetIds),
    datanetIds.length ? multi('datanets', 'curators', datanetIds) as Promise<Dyn[]> : [],
    read(multi, 'datanets', 'contributions', [...touched.contributions]),
    read(multi, 'models', 'models', [...touched.models]),
    read(multi, 'nodeRewards', 'nodes', [...touched.nodes]),
    versions.length ? multi('datanets', 'versionContributions', versions) as Promise<Dyn[]> : [],
  ]);

  const snapshots: Snapshot[] = [];
  const add = <T>(table: SnapshotTable, values: Map<string, T | null>, f: (v: T, id: string) => Row) => {
    for (const [id, v] of values) snapshots.push({ table, id, row: v === null ? null : f(v, id) });
  };
  add('datanet_snapshots', datanets, (d, id) => datanetRow(d, curators[datanetIds.indexOf(id)]));
  add('contribution_snapshots', contributions, contributionRow);
  add('model_snapshots', models, modelRow);
  add('inference_snapshots', inferences, inferenceRow);
  add('node_snapshots', nodes, nodeRow);

  versions.forEach(([datanet_id, version], i) => {
    for (const c of versionMembers[i] as Dyn[]) rows.push({ table: 'version_contributions', row: { datanet_id, version, contribution_id: str(c) } });
  });
  for (const { index, data: d } of settled) {
    const inference = inferences.get(str(d.inference));
    const result = results.get(str(d.inference));
    rows.push({
      table: 'settlements',
      row: {
        block_number, inference_id: str(d.inference), event_index: index, model_id: inference ? Number(inference.model) : null, fee: str(d.fee),
        developer: str(d.developer), contributors: str(d.contributors), protocol: str(d.protocol), fallback: d.fallback === true,
        result_hash: result?.result_hash ?? null, attestations: result?.attestations ?? null,
      },
    });
  }
  return { snapshots, rows };
}
