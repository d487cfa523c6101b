// Live updates: the ingester's notifier (what it stored, finalized or rolled back) and the Server-Sent Events streams of GET /live.
import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import type { StoredBlock } from './store.ts';
import { HttpError } from './errors.ts';

export interface ChainEvents {
  /** Blocks stored in one batch (consecutive, ascending). */
  blocks: [blocks: StoredBlock[]];
  /** The finalized height after a round (emitted every round; listeners skip repeats). */
  finalized: [number: number];
  /** Blocks from `from` on were deleted (a retracted fork). */
  rollback: [from: number];
}

/** What the ingester stored: it emits after insertBatch, markFinalized and rollbackFrom. */
export class ChainNotifier extends EventEmitter<ChainEvents> {}

export interface LiveOptions {
  /** Concurrent streams served; more get 503 (default 100). */
  maxClients?: number;
  /** Interval of the `: heartbeat` comment that keeps idle proxies from closing a stream (default 15 s). */
  heartbeatMs?: number;
  /** Bytes queued for one stream (a client not reading) beyond which it is dropped (default 4 MiB). */
  maxBuffered?: number;
}

/** The SSE event of one stored block: its number, hash, counts and transfers. */
export function blockEvent({ block: b, transfers }: StoredBlock) {
  return {
    number: b.number, hash: b.hash, extrinsicCount: b.extrinsicCount, eventCount: b.eventCount,
    transfers: transfers.map((t) => ({ eventIndex: t.eventIndex, extrinsicIndex: t.extrinsicIndex, from: t.from, to: t.to, amount: t.amount })),
  };
}

/** The open GET /live streams: each gets `block`, `finalized` and `rollback` events as the notifier fires. */
export class LiveHub {
  private readonly clients = new Set<Response>();
  private lastFinalized: number | undefined;
  readonly maxClients: number;
  private readonly heartbeatMs: number;
  private readonly maxBuffered: number;
  private readonly detach: () => void;

  constructor(notifier: ChainNotifier, opts: LiveOptions = {}) {
    this.maxClients = opts.maxClients ?? 100;
    this.heartbeatMs = opts.heartbeatMs ?? 15_000;
    this.maxBuffered = opts.maxBuffered ?? 4 * 1024 * 1024;
    const onBlocks = (blocks: StoredBlock[]) => { for (const b of blocks) this.send('block', blockEvent(b)); };
    const onFinalized = (number: number) => {
      if (number === this.lastFinalized) return;
      this.lastFinalized = number;
      this.send('finalized', { number });
    };
    const onRollback = (from: number) => {
      // the finalized height is unchanged by a rollback (finalized blocks are never deleted); resend it on the next change only
      this.send('rollback', { from });
    };
    notifier.on('blocks', onBlocks).on('finalized', onFinalized).on('rollback', onRollback);
    this.detach = () => { notifier.off('blocks', onBlocks).off('finalized', onFinalized).off('rollback', onRollback); };
  }

  get size(): number {
    return this.clients.size;
  }

  /** Serves one stream until the client disconnects; 503 when `maxClients` streams are open. */
  serve(req: Request, res: Response): void {
    if (this.clients.size >= this.maxClients) {
      throw new HttpError(503, `too many live streams (${this.maxClients}); retry later`, undefined, { 'Retry-After': '5' });
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 3000\n: connected\n\n');
    this.clients.add(res);
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), this.heartbeatMs);
    heartbeat.unref();
    const close = () => {
      clearInterval(heartbeat);
      this.clients.delete(res);
    };
    req.socket.setTimeout(0);
    res.on('close', close);
    res.on('error', close);
  }

  private send(event: string, data: unknown): void {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const res of this.clients) {
      // a client that stopped reading: drop it rather than queue without bound (it reconnects and reads the API)
      if (res.writableLength > this.maxBuffered) { this.clients.delete(res); res.destroy(); continue; }
      res.write(frame);
    }
  }

  /** Ends every stream and stops listening to the notifier. */
  close(): void {
    this.detach();
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}
