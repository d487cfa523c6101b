// Times the indexer's catch-up stages in one process: decoding batches from a node (--url) and writing them to an in-memory PGlite.
import { connect } from '@slmnet/client';
import { BlockDecoder } from '../../indexer/src/decode.ts';
import { insertBlocks } from '../../indexer/src/store.ts';
import { migrate, openPglite } from '../../indexer/src/db.ts';

const [url, fromArg, countArg, sizeArg] = process.argv.slice(2);
const api = await connect(url);
const db = await openPglite();
await migrate(db);
const from = Number(fromArg ?? 0), count = Number(countArg ?? 1000), size = Number(sizeArg ?? 200);
const d = new BlockDecoder(api);
let tDec = 0, tIns = 0, events = 0;
const t0 = performance.now();
if (from > 0) await insertBlocks(db, await d.decodeRange(from - 1, 1));
for (let n = from; n < from + count; n += size) {
  const a = performance.now();
  const blocks = await d.decodeRange(n, Math.min(size, from + count - n));
  const b = performance.now();
  await insertBlocks(db, blocks);
  const c = performance.now();
  tDec += b - a; tIns += c - b; events += blocks.reduce((s, x) => s + x.events.length, 0);
}
const total = performance.now() - t0;
console.log(`${count} blocks, ${events} events: decode ${(tDec / count).toFixed(2)} ms/block, insert ${(tIns / count).toFixed(2)} ms/block, total ${(count / total * 1000).toFixed(1)} blocks/s (sequential)`);
await api.disconnect();
await db.close();
