// `slmnet demo seed` on a fresh dev node: the whole story with real attributions, then a second run that adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type ApiPromise } from '@slmnet/client';
import { cli } from './helpers/cli.ts';
import { removeDir, startNode, type RunningNode } from './helpers/node.ts';

let node: RunningNode;
let api: ApiPromise;

beforeAll(async () => {
  node = await startNode();
  api = await connect(node.url);
});
afterAll(async () => {
  await api?.disconnect();
  await node?.stop();
  if (node) removeDir(node.basePath);
});

/** Everything the seed writes, plus the nonce of every account (a second run must sign nothing). */
async function snapshot() {
  const [datanets, contributions, versions, models, inferences, results, nodes, accounts] = await Promise.all([
    api.query.datanets.datanets.entries(), api.query.datanets.contributions.entries(), (api.query.datanets.versions as any).entries(), // double map: the typed entries() wants a first key
    api.query.models.models.entries(), api.query.models.inferences.entries(), api.query.attribution.results.entries(),
    api.query.nodeRewards.nodes.entries(), api.query.system.account.entries(),
  ]);
  const plain = (es: [{ toHex(): string }, { toJSON(): unknown }][]) => Object.fromEntries(es.map(([k, v]) => [k.toHex(), v.toJSON()]));
  return {
    datanets: plain(datanets), contributions: plain(contributions), versions: plain(versions), models: plain(models),
    inferences: plain(inferences), results: plain(results),
    nodes: Object.fromEntries(nodes.map(([k, v]) => [k.toHex(), { heartbeat: v.unwrap().lastHeartbeat.toJSON(), bond: v.unwrap().bond.toString() }])),
    nonces: Object.fromEntries(accounts.map(([k, v]) => [k.toHex(), v.nonce.toNumber()])),
  };
}

describe('slmnet demo seed', () => {
  it('seeds the story in under two minutes, then a second run changes nothing', async () => {
    const t = Date.now();
    const first = await cli('--url', node.url, '--json', 'demo', 'seed');
    expect(first.code, first.err).toBe(0);
    expect(Date.now() - t).toBeLessThan(120_000);
    expect(first.json.added).toMatchObject({
      funded: 42, datanets: 3, contributions: 45, accepted: 40, rejected: 5, versions: 3, models: 4, nodes: 5, heartbeats: 5, attestorBonds: 1,
      inferences: 13, outputs: 13, attestations: 26,
    });
    expect(first.json.added.claims).toBeGreaterThan(0);

    const s1 = await snapshot();
    const contributions = Object.values(s1.contributions) as any[];
    expect(contributions.filter((c) => c.status === 'Accepted')).toHaveLength(40);
    expect(contributions.filter((c) => c.status === 'Rejected')).toHaveLength(5);
    expect(Object.values(s1.versions)).toHaveLength(3);
    const inferences = Object.values(s1.inferences) as any[];
    expect(inferences).toHaveLength(13);
    // every inference was paid, answered by the reference SLM, attested by //Alice and the bonded attestor, and settled by its attribution
    for (const i of inferences) {
      expect(i.status).toBe('Settled');
      expect(i.tokensOut).toBeGreaterThan(0);
      expect(i.settlement.fallback).toBe(false);
    }
    const results = Object.values(s1.results) as any[];
    expect(results).toHaveLength(13);
    for (const r of results) {
      expect(r.status).toBe('Final');
      expect(r.attestations).toBe(2);
      expect((r.entries ?? r.entries_).length).toBeGreaterThan(0);
    }
    expect(Object.values(s1.nodes).every((n: any) => n.heartbeat !== null)).toBe(true);
    const datanetNames = (Object.values(s1.datanets) as any[]).map((d) => Buffer.from(d.name.slice(2), 'hex').toString());
    expect(datanetNames.sort()).toEqual(['Medical Q&A', 'Rust snippets', 'Welsh phrasebook']);

    const second = await cli('--url', node.url, '--json', 'demo', 'seed');
    expect(second.code, second.err).toBe(0);
    expect(second.json.added).toEqual({});
    expect(second.json.datanets).toEqual(first.json.datanets);
    expect(second.json.inferences).toEqual(first.json.inferences);
    expect(await snapshot()).toEqual(s1);
  }, 240_000);
});
