import { decode_proof } from '@acala-network/chopsticks-executor';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_ROOT, MemoryNodeStore, TrieDb, type Layout } from '../src/trie/index.ts';

const hex = (u: Uint8Array) => u8aToHex(u);
const RUNS = Number(process.env.TRIE_RUNS ?? 1);

beforeAll(async () => {
  await cryptoWaitReady();
});

const key = fc.oneof(
  fc.array(fc.constantFrom(0x00, 0x01, 0x10, 0xaa, 0xab), { maxLength: 6 }).map((a) => Uint8Array.from(a)),
  fc.uint8Array({ maxLength: 40 }),
);
const value = fc.oneof(
  fc.constant(new Uint8Array(0)),
  fc.uint8Array({ minLength: 1, maxLength: 8 }),
  fc.uint8Array({ minLength: 31, maxLength: 34 }),
  fc.uint8Array({ minLength: 60, maxLength: 200 }),
);

function build(es: [Uint8Array, Uint8Array][], layout: Layout) {
  const store = new MemoryNodeStore();
  const db = new TrieDb(store);
  const { root, nodes } = db.commit(EMPTY_ROOT, es, layout);
  store.putAll(nodes);
  return { db, root };
}

function checkShape(proof: Uint8Array[], root: Uint8Array) {
  for (let i = 1; i < proof.length; i++) expect(Buffer.compare(proof[i - 1], proof[i])).toBe(-1); // sorted, no duplicates
  expect(proof.some((n) => hex(blake2AsU8a(n, 256)) === hex(root))).toBe(true);
  // Nothing unvisited: every other entry is referenced by hash from another entry.
  for (const n of proof) {
    const h = blake2AsU8a(n, 256);
    if (hex(h) === hex(root)) continue;
    expect(proof.some((m) => m !== n && Buffer.from(m).indexOf(Buffer.from(h)) >= 0)).toBe(true);
  }
}

describe('readProof', () => {
  it('decodes with the oracle to the right values (present and absent keys)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 50 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.array(key, { maxLength: 4 }),
        fc.constantFrom<Layout>(0, 1),
        async (es, picks, extra, layout) => {
          const { db, root } = build(es, layout);
          const model = new Map<string, string>(es.map(([k, v]) => [hex(k), hex(v)]));
          const present = [...model.keys()];
          const asked = [...picks.map((p) => hexToU8a(present[p % present.length])), ...extra];
          const proof = db.readProof(root, asked);
          checkShape(proof, root);
          const decoded = new Map((await decode_proof(hex(root), proof.map(hex))) as [string, string][]);
          for (const k of asked.map(hex)) expect(decoded.get(k)).toBe(model.get(k));
          // Whatever else the proof reveals must be true too.
          for (const [k, v] of decoded) expect(model.get(k)).toBe(v);
        },
      ),
      { numRuns: Math.round(200 * RUNS) },
    );
  });

  it('includes hashed value nodes as separate entries (V1)', async () => {
    const k = new Uint8Array([1]);
    const v = new Uint8Array(33).fill(7);
    const { db, root } = build([[k, v], [new Uint8Array([2]), new Uint8Array([3])]], 1);
    const proof = db.readProof(root, [k, k]);
    expect(proof.map(hex)).toContain(hex(v));
    expect(proof.length).toBe(3); // root, the (hashed) leaf for key 01, its value node
    checkShape(proof, root);
    const decoded = new Map((await decode_proof(hex(root), proof.map(hex))) as [string, string][]);
    expect(decoded.get(hex(k))).toBe(hex(v));
  });

  it('proves absence in the empty trie with the empty node', async () => {
    const { db } = build([], 1);
    const proof = db.readProof(EMPTY_ROOT, [new Uint8Array([1])]);
    expect(proof.map(hex)).toEqual(['0x00']);
    expect(await decode_proof(hex(EMPTY_ROOT), proof.map(hex))).toEqual([]);
  });
});
