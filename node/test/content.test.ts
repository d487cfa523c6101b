// The content store (LMDB, verified writes, scheduled removals) and content requests between
// in-process libp2p hosts: verified bytes are served, tampered bytes get the sender banned.
import '../src/network/polyfill.ts';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blake2_256 } from '@slmnet/runtime-spec';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, ContentStore, MAX_CONTENT_SIZE } from '../src/content/store.ts';
import { NetworkService, ROLE_FULL } from '../src/network/index.ts';

const dirs: string[] = [];
const stores: ContentStore[] = [];
const nets: NetworkService[] = [];
const open = () => {
  const d = mkdtempSync(join(tmpdir(), 'slmnet-content-'));
  dirs.push(d);
  const s = ContentStore.open(d);
  stores.push(s);
  return s;
};
const utf8 = (s: string) => new TextEncoder().encode(s);

afterEach(async () => {
  await Promise.all(nets.splice(0).map((n) => n.stop()));
  await Promise.all(stores.splice(0).map((s) => s.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('content store', () => {
  it('stores blobs under their blake2-256 hash, once, and counts them', async () => {
    const s = open();
    const a = utf8('Q: what is a datanet? A: a curated set of domain data.');
    const r = await s.put(a);
    expect(r).toEqual({ hash: blake2_256(a), size: a.length, stored: true });
    expect((await s.put(a, blake2_256(a))).stored).toBe(false);
    expect(s.get(r.hash)).toEqual(a);
    expect(s.has(r.hash)).toBe(true);
    await s.put(utf8('second'));
    expect(s.stats()).toEqual({ blobs: 2, bytes: a.length + 6 });
    expect(await s.delete(r.hash)).toBe(true);
    expect(s.get(r.hash)).toBeUndefined();
    expect(s.stats()).toEqual({ blobs: 1, bytes: 6 });
  });

  it('refuses a mismatching hash or an oversized blob and stores nothing', async () => {
    const s = open();
    const e1 = await s.put(utf8('abc'), blake2_256(utf8('abd'))).catch((e) => e);
    expect(e1).toBeInstanceOf(ContentError);
    expect(e1.kind).toBe('hash-mismatch');
    const e2 = await s.put(new Uint8Array(MAX_CONTENT_SIZE + 1)).catch((e) => e);
    expect(e2.kind).toBe('too-large');
    expect(s.stats()).toEqual({ blobs: 0, bytes: 0 });
  });

  it('keeps the scan cursor, wanted hashes and due removals across a reopen', async () => {
    const d = mkdtempSync(join(tmpdir(), 'slmnet-content-'));
    dirs.push(d);
    let s = ContentStore.open(d);
    const want = blake2_256(utf8('wanted'));
    const gone = await s.put(utf8('rejected'));
    await s.recordScan({ number: 7, hash: new Uint8Array(32).fill(7) }, { wanted: [want], referenced: [], outputs: [], removals: [{ hash: gone.hash, due: 9 }] });
    await s.close();
    s = ContentStore.open(d);
    stores.push(s);
    expect(s.replicationCursor()).toEqual({ number: 7, hash: new Uint8Array(32).fill(7) });
    expect(s.wantedHashes()).toEqual([want]);
    expect(s.dueRemovals(8)).toEqual([]);
    expect(s.dueRemovals(9)).toEqual([{ hash: gone.hash, due: 9 }]);
    expect(await s.removeScheduled({ hash: gone.hash, due: 9 }, true)).toBe(true);
    expect(s.has(gone.hash)).toBe(false);
    expect(s.dueRemovals(100)).toEqual([]);
    // storing a wanted blob clears it from the wanted list
    await s.put(utf8('wanted'));
    expect(s.wantedHashes()).toEqual([]);
  });

  it('tracks uploads as orphans until a scanned block references them; outputs are remembered', async () => {
    const d = mkdtempSync(join(tmpdir(), 'slmnet-content-'));
    dirs.push(d);
    let s = ContentStore.open(d);
    const claimed = await s.put(utf8('contributed later'), undefined, 10);
    const orphan = await s.put(utf8('never contributed'), undefined, 12);
    const replica = await s.put(utf8('fetched from a peer')); // no deadline: not an upload
    // a second upload of stored bytes does not restart (or create) an orphan deadline
    await s.put(utf8('fetched from a peer'), undefined, 5);
    await s.recordScan({ number: 3, hash: new Uint8Array(32).fill(3) }, { wanted: [], referenced: [claimed.hash], outputs: [claimed.hash], removals: [] });
    await s.close();
    s = ContentStore.open(d);
    stores.push(s);
    expect(s.dueOrphans(11)).toEqual([]);
    expect(s.dueOrphans(12)).toEqual([orphan.hash]);
    expect(s.isOutput(claimed.hash)).toBe(true);
    expect(s.isOutput(orphan.hash)).toBe(false);
    // a pinned orphan loses its deadline but keeps its bytes
    expect(await s.removeOrphan(orphan.hash, false)).toBe(false);
    expect(s.has(orphan.hash)).toBe(true);
    expect(s.dueOrphans(100)).toEqual([]);
    const late = await s.put(utf8('another orphan'), undefined, 20);
    expect(await s.removeOrphan(late.hash, true)).toBe(true);
    expect(s.has(late.hash)).toBe(false);
    expect(s.has(replica.hash)).toBe(true);
    expect(s.stats().blobs).toBe(3);
  });
});

describe('content requests between peers', () => {
  const genesis = new Uint8Array(32).fill(1);
  const chain = { bestBlock: () => ({ hash: genesis, number: 0 }), hashAt: (n: number) => (n === 0 ? genesis : undefined), headerBytes: () => undefined, body: () => undefined, justification: () => undefined };
  const key = (name: string) => new Uint8Array(createHash('sha256').update(name).digest());
  const start = async (name: string, content: { get(h: Uint8Array): Uint8Array | undefined }, bootnodes: NetworkService[] = []) => {
    const net = await NetworkService.start({
      nodeKey: key(name), genesisHash: genesis, roles: ROLE_FULL, chain, content, listen: ['/ip4/127.0.0.1/tcp/0'],
      bootnodes: bootnodes.map((b) => b.listenAddresses()[0]), maintenanceMs: 300,
    });
    nets.push(net);
    return net;
  };
  const until = async (f: () => boolean, what: string) => {
    const end = Date.now() + 10_000;
    while (!f()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('serves verified bytes; a peer without the blob answers none; tampered bytes get the peer banned', async () => {
    const blob = utf8('a contribution that lives off chain');
    const hash = blake2_256(blob);
    const honest = await start('honest', { get: (h) => (Buffer.compare(h, hash) === 0 ? blob : undefined) });
    // answers every request with other bytes than asked for
    const tamperer = await start('tamperer', { get: () => utf8('not what you asked for') });
    const asker = await start('asker', { get: () => undefined }, [honest, tamperer]);
    await until(() => asker.peerCount() === 2, 'both peers');

    expect(await asker.requestContent(honest.peerId, hash)).toEqual(blob);
    expect(await asker.requestContent(honest.peerId, blake2_256(utf8('unknown')))).toBeUndefined();
    await expect(asker.requestContent(tamperer.peerId, hash)).rejects.toThrow(/do not match content/);
    await until(() => asker.isBanned(tamperer.peerId), 'the ban');
    expect(asker.isBanned(honest.peerId)).toBe(false);
  });
});
