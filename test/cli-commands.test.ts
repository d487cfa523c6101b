// Every `slmnet` subcommand against a real node, checking the on-chain result of each (one node for the file).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attribute, buildIndex } from '@slmnet/attribution';
import { cryptoReady, toHex } from '@slmnet/runtime-spec';
import { cli, ok as run } from './helpers/cli.ts';
import { removeDir, rpc, startNode, waitFor, type RunningNode } from './helpers/node.ts';

let node: RunningNode;
let dir: string;
const UNIT = 10n ** 12n;
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const FERDIE = '5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL';
const DOCS = [
  'Q: What is hypertension? A: Persistently high arterial blood pressure, usually above 130/80 mmHg.',
  'Q: What does an ECG measure? A: The electrical activity of the heart over time, recorded from skin electrodes.',
  'buy cheap pills now!!!',
  'a contribution that will be withdrawn',
];
const NODE_SEED = `0x${'07'.repeat(32)}`;

/** slmnet with the node URL and --json; returns parsed JSON. */
const ok = (...args: string[]) => run('--url', node.url, '--json', ...args);
const query = (...args: string[]) => ok('query', ...args);

beforeAll(async () => {
  await cryptoReady();
  node = await startNode();
  dir = mkdtempSync(join(tmpdir(), 'slmnet-cli-'));
  DOCS.forEach((d, i) => writeFileSync(join(dir, `doc${i}.txt`), d));
});
afterAll(async () => {
  await node?.stop();
  if (node) removeDir(node.basePath);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('slmnet CLI against a node', () => {
  it('balance, transfer (in block and finalized), keys and keystore files', async () => {
    const before = BigInt((await ok('balance', '//Dave')).free);
    const t = await ok('transfer', '//Dave', '2', '--suri', '//Alice');
    expect(t.call).toBe('balances.transferKeepAlive');
    expect(BigInt((await ok('balance', '//Dave')).free)).toBe(before + 2n * UNIT);
    const f = await ok('--wait', 'finalized', 'transfer', '//Dave', '1500000000000planck', '--suri', '//Alice');
    expect(f.finalized).toMatch(/^0x[0-9a-f]{64}$/);
    expect(BigInt((await ok('balance', '//Dave')).free)).toBe(before + 3n * UNIT + UNIT / 2n);

    const keyfile = join(dir, 'new.json');
    const gen = await ok('key', 'generate', '--out', keyfile, '--password', 'pw');
    expect(gen.mnemonic.split(' ')).toHaveLength(12);
    expect((await ok('key', 'inspect', '--keyfile', keyfile, '--password', 'pw')).address).toBe(gen.address);
    expect((await ok('key', 'inspect', '--suri', gen.mnemonic)).address).toBe(gen.address);
    const bobFile = join(dir, 'bob.json');
    await ok('key', 'export', bobFile, '--suri', '//Bob', '--password', 'pw');
    // the keystore signs: Bob pays Eve through his keyfile
    const eve0 = BigInt((await ok('balance', '//Eve')).free);
    await ok('transfer', '//Eve', '1', '--keyfile', bobFile, '--password', 'pw');
    expect(BigInt((await ok('balance', '//Eve')).free)).toBe(eve0 + UNIT);
  });

  it('datanet create, update, curators, policy, allow-list, freeze/thaw, show, list', async () => {
    const c = await ok('datanet', 'create', 'CLI Q&A', '--deposit', '1', '--tags', 'medical,qa', '--license', 'CC0-1.0', '--metadata', '{"description":"cli"}', '--suri', '//Alice');
    expect(c.datanet).toBe(0);
    let d = await ok('datanet', 'show', '0');
    expect(d).toMatchObject({ id: 0, name: 'CLI Q&A', tags: ['medical', 'qa'], license: 'CC0-1.0', kind: 'Text', policy: 'Open', owner: ALICE });
    await ok('datanet', 'update', '0', '--license', 'CC-BY-4.0', '--suri', '//Alice');
    d = await ok('datanet', 'show', '0');
    expect(d).toMatchObject({ license: 'CC-BY-4.0', tags: ['medical', 'qa'], metadata: '{"description":"cli"}' });
    await ok('datanet', 'add-curator', '0', '//Charlie', '--suri', '//Alice');
    expect((await ok('datanet', 'show', '0')).curators).toEqual(['5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y']);
    await ok('datanet', 'remove-curator', '0', '//Charlie', '--suri', '//Alice');
    expect((await ok('datanet', 'show', '0')).curators).toEqual([]);
    await ok('datanet', 'set-policy', '0', 'Permissioned', '--suri', '//Alice');
    await ok('datanet', 'allow', '0', '//Bob', '--suri', '//Alice');
    expect(await query('datanets', 'allowList', '0', '//Bob')).toBe(true);
    await ok('datanet', 'allow', '0', '//Bob', '--remove', '--suri', '//Alice');
    expect(await query('datanets', 'allowList', '0', '//Bob')).toBe(false);
    await ok('datanet', 'set-policy', '0', 'open', '--suri', '//Alice');
    expect((await ok('datanet', 'show', '0')).policy).toBe('Open');
    await ok('datanet', 'freeze', '0', '--suri', '//Alice');
    expect((await ok('datanet', 'show', '0')).status).toBe('Frozen');
    await ok('datanet', 'thaw', '0', '--suri', '//Alice');
    expect((await ok('datanet', 'show', '0')).status).toBe('Active');
    expect((await ok('datanet', 'list')).map((x: any) => x.name)).toEqual(['CLI Q&A']);
  });

  it('contribute files, review, withdraw, publish a version, reputation', async () => {
    const ids: number[] = [];
    for (const [i, who] of ['//Bob', '//Charlie', '//Dave', '//Eve'].entries()) {
      const r = await ok('contribute', '0', join(dir, `doc${i}.txt`), '--title', `doc ${i}`, '--suri', who);
      ids.push(r.contribution);
      expect(r.size).toBe(Buffer.byteLength(DOCS[i]));
      // the bytes went to the node's content store first
      expect((await rpc(node.httpUrl, 'content_get', [r.hash])).result).toBe(toHex(new TextEncoder().encode(DOCS[i])));
    }
    expect(ids).toEqual([0, 1, 2, 3]);
    expect(await ok('contribution', 'show', '0')).toMatchObject({ contributor: BOB, status: 'Pending', metadata: '{"title":"doc 0","mime":"text/plain"}' });
    expect((await ok('balance', '//Bob')).reserved).toBe(String(UNIT));
    await ok('review', '0', '--accept', '90', '--suri', '//Alice');
    await ok('review', '1', '--accept', '75', '--suri', '//Alice');
    const rej = await ok('review', '2', '--reject', '3', '--suri', '//Alice');
    expect(rej.accepted).toBe(false);
    expect(BigInt(rej.forfeited)).toBe(UNIT / 2n);
    await ok('contribution', 'withdraw', '3', '--suri', '//Eve');
    expect((await ok('contribution', 'show', '0')).status).toBe('Accepted');
    expect((await ok('contribution', 'show', '2')).status).toBe('Rejected');
    expect((await ok('contribution', 'show', '3')).status).toBe('Withdrawn');
    const v = await ok('datanet', 'publish', '0', '--suri', '//Alice');
    expect(v).toMatchObject({ version: 1, count: 2 });
    expect((await ok('datanet', 'version', '0', '1')).contributions).toEqual([0, 1]);
    expect(await ok('datanet', 'reputation', '0', '//Bob')).toMatchObject({ accepted: 1 });
  });

  it('a node registers, heartbeats, bonds more and unbonds', async () => {
    const r = await ok('node', 'register', 'Storage', '--node-seed', NODE_SEED, '--suri', '//Ferdie');
    expect(r.node).toBe(0);
    expect(await ok('node', 'show', '0')).toMatchObject({ operator: FERDIE, kind: 'Storage', status: { active: null } });
    expect(await ok('node', 'list', '//Ferdie')).toEqual([0]);
    expect(await ok('node', 'list')).toEqual([0]);
    const hb = await ok('node', 'heartbeat', '0', '--node-seed', NODE_SEED, '--suri', '//Ferdie');
    expect(hb.points).toBe(1);
    const bond = BigInt((await ok('node', 'show', '0')).bond);
    await ok('node', 'bond-more', '0', '1', '--suri', '//Ferdie');
    expect(BigInt((await ok('node', 'show', '0')).bond)).toBe(bond + UNIT);
    await ok('node', 'unbond', '0', '--suri', '//Ferdie');
    expect((await ok('node', 'show', '0')).status.unbonding).toBeDefined();
  });

  it('model register, pricing, operators, status, quote; attestor bond; paid inference attested from corpus files and a result file', async () => {
    const m = await ok('model', 'register', 'cli-gram', '--training', '0:1', '--base-fee', '2', '--per-token-fee', '0.01', '--operators', '//Ferdie', '--suri', '//Eve');
    expect(m.model).toBe(0);
    expect(await ok('model', 'show', '0')).toMatchObject({ name: 'cli-gram', kind: 'InfiniGramV1', trainingSet: [{ datanet: 0, version: 1 }], operators: [FERDIE] });
    expect(await ok('model', 'quote', '0', '100')).toMatchObject({ fee: String(3n * UNIT) });
    await ok('model', 'update-pricing', '0', '--base-fee', '1', '--per-token-fee', '0.02', '--split', '500000,400000,100000', '--suri', '//Eve');
    expect(await ok('model', 'quote', '0', '100')).toMatchObject({ fee: String(3n * UNIT) });
    await ok('model', 'set-operators', '0', '//Ferdie', '//Charlie', '--suri', '//Eve');
    expect((await ok('model', 'show', '0')).operators).toHaveLength(2);
    await ok('model', 'set-status', '0', 'Paused', '--suri', '//Eve');
    expect((await ok('model', 'show', '0')).status).toBe('Paused');
    await ok('model', 'set-status', '0', 'Active', '--suri', '//Eve');
    expect((await ok('model', 'list')).map((x: any) => x.name)).toEqual(['cli-gram']);

    await ok('attestor', 'bond', '10', '--suri', '//Bob');
    expect(await ok('attestor', 'list')).toEqual([ALICE, BOB]);

    const req = await ok('inference', 'request', '0', 'What is hypertension?', '--max-fee', '10', '--suri', '//Dave');
    expect(req.inference).toBe(0);
    const output = 'Persistently high arterial blood pressure, usually above 130/80 mmHg. The electrical activity of the heart';
    writeFileSync(join(dir, 'out.txt'), output);
    const so = await ok('inference', 'submit-output', '0', join(dir, 'out.txt'), '--tokens-in', '4', '--tokens-out', '20', '--suri', '//Ferdie');
    expect(BigInt(so.fee)).toBe(UNIT + 20n * UNIT / 50n);

    // Alice computes the attribution from the training set's files; Bob attests a result file
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, '0-hypertension.txt'), DOCS[0]);
    writeFileSync(join(corpus, '1-ecg.txt'), DOCS[1]);
    const first = await ok('attest', '0', '--corpus', corpus, '--output', join(dir, 'out.txt'), '--suri', '//Alice');
    expect(first.quorum).toBe(false);
    const a = attribute(buildIndex([{ id: 0n, content: Buffer.from(DOCS[0]) }, { id: 1n, content: Buffer.from(DOCS[1]) }]), output);
    expect(a.result.entries[0].contribution).toBe(0n);
    writeFileSync(join(dir, 'result.json'), JSON.stringify({
      algorithm: 1, paramsHash: toHex(a.paramsHash), resultHash: toHex(a.resultHash), evidenceRoot: toHex(a.evidenceRoot),
      entries: a.result.entries.map((e) => ({ contribution: Number(e.contribution), weightPpm: e.weight_ppm })),
    }));
    const second = await ok('attest', '0', '--result', join(dir, 'result.json'), '--suri', '//Bob');
    expect(second).toMatchObject({ quorum: true, resultHash: first.resultHash });
    const inf = await ok('inference', 'show', '0');
    expect(inf).toMatchObject({ status: 'Settled', attribution: { status: 'Final', resultHash: toHex(a.resultHash) } });
    expect((await ok('contribution', 'stats', '0')).inferences).toBe(1);
    await ok('attestor', 'unbond', '--suri', '//Bob');
    expect(await ok('attestor', 'list')).toEqual([ALICE]);
  });

  it('rewards pending and claim; contributions revoke; node claim and withdraw after unbonding', async () => {
    const pending = await ok('rewards', 'pending', '//Bob');
    expect(BigInt(pending.contributor)).toBeGreaterThan(0n);
    const claim = await ok('rewards', 'claim', '--suri', '//Bob');
    expect(String(claim.amount)).toBe(pending.contributor);
    expect((await ok('rewards', 'pending', '//Bob')).contributor).toBe('0');
    await ok('contribution', 'revoke', '0', '--suri', '//Bob');
    expect((await ok('contribution', 'show', '0')).status).toBe('Revoked');
    // Alice authors blocks: author rewards are pending for her
    const author = await ok('rewards', 'pending', '//Alice');
    expect(BigInt(author.node)).toBeGreaterThan(0n);
    const nc = await ok('node', 'claim', '--suri', '//Alice');
    expect(BigInt(nc.amount)).toBeGreaterThanOrEqual(BigInt(author.node));
    const { unbonding } = (await ok('node', 'show', '0')).status;
    const until = Number(typeof unbonding === 'object' ? unbonding.until : unbonding);
    await waitFor(async () => (Number(await query('system', 'number')) >= until ? true : undefined), `block ${until}`, 60_000, 500);
    await ok('node', 'withdraw', '0', '--suri', '//Ferdie');
    expect((await cli('--url', node.url, '-q', 'node', 'show', '0')).err).toBe('error: no node 0');
  }, 90_000);

  it('generic tx, query (value, map entry, prefix, whole map), runtime call, constant', async () => {
    const t = await ok('tx', 'balances', 'transfer_keep_alive', '//Charlie', '1.5SLMN', '--suri', '//Alice');
    expect(t.events.some((e: any) => e.section === 'balances' && e.method === 'Transfer' && BigInt(e.data.amount) === 1_500_000_000_000n)).toBe(true);
    const r = await ok('tx', 'System', 'remarkWithEvent', 'hello slmnet', '--suri', '//Alice');
    expect(r.events.some((e: any) => e.method === 'Remarked')).toBe(true);
    const params = await query('datanets', 'params');
    const sudo = await ok('tx', 'datanets', 'set_params', JSON.stringify({ ...params, rejectForfeitPpm: 250_000 }), '--sudo', '--suri', '//Alice');
    expect(sudo.call).toBe('sudo.sudo');
    expect((await query('datanets', 'params')).rejectForfeitPpm).toBe(250_000);
    expect(BigInt((await query('system', 'account', '//Charlie')).data.free)).toBeGreaterThan(0n);
    expect(await query('datanets', 'versions', '0', '1')).toMatchObject({ count: 2 });
    expect((await query('datanets', 'versions', '0')).map((e: any) => e.key)).toEqual([[0, 1]]);
    expect((await query('datanets', 'contributions')).length).toBe(4);
    // --at reads historical state: block 1 had no datanet yet
    expect((await ok('call', 'core', 'version')).specName).toBe('slmnet');
    const block1 = await query('system', 'blockHash', '1');
    expect(await query('datanets', 'nextDatanetId', '--at', block1)).toBe(0);
    expect(await query('datanets', 'nextDatanetId')).toBe(1);
    expect(BigInt(await ok('call', 'ModelsApi', 'quote', '0', '100'))).toBe(3n * UNIT);
    expect(await ok('call', 'datanetsApi', 'version_contributions', '0', '1')).toEqual([0, 1]);
    expect(await ok('const', 'datanets', 'MaxNameLen')).toBe(64);
    // human output: a check mark line and the events
    const human = await cli('--url', node.url, '-q', 'transfer', '//Charlie', '1', '--suri', '//Alice');
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/^✓ balances.transferKeepAlive in block #\d+ 0x[0-9a-f]{64}/);
    expect(human.out).toContain('event balances.Transfer');
  });
});
