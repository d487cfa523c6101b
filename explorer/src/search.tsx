// The search box: asks /search, goes straight to a single result, else to the results page.
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { getJson } from './api.ts';

const ROUTES: Record<string, string> = {
  block: 'blocks', extrinsic: 'extrinsics', account: 'accounts', datanet: 'datanets', model: 'models',
  contribution: 'contributions', inference: 'inferences', node: 'nodes',
};

export function itemPath(it: { kind: string; id: string }): string {
  return `/${ROUTES[it.kind] ?? it.kind}/${encodeURIComponent(it.id)}`;
}

export function SearchBox() {
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState('');
  const navigate = useNavigate();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const query = q.trim();
    if (!query) return;
    setBusy(true);
    setMsg('');
    try {
      const { items } = await getJson<{ items: { kind: string; id: string }[] }>(`/search?q=${encodeURIComponent(query.slice(0, 128))}`);
      if (items.length === 1) navigate(itemPath(items[0]));
      else if (items.length === 0) setMsg(`Nothing matches “${query}”.`);
      else navigate(`/search?q=${encodeURIComponent(query)}`);
    } catch (err) {
      setMsg((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form role="search" className="search" onSubmit={submit}>
      <label htmlFor="q" className="sr-only">Search blocks, extrinsics, accounts, datanets, models, contributions, inferences, nodes</label>
      <input id="q" name="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={128}
        placeholder="Block, hash, address, id or name" aria-describedby="search-msg" autoComplete="off" />
      <button type="submit" disabled={busy}>{busy ? 'Searching…' : 'Search'}</button>
      <span id="search-msg" className="search-msg" role="status" aria-live="polite">{msg}</span>
    </form>
  );
}
