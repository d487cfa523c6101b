// Decoding threads: catch-up decoding (CPU-bound: SCALE, storage reads, the rows' bytes) runs beside the main thread, which
// writes to the database and serves the API. Each thread holds its own connection to the node; a range is split between the threads.
import { Worker } from 'node:worker_threads';
import type { DecodeReply, DecodeRequest } from './decode-worker.ts';
import { concatBatches, type PreparedBatch } from './store.ts';

const ENTRY = new URL('./decode-worker.mjs', import.meta.url);

class DecodeThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (b: PreparedBatch) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private broken: Error | undefined;
  readonly ready: Promise<void>;
  /** Resolves when the thread has ended (also on its own: it ends when it cannot connect). */
  private readonly exited: Promise<void>;

  constructor(url: string) {
    this.worker = new Worker(ENTRY, { workerData: { url } });
    this.worker.unref();
    this.exited = new Promise((r) => this.worker.once('exit', () => r()));
    let ready!: () => void;
    let failed!: (e: Error) => void;
    this.ready = new Promise<void>((res, rej) => { ready = res; failed = rej; });
    this.ready.catch(() => undefined);
    const fail = (e: Error) => {
      this.broken ??= e;
      failed(e);
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    this.worker.on('message', (m: DecodeReply) => {
      if ('ready' in m) ready();
      else if ('failed' in m) fail(new Error(m.failed));
      else {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if ('error' in m) p?.reject(new Error(m.error));
        else p?.resolve(m.batch);
      }
    });
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`decoding thread exited (${code})`)));
  }

  decode(from: number, count: number, finalized: number): Promise<PreparedBatch> {
    if (this.broken) return Promise.reject(this.broken);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, from, count, finalized } satisfies DecodeRequest);
    });
  }

  async close(): Promise<void> {
    this.worker.postMessage('close');
    const timer = setTimeout(() => void this.worker.terminate(), 2000);
    await this.exited;
    clearTimeout(timer);
  }
}

export class DecodePool {
  private readonly threads: DecodeThread[];

  constructor(url: string, size: number) {
    this.threads = Array.from({ length: size }, () => new DecodeThread(url));
  }

  /** Resolves once every thread is connected; rejects with the first failure. */
  ready(): Promise<void> {
    return Promise.all(this.threads.map((t) => t.ready)).then(() => undefined);
  }

  /** Decodes and prepares blocks `from`..`from + count - 1` (prepareBatch), split in consecutive parts between the threads. */
  async prepareRange(from: number, count: number, finalized: number): Promise<PreparedBatch> {
    const n = Math.min(this.threads.length, count);
    const per = Math.ceil(count / n);
    const parts = await Promise.all(this.threads.slice(0, n).map((t, i) => {
      const start = from + i * per;
      return t.decode(start, Math.min(per, from + count - start), finalized);
    }));
    return concatBatches(parts);
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.close().catch(() => undefined)));
  }
}
