// Storing decoded blocks and rolling back a retracted fork, on PGlite (in memory) and on a real PostgreSQL 15.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, type Database } from '../src/db.ts';
import { backends } from '../../test/helpers/backends.ts';
import type { DecodedBlock } from '../src/decode.ts';
import type { DomainRows } from '../src/domain.ts';
import { concatBatches, insertBatch, insertBlocks, markFinalized, prepareBatch, rollbackFrom, tip } from '../src/store.ts';

const A = '5GrwvaF2PXDFhX2kaE7qMDWvrcbjpWBkVtbqCWEhYcvK1v7m';
const B = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const C = '5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y';
const hash = (n: number, fork = 0) => `0x${(n * 16 + fork).toString(16).padStart(64, '0')}`;

/** Block `n` in which `from` sends `amount` to `to`. */
function block(n: number, from: string, to: string, amount: string, fork = 0, domain: DomainRows = { snapshots: [], rows: [] }): DecodedBlock {
  return {
    block: {
      number: n, hash: hash(n, fork), parentHash: n ? hash(n - 1, n > 1 ? fork : 0) : hash(0, 15), stateRoot: hash(0, 1), extrinsicsRoot: hash(0, 2),
      author: A, timestamp: new Date(1_700_000_000_000 + n * 2000), specVersion: 100, extrinsicCount: 1, eventCount: 1,
    },
    extrinsics: [{ index: 0, hash: hash(n, 9), signer: from, pallet: 'balances', call: 'transferKeepAlive', args: { value: amount }, fee: '123', tip: '0', success: true, error: null }],
    events: [{ index: 0, phase: 'ApplyExtrinsic', extrinsicIndex: 0, pallet: 'balances', name: 'Transfer', data: { from, to, amount } }],
    transfers: [{ eventIndex: 0, extrinsicIndex: 0, from, to, amount }],
    domain,
  };
}

let db: Database;

const counts = async () => (await db.query(`SELECT (SELECT count(*)::int FROM blocks) AS blocks, (SELECT count(*)::int FROM extrinsics) AS extrinsics,
  (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM transfers) AS transfers`))[0];
const accounts = async () => db.query('SELECT address, last_seen_block FROM accounts ORDER BY address');

describe.each(backends())('store on $name', (backend) => {
  beforeEach(async () => { db = await (await backend.create()).open(); await migrate(db); });
  afterEach(() => db.close());

  it('keeps u128 amounts exact and records when accounts were last seen', async () => {
    const huge = (2n ** 127n + 1n).toString();
    await insertBlocks(db, [block(0, A, B, '1'), block(1, A, C, huge)]);
    expect(await db.query('SELECT amount::text FROM transfers ORDER BY block_number')).toEqual([{ amount: '1' }, { amount: huge }]);
    expect(await accounts()).toEqual([{ address: B, last_seen_block: 0 }, { address: A, last_seen_block: 1 }, { address: C, last_seen_block: 1 }].sort((x, y) => x.address < y.address ? -1 : 1));
    expect(await tip(db)).toEqual({ number: 1, hash: hash(1) });
  });

  it('a batch prepared in parts (as by the decoding threads) stores what it stores in one piece', async () => {
    const blocks = [block(0, A, B, '1'), block(1, B, C, '2'), block(2, A, C, '3'), block(3, C, B, '4')];
    const dump = async () => ({ counts: await counts(), accounts: await accounts(), tip: await tip(db) });
    await insertBatch(db, concatBatches([prepareBatch(blocks.slice(0, 2)), prepareBatch(blocks.slice(2))]));
    const parts = await dump();
    await db.exec('TRUNCATE blocks, accounts CASCADE');
    await insertBlocks(db, blocks);
    expect(parts).toEqual(await dump());
    expect(parts.accounts).toEqual([{ address: A, last_seen_block: 2 }, { address: B, last_seen_block: 3 }, { address: C, last_seen_block: 3 }]
      .sort((x, y) => x.address < y.address ? -1 : 1));
  });

  it('blocks up to the finalized height given to prepareBatch are stored finalized, the others not', async () => {
    await insertBatch(db, prepareBatch([block(0, A, B, '1'), block(1, A, B, '1'), block(2, A, B, '1')], 1));
    expect(await db.query('SELECT number, finalized FROM blocks ORDER BY number'))
      .toEqual([{ number: 0, finalized: true }, { number: 1, finalized: true }, { number: 2, finalized: false }]);
  });

  it('text and JSON with tabs, newlines, backslashes, quotes and non-ASCII come back as they went in (COPY escaping)', async () => {
    const odd = 'tab\there\nline\r\\N back\\slash "quoted" ünïcødé 🙂 \\t';
    const b = block(0, A, B, '1');
    b.extrinsics[0] = { ...b.extrinsics[0], signer: null, error: odd, success: false, args: { remark: odd, nested: [odd, { k: odd }], n: 2n ** 70n } };
    b.events[0] = { ...b.events[0], extrinsicIndex: null, data: [odd, null, 7] };
    await insertBlocks(db, [b]);
    const [x] = await db.query('SELECT signer, error, args FROM extrinsics');
    expect(x).toEqual({ signer: null, error: odd, args: { remark: odd, nested: [odd, { k: odd }], n: (2n ** 70n).toString() } });
    expect(await db.query('SELECT extrinsic_index, data FROM events')).toEqual([{ extrinsic_index: null, data: [odd, null, 7] }]);
  });

  it('a batch with a duplicate block stores nothing of the batch', async () => {
    await insertBlocks(db, [block(0, A, B, '1')]);
    await expect(insertBlocks(db, [block(1, A, B, '2'), block(0, A, B, '1')])).rejects.toThrow();
    expect(await counts()).toEqual({ blocks: 1, extrinsics: 1, events: 1, transfers: 1 });
  });

  it('rolls back a retracted fork with its rows and accounts; refuses to touch finalized blocks', async () => {
    await insertBlocks(db, [block(0, A, B, '1'), block(1, B, C, '2'), block(2, C, A, '3'), block(3, C, B, '4')]);
    await markFinalized(db, 1);
    await rollbackFrom(db, 2);
    expect(await counts()).toEqual({ blocks: 2, extrinsics: 2, events: 2, transfers: 2 });
    const seen = Object.fromEntries((await accounts()).map((r) => [r.address, r.last_seen_block]));
    expect(seen).toEqual({ [A]: 0, [B]: 1, [C]: 1 });
    // the canonical blocks of the other fork take the heights back
    await insertBlocks(db, [block(2, A, C, '5', 1)]);
    expect((await db.query('SELECT hash FROM blocks WHERE number = 2'))[0].hash).toBe(hash(2, 1));
    await expect(rollbackFrom(db, 1)).rejects.toThrow(/finalized/);
    expect(await counts()).toEqual({ blocks: 3, extrinsics: 3, events: 3, transfers: 3 });
  });

  it('domain snapshots: the newest is the current state; a rollback restores the previous one; a removed node keeps its fields', async () => {
    const node = (bond: string) => ({ operator: A, kind: 'Storage', peer_id: '0x00', bond, status: 'Active', unbonding_until: null, registered: 0,
      last_heartbeat: null, era_points: 0, total_points: '0', earned: '0' });
    const snap = (row: Record<string, unknown> | null): DomainRows => ({ snapshots: [{ table: 'node_snapshots', id: '7', row }], rows: [] });
    await insertBlocks(db, [block(0, A, B, '1', 0, snap(node('10'))), block(1, A, B, '1', 0, snap(node('25')))]);
    await markFinalized(db, 0);
    const current = async () => db.query('SELECT id, block_number, bond::text, status FROM nodes');
    expect(await current()).toEqual([{ id: 7, block_number: 1, bond: '25', status: 'Active' }]);
    await insertBlocks(db, [block(2, A, B, '1', 0, snap(null))]);
    expect(await current()).toEqual([{ id: 7, block_number: 2, bond: '25', status: 'Withdrawn' }]);
    await rollbackFrom(db, 1);
    expect(await current()).toEqual([{ id: 7, block_number: 0, bond: '10', status: 'Active' }]);
    expect((await db.query('SELECT count(*)::int AS n FROM node_snapshots'))[0].n).toBe(1);
  });
});
