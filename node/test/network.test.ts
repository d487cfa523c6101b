// In-process libp2p hosts on 127.0.0.1: connection via bootnode, discovery by
// peer exchange, the status handshake, gossip, block requests and banning.
import '../src/network/polyfill.ts';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeHeader, headerHash, type Header } from '../src/chain/header.ts';
import { FIELD_BODY, FIELD_HEADER, FIELD_JUSTIFICATION, MAX_BLOCKS_PER_RESPONSE, NetworkService, ROLE_FULL } from '../src/network/index.ts';
import { peerIdFromNodeKey, parseNodeKey, nodeKeyToPrivateKey } from '../src/node-key.ts';
import { createHost, type Host } from '../src/network/host.ts';
import { readFrames, writeFrame } from '../src/network/framing.ts';
import { encodeNotification, MAX_NOTIFICATION_BYTES } from '../src/network/messages.ts';
import { multiaddr } from '@multiformats/multiaddr';

/** A tiny chain of unsealed headers: enough to serve block requests. */
class FakeChain {
  readonly hashes: Uint8Array[] = [];
  readonly headers = new Map<string, Uint8Array>();
  constructor(length: number, salt = 0) {
    let parent: Uint8Array = new Uint8Array(32);
    for (let n = 0; n <= length; n++) {
      const h: Header = { parent_hash: parent, number: n, state_root: new Uint8Array(32).fill(salt), extrinsics_root: new Uint8Array(32), digest: { logs: [] } };
      const bytes = encodeHeader(h);
      const hash = headerHash(bytes);
      this.hashes.push(hash);
      this.headers.set(Buffer.from(hash).toString('hex'), bytes);
      parent = hash;
    }
  }
  get genesis(): Uint8Array { return this.hashes[0]; }
  bestBlock() { return { hash: this.hashes.at(-1)!, number: this.hashes.length - 1 }; }
  hashAt(n: number) { return this.hashes[n]; }
  headerBytes(h: Uint8Array) { return this.headers.get(Buffer.from(h).toString('hex')); }
  body(h: Uint8Array) { return this.headerBytes(h) ? [Uint8Array.of(4, 1, 2, 3)] : undefined; }
  justification(h: Uint8Array) { return Buffer.compare(h, this.hashes[1] ?? new Uint8Array()) === 0 ? Uint8Array.of(9, 9) : undefined; }
}

const hx = (xs: Uint8Array[]) => xs.map((x) => Buffer.from(x).toString('hex'));
const key = (name: string) => new Uint8Array(createHash('sha256').update(name).digest());
const started: NetworkService[] = [];

async function node(name: string, chain: FakeChain, extra: Partial<Parameters<typeof NetworkService.start>[0]> = {}): Promise<NetworkService> {
  const net = await NetworkService.start({
    nodeKey: key(name), genesisHash: chain.genesis, roles: ROLE_FULL, chain,
    listen: ['/ip4/127.0.0.1/tcp/0'], maintenanceMs: 300, ...extra,
  });
  started.push(net);
  return net;
}

async function until(f: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A raw libp2p host that accepts `net`'s notification stream (draining it), so that only what it
 * sends can get it banned: a host without the protocol is banned as a peer of another chain.
 */
async function mallory(name: string, net: NetworkService): Promise<Host> {
  const host = await createHost({ privateKey: nodeKeyToPrivateKey(key(name)), listen: [], maxConnections: 10, isDenied: () => false });
  await host.handle(net.notificationsProtocol, (stream) => {
    void (async () => { for await (const _ of readFrames(stream, MAX_NOTIFICATION_BYTES)); })().catch(() => {});
  });
  await host.start();
  return host;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((n) => n.stop()));
});

describe('network', () => {
  it('derives the Zombienet peer ids from sha256(name) node keys', () => {
    const ids = Object.fromEntries(['alice', 'bob', 'charlie'].map((n) => [n, peerIdFromNodeKey(parseNodeKey(Buffer.from(key(n)).toString('hex')))]));
    expect(ids).toEqual({
      alice: '12D3KooWQCkBm1BYtkHpocxCwMgR8yjitEeHGx8spzcDLGt2gkBm',
      bob: '12D3KooWRkZhiRhsqmrQ28rt73K7V3aCBpqKrLGSXmZ99PTcTZby',
      charlie: '12D3KooWPKzmmE2uYgF3z13xjpbFTp63g9dZFag8pG6MgnpSLF4S',
    });
  });

  it('connects via a bootnode and discovers every peer from it', async () => {
    const chain = new FakeChain(3);
    const alice = await node('alice', chain, { listen: ['/ip4/127.0.0.1/tcp/0/ws'] });
    expect(alice.peerId).toBe('12D3KooWQCkBm1BYtkHpocxCwMgR8yjitEeHGx8spzcDLGt2gkBm');
    const boot = alice.listenAddresses()[0];
    expect(boot).toMatch(/^\/ip4\/127\.0\.0\.1\/tcp\/\d+\/ws\/p2p\/12D3KooWQCkB/);
    const others = await Promise.all(['bob', 'charlie', 'dave'].map((n) => node(n, chain, { bootnodes: [boot] })));
    const all = [alice, ...others];
    await until(() => all.every((n) => n.peerCount() === 3), 'a full mesh of 4');
    const p = alice.peers()[0];
    expect(p.bestNumber).toBe(3);
    expect(p.roles).toBe(ROLE_FULL);
  });

  it('refuses peers of another chain', async () => {
    const a = await node('alice', new FakeChain(1, 1));
    const b = await node('bob', new FakeChain(1, 2), { bootnodes: [a.listenAddresses()[0]] });
    await new Promise((r) => setTimeout(r, 1500));
    expect(a.peerCount()).toBe(0);
    expect(b.peerCount()).toBe(0);
    expect(b.isBanned(a.peerId) || a.isBanned(b.peerId)).toBe(true);
  });

  it('gossips announcements, transactions and GRANDPA messages to all peers once', async () => {
    const chain = new FakeChain(2);
    const a = await node('alice', chain);
    const rest = await Promise.all(['bob', 'charlie'].map((n) => node(n, chain, { bootnodes: [a.listenAddresses()[0]] })));
    const all = [a, ...rest];
    await until(() => all.every((n) => n.peerCount() === 2), 'mesh');
    const got = { ann: [] as string[], tx: [] as string[], gr: [] as string[] };
    for (const [i, n] of all.entries()) {
      n.onBlockAnnounce((from, header, isBest) => got.ann.push(`${i}:${header.length}:${isBest}`));
      n.onTransactions((from, xts) => { got.tx.push(`${i}:${xts.length}`); n.broadcastTransactions(xts, from); });
      n.onGrandpaMessage((data) => got.gr.push(`${i}:${data[0]}`));
    }
    a.announceBlock(chain.headerBytes(chain.hashes[2])!, true);
    rest[0].broadcastTransactions([Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5)]);
    rest[1].broadcastGrandpa(Uint8Array.of(7, 7, 7));
    await until(() => got.ann.length >= 2 && got.tx.length >= 2 && got.gr.length >= 2, 'gossip');
    await new Promise((r) => setTimeout(r, 300));
    expect(got.ann.sort()).toEqual([`1:${chain.headerBytes(chain.hashes[2])!.length}:true`, `2:${chain.headerBytes(chain.hashes[2])!.length}:true`]);
    expect(got.tx.sort()).toEqual(['0:2', '2:2']); // re-gossip reaches nobody twice
    expect(got.gr.sort()).toEqual(['0:7', '1:7']);
  });

  it('relays a GRANDPA message only when the listener forwards it', async () => {
    const chain = new FakeChain(1);
    const b = await node('bob', chain);
    // a line a — b — c: the reserved-only ends never meet, so c's messages reach a only through b
    const [a, c] = await Promise.all(['alice', 'charlie'].map((n) => node(n, chain, { reservedNodes: [b.listenAddresses()[0]], reservedOnly: true })));
    await until(() => a.peerCount() === 1 && c.peerCount() === 1 && b.peerCount() === 2, 'the line');
    b.onGrandpaMessage((data, from) => { if (data[0] === 2) b.forwardGrandpa(data, from); });
    const atA: number[] = [];
    a.onGrandpaMessage((data) => atA.push(data[0]));
    c.broadcastGrandpa(Uint8Array.of(1, 1, 1));
    c.broadcastGrandpa(Uint8Array.of(2, 2, 2));
    await until(() => atA.length > 0, 'the forwarded message at a');
    // b handles c's messages in order, so had it relayed the first one, a would have received it first
    expect(atA).toEqual([2]);
  });

  it('serves block ranges by number and hash, both directions, capped', async () => {
    const chain = new FakeChain(200);
    const a = await node('alice', chain);
    const b = await node('bob', new FakeChain(0), { bootnodes: [a.listenAddresses()[0]], genesisHash: chain.genesis });
    await until(() => b.peerCount() === 1, 'connection');
    const all = FIELD_HEADER | FIELD_BODY | FIELD_JUSTIFICATION;
    const asc = await b.requestBlocks(a.peerId, { from: { number: 1 }, direction: 'ascending', max: 5, fields: all });
    expect(hx(asc.map((x) => x.hash))).toEqual(hx(chain.hashes.slice(1, 6)));
    expect(asc[0].justification).toEqual(Uint8Array.of(9, 9));
    expect(asc[1].body).toEqual([Uint8Array.of(4, 1, 2, 3)]);
    const desc = await b.requestBlocks(a.peerId, { from: { hash: chain.hashes[10] }, direction: 'descending', max: 3, fields: FIELD_HEADER });
    expect(hx(desc.map((x) => x.hash))).toEqual(hx([chain.hashes[10], chain.hashes[9], chain.hashes[8]]));
    expect(desc[0].body).toBeUndefined();
    const big = await b.requestBlocks(a.peerId, { from: { number: 0 }, direction: 'ascending', max: 10_000, fields: FIELD_HEADER });
    expect(big.length).toBe(MAX_BLOCKS_PER_RESPONSE);
    const none = await b.requestBlocks(a.peerId, { from: { hash: new Uint8Array(32) }, direction: 'ascending', max: 5, fields: all });
    expect(none).toEqual([]);
  });

  it('bans a peer that sends garbage, and refuses it afterwards', async () => {
    const chain = new FakeChain(1);
    const a = await node('alice', chain, { banMs: 60_000 });
    const m = await mallory('mallory', a);
    try {
      const target = multiaddr(a.listenAddresses()[0]);
      const stream = await m.dialProtocol(target, a.notificationsProtocol);
      // a valid handshake first, then a frame with an unknown tag
      const best = chain.bestBlock();
      await writeFrame(stream, encodeNotification({ kind: 'status', status: { roles: ROLE_FULL, genesisHash: chain.genesis, bestNumber: best.number, bestHash: best.hash, listenAddrs: [] } }));
      const malloryId = m.peerId.toString();
      await until(() => a.peers().some((p) => p.peerId === malloryId), 'the handshake');
      expect(a.isBanned(malloryId)).toBe(false);
      await writeFrame(stream, Uint8Array.of(0xee, 1, 2, 3));
      await until(() => a.isBanned(malloryId), 'the ban');
      await until(() => m.getConnections().length === 0, 'the disconnect');
      // a new connection is cut by alice's gater (the dial itself may complete first)
      await m.dial(target).catch(() => undefined);
      await until(() => m.getConnections().length === 0, 'the refused reconnect');
      expect(a.peerCount()).toBe(0);
    } finally {
      await m.stop();
    }
  });

  it('bans a peer sending an oversized frame; honest peers stay', async () => {
    const chain = new FakeChain(1);
    const a = await node('alice', chain);
    const b = await node('bob', chain, { bootnodes: [a.listenAddresses()[0]] });
    await until(() => a.peerCount() === 1, 'bob');
    const m = await mallory('mallory2', a);
    try {
      const stream = await m.dialProtocol(multiaddr(a.listenAddresses()[0]), a.notificationsProtocol);
      const best = chain.bestBlock();
      await writeFrame(stream, encodeNotification({ kind: 'status', status: { roles: ROLE_FULL, genesisHash: chain.genesis, bestNumber: best.number, bestHash: best.hash, listenAddrs: [] } }));
      await until(() => a.peerCount() === 2, 'the handshake');
      // a varint length of 64 MiB followed by some bytes: over the 16 MiB limit
      stream.send(Uint8Array.of(0x80, 0x80, 0x80, 0x20, 1, 2, 3));
      await until(() => a.isBanned(m.peerId.toString()), 'the ban');
      await until(() => a.peerCount() === 1, 'the disconnect');
      expect(a.peers().map((p) => p.peerId)).toEqual([b.peerId]);
      expect(b.peerCount()).toBe(1);
    } finally {
      await m.stop();
    }
  });

  it('keeps reserved nodes connected and enforces the inbound peer limit', async () => {
    const chain = new FakeChain(1);
    const a = await node('alice', chain, { inPeers: 1 });
    const boot = a.listenAddresses()[0];
    const b = await node('bob', chain, { reservedNodes: [boot] });
    await until(() => a.peerCount() === 1 && b.peerCount() === 1, 'reserved connection');
    const c = await node('charlie', chain, { bootnodes: [boot] });
    await new Promise((r) => setTimeout(r, 1000));
    expect(c.peerCount()).toBe(0); // alice is full
    expect(a.peers().map((p) => p.peerId)).toEqual([b.peerId]);
    // the reserved peer is redialled after a disconnect (charlie gone, so alice has room)
    await c.stop();
    let dropped = false;
    b.onPeerDisconnected(() => { dropped = true; });
    await (b as unknown as { disconnect(id: string): Promise<void> }).disconnect(a.peerId);
    await until(() => dropped, 'disconnect');
    await until(() => b.peerCount() === 1, 'redial of the reserved node', 5000);
  });

  it('redials a dropped peer it learned by peer exchange while other peers remain', async () => {
    const chain = new FakeChain(1);
    const a = await node('alice', chain);
    const [b, c] = await Promise.all(['bob', 'charlie'].map((n) => node(n, chain, { bootnodes: [a.listenAddresses()[0]] })));
    const ids = (n: NetworkService) => n.peers().map((p) => p.peerId).sort();
    await until(() => [a, b, c].every((n) => n.peerCount() === 2), 'a full mesh of 3');
    let dropped = 0;
    b.onPeerDisconnected((id) => { if (id === c.peerId) dropped++; });
    c.onPeerDisconnected((id) => { if (id === b.peerId) dropped++; });
    await (b as unknown as { disconnect(id: string): Promise<void> }).disconnect(c.peerId);
    await until(() => dropped === 2, 'both ends to see the drop');
    // both still have alice, so neither the bootnode fallback nor peer exchange brings them back
    await until(() => b.peerCount() === 2 && c.peerCount() === 2, 'b and c to reconnect');
    expect(ids(b)).toEqual([a.peerId, c.peerId].sort());
    expect(ids(c)).toEqual([a.peerId, b.peerId].sort());
    expect([...b.reservedPeers(), ...c.reservedPeers()]).toEqual([]);
  });

  it('announces --public-addr instead of the listen addresses', async () => {
    const a = await node('alice', new FakeChain(1), { publicAddrs: ['/dns4/alice.example.org/tcp/30333/ws'] });
    expect(a.listenAddresses()).toEqual([`/dns4/alice.example.org/tcp/30333/ws/p2p/${a.peerId}`]);
  });
});
