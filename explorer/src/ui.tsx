// Shared building blocks: states, tables, pagination, links, key/value lists, a bar chart in plain SVG.
import { type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { type Loaded, short } from './api.ts';

export function Loading({ what = 'data' }: { what?: string }) {
  return <p className="state loading" role="status" aria-live="polite">Loading {what}…</p>;
}
export function ErrorBox({ error, retry }: { error: Error; retry?: () => void }) {
  return (
    <div className="state error" role="alert">
      <strong>Could not load:</strong> {error.message}{' '}
      {retry && <button type="button" onClick={retry}>Retry</button>}
    </div>
  );
}
export function Empty({ children }: { children: ReactNode }) {
  return <p className="state empty">{children}</p>;
}

/** Renders a Loaded: the loading, error (404 as "not found", or `missing` when given) and data states. */
export function Async<T>({ r, what, missing, children }: { r: Loaded<T>; what?: string; missing?: ReactNode; children: (data: T) => ReactNode }) {
  if (r.error && r.data === undefined) {
    if (r.error.status === 404) return missing !== undefined ? <>{missing}</> : <Empty>No {what ?? 'such object'} found.</Empty>;
    return <ErrorBox error={r.error} retry={r.reload} />;
  }
  if (r.data === undefined) return <Loading what={what} />;
  return <>{children(r.data)}</>;
}

export interface Column<T> { key: string; label: string; render: (row: T) => ReactNode; num?: boolean }

export function Table<T>({ rows, columns, caption, empty = 'Nothing yet.', rowKey }: {
  rows: T[]; columns: Column<T>[]; caption: string; empty?: string; rowKey: (row: T) => string;
}) {
  if (rows.length === 0) return <Empty>{empty}</Empty>;
  return (
    <div className="table-wrap">
      <table aria-label={caption}>
        <thead><tr>{columns.map((c) => <th key={c.key} scope="col" className={c.num ? 'num' : undefined}>{c.label}</th>)}</tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c) => <td key={c.key} data-label={c.label} className={c.num ? 'num' : undefined}>{c.render(r)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Offset pagination kept in the URL (`?<param>=N`, deep-linkable): the indexer returns pages of `limit`, no totals. */
export function usePage(param = 'page'): [number, (p: number) => void] {
  const [sp, setSp] = useSearchParams();
  const page = Math.max(0, Number(sp.get(param) ?? '0') | 0);
  return [page, (p) => { const n = new URLSearchParams(sp); if (p > 0) n.set(param, String(p)); else n.delete(param); setSp(n); }];
}
/** A filter kept in the URL: `[value, set]`; setting it (empty removes it) goes back to the first page. */
export function useFilter(param: string): [string, (value: string) => void] {
  const [sp, setSp] = useSearchParams();
  return [sp.get(param) ?? '', (v) => { const n = new URLSearchParams(sp); if (v) n.set(param, v); else n.delete(param); n.delete('page'); setSp(n); }];
}
export function Pager({ page, setPage, count, limit, label }: { page: number; setPage: (p: number) => void; count: number; limit: number; label: string }) {
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      <button type="button" onClick={() => setPage(page - 1)} disabled={page === 0} aria-label={`Previous page of ${label}`}>← Previous</button>
      <span aria-live="polite">Page {page + 1}</span>
      <button type="button" onClick={() => setPage(page + 1)} disabled={count < limit} aria-label={`Next page of ${label}`}>Next →</button>
    </nav>
  );
}

export function KV({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="kv">
      {items.map(([k, v]) => (<div key={k}><dt>{k}</dt><dd>{v ?? '—'}</dd></div>))}
    </dl>
  );
}

export const AccountLink = ({ a, full }: { a: string | null | undefined; full?: boolean }) =>
  a ? <Link to={`/accounts/${encodeURIComponent(a)}`} className={full ? 'mono break' : 'mono'} title={a}>{full ? a : short(a)}</Link> : <>—</>;
export const BlockLink = ({ n }: { n: number | string | null | undefined }) =>
  n === null || n === undefined ? <>—</> : <Link to={`/blocks/${n}`}>#{n}</Link>;
export const Hash = ({ h }: { h: string | null | undefined }) => <span className="mono" title={h ?? undefined}>{short(h, 10)}</span>;
export const Status = ({ s }: { s: string | null | undefined }) => <span className={`badge badge-${String(s ?? '').toLowerCase()}`}>{s ?? '—'}</span>;

export interface Bar { label: string; value: number; title?: string }

/** A bar chart in SVG: one <rect class="bar"> per point, labelled for screen readers. */
export function BarChart({ data, title, unit = '', height = 180 }: { data: Bar[]; title: string; unit?: string; height?: number }) {
  if (data.length === 0) return <Empty>No data for “{title}” yet.</Empty>;
  const W = 600, H = height, padL = 44, padB = 36, padT = 10;
  const max = Math.max(...data.map((d) => d.value), 1);
  const bw = (W - padL) / data.length;
  const ticks = [0, max / 2, max];
  const fmt = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en-US') : String(Math.round(v * 100) / 100));
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}: ${data.map((d) => `${d.label} ${fmt(d.value)}${unit}`).join(', ')}`}>
        {ticks.map((t) => {
          const y = padT + (H - padT - padB) * (1 - t / max);
          return (<g key={t} className="tick"><line x1={padL} x2={W} y1={y} y2={y} /><text x={padL - 4} y={y + 4} textAnchor="end">{fmt(t)}</text></g>);
        })}
        {data.map((d, i) => {
          const h = (H - padT - padB) * (d.value / max);
          const w = Math.max(1, Math.min(bw * 0.8, 48));
          const x = padL + i * bw + (bw - w) / 2;
          return (
            <g key={d.label + i}>
              <rect className="bar" x={x} y={H - padB - h} width={w} height={Math.max(h, d.value > 0 ? 1 : 0)}>
                <title>{d.title ?? `${d.label}: ${fmt(d.value)}${unit}`}</title>
              </rect>
              {(data.length <= 12 || i % Math.ceil(data.length / 12) === 0) && (
                <text className="xlabel" x={x + w / 2} y={H - padB + 14} textAnchor="middle">{d.label}</text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

/** A stats bucket (ISO timestamp) as a short axis label. */
export function bucketLabel(period: string, bucket: string): string {
  const iso = new Date(period).toISOString();
  return bucket === 'day' ? iso.slice(5, 10) : iso.slice(11, 16);
}
