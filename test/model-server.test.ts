// The model server as a real process in front of a real 3-validator network: callers pay on chain
// (their own Models.request_inference, or a signed one the server submits), the server generates
// with the reference SLM and records the output, the validators' attestors settle, and the
// response carries the attribution and the exact fee split. Bad input changes nobody's balance.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { attribute, generate, MAX_PROMPT_BYTES } from '@slmnet/attribution';
import {
  connect, cryptoReady, devAccount, fromUri, registerModel, requestInference, transfer, type ApiPromise, type KeyringPair, type TxResult,
} from '@slmnet/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../models/src/request.ts';
import { startNetwork, type TestNetwork } from './helpers/network.ts';
import { freePort, ROOT, waitFor } from './helpers/node.ts';
import { DOCS, expectedSplit, INSULIN_PROMPT, PRICING, setUpModel, SPLIT, UNIT, type PayableSetup } from './helpers/payable.ts';

const SERVER = join(ROOT, 'models/bin/slmnet-model-server.js');
const UNRELATED = 'Quarterly revenue rose while shipping costs fell across every region';

interface Server { url: string; proc: ChildProcess; logs: () => string }

/** Runs slmnet-model-server until it prints where it listens (or exits). */
async function runServer(args: string[]): Promise<Server> {
  const proc = spawn(process.execPath, [SERVER, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d) => { out += d; });
  proc.stderr!.on('data', (d) => { out += d; });
  const url = await waitFor(() => {
    if (proc.exitCode !== null) throw new Error(`model server exited with ${proc.exitCode}:\n${out}`);
    return /model server on (http:\S+)/.exec(out)?.[1];
  }, 'the model server to listen', 60_000, 100);
  return { url, proc, logs: () => out };
}

/** Runs the CLI to completion: exit code and output. */
function runCli(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((res) => {
    const p = spawn(process.execPath, [SERVER, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout!.on('data', (d) => { out += d; });
    p.stderr!.on('data', (d) => { out += d; });
    p.on('exit', (code) => res({ code, out }));
  });
}

let net: TestNetwork;
let api: ApiPromise;
let server: Server;
let setup: PayableSetup;
let otherModel: number;
let alice: KeyringPair, bob: KeyringPair, charlie: KeyringPair, dave: KeyringPair, eve: KeyringPair, ferdie: KeyringPair;
/** Pays for completions; holds nothing else. */
const caller = fromUri('//ModelServerCaller');
/** Can pay a transaction fee, not a 10 SLMN max fee. */
const poor = fromUri('//ModelServerPoor');
/** Pays for a completion the model ends at once (nothing to record). */
const unanswered = fromUri('//ModelServerUnanswered');
let unansweredRequest: { inference: bigint; fee: bigint; before: { free: bigint; reserved: bigint } };
const contributors: KeyringPair[] = [];
const settledIds: bigint[] = [];

beforeAll(async () => {
  await cryptoReady();
  net = await startNetwork({ nodes: ['alice', 'bob', 'charlie'], validators: ['alice', 'bob', 'charlie'] });
  api = await connect(net.node('alice').url);
  [alice, bob, charlie, dave, eve, ferdie] = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map(devAccount);
  contributors.push(bob, charlie, dave);
  setup = await setUpModel(api, { uploadTo: net.node('alice').url, owner: alice, contributors, developer: eve, operator: ferdie });
  await transfer({ api, signer: alice }, caller.address, 100n * UNIT);
  await transfer({ api, signer: ferdie }, poor.address, 2n * UNIT);
  await transfer({ api, signer: alice }, unanswered.address, 10n * UNIT);
  // the server talks to another node than the callers: it sees their requests through the network
  server = await runServer(['--url', net.node('bob').url, '--suri', '//Ferdie', '--port', String(await freePort())]);
}, 180_000);

afterAll(async () => {
  server?.proc.kill('SIGTERM');
  await api?.disconnect();
  await net?.stop();
});

async function http(path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) };
  const r = await fetch(`${server.url}${path}`, init);
  return { status: r.status, json: await r.json() };
}

const account = async (who: KeyringPair) => {
  const a = await api.query.system.account(who.address);
  return { free: a.data.free.toBigInt(), reserved: a.data.reserved.toBigInt(), nonce: (await api.rpc.system.accountNextIndex(who.address)).toNumber() };
};
const pending = async (who: KeyringPair) => (await api.query.models.pendingRewards(who.address)).toBigInt();
const free = async (who: KeyringPair) => (await api.query.system.account(who.address)).data.free.toBigInt();
const feeOf = (r: TxResult) => BigInt(r.events.find((e) => e.section === 'transactionPayment' && e.method === 'TransactionFeePaid')!.data.actualFee as string);

/** The transaction fee `who` paid in block `n`. */
async function feePaidAt(who: KeyringPair, n: number): Promise<bigint> {
  const events = await api.query.system.events.at(await api.rpc.chain.getBlockHash(n));
  const e = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event) && event.data.who.toString() === who.address)!;
  return (e.event.data as unknown as { actualFee: { toBigInt(): bigint } }).actualFee.toBigInt();
}

/** What the rewards pot received in block `n` besides the block's emission (Balances.Minted into it). */
async function potInflowAt(n: number): Promise<bigint> {
  const pot = api.consts.models.rewardsPot.toString();
  const [before, at] = await Promise.all([n - 1, n].map((b) => api.rpc.chain.getBlockHash(b)));
  const [a0, a1] = await Promise.all([before, at].map(async (h) => (await api.query.system.account.at(h, pot)).data.free.toBigInt()));
  let minted = 0n;
  for (const { event } of await api.query.system.events.at(at)) {
    if (api.events.balances.Minted.is(event) && event.data.who.toString() === pot) minted += event.data.amount.toBigInt();
  }
  return a1 - a0 - minted;
}

/** Signs Models.request_inference as the server's quote describes it (the caller's wallet would). */
async function signedRequest(who: KeyringPair, o: { prompt: string; maxTokens: number; maxFee?: bigint; inputHash?: string }): Promise<string> {
  const q = await http('/v1/quote', { model: String(setup.model), prompt: o.prompt, max_tokens: o.maxTokens });
  expect(q.status).toBe(200);
  const tx = o.maxFee === undefined && o.inputHash === undefined
    ? api.tx(api.createType('Call', q.json.call))
    : api.tx.models.requestInference(setup.model, o.inputHash ?? q.json.input_hash, o.maxFee ?? BigInt(q.json.max_fee));
  return (await tx.signAsync(who)).toHex();
}

describe('slmnet-model-server on a 3-validator network', () => {
  it('lists the models its account operates, and picks up a model registered later', async () => {
    const models = await waitFor(async () => {
      const r = await http('/v1/models');
      return r.json.data[0]?.slmnet.index.state === 'ready' ? r : undefined;
    }, 'the index to be built', 30_000);
    expect(models.status).toBe(200);
    expect(models.json.data).toHaveLength(1);
    expect(models.json.data[0]).toMatchObject({
      id: String(setup.model), object: 'model', owned_by: eve.address,
      slmnet: {
        name: 'physio-slm', kind: 'infini-gram-v1', status: 'Active', training_set: [{ datanet: setup.datanet, version: 1 }],
        pricing: { base_fee: String(PRICING.baseFee), per_token_fee: String(PRICING.perTokenFee) },
        index: { state: 'ready', contributions: 3, tokens: setup.index.corpus.tokens.length },
      },
    });
    const health = await http('/health');
    expect(health.json).toMatchObject({ status: 'ok', operator: ferdie.address, models: [{ id: String(setup.model), index: 'ready' }] });

    ({ model: otherModel } = await registerModel({ api, signer: eve }, {
      name: 'physio-slm-2', trainingSet: [{ datanet: setup.datanet, version: 1 }], pricing: PRICING, split: SPLIT, operators: [ferdie.address],
    }));
    // a model Ferdie does not operate is not served
    const { model: notOurs } = await registerModel({ api, signer: eve }, { name: 'someone-else', trainingSet: [{ datanet: setup.datanet, version: 1 }], pricing: PRICING, split: SPLIT });
    const ids = await waitFor(async () => {
      const r = (await http('/v1/models')).json.data.map((m: { id: string }) => m.id);
      return r.length === 2 ? r : undefined;
    }, 'the new model to be served', 30_000);
    expect(ids).toEqual([String(setup.model), String(otherModel)]);
    expect((await http(`/v1/models/${notOurs}`)).status).toBe(404);
  });

  it('a prompt the model ends at once: no output is recorded and the held fee waits for the output deadline', async () => {
    const before = await account(unanswered);
    // a whole document as the prompt: its only continuation in the corpus is the document's end
    const req = await requestInference({ api, signer: unanswered }, setup.model, DOCS[2], 2n * UNIT);
    const r = await http('/v1/completions', { model: String(setup.model), prompt: DOCS[2], inference: String(req.inference), wait: 'settled' });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.choices).toEqual([{ index: 0, text: '', finish_reason: 'stop', logprobs: null }]);
    const inf = (await api.query.models.inferences(req.inference)).unwrap();
    expect(r.json.slmnet).toMatchObject({ status: 'Requested', output_hash: null, deadline_block: inf.deadline.toNumber() });
    expect(inf.status.isRequested).toBe(true);
    unansweredRequest = { inference: req.inference, fee: feeOf(req), before };
  });

  it('a paid completion reusing one passage: the validators agree, its contributor gets the largest share, exact balances', async () => {
    const { model, index, ids } = setup;
    const c0 = await account(caller);
    const eve0 = await free(eve);
    const pending0 = await Promise.all(contributors.map(pending));
    const req = await requestInference({ api, signer: caller }, model, INSULIN_PROMPT, 10n * UNIT);
    const { inference } = req;
    const r = await http('/v1/completions', { model: String(model), prompt: INSULIN_PROMPT, max_tokens: 24, inference: String(inference), wait: 'settled' });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    settledIds.push(inference);

    // the reference SLM seeded by the inference id, over the training set's index
    const g = generate(index, { prompt: INSULIN_PROMPT, seed: inference, maxTokens: 24 });
    expect(r.json).toMatchObject({
      id: `inference-${inference}`, object: 'text_completion', model: String(model),
      choices: [{ index: 0, text: g.text, finish_reason: 'length' }],
      usage: { prompt_tokens: g.tokensIn, completion_tokens: g.tokensOut, total_tokens: g.tokensIn + g.tokensOut },
    });
    expect(g.text).toContain('pancreas');
    const inf = (await api.query.models.inferences(inference)).unwrap();
    expect(inf.status.isSettled).toBe(true);
    expect(inf.outputHash.unwrap().toHex()).toBe(r.json.slmnet.output_hash);
    expect(inf.operator.unwrap().toString()).toBe(ferdie.address);
    const fee = inf.fee.toBigInt();
    expect(fee).toBe(PRICING.baseFee + PRICING.perTokenFee * 24n);

    // all three validators computed and signed the hash of the server's own attribution run
    const expected = attribute(index, g.text);
    const hash = `0x${Buffer.from(expected.resultHash).toString('hex')}`;
    for (const v of net.nodes) {
      await waitFor(() => (v.logs().includes(`Attested inference #${inference}: `) ? true : undefined), `${v.name} to attest`, 30_000);
      expect(v.logs()).toContain(`result ${hash}`);
    }
    const attestations = await Promise.all([alice, bob, charlie].map(async (v) => (await api.query.attribution.attestations(inference, v.address)).unwrapOr(undefined)));
    const attested = attestations.filter((a) => a !== undefined).map((a) => a!.resultHash.toHex());
    expect(attested.length).toBeGreaterThanOrEqual(2);
    expect(new Set(attested)).toEqual(new Set([hash]));
    expect(r.json.slmnet.attribution).toMatchObject({ status: 'Final', result_hash: hash, matches_chain: true });
    expect(r.json.slmnet.attribution.entries).toEqual(expected.result.entries.map((e) => ({ contribution: String(e.contribution), weight_ppm: e.weight_ppm })));
    expect(r.json.slmnet.attribution.spans.length).toBe(expected.spans.length);
    expect(r.json.slmnet.attribution.spans[0]).toMatchObject({ contributions: [String(ids[1])] });
    expect(g.text).toContain(r.json.slmnet.attribution.spans[0].text);

    // exact split: developer, contributors (attributed weight, the rest by bytes), protocol
    const s = inf.settlement.unwrap();
    expect(s.fallback.isTrue).toBe(false);
    const { developer, shares: share } = expectedSplit(fee, ids, expected.result.entries);
    const gained = (await Promise.all(contributors.map(pending))).map((p, i) => p - pending0[i]);
    expect(gained).toEqual(share);
    expect(gained[1]).toBeGreaterThan(gained[0]);
    expect(gained[1]).toBeGreaterThan(gained[2]);
    const paid = share.reduce((a, b) => a + b, 0n);
    const protocol = fee - developer - paid;
    expect(await free(eve) - eve0).toBe(developer);
    expect(await potInflowAt(s.settled.toNumber())).toBe(protocol);
    const c1 = await account(caller);
    expect(c0.free - c1.free).toBe(feeOf(req) + fee);
    expect(c1.reserved).toBe(c0.reserved);

    // the response reports the same split
    expect(r.json.slmnet).toMatchObject({ status: 'Settled', fee: String(fee), consumer: caller.address, max_tokens_paid: 24 });
    expect(r.json.slmnet.settlement).toMatchObject({
      block: s.settled.toNumber(), fallback: false,
      developer: { account: eve.address, amount: String(developer) },
      contributors: { amount: String(paid) },
      protocol: { account: api.consts.models.rewardsPot.toString(), amount: String(protocol) },
    });
    const payouts = Object.fromEntries(r.json.slmnet.settlement.contributors.payouts.map((p: { contribution: string; amount: string }) => [p.contribution, BigInt(p.amount)]));
    expect(ids.map((id) => payouts[String(id)] ?? 0n)).toEqual(share);
    expect(r.json.slmnet.settlement.contributors.payouts.find((p: { contribution: string }) => p.contribution === String(ids[1])).contributor).toBe(charlie.address);

    // the same view later, from the chain
    const later = await http(`/v1/inferences/${inference}`);
    expect(later.status).toBe(200);
    expect(later.json.slmnet).toEqual(r.json.slmnet);
  });

  it('a signed request the server submits; unrelated text settles by the fallback split', async () => {
    const c0 = await account(caller);
    const pending0 = await Promise.all(contributors.map(pending));
    const q = await http('/v1/quote', { model: String(setup.model), prompt: UNRELATED, max_tokens: 3 });
    expect(q.json).toMatchObject({ model: String(setup.model), max_tokens: 3, max_fee: String(PRICING.baseFee + 3n * PRICING.perTokenFee) });
    // three tokens are shorter than any evidence span (4): nothing can be attributed
    const r = await http('/v1/completions', {
      model: String(setup.model), prompt: UNRELATED, max_tokens: 3, signed_request: await signedRequest(caller, { prompt: UNRELATED, maxTokens: 3 }), wait: 'settled',
    });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.usage.completion_tokens).toBe(3);
    const inference = BigInt(r.json.slmnet.inference);
    settledIds.push(inference);
    const inf = (await api.query.models.inferences(inference)).unwrap();
    expect(inf.consumer.toString()).toBe(caller.address);
    expect(inf.status.isSettled).toBe(true);
    expect(r.json.choices[0].text).toBe(generate(setup.index, { prompt: UNRELATED, seed: inference, maxTokens: 3 }).text);
    const fee = inf.fee.toBigInt();
    const s = inf.settlement.unwrap();
    expect(s.fallback.isTrue).toBe(true);
    const gained = (await Promise.all(contributors.map(pending))).map((p, i) => p - pending0[i]);
    expect(gained).toEqual(expectedSplit(fee, setup.ids).shares);
    const result = (await api.query.attribution.results(inference)).unwrap();
    expect(result.entries_.length).toBe(0);
    expect(result.status.isFinal).toBe(true); // the validators agreed that nothing was reused
    expect(r.json.slmnet.attribution).toMatchObject({ status: 'Final', entries: [], spans: [], matches_chain: true });
    expect(r.json.slmnet.settlement).toMatchObject({ fallback: true, contributors: { amount: String(gained.reduce((a, b) => a + b, 0n)) } });
    expect(await potInflowAt(s.settled.toNumber())).toBe(fee - s.developer.toBigInt() - s.contributors.toBigInt());
    const c1 = await account(caller);
    expect(c0.free - c1.free).toBe(await feePaidAt(caller, inf.requested.toNumber()) + fee);
    expect(c1.reserved).toBe(c0.reserved);
  });

  it('bad input: clear JSON errors with HTTP statuses, and no balance or hold changes', async () => {
    const model = String(setup.model);
    const before = await Promise.all([caller, poor, ferdie].map(account));
    const unchanged = async () => expect(await Promise.all([caller, poor, ferdie].map(account))).toEqual(before);
    const refused = async (body: unknown, status: number, code: string, param?: string | null) => {
      const r = await http('/v1/completions', body);
      expect(r.status, JSON.stringify(r.json)).toBe(status);
      expect(r.json.error).toMatchObject({ code, ...(param !== undefined ? { param } : {}) });
      expect(r.json.error.message.length).toBeGreaterThan(15);
      await unchanged();
      return r.json.error;
    };
    await refused({ model: '99', prompt: INSULIN_PROMPT, inference: '0' }, 404, 'model_not_found', 'model');
    await refused({ model, prompt: 'a'.repeat(MAX_PROMPT_BYTES + 1), inference: '0' }, 400, 'prompt_too_long', 'prompt');
    await refused('{"model": "0", "prompt": ', 400, 'invalid_json', null);
    await refused({ model, inference: '0' }, 400, 'missing_parameter', 'prompt');
    await refused({ model, prompt: 'hello' }, 402, 'payment_required');
    const big = await refused(JSON.stringify({ model, prompt: 'x'.repeat(MAX_BODY_BYTES) }), 413, 'body_too_large', null);
    expect(big.type).toBe('invalid_request_error');
    await refused({ model, prompt: 'hello', inference: '999999' }, 400, 'inference_not_found', 'inference');
    // already answered
    await refused({ model, prompt: INSULIN_PROMPT, inference: String(settledIds[0]) }, 409, 'inference_not_requested', 'inference');

    // signed requests are checked before anything is submitted
    await refused({ model, prompt: 'hello', signed_request: '0x0102' }, 400, 'invalid_signed_request', 'signed_request');
    const forOther = await signedRequest(caller, { prompt: 'something else', maxTokens: 5 });
    await refused({ model, prompt: 'hello', signed_request: forOther }, 400, 'input_hash_mismatch', 'signed_request');
    await refused({ model: String(otherModel), prompt: 'something else', signed_request: forOther }, 400, 'model_mismatch', 'signed_request');
    const baseOnly = await signedRequest(caller, { prompt: 'hello', maxTokens: 5, maxFee: PRICING.baseFee });
    await refused({ model, prompt: 'hello', signed_request: baseOnly }, 402, 'max_fee_too_low', 'signed_request');
    // underfunded: 2 SLMN cannot hold a 10 SLMN max fee; nothing reaches the pool
    const e = await refused({ model, prompt: 'hello', signed_request: await signedRequest(poor, { prompt: 'hello', maxTokens: 5, maxFee: 10n * UNIT }) }, 402, 'insufficient_funds', 'signed_request');
    expect(e.type).toBe('payment_error');
    expect(e.message).toContain(poor.address);
    // a forged signature: the node refuses it, nothing is charged
    const good = api.createType('Extrinsic', await signedRequest(caller, { prompt: 'hello', maxTokens: 5 }));
    const sig = good.signature.toHex().slice(2);
    const forged = good.toHex().replace(sig, `${sig.slice(0, 10)}${sig[10] === '0' ? '1' : '0'}${sig.slice(11)}`);
    expect(forged).not.toBe(good.toHex());
    await refused({ model, prompt: 'hello', signed_request: forged }, 400, 'rejected_by_node', 'signed_request');

    // an inference the caller paid for another prompt: refused, its hold untouched; the right prompt is then served
    const { inference } = await requestInference({ api, signer: caller }, setup.model, 'the right prompt', 10n * UNIT);
    const held = await account(caller);
    const wrong = await http('/v1/completions', { model, prompt: 'another prompt', inference: String(inference) });
    expect([wrong.status, wrong.json.error.code, wrong.json.error.param]).toEqual([400, 'input_hash_mismatch', 'prompt']);
    const mismatch = await http('/v1/completions', { model: String(otherModel), prompt: 'the right prompt', inference: String(inference) });
    expect([mismatch.status, mismatch.json.error.code]).toEqual([400, 'model_mismatch']);
    expect(await account(caller)).toEqual(held);
    expect((await api.query.models.inferences(inference)).unwrap().status.isRequested).toBe(true);
    const right = await http('/v1/completions', { model, prompt: 'the right prompt', max_tokens: 2, inference: String(inference) });
    expect(right.status, JSON.stringify(right.json)).toBe(200);
    expect(right.json.slmnet).toMatchObject({ status: 'OutputSubmitted', fee: String(PRICING.baseFee + 2n * PRICING.perTokenFee) });

    // unknown routes and methods
    expect((await http('/v1/chat/completions', {})).json.error.code).toBe('unknown_route');
    const r = await fetch(`${server.url}/v1/completions`);
    expect([r.status, ((await r.json()) as { error: { code: string } }).error.code]).toEqual([405, 'method_not_allowed']);
  });

  it('the command line: --help, a missing key, a model it cannot serve', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--url', '--suri', '--models', '--host', '--port', 'POST /v1/completions']) expect(help.out).toContain(flag);
    const noKey = await runCli(['--url', net.node('bob').url]);
    expect([noKey.code, noKey.out.trim()]).toEqual([1, 'error: no operator key: give --suri (a mnemonic, 0x seed or //Name) or --keyfile with --password']);
    const unknown = await runCli(['--url', net.node('bob').url, '--suri', '//Ferdie', '--models', `${setup.model},99`, '--port', '0']);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('error: model 99 does not exist');
    const notOperator = await runCli(['--url', net.node('bob').url, '--suri', '//Dave', '--models', String(setup.model), '--port', '0']);
    expect(notOperator.code).toBe(1);
    expect(notOperator.out).toContain(`is neither the developer nor an operator of model ${setup.model}`);
    const badPort = await runCli(['--suri', '//Ferdie', '--port', 'http']);
    expect(badPort.code).toBe(1);
    expect(badPort.out).toContain('must be a port number');
  });

  it('the unanswered inference is refunded in full at its deadline: only the request\'s transaction fee was spent', async () => {
    const { inference, fee, before } = unansweredRequest;
    await waitFor(async () => ((await api.query.models.inferences(inference)).unwrap().status.isRefunded ? true : undefined), `inference ${inference} to be refunded`, 90_000, 1000);
    const after = await account(unanswered);
    expect(before.free - after.free).toBe(fee);
    expect(after.reserved).toBe(before.reserved);
  });
});
