// The indexer across a reorg, with real node processes: four validators split into {alice, bob, charlie} and {dave}; the
// indexer follows dave, who authors a fork alone. When the groups join, dave's fork is retracted: its rows disappear from
// the indexer, the winning chain's blocks take their heights, and finalized rows never change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blake2AsHex } from '@polkadot/util-crypto';
import { startIndexer, type RunningIndexer } from '@slmnet/indexer';
import { canonicalHash, finalizedHead, header, startNetwork, type TestNetwork } from './helpers/network.ts';
import { removeDir, rpc, tempDir, waitFor } from './helpers/node.ts';

const BIG = ['alice', 'bob', 'charlie'];
const SMALL = ['dave'];
let net: TestNetwork;
let indexer: RunningIndexer;
const dbDir = tempDir('slmnet-indexer-reorg-');

const get = async (path: string) => {
  const r = await fetch(indexer.apiUrl + path);
  return { status: r.status, body: await r.json() as any };
};
/**
 * Runs `f` again once when Node's fetch reused a keep-alive socket the node's RPC server was closing (UND_ERR_SOCKET,
 * seen in some runs on split's first call after the nodes sat idle); split and join only add or remove reserved peers, so a repeat is harmless.
 */
const againOnSocketClose = (f: () => Promise<void>) => f().catch((e: Error & { cause?: { code?: string } }) => {
  if (e.cause?.code !== 'UND_ERR_SOCKET') throw e;
  return f();
});
const stored = () => indexer.db.query<{ number: number; hash: string; finalized: boolean }>('SELECT number, hash, finalized FROM blocks ORDER BY number');

beforeAll(async () => {
  net = await startNetwork({ nodes: [...BIG, ...SMALL], validators: [...BIG, ...SMALL], reservedOnly: true });
  for (const n of net.nodes) {
    await waitFor(async () => ((await rpc(n.httpUrl, 'system_health')).result.peers === 3 ? true : undefined), `${n.name} to see all peers`, 30_000);
  }
  await waitFor(async () => ((await finalizedHead(net.node('dave'))).number >= 2 ? true : undefined), 'first finality', 60_000);
  indexer = await startIndexer({ url: net.node('dave').url, dbDir, port: 0 });
}, 180_000);

afterAll(async () => {
  await indexer?.stop();
  await net?.stop();
  removeDir(dbDir);
});

describe('indexer across a reorg', () => {
  it('rolls back the retracted fork, stores the winning chain, never changes finalized rows', async () => {
    const dave = net.node('dave');
    const alice = net.node('alice');
    await againOnSocketClose(() => net.split(BIG, SMALL));
    // a block of dave's own fork, above the finalized head, stored by the indexer
    const fork = await waitFor(async () => {
      const best = await header(dave);
      if (best.number <= (await finalizedHead(dave)).number) return undefined;
      if (await canonicalHash(alice, best.number).catch(() => null) === best.hash) return undefined;
      return (await get(`/blocks/${best.hash}`)).status === 200 ? best : undefined;
    }, 'the indexer to store a block of dave\'s fork', 60_000);
    const finalizedBefore = (await stored()).filter((b) => b.finalized);
    expect(finalizedBefore.length).toBeGreaterThan(2);
    const forkRows = await indexer.db.query<{ n: number }>('SELECT count(*)::int AS n FROM extrinsics WHERE block_number = $1', [fork.number]);
    expect(forkRows[0].n).toBeGreaterThan(0);

    await againOnSocketClose(() => net.join(BIG, SMALL));
    // dave follows the winning chain and finalizes past the fork; the indexer follows him
    const target = await waitFor(async () => {
      const f = await finalizedHead(dave);
      return f.number > fork.number && await canonicalHash(alice, f.number) === f.hash ? f : undefined;
    }, 'dave to finalize the winning chain past the fork', 90_000);
    await waitFor(async () => ((await get('/health')).body.indexedFinalized >= target.number ? true : undefined), 'the indexer to reach the finalized head', 60_000);

    expect((await get(`/blocks/${fork.hash}`)).status).toBe(404);
    const rows = (await stored()).filter((b) => b.number <= target.number);
    expect(rows.map((b) => b.number)).toEqual(Array.from({ length: target.number + 1 }, (_, i) => i));
    for (const b of rows) expect([b.number, b.hash, b.finalized]).toEqual([b.number, await canonicalHash(alice, b.number), true]);
    // finalized rows are unchanged
    const after = new Map(rows.map((b) => [b.number, b.hash]));
    for (const b of finalizedBefore) expect(after.get(b.number)).toBe(b.hash);
    // the fork's height now holds the winning block, with that block's timestamp extrinsic
    const winner = await canonicalHash(alice, fork.number);
    expect((await get(`/blocks/${fork.number}`)).body.hash).toBe(winner);
    const ts: string = (await rpc(alice.httpUrl, 'chain_getBlock', [winner])).result.block.extrinsics[0];
    expect((await get(`/extrinsics/${fork.number}-0`)).body).toMatchObject({ pallet: 'timestamp', call: 'set', hash: blake2AsHex(ts, 256) });
  }, 240_000);
});
