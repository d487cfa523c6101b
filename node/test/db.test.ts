import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainStore, StoreError } from '../src/db/store.ts';
import { decodeBody, decodeCompact, encodeBody, encodeCompact, peekHeader } from '../src/db/codec.ts';
import { decodeHeader, encodeHeader, headerHash, type Header } from '../src/chain/header.ts';
import { blockNodes } from './fixtures/synthetic.ts';

const here = dirname(fileURLToPath(import.meta.url));
const dirs: string[] = [];
const tmp = () => { const d = mkdtempSync(join(tmpdir(), 'slmnet-db-')); dirs.push(d); return d; };

beforeAll(async () => { await cryptoWaitReady(); });
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const ZERO = new Uint8Array(32);
function mkHeader(parent: Uint8Array, number: number, salt = 0): { header: Uint8Array; hash: Uint8Array; nodes: Map<string, Uint8Array> } {
  const { nodes, root } = blockNodes(number * 1000 + salt, 20);
  const header = encodeHeader({ parent_hash: parent, number, state_root: root, extrinsics_root: ZERO, digest: { logs: [{ tag: 'Other', value: Uint8Array.of(salt) }] } });
  return { header, hash: headerHash(header), nodes };
}

function genesisStore(): { store: ChainStore; genesis: ReturnType<typeof mkHeader>; path: string } {
  const path = tmp();
  const store = ChainStore.open(path);
  const genesis = mkHeader(ZERO, 0);
  store.initGenesis({ hash: genesis.hash, header: genesis.header, trieNodes: genesis.nodes, chainId: 'test' });
  return { store, genesis, path };
}

describe('codec helpers', () => {
  it('compact round-trips at every width', () => {
    for (const n of [0, 1, 63, 64, 16383, 16384, 2 ** 30 - 1, 2 ** 30, 2 ** 32 - 1, 2 ** 40 + 7]) {
      const e = encodeCompact(n);
      expect(decodeCompact(e, 0)).toEqual([n, e.length]);
    }
    expect([...encodeCompact(64)]).toEqual([0x01, 0x01]);
  });
  it('body encoding keeps each extrinsic with its length prefix', () => {
    const xts = [Uint8Array.of(4, 0xaa), Uint8Array.of(8, 1, 2), new Uint8Array([0x01, 0x01, ...new Uint8Array(64)])];
    expect(decodeBody(encodeBody(xts))).toEqual(xts);
    expect(() => decodeBody(Uint8Array.of(8, 4, 1))).toThrow();
  });
  it('peekHeader reads parent and number', () => {
    const { header } = mkHeader(new Uint8Array(32).fill(7), 300);
    const p = peekHeader(header);
    expect(p.number).toBe(300);
    expect(p.parentHash).toEqual(new Uint8Array(32).fill(7));
  });
});

describe('ChainStore', () => {
  it('stores genesis, blocks, bodies, nodes and meta', async () => {
    const { store, genesis } = genesisStore();
    expect(store.genesisHash()).toEqual(genesis.hash);
    expect(store.bestHash()).toEqual(genesis.hash);
    expect(store.finalizedHash()).toEqual(genesis.hash);
    expect(store.chainId()).toBe('test');
    expect(store.hashAt(0)).toEqual(genesis.hash);
    const b1 = mkHeader(genesis.hash, 1);
    store.commitBlock({ hash: b1.hash, header: b1.header, body: [Uint8Array.of(4, 1)], trieNodes: b1.nodes, setBest: true });
    expect(store.header(b1.hash)).toEqual(b1.header);
    expect(store.body(b1.hash)).toEqual([Uint8Array.of(4, 1)]);
    expect(store.hashAt(1)).toEqual(b1.hash);
    expect(store.bestHash()).toEqual(b1.hash);
    const [k, v] = [...b1.nodes][0];
    expect(store.nodeStore.get(Buffer.from(k.slice(2), 'hex'))).toEqual(v);
    expect(store.leaves()).toEqual([b1.hash]);
    expect(() => store.initGenesis({ hash: genesis.hash, header: genesis.header, trieNodes: new Map(), chainId: 'x' })).toThrow(StoreError);
    await store.close();
  });

  it('node buffers are not reused between reads (TrieDb keeps views)', async () => {
    const { store, genesis } = genesisStore();
    const keys = [...genesis.nodes.keys()].slice(0, 2).map((k) => Buffer.from(k.slice(2), 'hex'));
    const a = store.nodeStore.get(keys[0])!;
    const copyA = Uint8Array.from(a);
    store.nodeStore.get(keys[1]);
    expect(a).toEqual(copyA);
    await store.close();
  });

  it('rewrites the canonical index on reorg and tracks leaves', async () => {
    const { store, genesis } = genesisStore();
    const a1 = mkHeader(genesis.hash, 1, 1);
    const a2 = mkHeader(a1.hash, 2, 1);
    const b1 = mkHeader(genesis.hash, 1, 2);
    const b2 = mkHeader(b1.hash, 2, 2);
    const b3 = mkHeader(b2.hash, 3, 2);
    store.commitBlock({ hash: a1.hash, header: a1.header, body: [], trieNodes: a1.nodes, setBest: true });
    store.commitBlock({ hash: a2.hash, header: a2.header, body: [], trieNodes: a2.nodes, setBest: true });
    store.commitBlock({ hash: b1.hash, header: b1.header, body: [], trieNodes: b1.nodes });
    store.commitBlock({ hash: b2.hash, header: b2.header, body: [], trieNodes: b2.nodes });
    expect(store.hashAt(2)).toEqual(a2.hash);
    expect(store.leaves().length).toBe(2);
    store.commitBlock({ hash: b3.hash, header: b3.header, body: [], trieNodes: b3.nodes, setBest: true });
    expect([1, 2, 3].map((n) => store.hashAt(n))).toEqual([b1.hash, b2.hash, b3.hash]);
    // back to the shorter fork: entries above it disappear
    store.setBest(a2.hash);
    expect([1, 2, 3].map((n) => store.hashAt(n))).toEqual([a1.hash, a2.hash, undefined]);
    store.setBest(b3.hash);
    // finalizing b1 prunes the a-fork leaf
    store.setFinalized({ hash: b1.hash, justification: Uint8Array.of(1, 2) });
    expect(store.finalizedHash()).toEqual(b1.hash);
    expect(store.justification(b1.hash)).toEqual(Uint8Array.of(1, 2));
    expect(store.leaves()).toEqual([b3.hash]);
    await store.close();
  });

  it('a failing commit writes nothing (one transaction)', async () => {
    const { store, genesis } = genesisStore();
    const b1 = mkHeader(genesis.hash, 1);
    const poisoned = new Map(b1.nodes);
    const entries = [...poisoned];
    const boom = {
      size: entries.length,
      *[Symbol.iterator]() {
        for (let i = 0; i < entries.length; i++) {
          if (i === 10) throw new Error('disk on fire');
          yield entries[i];
        }
      },
    } as unknown as Map<string, Uint8Array>;
    expect(() => store.commitBlock({ hash: b1.hash, header: b1.header, body: [], trieNodes: boom, setBest: true })).toThrow('disk on fire');
    expect(store.header(b1.hash)).toBeUndefined();
    expect(store.bestHash()).toEqual(genesis.hash);
    expect(store.hashAt(1)).toBeUndefined();
    expect(store.nodeStore.get(Buffer.from(entries[0][0].slice(2), 'hex'))).toBeUndefined();
    // unknown parent: refused, nothing written
    const orphan = mkHeader(new Uint8Array(32).fill(1), 5);
    expect(() => store.commitBlock({ hash: orphan.hash, header: orphan.header, body: [], trieNodes: orphan.nodes })).toThrow(/parent/);
    expect(store.header(orphan.hash)).toBeUndefined();
    await store.close();
  });

  it('reopens with the same best/finalized', async () => {
    const { store, genesis, path } = genesisStore();
    const b1 = mkHeader(genesis.hash, 1);
    store.commitBlock({ hash: b1.hash, header: b1.header, body: [Uint8Array.of(0)], trieNodes: b1.nodes, setBest: true });
    store.setFinalized({ hash: b1.hash });
    await store.close();
    const again = ChainStore.open(path);
    expect(again.bestHash()).toEqual(b1.hash);
    expect(again.finalizedHash()).toEqual(b1.hash);
    expect(again.body(b1.hash)).toEqual([Uint8Array.of(0)]);
    await again.close();
  });
});

/** Runs the writer child until it has committed at least `minBlocks` more blocks, then SIGKILLs it. */
function runAndKill(path: string, minBlocks: number, extraDelayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'fixtures', 'store-writer.ts'), path, '400'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let last = -1;
    let seen = 0;
    let killed = false;
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.stdout.on('data', (d: Buffer) => {
      const lines = d.toString().trim().split('\n');
      last = Number(lines[lines.length - 1]);
      seen += lines.length;
      if (seen >= minBlocks && !killed) {
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), extraDelayMs);
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(last);
      else reject(new Error(`writer exited with ${code}: ${stderr}`));
    });
  });
}

function checkConsistent(path: string, atLeast: number): { best: number; finalized: number } {
  const store = ChainStore.open(path);
  try {
    const best = store.bestHash()!;
    const bestHeader = decodeHeader(store.header(best)!);
    expect(bestHeader.number).toBeGreaterThanOrEqual(atLeast);
    // canonical chain from best back to genesis is linked, and every block has all of its state nodes
    let hash = best;
    let header: Header = bestHeader;
    for (;;) {
      expect(store.hashAt(header.number)).toEqual(hash);
      expect(store.body(hash)).toBeDefined();
      const { nodes, root } = blockNodes(header.number, 400);
      expect(root).toEqual(header.state_root);
      for (const k of nodes.keys()) if (!store.hasNode(Buffer.from(k.slice(2), 'hex'))) throw new Error(`block #${header.number} lacks node ${k}`);
      if (header.number === 0) break;
      hash = header.parent_hash;
      header = decodeHeader(store.header(hash)!);
    }
    expect(store.hashAt(bestHeader.number + 1)).toBeUndefined();
    const fin = decodeHeader(store.header(store.finalizedHash()!)!);
    expect(store.hashAt(fin.number)).toEqual(store.finalizedHash());
    return { best: bestHeader.number, finalized: fin.number };
  } finally {
    void store.close();
  }
}

describe('crash safety', () => {
  it('kill -9 while writing blocks never loses a committed block or leaves one without its state', async () => {
    const path = tmp();
    let reported = 0;
    for (let run = 0; run < 4; run++) {
      const last = await runAndKill(path, 15, run * 7);
      // everything the child reported as committed is there, and the database is consistent
      const { best, finalized } = checkConsistent(path, last);
      expect(best).toBeGreaterThanOrEqual(reported);
      expect(finalized).toBeLessThanOrEqual(best);
      reported = best;
    }
  }, 120_000);
});
