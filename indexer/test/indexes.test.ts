// Deferring the chain tables' secondary indexes for a long catch-up and building them again, on PGlite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, type Database } from '../src/db.ts';
import { deferIndexes, restoreIndexes } from '../src/indexes.ts';
import { backends } from '../../test/helpers/backends.ts';

let db: Database;
const indexes = () => db.query<{ tablename: string; indexname: string; indexdef: string }>(
  "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname");
const deferred = () => db.query('SELECT name FROM deferred_indexes ORDER BY name');

describe.each(backends())('deferred indexes on $name', (backend) => {
  beforeEach(async () => { db = await (await backend.create()).open(); await migrate(db); });
  afterEach(() => db.close());

  it('drops only the secondary indexes of extrinsics and transfers, records them, and builds the same ones again', async () => {
    const all = await indexes();
    const secondary = ['extrinsics_call', 'extrinsics_hash', 'extrinsics_signer', 'transfers_from', 'transfers_to'];
    expect(await deferIndexes(db)).toBe(5);
    const left = await indexes();
    expect(all.filter((i) => !left.some((l) => l.indexname === i.indexname)).map((i) => i.indexname)).toEqual(secondary);
    // primary keys and unique constraints stay: they keep the rows consistent
    expect(left.filter((i) => ['events', 'extrinsics', 'transfers'].includes(i.tablename)).map((i) => i.indexname))
      .toEqual(['events_name', 'events_pkey', 'extrinsics_pkey', 'transfers_pkey']);
    expect((await deferred()).map((r) => r.name)).toEqual(secondary);
    // deferring again (a restart during the catch-up) changes nothing
    expect(await deferIndexes(db)).toBe(0);
    expect(await deferred()).toHaveLength(5);

    const lines: string[] = [];
    await restoreIndexes(db, (l) => lines.push(l));
    expect(await indexes()).toEqual(all);
    expect(await deferred()).toEqual([]);
    expect(lines).toEqual(['building the 5 indexes deferred during the catch-up']);
    await restoreIndexes(db, (l) => lines.push(l));
    expect(lines).toHaveLength(1);
  });
});
