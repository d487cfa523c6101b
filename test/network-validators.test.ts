// Two validators of the local testnet (alice and bob, both Aura and GRANDPA
// authorities) plus a full node: they take turns authoring and finalize
// together through gossiped GRANDPA votes.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, removeDir, rpc, startNode, tempDir, waitFor, type RunningNode } from './helpers/node.ts';

const nodeKey = (name: string) => createHash('sha256').update(name).digest('hex');
const IDS: Record<string, string> = {
  alice: '12D3KooWQCkBm1BYtkHpocxCwMgR8yjitEeHGx8spzcDLGt2gkBm',
};
const nodes: RunningNode[] = [];
let boot = '';
const common = (name: string) => ['--chain', 'local', '--name', name, '--node-key', nodeKey(name)];

async function header(n: RunningNode, hash?: string): Promise<{ number: number; hash: string }> {
  const h = (await rpc(n.httpUrl, 'chain_getHeader', hash ? [hash] : [])).result;
  return { number: parseInt(h.number, 16), hash: hash ?? (await rpc(n.httpUrl, 'chain_getBlockHash', [parseInt(h.number, 16)])).result };
}
async function finalized(n: RunningNode): Promise<number> {
  return (await header(n, (await rpc(n.httpUrl, 'chain_getFinalizedHead')).result)).number;
}

beforeAll(async () => {
  const p2p = await freePort();
  boot = `/ip4/127.0.0.1/tcp/${p2p}/ws/p2p/${IDS.alice}`;
  nodes.push(await startNode({ dev: false, args: [...common('alice'), '--alice', '--listen-addr', `/ip4/127.0.0.1/tcp/${p2p}/ws`] }));
  nodes.push(await startNode({ dev: false, args: [...common('bob'), '--bob', '--listen-addr', `/ip4/127.0.0.1/tcp/${await freePort()}/ws`, '--bootnodes', boot] }));
  nodes.push(await startNode({ dev: false, args: [...common('charlie'), '--port', String(await freePort()), '--bootnodes', boot] }));
});

afterAll(async () => {
  await Promise.all(nodes.map((n) => n.stop()));
  for (const n of nodes) removeDir(n.basePath);
});

describe('two validators and a full node', () => {
  it('form a full mesh, alternate authoring and finalize together', async () => {
    const [alice, bob, charlie] = nodes;
    for (const n of nodes) {
      await waitFor(async () => ((await rpc(n.httpUrl, 'system_health')).result.peers === 2 ? true : undefined), 'a full mesh', 20_000);
    }
    expect((await rpc(charlie.httpUrl, 'system_health')).result.shouldHavePeers).toBe(true);
    await waitFor(async () => ((await finalized(charlie)) >= 4 ? true : undefined), 'finality on the full node', 45_000);
    // everybody agrees on the finalized chain
    const f = Math.min(...await Promise.all(nodes.map(finalized)));
    const hashes = await Promise.all(nodes.map(async (n) => (await rpc(n.httpUrl, 'chain_getBlockHash', [f])).result));
    expect(new Set(hashes).size).toBe(1);
    // both validators authored some of the blocks
    expect(alice.logs()).toMatch(/Pre-sealed block for proposal/);
    expect(bob.logs()).toMatch(/Pre-sealed block for proposal/);
    expect(charlie.logs()).not.toMatch(/Pre-sealed block for proposal/);
  });

  it('a validator killed with -9 syncs back on restart and authors again', async () => {
    const [alice, bob] = nodes;
    await bob.stop('SIGKILL');
    const bestBefore = (await header(alice)).number;
    // alone, alice authors her slots only (and cannot finalize: threshold 2 of 2)
    await waitFor(async () => ((await header(alice)).number >= bestBefore + 2 ? true : undefined), 'alice to author alone', 30_000);
    const bob2 = await startNode({ dev: false, basePath: bob.basePath, args: [...common('bob'), '--bob', '--port', String(await freePort()), '--bootnodes', boot] });
    nodes[1] = bob2;
    const target = (await header(alice)).number;
    await waitFor(async () => ((await header(bob2)).number >= target ? true : undefined), 'bob to catch up', 30_000);
    expect((await rpc(bob2.httpUrl, 'chain_getBlockHash', [target])).result).toBe((await rpc(alice.httpUrl, 'chain_getBlockHash', [target])).result);
    // back in sync, bob takes his slots again
    await waitFor(() => (/Pre-sealed block for proposal/.test(bob2.logs()) ? true : undefined), 'bob to author again', 20_000);
  });

  it('finality resumes after a validator is killed with -9 and restarted (it resumes its GRANDPA round)', async () => {
    // repeat: a kill can land anywhere in a round (before, between or after the votes)
    for (let i = 0; i < 3; i++) {
      const [alice] = nodes;
      const bob = nodes[1];
      await waitFor(async () => ((await finalized(alice)) >= (await header(alice)).number - 2 ? true : undefined), 'finality to be current', 45_000);
      await new Promise((r) => setTimeout(r, 700 * i)); // land at different points of the round
      await bob.stop('SIGKILL');
      const stalledAt = await finalized(alice);
      const bob2 = await startNode({ dev: false, basePath: bob.basePath, args: [...common('bob'), '--bob', '--port', String(await freePort()), '--bootnodes', boot] });
      nodes[1] = bob2;
      await waitFor(async () => ((await finalized(alice)) >= stalledAt + 3 ? true : undefined), `finality to resume after restart ${i + 1}`, 60_000, 500);
      await waitFor(async () => ((await finalized(bob2)) >= stalledAt + 3 ? true : undefined), 'the restarted validator to finalize too', 30_000, 500);
    }
  }, 300_000);
});
