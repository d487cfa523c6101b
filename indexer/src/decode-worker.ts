// A decoding thread: its own connection to the node and its own BlockDecoder; decodes and prepares the block ranges the
// ingester sends.
import { parentPort, workerData } from 'node:worker_threads';
import { connect } from '@slmnet/client';
import { BlockDecoder } from './decode.ts';
import { prepareBatch, type PreparedBatch } from './store.ts';

export interface DecodeRequest { id: number; from: number; count: number; finalized: number }
export type DecodeReply = { id: number; batch: PreparedBatch } | { id: number; error: string } | { ready: true } | { failed: string };

const port = parentPort!;
try {
  const api = await connect((workerData as { url: string }).url);
  const decoder = new BlockDecoder(api);
  api.on('disconnected', () => port.postMessage({ failed: 'connection lost' } satisfies DecodeReply));
  port.on('message', (m: DecodeRequest | 'close') => {
    if (m === 'close') { api.disconnect().catch(() => undefined).finally(() => port.close()); return; }
    decoder.decodeRange(m.from, m.count).then((blocks) => prepareBatch(blocks, m.finalized)).then(
      // the rows' bytes are moved, not copied, to the main thread
      (batch) => port.postMessage({ id: m.id, batch } satisfies DecodeReply, batch.tables.map((t) => t.data.buffer as ArrayBuffer)),
      (e: Error) => port.postMessage({ id: m.id, error: e.message } satisfies DecodeReply),
    );
  });
  port.postMessage({ ready: true } satisfies DecodeReply);
} catch (e) {
  port.postMessage({ failed: (e as Error).message } satisfies DecodeReply);
}
