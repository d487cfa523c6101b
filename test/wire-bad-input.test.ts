// Bad input on the wire against a real `slmnet-node --dev` process: libp2p
// "mallory" hosts in this process complete a valid handshake (so the node lists
// them as peers), then send a garbage frame, an oversized frame, a block with a
// forged seal, GRANDPA votes with bad signatures, undecodable transactions and
// justifications that do not verify.
// Each is observed from outside the node: the ban line in its log, `system_peers`
// without mallory, mallory's connection closed and refused; afterwards the node
// still authors and finalizes and never imported the forged block.
import '../node/src/network/polyfill.ts';
import { createHash } from 'node:crypto';
import type { Stream } from '@libp2p/interface';
import { multiaddr } from '@multiformats/multiaddr';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auraPreDigest, auraSeal, encodeHeader, headerHash } from '../node/src/chain/header.ts';
import { encodeSignedMessage } from '../node/src/consensus/grandpa.ts';
import { signedPayload } from '../node/src/consensus/justification.ts';
import { readFrames, readOneFrame, writeFrame } from '../node/src/network/framing.ts';
import { createHost, type Host } from '../node/src/network/host.ts';
import {
  decodeBlockRequest, encodeBlockResponse, encodeNotification, MAX_NOTIFICATION_BYTES, MAX_REQUEST_BYTES, protocolNames, ROLE_FULL, type BlockData,
} from '../node/src/network/messages.ts';
import { nodeKeyToPrivateKey, parseNodeKey, peerIdFromNodeKey } from '../node/src/node-key.ts';
import { freePort, removeDir, rpc, sleep, startNode, waitFor, type RunningNode } from './helpers/node.ts';

const SLOT_MS = 2000;
/** The node accepts block slots up to this far ahead of its clock (Client's default maxDriftMs). */
const MAX_DRIFT_MS = 1000;
const seed = (name: string) => new Uint8Array(createHash('sha256').update(name).digest());
const NODE_KEY = Buffer.from(seed('wire-bad-input-node')).toString('hex');
const NODE_ID = peerIdFromNodeKey(parseNodeKey(NODE_KEY));
const bytes = (h: string) => new Uint8Array(Buffer.from(h.replace(/^0x/, ''), 'hex'));

let node: RunningNode;
let nodeAddr: ReturnType<typeof multiaddr>;
let genesis: Uint8Array;
let protocols: ReturnType<typeof protocolNames>;
const hosts: Host[] = [];
/** The forged block of case (c), checked at the end. */
let forged: { hash: string; number: number } | undefined;

async function best(): Promise<{ number: number; hash: string; header: { digest: { logs: string[] } } }> {
  const header = (await rpc(node.httpUrl, 'chain_getHeader')).result;
  const number = parseInt(header.number, 16);
  return { number, hash: (await rpc(node.httpUrl, 'chain_getBlockHash', [number])).result, header };
}

async function finalizedNumber(): Promise<number> {
  const head = (await rpc(node.httpUrl, 'chain_getFinalizedHead')).result;
  return parseInt((await rpc(node.httpUrl, 'chain_getHeader', [head])).result.number, 16);
}

const listed = async (id: string): Promise<boolean> => (await rpc(node.httpUrl, 'system_peers')).result.some((p: { peerId: string }) => p.peerId === id);

interface Mallory { host: Host; id: string; stream: Stream }

/**
 * A libp2p host with its own identity that completes a valid status handshake and waits until the
 * node lists it in `system_peers`: a ban that follows is due to what it sends next. It accepts the
 * node's notification stream (draining it) — a host without the protocol is banned as a peer of another chain.
 */
async function mallory(name: string, serve?: (stream: Stream) => Promise<void>): Promise<Mallory> {
  const host = await createHost({ privateKey: nodeKeyToPrivateKey(seed(`mallory-${name}`)), listen: [], maxConnections: 4, isDenied: () => false });
  hosts.push(host);
  await host.handle(protocols.notifications, (stream) => {
    void (async () => { for await (const _ of readFrames(stream, MAX_NOTIFICATION_BYTES)); })().catch(() => {});
  });
  if (serve) await host.handle(protocols.sync, (stream) => { void serve(stream).catch(() => stream.abort(new Error('mallory failed to serve'))); });
  await host.start();
  const id = host.peerId.toString();
  const stream = await host.dialProtocol(nodeAddr, protocols.notifications);
  // claims genesis as its best: the node has nothing to sync from it (and keeps authoring)
  await writeFrame(stream, encodeNotification({ kind: 'status', status: { roles: ROLE_FULL, genesisHash: genesis, bestNumber: 0, bestHash: genesis, listenAddrs: [] } }));
  await waitFor(async () => ((await listed(id)) ? true : undefined), `${name}'s handshake`, 15_000, 100);
  return { host, id, stream };
}

/** The ban as seen from outside the node: its log line, `system_peers`, mallory's closed and refused connection. */
async function expectBanned(m: Mallory, reason: RegExp): Promise<void> {
  const line = await waitFor(() => node.logs().split('\n').find((l) => l.includes(`🚫 Banned peer ${m.id}: `)), 'the ban log line', 20_000, 100);
  expect(line).toMatch(reason);
  await waitFor(async () => ((await listed(m.id)) ? undefined : true), 'mallory to leave system_peers', 10_000, 100);
  await waitFor(() => (m.host.getConnections().length === 0 ? true : undefined), 'mallory\'s connection to close', 10_000, 100);
  // the node's connection gater refuses it now
  await expect(m.host.dialProtocol(nodeAddr, protocols.notifications)).rejects.toThrow();
  expect(await listed(m.id)).toBe(false);
}

beforeAll(async () => {
  await cryptoWaitReady();
  const p2p = await freePort();
  node = await startNode({ args: ['--listen-addr', `/ip4/127.0.0.1/tcp/${p2p}`, '--node-key', NODE_KEY] });
  nodeAddr = multiaddr(`/ip4/127.0.0.1/tcp/${p2p}/p2p/${NODE_ID}`);
  genesis = bytes((await rpc(node.httpUrl, 'chain_getBlockHash', [0])).result);
  protocols = protocolNames(genesis);
  expect((await rpc(node.httpUrl, 'system_localPeerId')).result).toBe(NODE_ID);
});

afterAll(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
  if (node) {
    await node.stop();
    removeDir(node.basePath);
  }
});

describe('bad input on the wire from a peer: rejected, peer banned, node keeps going', () => {
  it('(a) a garbage frame after a valid handshake', async () => {
    const m = await mallory('garbage');
    await writeFrame(m.stream, Uint8Array.of(0xee, 1, 2, 3));
    await expectBanned(m, /malformed notification: unknown notification tag/);
  });

  it('(b) a frame whose length prefix is over the 16 MiB limit', async () => {
    const m = await mallory('oversized');
    // a varint length of 64 MiB, then a few bytes: refused on the length alone
    m.stream.send(Uint8Array.of(0x80, 0x80, 0x80, 0x20, 1, 2, 3));
    await expectBanned(m, /bad notification stream: .*too long/i);
  });

  it('(c) an announced block with a forged Aura seal, served on request', async () => {
    let block: BlockData | undefined;
    const requested: string[] = [];
    const m = await mallory('forged-block', async (stream) => {
      const q = decodeBlockRequest((await readOneFrame(stream, MAX_REQUEST_BYTES))!);
      if ('hash' in q.from) requested.push(Buffer.from(q.from.hash).toString('hex'));
      await writeFrame(stream, encodeBlockResponse(block ? [block] : []));
      await stream.close();
    });
    // The slot must follow the parent's and be at most MAX_DRIFT_MS ahead of the node's clock, and
    // the block must arrive before the node's next block is finalized at the same height (it would
    // then be stale: ignored, not penalised). So: build on a fresh best block in the second half of
    // its slot; a rare stall past the slot's end just means another try on the next block.
    for (let attempt = 0; attempt < 3 && !node.logs().includes(`🚫 Banned peer ${m.id}: `); attempt++) {
      const before = (await best()).number;
      const parent = await waitFor(async () => { const b = await best(); return b.number > before ? b : undefined; }, 'a new best block', 10_000, 50);
      const pre = parent.header.digest.logs.map(bytes).find((l) => l[0] === 6 && Buffer.from(l.subarray(1, 5)).toString() === 'aura')!;
      const slot = Buffer.from(pre.subarray(6)).readBigUInt64LE() + 1n;
      await sleep(Number(slot) * SLOT_MS - MAX_DRIFT_MS + 50 - Date.now());
      const header = encodeHeader({
        parent_hash: bytes(parent.hash), number: parent.number + 1, state_root: new Uint8Array(32), extrinsics_root: new Uint8Array(32),
        digest: { logs: [auraPreDigest(slot), auraSeal(new Uint8Array(64).fill(7))] },
      });
      const hash = headerHash(header);
      block = { hash, header, body: [] };
      forged = { hash: '0x' + Buffer.from(hash).toString('hex'), number: parent.number + 1 };
      await writeFrame(m.stream, encodeNotification({ kind: 'block-announce', header, isBest: false }));
      // by the time the node has authored (and finalized) its own block at this height, the outcome is settled
      await sleep(Number(slot) * SLOT_MS + 500 - Date.now());
    }
    await expectBanned(m, /invalid block: block #\d+ \(0x[0-9a-f]+\): bad Aura seal/);
    // the node fetched the announced block from mallory and refused it
    expect(requested).toContain(forged!.hash.slice(2));
    expect(node.logs()).toContain(`💔 Invalid block from ${m.id}`);
    expect((await rpc(node.httpUrl, 'chain_getHeader', [forged!.hash])).result).toBeNull();
  });

  it('(d) GRANDPA votes with bad signatures', async () => {
    const m = await mallory('forged-votes');
    const state = (await rpc(node.httpUrl, 'grandpa_roundState')).result;
    const round = BigInt(state.best.round);
    const setId = BigInt(state.setId);
    const b = await best();
    const target = { hash: bytes(b.hash), number: b.number };
    const keyring = new Keyring({ type: 'ed25519' });
    const alice = keyring.addFromUri('//Alice');
    const bob = keyring.addFromUri('//Bob');
    // votes in Alice's (the dev GRANDPA authority's) name, signed by Bob: each costs half the ban threshold
    for (const r of [round, round + 1n]) {
      const message = { kind: 'Prevote' as const, target };
      const vote = encodeSignedMessage({ round: r, setId, message, signature: bob.sign(signedPayload(message, r, setId)), id: alice.publicKey });
      await writeFrame(m.stream, encodeNotification({ kind: 'grandpa', data: vote }));
    }
    await expectBanned(m, /bad signature on Prevote by 0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee/);
  });

  it('(e) undecodable transactions', async () => {
    const m = await mallory('bad-transactions');
    // ten distinct ones (gossip de-duplication would drop repeats): each costs a tenth of the ban threshold
    const xts = Array.from({ length: 10 }, (_, i) => Uint8Array.of(0x28, 0x84, i, 0xff));
    await writeFrame(m.stream, encodeNotification({ kind: 'transactions', xts }));
    await expectBanned(m, /undecodable transaction/);
    expect((await rpc(node.httpUrl, 'author_pendingExtrinsics')).result).toEqual([]);
  });

  it('(f) justifications that do not verify', async () => {
    const m = await mallory('forged-justifications');
    const fin = (await rpc(node.httpUrl, 'chain_getFinalizedHead')).result;
    // chain_getBlock gives justifications as [engine id bytes, justification bytes] pairs
    const own = async (): Promise<number[]> => (await rpc(node.httpUrl, 'chain_getBlock', [fin])).result.justifications[0][1];
    const justification = Uint8Array.from(await own());
    // the node's own justification with one signature byte flipped, then one cut short: each costs half the ban threshold
    const flipped = justification.slice();
    flipped[8 + 36 + 1 + 36 + 5] ^= 1;
    for (const j of [flipped, justification.slice(0, justification.length - 3)]) {
      await writeFrame(m.stream, encodeNotification({ kind: 'justification', hash: bytes(fin), justification: j }));
    }
    await expectBanned(m, /bad justification for #\d+/);
    // the block stays finalized with its own justification
    expect(await own()).toEqual([...justification]);
  });

  it('the node keeps authoring and finalizing, and never imported the forged block', async () => {
    expect(forged).toBeDefined();
    const health = (await rpc(node.httpUrl, 'system_health')).result;
    expect(health).toEqual({ peers: 0, isSyncing: false, shouldHavePeers: false });
    const from = (await best()).number;
    const fin = await finalizedNumber();
    await waitFor(async () => ((await best()).number >= from + 2 ? true : undefined), 'two more blocks', 15_000);
    await waitFor(async () => ((await finalizedNumber()) >= fin + 2 ? true : undefined), 'finality to advance', 15_000);
    // its own block sits at the forged block's height
    const canonical = (await rpc(node.httpUrl, 'chain_getBlockHash', [forged!.number])).result;
    expect(canonical).toMatch(/^0x[0-9a-f]{64}$/);
    expect(canonical).not.toBe(forged!.hash);
    expect((await rpc(node.httpUrl, 'chain_getHeader', [forged!.hash])).result).toBeNull();
    expect(node.proc.exitCode).toBeNull();
  });
});
