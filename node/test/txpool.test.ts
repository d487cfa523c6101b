// Transaction pool against a fake, deterministic validator: extrinsics are JSON
// `{sender, nonce, tip}`, tags are `sender:nonce` (like CheckNonce), tip is the
// priority, and a tiny "chain" tracks account nonces.
import { describe, expect, it } from 'vitest';
import { blake2_256 } from '@slmnet/runtime-spec';
import { PoolError, TransactionPool, type PoolOptions, type TxStatus, type Validity, type Watcher } from '../src/txpool/pool.ts';
import { validityError } from '../src/txpool/errors.ts';
import type { BlockRef, TransactionValidityError } from '../src/txpool/types.ts';

interface FakeTx { sender: string; nonce: number; tip?: number; pad?: string; throws?: boolean; error?: TransactionValidityError; noTags?: boolean }

const enc = new TextEncoder();
const xt = (t: FakeTx): Uint8Array => enc.encode(JSON.stringify(t));
const decode = (b: Uint8Array): FakeTx => JSON.parse(new TextDecoder().decode(b));
const tag = (sender: string, nonce: number) => enc.encode(`${sender}:${nonce}`);
const hex = (b: Uint8Array) => '0x' + Buffer.from(b).toString('hex');

class FakeChain {
  readonly nonces = new Map<string, number>();
  /** Every validation: the block number it ran at and the sender/nonce. */
  readonly calls: { at: number; tx: string }[] = [];
  /** While set, validations wait for it (to hold maintenance mid-flight). */
  gate?: Promise<void>;
  number = 0;

  validate = async (bytes: Uint8Array, at: BlockRef): Promise<Validity> => {
    const tx = decode(bytes);
    this.calls.push({ at: at.number, tx: `${tx.sender}:${tx.nonce}` });
    const onChain = this.nonces.get(tx.sender) ?? 0; // the state validated against, read before any wait
    if (this.gate) await this.gate;
    if (tx.throws) throw new Error('boom: runtime trapped');
    if (tx.error) return { ok: false, error: tx.error };
    if (tx.nonce < onChain) return { ok: false, error: { type: 'Invalid', kind: 'Stale' } };
    return {
      ok: true,
      valid: {
        priority: BigInt(tx.tip ?? 0),
        requires: tx.nonce > onChain ? [tag(tx.sender, tx.nonce - 1)] : [],
        provides: tx.noTags ? [] : [tag(tx.sender, tx.nonce)],
        longevity: 64n,
        propagate: true,
      },
    };
  };

  /** Builds the next block with `xts` applied; returns it and the ref to revalidate at. */
  block(xts: Uint8Array[], label = ''): { block: BlockRef & { extrinsics: Uint8Array[] }; at: BlockRef } {
    for (const b of xts) { const t = decode(b); this.nonces.set(t.sender, t.nonce + 1); }
    const number = ++this.number;
    const hash = blake2_256(enc.encode(`block ${number} ${label}`));
    return { block: { hash, number, extrinsics: xts }, at: { hash, number } };
  }

  get head(): BlockRef { return { hash: blake2_256(enc.encode(`block ${this.number}`)), number: this.number }; }
}

function setup(o: Partial<PoolOptions> = {}) {
  const chain = new FakeChain();
  let clock = 1_000_000;
  const pool = new TransactionPool({ validate: chain.validate, hash: blake2_256, now: () => clock, ...o });
  const advance = (ms: number) => { clock += ms; };
  const submit = (t: FakeTx) => pool.submit(xt(t), chain.head);
  const watch = async (t: FakeTx) => {
    const { hash, watcher } = await pool.submitAndWatch(xt(t), chain.head);
    const seen: TxStatus[] = [];
    watcher.on((s) => seen.push(s));
    return { hash, watcher, seen };
  };
  const importBlock = async (xts: Uint8Array[], label?: string) => {
    const { block, at } = chain.block(xts, label);
    await pool.onBlockImported(block, at);
    return block;
  };
  return { chain, pool, advance, submit, watch, importBlock };
}

async function rejection(p: Promise<unknown>): Promise<PoolError> {
  try { await p; } catch (e) { expect(e).toBeInstanceOf(PoolError); return e as PoolError; }
  throw new Error('expected the pool to refuse');
}

const order = (pool: TransactionPool) => pool.ready().map((t) => { const d = decode(t.xt); return `${d.sender}:${d.nonce}`; });

describe('ready and future queues', () => {
  it('orders ready transactions by priority, after their requirements, ties by insertion', async () => {
    const { pool, submit } = setup();
    await submit({ sender: 'alice', nonce: 0, tip: 1 });
    await submit({ sender: 'bob', nonce: 0, tip: 5 });
    await submit({ sender: 'alice', nonce: 1, tip: 10 });
    await submit({ sender: 'dave', nonce: 0, tip: 3 });
    await submit({ sender: 'eve', nonce: 0, tip: 3 });
    await submit({ sender: 'charlie', nonce: 2, tip: 100 }); // gap: charlie is at nonce 0
    expect(order(pool)).toEqual(['bob:0', 'dave:0', 'eve:0', 'alice:0', 'alice:1']);
    expect(pool.status()).toMatchObject({ ready: 5, future: 1 });
    const pending = pool.pendingExtrinsics().map((b) => `${decode(b).sender}:${decode(b).nonce}`);
    expect(pending).toEqual(['bob:0', 'dave:0', 'eve:0', 'alice:0', 'alice:1', 'charlie:2']);
  });

  it('promotes future transactions when the gap is filled', async () => {
    const { pool, submit, watch } = setup();
    const readyEvents: string[][] = [];
    pool.onReady((hs) => readyEvents.push(hs.map(hex)));
    const n2 = await watch({ sender: 'charlie', nonce: 2 });
    const n1 = await submit({ sender: 'charlie', nonce: 1 });
    expect(pool.status()).toMatchObject({ ready: 0, future: 2 });
    expect(readyEvents).toEqual([]);
    const n0 = await submit({ sender: 'charlie', nonce: 0 });
    expect(pool.status()).toMatchObject({ ready: 3, future: 0 });
    expect(order(pool)).toEqual(['charlie:0', 'charlie:1', 'charlie:2']);
    expect(n2.seen).toEqual(['future', 'ready']);
    expect(readyEvents).toEqual([[hex(n0), hex(n1), hex(n2.hash)]]);
  });

  it('deduplicates: 1013 for a transaction already in the pool, even when submitted concurrently', async () => {
    const { pool, chain } = setup();
    const a = xt({ sender: 'alice', nonce: 0 });
    await pool.submit(a, chain.head);
    const e = await rejection(pool.submit(a, chain.head));
    expect([e.code, e.message, e.data]).toEqual([1013, 'Transaction Already Imported', 'Any { .. }']);
    const b = xt({ sender: 'bob', nonce: 0 });
    const both = await Promise.allSettled([pool.submit(b, chain.head), pool.submit(b, chain.head)]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason.code).toBe(1013);
    expect(pool.status()).toMatchObject({ ready: 2, future: 0 });
  });

  it('a transaction included in a block while it was being validated does not enter the pool', async () => {
    const { pool, chain, importBlock } = setup();
    let release!: () => void;
    chain.gate = new Promise((r) => { release = r; });
    const a = xt({ sender: 'alice', nonce: 0 });
    const pending = pool.submit(a, chain.head);
    chain.gate = undefined;
    await importBlock([a]); // another node's block carried it
    release();
    const e = await rejection(pending);
    expect(e.code).toBe(1012);
    expect(pool.status()).toMatchObject({ ready: 0, future: 0 });
  });
});

describe('replacement by priority', () => {
  it('a strictly higher priority usurps; equal or lower gets 1014', async () => {
    const { pool, submit, watch } = setup();
    const old = await watch({ sender: 'alice', nonce: 0, tip: 5 });
    const dependent = await submit({ sender: 'alice', nonce: 1, tip: 1 });
    const e1 = await rejection(submit({ sender: 'alice', nonce: 0, tip: 5, pad: 'same' }));
    expect([e1.code, e1.message, e1.data]).toEqual([1014, 'Priority is too low: (5 vs 5)', 'The transaction has too low priority to replace another transaction already in the pool.']);
    const e2 = await rejection(submit({ sender: 'alice', nonce: 0, tip: 2 }));
    expect(e2.message).toBe('Priority is too low: (5 vs 2)');
    const replacement = await submit({ sender: 'alice', nonce: 0, tip: 9 });
    expect(old.seen).toEqual(['ready', { usurped: hex(replacement) }]);
    expect(old.watcher.closed).toBe(true);
    expect(pool.has(old.hash)).toBe(false);
    // the dependent stays ready: the replacement provides the same tag
    expect(pool.ready().map((t) => hex(t.hash))).toEqual([hex(replacement), hex(dependent)]);
  });

  it('also replaces a future transaction providing the same tag', async () => {
    const { pool, submit } = setup();
    const low = await submit({ sender: 'bob', nonce: 3, tip: 1 });
    await submit({ sender: 'bob', nonce: 3, tip: 2 });
    expect(pool.has(low)).toBe(false);
    expect(pool.status()).toMatchObject({ ready: 0, future: 1 });
  });
});

describe('limits', () => {
  it('evicts the lowest priority ready transaction, or refuses the newcomer with 1016 and bans it', async () => {
    const { pool, submit, watch } = setup({ readyLimit: { count: 3, bytes: 1 << 20 } });
    const five = await watch({ sender: 'a', nonce: 0, tip: 5 });
    await submit({ sender: 'b', nonce: 0, tip: 6 });
    await submit({ sender: 'c', nonce: 0, tip: 7 });
    const e = await rejection(submit({ sender: 'd', nonce: 0, tip: 1 }));
    expect([e.code, e.message, e.data]).toEqual([1016, 'Immediately Dropped', "The transaction couldn't enter the pool because of the limit"]);
    expect(pool.status()).toMatchObject({ ready: 3 });
    expect((await rejection(submit({ sender: 'd', nonce: 0, tip: 1 }))).code).toBe(1012);
    await submit({ sender: 'e', nonce: 0, tip: 9 });
    expect(five.seen).toEqual(['ready', 'dropped']);
    expect(order(pool)).toEqual(['e:0', 'c:0', 'b:0']);
  });

  it('drops the oldest of equal priorities, and dependents leave with their provider', async () => {
    const { pool, submit } = setup({ readyLimit: { count: 3, bytes: 1 << 20 } });
    await submit({ sender: 'a', nonce: 0, tip: 1 });
    await submit({ sender: 'a', nonce: 1, tip: 100 });
    await submit({ sender: 'b', nonce: 0, tip: 1 });
    await submit({ sender: 'c', nonce: 0, tip: 1 });
    expect(order(pool)).toEqual(['b:0', 'c:0']);
  });

  it('enforces byte limits and evicts the oldest future transaction first', async () => {
    const { pool, submit, advance } = setup({ futureLimit: { count: 2, bytes: 1 << 20 }, readyLimit: { count: 100, bytes: 200 } });
    const first = await submit({ sender: 'x', nonce: 5 });
    advance(10);
    await submit({ sender: 'y', nonce: 5 });
    advance(10);
    await submit({ sender: 'z', nonce: 5 });
    expect(pool.has(first)).toBe(false);
    expect(pool.status()).toMatchObject({ future: 2 });
    await submit({ sender: 'p', nonce: 0, tip: 2, pad: 'x'.repeat(100) });
    const e = await rejection(submit({ sender: 'q', nonce: 0, tip: 1, pad: 'x'.repeat(100) }));
    expect(e.code).toBe(1016);
    expect(pool.status().readyBytes).toBeLessThanOrEqual(200);
  });

  it('refuses oversized extrinsics before validating them', async () => {
    const { chain, submit } = setup({ maxTxBytes: 64 });
    const e = await rejection(submit({ sender: 'a', nonce: 0, pad: 'x'.repeat(100) }));
    expect([e.code, e.message, e.data]).toEqual([1010, 'Invalid Transaction', 'Transaction would exhaust the block limits']);
    expect(chain.calls).toEqual([]);
  });
});

describe('bans', () => {
  it('bans included transactions until the ban expires', async () => {
    const { pool, submit, importBlock, advance } = setup({ banTimeMs: 60_000 });
    const a = xt({ sender: 'alice', nonce: 0 });
    await submit(decode(a));
    await importBlock([a]);
    expect(pool.status()).toMatchObject({ ready: 0, future: 0 });
    const banned = await rejection(submit(decode(a)));
    expect([banned.code, banned.message, banned.data]).toEqual([1012, 'Transaction is temporarily banned', undefined]);
    advance(60_001);
    const stale = await rejection(submit(decode(a)));
    expect([stale.code, stale.data]).toEqual([1010, 'Transaction is outdated']);
  });

  it('remove() marks invalid, takes ready dependents along, bans the named ones', async () => {
    const { pool, submit, watch, advance } = setup();
    const a0 = await watch({ sender: 'alice', nonce: 0 });
    const a1 = await watch({ sender: 'alice', nonce: 1 });
    const b0 = await submit({ sender: 'bob', nonce: 0 });
    const removed = pool.remove([a0.hash]);
    expect(removed.map(hex)).toEqual([hex(a0.hash), hex(a1.hash)]);
    expect(a0.seen).toEqual(['ready', 'invalid']);
    expect(a1.seen).toEqual(['ready', 'invalid']);
    expect(pool.ready().map((t) => hex(t.hash))).toEqual([hex(b0)]);
    expect((await rejection(submit({ sender: 'alice', nonce: 0 }))).code).toBe(1012);
    await submit({ sender: 'alice', nonce: 1 }); // only named hashes are banned
    advance(30 * 60 * 1000);
    await submit({ sender: 'alice', nonce: 0 });
    expect(order(pool)).toEqual(['bob:0', 'alice:0', 'alice:1']);
  });

  it('an invalid transaction is banned; one of unknown validity is not', async () => {
    const { submit } = setup();
    const bad: FakeTx = { sender: 'a', nonce: 0, error: { type: 'Invalid', kind: 'BadProof' } };
    expect((await rejection(submit(bad))).data).toBe('Transaction has a bad signature');
    expect((await rejection(submit(bad))).code).toBe(1012);
    const unknown: FakeTx = { sender: 'a', nonce: 0, error: { type: 'Unknown', kind: 'CannotLookup' } };
    expect((await rejection(submit(unknown))).data).toBe('CannotLookup');
    expect((await rejection(submit(unknown))).code).toBe(1011);
  });
});

describe('validity errors', () => {
  it('map to the RPC codes and texts of polkadot-sdk', () => {
    const inv = (kind: any, custom?: number) => validityError({ type: 'Invalid', kind, custom });
    expect([inv('Payment').code, inv('Payment').message, inv('Payment').data]).toEqual([1010, 'Invalid Transaction', 'Inability to pay some fees (e.g. account balance too low)']);
    expect(inv('Future').data).toBe('Transaction will be valid in the future');
    expect(inv('Call').data).toBe('Transaction call is not expected');
    expect(inv('AncientBirthBlock').data).toBe('Transaction has an ancient birth block');
    expect(inv('MandatoryValidation').data).toBe('Transaction dispatch is mandatory; transactions must not be validated.');
    expect(inv('BadMandatory').data).toBe('A call was labelled as mandatory, but resulted in an Error.');
    expect(inv('BadSigner').data).toBe('Invalid signing address');
    expect(inv('Custom', 7).data).toBe('Custom error: 7');
    const unk = validityError({ type: 'Unknown', kind: 'Custom', custom: 3 });
    expect([unk.code, unk.message, unk.data]).toEqual([1011, 'Unknown Transaction Validity', 'Custom(3)']);
    expect(validityError({ type: 'Unknown', kind: 'NoUnsignedValidator' }).data).toBe('NoUnsignedValidator');
  });

  it('a throwing or malformed validator gives 1011 and leaves the pool untouched', async () => {
    const { pool, submit, chain } = setup();
    await submit({ sender: 'alice', nonce: 0 });
    const before = { status: pool.status(), pending: pool.pendingExtrinsics().map(hex) };
    const e = await rejection(submit({ sender: 'bob', nonce: 0, throws: true }));
    expect([e.code, e.message, e.data]).toEqual([1011, 'Unknown Transaction Validity', 'boom: runtime trapped']);
    expect((await rejection(submit({ sender: 'bob', nonce: 0, throws: true }))).code).toBe(1011); // not banned
    const weird = new TransactionPool({ validate: () => ({ ok: true, valid: { priority: 1 } as any }), hash: blake2_256 });
    expect((await rejection(weird.submit(xt({ sender: 'a', nonce: 0 }), chain.head))).code).toBe(1011);
    expect(weird.status()).toMatchObject({ ready: 0, future: 0 });
    const broken = new TransactionPool({ validate: () => undefined as any, hash: blake2_256 });
    expect((await rejection(broken.submit(xt({ sender: 'a', nonce: 0 }), chain.head))).data).toBe('validator returned a malformed Validity');
    expect({ status: pool.status(), pending: pool.pendingExtrinsics().map(hex) }).toEqual(before);
    const noTags = await rejection(submit({ sender: 'carol', nonce: 0, noTags: true }));
    expect([noTags.code, noTags.message]).toEqual([1019, 'No tags provided']);
  });
});

describe('block import and revalidation', () => {
  it('drops transactions made stale by a block and promotes those it unblocked', async () => {
    const { pool, watch, importBlock } = setup();
    const a0 = await watch({ sender: 'alice', nonce: 0, tip: 1 });
    const a1 = await watch({ sender: 'alice', nonce: 1, tip: 1 });
    const c1 = await watch({ sender: 'carol', nonce: 1 });
    // a different alice:0 (never seen by the pool) and carol:0 get included
    await importBlock([xt({ sender: 'alice', nonce: 0, tip: 50, pad: 'other' }), xt({ sender: 'carol', nonce: 0 })]);
    expect(a0.seen).toEqual(['ready', 'invalid']);
    expect(a1.seen).toEqual(['ready']);
    expect(c1.seen).toEqual(['future', 'ready']);
    expect(order(pool)).toEqual(['alice:1', 'carol:1']);
    expect((await rejection(pool.submit(xt({ sender: 'alice', nonce: 0, tip: 1 }), { hash: new Uint8Array(32), number: 1 }))).code).toBe(1012);
  });

  it('keeps dependents of included transactions ready, and counts metrics', async () => {
    const { pool, submit, watch, importBlock } = setup();
    const a0 = xt({ sender: 'alice', nonce: 0 });
    await submit(decode(a0));
    const a1 = await watch({ sender: 'alice', nonce: 1 });
    await importBlock([a0, xt({ sender: 'inherent', nonce: 0 })]);
    expect(order(pool)).toEqual(['alice:1']);
    expect(a1.seen).toEqual(['ready']); // never bounced to future while the block was pruned
    expect(pool.metrics()).toMatchObject({ submitted: 2, validationsScheduled: 3, validationsFinished: 3, blockTransactionsPruned: 2, ready: 1, future: 0 });
  });

  it('revalidation drops a transaction whose validator now throws, keeps one of unknown validity', async () => {
    let mode: 'ok' | 'throw' | 'unknown' = 'ok';
    const pool = new TransactionPool({
      hash: blake2_256,
      validate: (b) => {
        const t = decode(b);
        if (mode === 'throw' && t.sender === 'x') throw new Error('trap');
        if (mode === 'unknown' && t.sender === 'y') return { ok: false, error: { type: 'Unknown', kind: 'CannotLookup' } };
        return { ok: true, valid: { priority: 0n, requires: [], provides: [tag(t.sender, t.nonce)], longevity: 64n, propagate: true } };
      },
    });
    const at = { hash: new Uint8Array(32), number: 0 };
    const x = await pool.submit(xt({ sender: 'x', nonce: 0 }), at);
    const y = await pool.submit(xt({ sender: 'y', nonce: 0 }), at);
    mode = 'throw';
    await pool.onBlockImported({ hash: new Uint8Array(32).fill(1), number: 1, extrinsics: [] }, { hash: new Uint8Array(32).fill(1), number: 1 });
    expect([pool.has(x), pool.has(y)]).toEqual([false, true]);
    mode = 'unknown';
    await pool.onBlockImported({ hash: new Uint8Array(32).fill(2), number: 2, extrinsics: [] }, { hash: new Uint8Array(32).fill(2), number: 2 });
    expect(pool.has(y)).toBe(true);
  });

  it('serialises concurrent onBlockImported calls and revalidates submissions that raced them', async () => {
    const { pool, chain, submit } = setup();
    await submit({ sender: 'alice', nonce: 0 });
    await submit({ sender: 'bob', nonce: 0 });
    let release!: () => void;
    chain.gate = new Promise((r) => { release = r; });
    const b1 = chain.block([], 'one');
    const b2 = chain.block([], 'two');
    chain.calls.length = 0;
    const first = pool.onBlockImported(b1.block, b1.at);
    const second = pool.onBlockImported(b2.block, b2.at);
    const finality = pool.onFinalized([b1.block.hash, b2.block.hash]);
    // a submission validated at block 0 while maintenance runs
    const late = pool.submit(xt({ sender: 'carol', nonce: 0 }), { hash: new Uint8Array(32), number: 0 });
    await new Promise((r) => setTimeout(r, 10));
    expect(chain.calls.map((c) => c.at).sort()).toEqual([0, 1]); // block 2 waits for block 1
    chain.gate = undefined;
    release();
    await Promise.all([first, second, finality, late]);
    const atOne = chain.calls.filter((c) => c.at === 1).map((c) => c.tx);
    const atTwo = chain.calls.filter((c) => c.at === 2).map((c) => c.tx);
    expect(atOne).toEqual(['alice:0', 'bob:0', 'carol:0']); // carol, validated at block 0, gets a second pass
    expect(atTwo).toEqual(['alice:0', 'bob:0', 'carol:0']);
    const firstAtTwo = chain.calls.findIndex((c) => c.at === 2);
    expect(chain.calls.slice(firstAtTwo).every((c) => c.at === 2)).toBe(true);
    expect(pool.status()).toMatchObject({ ready: 3 });
  });
});

describe('watchers', () => {
  it('ready → inBlock → finalized, and the first status reaches a listener added after submit resolves', async () => {
    const { pool, chain, importBlock } = setup();
    const a = xt({ sender: 'alice', nonce: 0 });
    const { hash, watcher } = await pool.submitAndWatch(a, chain.head);
    const seen: TxStatus[] = [];
    watcher.on((s) => seen.push(s));
    expect(seen).toEqual(['ready']);
    pool.broadcast(hash, ['12D3KooWpeer']);
    const b = await importBlock([a]);
    await pool.onFinalized([b.hash]);
    expect(seen).toEqual(['ready', { broadcast: ['12D3KooWpeer'] }, { inBlock: hex(b.hash) }, { finalized: hex(b.hash) }]);
    expect(watcher.closed).toBe(true);
  });

  it('finalizing a descendant list finalizes transactions of every listed block', async () => {
    const { importBlock, watch, pool } = setup();
    const a = await watch({ sender: 'alice', nonce: 0 });
    const b = await watch({ sender: 'bob', nonce: 0 });
    const b1 = await importBlock([xt({ sender: 'alice', nonce: 0 })]);
    const b2 = await importBlock([xt({ sender: 'bob', nonce: 0 })]);
    await pool.onFinalized([b1.hash, b2.hash]);
    expect(a.seen.at(-1)).toEqual({ finalized: hex(b1.hash) });
    expect(b.seen.at(-1)).toEqual({ finalized: hex(b2.hash) });
  });

  it('retracted then re-included', async () => {
    const { pool, chain, watch, importBlock } = setup();
    const a = xt({ sender: 'alice', nonce: 0 });
    const w = await watch(decode(a));
    const b1 = await importBlock([a], 'fork A');
    // the fork switches: block 1 leaves the best chain, its state with it
    chain.nonces.clear();
    chain.number = 0;
    await pool.onRetracted(b1, chain.head);
    expect(pool.has(w.hash)).toBe(true);
    const b1b = await importBlock([a], 'fork B');
    await pool.onFinalized([b1b.hash]);
    expect(w.seen).toEqual(['ready', { inBlock: hex(b1.hash) }, { retracted: hex(b1.hash) }, 'ready', { inBlock: hex(b1b.hash) }, { finalized: hex(b1b.hash) }]);
    expect(pool.metrics().blockTransactionsResubmitted).toBe(1);
  });

  it('a retracted transaction already included on the new best chain is not resubmitted', async () => {
    const { pool, chain, watch } = setup();
    const a = xt({ sender: 'alice', nonce: 0 });
    const w = await watch(decode(a));
    const forkA = chain.block([a], 'fork A');
    await pool.onBlockImported(forkA.block, forkA.at);
    chain.number = 0;
    const forkB = chain.block([a], 'fork B'); // the new best chain carries it too, announced first
    await pool.onBlockImported(forkB.block, forkB.at);
    await pool.onRetracted(forkA.block, forkB.at);
    expect(pool.has(w.hash)).toBe(false);
    await pool.onFinalized([forkB.block.hash]);
    const [bA, bB] = [hex(forkA.block.hash), hex(forkB.block.hash)];
    expect(w.seen).toEqual(['ready', { inBlock: bA }, { inBlock: bB }, { retracted: bA }, { finalized: bB }]);
  });

  it('a retracted transaction that the enacted blocks include is neither resubmitted nor invalid (retraction first)', async () => {
    const { pool, chain, watch } = setup();
    const a = xt({ sender: 'alice', nonce: 0 });
    const w = await watch(decode(a));
    const forkA = chain.block([a], 'fork A');
    await pool.onBlockImported(forkA.block, forkA.at);
    chain.number = 0;
    const forkB = chain.block([a], 'fork B');
    chain.nonces.set('alice', 1); // at the new best block, nonce 0 is used: resubmitting would be stale
    await pool.onRetracted(forkA.block, forkB.at, new Set([hex(w.hash)]));
    expect(pool.has(w.hash)).toBe(false);
    await pool.onBlockImported(forkB.block, forkB.at);
    await pool.onFinalized([forkB.block.hash]);
    const [bA, bB] = [hex(forkA.block.hash), hex(forkB.block.hash)];
    expect(w.seen).toEqual(['ready', { inBlock: bA }, { retracted: bA }, { inBlock: bB }, { finalized: bB }]);
  });

  it('a retracted transaction that is invalid on the new chain ends with invalid', async () => {
    const { pool, chain, watch, importBlock } = setup();
    const a = xt({ sender: 'alice', nonce: 0 });
    const w = await watch(decode(a));
    const b1 = await importBlock([a]);
    chain.nonces.set('alice', 1); // the other fork also used alice's nonce 0
    await pool.onRetracted(b1, chain.head);
    expect(w.seen).toEqual(['ready', { inBlock: hex(b1.hash) }, { retracted: hex(b1.hash) }, 'invalid']);
    expect(pool.has(w.hash)).toBe(false);
  });

  it('times out finality after too many blocks awaiting it', async () => {
    const { watch, importBlock } = setup({ maxFinalityWatchers: 2 });
    const a = await watch({ sender: 'alice', nonce: 0 });
    const b1 = await importBlock([xt({ sender: 'alice', nonce: 0 })]);
    await importBlock([]); // empty blocks wait for nothing
    await importBlock([xt({ sender: 'bob', nonce: 0 })]);
    expect(a.seen.at(-1)).toEqual({ inBlock: hex(b1.hash) });
    await importBlock([xt({ sender: 'carol', nonce: 0 })]);
    expect(a.seen.at(-1)).toEqual({ finalityTimeout: hex(b1.hash) });
    expect(a.watcher.closed).toBe(true);
  });

  it('can be consumed as an async iterator and closed by the subscriber', async () => {
    const { pool, chain, importBlock } = setup();
    const a = xt({ sender: 'alice', nonce: 0 });
    const { watcher } = await pool.submitAndWatch(a, chain.head);
    const collected: TxStatus[] = [];
    const done = (async () => { for await (const s of watcher as Watcher) collected.push(s); })();
    const b = await importBlock([a]);
    await pool.onFinalized([b.hash]);
    await done;
    expect(collected).toEqual(['ready', { inBlock: hex(b.hash) }, { finalized: hex(b.hash) }]);

    const other = await pool.submitAndWatch(xt({ sender: 'bob', nonce: 0 }), chain.head);
    const seen: TxStatus[] = [];
    other.watcher.on((s) => seen.push(s));
    other.watcher.close();
    pool.broadcast(other.hash, ['peer']);
    expect(seen).toEqual(['ready']);
    expect(pool.has(other.hash)).toBe(true); // closing a watcher does not remove the transaction
  }, 2000);
});
