// Chain views: home (live blocks and finality), block, extrinsic, account, search results.
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { formatAmount, pendingAmount, short, useApi, when } from '../api.ts';
import { useLive, useLiveEvents, type LiveBlock } from '../live.tsx';
import { AccountLink, Async, BlockLink, ErrorBox, Hash, KV, Loading, Pager, Status, Table, usePage } from '../ui.tsx';
import { itemPath } from '../search.tsx';
import { Balances, Justification } from '../node.tsx';

interface BlockRow { number: number; hash: string; author?: string | null; timestamp?: string | null; finalized?: boolean; extrinsic_count: number; event_count: number; live?: boolean }
const HOME_BLOCKS = 20;

export function Home() {
  const initial = useApi<{ items: BlockRow[] }>(`/blocks?limit=${HOME_BLOCKS}`);
  const stats = useApi<any>('/health');
  const { connected, finalized } = useLive();
  const [blocks, setBlocks] = useState<BlockRow[] | null>(null);
  const [transfers, setTransfers] = useState<(LiveBlock['transfers'][number] & { block: number })[]>([]);
  useEffect(() => { if (initial.data && blocks === null) setBlocks(initial.data.items); }, [initial.data, blocks]);
  useLiveEvents((e) => {
    if (e.type === 'block') {
      const b = e.data;
      setBlocks((bs) => [{ number: b.number, hash: b.hash, extrinsic_count: b.extrinsicCount, event_count: b.eventCount, live: true },
        ...(bs ?? []).filter((x) => x.number < b.number)].slice(0, HOME_BLOCKS));
      if (b.transfers.length) setTransfers((ts) => [...b.transfers.map((t) => ({ ...t, block: b.number })), ...ts].slice(0, 10));
    } else if (e.type === 'rollback') {
      setBlocks((bs) => (bs ?? []).filter((x) => x.number < e.data.from));
    }
  });
  const fin = Math.max(finalized ?? -1, stats.data?.indexedFinalized ?? -1);
  const isFinal = (b: BlockRow) => b.finalized || (fin >= 0 && b.number <= fin);
  return (
    <>
      <h1>Latest blocks</h1>
      <p className="live-status" aria-live="polite">
        <span className={connected ? 'dot on' : 'dot'} aria-hidden="true" /> <span>{connected ? 'Live' : 'Connecting to live updates…'}</span>
        {fin >= 0 && <> · finalized <span data-testid="finalized">#{fin}</span></>}
        {stats.data && <> · indexed #{stats.data.indexed} of chain #{stats.data.chainHead}</>}
      </p>
      {initial.error && !blocks ? <ErrorBox error={initial.error} retry={initial.reload} /> : !blocks ? <Loading what="blocks" /> : (
        <Table<BlockRow> caption="Latest blocks" rows={blocks} rowKey={(b) => b.hash} empty="No blocks indexed yet." columns={[
          { key: 'n', label: 'Block', render: (b) => <BlockLink n={b.number} /> },
          { key: 'h', label: 'Hash', render: (b) => <Hash h={b.hash} /> },
          { key: 'x', label: 'Extrinsics', num: true, render: (b) => b.extrinsic_count },
          { key: 'e', label: 'Events', num: true, render: (b) => b.event_count },
          { key: 'f', label: 'Finality', render: (b) => isFinal(b) ? <span className="badge badge-finalized">finalized</span> : <span className="badge">best</span> },
        ]} />
      )}
      <h2>Live transfers</h2>
      <Table caption="Live transfers" rows={transfers} rowKey={(t) => `${t.block}-${t.eventIndex}`} empty="No transfers since this page opened." columns={[
        { key: 'b', label: 'Block', render: (t) => <BlockLink n={t.block} /> },
        { key: 'f', label: 'From', render: (t) => <AccountLink a={t.from} /> },
        { key: 't', label: 'To', render: (t) => <AccountLink a={t.to} /> },
        { key: 'a', label: 'Amount', num: true, render: (t) => formatAmount(t.amount) },
      ]} />
    </>
  );
}

const EXTRINSICS_PAGE = 25;

export function BlockPage() {
  const { id = '' } = useParams();
  const r = useApi<any>(`/blocks/${encodeURIComponent(id)}`);
  const [page, setPage] = usePage();
  const [evPage, setEvPage] = usePage('events');
  const b = r.data;
  const xs = useApi<{ items: any[] }>(b ? `/extrinsics?block=${b.number}&limit=${EXTRINSICS_PAGE}&offset=${page * EXTRINSICS_PAGE}&sort=block_number` : null);
  const events = useApi<{ items: any[] }>(b ? `/events?block=${b.number}&limit=25&offset=${evPage * 25}&sort=block_number` : null);
  return (
    <Async r={r} what="block">{(b) => (
      <>
        <h1>Block #{b.number}</h1>
        <KV items={[
          ['Hash', <span className="mono break">{b.hash}</span>],
          ['Parent', b.number > 0 ? <Link className="mono break" to={`/blocks/${b.number - 1}`}>{b.parent_hash}</Link> : <span className="mono break">{b.parent_hash}</span>],
          ['State root', <span className="mono break">{b.state_root}</span>],
          ['Extrinsics root', <span className="mono break">{b.extrinsics_root}</span>],
          ['Author', <AccountLink a={b.author} full />],
          ['Time', when(b.timestamp)],
          ['Spec version', b.spec_version],
          ['Finality', b.finalized ? <span className="badge badge-finalized">finalized</span> : <span className="badge">not finalized</span>],
        ]} />
        <p><Link to={`/blocks/${b.number + 1}`}>Next block →</Link></p>
        <Justification hash={b.hash} />
        <h2>Extrinsics ({b.extrinsic_count})</h2>
        <Async r={xs} what="extrinsics">{(d) => (<>
          <Table caption="Extrinsics" rows={d.items} rowKey={(x) => `${x.block_number}-${x.index}`} empty="No extrinsics." columns={extrinsicColumns} />
          {b.extrinsic_count > EXTRINSICS_PAGE && <Pager page={page} setPage={setPage} count={d.items.length} limit={EXTRINSICS_PAGE} label="extrinsics" />}
        </>)}</Async>
        <h2>Events ({b.event_count})</h2>
        <Async r={events} what="events">{(d) => (<>
          <Table caption="Events" rows={d.items} rowKey={(e) => String(e.index)} empty="No events." columns={eventColumns} />
          <Pager page={evPage} setPage={setEvPage} count={d.items.length} limit={25} label="events" />
        </>)}</Async>
      </>
    )}</Async>
  );
}

const extrinsicColumns = [
  { key: 'id', label: 'Extrinsic', render: (x: any) => <Link to={`/extrinsics/${x.block_number}-${x.index}`}>{x.block_number}-{x.index}</Link> },
  { key: 'c', label: 'Call', render: (x: any) => `${x.pallet}.${x.call}` },
  { key: 's', label: 'Signer', render: (x: any) => <AccountLink a={x.signer} /> },
  { key: 'f', label: 'Fee', num: true, render: (x: any) => formatAmount(x.fee) },
  { key: 'r', label: 'Result', render: (x: any) => x.success ? <span className="badge badge-accepted">success</span> : <span className="badge badge-rejected">{x.error ?? 'failed'}</span> },
];
const eventColumns = [
  { key: 'i', label: 'Index', render: (e: any) => `${e.block_number}-${e.index}` },
  { key: 'x', label: 'Extrinsic', render: (e: any) => e.extrinsic_index === null ? e.phase : <Link to={`/extrinsics/${e.block_number}-${e.extrinsic_index}`}>{e.block_number}-{e.extrinsic_index}</Link> },
  { key: 'n', label: 'Event', render: (e: any) => `${e.pallet}.${e.name}` },
  { key: 'd', label: 'Data', render: (e: any) => <Json v={e.data} /> },
];

export const Json = ({ v }: { v: unknown }) => <pre className="json">{JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x), 2)}</pre>;

export function ExtrinsicPage() {
  const { id = '' } = useParams();
  const r = useApi<any>(`/extrinsics/${encodeURIComponent(id)}`);
  return (
    <Async r={r} what="extrinsic">{(x) => (
      <>
        <h1>Extrinsic {x.block_number}-{x.index}</h1>
        <KV items={[
          ['Call', <strong>{x.pallet}.{x.call}</strong>],
          ['Block', <BlockLink n={x.block_number} />],
          ['Hash', <span className="mono break">{x.hash}</span>],
          ['Signer', x.signer ? <AccountLink a={x.signer} full /> : 'unsigned'],
          ['Fee', formatAmount(x.fee)], ['Tip', formatAmount(x.tip)],
          ['Result', x.success ? <span className="badge badge-accepted">success</span> : <span className="badge badge-rejected">{x.error ?? 'failed'}</span>],
        ]} />
        <h2>Arguments</h2>
        <Json v={x.args} />
        <h2>Events</h2>
        <Table caption="Events" rows={x.events ?? []} rowKey={(e: any) => String(e.index)} empty="No events." columns={eventColumns} />
      </>
    )}</Async>
  );
}

export function AccountPage() {
  const { address = '' } = useParams();
  const a = encodeURIComponent(address);
  const summary = useApi<any>(`/accounts/${a}`);
  const [page, setPage] = usePage('transfers');
  const [epage, setEpage] = usePage('earnings');
  const transfers = useApi<{ items: any[] }>(`/accounts/${a}/transfers?limit=20&offset=${page * 20}`);
  const earnings = useApi<{ items: any[] }>(`/accounts/${a}/earnings?limit=20&offset=${epage * 20}`);
  const rewards = useApi<{ items: any[] }>(`/accounts/${a}/rewards?limit=10`);
  useLiveEvents((e) => {
    if (e.type === 'block' && e.data.transfers.some((t) => t.from === address || t.to === address)) { transfers.reload(); summary.reload(); }
  });
  return (
    <>
      <h1>Account</h1>
      <p className="mono break" data-testid="address">{address}</p>
      <p><Link to={`/dashboard/${a}`}>Open the dashboard of this account</Link> (earnings over time, attribution share by model, node rewards)</p>
      <Balances address={address} />
      <h2>Activity</h2>
      <Async r={summary} what="account">{(s) => (
        <KV items={[
          ['Last seen', <BlockLink n={s.last_seen_block} />],
          ['Datanets owned', s.datanets?.length ? s.datanets.map((d: number) => <Link key={d} className="chip" to={`/datanets/${d}`}>#{d}</Link>) : 'none'],
          ['Contributions', `${s.contributions} (${s.accepted} accepted)`],
          ['Contributor earnings', formatAmount(s.contributor_earned)],
          ['Contributor claimed', formatAmount(s.contributor_claimed)],
          ['Pending contributor rewards', formatAmount(pendingAmount(s.contributor_earned, s.contributor_claimed))],
          ['Models', s.models?.length ? s.models.map((m: number) => <Link key={m} className="chip" to={`/models/${m}`}>#{m}</Link>) : 'none'],
          ['Inferences requested', s.inferences],
          ['Nodes', s.nodes?.length ? s.nodes.map((n: number) => <Link key={n} className="chip" to={`/nodes/${n}`}>#{n}</Link>) : 'none'],
          ['Node rewards', `${formatAmount(s.node_rewarded)} (claimed ${formatAmount(s.node_claimed)})`],
        ]} />
      )}</Async>
      <h2>Transfers</h2>
      <Async r={transfers} what="transfers">{(d) => (<>
        <Table caption="Transfers" rows={d.items} rowKey={(t) => `${t.block_number}-${t.event_index}`} empty="No transfers." columns={[
          { key: 'b', label: 'Block', render: (t) => <BlockLink n={t.block_number} /> },
          { key: 'd', label: 'Direction', render: (t) => (t.to === address ? 'in' : 'out') },
          { key: 'f', label: 'From', render: (t) => <AccountLink a={t.from} /> },
          { key: 't', label: 'To', render: (t) => <AccountLink a={t.to} /> },
          { key: 'a', label: 'Amount', num: true, render: (t) => formatAmount(t.amount) },
        ]} />
        <Pager page={page} setPage={setPage} count={d.items.length} limit={20} label="transfers" />
      </>)}</Async>
      <h2>Contributor earnings</h2>
      <Async r={earnings} what="earnings">{(d) => (<>
        <Table caption="Contributor earnings" rows={d.items} rowKey={(e) => `${e.inference_id}-${e.contribution_id}`} empty="No earnings." columns={[
          { key: 'b', label: 'Block', render: (e) => <BlockLink n={e.block_number} /> },
          { key: 'i', label: 'Inference', render: (e) => <Link to={`/inferences/${e.inference_id}`}>#{e.inference_id}</Link> },
          { key: 'c', label: 'Contribution', render: (e) => <Link to={`/contributions/${e.contribution_id}`}>#{e.contribution_id}</Link> },
          { key: 'a', label: 'Amount', num: true, render: (e) => formatAmount(e.amount) },
        ]} />
        <Pager page={epage} setPage={setEpage} count={d.items.length} limit={20} label="earnings" />
      </>)}</Async>
      <h2>Rewards</h2>
      <Async r={rewards} what="rewards">{(d) => (
        <Table caption="Rewards" rows={d.items} rowKey={(x: any) => `${x.block_number}-${x.kind}-${x.event_index ?? ''}-${x.amount}`} empty="No rewards." columns={[
          { key: 'b', label: 'Block', render: (x: any) => <BlockLink n={x.block_number} /> },
          { key: 'k', label: 'Kind', render: (x: any) => x.kind },
          { key: 'a', label: 'Amount', num: true, render: (x: any) => formatAmount(x.amount) },
        ]} />
      )}</Async>
    </>
  );
}

export function SearchPage() {
  const [sp] = useSearchParams();
  const q = sp.get('q') ?? '';
  const r = useApi<{ items: any[] }>(q ? `/search?q=${encodeURIComponent(q)}` : null);
  if (!q) return <p className="state empty">Type a block number or hash, an extrinsic, an address, an id or a name in the search box.</p>;
  return (
    <>
      <h1>Search results for “{q}”</h1>
      <Async r={r} what="results">{(d) => d.items.length === 0 ? <p className="state empty">Nothing matches “{q}”.</p> : (
        <ul className="results" aria-label="Search results">
          {d.items.map((it) => (
            <li key={`${it.kind}-${it.id}`}><span className="badge">{it.kind}</span> <Link to={itemPath(it)}>{it.label}</Link> <small>({it.match})</small></li>
          ))}
        </ul>
      )}</Async>
    </>
  );
}

export { short };
