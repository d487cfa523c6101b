// One EventSource on the indexer's /live for the whole app; pages subscribe to its block, finalized and rollback events.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { apiBase } from './api.ts';

export interface LiveTransfer { eventIndex: number; extrinsicIndex: number | null; from: string; to: string; amount: string }
export interface LiveBlock { number: number; hash: string; extrinsicCount: number; eventCount: number; transfers: LiveTransfer[] }
export type LiveEvent = { type: 'block'; data: LiveBlock } | { type: 'finalized'; data: { number: number } } | { type: 'rollback'; data: { from: number } };
type Listener = (e: LiveEvent) => void;

interface LiveCtx { connected: boolean; finalized: number | null; subscribe: (l: Listener) => () => void }
const Ctx = createContext<LiveCtx>({ connected: false, finalized: null, subscribe: () => () => {} });

export function LiveProvider({ children }: { children: ReactNode }) {
  const listeners = useRef(new Set<Listener>());
  const [connected, setConnected] = useState(false);
  const [finalized, setFinalized] = useState<number | null>(null);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const es = new EventSource(apiBase() + '/live');
    const emit = (e: LiveEvent) => { for (const l of listeners.current) l(e); };
    const on = (type: LiveEvent['type']) => (m: MessageEvent) => {
      let data: any;
      try { data = JSON.parse(m.data); } catch { return; }
      if (type === 'finalized') setFinalized((f) => Math.max(f ?? 0, data.number));
      emit({ type, data } as LiveEvent);
    };
    es.onopen = () => setConnected(true);
    es.onerror = () => setConnected(es.readyState === EventSource.OPEN);
    for (const t of ['block', 'finalized', 'rollback'] as const) es.addEventListener(t, on(t) as EventListener);
    return () => es.close();
  }, []);
  const subscribe = useCallback((l: Listener) => { listeners.current.add(l); return () => { listeners.current.delete(l); }; }, []);
  return <Ctx.Provider value={{ connected, finalized, subscribe }}>{children}</Ctx.Provider>;
}

export const useLive = () => useContext(Ctx);

/** Reloads every given query (keeping its data on screen meanwhile) when a block arrives. */
export function useRefreshOnBlock(...queries: { reload: () => void }[]) {
  useLiveEvents((e) => { if (e.type === 'block') for (const q of queries) q.reload(); });
}

/** Calls `fn` on every live event (the latest `fn`, without resubscribing). */
export function useLiveEvents(fn: Listener) {
  const { subscribe } = useLive();
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => subscribe((e) => ref.current(e)), [subscribe]);
}
