// Connecting to an SLMnet node with the generated types active.
import { ApiPromise, WsProvider } from '@polkadot/api';
import './augment.ts';

export class ConnectionError extends Error {
  override name = 'ConnectionError';
}

export interface ConnectOptions {
  /** Give up when the first connection is not up after this long (default 10 s). */
  timeoutMs?: number;
}

/**
 * Connects and resolves once the metadata is loaded; rejects with a ConnectionError (and stops retrying) when the node is unreachable.
 * The connection does not reconnect by itself after a drop: call `connect` again.
 */
export async function connect(url = 'ws://127.0.0.1:9944', opts: ConnectOptions = {}): Promise<ApiPromise> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  let provider: WsProvider;
  try {
    provider = new WsProvider(url, false);
  } catch (e) {
    throw new ConnectionError(`bad node URL "${url}": ${(e as Error).message}`);
  }
  // connect once by hand: WsProvider's auto-reconnect would otherwise retry an unreachable URL forever
  let timer: ReturnType<typeof setTimeout> | undefined;
  const failed = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConnectionError(`cannot reach node at ${url}: timed out after ${timeoutMs} ms`)), timeoutMs);
    provider.on('error', () => reject(new ConnectionError(`cannot reach node at ${url}`)));
  });
  failed.catch(() => undefined);
  try {
    await Promise.race([provider.connect(), failed]);
    await Promise.race([provider.isReady, failed]);
    return await Promise.race([ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true }), failed]);
  } catch (e) {
    await provider.disconnect().catch(() => undefined);
    throw e instanceof ConnectionError ? e : new ConnectionError(`cannot reach node at ${url}: ${(e as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}
