// Dashboards for one account, meant to stay open: as a contributor (earnings over time, attribution share by model,
// contributions) and as a node operator (pending rewards, nodes, era payouts, heartbeats). Refreshed on every new block.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatAmount, pendingAmount, ppm, slmnValue, useApi, useSeries, when } from '../api.ts';
import { useRefreshOnBlock } from '../live.tsx';
import { AccountLink, Async, BarChart, BlockLink, bucketLabel, KV, Pager, Status, Table, usePage } from '../ui.tsx';

const KEY = 'slmnet-explorer-dashboard';
const PAGE = 10;

/** /dashboard: asks for the account (remembered in this browser) and opens its dashboard. */
export function DashboardPicker() {
  const navigate = useNavigate();
  let remembered = '';
  try { remembered = localStorage.getItem(KEY) ?? ''; } catch { /* storage disabled */ }
  const [address, setAddress] = useState(remembered);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const a = address.trim();
    if (!a) return;
    try { localStorage.setItem(KEY, a); } catch { /* storage disabled */ }
    navigate(`/dashboard/${encodeURIComponent(a)}`);
  };
  return (
    <>
      <h1>Dashboard</h1>
      <p className="description">Your earnings as a contributor and your rewards as a node operator, live. Enter your account address (SS58).</p>
      <form className="filters" onSubmit={submit} aria-label="Open a dashboard">
        <label>Account <input aria-label="Account address" value={address} onChange={(e) => setAddress(e.target.value)} size={50} placeholder="5Grw…" required /></label>
        <button type="submit">Open dashboard</button>
      </form>
    </>
  );
}

export function Dashboard() {
  const { address = '' } = useParams();
  const a = encodeURIComponent(address);
  const summary = useApi<any>(`/accounts/${a}`);
  useRefreshOnBlock(summary);
  return (
    <>
      <h1>Dashboard</h1>
      <p className="subtitle">for <AccountLink a={address} full /> · <Link to="/dashboard">another account</Link></p>
      <Async r={summary} what="account">{(s) => (<>
        <ContributorDashboard address={address} s={s} />
        <OperatorDashboard address={address} s={s} />
      </>)}</Async>
    </>
  );
}

function ContributorDashboard({ address, s }: { address: string; s: any }) {
  const a = encodeURIComponent(address);
  const [page, setPage] = usePage('contributions');
  const { series, unit, all } = useSeries(`/stats/earnings?contributor=${a}`, 'hour', 'minute');
  const byModel = useApi<{ items: any[] }>(`/accounts/${a}/earnings-by-model`);
  const contributions = useApi<{ items: any[] }>(`/contributions?contributor=${a}&limit=${PAGE}&offset=${page * PAGE}`);
  useRefreshOnBlock(...all, byModel, contributions);
  if (s.contributions === 0) {
    return (<section aria-labelledby="as-contributor"><h2 id="as-contributor">As a contributor</h2>
      <p className="state empty">This account has made no contributions. <code>slmnet contribute --help</code> shows how to add data to a datanet.</p></section>);
  }
  return (
    <section aria-labelledby="as-contributor">
      <h2 id="as-contributor">As a contributor</h2>
      <KV items={[
        ['Earned', <span data-testid="contributor-earned">{formatAmount(s.contributor_earned)}</span>],
        ['Claimed', formatAmount(s.contributor_claimed)],
        ['Pending (claimable)', <span data-testid="contributor-pending">{formatAmount(pendingAmount(s.contributor_earned, s.contributor_claimed))}</span>],
        ['Contributions', `${s.contributions} (${s.accepted} accepted)`],
      ]} />
      <div className="charts">
        <Async r={series} what="earnings chart">{(d) => (
          <BarChart title={`Earnings per ${unit} (SLMN)`} data={d.items.map((x) => ({ label: bucketLabel(x.period, unit), value: slmnValue(x.amount), title: `${bucketLabel(x.period, unit)}: ${formatAmount(x.amount)} from ${x.attributions} attributions` }))} />
        )}</Async>
        <Async r={byModel} what="attribution share">{(d) => (
          <BarChart title="Share of earnings by model (%)" data={d.items.map((x) => ({ label: x.model_name ?? `#${x.model_id}`, value: x.share_ppm / 10_000, title: `${x.model_name}: ${ppm(x.share_ppm)}, ${formatAmount(x.earned)}` }))} />
        )}</Async>
      </div>
      <h3>Attribution share by model</h3>
      <Async r={byModel} what="attribution share">{(d) => (
        <Table caption="Attribution share by model" rows={d.items} rowKey={(x) => String(x.model_id)} empty="None of this account's contributions has been attributed yet." columns={[
          { key: 'm', label: 'Model', render: (x: any) => <Link to={`/models/${x.model_id}`}>#{x.model_id} {x.model_name}</Link> },
          { key: 'i', label: 'Inferences', num: true, render: (x: any) => x.inferences },
          { key: 'w', label: 'Summed weight', num: true, render: (x: any) => ppm(x.weight_ppm) },
          { key: 'e', label: 'Earned', num: true, render: (x: any) => formatAmount(x.earned) },
          { key: 's', label: 'Share', num: true, render: (x: any) => ppm(x.share_ppm) },
        ]} />
      )}</Async>
      <h3>Contributions</h3>
      <Async r={contributions} what="contributions">{(d) => (<>
        <Table caption="My contributions" rows={d.items} rowKey={(x) => String(x.id)} empty="No contributions." columns={[
          { key: 'id', label: 'Contribution', render: (c: any) => <Link to={`/contributions/${c.id}`}>#{c.id}</Link> },
          { key: 'd', label: 'Datanet', render: (c: any) => <Link to={`/datanets/${c.datanet_id}`}>#{c.datanet_id}</Link> },
          { key: 's', label: 'Status', render: (c: any) => <Status s={c.status} /> },
          { key: 'q', label: 'Quality', num: true, render: (c: any) => c.quality ?? '—' },
          { key: 'i', label: 'Inferences', num: true, render: (c: any) => c.inferences },
          { key: 'e', label: 'Earned', num: true, render: (c: any) => formatAmount(c.earned) },
        ]} />
        <Pager page={page} setPage={setPage} count={d.items.length} limit={PAGE} label="contributions" />
      </>)}</Async>
    </section>
  );
}

function OperatorDashboard({ address, s }: { address: string; s: any }) {
  const a = encodeURIComponent(address);
  const nodes = useApi<{ items: any[] }>(`/nodes?operator=${a}&limit=100`);
  const rewards = useApi<{ items: any[] }>(`/accounts/${a}/rewards?kind=node&limit=100`);
  useRefreshOnBlock(nodes, rewards);
  const runsNodes = s.nodes?.length > 0;
  // block authors (validators) are rewarded too, registered node or not
  if (!runsNodes && BigInt(s.node_rewarded ?? 0) === 0n) {
    return (<section aria-labelledby="as-operator"><h2 id="as-operator">As a node operator</h2>
      <p className="state empty">This account runs no registered node. <code>slmnet node register --help</code> shows how to register one.</p></section>);
  }
  return (
    <section aria-labelledby="as-operator">
      <h2 id="as-operator">As a node operator</h2>
      <KV items={[
        ['Rewarded (node and author)', formatAmount(s.node_rewarded)],
        ['Claimed', formatAmount(s.node_claimed)],
        ['Pending rewards', <span data-testid="operator-pending">{formatAmount(pendingAmount(s.node_rewarded, s.node_claimed))}</span>],
      ]} />
      {runsNodes && <h3>Nodes</h3>}
      {runsNodes && <Async r={nodes} what="nodes">{(d) => (
        <Table caption="My nodes" rows={d.items} rowKey={(n) => String(n.id)} columns={[
          { key: 'id', label: 'Node', render: (n: any) => <Link to={`/nodes/${n.id}`}>#{n.id}</Link> },
          { key: 'k', label: 'Kind', render: (n: any) => n.kind },
          { key: 's', label: 'Status', render: (n: any) => <Status s={n.status} /> },
          { key: 'b', label: 'Bond', num: true, render: (n: any) => formatAmount(n.bond) },
          { key: 'p', label: 'Era points', num: true, render: (n: any) => n.era_points },
          { key: 'h', label: 'Last heartbeat', render: (n: any) => <BlockLink n={n.last_heartbeat} /> },
          { key: 'e', label: 'Earned', num: true, render: (n: any) => formatAmount(n.earned) },
        ]} />
      )}</Async>}
      <h3>Era payouts</h3>
      <Async r={rewards} what="era payouts">{(d) => <BarChart title="Node rewards per era (SLMN)" data={perEra(d.items)} />}</Async>
      <Async r={nodes} what="heartbeats">{(d) => <>{d.items.map((n) => <Heartbeats key={n.id} id={n.id} />)}</>}</Async>
    </section>
  );
}

/** Node reward rows (newest first) summed per era, oldest era first. */
function perEra(rows: any[]) {
  const sums = new Map<number, bigint>();
  for (const r of rows) sums.set(r.era, (sums.get(r.era) ?? 0n) + BigInt(r.amount));
  return [...sums].sort(([x], [y]) => x - y).map(([era, amount]) => ({ label: `era ${era}`, value: slmnValue(amount), title: `era ${era}: ${formatAmount(amount)}` }));
}

function Heartbeats({ id }: { id: number }) {
  const r = useApi<any>(`/nodes/${id}`);
  useRefreshOnBlock(r);
  return (
    <>
      <h3>Heartbeats of node #{id}</h3>
      <Async r={r} what="heartbeats">{(n) => (
        <Table caption={`Heartbeats of node #${id}`} rows={(n.heartbeats ?? []).slice(0, 5)} rowKey={(h: any) => String(h.block_number)} empty="No heartbeats yet." columns={[
          { key: 'b', label: 'Block', render: (h: any) => <BlockLink n={h.block_number} /> },
          { key: 't', label: 'Time', render: (h: any) => when(h.timestamp) },
          { key: 'e', label: 'Era', render: (h: any) => h.era },
          { key: 'p', label: 'Points', num: true, render: (h: any) => h.points },
        ]} />
      )}</Async>
    </>
  );
}
