// The whole SLMnet story through unmodified @polkadot/api against a real node process:
// datanet → contributions → review → version → model → paid inference → output → attestations →
// settlement with exact amounts → claims → a node registers, heartbeats and is paid at the era end.
import '@polkadot/api-augment';
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import { blake2AsU8a, cryptoWaitReady, ed25519PairFromSeed, ed25519Sign } from '@polkadot/util-crypto';
import { u8aConcat, u8aToHex } from '@polkadot/util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceRoot, paramsHash, resultHash } from '../runtime-spec/src/attribution-result.ts';
import { palletAccount } from '../runtime-spec/src/pallets/common.ts';
import { eventsOf, ok } from './helpers/api.ts';
import { removeDir, startNode, waitFor, type RunningNode } from './helpers/node.ts';

let node: RunningNode;
let api: ApiPromise;
let alice: KeyringPair, bob: KeyringPair, charlie: KeyringPair, dave: KeyringPair, eve: KeyringPair, ferdie: KeyringPair;
const UNIT = 10n ** 12n;
const POT = u8aToHex(palletAccount('slm/pot0'));
const ESCROW = u8aToHex(palletAccount('slm/ctrb'));

beforeAll(async () => {
  await cryptoWaitReady();
  node = await startNode();
  api = await ApiPromise.create({ provider: new WsProvider(node.url), noInitWarn: true, throwOnConnect: true });
  const k = new Keyring({ type: 'sr25519' });
  [alice, bob, charlie, dave, eve, ferdie] = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((n) => k.addFromUri(`//${n}`));
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
const text = (s: string) => new TextEncoder().encode(s);
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
    expect((api.consts.datanets.maxNameLen as any).toNumber()).toBe(64);
    expect(api.call.modelsApi.quote).toBeDefined();
    expect(api.registry.createType('SlmnetRuntimeRuntimeHoldReason' as any, { Datanets: 'ContributionDeposit' }).toHex()).toBe('0x0a00');
  });

  it('creates a datanet; three accounts contribute; the curator accepts two and rejects one', async () => {
    const created = await ok(api.tx.datanets.create('Medical Q&A', '{"description":"short clinical answers"}', ['medical', 'qa'], 'Text', 'CC-BY-4.0', 'Open', UNIT), alice);
    [datanet] = eventsOf(created, 'datanets', 'DatanetCreated').map((e) => e.datanet);
    expect(datanet).toBe(0);
    const outs = await Promise.all((['bob', 'charlie', 'dave'] as const).map((n) => {
      const body = text(DOCS[n]);
      return ok(api.tx.datanets.contribute(datanet, blake2AsU8a(body), body.length, '{"title":"q&a","mime":"text/plain"}', 'CC0'), { bob, charlie, dave }[n]);
    }));
    (['bob', 'charlie', 'dave'] as const).forEach((n, i) => { contribution[n] = BigInt(eventsOf(outs[i], 'datanets', 'ContributionSubmitted')[0].contribution); });
    const held = await api.query.system.account(bob.address);
    expect(held.data.reserved.toBigInt()).toBe(UNIT);
    const daveBefore = await free(dave);
    const aliceBefore = await free(alice);
    const reviews = await ok(api.tx.utility.batchAll([
      api.tx.datanets.review(contribution.bob, { Accept: { quality: 90 } }),
      api.tx.datanets.review(contribution.charlie, { Accept: { quality: 75 } }),
      api.tx.datanets.review(contribution.dave, { Reject: { reason: 3 } }),
    ]), alice);
    expect(eventsOf(reviews, 'datanets', 'ContributionAccepted')).toHaveLength(2);
    const [rejected] = eventsOf(reviews, 'datanets', 'ContributionRejected');
    expect(BigInt(rejected.forfeited)).toBe(UNIT / 2n);
    expect(await free(dave)).toBe(daveBefore + UNIT / 2n);
    const aliceFee = BigInt(eventsOf(reviews, 'transactionPayment', 'TransactionFeePaid')[0].actualFee);
    expect(await free(alice)).toBe(aliceBefore + UNIT / 2n - aliceFee);
    expect(((await api.query.datanets.contributions(contribution.bob)) as any).unwrap().status.toString()).toBe('Accepted');
    expect(((await api.query.datanets.contributions(contribution.dave)) as any).unwrap().status.toString()).toBe('Rejected');
    expect((await api.query.system.account(bob.address)).data.reserved.toBigInt()).toBe(0n);
  });

  it('publishes version 1 and registers a model on it', async () => {
    const pub = await ok(api.tx.datanets.publishVersion(datanet), alice);
    const [v] = eventsOf(pub, 'datanets', 'VersionPublished');
    expect(v).toMatchObject({ datanet, version: 1, count: 2 });
    expect((await api.call.datanetsApi.versionContributions(datanet, 1)).toJSON()).toEqual([Number(contribution.bob), Number(contribution.charlie)]);
    const reg = await ok(api.tx.models.registerModel('medqa-slm', '{}', 'InfiniGramV1', [{ datanet, version: 1 }], blake2AsU8a(text('manifest')),
      { baseFee: 2n * UNIT, perTokenFee: UNIT / 100n }, { developerPpm: 500_000, contributorsPpm: 400_000, protocolPpm: 100_000 }, [ferdie.address]), eve);
    [model] = eventsOf(reg, 'models', 'ModelRegistered').map((e) => e.model);
    expect((await api.call.modelsApi.quote(model, 100)).toJSON()).toBe(Number(3n * UNIT));
  });

  it('a consumer pays for an inference, the operator submits the output, validators attest, settlement pays exactly', async () => {
    // a second attestor bonds so the quorum is 2 of 2 (Alice validates; Bob bonds)
    await ok(api.tx.attribution.bond(10n * UNIT), bob);
    expect(((await api.call.attributionApi.attestors()) as any).map((a: any) => a.toString())).toEqual([alice.address, bob.address]);
    const req = await ok(api.tx.models.requestInference(model, blake2AsU8a(text('What is hypertension?')), 10n * UNIT), dave);
    inference = BigInt(eventsOf(req, 'models', 'InferenceRequested')[0].inference);
    expect((await api.query.system.account(dave.address)).data.reserved.toBigInt()).toBe(10n * UNIT);
    const out = await ok(api.tx.models.submitOutput(inference, blake2AsU8a(text('Persistently high arterial blood pressure')), 4, 100), ferdie);
    const fee = 3n * UNIT;
    expect(BigInt(eventsOf(out, 'models', 'OutputSubmitted')[0].refunded)).toBe(7n * UNIT);
    expect((await api.query.system.account(dave.address)).data.reserved.toBigInt()).toBe(fee);

    const entries = [{ contribution: contribution.bob, weight_ppm: 750_000 }, { contribution: contribution.charlie, weight_ppm: 250_000 }];
    const params_hash = paramsHash({ tokenizer: 1, min_span: 4, density_ppm: 50_000, max_entries: 32 });
    const evidence_root = evidenceRoot([{ output_offset: 0, length: 5, contributions: [contribution.bob] }, { output_offset: 9, length: 4, contributions: [contribution.charlie] }]);
    const result_hash = resultHash({ algorithm: 1, params_hash, entries, evidence_root });
    const attest = () => api.tx.attribution.attest(inference, 1, params_hash, result_hash, entries.map((e) => ({ contribution: e.contribution, weightPpm: e.weight_ppm })), evidence_root);
    const first = await ok(attest(), alice);
    expect(eventsOf(first, 'attribution', 'AttributionFinalized')).toHaveLength(0);
    const [eve0, pot0, esc0] = await Promise.all([free(eve), free(POT), free(ESCROW)]);
    const second = await ok(attest(), bob);
    expect(eventsOf(second, 'attribution', 'AttributionFinalized')).toHaveLength(1);
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
      const claim = await ok(api.tx.models.claimRewards(), who);
      const paid = BigInt(eventsOf(claim, 'transactionPayment', 'TransactionFeePaid')[0].actualFee);
      expect(BigInt(eventsOf(claim, 'models', 'RewardsClaimed')[0].amount)).toBe(amount);
      expect(await free(who)).toBe(before + amount - paid);
    }
    expect(((await api.query.models.pendingRewards(bob.address)) as any).toBigInt()).toBe(0n);
  });

  it('a node registers, sends signed heartbeats and is paid at the era end; the operator claims', async () => {
    const nodeKey = ed25519PairFromSeed(blake2AsU8a(text('ferdie storage node')));
    const peerId = u8aConcat(Uint8Array.of(0x00, 0x24, 0x08, 0x01, 0x12, 0x20), nodeKey.publicKey);
    const params = (await api.query.nodeRewards.params()).toJSON() as any;
    // hex: @polkadot/types reads a raw Uint8Array given for `Bytes` as already length-prefixed
    // the node key consents to being registered by ferdie
    const proof = ed25519Sign(u8aConcat(text('slmnet/register'), api.genesisHash.toU8a(), ferdie.publicKey), nodeKey);
    const reg = await ok(api.tx.nodeRewards.registerNode('Storage', u8aToHex(peerId), BigInt(params.minBond), proof), ferdie);
    const [registered] = eventsOf(reg, 'nodeRewards', 'NodeRegistered');
    const node = Number(registered.node);
    expect((await api.query.system.account(ferdie.address)).data.reserved.toBigInt()).toBe(BigInt(params.minBond));
    const genesis = api.genesisHash.toU8a();
    const heartbeat = async () => {
      const at = (await api.rpc.chain.getHeader()).number.toNumber();
      const payload = u8aConcat(text('slmnet/heartbeat'), genesis, api.createType('u32', node).toU8a(), api.createType('u32', at).toU8a());
      return ok(api.tx.nodeRewards.heartbeat(node, at, ed25519Sign(payload, nodeKey)), ferdie);
    };
    const hb = await heartbeat();
    expect(eventsOf(hb, 'nodeRewards', 'Heartbeat')[0]).toMatchObject({ node });
    // a forged heartbeat (signed by another key) is refused
    const at = (await api.rpc.chain.getHeader()).number.toNumber();
    const forged = ed25519Sign(text('whatever'), ed25519PairFromSeed(new Uint8Array(32).fill(1)));
    await expect(ok(api.tx.nodeRewards.heartbeat(node, at, forged), ferdie)).rejects.toThrow('nodeRewards.');
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
    const claim = await ok(api.tx.nodeRewards.claim(), ferdie);
    const fee = BigInt(eventsOf(claim, 'transactionPayment', 'TransactionFeePaid')[0].actualFee);
    const claimed = BigInt(eventsOf(claim, 'nodeRewards', 'RewardsClaimed')[0].amount);
    expect(claimed).toBeGreaterThanOrEqual(pending);
    expect(await free(ferdie)).toBe(before + claimed - fee);
  });

  it('bad input through the API is rejected with module errors', async () => {
    await expect(ok(api.tx.datanets.create('x'.repeat(65), '', [], 'Text', '', 'Open', UNIT), alice)).rejects.toThrow('datanets.NameTooLong');
    await expect(ok(api.tx.models.registerModel('m', '', 'External', [{ datanet, version: 1 }], new Uint8Array(32),
      { baseFee: 1, perTokenFee: 1 }, { developerPpm: 500_000, contributorsPpm: 400_000, protocolPpm: 100_001 }, []), eve)).rejects.toThrow('models.InvalidSplit');
    await expect(ok(api.tx.models.requestInference(model, new Uint8Array(32), 0), dave)).rejects.toThrow('models.ZeroFee');
    await expect(ok(api.tx.attribution.attest(inference, 1, new Uint8Array(32), new Uint8Array(32), [], new Uint8Array(32)), charlie)).rejects.toThrow('attribution.NotAttestor');
  });
});
