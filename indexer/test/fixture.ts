// Shared by the API unit tests: an in-memory PGlite with a few chain and domain rows inserted directly, and an API server on
// 127.0.0.1 (a free port) over it.
import { afterAll, beforeAll } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { devAccount } from '@slmnet/client';
import { createApp, listen, type ApiOptions } from '../src/api.ts';
import { migrate, openPglite, type Database } from '../src/db.ts';
import type { Backend } from '../../test/helpers/backends.ts';

export const alice = devAccount('Alice').address;
export const bob = devAccount('Bob').address;
export const charlie = devAccount('Charlie').address;
export const dave = devAccount('Dave').address;
export const hex = (byte: number) => `0x${byte.toString(16).padStart(2, '0').repeat(32)}`;
export const hash = (n: number) => hex(0x10 + n);

/** Fills `empty` (default: a new in-memory PGlite): blocks 0..4 (0..2 finalized); extrinsics, events and transfers in 1..3; a datanet, a contribution, a model, an inference and a node. */
export async function fixtureDb(empty?: Database): Promise<Database> {
  const db = empty ?? await openPglite();
  await migrate(db);
  for (let n = 0; n <= 4; n++) {
    // timestamps run backwards from block 1 on, so that sorting by timestamp differs from sorting by number
    await db.query(`INSERT INTO blocks (number, hash, parent_hash, state_root, extrinsics_root, author, timestamp, spec_version, finalized, extrinsic_count, event_count)
      VALUES ($1, $2, $3, $4, $4, $5, $6, 100, $7, $8, $9)`,
    [n, hash(n), n ? hash(n - 1) : hex(0), hex(0xee), n ? alice : null, n ? new Date(Date.UTC(2026, 0, 10 - n)) : null, n <= 2, n === 0 ? 0 : (n % 2) + 1, n === 0 ? 0 : n + 1]);
  }
  const ext = (block: number, index: number, h: string, signer: string | null, pallet: string, call: string, fee: string | null, success = true) =>
    db.query(`INSERT INTO extrinsics (block_number, index, hash, signer, pallet, call, args, fee, tip, success, error) VALUES ($1, $2, $3, $4, $5, $6, '{}', $7, $8, $9, $10)`,
      [block, index, h, signer, pallet, call, fee, fee === null ? null : '0', success, success ? null : 'Sudo.RequireSudo']);
  for (const b of [1, 2, 3]) await ext(b, 0, hex(0xa0), null, 'timestamp', 'set', null); // the same unsigned extrinsic hash in 3 blocks
  await ext(1, 1, hex(0xb1), alice, 'balances', 'transferKeepAlive', '300');
  await ext(3, 1, hex(0xb3), bob, 'sudo', 'sudo', '100', false);
  await ext(3, 2, hex(0xb4), bob, 'balances', 'transferKeepAlive', '300');
  const ev = (block: number, index: number, pallet: string, name: string) =>
    db.query(`INSERT INTO events (block_number, index, phase, extrinsic_index, pallet, name, data) VALUES ($1, $2, 'ApplyExtrinsic', 0, $3, $4, '{}')`, [block, index, pallet, name]);
  await ev(1, 0, 'system', 'ExtrinsicSuccess');
  await ev(1, 1, 'balances', 'Transfer');
  await ev(2, 0, 'system', 'ExtrinsicSuccess');
  await ev(3, 0, 'system', 'ExtrinsicSuccess');
  await ev(3, 1, 'balances', 'Transfer');
  await db.query(`INSERT INTO transfers (block_number, event_index, extrinsic_index, from_address, to_address, amount) VALUES (1, 1, 1, $1, $2, 1000), (3, 1, 2, $2, $3, 5)`, [alice, bob, charlie]);
  await db.query('INSERT INTO accounts (address, last_seen_block) VALUES ($1, 1), ($2, 3), ($3, 3)', [alice, bob, charlie]);
  // domain: datanet 3 "Medical Q&A" (an older snapshot named differently), datanet 4 "medicine_100%", model 1, contribution 12, inference 4, node 2
  const datanet = (id: number, block: number, latest: boolean, name: string) => db.query(`INSERT INTO datanet_snapshots (id, block_number, latest, owner, name, metadata, tags, kind, license, policy,
      contribution_deposit, status, created, latest_version, contributions, accepted, accepted_bytes, curators)
      VALUES ($1, $2, $3, $4, $5, '', '[]', 'Text', 'CC-BY', 'Open', 0, 'Active', 1, 0, 1, 1, 10, '[]')`, [id, block, latest, alice, name]);
  await datanet(3, 1, false, 'Old name');
  await datanet(3, 2, true, 'Medical Q&A');
  await datanet(4, 2, true, 'medicine_100%');
  await db.query(`INSERT INTO contribution_snapshots (id, block_number, latest, datanet_id, contributor, content_hash, size, chunks_root, metadata, license, status, deposit, submitted)
    VALUES (12, 2, true, 3, $1, $2, 10, $2, '', 'CC-BY', 'Accepted', 0, 2)`, [dave, hex(0xc1)]);
  await db.query(`INSERT INTO model_snapshots (id, block_number, latest, developer, name, metadata, kind, training_set, manifest_hash, base_fee, per_token_fee,
      developer_ppm, contributors_ppm, protocol_ppm, operators, status, registered, inferences, revenue, training_bytes)
    VALUES (1, 2, true, $1, 'MedBot small', '', 'Slm', '[]', $2, 1, 1, 500000, 400000, 100000, '[]', 'Active', 2, 1, 0, 10)`, [alice, hex(0xd0)]);
  await db.query(`INSERT INTO inference_snapshots (id, block_number, latest, model_id, consumer, input_hash, max_fee, fee, output_hash, tokens_in, tokens_out, status, requested, deadline)
    VALUES (4, 3, true, 1, $1, $2, 10, 5, $3, 3, 4, 'Settled', 3, 100)`, [bob, hex(0xe1), hex(0xe2)]);
  await db.query(`INSERT INTO node_snapshots (id, block_number, latest, operator, kind, peer_id, bond, status, registered, era_points, total_points, earned)
    VALUES (2, 3, true, $1, 'Storage', $2, 100, 'Active', 3, 0, 0, 0)`, [charlie, hex(0xf0)]);
  return db;
}

export interface TestServer { url: string; server: Server; close(): Promise<void> }

/** The API over `db` on 127.0.0.1 (a free port). */
export async function serve(db: Database, opts: ApiOptions = {}): Promise<TestServer> {
  const status = { best: 4, finalized: 2, connected: true };
  const server = await listen(createApp(db, status, opts), 0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise<void>((r) => { server.close(() => r()); server.closeAllConnections(); }),
  };
}

export async function getJson(url: string): Promise<{ status: number; body: any; headers: Headers }> {
  const r = await fetch(url);
  return { status: r.status, body: await r.json(), headers: r.headers };
}

/** Registers the suite's beforeAll/afterAll: the fixture on a new database of `backend`, served; the handles are set by the tests. */
export function useFixtureApi(backend: Backend): { db: Database; api: TestServer } {
  const h = {} as { db: Database; api: TestServer };
  beforeAll(async () => {
    h.db = await fixtureDb(await (await backend.create()).open());
    h.api = await serve(h.db);
  }, 60_000);
  afterAll(async () => {
    await h.api?.close();
    await h.db?.close();
  });
  return h;
}
