// The reference indexer of `npm run bench:indexer`: @subsquid/substrate-processor 8.5.1 talking to our node's
// RPC directly (no gateway/archive), writing every event (block, index, phase, extrinsic index, pallet, name,
// JSON args) into PGlite — the same embedded database our indexer uses — through a minimal FinalDatabase
// (one transaction per processor batch, multi-row INSERTs as @subsquid/typeorm-store does).
//
// Usage: node --import tsx scripts/bench/squid-reference.ts <ws-url> <pglite-dir>
// Prints `PROGRESS <height> <events so far>` after each batch on stdout.
import net from 'node:net';

// the processor serves Prometheus metrics on a random port of every interface: keep it on loopback
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
  if ((typeof args[0] === 'number' || typeof args[0] === 'string') && typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  return (listen as (...a: unknown[]) => net.Server).apply(this, args);
} as typeof listen;

const [url, dir] = process.argv.slice(2);
if (!url || !dir) {
  console.error('usage: squid-reference.ts <ws-url> <pglite-dir>');
  process.exit(2);
}
const { SubstrateBatchProcessor } = await import('@subsquid/substrate-processor');
const { PGlite } = await import('@electric-sql/pglite');

type Tx = Parameters<Parameters<InstanceType<typeof PGlite>['transaction']>[0]>[0];
interface Store { tx: Tx }

const pg = await PGlite.create(dir);
const db = {
  supportsHotBlocks: false as const,
  async connect() {
    await pg.exec(`CREATE TABLE IF NOT EXISTS squid_events (
        block_number integer NOT NULL, index integer NOT NULL, phase text NOT NULL, extrinsic_index integer,
        pallet text NOT NULL, name text NOT NULL, data jsonb, PRIMARY KEY (block_number, index));
      CREATE INDEX IF NOT EXISTS squid_events_pallet_name ON squid_events (pallet, name, block_number DESC);
      CREATE TABLE IF NOT EXISTS squid_status (id integer PRIMARY KEY, height integer NOT NULL, hash text NOT NULL)`);
    const r = await pg.query<{ height: number; hash: string }>('SELECT height, hash FROM squid_status WHERE id = 0');
    return r.rows[0] ?? { height: -1, hash: '0x' };
  },
  async transact(info: { nextHead: { height: number; hash: string } }, cb: (store: Store) => Promise<void>) {
    await pg.transaction(async (tx) => {
      await cb({ tx });
      await tx.query(`INSERT INTO squid_status (id, height, hash) VALUES (0, $1, $2)
        ON CONFLICT (id) DO UPDATE SET height = EXCLUDED.height, hash = EXCLUDED.hash`, [info.nextHead.height, info.nextHead.hash]);
    });
  },
};

const processor = new SubstrateBatchProcessor()
  .setRpcEndpoint({ url, rateLimit: undefined })
  .setRpcDataIngestionSettings({ headPollInterval: 500 })
  .setBlockRange({ from: 0 })
  .setFields({ event: { name: true, args: true, phase: true, extrinsicIndex: true } })
  .addEvent({});

let total = 0;
processor.run(db, async (ctx) => {
  const rows: unknown[][] = [];
  for (const b of ctx.blocks) {
    for (const e of b.events) {
      const [pallet, name] = e.name.split('.');
      rows.push([b.header.height, e.index, e.phase, e.extrinsicIndex ?? null, pallet, name, JSON.stringify(e.args ?? null)]);
    }
  }
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const params = chunk.flat();
    const values = chunk.map((_, r) => `(${Array.from({ length: 7 }, (_, c) => `$${r * 7 + c + 1}`).join(', ')})`).join(', ');
    await ctx.store.tx.query(`INSERT INTO squid_events (block_number, index, phase, extrinsic_index, pallet, name, data) VALUES ${values}`, params);
  }
  total += rows.length;
  const last = ctx.blocks[ctx.blocks.length - 1];
  if (last) process.stdout.write(`PROGRESS ${last.header.height} ${total}\n`);
});
