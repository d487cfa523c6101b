// The explorer (explorer/, a React app over the indexer API) in headless Chromium against the real stack: a dev node seeded
// by `slmnet demo seed`, the indexer following it, the production build served by slmnet-explorer. Every main page renders
// the seeded data, search finds each kind of object, the datanet's contributions paginate, charts draw bars, a new transfer
// appears live without a reload, and a datanet named with HTML/script is shown as text. Screenshots go to explorer/screenshots/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { encodeAddress } from '@polkadot/util-crypto';
import { connect, contentRef, devAccount, downloadContent, fromUri, transfer, UNIT, type ApiPromise } from '@slmnet/client';
import { startIndexer, type RunningIndexer } from '@slmnet/indexer';
import { startExplorer, type RunningExplorer } from '../explorer/server/server.ts';
import { chromiumPath, launchBrowser } from './helpers/browser.ts';
import { cli, ok } from './helpers/cli.ts';
import { ROOT, startNode, waitFor, type RunningNode } from './helpers/node.ts';

const SHOTS = join(ROOT, 'explorer/screenshots');
const DEMO_CONTENT = join(ROOT, 'scripts/demo/content');
const XSS_NAME = '<img src=x onerror=alert(1)><script>window.pwned=1</script>';
/** Metadata with markup in its description and in a field: shown as text too. */
const XSS_METADATA = { description: '<b onmouseover="window.pwned=2">bold?</b><iframe src="javascript:window.pwned=3"></iframe>', homepage: '<a href="javascript:window.pwned=4">home</a>' };
const UI_TIMEOUT = 15_000;

let node: RunningNode;
let api: ApiPromise;
let indexer: RunningIndexer;
let explorer: RunningExplorer;
let browser: Browser;
let xssId: number;
const dialogs: string[] = [];
const pageErrors: string[] = [];

const get = async (path: string) => {
  const r = await fetch(indexer.apiUrl + path);
  expect(r.status, path).toBe(200);
  return r.json() as Promise<any>;
};

async function open(path: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.setDefaultTimeout(UI_TIMEOUT);
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  page.on('pageerror', (e) => { pageErrors.push(`${path}: ${e.message}`); });
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`${path}: console: ${m.text()}`); });
  await page.goto(explorer.url + path);
  return page;
}
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
/** The texts of a table's first column. */
const firstColumn = (page: Page, table: string) => page.getByRole('table', { name: table, exact: true }).locator('tbody tr td:first-child').allInnerTexts();

beforeAll(async () => {
  chromiumPath(); // missing: fail now, with the install command, not after seeding a chain
  mkdirSync(SHOTS, { recursive: true });
  // the build under test: the current sources
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: join(ROOT, 'explorer'), stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } });
  node = await startNode();
  api = await connect(node.url);
  await ok('--url', node.url, '--json', 'demo', 'seed');
  await ok('--url', node.url, '--json', 'datanet', 'create', XSS_NAME, '--deposit', '1', '--tags', 'demo', '--metadata', JSON.stringify(XSS_METADATA), '--suri', '//Alice');
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  indexer = await startIndexer({ url: node.url, port: 0 });
  await waitFor(async () => ((await get('/health')).indexed >= head ? true : undefined), 'the indexer to catch up', 60_000);
  xssId = (await get('/datanets?limit=100')).items.find((d: any) => d.name === XSS_NAME).id;
  explorer = await startExplorer({ port: 0, api: indexer.apiUrl, node: node.url });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await explorer?.stop();
  await indexer?.stop();
  await api?.disconnect();
  await node?.stop();
});

describe('explorer', () => {
  it('serves the build: deep links get the app, /config.js names the indexer, unknown assets are 404', async () => {
    const deep = await fetch(explorer.url + '/datanets/0?page=1');
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root"></div>');
    expect(deep.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await (await fetch(explorer.url + '/config.js')).text()).toContain(JSON.stringify(indexer.apiUrl));
    expect((await fetch(explorer.url + '/assets/nope.js')).status).toBe(404);
    expect((await fetch(explorer.url + '/../package.json')).status).not.toBe(200);
  });

  it('home shows the latest blocks and the finalized marker', async () => {
    const t0 = Date.now();
    const page = await open('/');
    const blocks = page.getByRole('table', { name: 'Latest blocks', exact: true });
    await blocks.locator('tbody tr').first().waitFor();
    // first load, cold cache (reported, not asserted): navigation timing and the first block row on screen
    const nav = await page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming; return { dcl: Math.round(n.domContentLoadedEventEnd), load: Math.round(n.loadEventEnd), bytes: n.transferSize }; });
    const js = await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js')).map((r) => (r as PerformanceResourceTiming).transferSize));
    console.log(`explorer first load: DOMContentLoaded ${nav.dcl} ms, load ${nav.load} ms, first blocks after ${Date.now() - t0} ms (page open included), JS transferred ${js.join('+')} B`);
    const first = await firstColumn(page, 'Latest blocks');
    expect(first.length).toBeGreaterThan(5);
    expect(first[0]).toMatch(/^#\d+$/);
    await page.getByTestId('finalized').waitFor();
    await page.getByText('Live', { exact: true }).waitFor();
    await shot(page, 'home');
    await page.close();
  });

  it('search finds a datanet, a model, a block, an account, and lists ambiguous results', async () => {
    const page = await open('/');
    const search = async (q: string) => { await page.getByLabel(/^Search blocks/).fill(q); await page.getByLabel(/^Search blocks/).press('Enter'); };
    await search('Medical');
    await page.waitForURL(/\/datanets\/0$/);
    await expect(page.getByTestId('datanet-name').innerText()).resolves.toBe('Medical Q&A');
    await search('rust-gram');
    await page.waitForURL(/\/models\/0$/);
    await expect(page.getByTestId('model-name').innerText()).resolves.toBe('rust-gram');
    const block = await get('/blocks/4');
    await search(block.hash);
    await page.waitForURL(/\/blocks\/4$/);
    await page.getByRole('heading', { name: 'Block #4' }).waitFor();
    const alice = devAccount('Alice').address;
    await search(alice);
    await page.waitForURL(new RegExp(`/accounts/${alice}$`));
    await expect(page.getByTestId('address').innerText()).resolves.toBe(alice);
    await search('1');
    await page.waitForURL(/\/search\?q=1$/);
    const results = page.getByRole('list', { name: 'Search results' });
    await results.locator('li').first().waitFor();
    const kinds = await results.locator('li .badge').allInnerTexts();
    expect(new Set(kinds)).toEqual(new Set(['block', 'datanet', 'model', 'contribution', 'inference', 'node']));
    await results.getByRole('link', { name: /^Block #1/ }).click();
    await page.waitForURL(/\/blocks\/1$/);
    await page.close();
  });

  it('datanet page: seeded fields, versions, a chart with bars, top contributors, contributions paginate', async () => {
    const d = await get('/datanets/0');
    const page = await open('/datanets/0');
    await expect(page.getByTestId('datanet-name').innerText()).resolves.toBe(d.name);
    await page.getByText(JSON.parse(d.metadata).description).waitFor();
    const versions = await firstColumn(page, 'Versions');
    expect(versions).toEqual(d.versions.map((v: any) => String(v.version)));
    const bars = page.locator('figure.chart svg rect.bar');
    await bars.first().waitFor();
    expect(await bars.count()).toBeGreaterThan(0);
    expect(Number(await bars.first().getAttribute('height'))).toBeGreaterThan(0);
    const top = (await get('/stats/top-contributors?datanet=0&limit=10')).items;
    await page.getByRole('table', { name: 'Top contributors', exact: true }).locator('tbody tr').first().waitFor();
    expect(await page.getByRole('table', { name: 'Top contributors', exact: true }).locator('tbody tr').count()).toBe(top.length);
    await page.getByRole('table', { name: 'Contributions', exact: true }).locator('tbody tr').first().waitFor();
    const page1 = await firstColumn(page, 'Contributions');
    expect(page1.length).toBe(10);
    await shot(page, 'datanet');
    await page.getByRole('button', { name: 'Next page of contributions' }).click();
    await page.waitForURL(/\?page=1$/);
    await page.getByText('Page 2').waitFor();
    await waitFor(async () => { const p = await firstColumn(page, 'Contributions'); return p.length && p[0] !== page1[0] ? p : undefined; }, 'page 2');
    const page2 = await firstColumn(page, 'Contributions');
    expect(page2.length).toBe(d.contributions - 10);
    expect(page2.filter((id) => page1.includes(id))).toEqual([]);
    const all = (await get('/contributions?datanet=0&limit=100')).items.map((c: any) => `#${c.id}`);
    expect([...page1, ...page2]).toEqual(all);
    // a deep link to page 2 shows the same
    const deep = await open('/datanets/0?page=1');
    await deep.getByRole('table', { name: 'Contributions', exact: true }).locator('tbody tr').first().waitFor();
    expect(await firstColumn(deep, 'Contributions')).toEqual(page2);
    await deep.close();
    await page.close();
  });

  it('datanets list filters by kind and tag', async () => {
    const page = await open('/datanets?kind=Code');
    await page.getByRole('table', { name: 'Datanets', exact: true }).locator('tbody tr').first().waitFor();
    const code = (await get('/datanets?kind=Code')).items.map((d: any) => `#${d.id} ${d.name}`);
    expect(await firstColumn(page, 'Datanets')).toEqual(code);
    await page.getByLabel('Tag', { exact: true }).fill('medical');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/tag=medical/);
    await page.getByText('No datanets match.').waitFor(); // Code and medical: none
    await page.getByLabel('Kind', { exact: true }).selectOption('');
    await page.getByRole('table', { name: 'Datanets', exact: true }).getByText('#0 Medical Q&A').waitFor();
    await shot(page, 'datanets');
    await page.close();
  });

  it('model page: pricing, split, settlements, charts, top contributions; contribution page', async () => {
    const m = await get('/models/0');
    const page = await open('/models/0');
    await expect(page.getByTestId('model-name').innerText()).resolves.toBe(m.name);
    await page.getByText(`developer ${(m.developer_ppm / 1e4).toFixed(2)}% · contributors ${(m.contributors_ppm / 1e4).toFixed(2)}%`).waitFor();
    await page.getByText(JSON.parse(m.metadata).description).waitFor();
    const top = page.getByRole('table', { name: 'Top attributed contributions', exact: true });
    await top.locator('tbody tr').first().waitFor();
    expect(await firstColumn(page, 'Top attributed contributions')).toEqual(m.top_contributions.map((c: any) => `#${c.contribution_id}`));
    await page.locator('figure.chart svg rect.bar').first().waitFor();
    expect(await page.locator('figure.chart').count()).toBe(2);
    const inferences = (await get('/inferences?model=0')).items.map((i: any) => `#${i.id}`);
    await page.getByRole('table', { name: 'Inferences', exact: true }).locator('tbody tr').first().waitFor();
    expect(await firstColumn(page, 'Inferences')).toEqual(inferences);
    await shot(page, 'model');
    // a training-set link opens that datanet version: its members, and this model among those trained on it
    const [t] = m.training_set;
    await page.getByRole('link', { name: `datanet #${t.datanet} v${t.version}`, exact: true }).click();
    await page.waitForURL(new RegExp(`/datanets/${t.datanet}/versions/${t.version}$`));
    const version = (await get(`/datanets/${t.datanet}`)).versions.find((v: any) => v.version === t.version);
    const members = page.getByRole('list', { name: 'Contributions in this version' }).locator('li');
    await members.first().waitFor();
    expect(await members.allInnerTexts()).toEqual(version.contributions.map((c: number) => `#${c}`));
    await page.getByRole('link', { name: `#${m.id} ${m.name}`, exact: true }).waitFor();
    await page.goBack();
    await page.getByTestId('model-name').waitFor();
    await top.getByRole('link', { name: `#${m.top_contributions[0].contribution_id}`, exact: true }).first().click();
    await page.waitForURL(new RegExp(`/contributions/${m.top_contributions[0].contribution_id}$`));
    const c = await get(`/contributions/${m.top_contributions[0].contribution_id}`);
    await page.getByRole('heading', { name: `Contribution #${c.id}` }).waitFor();
    await page.getByText(JSON.parse(c.metadata).title, { exact: true }).first().waitFor();
    expect(await page.getByRole('table', { name: 'Review history', exact: true }).locator('tbody tr').count()).toBe(c.history.length);
    // its earnings over time: one bar per bucket of the API's series, the same total
    const perHour = (await get(`/stats/earnings?contribution=${c.id}&bucket=hour`)).items;
    const series = perHour.length >= 2 ? perHour : (await get(`/stats/earnings?contribution=${c.id}&bucket=minute`)).items;
    expect(series.reduce((a: bigint, x: any) => a + BigInt(x.amount), 0n).toString()).toBe(c.earned);
    const earningsChart = page.locator('figure.chart').filter({ has: page.locator('figcaption', { hasText: /^Earnings per/ }) });
    await earningsChart.locator('rect.bar').first().waitFor();
    expect(await earningsChart.locator('rect.bar').count()).toBe(series.length);
    await shot(page, 'contribution');
    await page.close();
  });

  it('inference page: attribution table and settlement breakdown', async () => {
    const i = await get('/inferences/0');
    expect(i.attribution.length).toBeGreaterThan(0);
    const page = await open('/inferences/0');
    await page.getByRole('heading', { name: 'Inference #0' }).waitFor();
    await page.getByText(i.input_hash).waitFor();
    const rows = page.getByRole('table', { name: 'Attribution', exact: true }).locator('tbody tr');
    await rows.first().waitFor();
    expect(await firstColumn(page, 'Attribution')).toEqual(i.attribution.map((a: any) => `#${a.contribution_id}`));
    const fmt = (v: string) => `${Number(BigInt(v) / 10n ** 8n) / 1e4} SLMN`;
    for (const [label, v] of [['To developer', i.settlement.developer], ['To contributors', i.settlement.contributors], ['To protocol', i.settlement.protocol]]) {
      await expect(page.locator('dl.kv div').filter({ hasText: label }).locator('dd').innerText()).resolves.toBe(fmt(v));
    }
    expect(await page.getByRole('table', { name: 'Attestations', exact: true }).locator('tbody tr').count()).toBe(i.attestations.length);
    await shot(page, 'inference');
    await page.close();
  });

  it('block page lists its extrinsics and events; an extrinsic page shows its call, signer, fee and events', async () => {
    const b = await get('/blocks/4');
    const page = await open('/blocks/4');
    await page.getByRole('heading', { name: 'Block #4' }).waitFor();
    await page.getByText(b.hash).waitFor();
    const xs = page.getByRole('table', { name: 'Extrinsics', exact: true }).locator('tbody tr');
    await xs.first().waitFor();
    expect(await xs.count()).toBe(Math.min(b.extrinsic_count, 25));
    await page.getByRole('table', { name: 'Events', exact: true }).locator('tbody tr').first().waitFor();
    const x = await get('/extrinsics/4-1');
    await page.getByRole('link', { name: '4-1', exact: true }).first().click();
    await page.waitForURL(/\/extrinsics\/4-1$/);
    // the block page stays up until the extrinsic loads, and its Call column has the same text
    await page.getByRole('heading', { name: 'Extrinsic 4-1', exact: true }).waitFor();
    await page.locator('dl.kv strong').getByText(`${x.pallet}.${x.call}`, { exact: true }).waitFor();
    await page.getByRole('link', { name: x.signer, exact: true }).waitFor();
    expect(await page.getByRole('table', { name: 'Events', exact: true }).locator('tbody tr').count()).toBe(x.events.length);
    await shot(page, 'extrinsic');
    await page.close();
  });

  it('unknown ids show "not found", an unreachable indexer an error with Retry', async () => {
    // its own pages: the failed requests log console errors on purpose
    const page = await browser.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    await page.goto(`${explorer.url}/datanets/99999`);
    await page.getByText('No datanet found.').waitFor();
    await page.goto(`${explorer.url}/models/99999`);
    await page.getByText('No model found.').waitFor();
    const dead = await browser.newPage();
    dead.setDefaultTimeout(UI_TIMEOUT);
    await dead.goto(`${explorer.url}/datanets?api=${encodeURIComponent('http://127.0.0.1:9')}`);
    await dead.getByRole('alert').getByText(/cannot reach the indexer at http:\/\/127\.0\.0\.1:9/).waitFor();
    await dead.getByRole('button', { name: 'Retry' }).waitFor();
    await page.close();
    await dead.close();
  });

  it('nodes list and node page', async () => {
    const nodes = (await get('/nodes')).items;
    const page = await open('/nodes');
    await page.getByRole('table', { name: 'Nodes', exact: true }).locator('tbody tr').first().waitFor();
    expect(await firstColumn(page, 'Nodes')).toEqual(nodes.map((n: any) => `#${n.id}`));
    await page.getByRole('link', { name: `#${nodes[0].id}`, exact: true }).click();
    await page.getByRole('heading', { name: `Node #${nodes[0].id}` }).waitFor();
    await page.getByText(nodes[0].peer_id).waitFor();
    await shot(page, 'node');
    await page.close();
  });

  it('a new transfer appears live on the home and account pages without a reload', async () => {
    const to = fromUri(`//ExplorerLive${Date.now()}`).address;
    const home = await open('/');
    const account = await open(`/accounts/${to}`);
    for (const p of [home, account]) await p.evaluate(() => { (window as any).sameDocument = true; });
    await home.getByText('Live', { exact: true }).waitFor();
    await account.getByText('No transfers.').waitFor();
    await transfer({ api, signer: devAccount('Alice') }, to, 3n * UNIT);
    const live = home.getByRole('table', { name: 'Live transfers', exact: true });
    await live.getByRole('link', { name: `${to.slice(0, 8)}…${to.slice(-6)}` }).waitFor({ timeout: 30_000 });
    await expect(live.locator('tbody tr').first().innerText()).resolves.toContain('3 SLMN');
    const row = account.getByRole('table', { name: 'Transfers', exact: true }).locator('tbody tr').first();
    await row.waitFor({ timeout: 30_000 });
    await expect(row.innerText()).resolves.toMatch(/in[\s\S]*3 SLMN/);
    for (const p of [home, account]) expect(await p.evaluate(() => (window as any).sameDocument)).toBe(true);
    await shot(account, 'account');
    await home.close();
    await account.close();
  });

  it('a datanet named with HTML and script is shown as text, nothing injected', async () => {
    const page = await open(`/datanets/${xssId}`);
    const h1 = page.getByTestId('datanet-name');
    await h1.waitFor();
    expect(await h1.innerText()).toBe(XSS_NAME);
    await page.getByText(XSS_METADATA.description, { exact: true }).waitFor();
    await page.getByText(XSS_METADATA.homepage, { exact: true }).waitFor();
    expect(await page.locator('main b, main iframe, main a[href^="javascript"]').count()).toBe(0);
    expect(await h1.evaluate((e) => e.children.length)).toBe(0);
    expect(await page.locator('main img, main script').count()).toBe(0);
    // the list and the search results too
    await page.goto(`${explorer.url}/datanets?tag=demo`);
    await page.getByRole('table', { name: 'Datanets', exact: true }).getByText(`#${xssId} ${XSS_NAME}`).waitFor();
    await page.goto(`${explorer.url}/search?q=${encodeURIComponent('datanet:' + xssId)}`);
    await page.getByText(`Datanet #${xssId} · ${XSS_NAME}`).waitFor();
    expect(await page.locator('main img, main script').count()).toBe(0);
    await page.waitForTimeout(300); // an injected onerror would have fired by now
    expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await shot(page, 'xss');
    await page.close();
  });

  it('phone width: the pages stay readable (no horizontal scroll of the document)', async () => {
    const page = await open('/datanets/0', 390);
    await page.getByRole('table', { name: 'Contributions', exact: true }).locator('tbody tr').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await shot(page, 'datanet-phone');
    // the other wide pages too: a model, an inference with its texts, a contributor's dashboard
    const who = (await get('/stats/top-contributors?limit=1')).items[0].contributor;
    for (const [path, table] of [['/models/0', 'Inferences'], ['/inferences/0', 'Attribution'], [`/dashboard/${who}`, 'My contributions']]) {
      await page.goto(explorer.url + path);
      await page.getByRole('table', { name: table, exact: true }).locator('tbody tr').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), path).toBe(true);
    }
    await shot(page, 'dashboard-phone');
    await page.close();
  });

  it('no page threw or logged an error', () => {
    expect(pageErrors).toEqual([]);
  });
});

// The node's live data through the explorer's own server (/node/…): balances, justifications, content, inference text.
describe('explorer: live chain data from the node', () => {
  /** "1,234.5678 SLMN" → planck (the page shows at most 4 decimals, truncated). */
  const planckOf = (shown: string): bigint => {
    const [whole, frac = ''] = shown.replace(/ SLMN$/, '').replace(/,/g, '').split('.');
    return BigInt(whole) * UNIT + BigInt(frac.padEnd(12, '0'));
  };
  const shown4 = (v: bigint) => v - (v % 10n ** 8n);
  const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();
  /** The demo file (scripts/demo/content) whose bytes have this hash: what `slmnet demo seed` uploaded. */
  const demoFile = (hash: string): string => {
    for (const dir of readdirSync(DEMO_CONTENT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
      for (const f of readdirSync(join(DEMO_CONTENT, dir))) {
        const bytes = readFileSync(join(DEMO_CONTENT, dir, f));
        if (contentRef(bytes).hash === hash) return bytes.toString('utf8');
      }
    }
    throw new Error(`no demo file has hash ${hash}`);
  };
  const squash = (s: string) => s.toLowerCase().replace(/\s+/g, '');

  it('account page: free, reserved and pending rewards equal the chain\'s, and the free balance changes live after a transfer', async () => {
    const operator = fromUri('//slmnet-demo//node-operator//0').address;
    const alice = devAccount('Alice').address;
    let pendingSeen = 0n;
    for (const who of [operator, alice]) {
      const page = await open(`/accounts/${who}`);
      await page.getByTestId('balance-free').waitFor();
      // the page refreshes on every block: compare with the chain read at about the same time
      await waitFor(async () => {
        const [acc, pending] = await Promise.all([api.query.system.account(who), api.query.nodeRewards.pendingRewards(who)]);
        const page_ = [planckOf(await text(page, 'balance-free')), planckOf(await text(page, 'balance-reserved')), planckOf(await text(page, 'pending-node-rewards'))];
        const chain = [acc.data.free.toBigInt(), acc.data.reserved.toBigInt(), pending.toBigInt()].map(shown4);
        if (page_.join() !== chain.join()) return undefined;
        pendingSeen += chain[2];
        return true;
      }, `the balances of ${who} to match the chain`, 30_000);
      if (who === operator) {
        expect(planckOf(await text(page, 'balance-reserved'))).toBeGreaterThan(0n); // its node bonds are held
        await shot(page, 'account-balances');
      }
      await page.close();
    }
    expect(pendingSeen).toBeGreaterThan(0n);

    const to = fromUri(`//ExplorerBalance${Date.now()}`).address;
    const page = await open(`/accounts/${to}`);
    await page.evaluate(() => { (window as any).sameDocument = true; });
    await expect(text(page, 'balance-free')).resolves.toBe('0 SLMN');
    await transfer({ api, signer: devAccount('Alice') }, to, 7n * UNIT);
    await page.getByTestId('balance-free').getByText('7 SLMN', { exact: true }).waitFor({ timeout: 30_000 });
    expect((await api.query.system.account(to)).data.free.toBigInt()).toBe(7n * UNIT);
    expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
    await page.close();
  });

  it('block page: a finalized block shows its GRANDPA justification as chain_getBlock returns it', async () => {
    const indexed = (await get('/health')).indexed as number;
    let hash = (await api.rpc.chain.getFinalizedHead()).toHex();
    let found: { number: number; round: string; signers: string[] } | undefined;
    for (let i = 0; i < 50 && !found; i++) {
      const b = await api.rpc.chain.getBlock(hash);
      const number = b.block.header.number.toNumber();
      const frnk = b.justifications.isSome ? [...b.justifications.unwrap()].find(([e]) => e.toString() === 'FRNK') : undefined;
      if (frnk && number <= indexed) {
        const j = api.createType('GrandpaJustification', frnk[1].toU8a(true));
        found = { number, round: j.round.toString(), signers: j.commit.precommits.map((p) => encodeAddress(p.id.toU8a(), 42)) };
      }
      if (number === 0) break;
      hash = b.block.header.parentHash.toHex();
    }
    expect(found, 'a finalized, indexed block with a GRANDPA justification').toBeDefined();
    const page = await open(`/blocks/${found!.number}`);
    await page.getByRole('heading', { name: `Block #${found!.number}` }).waitFor();
    await expect(text(page, 'justification-round')).resolves.toBe(found!.round);
    const signers = page.getByRole('list', { name: 'Precommit signers' });
    for (const s of found!.signers) await signers.getByRole('link', { name: s, exact: true }).waitFor();
    expect(await signers.locator('li').count()).toBe(found!.signers.length);
    await shot(page, 'block-justification');
    await page.close();
  });

  it('contribution page previews its content from the content store', async () => {
    const i = await get('/inferences/0');
    const c = await get(`/contributions/${i.attribution[0].contribution_id}`);
    const page = await open(`/contributions/${c.id}`);
    const preview = page.getByTestId('content-preview');
    await preview.waitFor();
    const file = demoFile(c.content_hash);
    const shown = await preview.innerText();
    expect(shown.length).toBeGreaterThan(0);
    expect(file.startsWith(shown.trimEnd())).toBe(true);
    await page.getByText(`${c.size} bytes, UTF-8 text`).waitFor();
    await page.close();
  });

  it('inference page: prompt and output text, matching spans highlighted in the top contribution\'s colour', async () => {
    const i = await get('/inferences/0');
    const page = await open('/inferences/0');
    const output = page.getByTestId('output-text');
    await output.waitFor();
    const bytes = await downloadContent(node.url, i.output_hash);
    expect(bytes, 'the output is in the content store').toBeDefined();
    expect(await output.innerText()).toBe(new TextDecoder().decode(bytes));
    await expect(text(page, 'prompt-text')).resolves.toBe(new TextDecoder().decode(await downloadContent(node.url, i.input_hash)));
    const marks = output.locator('mark');
    expect(await marks.count()).toBeGreaterThan(0);
    const top = i.attribution[0]; // the indexer lists them by weight
    const content = squash(demoFile((await get(`/contributions/${top.contribution_id}`)).content_hash));
    const inTop = (await marks.evaluateAll((ms) => ms.map((m) => ({ text: m.textContent ?? '', c: m.getAttribute('data-contribution') }))))
      .filter((m) => m.c === String(top.contribution_id));
    expect(inTop.length).toBeGreaterThan(0);
    // the tokenizer lower-cases and the SLM re-spaces its tokens: compare without case and spaces
    for (const m of inTop) expect(content).toContain(squash(m.text));
    // the legend links to the attribution table's row of that contribution, in the same colour
    const legend = page.getByRole('list', { name: 'Highlighted contributions' });
    await legend.getByRole('link', { name: `contribution #${top.contribution_id}` }).click();
    await page.waitForURL(new RegExp(`#attribution-${top.contribution_id}$`));
    const cls = await marks.first().getAttribute('class');
    expect(await page.locator(`#attribution-${top.contribution_id} mark.swatch`).getAttribute('class')).toContain(cls!);
    await page.getByTestId('spans-note').getByText(/result hash equals the chain's/).waitFor();
    await shot(page, 'inference-spans');
    await page.close();
  });

  it('the /node endpoints: 400 on bad input, 404 on unknown objects', async () => {
    const node_ = async (path: string, status: number, message: RegExp) => {
      const r = await fetch(explorer.url + path);
      expect(r.status, path).toBe(status);
      expect(r.headers.get('content-type'), path).toBe('application/json');
      expect((await r.json()).error.message, path).toMatch(message);
    };
    await node_('/node/accounts/not-an-address', 400, /bad address "not-an-address"/);
    await node_('/node/blocks/0x1234/justification', 400, /bad block hash "0x1234"/);
    await node_(`/node/blocks/0x${'ab'.repeat(32)}/justification`, 404, /not known/);
    await node_('/node/content/xyz', 400, /bad content hash "xyz"/);
    await node_(`/node/content/0x${'00'.repeat(32)}`, 404, /not in the node's content store/);
    await node_('/node/inferences/-1/text', 400, /bad inference id "-1"/);
    await node_('/node/inferences/999999/text', 404, /inference #999999 does not exist/);
    await node_('/node/nothing', 404, /no such endpoint/);
  });

  it('an unreachable node: the /node endpoints answer 503, the page shows the error with Retry, the server stays up', async () => {
    const dead = await startExplorer({ port: 0, api: indexer.apiUrl, node: 'ws://127.0.0.1:9' });
    try {
      const alice = devAccount('Alice').address;
      for (const path of [`/node/accounts/${alice}`, `/node/content/0x${'00'.repeat(32)}`, '/node/inferences/0/text', `/node/blocks/0x${'ab'.repeat(32)}/justification`]) {
        const r = await fetch(dead.url + path);
        expect(r.status, path).toBe(503);
        expect((await r.json()).error.message, path).toMatch(/cannot reach the node at ws:\/\/127\.0\.0\.1:9/);
      }
      // its own page: the failed requests log console errors on purpose
      const page = await browser.newPage();
      page.setDefaultTimeout(UI_TIMEOUT);
      await page.goto(`${dead.url}/accounts/${alice}`);
      const balances = page.getByRole('region', { name: 'Balances' });
      await balances.getByRole('alert').getByText(/cannot reach the node/).waitFor();
      await balances.getByRole('button', { name: 'Retry' }).click();
      await balances.getByRole('alert').getByText(/cannot reach the node/).waitFor();
      // the indexer's part of the page still works
      await page.getByRole('table', { name: 'Transfers', exact: true }).locator('tbody tr').first().waitFor();
      await page.close();
      expect((await fetch(dead.url + '/')).status).toBe(200);
    } finally {
      await dead.stop();
    }
  });
});

describe('explorer dashboards, filters and accessibility', () => {
  /** An amount as the pages show it: whole SLMN grouped, up to 4 decimals. */
  const slmn = (planck: string | bigint) => {
    const n = BigInt(planck), unit = 10n ** 12n;
    const frac = (n % unit).toString().padStart(12, '0').slice(0, 4).replace(/0+$/, '');
    return `${(n / unit).toLocaleString('en-US')}${frac ? '.' + frac : ''} SLMN`;
  };

  it('contributor dashboard: earnings, pending, earnings-over-time chart, attribution share by model, contributions; the address is remembered', async () => {
    const [top] = (await get('/stats/top-contributors?limit=1')).items;
    const who: string = top.contributor;
    const summary = await get(`/accounts/${who}`);
    const byModel = (await get(`/accounts/${who}/earnings-by-model`)).items;
    expect(byModel.length).toBeGreaterThan(0);
    // from the account page, or by address in the picker
    const account = await open(`/accounts/${who}`);
    await account.getByRole('link', { name: 'Open the dashboard of this account' }).click();
    await account.waitForURL(new RegExp(`/dashboard/${who}$`));
    await account.getByTestId('contributor-earned').waitFor();
    await account.close();
    const page = await open('/dashboard');
    await page.getByLabel('Account address').fill(who);
    await page.getByRole('button', { name: 'Open dashboard' }).click();
    await page.waitForURL(new RegExp(`/dashboard/${who}$`));
    await expect(page.getByTestId('contributor-earned').innerText()).resolves.toBe(slmn(summary.contributor_earned));
    await expect(page.getByTestId('contributor-pending').innerText()).resolves.toBe(slmn(BigInt(summary.contributor_earned) - BigInt(summary.contributor_claimed)));
    const share = page.getByRole('table', { name: 'Attribution share by model', exact: true });
    await share.locator('tbody tr').first().waitFor();
    expect(await firstColumn(page, 'Attribution share by model')).toEqual(byModel.map((m: any) => `#${m.model_id} ${m.model_name}`));
    expect(await share.locator('tbody tr td:last-child').allInnerTexts()).toEqual(byModel.map((m: any) => `${(m.share_ppm / 1e4).toFixed(2)}%`));
    // two charts (earnings over time, share by model), each with as many bars as the API has points
    const earnings = (await get(`/stats/earnings?contributor=${who}&bucket=hour`)).items;
    const series = earnings.length >= 2 ? earnings : (await get(`/stats/earnings?contributor=${who}&bucket=minute`)).items;
    const charts = page.locator('section[aria-labelledby="as-contributor"] figure.chart');
    await charts.nth(1).locator('rect.bar').first().waitFor();
    expect(await charts.nth(0).locator('rect.bar').count()).toBe(series.length);
    expect(await charts.nth(1).locator('rect.bar').count()).toBe(byModel.length);
    const mine = (await get(`/contributions?contributor=${who}&limit=10`)).items.map((c: any) => `#${c.id}`);
    await page.getByRole('table', { name: 'My contributions', exact: true }).locator('tbody tr').first().waitFor();
    expect(await firstColumn(page, 'My contributions')).toEqual(mine);
    await shot(page, 'dashboard-contributor');
    // the picker remembers the address in this browser context
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await expect(page.getByLabel('Account address').inputValue()).resolves.toBe(who);
    await page.close();
  });

  it('operator dashboard: pending rewards equal the chain\'s PendingRewards, nodes, era payouts, heartbeats', async () => {
    // a Compute node (never drawn for storage challenges) whose operator heartbeats until an era (20 dev blocks) pays it
    const operator = devAccount('Dave').address;
    const pendingOf = async () => (await api.query.nodeRewards.pendingRewards(operator)).toBigInt();
    const before = await pendingOf();
    const { node: id } = await ok('--url', node.url, '--json', 'node', 'register', 'Compute', '--node-seed', 'explorer-dashboard', '--suri', '//Dave');
    await waitFor(async () => {
      await cli('--url', node.url, '--json', 'node', 'heartbeat', String(id), '--node-seed', 'explorer-dashboard', '--suri', '//Dave'); // too early: refused, try later
      return (await api.query.nodeRewards.pendingRewards(operator)).toBigInt() > before ? true : undefined;
    }, 'an era to reward the new node', 120_000, 2000);
    const page = await open(`/dashboard/${operator}`);
    // the dashboard refreshes every block; rewards are credited per era: read the chain until both agree
    await waitFor(async () => {
      const chain = (await pendingOf()).toString();
      return (await page.getByTestId('operator-pending').innerText()) === slmn(chain) ? true : undefined;
    }, 'the pending rewards shown to equal the chain\'s', 60_000, 300);
    const mine = (await get(`/nodes?operator=${operator}`)).items;
    expect(mine.map((n: any) => n.id)).toContain(id);
    await page.getByRole('table', { name: 'My nodes', exact: true }).locator('tbody tr').first().waitFor();
    expect(await firstColumn(page, 'My nodes')).toEqual(mine.map((n: any) => `#${n.id}`));
    const heartbeats = page.getByRole('table', { name: `Heartbeats of node #${id}`, exact: true }).locator('tbody tr');
    await heartbeats.first().waitFor();
    expect(await heartbeats.count()).toBe(Math.min(5, (await get(`/nodes/${id}`)).heartbeats.length));
    const eras = new Set((await get(`/accounts/${operator}/rewards?kind=node&limit=100`)).items.map((r: any) => r.era));
    expect(eras.size).toBeGreaterThan(0);
    const chart = page.locator('section[aria-labelledby="as-operator"] figure.chart rect.bar');
    await waitFor(async () => ((await chart.count()) === eras.size ? true : undefined), 'one bar per paid era');
    await shot(page, 'dashboard-operator');
    await page.close();
  });

  it('datanet page filters its contributions by status; the datanet list by recent activity', async () => {
    const accepted = (await get('/contributions?datanet=0&status=Accepted&limit=10')).items.map((c: any) => `#${c.id}`);
    const all = (await get('/contributions?datanet=0&limit=10')).items.map((c: any) => `#${c.id}`);
    expect(accepted).not.toEqual(all);
    const page = await open('/datanets/0');
    await page.getByRole('table', { name: 'Contributions', exact: true }).locator('tbody tr').first().waitFor();
    await page.getByLabel('Contribution status').selectOption('Accepted');
    await page.waitForURL(/status=Accepted/);
    await waitFor(async () => { const p = await firstColumn(page, 'Contributions'); return p.join() === accepted.join() ? p : undefined; }, 'the accepted contributions');
    await page.getByLabel('Contribution status').selectOption('Revoked');
    await page.getByText('No revoked contributions.').waitFor();
    // activity: a datanet changed just now is in "the last 10 blocks", datanet 0 (changed long before) is not
    await waitFor(async () => ((await get('/health')).indexed - (await get('/datanets/0')).updated_block > 10 ? true : undefined), 'datanet 0 to be 10 blocks old', 120_000, 1000);
    const name = `Fresh activity ${Date.now()}`;
    await ok('--url', node.url, '--json', 'datanet', 'create', name, '--deposit', '1', '--suri', '//Bob');
    await waitFor(async () => ((await get('/datanets?limit=100')).items.some((d: any) => d.name === name) ? true : undefined), 'the indexer to see the new datanet');
    await page.goto(`${explorer.url}/datanets?active=10`);
    const list = page.getByRole('table', { name: 'Datanets', exact: true });
    await list.getByText(name).waitFor();
    expect((await firstColumn(page, 'Datanets')).some((t) => t.startsWith('#0 '))).toBe(false);
    await page.getByLabel('Active', { exact: true }).selectOption('');
    await list.getByText('#0 Medical Q&A').waitFor();
    await page.close();
  });

  it('keyboard: the skip link, the main menu and the search box work without a mouse', async () => {
    const page = await open('/');
    // the app has rendered (the first Tab would otherwise land on the empty page)
    await page.getByRole('table', { name: 'Latest blocks', exact: true }).locator('tbody tr').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.goto(explorer.url + '/');
    await page.getByRole('table', { name: 'Latest blocks', exact: true }).locator('tbody tr').first().waitFor();
    let found = false;
    for (let i = 0; i < 15 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.textContent === 'Datanets');
    }
    expect(found).toBe(true);
    // the focused element is visibly marked (the focus ring is not removed)
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/datanets$/);
    await page.getByLabel(/^Search blocks/).focus();
    await page.keyboard.type('rust-gram');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/models\/0$/);
    await page.close();
  });

  it('axe finds no WCAG 2.1 A/AA violations (contrast, labels, names, structure) on the main pages', async () => {
    const axe = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
    const who = (await get('/stats/top-contributors?limit=1')).items[0].contributor;
    const operator = (await get('/nodes')).items[0].operator;
    const pages: [string, string][] = [
      ['/', 'Latest blocks'], ['/datanets', 'Datanets'], ['/datanets/0', 'Contributions'], ['/models', 'Models'], ['/models/0', 'Inferences'],
      ['/inferences/0', 'Attribution'], ['/contributions/0', 'Review history'], ['/blocks/4', 'Extrinsics'], ['/nodes/0', 'Rewards'],
      [`/accounts/${who}`, 'Transfers'], [`/dashboard/${who}`, 'My contributions'], [`/dashboard/${operator}`, 'My nodes'],
    ];
    const found: string[] = [];
    for (const [path, table] of pages) {
      // axe is injected as a script: this page may run it (the explorer's CSP allows only its own scripts)
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      page.setDefaultTimeout(UI_TIMEOUT);
      await page.goto(explorer.url + path);
      await page.getByRole('table', { name: table, exact: true }).waitFor();
      await page.waitForLoadState('networkidle').catch(() => undefined);
      await page.addScriptTag({ content: axe });
      const { violations, passed } = await page.evaluate(async () => {
        const r = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return {
          violations: r.violations.map((v: any) => ({ id: v.id as string, help: v.help as string, targets: v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')) as string[] })),
          passed: r.passes.map((v: any) => v.id as string),
        };
      });
      for (const v of violations) found.push(`${path}: ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
      // the checks did run on this page's content
      expect(passed, path).toEqual(expect.arrayContaining(['color-contrast', 'document-title', 'html-has-lang', 'link-name']));
      await page.close();
    }
    expect(found).toEqual([]);
  });

  it('no page of these tests threw or logged an error', () => {
    expect(pageErrors).toEqual([]);
  });
});
