// Live chain data from the node, through the explorer's own server (same origin: /node/…, see server/node.ts): an account's
// balances, a block's justification, a contribution's content preview, an inference's text with its attribution spans.
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatAmount, ppm, useApi, type Loaded, type Source } from './api.ts';
import { useLiveEvents, useRefreshOnBlock } from './live.tsx';
import { AccountLink, Async, BlockLink, Empty, Hash, KV } from './ui.tsx';

export const NODE: Source = { base: () => '', name: 'the explorer server' };
export const useNode = <T = any>(path: string | null): Loaded<T> => useApi<T>(path, NODE);

interface AccountData {
  block: { number: number; hash: string }; nonce: number; free: string; reserved: string; frozen: string;
  pendingNodeRewards: string; pendingContributorRewards: string; holds: { reason: string; amount: string }[];
}

/** Balances at the node's best block, read again whenever a new block arrives. */
export function Balances({ address }: { address: string }) {
  const r = useNode<AccountData>(`/node/accounts/${encodeURIComponent(address)}`);
  useRefreshOnBlock(r);
  return (
    <section aria-label="Balances">
      <h2>Balances</h2>
      <Async r={r} what="balances">{(b) => (
        <KV items={[
          ['Free', <span data-testid="balance-free">{formatAmount(b.free)}</span>],
          ['Reserved', <span data-testid="balance-reserved">{formatAmount(b.reserved)}</span>],
          ['Frozen', <span data-testid="balance-frozen">{formatAmount(b.frozen)}</span>],
          ['Pending node rewards', <span data-testid="pending-node-rewards">{formatAmount(b.pendingNodeRewards)}</span>],
          ['Pending contributor rewards', <span data-testid="pending-contributor-rewards">{formatAmount(b.pendingContributorRewards)}</span>],
          ['Nonce', b.nonce],
          ['Holds', b.holds.length ? b.holds.map((h) => <div key={h.reason}>{h.reason}: {formatAmount(h.amount)}</div>) : 'none'],
          ['At block', <span data-testid="balance-block"><BlockLink n={b.block.number} /></span>],
        ]} />
      )}</Async>
    </section>
  );
}

interface GrandpaJustification {
  engine: string; raw: string; error?: string; round?: string; target?: { hash: string; number: number }; votesAncestries?: number;
  precommits?: { authority: string; address: string; target: { hash: string; number: number }; signature: string }[];
}
interface JustificationData { number: number; finalized: boolean; canonical: boolean; finalizedNumber: number; justifications: GrandpaJustification[] }

/** The block's justifications from the node; asked again when a new finalized block arrives while it has none. */
export function Justification({ hash }: { hash: string }) {
  const r = useNode<JustificationData>(`/node/blocks/${encodeURIComponent(hash)}/justification`);
  useLiveEvents((e) => { if (e.type === 'finalized' && r.data && r.data.justifications.length === 0) r.reload(); });
  return (
    <section aria-label="Justification">
      <h2>Justification</h2>
      <Async r={r} what="justification" missing={<Empty>The node does not know this block (a reverted fork?).</Empty>}>{(d) => (
        d.justifications.length === 0 ? (
          <p className="state empty" data-testid="justification-none">
            {!d.canonical ? 'none: this block is not on the node\'s chain'
              : d.finalized ? `none: finalized by a later block's justification (finalized head #${d.finalizedNumber})`
              : `none yet: not finalized (finalized head #${d.finalizedNumber})`}
          </p>
        ) : <>{d.justifications.map((j, i) => <JustificationBox key={i} j={j} />)}</>
      )}</Async>
    </section>
  );
}

function JustificationBox({ j }: { j: GrandpaJustification }) {
  if (j.engine !== 'FRNK' || !j.precommits || !j.target) {
    return <KV items={[['Engine', j.engine], ['Data', <span className="mono break">{j.raw}</span>], ...(j.error ? [['Error', j.error] as [string, string]] : [])]} />;
  }
  return (
    <div data-testid="justification">
      <KV items={[
        ['Engine', 'GRANDPA (FRNK)'],
        ['Round', <span data-testid="justification-round">{j.round}</span>],
        ['Target', <><BlockLink n={j.target.number} /> <Hash h={j.target.hash} /></>],
        ['Precommits', j.precommits.length],
        ['Votes ancestries', j.votesAncestries ?? 0],
      ]} />
      <p className="subtitle">Signed by (GRANDPA authority keys):</p>
      <ul className="signers" aria-label="Precommit signers">
        {j.precommits.map((p) => (
          <li key={p.authority}><AccountLink a={p.address} full /> <small>precommit for <BlockLink n={p.target.number} /></small></li>
        ))}
      </ul>
    </div>
  );
}

interface ContentData { hash: string; size: number; text: boolean; preview: string | null; previewHex: string | null; truncated: boolean; verified: boolean }

/** The start of a contribution's bytes from the node's content store. */
export function ContentPreview({ hash }: { hash: string }) {
  const r = useNode<ContentData>(`/node/content/${encodeURIComponent(hash)}`);
  return (
    <section aria-label="Content preview">
      <h2>Content</h2>
      <Async r={r} what="content" missing={<Empty>Not in the content store: the node has not got these bytes.</Empty>}>{(c) => (<>
        <p className="subtitle">
          {c.size} bytes{c.text ? ', UTF-8 text' : ', binary'}{c.truncated ? ` · the first ${c.text ? (c.preview ?? '').length + ' characters' : '256 bytes'}` : ''}
          {c.verified ? ' · checked against the content hash' : ''}
        </p>
        {c.text ? <pre className="preview" data-testid="content-preview">{c.preview}</pre>
          : <pre className="preview mono" data-testid="content-preview-hex">{c.previewHex}</pre>}
      </>)}</Async>
    </section>
  );
}

interface Span { start: number; end: number; text: string; contributions: string[] }
export interface InferenceText {
  prompt: string | null; promptAvailable: boolean; output: string | null; outputAvailable: boolean; inputHash: string; outputHash: string | null;
  entries: { contribution: string; weightPpm: number }[]; spans: Span[]; attribution: { exact: boolean; matchesChain: boolean | null; note?: string } | null;
}
const COLOURS = 8;

/** The colour of each attributed contribution: by weight rank (the table's order). */
export const colourOf = (entries: { contribution: string }[]) => {
  const rank = new Map(entries.map((e, i) => [e.contribution, i]));
  return (c: string) => `c${(rank.get(c) ?? 0) % COLOURS}`;
};

/** The output with its evidence spans marked, each in the colour of its highest-weighted attributed contribution. */
function Marked({ text, spans, colour, weight }: { text: string; spans: Span[]; colour: (c: string) => string; weight: (c: string) => number }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(s.start, at);
    if (start >= s.end) continue; // inside the previous span
    if (start > at) parts.push(text.slice(at, start));
    const top = [...s.contributions].sort((a, b) => weight(b) - weight(a))[0];
    parts.push(
      <mark key={start} className={colour(top)} data-contribution={top} title={`in contribution${s.contributions.length > 1 ? 's' : ''} ${s.contributions.map((c) => '#' + c).join(', ')}`}>
        {text.slice(start, s.end)}
      </mark>,
    );
    at = s.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <pre className="preview" data-testid="output-text">{parts.map((p, i) => <Fragment key={i}>{p}</Fragment>)}</pre>;
}

export const useInferenceText = (id: string) => useNode<InferenceText>(`/node/inferences/${encodeURIComponent(id)}/text`);

/** Prompt and output text from the content store, the output's matching spans highlighted per attributed contribution. */
export function InferenceTexts({ r }: { r: Loaded<InferenceText> }) {
  return (
    <section aria-label="Prompt and output">
      <Async r={r} what="inference text">{(t) => {
        const colour = colourOf(t.entries);
        const weights = new Map(t.entries.map((e) => [e.contribution, e.weightPpm]));
        const weight = (c: string) => weights.get(c) ?? 0;
        const shown = new Set(t.spans.flatMap((s) => s.contributions));
        return (<>
          <h2>Prompt</h2>
          {t.prompt !== null ? <pre className="preview" data-testid="prompt-text">{t.prompt}</pre>
            : <Empty>Text not available: {t.promptAvailable ? 'the input is not UTF-8 text' : `the content store has no bytes under ${t.inputHash}`}.</Empty>}
          <h2>Output</h2>
          {t.output === null ? <Empty>Text not available: {!t.outputHash ? 'no output yet' : t.outputAvailable ? 'the output is not UTF-8 text' : `the content store has no bytes under ${t.outputHash}`}.</Empty> : (<>
            {t.spans.length > 0 && (
              <ul className="legend" aria-label="Highlighted contributions">
                {t.entries.filter((e) => shown.has(e.contribution)).map((e) => (
                  <li key={e.contribution}>
                    <mark className={colour(e.contribution)}>#{e.contribution}</mark> <a href={`#attribution-${e.contribution}`}>contribution #{e.contribution}</a> ({ppm(e.weightPpm)})
                  </li>
                ))}
              </ul>
            )}
            <Marked text={t.output} spans={t.spans} colour={colour} weight={weight} />
            {t.attribution && (
              <p className="subtitle" data-testid="spans-note">
                {t.spans.length} matching span{t.spans.length === 1 ? '' : 's'} from the attribution algorithm (v1)
                {t.attribution.matchesChain === true ? ', recomputed over the model\'s training set: the result hash equals the chain\'s'
                  : t.attribution.matchesChain === false ? ', recomputed over the model\'s training set: the result hash differs from the chain\'s' : ''}
                {t.attribution.note ? ` (${t.attribution.note})` : ''}.
              </p>
            )}
          </>)}
        </>);
      }}</Async>
    </section>
  );
}

/** A contribution cell of the attribution table: the row's anchor and the colour its spans are marked in. */
export const AttributedContribution = ({ id, entries }: { id: string; entries: { contribution: string }[] }) => (
  <span id={`attribution-${id}`}>
    {entries.some((e) => e.contribution === id) && <mark className={`swatch ${colourOf(entries)(id)}`} aria-hidden="true" />}
    <Link to={`/contributions/${id}`}>#{id}</Link>
  </span>
);
