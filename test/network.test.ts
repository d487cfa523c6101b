// Real node processes talking over libp2p on loopback: an authoring node
// (alice, --dev) and non-authoring full nodes (--chain dev) that know only
// alice as bootnode. They sync, follow, relay transactions, and catch up
// after starting late or being killed.
import '@polkadot/api-augment';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from './helpers/api.ts';
import { freePort, removeDir, rpc, startNode, tempDir, waitFor, type RunningNode } from './helpers/node.ts';

const ALICE_ID = '12D3KooWQCkBm1BYtkHpocxCwMgR8yjitEeHGx8spzcDLGt2gkBm';
const nodeKey = (name: string) => createHash('sha256').update(name).digest('hex');

let alice: RunningNode;
let bootnode: string;
const nodes: RunningNode[] = [];
const dirs: string[] = [];

async function best(n: RunningNode): Promise<number> {
  return parseInt((await rpc(n.httpUrl, 'chain_getHeader')).result.number, 16);
}
async function finalized(n: RunningNode): Promise<number> {
  const h = (await rpc(n.httpUrl, 'chain_getFinalizedHead')).result;
  return parseInt((await rpc(n.httpUrl, 'chain_getHeader', [h])).result.number, 16);
}
async function hashAt(n: RunningNode, k: number): Promise<string | null> {
  return (await rpc(n.httpUrl, 'chain_getBlockHash', [k])).result;
}

/** A non-authoring full node of the dev chain that only knows alice. */
async function fullNode(name: string, basePath = tempDir(), extra: string[] = []): Promise<RunningNode> {
  if (!dirs.includes(basePath)) dirs.push(basePath);
  const n = await startNode({
    dev: false, basePath, prometheus: extra.includes('--prometheus-port'),
    args: ['--chain', 'dev', '--name', name, '--node-key', nodeKey(name), '--port', String(await freePort()), '--bootnodes', bootnode, ...extra],
  });
  nodes.push(n);
  return n;
}

beforeAll(async () => {
  await cryptoWaitReady();
  const p2p = await freePort();
  const dir = tempDir();
  dirs.push(dir);
  alice = await startNode({ basePath: dir, args: ['--node-key', nodeKey('alice'), '--listen-addr', `/ip4/127.0.0.1/tcp/${p2p}/ws`] });
  nodes.push(alice);
  bootnode = `/ip4/127.0.0.1/tcp/${p2p}/ws/p2p/${ALICE_ID}`;
});

afterAll(async () => {
  await Promise.all(nodes.map((n) => n.stop()));
  for (const d of dirs) removeDir(d);
});

describe('multi-node network', () => {
  let bob: RunningNode;

  it('a full node connects, syncs the authored chain and keeps following it', async () => {
    await waitFor(async () => ((await best(alice)) >= 3 ? true : undefined), 'alice to author 3 blocks', 30_000);
    bob = await fullNode('bob', tempDir(), ['--prometheus-port', String(await freePort())]);
    await waitFor(async () => ((await rpc(bob.httpUrl, 'system_health')).result.peers === 1 ? true : undefined), 'bob to peer with alice', 15_000);
    const target = await best(alice);
    await waitFor(async () => ((await best(bob)) >= target ? true : undefined), 'bob to sync', 20_000);
    expect(await hashAt(bob, target)).toBe(await hashAt(alice, target));
    // following: new blocks keep arriving, and finality follows too
    await waitFor(async () => ((await best(bob)) >= target + 2 ? true : undefined), 'bob to follow', 20_000);
    await waitFor(async () => ((await finalized(bob)) >= target ? true : undefined), 'bob to finalize', 20_000);
    expect(bob.logs()).not.toMatch(/Proposing|Prepared block/);
  });

  it('reports peers, health, listen addresses and metrics', async () => {
    const health = (await rpc(bob.httpUrl, 'system_health')).result;
    expect(health).toEqual({ peers: 1, isSyncing: false, shouldHavePeers: false });
    const peers = (await rpc(bob.httpUrl, 'system_peers')).result;
    expect(peers).toHaveLength(1);
    expect(peers[0]).toMatchObject({ peerId: ALICE_ID, roles: 'AUTHORITY' });
    expect(peers[0].bestHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(peers[0].bestNumber).toBeGreaterThan(0);
    const alicePeers = (await rpc(alice.httpUrl, 'system_peers')).result;
    expect(alicePeers[0]).toMatchObject({ peerId: (await rpc(bob.httpUrl, 'system_localPeerId')).result, roles: 'FULL' });
    const addrs: string[] = (await rpc(alice.httpUrl, 'system_localListenAddresses')).result;
    expect(addrs).toContain(bootnode);
    const bobAddrs: string[] = (await rpc(bob.httpUrl, 'system_localListenAddresses')).result;
    expect(bobAddrs.some((a) => /^\/ip4\/127\.0\.0\.1\/tcp\/\d+\/p2p\/12D3KooW/.test(a))).toBe(true);
    const promPort = bob.proc.spawnargs[bob.proc.spawnargs.indexOf('--prometheus-port') + 1];
    const text = await (await fetch(`http://127.0.0.1:${promPort}/metrics`)).text();
    expect(text).toMatch(/substrate_sub_libp2p_peers_count(\{[^}]*\})? 1/);
    expect(bob.logs()).toMatch(/Idle \(1 peers\)|Imported #/);
    expect(bob.logs()).toContain('🏷  Local node identity is: 12D3KooW');
    expect((await rpc(bob.httpUrl, 'system_addReservedPeer', [bootnode])).result).toBeNull();
    expect((await rpc(bob.httpUrl, 'system_reservedPeers')).result).toEqual([ALICE_ID]);
    expect((await rpc(bob.httpUrl, 'system_addReservedPeer', ['/ip4/127.0.0.1/tcp/1'])).error?.code).toBe(-32602);
  });

  it('a transaction submitted to the full node is included by the author', async () => {
    const api = await ApiPromise.create({ provider: new WsProvider(bob.url), noInitWarn: true, throwOnConnect: true });
    try {
      const keyring = new Keyring({ type: 'sr25519' });
      const from = keyring.addFromUri('//Alice');
      const to = keyring.addFromUri('//Ferdie');
      const out = await send(api.tx.balances.transferKeepAlive(to.address, 1_000_000_000_000n), from);
      expect(out.events.some((e) => e.section === 'balances' && e.method === 'Transfer')).toBe(true);
      // the block holding it came from alice (bob does not author)
      const onAlice = (await rpc(alice.httpUrl, 'chain_getBlock', [out.blockHash])).result;
      expect(onAlice).not.toBeNull();
    } finally {
      await api.disconnect();
    }
  });

  it('a late node catches up, discovering bob through alice; a killed node resyncs on restart', async () => {
    const charlie = await fullNode('charlie');
    // discovery: charlie only knows alice, yet ends up connected to bob too
    await waitFor(async () => ((await rpc(charlie.httpUrl, 'system_health')).result.peers === 2 ? true : undefined), 'charlie to find bob', 15_000);
    const target = await best(alice);
    await waitFor(async () => ((await best(charlie)) >= target ? true : undefined), 'charlie to catch up', 20_000);
    expect(await hashAt(charlie, target)).toBe(await hashAt(alice, target));
    const sync = (await rpc(charlie.httpUrl, 'system_syncState')).result;
    expect(sync.startingBlock).toBe(0);
    expect(sync.highestBlock).toBeGreaterThanOrEqual(target);

    // kill -9 bob, let the chain grow, restart bob on the same base path
    const before = await best(bob);
    await bob.stop('SIGKILL');
    nodes.splice(nodes.indexOf(bob), 1);
    await waitFor(async () => ((await best(alice)) >= before + 3 ? true : undefined), 'alice to move on', 20_000);
    const bob2 = await fullNode('bob', bob.basePath);
    const start = (await rpc(bob2.httpUrl, 'system_syncState')).result.startingBlock;
    expect(start).toBeGreaterThanOrEqual(Math.max(0, before - 1));
    const t2 = await best(alice);
    await waitFor(async () => ((await best(bob2)) >= t2 ? true : undefined), 'bob to resync after kill -9', 20_000);
    expect(await hashAt(bob2, t2)).toBe(await hashAt(alice, t2));
  });

  it('fails with a clear error when the p2p address cannot be bound', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((res) => blocker.listen(0, '127.0.0.1', () => res((blocker.address() as { port: number }).port)));
    try {
      const dir = tempDir();
      dirs.push(dir);
      await expect(startNode({ basePath: dir, args: ['--listen-addr', `/ip4/127.0.0.1/tcp/${port}`] })).rejects.toThrow(/cannot listen on the p2p addresses \/ip4\/127\.0\.0\.1\/tcp\/\d+.*EADDRINUSE/);
    } finally {
      blocker.close();
    }
  });
});
