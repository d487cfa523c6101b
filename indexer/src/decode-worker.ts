// A decoding thread: its own connection to the node and its own BlockDecoder; decodes the block ranges the ingester sends.
import { parentPort, workerData } from 'node:worker_threads';
import { connect } from '@slmnet/client';
import { BlockDecoder } from './decode.ts';

export interface DecodeRequest { id: number; from: number; count: number }
export type DecodeReply = { id: number; blocks: unknown[] } | { id: number; error: string } | { ready: true } | { failed: string };

const port = parentPort!;
try {
  const api = await connect((workerData as { url: string }).url);
  const decoder = new BlockDecoder(api);
  api.on('disconnected', () => port.postMessage({ failed: 'connection lost' } satisfies DecodeReply));
  port.on('message', (m: DecodeRequest | 'close') => {
    if (m === 'close') { api.disconnect().catch(() => undefined).finally(() => port.close()); return; }
    decoder.decodeRange(m.from, m.count).then(
      (blocks) => port.postMessage({ id: m.id, blocks } satisfies DecodeReply),
      (e: Error) => port.postMessage({ id: m.id, error: e.message } satisfies DecodeReply),
    );
  });
  port.postMessage({ ready: true } satisfies DecodeReply);
} catch (e) {
  port.postMessage({ failed: (e as Error).message } satisfies DecodeReply);
}
