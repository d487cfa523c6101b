import { calculate_state_root } from '@acala-network/chopsticks-executor';
import { compactToU8a, hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  decodeNode,
  EMPTY_ROOT,
  encodeNode,
  MemoryNodeStore,
  orderedTrieRoot,
  TrieDb,
  trieRoot,
  type Layout,
} from '../src/trie/index.ts';

type Vector = { pairs: [string, string][]; rootNodeV1: string; rootV0: string; rootV1: string };
const vectors = (JSON.parse(readFileSync('/work/shared/design/vectors.json', 'utf8')) as { trie: Record<string, Vector> }).trie;

const hex = (u: Uint8Array) => u8aToHex(u);
const pairsOf = (v: Vector): [Uint8Array, Uint8Array][] => v.pairs.map(([k, x]) => [hexToU8a(k), hexToU8a(x)]);

/** Model: hex key -> value, kept sorted on demand. */
type Model = Map<string, Uint8Array>;
const sortedEntries = (m: Model): [string, Uint8Array][] => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

async function oracleRoot(m: Model, layout: Layout): Promise<string> {
  return (await calculate_state_root(sortedEntries(m).map(([k, v]) => [k, hex(v)]), layout)) as string;
}

// Arbitraries: keys from a tiny alphabet share long nibble prefixes; plus random and 32-byte-hashed-looking keys.
const sharedKey = fc
  .array(fc.constantFrom(0x00, 0x01, 0x10, 0x11, 0xaa, 0xab, 0xff), { maxLength: 8 })
  .map((a) => Uint8Array.from(a));
const randomKey = fc.uint8Array({ minLength: 0, maxLength: 40 });
const key = fc.oneof(sharedKey, randomKey, sharedKey.chain((p) => fc.uint8Array({ minLength: 20, maxLength: 32 }).map((s) => Uint8Array.from([...p, ...s]))));
const value = fc.oneof(
  fc.constant(new Uint8Array(0)),
  fc.uint8Array({ minLength: 1, maxLength: 4 }),
  fc.uint8Array({ minLength: 31, maxLength: 34 }),
  fc.uint8Array({ minLength: 60, maxLength: 300 }),
);
const entries = fc.array(fc.tuple(key, value), { maxLength: 50 });
const layout = fc.constantFrom<Layout>(0, 1);

function modelOf(es: [Uint8Array, Uint8Array][]): Model {
  const m: Model = new Map();
  for (const [k, v] of es) m.set(hex(k), v);
  return m;
}

// TRIE_RUNS scales the property tests for deeper local fuzzing.
const RUNS = Number(process.env.TRIE_RUNS ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * RUNS));

beforeAll(async () => {
  await cryptoWaitReady();
});

describe('trie vectors', () => {
  it('EMPTY_ROOT is blake2_256(0x00)', () => {
    expect(hex(EMPTY_ROOT)).toBe(vectors.empty.rootV0);
    expect(hex(trieRoot([], 1))).toBe(vectors.empty.rootV1);
  });

  for (const [name, v] of Object.entries(vectors)) {
    it(`trieRoot: ${name}`, () => {
      expect(hex(trieRoot(pairsOf(v), 0))).toBe(v.rootV0);
      expect(hex(trieRoot(pairsOf(v), 1))).toBe(v.rootV1);
    });

    it(`commit from empty: ${name}`, () => {
      for (const l of [0, 1] as const) {
        const store = new MemoryNodeStore();
        const db = new TrieDb(store);
        const { root, nodes } = db.commit(EMPTY_ROOT, pairsOf(v), l);
        store.putAll(nodes);
        expect(hex(root)).toBe(l === 0 ? v.rootV0 : v.rootV1);
        if (l === 1 && v.pairs.length > 0) expect(hex(nodes.get(hex(root))!)).toBe(v.rootNodeV1);
        for (const [k, x] of pairsOf(v)) expect(db.get(root, k)).toEqual(x);
      }
    });
  }
});

describe('node codec', () => {
  it('round-trips long partial keys (multi-byte headers) and all node kinds', () => {
    for (const count of [0, 1, 14, 15, 16, 30, 31, 32, 62, 63, 64, 317, 318, 319, 700]) {
      const partial = Uint8Array.from({ length: count }, (_, i) => (i * 7) & 15);
      const kinds = [
        { value: new Uint8Array([1, 2]), valueHashed: false, children: undefined },
        { value: new Uint8Array(32).fill(9), valueHashed: true, children: undefined },
        { value: undefined, valueHashed: false, children: Object.assign(new Array(16), { 3: new Uint8Array(32).fill(1), 9: new Uint8Array([0x40, 0]) }) },
        { value: new Uint8Array(0), valueHashed: false, children: Object.assign(new Array(16), { 15: new Uint8Array(32).fill(2) }) },
        { value: new Uint8Array(32).fill(5), valueHashed: true, children: Object.assign(new Array(16), { 0: new Uint8Array(32).fill(3) }) },
      ];
      for (const k of kinds) {
        const node = { partial, ...k };
        const enc = encodeNode(node);
        const dec = decodeNode(enc)!;
        expect(dec.partial).toEqual(partial);
        expect(dec.valueHashed).toBe(k.valueHashed);
        expect(dec.value).toEqual(k.value);
        expect(encodeNode(dec)).toEqual(enc);
      }
    }
  });

  it('matches the oracle on long keys', async () => {
    const m: Model = new Map();
    for (let i = 0; i < 6; i++) m.set(hex(new Uint8Array(150 + i * 20).fill(0x30 + i)), new Uint8Array([i]));
    m.set(hex(new Uint8Array(200).fill(0x30)), new Uint8Array(40).fill(7));
    for (const l of [0, 1] as const) {
      expect(hex(trieRoot([...m].map(([k, v]) => [hexToU8a(k), v]), l))).toBe(await oracleRoot(m, l));
    }
  });
});

describe('trieRoot vs oracle', () => {
  it('random entry sets, both layouts', async () => {
    await fc.assert(
      fc.asyncProperty(entries, layout, async (es, l) => {
        const root = trieRoot(es, l); // duplicates: last wins, like the Map model
        expect(hex(root)).toBe(await oracleRoot(modelOf(es), l));
      }),
      { numRuns: runs(150) },
    );
  });

  it('orderedTrieRoot uses compact index keys', async () => {
    for (const n of [0, 1, 2, 17, 64, 70]) {
      for (const l of [0, 1] as const) {
        const values = Array.from({ length: n }, (_, i) => new Uint8Array(i % 40).fill(i));
        const m: Model = new Map(values.map((v, i) => [hex(compactToU8a(i)), v]));
        expect(hex(orderedTrieRoot(values, l))).toBe(await oracleRoot(m, l));
      }
    }
  });
});

describe('TrieDb.commit', () => {
  const change = fc.tuple(key, fc.option(value, { nil: null, freq: 3 }));
  const scenario = fc.record({
    initial: entries,
    batches: fc.array(
      fc.record({ deletes: fc.array(fc.nat(), { maxLength: 10 }), updates: fc.array(fc.tuple(fc.nat(), value), { maxLength: 8 }), fresh: fc.array(change, { maxLength: 10 }) }),
      { minLength: 1, maxLength: 4 },
    ),
    layout,
  });

  it('incremental commits match the oracle and keep old roots readable', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ initial, batches, layout: l }) => {
        const store = new MemoryNodeStore();
        const db = new TrieDb(store, { cacheSize: 64 });
        const model: Model = modelOf(initial);
        let { root, nodes } = db.commit(EMPTY_ROOT, initial, l);
        store.putAll(nodes);
        expect(hex(root)).toBe(await oracleRoot(model, l));
        const history: [Uint8Array, Model][] = [[root, new Map(model)]];
        for (const b of batches) {
          const existing = [...model.keys()];
          const changes: [Uint8Array, Uint8Array | null][] = [];
          if (existing.length > 0) {
            for (const d of b.deletes) changes.push([hexToU8a(existing[d % existing.length]), null]);
            for (const [u, v] of b.updates) changes.push([hexToU8a(existing[u % existing.length]), v]);
          }
          changes.push(...b.fresh);
          for (const [k, v] of changes) {
            if (v === null) model.delete(hex(k));
            else model.set(hex(k), v);
          }
          ({ root, nodes } = db.commit(root, changes, l));
          store.putAll(nodes);
          expect(hex(root)).toBe(await oracleRoot(model, l));
          expect(hex(root)).toBe(hex(trieRoot([...model].map(([k, v]) => [hexToU8a(k), v]), l)));
          history.push([root, new Map(model)]);
        }
        for (const [r, m] of history) {
          for (const [k, v] of m) expect(db.get(r, hexToU8a(k))).toEqual(v);
          expect(db.get(r, Uint8Array.from([0x77, 0x01, 0x02]))).toBeUndefined();
        }
      }),
      { numRuns: runs(100) },
    );
  });

  it('returns only new nodes, nothing for a no-op commit', () => {
    const store = new MemoryNodeStore();
    const db = new TrieDb(store);
    const es: [Uint8Array, Uint8Array][] = Array.from({ length: 200 }, (_, i) => [blake2AsU8a(Uint8Array.of(i)), new Uint8Array(50).fill(i)]);
    const a = db.commit(EMPTY_ROOT, es, 1);
    store.putAll(a.nodes);
    const again = db.commit(a.root, es.slice(0, 20), 1);
    expect(hex(again.root)).toBe(hex(a.root));
    expect(again.nodes.size).toBe(0);
    const absent = db.commit(a.root, [[new Uint8Array([1, 2, 3]), null]], 1);
    expect(hex(absent.root)).toBe(hex(a.root));
    expect(absent.nodes.size).toBe(0);
    const one = db.commit(a.root, [[es[0][0], new Uint8Array(50).fill(0xee)]], 1);
    for (const k of one.nodes.keys()) expect(store.map.has(k)).toBe(false);
    // Deleting everything gives the empty root.
    const gone = db.commit(a.root, es.map(([k]) => [k, null]), 1);
    expect(hex(gone.root)).toBe(hex(EMPTY_ROOT));
    expect(db.get(gone.root, es[0][0])).toBeUndefined();
  });

  it('larger tries: batches of mixed changes match the oracle; commits read only the changed paths', async () => {
    const store = new MemoryNodeStore();
    let reads = 0;
    const db = new TrieDb({ get: (h) => (reads++, store.get(h)) }, { cacheSize: 0 });
    const rnd = (seed: number) => blake2AsU8a(Uint8Array.of(seed & 255, seed >> 8, seed >> 16));
    const model: Model = new Map();
    const first: [Uint8Array, Uint8Array][] = Array.from({ length: 3000 }, (_, i) => [rnd(i), rnd(i + 1e6).subarray(0, i % 70)]);
    let { root, nodes } = db.commit(EMPTY_ROOT, first, 1);
    store.putAll(nodes);
    for (const [k, v] of first) model.set(hex(k), v);
    for (let b = 0; b < 3; b++) {
      const changes: [Uint8Array, Uint8Array | null][] = [];
      for (let i = 0; i < 600; i++) {
        const old = hexToU8a([...model.keys()][(i * 7919 + b) % model.size]);
        changes.push(i % 3 === 0 ? [old, null] : i % 3 === 1 ? [old, rnd(i + b * 1e4)] : [rnd(1e5 + b * 1e3 + i), new Uint8Array(i % 40)]);
      }
      for (const [k, v] of changes) (v === null ? model.delete(hex(k)) : model.set(hex(k), v));
      ({ root, nodes } = db.commit(root, changes, 1));
      store.putAll(nodes);
      expect(hex(root)).toBe(await oracleRoot(model, 1));
    }
    // One changed key in a 3000-key trie: a handful of node reads, not a scan.
    reads = 0;
    db.commit(root, [[hexToU8a([...model.keys()][5]), new Uint8Array([1])]], 1);
    expect(reads).toBeLessThan(8);
  });

  it('empty values are stored, distinct from deletion', () => {
    const store = new MemoryNodeStore();
    const db = new TrieDb(store);
    const k = new Uint8Array([1, 2]);
    const a = db.commit(EMPTY_ROOT, [[k, new Uint8Array(0)]], 0);
    store.putAll(a.nodes);
    expect(db.get(a.root, k)).toEqual(new Uint8Array(0));
    expect(hex(a.root)).not.toBe(hex(EMPTY_ROOT));
    const b = db.commit(a.root, [[k, null]], 0);
    expect(hex(b.root)).toBe(hex(EMPTY_ROOT));
  });

  it('mixed layouts: untouched values keep their form, rewritten ones take the new one', () => {
    const store = new MemoryNodeStore();
    const db = new TrieDb(store);
    const es: [Uint8Array, Uint8Array][] = Array.from({ length: 40 }, (_, i) => [blake2AsU8a(Uint8Array.of(i)), new Uint8Array(40 + i).fill(i)]);
    const v0 = db.commit(EMPTY_ROOT, es, 0);
    store.putAll(v0.nodes);
    expect(hex(v0.root)).toBe(hex(trieRoot(es, 0)));
    // Touch half the values in V1: only those become value nodes.
    const half = db.commit(v0.root, es.slice(0, 20), 1);
    store.putAll(half.nodes);
    const valueNodes = [...half.nodes.values()].filter((n) => es.some(([, v]) => hex(v) === hex(n)));
    expect(valueNodes.length).toBe(20);
    expect(hex(half.root)).not.toBe(hex(trieRoot(es, 1)));
    for (const [k, v] of es) expect(db.get(half.root, k)).toEqual(v);
    // Touch the rest: now identical to a V1 trie built from scratch; and back to V0.
    const full = db.commit(half.root, es.slice(20), 1);
    store.putAll(full.nodes);
    expect(hex(full.root)).toBe(hex(trieRoot(es, 1)));
    const back = db.commit(full.root, es, 0);
    expect(hex(back.root)).toBe(hex(v0.root));
  });
});

describe('iteration', () => {
  const scenario = fc.record({
    es: fc.array(fc.tuple(key, value), { maxLength: 60 }),
    prefixes: fc.array(fc.oneof(sharedKey.map((k) => k.subarray(0, 2)), fc.uint8Array({ maxLength: 2 }), fc.nat()), { minLength: 1, maxLength: 4 }),
    starts: fc.array(fc.oneof(key, fc.nat()), { minLength: 1, maxLength: 4 }),
    limit: fc.integer({ min: 0, max: 25 }),
  });

  it('keys/nextKey/entries equal a sorted model', async () => {
    fc.assert(
      fc.property(scenario, ({ es, prefixes, starts, limit }) => {
        const store = new MemoryNodeStore();
        const db = new TrieDb(store);
        const { root, nodes } = db.commit(EMPTY_ROOT, es, 1);
        store.putAll(nodes);
        const model = sortedEntries(modelOf(es));
        const keysHex = model.map(([k]) => k);
        const pick = (x: Uint8Array | number) => (typeof x === 'number' ? (keysHex.length ? hexToU8a(keysHex[x % keysHex.length]) : new Uint8Array(0)) : x);
        for (const p0 of prefixes) {
          const prefix = typeof p0 === 'number' ? pick(p0).subarray(0, p0 % 3) : p0;
          const ph = hex(prefix);
          const under = model.filter(([k]) => k.startsWith(ph));
          expect([...db.entries(root, prefix)].map(([k, v]) => [hex(k), hex(v)])).toEqual(under.map(([k, v]) => [k, hex(v)]));
          const startKeys = [undefined, prefix, ...starts.map(pick), ...starts.map((s) => Uint8Array.from([...prefix, ...pick(s).subarray(0, 3)]))];
          for (const s of startKeys) {
            const expected = under.filter(([k]) => s === undefined || k > hex(s)).slice(0, limit).map(([k]) => k);
            expect(db.keys(root, prefix, limit, s).map(hex)).toEqual(expected);
          }
        }
        for (const s of starts.map(pick)) {
          const next = keysHex.find((k) => k > hex(s));
          const got = db.nextKey(root, s);
          expect(got === undefined ? undefined : hex(got)).toBe(next);
        }
      }),
      { numRuns: runs(150) },
    );
  });

  it('works on the empty trie', () => {
    const db = new TrieDb(new MemoryNodeStore());
    expect(db.get(EMPTY_ROOT, new Uint8Array(0))).toBeUndefined();
    expect(db.keys(EMPTY_ROOT, new Uint8Array(0), 10)).toEqual([]);
    expect([...db.entries(EMPTY_ROOT, new Uint8Array(0))]).toEqual([]);
    expect(db.nextKey(EMPTY_ROOT, new Uint8Array(0))).toBeUndefined();
  });
});
