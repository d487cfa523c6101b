// The indexer REST API: base URL resolution, fetch with errors, formatting helpers.
import { useCallback, useEffect, useRef, useState } from 'react';

declare global {
  interface Window { SLMNET_EXPLORER?: { api?: string } }
}

const DEFAULT_API = (import.meta.env.VITE_SLMNET_API as string | undefined) ?? 'http://127.0.0.1:3000';
const KEY = 'slmnet-explorer-api';

/** `?api=` (remembered for the tab), then the server's /config.js, then the build default (VITE_SLMNET_API). */
export function apiBase(): string {
  const fromQuery = new URLSearchParams(window.location.search).get('api');
  if (fromQuery && /^https?:\/\//.test(fromQuery)) {
    try { sessionStorage.setItem(KEY, fromQuery); } catch { /* storage disabled */ }
    return fromQuery.replace(/\/+$/, '');
  }
  let stored: string | null = null;
  try { stored = sessionStorage.getItem(KEY); } catch { /* storage disabled */ }
  return (stored ?? window.SLMNET_EXPLORER?.api ?? DEFAULT_API).replace(/\/+$/, '');
}

export class ApiError extends Error {
  constructor(message: string, readonly status: number) { super(message); }
}

/** Where JSON comes from: the indexer (default), or the explorer's own server (its /node/… data, see node.ts). */
export interface Source { base: () => string; name: string }
export const INDEXER: Source = { base: apiBase, name: 'the indexer' };

export async function getJson<T = any>(path: string, signal?: AbortSignal, source: Source = INDEXER): Promise<T> {
  let res: Response;
  try {
    res = await fetch(source.base() + path, { signal, headers: { accept: 'application/json' } });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(`cannot reach ${source.name}${source.base() ? ` at ${source.base()}` : ''}`, 0);
  }
  const body = await res.json().catch(() => undefined);
  if (!res.ok) throw new ApiError(body?.error?.message ?? `${res.status} ${res.statusText}`, res.status);
  return body as T;
}

export interface Loaded<T> { data?: T; error?: ApiError; loading: boolean; reload: () => void }

/** Fetches `path` (null: nothing) and refetches when it changes; `reload()` refetches in place (keeps the old data while loading). */
export function useApi<T = any>(path: string | null, source: Source = INDEXER): Loaded<T> {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: ApiError; loading: boolean }>({ path, loading: path !== null });
  const [tick, setTick] = useState(0);
  const current = useRef(path);
  current.current = path;
  useEffect(() => {
    if (path === null) return;
    const ctl = new AbortController();
    setState((s) => (s.path === path ? { ...s, loading: true } : { path, loading: true }));
    getJson<T>(path, ctl.signal, source).then(
      (data) => { if (current.current === path) setState({ path, data, loading: false }); },
      (error) => { if (error.name !== 'AbortError' && current.current === path) setState({ path, error, loading: false }); },
    );
    return () => ctl.abort();
  }, [path, tick, source]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  if (state.path !== path) return { loading: path !== null, reload };
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/**
 * A stats series (`path` + `bucket=`) by the coarser bucket, or by the finer one while the coarse series has fewer than two
 * points (a young chain has one hourly bar, say).
 */
export function useSeries(path: string, coarse: 'day' | 'hour', fine: 'hour' | 'minute'): { series: Loaded<{ items: any[] }>; unit: string; all: Loaded<unknown>[] } {
  const sep = path.includes('?') ? '&' : '?';
  const c = useApi<{ items: any[] }>(`${path}${sep}bucket=${coarse}`);
  // the finer series only once the coarse one turned out too short (while it loads or fails, its state is shown)
  const useCoarse = !c.data || c.data.items.length >= 2;
  const f = useApi<{ items: any[] }>(useCoarse ? null : `${path}${sep}bucket=${fine}`);
  return { series: useCoarse ? c : f, unit: useCoarse ? coarse : fine, all: [c, f] };
}

export const DECIMALS = 12;
export const SYMBOL = 'SLMN';

/** A planck amount (decimal string or number) as SLMN with up to 4 decimals, grouped. */
export function formatAmount(v: string | number | bigint | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  let n: bigint;
  try { n = BigInt(typeof v === 'number' ? Math.trunc(v) : v); } catch { return String(v); }
  const neg = n < 0n;
  if (neg) n = -n;
  const unit = 10n ** BigInt(DECIMALS);
  const whole = (n / unit).toLocaleString('en-US');
  const frac = (n % unit).toString().padStart(DECIMALS, '0').slice(0, 4).replace(/0+$/, '');
  const tiny = n > 0n && n < unit / 10000n;
  return `${neg ? '-' : ''}${tiny ? '<0.0001' : whole + (frac ? '.' + frac : '')} ${SYMBOL}`;
}

/** A planck amount as a chart value in SLMN (4 decimals; charts need numbers, exactness stays with formatAmount). */
export const slmnValue = (v: string | bigint | null | undefined): number => Number(BigInt(v ?? 0) / 10n ** BigInt(DECIMALS - 4)) / 1e4;

/** What is still owed: credited minus paid out (planck strings from the indexer's account summary). */
export const pendingAmount = (credited: string | null | undefined, paid: string | null | undefined) => (BigInt(credited ?? 0) - BigInt(paid ?? 0)).toString();

export const ppm = (v: number | string | null | undefined) => (v === null || v === undefined ? '—' : `${(Number(v) / 10_000).toFixed(2)}%`);
export const short = (s: string | null | undefined, n = 8) => (!s ? '—' : s.length <= 2 * n + 1 ? s : `${s.slice(0, n)}…${s.slice(-n + 2)}`);
export function when(ts: string | null | undefined): string {
  if (!ts) return '—';
  const d = new Date(ts);
  return isNaN(d.getTime()) ? String(ts) : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}
