// ChainSync between in-process nodes (real Client and runtime, libp2p on
// 127.0.0.1): a late joiner downloads hundreds of blocks, follows
// announcements, and bans a peer serving an invalid block.
import '../src/network/polyfill.ts';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { runtime } from '@slmnet/runtime-spec';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../src/chain/client.ts';
import { AuraWorker } from '../src/consensus/aura.ts';
import { hex } from '../src/db/codec.ts';
import { Keystore } from '../src/keystore.ts';
import { configureLogging } from '../src/log.ts';
import { NetworkService, ROLE_FULL, type NetworkChain } from '../src/network/index.ts';
import { ChainSync } from '../src/sync/chain-sync.ts';

const SLOT = Number(runtime.slotDuration);
let clock = 1_700_000_000_000;
const now = () => clock;
const dirs: string[] = [];
const clients: Client[] = [];
const nets: NetworkService[] = [];
const syncs: ChainSync[] = [];
const key = (name: string) => new Uint8Array(createHash('sha256').update(name).digest());

async function open(): Promise<Client> {
  const d = mkdtempSync(join(tmpdir(), 'slmnet-sync-'));
  dirs.push(d);
  const c = await Client.open({ path: d, runtime, genesisStorage: runtime.genesisStorage('development'), chainId: 'dev', now });
  clients.push(c);
  return c;
}

async function net(name: string, client: Client, chain: NetworkChain = client, bootnodes: string[] = []): Promise<NetworkService> {
  const n = await NetworkService.start({
    nodeKey: key(name), genesisHash: client.genesisHash, roles: ROLE_FULL, chain, listen: ['/ip4/127.0.0.1/tcp/0'], bootnodes, maintenanceMs: 300,
  });
  nets.push(n);
  return n;
}

async function until(f: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let author: Client;
let worker: AuraWorker;

async function authorBlocks(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    clock = (Math.floor(clock / SLOT) + 1) * SLOT + 5;
    const out = await worker.onSlot(BigInt(Math.floor(clock / SLOT)));
    if (out.kind !== 'authored') throw new Error(`slot not authored: ${out.kind}`);
  }
}

beforeAll(async () => {
  await cryptoWaitReady();
  configureLogging({ write: () => {} });
  author = await open();
  const ks = Keystore.open(null);
  ks.insertSuri('aura', '//Alice', 'sr25519');
  worker = new AuraWorker({ client: author, keystore: ks, now });
  await authorBlocks(300);
});

afterEach(async () => {
  for (const s of syncs.splice(0)) s.stop();
  await Promise.all(nets.splice(0).map((n) => n.stop()));
});

afterAll(async () => {
  for (const c of clients) await c.close().catch(() => {});
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  configureLogging({});
});

describe('chain sync', () => {
  it('a late joiner downloads hundreds of blocks, then follows announcements', async () => {
    expect(author.bestBlock().number).toBe(300);
    const a = await net('alice', author);
    // the author announces its new best blocks, as the service does
    author.onNewBest((hash) => a.announceBlock(author.headerBytes(hash)!, true));
    const joiner = await open();
    const b = await net('bob', joiner, joiner, [a.listenAddresses()[0]]);
    const sync = new ChainSync(joiner, b).start();
    syncs.push(sync);
    await until(() => b.peerCount() === 1, 'connection');
    expect(sync.isMajorSyncing()).toBe(true);
    const t0 = Date.now();
    await until(() => joiner.bestBlock().number === 300, 'the late joiner to sync 300 blocks', 50_000);
    const took = Date.now() - t0;
    expect(hex(joiner.bestHash())).toBe(hex(author.bestHash()));
    expect(sync.isMajorSyncing()).toBe(false);
    expect(sync.state()).toEqual({ startingBlock: 0, currentBlock: 300, highestBlock: 300 });
    // new blocks arrive by announcement
    await authorBlocks(3);
    await until(() => joiner.bestBlock().number === 303, 'announced blocks');
    expect(hex(joiner.bestHash())).toBe(hex(author.bestHash()));
    console.log(`synced 300 blocks in ${took} ms`);
  });

  it('a peer claiming a best block it cannot serve does not hold the node in major sync', async () => {
    // mallory claims block #1,000,000 and serves nothing past alice's genesis
    const liar: NetworkChain = {
      bestBlock: () => ({ number: 1_000_000, hash: new Uint8Array(32).fill(9) }),
      hashAt: (n) => (n === 0 ? author.hashAt(0) : undefined),
      headerBytes: (h) => (hex(h) === hex(author.hashAt(0)!) ? author.headerBytes(h) : undefined),
      body: () => undefined,
      justification: () => undefined,
    };
    const m = await net('liar', author, liar);
    const joiner = await open();
    const b = await net('bob', joiner, joiner, [m.listenAddresses()[0]]);
    const sync = new ChainSync(joiner, b).start();
    syncs.push(sync);
    await until(() => b.peerCount() === 1, 'connection');
    await until(() => !sync.isMajorSyncing(), 'the unserved claim to be discounted');
    expect(sync.state().highestBlock).toBe(0);
    expect(b.peerCount()).toBe(1); // not misbehaviour to punish: it may have lost its blocks
  });

  it('bans a peer that serves an invalid block and syncs from an honest one', async () => {
    // mallory serves alice's chain with a tampered body at #5
    const bad = author.hashAt(5)!;
    const tampered: NetworkChain = {
      bestBlock: () => author.bestBlock(),
      hashAt: (n) => author.hashAt(n),
      headerBytes: (h) => author.headerBytes(h),
      body: (h) => (hex(h) === hex(bad) ? [] : author.body(h)),
      justification: (h) => author.justification(h),
    };
    const m = await net('mallory', author, tampered);
    const joiner = await open();
    const b = await net('bob', joiner, joiner, [m.listenAddresses()[0]]);
    const sync = new ChainSync(joiner, b).start();
    syncs.push(sync);
    await until(() => b.isBanned(m.peerId), 'the ban of mallory');
    expect(joiner.bestBlock().number).toBe(4);
    expect(b.peerCount()).toBe(0);
    // an honest peer completes the sync
    const a = await net('alice', author);
    b.addReservedPeer(a.listenAddresses()[0]);
    await until(() => joiner.bestBlock().number === author.bestBlock().number, 'sync from alice', 50_000);
    expect(m.peerCount()).toBe(0);
  });
});
