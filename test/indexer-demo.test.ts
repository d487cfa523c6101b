// The indexer's domain API against a real node seeded by `slmnet demo seed`, on PGlite and on PostgreSQL: every datanet,
// contribution, version, model, inference (attestations, attribution, settlement), node and reward the seed created is
// served with the chain's own fields and amounts (read back from chain state); pagination and filters at their edges;
// aggregates add up; unknown ids are 404 and bad parameters 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type ApiPromise } from '@slmnet/client';
import { startIndexer, type RunningIndexer } from '@slmnet/indexer';
import { backends } from './helpers/backends.ts';
import { cli } from './helpers/cli.ts';
import { removeDir, startNode, waitFor, type RunningNode } from './helpers/node.ts';

let node: RunningNode;
let api: ApiPromise;
let finalized: number;
// chain state after the seed, in the API's terms
let chain: {
  datanets: any[]; contributions: any[]; versions: any[]; models: any[]; inferences: any[]; results: Map<number, any>;
  stats: Map<number, any>; nodes: any[]; nodeRewards: Map<string, bigint>;
};

const text = (b: any) => Buffer.from(b.toU8a(true)).toString('utf8');
const opt = (o: any, f: (v: any) => unknown = (v) => v.toString()) => (o.isSome ? f(o.unwrap()) : null);

beforeAll(async () => {
  node = await startNode();
  api = await connect(node.url);
  const seed = await cli('--url', node.url, '--json', 'demo', 'seed');
  expect(seed.code, seed.err).toBe(0);
  // everything the seed did is final once the block after its last one is finalized
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  finalized = await waitFor(async () => {
    const n = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    return n >= head ? n : undefined;
  }, 'the seed to be finalized', 60_000);
  const at = await api.at(await api.rpc.chain.getBlockHash(finalized));
  const q: any = at.query;
  const [datanets, contributions, versions, models, inferences, results, stats, nodes] = await Promise.all([
    q.datanets.datanets.entries(), q.datanets.contributions.entries(), q.datanets.versions.entries(), q.models.models.entries(),
    q.models.inferences.entries(), q.attribution.results.entries(), q.attribution.stats.entries(), q.nodeRewards.nodes.entries(),
  ]);
  const key = (k: any, i = 0) => Number(k.args[i].toString());
  const versionList = await Promise.all(versions.map(async ([k, v]: any) => ({
    datanet: key(k), version: key(k, 1), root: v.unwrap().root.toHex(), count: v.unwrap().count.toNumber(), bytes: Number(v.unwrap().bytes.toString()),
    contributions: (await q.datanets.versionContributions(key(k), key(k, 1))).map((c: any) => Number(c.toString())),
  })));
  // node rewards credited per operator, summed over the NodeRewarded events of every block up to the finalized one
  const nodeRewards = new Map<string, bigint>();
  for (let n = 1; n <= finalized; n++) {
    const evs: any[] = await (await api.at(await api.rpc.chain.getBlockHash(n))).query.system.events();
    for (const { event } of evs) {
      if (event.section === 'nodeRewards' && event.method === 'NodeRewarded') {
        const op = event.data.operator.toString();
        nodeRewards.set(op, (nodeRewards.get(op) ?? 0n) + event.data.amount.toBigInt());
      }
    }
  }
  chain = {
    datanets: datanets.map(([k, v]: any) => [key(k), v.unwrap()]).map(([id, d]: any) => ({
      id, name: text(d.name), owner: d.owner.toString(), tags: d.tags.map(text), kind: d.kind.type, license: text(d.license),
      policy: d.policy.type, contribution_deposit: d.contributionDeposit.toString(), status: d.status.type, latest_version: d.latestVersion.toNumber(),
      contributions: d.contributions.toNumber(), accepted: d.accepted.toNumber(), accepted_bytes: Number(d.acceptedBytes.toString()),
      metadata: text(d.metadata),
    })).sort((a: any, b: any) => a.id - b.id),
    contributions: contributions.map(([k, v]: any) => { const c = v.unwrap(); return {
      id: key(k), datanet_id: c.datanet.toNumber(), contributor: c.contributor.toString(), content_hash: c.contentHash.toHex(), size: c.size_.toNumber(),
      chunks_root: c.chunksRoot.toHex(), metadata: text(c.metadata), status: c.status.type, quality: opt(c.quality, (x) => x.toNumber()),
      reject_reason: opt(c.rejectReason, (x) => x.toNumber()), deposit: c.deposit.toString(), submitted: c.submitted.toNumber(), reviewer: opt(c.reviewer),
    }; }).sort((a: any, b: any) => a.id - b.id),
    versions: versionList,
    models: models.map(([k, v]: any) => { const m = v.unwrap(); return {
      id: key(k), name: text(m.name), developer: m.developer.toString(), kind: m.kind.type, status: m.status.type,
      training_set: m.trainingSet.map((t: any) => ({ datanet: t.datanet.toNumber(), version: t.version.toNumber() })),
      base_fee: m.pricing.baseFee.toString(), per_token_fee: m.pricing.perTokenFee.toString(), developer_ppm: m.split.developerPpm.toNumber(),
      contributors_ppm: m.split.contributorsPpm.toNumber(), protocol_ppm: m.split.protocolPpm.toNumber(), operators: m.operators.map(String),
      inferences: Number(m.inferences.toString()), revenue: m.revenue.toString(), training_bytes: Number(m.trainingBytes.toString()),
    }; }).sort((a: any, b: any) => a.id - b.id),
    inferences: inferences.map(([k, v]: any) => ({ id: key(k), i: v.unwrap() })).sort((a: any, b: any) => a.id - b.id),
    results: new Map(results.map(([k, v]: any) => [key(k), v.unwrap()])),
    stats: new Map(stats.map(([k, v]: any) => [key(k), v])),
    nodes: nodes.map(([k, v]: any) => { const n = v.unwrap(); return {
      id: key(k), operator: n.operator.toString(), kind: n.kind.type, peer_id: n.peerId.toHex(), bond: n.bond.toString(), status: n.status.type,
      registered: n.registered.toNumber(), last_heartbeat: opt(n.lastHeartbeat, (x) => x.toNumber()), total_points: Number(n.totalPoints.toString()),
      earned: n.earned.toString(),
    }; }).sort((a: any, b: any) => a.id - b.id),
    nodeRewards,
  };
  expect(chain.datanets).toHaveLength(3);
  expect(chain.contributions).toHaveLength(45);
  expect(chain.inferences).toHaveLength(13);
}, 300_000);

afterAll(async () => {
  await api?.disconnect();
  await node?.stop();
  if (node) removeDir(node.basePath);
});

describe.each(backends())('demo-seeded chain on $name', (backend) => {
  let indexer: RunningIndexer;
  const get = async (path: string) => {
    const r = await fetch(indexer.apiUrl + path);
    return { status: r.status, body: await r.json() as any };
  };
  const ok = async (path: string) => {
    const r = await get(path);
    expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
    return r.body;
  };
  /** Every page of a list, `size` items at a time: checks the pages join up with no gap or repeat. */
  const all = async (path: string, size = 7) => {
    const out: any[] = [];
    for (let offset = 0; ; offset += size) {
      const { items } = await ok(`${path}${path.includes('?') ? '&' : '?'}limit=${size}&offset=${offset}`);
      out.push(...items);
      if (items.length < size) return out;
    }
  };

  beforeAll(async () => {
    const db = await backend.create();
    indexer = await startIndexer({ url: node.url, ...db.options, port: 0 });
    await waitFor(async () => {
      const h = (await get('/health')).body;
      return h.indexedFinalized !== null && h.indexedFinalized >= finalized ? h : undefined;
    }, `the indexer to reach #${finalized}`, 120_000);
  }, 180_000);
  afterAll(async () => { await indexer?.stop(); });

  it('datanets and their versions: every field as on chain; tag, kind and activity filters', async () => {
    const list = await all('/datanets', 2);
    expect(list.map((d) => ({ ...d, updated_block: undefined, created: undefined, curators: undefined })))
      .toEqual(chain.datanets.map((d) => ({ ...d, updated_block: undefined, created: undefined, curators: undefined })));
    for (const d of chain.datanets) {
      const detail = await ok(`/datanets/${d.id}`);
      expect(detail.curators).toEqual([]);
      expect(detail.versions).toEqual(chain.versions.filter((v) => v.datanet === d.id).map((v) => ({
        version: v.version, root: v.root, count: v.count, bytes: v.bytes, block_number: expect.any(Number), contributions: v.contributions,
      })));
      expect(detail.versions[0].contributions).toHaveLength(d.accepted);
    }
    const welsh = chain.datanets.find((d) => d.tags.includes('welsh'))!;
    expect((await ok('/datanets?tag=welsh')).items.map((d: any) => d.id)).toEqual([welsh.id]);
    expect((await ok('/datanets?kind=Code')).items.map((d: any) => d.id)).toEqual(chain.datanets.filter((d) => d.kind === 'Code').map((d) => d.id));
    expect((await ok(`/datanets?active_since=${finalized + 1}`)).items).toEqual([]);
    expect((await ok('/datanets?sort=-id&limit=1')).items[0].id).toBe(2);
  });

  it('contributions: all 45 with their fields, paged at the edges, filtered, with stats equal to the chain\'s Attribution.Stats', async () => {
    const list = await all('/contributions?sort=id');
    expect(list.map((c) => ({ id: c.id, datanet_id: c.datanet_id, contributor: c.contributor, content_hash: c.content_hash, size: c.size,
      chunks_root: c.chunks_root, metadata: c.metadata, status: c.status, quality: c.quality, reject_reason: c.reject_reason, deposit: c.deposit,
      submitted: c.submitted, reviewer: c.reviewer }))).toEqual(chain.contributions);
    for (const c of list) {
      const s = chain.stats.get(c.id);
      expect([c.id, c.inferences, String(c.weight_ppm), c.earned]).toEqual([c.id, s ? Number(s.inferences.toString()) : 0,
        s ? s.cumulativeWeightPpm.toString() : '0', s ? s.earned.toString() : '0']);
    }
    // page edges: the last full page, the partial one, past the end; limit clamped to 100
    expect((await ok('/contributions?limit=20&offset=40')).items).toHaveLength(5);
    expect((await ok('/contributions?limit=20&offset=45')).items).toEqual([]);
    expect((await ok('/contributions?limit=1000')).items).toHaveLength(45);
    expect((await ok('/contributions?limit=1')).items[0].id).toBe(44);
    const rejected = chain.contributions.filter((c) => c.status === 'Rejected');
    expect((await ok('/contributions?status=Rejected&sort=id')).items.map((c: any) => c.id)).toEqual(rejected.map((c) => c.id));
    const one = chain.contributions[0];
    expect((await all(`/contributions?datanet=${one.datanet_id}&contributor=${one.contributor}&sort=id`, 1)).map((c) => c.id))
      .toEqual(chain.contributions.filter((c) => c.datanet_id === one.datanet_id && c.contributor === one.contributor).map((c) => c.id));
    expect((await ok('/contributions?sort=-quality&limit=1')).items[0].quality).toBe(Math.max(...chain.contributions.map((c) => c.quality ?? -1)));

    const detail = await ok(`/contributions/${one.id}`);
    expect(detail.history.map((h: any) => h.status)).toEqual(['Pending', one.status]);
    expect(detail.versions).toEqual(chain.versions.filter((v) => v.contributions.includes(one.id)).map((v) => ({ datanet_id: v.datanet, version: v.version })));
    expect(detail.attributions).toHaveLength(detail.inferences);
  });

  it('models: pricing, split, training set, counters and settled revenue as on chain', async () => {
    const list = await all('/models', 3);
    expect(list.map((m) => ({ id: m.id, name: m.name, developer: m.developer, kind: m.kind, status: m.status, training_set: m.training_set,
      base_fee: m.base_fee, per_token_fee: m.per_token_fee, developer_ppm: m.developer_ppm, contributors_ppm: m.contributors_ppm,
      protocol_ppm: m.protocol_ppm, operators: m.operators, inferences: m.inferences, revenue: m.revenue, training_bytes: m.training_bytes }))).toEqual(chain.models);
    for (const m of chain.models) {
      const detail = await ok(`/models/${m.id}`);
      const settled = chain.inferences.filter(({ i }) => i.model.toNumber() === m.id);
      const sum = (f: (s: any) => bigint) => settled.reduce((a, { i }) => a + f(i.settlement.unwrap()), 0n).toString();
      expect(detail.settlements).toEqual({
        settled: settled.length, fees: settled.reduce((a, { i }) => a + i.fee.toBigInt(), 0n).toString(),
        developer: sum((s) => s.developer.toBigInt()), contributors: sum((s) => s.contributors.toBigInt()), protocol: sum((s) => s.protocol.toBigInt()), fallback: 0,
      });
      expect(detail.settlements.fees).toBe(m.revenue);
      expect(detail.top_contributions.length).toBeGreaterThan(0);
    }
    expect((await ok(`/models?developer=${chain.models[0].developer}`)).items.map((m: any) => m.id))
      .toEqual(chain.models.filter((m) => m.developer === chain.models[0].developer).map((m) => m.id));
  });

  it('inferences: fee, output, attestations, attribution weights and amounts, settlement split as on chain', async () => {
    const list = await all('/inferences?sort=id', 5);
    expect(list.map((i) => i.id)).toEqual(chain.inferences.map((i) => i.id));
    for (const { id, i } of chain.inferences) {
      const d = await ok(`/inferences/${id}`);
      expect({ model_id: d.model_id, consumer: d.consumer, input_hash: d.input_hash, max_fee: d.max_fee, fee: d.fee, output_hash: d.output_hash,
        tokens_in: d.tokens_in, tokens_out: d.tokens_out, operator: d.operator, status: d.status }).toEqual({
        model_id: i.model.toNumber(), consumer: i.consumer.toString(), input_hash: i.inputHash.toHex(), max_fee: i.maxFee.toString(), fee: i.fee.toString(),
        output_hash: i.outputHash.unwrap().toHex(), tokens_in: i.tokensIn.toNumber(), tokens_out: i.tokensOut.toNumber(), operator: i.operator.unwrap().toString(),
        status: 'Settled',
      });
      const s = i.settlement.unwrap();
      expect(d.settlement).toMatchObject({ fee: i.fee.toString(), developer: s.developer.toString(), contributors: s.contributors.toString(),
        protocol: s.protocol.toString(), fallback: false, attestations: 2 });
      expect(d.attestations).toHaveLength(2);
      expect(new Set(d.attestations.map((a: any) => a.result_hash))).toEqual(new Set([d.settlement.result_hash]));
      // `entries` clashes with Map#entries in @polkadot/types, which renames the field
      const entries = chain.results.get(id).entries_.map((e: any) => ({ contribution_id: Number(e.contribution.toString()), weight_ppm: e.weightPpm.toNumber() }));
      expect(d.attribution.filter((a: any) => a.weight_ppm > 0).map((a: any) => ({ contribution_id: a.contribution_id, weight_ppm: a.weight_ppm }))).toEqual(entries);
      // the contributors' part is exactly what the attributed contributions got (residues go to the protocol)
      expect(d.attribution.reduce((a: bigint, x: any) => a + BigInt(x.amount), 0n)).toBeLessThanOrEqual(s.contributors.toBigInt());
      expect(d.slashes).toEqual([]);
    }
    const model = chain.inferences[0].i.model.toNumber();
    expect((await ok(`/inferences?model=${model}&status=Settled&limit=100`)).items).toHaveLength(chain.inferences.filter(({ i }) => i.model.toNumber() === model).length);
    expect((await ok('/inferences?status=Refunded')).items).toEqual([]);
  });

  it('nodes, heartbeats and rewards; account pages add up', async () => {
    const list = await all('/nodes', 2);
    expect(list.map((n) => ({ id: n.id, operator: n.operator, kind: n.kind, peer_id: n.peer_id, bond: n.bond, status: n.status, registered: n.registered,
      last_heartbeat: n.last_heartbeat, total_points: n.total_points, earned: n.earned }))).toEqual(chain.nodes);
    for (const n of chain.nodes) {
      const d = await ok(`/nodes/${n.id}`);
      expect(d.heartbeats.length).toBe(n.total_points);
      expect(d.rewards.reduce((a: bigint, r: any) => a + BigInt(r.amount), 0n).toString()).toBe(n.earned);
    }
    for (const [operator, amount] of chain.nodeRewards) {
      const rewards = await all(`/accounts/${operator}/rewards?kind=node`, 3);
      expect(rewards.reduce((a, r) => a + BigInt(r.amount), 0n)).toBe(amount);
    }
    // a contributor's earnings rows add up to the account summary and to the chain's per-contribution earnings
    const c = chain.contributions.find((x) => (chain.stats.get(x.id)?.inferences.toNumber() ?? 0) > 0)!;
    const earnings = await all(`/accounts/${c.contributor}/earnings`, 2);
    const account = await ok(`/accounts/${c.contributor}`);
    expect(earnings.reduce((a, e) => a + BigInt(e.amount), 0n).toString()).toBe(account.contributor_earned);
    expect(account.contributions).toBe(chain.contributions.filter((x) => x.contributor === c.contributor).length);
    // its attribution share by model: the per-model amounts add up to its earnings, the shares to at most 100% (rounded down)
    const byModel = (await ok(`/accounts/${c.contributor}/earnings-by-model`)).items;
    expect(byModel.length).toBeGreaterThan(0);
    expect(byModel.reduce((a: bigint, r: any) => a + BigInt(r.earned), 0n).toString()).toBe(account.contributor_earned);
    const shares = byModel.reduce((a: number, r: any) => a + r.share_ppm, 0);
    expect(shares).toBeLessThanOrEqual(1_000_000);
    expect(shares).toBeGreaterThan(1_000_000 - byModel.length);
    for (const r of byModel) expect(r.model_name).toBe(chain.models.find((m) => m.id === r.model_id)!.name);
    const dev = await ok(`/accounts/${chain.models[0].developer}`);
    expect(dev.models).toEqual(chain.models.filter((m) => m.developer === chain.models[0].developer).map((m) => m.id));
  });

  it('chart aggregates add up to the chain: contributions per datanet, revenue per model, earnings, top contributors', async () => {
    const perDatanet = (await ok('/stats/contributions?bucket=minute')).items;
    for (const d of chain.datanets) {
      expect(perDatanet.filter((r: any) => r.datanet_id === d.id).reduce((a: number, r: any) => a + r.contributions, 0)).toBe(d.contributions);
    }
    const perModel = (await ok('/stats/models?bucket=hour')).items;
    for (const m of chain.models) {
      const rows = perModel.filter((r: any) => r.model_id === m.id);
      expect(rows.reduce((a: number, r: any) => a + r.inferences, 0)).toBe(m.inferences);
      expect(rows.reduce((a: bigint, r: any) => a + BigInt(r.revenue), 0n).toString()).toBe(m.revenue);
    }
    const earned = (await ok('/stats/earnings')).items.reduce((a: bigint, r: any) => a + BigInt(r.amount), 0n);
    expect(earned).toBe([...chain.stats.values()].reduce((a, s) => a + s.earned.toBigInt(), 0n));
    // one contribution's earnings over time add up to the chain's Attribution.Stats of it
    const [cid, st] = [...chain.stats].find(([, x]) => x.earned.toBigInt() > 0n)!;
    const one = (await ok(`/stats/earnings?contribution=${cid}&bucket=minute`)).items;
    expect(one.reduce((a: bigint, r: any) => a + BigInt(r.amount), 0n)).toBe(st.earned.toBigInt());
    const top = (await ok('/stats/top-contributors?limit=3')).items;
    expect(top).toHaveLength(3);
    const weights = new Map<string, bigint>();
    for (const c of chain.contributions) {
      const s = chain.stats.get(c.id);
      if (s) weights.set(c.contributor, (weights.get(c.contributor) ?? 0n) + s.cumulativeWeightPpm.toBigInt());
    }
    const best = [...weights.values()].sort((a, b) => (a < b ? 1 : -1))[0];
    expect(BigInt(top[0].weight_ppm)).toBe(best);
    expect((await ok(`/stats/top-contributors?model=${chain.models[0].id}`)).items.length).toBeGreaterThan(0);
    expect((await ok(`/stats/contributions?datanet=${chain.datanets[0].id}&bucket=day`)).items.every((r: any) => r.datanet_id === chain.datanets[0].id)).toBe(true);
  });

  it('search finds datanets, models, contributions, inferences and nodes; unknown ids are 404, bad parameters 400', async () => {
    const kinds = async (q: string) => (await ok(`/search?q=${encodeURIComponent(q)}`)).items.map((i: any) => `${i.kind}:${i.id}`);
    expect(await kinds('datanet:1')).toEqual(['datanet:1']);
    expect(await kinds(chain.models[0].name.slice(0, 4))).toContain(`model:${chain.models[0].id}`);
    expect(await kinds(chain.contributions[3].content_hash)).toContain('contribution:3');
    expect(await kinds('inference:5')).toEqual(['inference:5']);
    expect(await kinds('node:0')).toEqual(['node:0']);
    for (const path of ['/datanets/99', '/contributions/999', '/models/99', '/inferences/999', '/nodes/99']) {
      const r = await get(path);
      expect([path, r.status, typeof r.body.error.message]).toEqual([path, 404, 'string']);
    }
    for (const [path, param] of [['/contributions?status=Bogus', 'status'], ['/datanets?kind=Text&sort=name', 'sort'], ['/inferences?model=-1', 'model'],
      ['/accounts/not-an-address/earnings', 'address'], ['/accounts/not-an-address/earnings-by-model', 'address'], ['/stats/earnings?bucket=week', 'bucket'], ['/nodes?colour=red', 'colour']]) {
      const r = await get(path);
      expect([path, r.status, r.body.error.param]).toEqual([path, 400, param]);
    }
  });
});
