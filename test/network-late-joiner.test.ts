// A late joiner syncs hundreds of blocks from a real node. The dev chain's
// history (500 blocks in past slots, sealed by Alice) is written into the
// first node's database in-process, then both nodes run as real processes:
// alice authors on top of that history and the newcomer, knowing only her
// address, downloads and verifies everything, then follows the new blocks.
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { runtime } from '@slmnet/runtime-spec';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../node/src/chain/client.ts';
import { genesisStorage, loadChainSpec } from '../node/src/chain-spec.ts';
import { peerIdFromNodeKey } from '../node/src/node-key.ts';
import { canonicalHash, header } from './helpers/network.ts';
import { freePort, removeDir, rpc, startNode, tempDir, waitFor, type RunningNode } from './helpers/node.ts';

const HISTORY = 500;
const nodes: RunningNode[] = [];

/** Writes HISTORY blocks of the dev chain into `base`, in consecutive slots ending an hour ago. */
async function writeHistory(base: string): Promise<void> {
  const spec = loadChainSpec('dev');
  const slotMs = Number(runtime.slotDuration);
  const client = await Client.open({ path: join(base, 'chains', spec.id, 'db', 'full'), runtime, genesisStorage: genesisStorage(spec), chainId: spec.id });
  const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');
  const first = BigInt(Math.floor((Date.now() - 3_600_000) / slotMs)) - BigInt(HISTORY);
  let parent = client.genesisHash;
  for (let i = 0; i < HISTORY; i++) {
    const slot = first + BigInt(i);
    const b = await client.buildBlock({ parent, slot, timestampMs: slot * BigInt(slotMs), seal: (h) => alice.sign(h) });
    expect(client.importBuilt(b).status).toBe('imported');
    parent = b.hash;
  }
  await client.close();
}

beforeAll(async () => {
  await cryptoWaitReady();
  const base = tempDir();
  await writeHistory(base);
  const key = createHash('sha256').update('late-joiner-alice').digest('hex');
  const p2p = await freePort();
  nodes.push(await startNode({ basePath: base, args: ['--listen-addr', `/ip4/127.0.0.1/tcp/${p2p}`, '--node-key', key] }));
  const boot = `/ip4/127.0.0.1/tcp/${p2p}/p2p/${peerIdFromNodeKey(Buffer.from(key, 'hex'))}`;
  nodes.push(await startNode({ dev: false, args: ['--chain', 'dev', '--bootnodes', boot] }));
}, 180_000);

afterAll(async () => {
  await Promise.all(nodes.map((n) => n.stop()));
  for (const n of nodes) removeDir(n.basePath);
});

describe('a late joiner', () => {
  it('downloads hundreds of blocks from a peer, then follows the new ones', async () => {
    const [alice, late] = nodes;
    expect((await header(alice)).number).toBeGreaterThanOrEqual(HISTORY);
    await waitFor(async () => ((await header(late)).number >= HISTORY ? true : undefined), 'the late joiner to reach the history\'s end', 120_000, 500);
    for (const n of [1, HISTORY / 2, HISTORY]) expect(await canonicalHash(late, n)).toBe(await canonicalHash(alice, n));
    const sync = (await rpc(late.httpUrl, 'system_syncState')).result;
    expect(sync.startingBlock).toBe(0);
    expect(sync.highestBlock).toBeGreaterThanOrEqual(HISTORY);
    // then it keeps up with what alice authors now, and with her finality
    const tip = (await header(alice)).number + 2;
    await waitFor(async () => ((await header(late)).number >= tip ? true : undefined), 'the late joiner to follow new blocks', 30_000);
    expect(await canonicalHash(late, tip)).toBe(await canonicalHash(alice, tip));
    await waitFor(async () => {
      const f = (await rpc(late.httpUrl, 'chain_getHeader', [(await rpc(late.httpUrl, 'chain_getFinalizedHead')).result])).result;
      return parseInt(f.number, 16) >= HISTORY ? true : undefined;
    }, 'the late joiner to finalize the history', 30_000);
  }, 240_000);
});
