// The whole SLMnet story through the @slmnet/client SDK (typed @polkadot/api) against a real node process:
// datanet → contributions → review → version → model → paid inference → output → attestations →
// settlement with exact amounts → claims → a node registers, heartbeats and is paid at the era end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChainError, attest, bondAttestor, claimNodeRewards, claimRewards, connect, contribute, createDatanet, cryptoReady, devAccount, eventsOf,
  heartbeat, nodeKeyFromSeed, publishVersion, registerModel, registerNode, requestInference, reviewTx, submit, submitOutput,
  type ApiPromise, type Ctx, type KeyringPair,
} from '@slmnet/client';
import { evidenceRoot, paramsHash, resultHash } from '../runtime-spec/src/attribution-result.ts';
import { palletAccount } from '../runtime-spec/src/pallets/common.ts';
import { removeDir, startNode, waitFor, type RunningNode } from './helpers/node.ts';

let node: RunningNode;
let api: ApiPromise;
let alice: KeyringPair, bob: KeyringPair, charlie: KeyringPair, dave: KeyringPair, eve: KeyringPair, ferdie: KeyringPair;
const UNIT = 10n ** 12n;
const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString('hex')}`;
const POT = hex(palletAccount('slm/pot0'));
const ESCROW = hex(palletAccount('slm/ctrb'));
/** The SDK's context for one signer. */
const as = (signer: KeyringPair): Ctx => ({ api, signer });
/** The `Pallet.Error` of a failed call (or the call's result when it unexpectedly succeeded). */
const chainError = (p: Promise<unknown>) => p.then(() => 'no error', (e: unknown) => (e instanceof ChainError ? e.error : String(e)));

beforeAll(async () => {
  await cryptoReady();
  node = await startNode();
  api = await connect(node.url);
  [alice, bob, charlie, dave, eve, ferdie] = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map(devAccount);
});

afterAll(async () => {
  await api?.disconnect();
  await node?.stop();
  if (node) removeDir(node.basePath);
});

const free = async (who: string | KeyringPair, at?: string) => {
  const addr = typeof who === 'string' ? who : who.address;
  const a = at ? await (await api.at(at)).query.system.account(addr) : await api.query.system.account(addr);
  return a.data.free.toBigInt();
};
const issuanceMatchesAccounts = async (at: string) => {
  const apiAt = await api.at(at);
  const [issuance, accounts] = await Promise.all([apiAt.query.balances.totalIssuance(), apiAt.query.system.account.entries()]);
  const sum = accounts.reduce((s, [, a]) => s + a.data.free.toBigInt() + a.data.reserved.toBigInt(), 0n);
  expect(sum).toBe(issuance.toBigInt());
};
const DOCS = {
  bob: 'Q: What is hypertension? A: Persistently high arterial blood pressure, usually above 130/80 mmHg.',
  charlie: 'Q: What does an ECG measure? A: The electrical activity of the heart over time, recorded from skin electrodes.',
  dave: 'buy cheap pills now!!!',
};

describe('domain story through @polkadot/api', () => {
  let datanet: number;
  const contribution: Record<string, bigint> = {};
  let model: number;
  let inference: bigint;

  it('metadata exposes the domain pallets, runtime APIs and hold reasons', async () => {
    for (const p of ['datanets', 'models', 'attribution', 'nodeRewards']) expect(api.tx[p]).toBeDefined();
    expect(api.consts.datanets.maxNameLen.toNumber()).toBe(64);
    expect(api.call.modelsApi.quote).toBeDefined();
    expect(api.registry.createType('SlmnetRuntimeRuntimeHoldReason' as any, { Datanets: 'ContributionDeposit' }).toHex()).toBe('0x0a00');
  });

  it('creates a datanet; three accounts contribute; the curator accepts two and rejects one', async () => {
    const created = await createDatanet(as(alice), { name: 'Medical Q&A', metadata: '{"description":"short clinical answers"}', tags: ['medical', 'qa'], kind: 'Text', license: 'CC-BY-4.0', policy: 'Open', deposit: UNIT });
    datanet = created.datanet;
    expect(datanet).toBe(0);
    const outs = await Promise.all((['bob', 'charlie', 'dave'] as const).map((n) =>
      contribute(as({ bob, charlie, dave }[n]), { datanet, content: DOCS[n], metadata: '{"title":"q&a","mime":"text/plain"}', license: 'CC0' })));
    (['bob', 'charlie', 'dave'] as const).forEach((n, i) => { contribution[n] = outs[i].contribution; });
    const held = await api.query.system.account(bob.address);
    expect(held.data.reserved.toBigInt()).toBe(UNIT);
    const daveBefore = await free(dave);
    const aliceBefore = await free(alice);
    const reviews = await submit(api, api.tx.utility.batchAll([
      reviewTx(api, contribution.bob, { accept: 90 }),
      reviewTx(api, contribution.charlie, { accept: 75 }),
      reviewTx(api, contribution.dave, { reject: 3 }),
    ]), alice);
    expect(eventsOf(reviews, 'datanets', 'ContributionAccepted')).toHaveLength(2);
    const [rejected] = eventsOf(reviews, 'datanets', 'ContributionRejected');
    expect(BigInt(rejected.forfeited)).toBe(UNIT / 2n);
    expect(await free(dave)).toBe(daveBefore + UNIT / 2n);
    const aliceFee = BigInt(eventsOf(reviews, 'transactionPayment', 'TransactionFeePaid')[0].actualFee);
    expect(await free(alice)).toBe(aliceBefore + UNIT / 2n - aliceFee);
    expect((await api.query.datanets.contributions(contribution.bob)).unwrap().status.toString()).toBe('Accepted');
    expect((await api.query.datanets.contributions(contribution.dave)).unwrap().status.toString()).toBe('Rejected');
    expect((await api.query.system.account(bob.address)).data.reserved.toBigInt()).toBe(0n);
  });

  it('publishes version 1 and registers a model on it', async () => {
    const pub = await publishVersion(as(alice), datanet);
    const [v] = eventsOf(pub, 'datanets', 'VersionPublished');
    expect(v).toMatchObject({ datanet, version: 1, count: 2 });
    expect([pub.version, pub.count]).toEqual([1, 2]);
    expect((await api.call.datanetsApi.versionContributions(datanet, 1)).toJSON()).toEqual([Number(contribution.bob), Number(contribution.charlie)]);
    const reg = await registerModel(as(eve), {
      name: 'medqa-slm', metadata: '{}', kind: 'InfiniGramV1', trainingSet: [{ datanet, version: 1 }], manifest: 'manifest',
      pricing: { baseFee: 2n * UNIT, perTokenFee: UNIT / 100n }, split: { developerPpm: 500_000, contributorsPpm: 400_000, protocolPpm: 100_000 }, operators: [ferdie.address],
    });
    model = reg.model;
    expect((await api.call.modelsApi.quote(model, 100)).toJSON()).toBe(Number(3n * UNIT));
  });

  it('a consumer pays for an inference, the operator submits the output, validators attest, settlement pays exactly', async () => {
    // a second attestor bonds so the quorum is 2 of 2 (Alice validates; Bob bonds)
    await bondAttestor(as(bob), 10n * UNIT);
    expect((await api.call.attributionApi.attestors()).map((a) => a.toString())).toEqual([alice.address, bob.address]);
    const req = await requestInference(as(dave), model, 'What is hypertension?', 10n * UNIT);
    inference = req.inference;
    expect((await api.query.system.account(dave.address)).data.reserved.toBigInt()).toBe(10n * UNIT);
    const out = await submitOutput(as(ferdie), inference, { output: 'Persistently high arterial blood pressure', tokensIn: 4, tokensOut: 100 });
    const fee = 3n * UNIT;
    expect(out.refunded).toBe(7n * UNIT);
    expect((await api.query.system.account(dave.address)).data.reserved.toBigInt()).toBe(fee);

    const entries = [{ contribution: contribution.bob, weight_ppm: 750_000 }, { contribution: contribution.charlie, weight_ppm: 250_000 }];
    const params_hash = paramsHash({ tokenizer: 1, min_span: 4, density_ppm: 50_000, max_entries: 32 });
    const evidence_root = evidenceRoot([{ output_offset: 0, length: 5, contributions: [contribution.bob] }, { output_offset: 9, length: 4, contributions: [contribution.charlie] }]);
    const result_hash = resultHash({ algorithm: 1, params_hash, entries, evidence_root });
    const result = { algorithm: 1, paramsHash: params_hash, resultHash: result_hash, evidenceRoot: evidence_root, entries: entries.map((e) => ({ contribution: e.contribution, weightPpm: e.weight_ppm })) };
    const first = await attest(as(alice), inference, result);
    expect(eventsOf(first, 'attribution', 'AttributionFinalized')).toHaveLength(0);
    expect(first.quorum).toBe(false);
    const [eve0, pot0, esc0] = await Promise.all([free(eve), free(POT), free(ESCROW)]);
    const second = await attest(as(bob), inference, result);
    expect(eventsOf(second, 'attribution', 'AttributionFinalized')).toHaveLength(1);
    expect(second.quorum).toBe(true);
    const developer = fee / 2n;
    const contributors = (fee * 400_000n) / 1_000_000n;
    const toBob = (contributors * 750_000n) / 1_000_000n;
    const toCharlie = (contributors * 250_000n) / 1_000_000n;
    const protocol = fee - developer - toBob - toCharlie;
    const [settled] = eventsOf(second, 'models', 'InferenceSettled');
    expect([settled.fee, settled.developer, settled.contributors, settled.protocol].map(BigInt)).toEqual([fee, developer, toBob + toCharlie, protocol]);
    expect(await free(eve)).toBe(eve0 + developer);
    expect(await free(ESCROW)).toBe(esc0 + toBob + toCharlie);
    // the pot also receives emission in NodeRewards' block hook: compare within the settlement block
    const potBefore = await free(POT, (await api.rpc.chain.getHeader(second.blockHash)).parentHash.toHex());
    expect(potBefore).toBeGreaterThanOrEqual(pot0);
    const rewarded = eventsOf(second, 'models', 'ContributorRewarded');
    expect(rewarded.map((r) => [BigInt(r.contribution), BigInt(r.amount)])).toEqual([[contribution.bob, toBob], [contribution.charlie, toCharlie]]);
    expect((await api.query.system.account(dave.address)).data.reserved.toBigInt()).toBe(0n);
    expect((await api.call.modelsApi.pendingRewards(bob.address)).toString()).toBe(String(toBob));
    const stats = (await api.call.attributionApi.contributionStats(contribution.bob)).toJSON() as any;
    expect([BigInt(stats.inferences), BigInt(stats.cumulativeWeightPpm), BigInt(stats.earned)]).toEqual([1n, 750_000n, toBob]);
    const inf = (await api.call.modelsApi.inference(inference)).toJSON() as any;
    expect(inf.status).toBe('Settled');
    await issuanceMatchesAccounts(second.blockHash);

    // contributors claim
    for (const [who, amount] of [[bob, toBob], [charlie, toCharlie]] as const) {
      const before = await free(who);
      const claim = await claimRewards(as(who));
      const paid = BigInt(eventsOf(claim, 'transactionPayment', 'TransactionFeePaid')[0].actualFee);
      expect(claim.amount).toBe(amount);
      expect(await free(who)).toBe(before + amount - paid);
    }
    expect((await api.query.models.pendingRewards(bob.address)).toBigInt()).toBe(0n);
  });

  it('a node registers, sends signed heartbeats and is paid at the era end; the operator claims', async () => {
    const nodeKey = nodeKeyFromSeed('ferdie compute node');
    const params = (await api.query.nodeRewards.params()).toJSON() as any;
    // the SDK has the node key sign its consent to being registered by ferdie, and every heartbeat;
    // a compute node earns by heartbeats alone (storage nodes also answer challenges: storage-challenges.test.ts)
    const reg = await registerNode(as(ferdie), 'Compute', nodeKey, BigInt(params.minBond));
    const [registered] = eventsOf(reg, 'nodeRewards', 'NodeRegistered');
    const node = Number(registered.node);
    expect(reg.node).toBe(node);
    expect((await api.query.system.account(ferdie.address)).data.reserved.toBigInt()).toBe(BigInt(params.minBond));
    const hb = await heartbeat(as(ferdie), node, nodeKey);
    expect(eventsOf(hb, 'nodeRewards', 'Heartbeat')[0]).toMatchObject({ node });
    // a forged heartbeat (signed by another key) is refused
    const forger = nodeKeyFromSeed(new Uint8Array(32).fill(1));
    expect(await chainError(heartbeat(as(ferdie), node, forger))).toMatch(/^NodeRewards\./);
    // the era ends every `era_length` blocks: wait for EraPaid with our node in it
    const eraLength = Number(params.eraLength);
    const hbBlock = (await api.rpc.chain.getHeader(hb.blockHash)).number.toNumber();
    const eraEnd = Math.ceil((hbBlock + 1) / eraLength) * eraLength;
    await waitFor(async () => ((await api.rpc.chain.getHeader()).number.toNumber() >= eraEnd ? true : undefined), `block #${eraEnd}`, 120_000, 500);
    const eraHash = (await api.rpc.chain.getBlockHash(eraEnd)).toHex();
    const eraEvents = await (await api.at(eraHash)).query.system.events();
    const rewarded = eraEvents.find(({ event }) => event.section === 'nodeRewards' && event.method === 'NodeRewarded');
    expect(rewarded, 'NodeRewarded at the era end').toBeDefined();
    expect(eraEvents.some(({ event }) => event.section === 'nodeRewards' && event.method === 'EraPaid')).toBe(true);
    const paid = { hash: eraHash, data: rewarded!.event.data.toJSON() as any[] };
    const [, rewardedNode, operator, points, amount] = paid.data;
    expect([rewardedNode, operator, points]).toEqual([node, ferdie.address, 1]);
    // the only node with points gets everything unallocated in the pot (floor of a 1/1 share)
    const pending = BigInt((await (await api.at(paid.hash)).call.nodeRewardsApi.pendingRewards(ferdie.address)).toString());
    expect(pending).toBe(BigInt(amount));
    expect(pending).toBeGreaterThan(0n);
    await issuanceMatchesAccounts(paid.hash);
    const before = await free(ferdie);
    const claim = await claimNodeRewards(as(ferdie));
    const fee = BigInt(eventsOf(claim, 'transactionPayment', 'TransactionFeePaid')[0].actualFee);
    const claimed = claim.amount;
    expect(claimed).toBeGreaterThanOrEqual(pending);
    expect(await free(ferdie)).toBe(before + claimed - fee);
  });

  it('bad input through the API is rejected with module errors', async () => {
    const zero = new Uint8Array(32);
    expect(await chainError(createDatanet(as(alice), { name: 'x'.repeat(65), deposit: UNIT }))).toBe('Datanets.NameTooLong');
    expect(await chainError(registerModel(as(eve), { name: 'm', kind: 'External', trainingSet: [{ datanet, version: 1 }], manifest: hex(zero),
      pricing: { baseFee: 1n, perTokenFee: 1n }, split: { developerPpm: 500_000, contributorsPpm: 400_000, protocolPpm: 100_001 } }))).toBe('Models.InvalidSplit');
    expect(await chainError(requestInference(as(dave), model, hex(zero), 0n))).toBe('Models.ZeroFee');
    expect(await chainError(attest(as(charlie), inference, { algorithm: 1, paramsHash: zero, resultHash: zero, entries: [], evidenceRoot: zero }))).toBe('Attribution.NotAttestor');
  });
});
