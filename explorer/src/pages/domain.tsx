// Domain views: datanets, contributions, models, inferences, nodes.
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { formatAmount, ppm, slmnValue, useApi, useSeries, when } from '../api.ts';
import { AccountLink, Async, BarChart, ErrorBox, BlockLink, bucketLabel, Hash, KV, Pager, Status, Table, useFilter, usePage } from '../ui.tsx';
import { Json } from './chain.tsx';
import { AttributedContribution, ContentPreview, InferenceTexts, useInferenceText } from '../node.tsx';

const PAGE = 20;

/** Metadata is free text, usually JSON: its description (or the text itself) and the other fields. */
function meta(s: string | null | undefined): { description?: string; fields: [string, string][] } {
  if (!s) return { fields: [] };
  try {
    const o = JSON.parse(s);
    if (o && typeof o === 'object' && !Array.isArray(o)) {
      const { description, ...rest } = o as Record<string, unknown>;
      return { description: typeof description === 'string' ? description : undefined, fields: Object.entries(rest).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]) };
    }
  } catch { /* plain text */ }
  return { description: s, fields: [] };
}

const datanetColumns = [
  { key: 'id', label: 'Datanet', render: (d: any) => <Link to={`/datanets/${d.id}`}>#{d.id} {d.name}</Link> },
  { key: 'k', label: 'Kind', render: (d: any) => d.kind },
  { key: 't', label: 'Tags', render: (d: any) => d.tags?.map((t: string) => <span key={t} className="chip">{t}</span>) },
  { key: 'c', label: 'Contributions', num: true, render: (d: any) => `${d.accepted} / ${d.contributions}` },
  { key: 'v', label: 'Version', num: true, render: (d: any) => d.latest_version },
  { key: 'a', label: 'Last activity', render: (d: any) => <BlockLink n={d.updated_block} /> },
  { key: 's', label: 'Status', render: (d: any) => <Status s={d.status} /> },
];
/** The "active in the last N blocks" choices of the datanet list. */
const ACTIVITY = [100, 1_000, 10_000];
const CONTRIBUTION_STATUS = ['Pending', 'Accepted', 'Rejected', 'Withdrawn', 'Revoked'];

export function Datanets() {
  const [page, setPage] = usePage();
  const [kind, setKind] = useFilter('kind'), [tag, setTag] = useFilter('tag'), [sort, setSort] = useFilter('sort'), [active, setActive] = useFilter('active');
  const [tagInput, setTagInput] = useState(tag);
  // "active in the last N blocks" needs the head the indexer has reached
  const health = useApi<{ indexed: number | null }>(active ? '/health' : null);
  const q = new URLSearchParams({ limit: String(PAGE), offset: String(page * PAGE) });
  if (kind) q.set('kind', kind);
  if (tag) q.set('tag', tag);
  if (sort) q.set('sort', sort);
  if (active && health.data) q.set('active_since', String(Math.max(0, (health.data.indexed ?? 0) - Number(active))));
  const r = useApi<{ items: any[] }>(active && !health.data ? null : `/datanets?${q}`);
  const applyTag = (e: FormEvent) => { e.preventDefault(); setTag(tagInput.trim()); };
  return (
    <>
      <h1>Datanets</h1>
      <form className="filters" onSubmit={applyTag} aria-label="Filter datanets">
        <label>Kind <select aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">any</option>{['Text', 'Code', 'Image', 'Audio', 'Tabular', 'Other'].map((k) => <option key={k}>{k}</option>)}
        </select></label>
        <label>Tag <input aria-label="Tag" value={tagInput} onChange={(e) => setTagInput(e.target.value)} placeholder="e.g. medical" /></label>
        <label>Active <select aria-label="Active" value={active} onChange={(e) => setActive(e.target.value)}>
          <option value="">any time</option>{ACTIVITY.map((n) => <option key={n} value={n}>in the last {n.toLocaleString('en-US')} blocks</option>)}
        </select></label>
        <label>Sort <select aria-label="Sort" value={sort} onChange={(e) => setSort(e.target.value)}>
          <option value="">id</option><option value="-contributions">most contributions</option><option value="-accepted">most accepted</option><option value="-updated">recently updated</option>
        </select></label>
        <button type="submit">Apply</button>
      </form>
      {active && health.error ? <ErrorBox error={health.error} retry={health.reload} /> : <Async r={r} what="datanets">{(d) => (<>
        <Table caption="Datanets" rows={d.items} rowKey={(x) => String(x.id)} empty="No datanets match." columns={datanetColumns} />
        <Pager page={page} setPage={setPage} count={d.items.length} limit={PAGE} label="datanets" />
      </>)}</Async>}
    </>
  );
}

const contributionColumns = [
  { key: 'id', label: 'Contribution', render: (c: any) => <Link to={`/contributions/${c.id}`}>#{c.id}</Link> },
  { key: 'title', label: 'Title', render: (c: any) => meta(c.metadata).fields.find(([k]) => k === 'title')?.[1] ?? '—' },
  { key: 'c', label: 'Contributor', render: (c: any) => <AccountLink a={c.contributor} /> },
  { key: 's', label: 'Status', render: (c: any) => <Status s={c.status} /> },
  { key: 'q', label: 'Quality', num: true, render: (c: any) => c.quality ?? '—' },
  { key: 'z', label: 'Size', num: true, render: (c: any) => `${c.size} B` },
  { key: 'i', label: 'Inferences', num: true, render: (c: any) => c.inferences },
  { key: 'e', label: 'Earned', num: true, render: (c: any) => formatAmount(c.earned) },
];

export function DatanetPage() {
  const { id = '' } = useParams();
  const [page, setPage] = usePage();
  const r = useApi<any>(`/datanets/${encodeURIComponent(id)}`);
  const [status, setStatus] = useFilter('status');
  const contributions = useApi<{ items: any[] }>(`/contributions?datanet=${encodeURIComponent(id)}${status ? `&status=${status}` : ''}&limit=10&offset=${page * 10}`);
  const { series: stats, unit } = useSeries(`/stats/contributions?datanet=${encodeURIComponent(id)}`, 'day', 'hour');
  const top = useApi<{ items: any[] }>(`/stats/top-contributors?datanet=${encodeURIComponent(id)}&limit=10`);
  return (
    <Async r={r} what="datanet">{(d) => {
      const m = meta(d.metadata);
      return (
        <>
          <h1 data-testid="datanet-name">{d.name}</h1>
          <p className="subtitle">Datanet #{d.id} · <Status s={d.status} /></p>
          {m.description && <p className="description">{m.description}</p>}
          <KV items={[
            ['Owner', <AccountLink a={d.owner} full />],
            ['Kind', d.kind], ['License', d.license], ['Policy', d.policy],
            ['Tags', d.tags?.length ? d.tags.map((t: string) => <Link key={t} className="chip" to={`/datanets?tag=${encodeURIComponent(t)}`}>{t}</Link>) : 'none'],
            ['Curators', d.curators?.length ? d.curators.map((c: string) => <AccountLink key={c} a={c} />) : 'none'],
            ['Contribution deposit', formatAmount(d.contribution_deposit)],
            ['Contributions', `${d.contributions} (${d.accepted} accepted, ${d.accepted_bytes} bytes)`],
            ['Created', <BlockLink n={d.created} />],
            ...m.fields.map(([k, v]) => [k, v] as [string, string]),
          ]} />
          <h2>Versions</h2>
          <Table caption="Versions" rows={d.versions ?? []} rowKey={(v: any) => String(v.version)} empty="No published versions yet." columns={[
            { key: 'v', label: 'Version', render: (v: any) => <Link to={`/datanets/${d.id}/versions/${v.version}`}>{v.version}</Link> },
            { key: 'b', label: 'Block', render: (v: any) => <BlockLink n={v.block_number} /> },
            { key: 'r', label: 'Root', render: (v: any) => <Hash h={v.root} /> },
            { key: 'c', label: 'Contributions', num: true, render: (v: any) => v.count },
            { key: 'y', label: 'Bytes', num: true, render: (v: any) => v.bytes },
          ]} />
          <h2>Contributions per {unit}</h2>
          <Async r={stats} what="chart">{(s) => (
            <BarChart title={`Contributions per ${unit}`} data={s.items.map((x) => ({ label: bucketLabel(x.period, unit), value: x.contributions }))} />
          )}</Async>
          <h2>Contributions</h2>
          <div className="filters">
            <label>Status <select aria-label="Contribution status" value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="">any</option>{CONTRIBUTION_STATUS.map((x) => <option key={x}>{x}</option>)}
            </select></label>
          </div>
          <Async r={contributions} what="contributions">{(c) => (<>
            <Table caption="Contributions" rows={c.items} rowKey={(x) => String(x.id)} empty={status ? `No ${status.toLowerCase()} contributions.` : 'No contributions yet.'} columns={contributionColumns} />
            <Pager page={page} setPage={setPage} count={c.items.length} limit={10} label="contributions" />
          </>)}</Async>
          <h2>Top contributors</h2>
          <Async r={top} what="top contributors">{(t) => <TopContributors rows={t.items} />}</Async>
        </>
      );
    }}</Async>
  );
}

/** One published version of a datanet: its Merkle root and members, and the models trained on it. */
export function VersionPage() {
  const { id = '', version = '' } = useParams();
  const r = useApi<any>(`/datanets/${encodeURIComponent(id)}`);
  const models = useApi<{ items: any[] }>('/models?limit=100');
  return (
    <Async r={r} what="datanet">{(d) => {
      const v = (d.versions ?? []).find((x: any) => String(x.version) === version);
      if (!v) return <p className="state empty">Datanet #{d.id} has no version {version}. <Link to={`/datanets/${d.id}`}>Its versions</Link>.</p>;
      const trained = (models.data?.items ?? []).filter((m) => m.training_set?.some((t: any) => t.datanet === d.id && t.version === v.version));
      return (
        <>
          <h1>Version {v.version} of <Link to={`/datanets/${d.id}`}>{d.name}</Link></h1>
          <KV items={[
            ['Merkle root', <span className="mono break">{v.root}</span>], ['Contributions', v.count], ['Bytes', v.bytes],
            ['Published', <BlockLink n={v.block_number} />],
            ['Models trained on it', models.data ? (trained.length ? trained.map((m) => <Link key={m.id} className="chip" to={`/models/${m.id}`}>#{m.id} {m.name}</Link>) : 'none') : '…'],
          ]} />
          <h2>Contributions in this version</h2>
          <ul className="chips" aria-label="Contributions in this version">
            {v.contributions.map((c: number) => <li key={c}><Link className="chip" to={`/contributions/${c}`}>#{c}</Link></li>)}
          </ul>
        </>
      );
    }}</Async>
  );
}

const TopContributors = ({ rows }: { rows: any[] }) => (
  <Table caption="Top contributors" rows={rows} rowKey={(x) => x.contributor} empty="No attributed inferences yet." columns={[
    { key: 'c', label: 'Contributor', render: (x: any) => <AccountLink a={x.contributor} /> },
    { key: 'w', label: 'Weight', num: true, render: (x: any) => ppm(x.weight_ppm) },
    { key: 'i', label: 'Inferences', num: true, render: (x: any) => x.inferences },
    { key: 'n', label: 'Contributions', num: true, render: (x: any) => x.contributions },
    { key: 'e', label: 'Earned', num: true, render: (x: any) => formatAmount(x.earned) },
  ]} />
);

export function ContributionPage() {
  const { id = '' } = useParams();
  const r = useApi<any>(`/contributions/${encodeURIComponent(id)}`);
  const { series: earnings, unit } = useSeries(`/stats/earnings?contribution=${encodeURIComponent(id)}`, 'hour', 'minute');
  return (
    <Async r={r} what="contribution">{(c) => {
      const m = meta(c.metadata);
      return (
        <>
          <h1>Contribution #{c.id}</h1>
          <p className="subtitle"><Status s={c.status} /> in <Link to={`/datanets/${c.datanet_id}`}>datanet #{c.datanet_id}</Link></p>
          {m.description && <p className="description">{m.description}</p>}
          <KV items={[
            ['Contributor', <AccountLink a={c.contributor} full />],
            ['Content hash', <span className="mono break">{c.content_hash}</span>],
            ['Chunks root', <span className="mono break">{c.chunks_root}</span>],
            ['Size', `${c.size} bytes`], ['License', c.license], ['Quality', c.quality ?? '—'],
            ['Reject reason', c.reject_reason ?? '—'], ['Deposit', formatAmount(c.deposit)],
            ['Submitted', <BlockLink n={c.submitted} />], ['Reviewed', <BlockLink n={c.reviewed} />], ['Reviewer', <AccountLink a={c.reviewer} />],
            ['Inferences attributed', c.inferences], ['Summed weight', ppm(c.weight_ppm)], ['Earned', formatAmount(c.earned)],
            ['In versions', c.versions?.length ? c.versions.map((v: any) => `v${v.version}`).join(', ') : 'none'],
            ...m.fields.map(([k, v]) => [k, v] as [string, string]),
          ]} />
          <ContentPreview hash={c.content_hash} />
          <h2>Review history</h2>
          <Table caption="Review history" rows={c.history ?? []} rowKey={(h: any) => String(h.block_number)} columns={[
            { key: 'b', label: 'Block', render: (h: any) => <BlockLink n={h.block_number} /> },
            { key: 't', label: 'Time', render: (h: any) => when(h.timestamp) },
            { key: 's', label: 'Status', render: (h: any) => <Status s={h.status} /> },
            { key: 'q', label: 'Quality', num: true, render: (h: any) => h.quality ?? '—' },
            { key: 'r', label: 'Reviewer', render: (h: any) => <AccountLink a={h.reviewer} /> },
          ]} />
          <h2>Earnings over time</h2>
          <Async r={earnings} what="earnings chart">{(e) => (
            <BarChart title={`Earnings per ${unit} (SLMN)`} data={e.items.map((x) => ({ label: bucketLabel(x.period, unit), value: slmnValue(x.amount), title: `${bucketLabel(x.period, unit)}: ${formatAmount(x.amount)} from ${x.attributions} inferences` }))} />
          )}</Async>
          <h2>Recent attributions</h2>
          <Table caption="Attributions" rows={c.attributions ?? []} rowKey={(a: any) => String(a.inference_id)} empty="Not attributed to any inference yet." columns={[
            { key: 'i', label: 'Inference', render: (a: any) => <Link to={`/inferences/${a.inference_id}`}>#{a.inference_id}</Link> },
            { key: 'b', label: 'Block', render: (a: any) => <BlockLink n={a.block_number} /> },
            { key: 'w', label: 'Weight', num: true, render: (a: any) => ppm(a.weight_ppm) },
            { key: 'a', label: 'Amount', num: true, render: (a: any) => formatAmount(a.amount) },
          ]} />
        </>
      );
    }}</Async>
  );
}

export function Models() {
  const [page, setPage] = usePage();
  const [sort, setSort] = useFilter('sort');
  const r = useApi<{ items: any[] }>(`/models?limit=${PAGE}&offset=${page * PAGE}${sort ? `&sort=${encodeURIComponent(sort)}` : ''}`);
  return (
    <>
      <h1>Models</h1>
      <div className="filters"><label>Sort <select aria-label="Sort" value={sort} onChange={(e) => setSort(e.target.value)}>
        <option value="">id</option><option value="-inferences">most inferences</option><option value="-revenue">most revenue</option>
      </select></label></div>
      <Async r={r} what="models">{(d) => (<>
        <Table caption="Models" rows={d.items} rowKey={(m) => String(m.id)} empty="No models registered yet." columns={[
          { key: 'id', label: 'Model', render: (m: any) => <Link to={`/models/${m.id}`}>#{m.id} {m.name}</Link> },
          { key: 'k', label: 'Kind', render: (m: any) => m.kind },
          { key: 'd', label: 'Developer', render: (m: any) => <AccountLink a={m.developer} /> },
          { key: 'i', label: 'Inferences', num: true, render: (m: any) => m.inferences },
          { key: 'r', label: 'Revenue', num: true, render: (m: any) => formatAmount(m.revenue) },
          { key: 's', label: 'Status', render: (m: any) => <Status s={m.status} /> },
        ]} />
        <Pager page={page} setPage={setPage} count={d.items.length} limit={PAGE} label="models" />
      </>)}</Async>
    </>
  );
}

export function ModelPage() {
  const { id = '' } = useParams();
  const [page, setPage] = usePage();
  const r = useApi<any>(`/models/${encodeURIComponent(id)}`);
  const hourly = useApi<{ items: any[] }>(`/stats/models?model=${encodeURIComponent(id)}&bucket=hour`);
  const inferences = useApi<{ items: any[] }>(`/inferences?model=${encodeURIComponent(id)}&limit=10&offset=${page * 10}`);
  return (
    <Async r={r} what="model">{(m) => {
      const md = meta(m.metadata);
      const s = m.settlements ?? {};
      return (
        <>
          <h1 data-testid="model-name">{m.name}</h1>
          <p className="subtitle">Model #{m.id} · {m.kind} · <Status s={m.status} /></p>
          {md.description && <p className="description">{md.description}</p>}
          <KV items={[
            ['Developer', <AccountLink a={m.developer} full />],
            ['Training set', m.training_set?.length ? m.training_set.map((t: any) => <Link key={`${t.datanet}-${t.version}`} className="chip" to={`/datanets/${t.datanet}/versions/${t.version}`}>datanet #{t.datanet} v{t.version}</Link>) : 'none'],
            ['Training bytes', m.training_bytes],
            ['Manifest', <Hash h={m.manifest_hash} />],
            ['Base fee', formatAmount(m.base_fee)], ['Per-token fee', formatAmount(m.per_token_fee)],
            ['Split', `developer ${ppm(m.developer_ppm)} · contributors ${ppm(m.contributors_ppm)} · protocol ${ppm(m.protocol_ppm)}`],
            ['Operators', m.operators?.length ? m.operators.map((o: string) => <AccountLink key={o} a={o} />) : 'none'],
            ['Registered', <BlockLink n={m.registered} />],
            ['Inferences', m.inferences], ['Revenue', formatAmount(m.revenue)],
            ...md.fields.map(([k, v]) => [k, v] as [string, string]),
          ]} />
          <h2>Settlements</h2>
          <KV items={[
            ['Settled', s.settled ?? 0], ['Fees', formatAmount(s.fees)], ['To developer', formatAmount(s.developer)],
            ['To contributors', formatAmount(s.contributors)], ['To protocol', formatAmount(s.protocol)], ['Fallback settlements', s.fallback ?? 0],
          ]} />
          <h2>Inferences and revenue per hour</h2>
          <Async r={hourly} what="chart">{(h) => (
            <div className="charts">
              <BarChart title="Settled inferences per hour" data={h.items.map((x) => ({ label: bucketLabel(x.period, 'hour'), value: x.inferences }))} />
              <BarChart title="Revenue per hour (SLMN)" data={h.items.map((x) => ({ label: bucketLabel(x.period, 'hour'), value: slmnValue(x.revenue) }))} />
            </div>
          )}</Async>
          <h2>Top attributed contributions</h2>
          <Table caption="Top attributed contributions" rows={m.top_contributions ?? []} rowKey={(c: any) => String(c.contribution_id)} empty="No attributions yet." columns={[
            { key: 'c', label: 'Contribution', render: (c: any) => <Link to={`/contributions/${c.contribution_id}`}>#{c.contribution_id}</Link> },
            { key: 'd', label: 'Datanet', render: (c: any) => <Link to={`/datanets/${c.datanet_id}`}>#{c.datanet_id}</Link> },
            { key: 'a', label: 'Contributor', render: (c: any) => <AccountLink a={c.contributor} /> },
            { key: 'i', label: 'Inferences', num: true, render: (c: any) => c.inferences },
            { key: 'w', label: 'Weight', num: true, render: (c: any) => ppm(c.weight_ppm) },
            { key: 'e', label: 'Earned', num: true, render: (c: any) => formatAmount(c.earned) },
          ]} />
          <h2>Inferences</h2>
          <Async r={inferences} what="inferences">{(d) => (<>
            <Table caption="Inferences" rows={d.items} rowKey={(i) => String(i.id)} empty="No inferences yet." columns={inferenceColumns} />
            <Pager page={page} setPage={setPage} count={d.items.length} limit={10} label="inferences" />
          </>)}</Async>
        </>
      );
    }}</Async>
  );
}

const inferenceColumns = [
  { key: 'id', label: 'Inference', render: (i: any) => <Link to={`/inferences/${i.id}`}>#{i.id}</Link> },
  { key: 'c', label: 'Consumer', render: (i: any) => <AccountLink a={i.consumer} /> },
  { key: 't', label: 'Tokens', num: true, render: (i: any) => `${i.tokens_in ?? '—'} → ${i.tokens_out ?? '—'}` },
  { key: 'f', label: 'Fee', num: true, render: (i: any) => formatAmount(i.fee ?? i.max_fee) },
  { key: 's', label: 'Status', render: (i: any) => <Status s={i.status} /> },
];

export function InferencePage() {
  const { id = '' } = useParams();
  const r = useApi<any>(`/inferences/${encodeURIComponent(id)}`);
  const text = useInferenceText(id);
  const entries = text.data?.entries ?? [];
  return (
    <Async r={r} what="inference">{(i) => (
      <>
        <h1>Inference #{i.id}</h1>
        <p className="subtitle"><Status s={i.status} /> on <Link to={`/models/${i.model_id}`}>model #{i.model_id}</Link></p>
        <KV items={[
          ['Consumer', <AccountLink a={i.consumer} full />], ['Operator', <AccountLink a={i.operator} full />],
          ['Input hash', <span className="mono break">{i.input_hash}</span>], ['Output hash', <span className="mono break">{i.output_hash ?? '—'}</span>],
          ['Tokens', `${i.tokens_in ?? '—'} in, ${i.tokens_out ?? '—'} out`],
          ['Max fee', formatAmount(i.max_fee)], ['Fee', formatAmount(i.fee)],
          ['Requested', <BlockLink n={i.requested} />], ['Output at', <BlockLink n={i.output_at} />], ['Deadline', `#${i.deadline}`],
        ]} />
        <InferenceTexts r={text} />
        <h2>Settlement</h2>
        {i.settlement ? (
          <KV items={[
            ['Block', <BlockLink n={i.settlement.block_number} />], ['Fee', formatAmount(i.settlement.fee)],
            ['To developer', formatAmount(i.settlement.developer)], ['To contributors', formatAmount(i.settlement.contributors)],
            ['To protocol', formatAmount(i.settlement.protocol)], ['Fallback', i.settlement.fallback ? 'yes (no attestation quorum)' : 'no'],
            ['Result hash', <Hash h={i.settlement.result_hash} />], ['Attestations', i.settlement.attestations],
          ]} />
        ) : <p className="state empty">Not settled yet.</p>}
        <h2>Attribution</h2>
        <Table caption="Attribution" rows={i.attribution ?? []} rowKey={(a: any) => String(a.contribution_id)} empty="No attribution recorded." columns={[
          { key: 'c', label: 'Contribution', render: (a: any) => <AttributedContribution id={String(a.contribution_id)} entries={entries} /> },
          { key: 'd', label: 'Datanet', render: (a: any) => <Link to={`/datanets/${a.datanet_id}`}>#{a.datanet_id}</Link> },
          { key: 'o', label: 'Contributor', render: (a: any) => <AccountLink a={a.contributor} /> },
          { key: 'w', label: 'Weight', num: true, render: (a: any) => ppm(a.weight_ppm) },
          { key: 'a', label: 'Amount', num: true, render: (a: any) => formatAmount(a.amount) },
        ]} />
        <h2>Attestations</h2>
        <Table caption="Attestations" rows={i.attestations ?? []} rowKey={(a: any) => a.attestor} empty="No attestations." columns={[
          { key: 'b', label: 'Block', render: (a: any) => <BlockLink n={a.block_number} /> },
          { key: 'a', label: 'Attestor', render: (a: any) => <AccountLink a={a.attestor} /> },
          { key: 'r', label: 'Result hash', render: (a: any) => <Hash h={a.result_hash} /> },
        ]} />
        {i.slashes?.length > 0 && (<><h2>Slashes</h2><Json v={i.slashes} /></>)}
      </>
    )}</Async>
  );
}

export function Nodes() {
  const [page, setPage] = usePage();
  const r = useApi<{ items: any[] }>(`/nodes?limit=${PAGE}&offset=${page * PAGE}`);
  return (
    <>
      <h1>Nodes</h1>
      <Async r={r} what="nodes">{(d) => (<>
        <Table caption="Nodes" rows={d.items} rowKey={(n) => String(n.id)} empty="No nodes registered yet." columns={[
          { key: 'id', label: 'Node', render: (n: any) => <Link to={`/nodes/${n.id}`}>#{n.id}</Link> },
          { key: 'k', label: 'Kind', render: (n: any) => n.kind },
          { key: 'o', label: 'Operator', render: (n: any) => <AccountLink a={n.operator} /> },
          { key: 'b', label: 'Bond', num: true, render: (n: any) => formatAmount(n.bond) },
          { key: 'h', label: 'Last heartbeat', render: (n: any) => <BlockLink n={n.last_heartbeat} /> },
          { key: 'e', label: 'Earned', num: true, render: (n: any) => formatAmount(n.earned) },
          { key: 's', label: 'Status', render: (n: any) => <Status s={n.status} /> },
        ]} />
        <Pager page={page} setPage={setPage} count={d.items.length} limit={PAGE} label="nodes" />
      </>)}</Async>
    </>
  );
}

export function NodePage() {
  const { id = '' } = useParams();
  const r = useApi<any>(`/nodes/${encodeURIComponent(id)}`);
  return (
    <Async r={r} what="node">{(n) => (
      <>
        <h1>Node #{n.id}</h1>
        <p className="subtitle">{n.kind} · <Status s={n.status} /></p>
        <KV items={[
          ['Operator', <AccountLink a={n.operator} full />], ['Peer id', <span className="mono break">{n.peer_id}</span>],
          ['Bond', formatAmount(n.bond)], ['Unbonding until', n.unbonding_until ?? '—'], ['Registered', <BlockLink n={n.registered} />],
          ['Last heartbeat', <BlockLink n={n.last_heartbeat} />], ['Era points', n.era_points], ['Total points', n.total_points], ['Earned', formatAmount(n.earned)],
        ]} />
        <h2>Era payouts</h2>
        <BarChart title="Node reward per era (SLMN)" data={(n.rewards ?? []).slice().reverse().map((x: any) => ({ label: `era ${x.era}`, value: slmnValue(x.amount) }))} />
        <Table caption="Rewards" rows={n.rewards ?? []} rowKey={(x: any) => `${x.block_number}-${x.era}`} empty="No rewards yet." columns={[
          { key: 'b', label: 'Block', render: (x: any) => <BlockLink n={x.block_number} /> },
          { key: 'e', label: 'Era', render: (x: any) => x.era }, { key: 'p', label: 'Points', num: true, render: (x: any) => x.points },
          { key: 'a', label: 'Amount', num: true, render: (x: any) => formatAmount(x.amount) },
        ]} />
        <h2>Recent heartbeats</h2>
        <Table caption="Heartbeats" rows={n.heartbeats ?? []} rowKey={(h: any) => String(h.block_number)} empty="No heartbeats yet." columns={[
          { key: 'b', label: 'Block', render: (h: any) => <BlockLink n={h.block_number} /> },
          { key: 't', label: 'Time', render: (h: any) => when(h.timestamp) },
          { key: 'e', label: 'Era', render: (h: any) => h.era }, { key: 'p', label: 'Points', num: true, render: (h: any) => h.points },
        ]} />
      </>
    )}</Async>
  );
}
