// The node's content store over HTTP and RPC against a real dev node: uploads, downloads, bad input,
// persistence across kill -9, and removal of rejected content and of orphan uploads after their grace periods.
import {
  connect, contribute, contentRef, createDatanet, cryptoReady, devAccount, publishVersion, registerModel, requestInference, review, submitOutput,
  uploadContent, ContentStoreError, type ApiPromise,
} from '@slmnet/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, removeDir, rpc, startNode, waitFor, type RunningNode } from './helpers/node.ts';
import { PRICING, settled, SPLIT } from './helpers/payable.ts';

const GRACE = 3;
const ORPHAN_GRACE = 10;
const MAX = 16 * 1024 * 1024;
let node: RunningNode;
let api: ApiPromise;
let metricsPort: number;

const start = (basePath?: string) => startNode({ basePath, prometheus: true, args: ['--content-gc-grace', String(GRACE), '--content-orphan-grace', String(ORPHAN_GRACE), '--prometheus-port', String(metricsPort)] });
const metric = async (name: string) => {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(name));
  if (line === undefined) throw new Error(`no ${name} in:\n${text.split('\n').filter((l) => l.startsWith('slmnet')).join('\n')}`);
  return Number(line.split(' ').at(-1));
};
const post = (body: Uint8Array | string, query = '') => fetch(`${node.httpUrl}/content${query}`, { method: 'POST', body: body as BodyInit });
const stats = async () => (await rpc(node.httpUrl, 'content_stats')).result;

beforeAll(async () => {
  await cryptoReady();
  metricsPort = await freePort();
  node = await start();
  api = await connect(node.url);
});

afterAll(async () => {
  await api?.disconnect();
  await node?.stop();
  if (node) removeDir(node.basePath);
});

describe('content store of a node', () => {
  it('uploads over HTTP and RPC, downloads by hash, and keeps blobs across kill -9', async () => {
    const text = 'Q: What is a datanet? A: A curated, versioned set of domain data.';
    const ref = contentRef(text);
    const r = await post(text, `?hash=${ref.hash}`);
    expect(r.status).toBe(201);
    expect(await r.json()).toEqual({ hash: ref.hash, size: ref.size, stored: true });
    expect((await post(text)).status).toBe(200); // already stored
    const get = await fetch(`${node.httpUrl}/content/${ref.hash}`);
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toBe('application/octet-stream');
    expect(await get.text()).toBe(text);
    const head = await fetch(`${node.httpUrl}/content/${ref.hash}`, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(ref.size));

    const viaRpc = await rpc(node.httpUrl, 'content_upload', [`0x${Buffer.from('over rpc').toString('hex')}`]);
    expect(viaRpc.result).toMatchObject({ hash: contentRef('over rpc').hash, size: 8, stored: true });
    expect((await rpc(node.httpUrl, 'content_get', [viaRpc.result.hash])).result).toBe(`0x${Buffer.from('over rpc').toString('hex')}`);
    expect((await rpc(node.httpUrl, 'content_has', [ref.hash])).result).toBe(true);
    expect(await stats()).toMatchObject({ blobs: 2, bytes: ref.size + 8, missing: 0 });

    await node.stop('SIGKILL');
    await api.disconnect();
    node = await start(node.basePath);
    api = await connect(node.url);
    expect(await (await fetch(`${node.httpUrl}/content/${ref.hash}`)).text()).toBe(text);
    expect(await stats()).toMatchObject({ blobs: 2, bytes: ref.size + 8 });
  });

  it('bad input gets a clear error and stores nothing', async () => {
    const before = await stats();
    const mismatch = await post('some bytes', `?hash=${contentRef('other bytes').hash}`);
    expect(mismatch.status).toBe(400);
    expect((await mismatch.json()).error).toMatch(/hashes to 0x[0-9a-f]{64}, not/);
    const tooLarge = await post(new Uint8Array(MAX + 1));
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).error).toMatch(/exceeds the limit of 16777216 bytes/);
    expect((await post('x', '?hash=0x1234')).status).toBe(400);
    expect((await post(new Uint8Array(0))).status).toBe(400);
    const unknown = await fetch(`${node.httpUrl}/content/${contentRef('never uploaded').hash}`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatch(/neither in this node's store nor at its peers/);
    expect((await fetch(`${node.httpUrl}/content/not-a-hash`)).status).toBe(400);
    expect((await fetch(`${node.httpUrl}/content`, { method: 'GET' })).status).toBe(405);
    await expect(uploadContent('ws://127.0.0.1:1', 'x')).rejects.toBeInstanceOf(ContentStoreError);

    const rpcMismatch = await rpc(node.httpUrl, 'content_upload', [`0x${'00'.repeat(20)}`, contentRef('x').hash]);
    expect(rpcMismatch.error).toMatchObject({ code: 7002 });
    expect((await rpc(node.httpUrl, 'content_upload', ['0x'])).error?.code).toBe(-32602);
    expect((await rpc(node.httpUrl, 'content_get', ['0x12'])).error?.code).toBe(-32602);
    expect((await rpc(node.httpUrl, 'content_get', [contentRef('never uploaded').hash])).result).toBeNull();
    expect(await stats()).toEqual(before);
  });

  it('removes a rejected contribution\'s bytes after the grace period, keeps accepted ones', async () => {
    const alice = devAccount('Alice');
    const bob = devAccount('Bob');
    const { datanet } = await createDatanet({ api, signer: alice }, { name: 'gc', deposit: 10n ** 12n });
    const keep = 'an accepted contribution stays in the store';
    const drop = 'a rejected contribution leaves the store';
    // contribute uploads the bytes to the node the api is connected to
    const a = await contribute({ api, signer: bob }, { datanet, content: keep });
    const b = await contribute({ api, signer: bob }, { datanet, content: drop });
    await review({ api, signer: alice }, a.contribution, { accept: 80 });
    const rejected = await review({ api, signer: alice }, b.contribution, { reject: 1 });
    const at = (await api.rpc.chain.getHeader(rejected.blockHash)).number.toNumber();
    const has = async (t: string) => (await rpc(node.httpUrl, 'content_has', [contentRef(t).hash])).result;
    await waitFor(async () => ((await has(drop)) === false ? true : undefined), 'the rejected bytes to go', 60_000);
    const finalized = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    expect(finalized).toBeGreaterThanOrEqual(at + GRACE);
    expect(await has(keep)).toBe(true);
    expect(node.logs()).toMatch(/removed content 0x[0-9a-f]{64} \(rejected or withdrawn\)/);
    expect(await metric('slmnet_content_store{kind="blobs",chain="dev"}')).toBe((await stats()).blobs);
  });

  it('removes an upload nothing references after the orphan grace period, keeps contributed uploads', async () => {
    const { datanet } = await createDatanet({ api, signer: devAccount('Alice') }, { name: 'orphans', deposit: 10n ** 12n });
    const orphan = 'uploaded bytes that no contribution or output ever names';
    const uploaded = await uploadContent(node.url, orphan);
    expect(uploaded.stored).toBe(true);
    const uploadedAt = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    // uploaded and contributed (left pending): referenced, so kept
    const kept = 'a pending contribution whose bytes were uploaded first';
    await contribute({ api, signer: devAccount('Eve') }, { datanet, content: kept });
    const has = async (t: string) => (await rpc(node.httpUrl, 'content_has', [contentRef(t).hash])).result;
    await waitFor(async () => ((await has(orphan)) === false ? true : undefined), 'the orphan upload to go', 90_000);
    const finalized = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    expect(finalized).toBeGreaterThanOrEqual(uploadedAt + ORPHAN_GRACE);
    expect(await has(kept)).toBe(true);
    expect(node.logs()).toMatch(new RegExp(`removed content ${uploaded.hash} \\(uploaded, never contributed\\)`));
  });

  it('the dev validator\'s attestor worker attests an inference from the stored bytes and it settles', async () => {
    const alice = devAccount('Alice');
    const { datanet } = await createDatanet({ api, signer: alice }, { name: 'attest', deposit: 10n ** 12n });
    const doc = 'Attestors rebuild the index of the training set from the bytes in their content store.';
    const { contribution } = await contribute({ api, signer: devAccount('Charlie') }, { datanet, content: doc });
    await review({ api, signer: alice }, contribution, { accept: 70 });
    const { version } = await publishVersion({ api, signer: alice }, datanet);
    const { model } = await registerModel({ api, signer: alice }, { name: 'attest-slm', trainingSet: [{ datanet, version }], pricing: PRICING, split: SPLIT });
    const output = 'the index of the training set from the bytes';
    const { inference } = await requestInference({ api, signer: devAccount('Dave') }, model, 'Attestors rebuild', 10n ** 13n);
    await uploadContent(node.url, output);
    await submitOutput({ api, signer: alice }, inference, { output, tokensIn: 2, tokensOut: 9 });
    const inf = await settled(api, inference);
    expect(inf.settlement.unwrap().fallback.isTrue).toBe(false);
    const result = (await api.query.attribution.results(inference)).unwrap();
    expect(result.entries_.map((e) => e.contribution.toBigInt())).toEqual([contribution]); // (`entries` would be Map.entries)
    expect(await metric('slmnet_attestor_attestations_total')).toBe(1);
    expect(await metric('slmnet_attestor_index_builds_total')).toBe(1);
    // the worker drops the inference from its queue on its next pass over the finalized state
    await waitFor(async () => ((await metric('slmnet_attestor_pending_inferences')) === 0 ? true : undefined), 'the attestor queue to empty', 20_000);
  });
});
