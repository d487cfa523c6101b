// pallet_models and pallet_attribution at the state-machine level: payable inference from request
// to settlement, quorum, slashing, timeouts, claims, and every error path.
import { beforeEach, describe, expect, it } from 'vitest';
import { blake2_256, text } from '../src/crypto.ts';
import { attribution } from '../src/pallets/attribution.ts';
import { datanets } from '../src/pallets/datanets.ts';
import { CONTRIBUTOR_ESCROW, models } from '../src/pallets/models.ts';
import { REWARDS_POT } from '../src/pallets/pot.ts';
import { TestChain } from './helpers/chain.ts';
import {
  accept, alice, attestation, bob, charlie, contribute, createDatanet, dave, eve, ferdie, invariants, PRICING, publish,
  registerModel, reject, requestInference, submitOutput, UNIT,
} from './helpers/domain.ts';

let c: TestChain;
let dn: number;
let ids: bigint[];
let model: number;

/** Datanet by alice, contributions of bob (10 B), charlie (30 B) accepted and dave rejected, v1, model by eve. */
async function story(config: string | object = 'development') {
  c = await TestChain.create(config as string);
  dn = createDatanet(c, alice);
  ids = [contribute(c, bob, dn, '0123456789'), contribute(c, charlie, dn, 'x'.repeat(30)), contribute(c, dave, dn, 'spam')];
  accept(c, alice, ids[0]);
  accept(c, alice, ids[1]);
  reject(c, alice, ids[2]);
  publish(c, alice, dn);
  model = registerModel(c, eve, [{ datanet: dn, version: 1 }], { operators: [ferdie] });
}

const attest = (who: Uint8Array, a: ReturnType<typeof attestation>) => c.ok(who, 'Attribution', 'attest', a);

describe('payable inference', () => {
  beforeEach(() => story());

  it('request holds max_fee, output fixes the fee and releases the excess', () => {
    const before = c.free(dave);
    const inf = requestInference(c, dave, model, 10n * UNIT);
    expect(c.free(dave)).toBe(before - 10n * UNIT);
    submitOutput(c, ferdie, inf, 100);
    const fee = PRICING.base_fee + 100n * PRICING.per_token_fee; // 3 SLMN
    const out = c.events.find((e) => e.name === 'Models.OutputSubmitted')!.value;
    expect([out.fee, out.refunded]).toEqual([fee, 10n * UNIT - fee]);
    expect(c.free(dave)).toBe(before - fee);
    expect(c.reserved(dave)).toBe(fee);
    expect(models.storage.Inferences.get(c.ext, inf)!.status.tag).toBe('OutputSubmitted');
    invariants(c);
  });

  it('the fee is capped at max_fee', () => {
    const inf = requestInference(c, dave, model, 2n * UNIT + 1n);
    submitOutput(c, ferdie, inf, 1000);
    expect(models.storage.Inferences.get(c.ext, inf)!.fee).toBe(2n * UNIT + 1n);
  });

  it('attested settlement pays developer, contributors by weight, pot the rest — exactly', () => {
    const inf = requestInference(c, dave, model, 10n * UNIT);
    submitOutput(c, ferdie, inf, 100);
    const fee = 3n * UNIT;
    const [eve0, pot0, esc0] = [c.free(eve), c.free(REWARDS_POT), c.free(CONTRIBUTOR_ESCROW)];
    // dev chain: Alice is the only validator → one attestation is a quorum
    attest(alice, attestation(inf, [{ contribution: ids[1], weight_ppm: 700_000 }, { contribution: ids[0], weight_ppm: 300_000 }]));
    const names = c.events.map((e) => e.name);
    expect(names).toContain('Attribution.AttributionFinalized');
    expect(names).toContain('Models.InferenceSettled');
    const dev = fee / 2n; // 50%
    const contributors = (fee * 400_000n) / 1_000_000n; // 1.2 SLMN
    const toCharlie = (contributors * 700_000n) / 1_000_000n;
    const toBob = (contributors * 300_000n) / 1_000_000n;
    const settled = c.events.find((e) => e.name === 'Models.InferenceSettled')!.value;
    expect(settled).toMatchObject({ fee, developer: dev, contributors: toBob + toCharlie, protocol: fee - dev - toBob - toCharlie, fallback: false });
    expect(c.free(eve)).toBe(eve0 + dev);
    expect(c.free(REWARDS_POT)).toBe(pot0 + fee - dev - toBob - toCharlie);
    expect(c.free(CONTRIBUTOR_ESCROW)).toBe(esc0 + toBob + toCharlie);
    expect(c.reserved(dave)).toBe(0n);
    expect(models.storage.PendingRewards.get(c.ext, bob)).toBe(toBob);
    expect(models.storage.PendingRewards.get(c.ext, charlie)).toBe(toCharlie);
    expect(attribution.storage.Stats.get(c.ext, ids[1])).toEqual({ inferences: 1n, cumulative_weight_ppm: 700_000n, earned: toCharlie });
    expect(models.storage.Models.get(c.ext, model)).toMatchObject({ inferences: 1n, revenue: fee });
    invariants(c);
    // claims
    const bob0 = c.free(bob);
    c.ok(bob, 'Models', 'claim_rewards');
    expect(c.free(bob)).toBe(bob0 + toBob);
    expect(c.err(bob, 'Models', 'claim_rewards')).toBe('Models.NothingToClaim');
    invariants(c);
  });

  it('partial attribution: the unattributed ppm follows the fallback rule (by bytes)', () => {
    const inf = requestInference(c, dave, model, 10n * UNIT);
    submitOutput(c, ferdie, inf, 100);
    attest(alice, attestation(inf, [{ contribution: ids[0], weight_ppm: 600_000 }]));
    const contributors = (3n * UNIT * 400_000n) / 1_000_000n;
    const rest = (contributors * 400_000n) / 1_000_000n;
    // bytes: bob 10, charlie 30 → bob ¼, charlie ¾ of the rest
    expect(models.storage.PendingRewards.get(c.ext, bob)).toBe((contributors * 600_000n) / 1_000_000n + (rest * 10n) / 40n);
    expect(models.storage.PendingRewards.get(c.ext, charlie)).toBe((rest * 30n) / 40n);
    expect(attribution.storage.Stats.get(c.ext, ids[1]).inferences).toBe(0n); // fallback share only
    invariants(c);
  });

  it('no output before the deadline refunds the consumer', () => {
    const before = c.free(dave);
    const inf = requestInference(c, dave, model, 5n * UNIT);
    const deadline = models.storage.Inferences.get(c.ext, inf)!.deadline;
    const evs = c.advanceTo(deadline);
    expect(evs.find((e) => e.name === 'Models.InferenceRefunded')!.value.amount).toBe(5n * UNIT);
    expect(c.free(dave)).toBe(before);
    expect(c.err(ferdie, 'Models', 'submit_output', { inference: inf, output_hash: blake2_256(text('late')), tokens_in: 1, tokens_out: 1 })).toBe('Models.InferenceExpired');
    invariants(c);
  });

  it('no quorum before the attestation deadline: disputed, fallback split by bytes', () => {
    const inf = requestInference(c, dave, model, 10n * UNIT);
    submitOutput(c, ferdie, inf, 100);
    const deadline = models.storage.Inferences.get(c.ext, inf)!.deadline;
    const evs = c.advanceTo(deadline);
    expect(evs.map((e) => e.name)).toContain('Attribution.AttributionDisputed');
    expect(evs.find((e) => e.name === 'Models.InferenceSettled')!.value.fallback).toBe(true);
    const contributors = (3n * UNIT * 400_000n) / 1_000_000n;
    expect(models.storage.PendingRewards.get(c.ext, bob)).toBe(contributors / 4n);
    expect(models.storage.PendingRewards.get(c.ext, charlie)).toBe((contributors * 3n) / 4n);
    expect(attribution.storage.Results.get(c.ext, inf)!.status.tag).toBe('Disputed');
    expect(c.err(alice, 'Attribution', 'attest', attestation(inf, []))).toBe('Models.NotAwaitingAttribution');
    invariants(c);
  });
});

describe('quorum and slashing with bonded attestors', () => {
  beforeEach(() => story());

  it('2 of 3 agree → final; the third (bonded) is slashed into the pot', () => {
    c.ok(bob, 'Attribution', 'bond', { amount: 10n * UNIT });
    c.ok(charlie, 'Attribution', 'bond', { amount: 10n * UNIT });
    expect(c.err(charlie, 'Attribution', 'bond', { amount: 10n * UNIT })).toBe('Attribution.AlreadyBonded');
    const inf = requestInference(c, dave, model, 10n * UNIT);
    submitOutput(c, ferdie, inf, 100);
    const good = attestation(inf, [{ contribution: ids[0], weight_ppm: 1_000_000 }]);
    const bad = attestation(inf, [{ contribution: ids[1], weight_ppm: 1_000_000 }]);
    attest(charlie, bad);
    attest(alice, good);
    expect(c.events.map((e) => e.name)).not.toContain('Attribution.AttributionFinalized');
    expect(c.err(alice, 'Attribution', 'attest', good)).toBe('Attribution.DuplicateAttestation');
    expect(c.err(charlie, 'Attribution', 'unbond')).toBe('Attribution.OpenAttestations');
    const pot0 = c.free(REWARDS_POT);
    attest(bob, good);
    const slashed = c.events.find((e) => e.name === 'Attribution.AttestorSlashed')!.value;
    expect(slashed.attestor).toEqual(charlie);
    expect(slashed.amount).toBe(UNIT); // 10% of 10 SLMN
    expect(attribution.storage.Bonded.get(c.ext, charlie)).toBe(9n * UNIT);
    const protocol = c.events.find((e) => e.name === 'Models.InferenceSettled')!.value.protocol;
    expect(c.free(REWARDS_POT)).toBe(pot0 + UNIT + protocol);
    expect(attribution.storage.Results.get(c.ext, inf)).toMatchObject({ attestations: 3, entries: good.entries });
    // bonds come back after unbonding (charlie's is reduced)
    const ch0 = c.free(charlie);
    c.ok(charlie, 'Attribution', 'unbond');
    expect(c.free(charlie)).toBe(ch0 + 9n * UNIT);
    invariants(c);
  });

  it('after the quorum, a contradicting attestation is slashed; an agreeing one is refused', () => {
    c.ok(bob, 'Attribution', 'bond', { amount: 10n * UNIT });
    c.ok(charlie, 'Attribution', 'bond', { amount: 10n * UNIT });
    c.ok(dave, 'Attribution', 'bond', { amount: 10n * UNIT });
    const inf = requestInference(c, eve, model, 10n * UNIT);
    submitOutput(c, ferdie, inf, 100);
    const good = attestation(inf, [{ contribution: ids[0], weight_ppm: 1_000_000 }]);
    attest(alice, good);
    attest(bob, good);
    attest(charlie, good); // 3 of 4: final and settled
    expect(models.storage.Inferences.get(c.ext, inf)!.status.tag).toBe('Settled');
    expect(c.err(dave, 'Attribution', 'attest', good)).toBe('Models.NotAwaitingAttribution');
    const pot0 = c.free(REWARDS_POT);
    const settled = models.storage.Inferences.get(c.ext, inf);
    attest(dave, attestation(inf, [{ contribution: ids[1], weight_ppm: 1_000_000 }]));
    expect(c.events.find((e) => e.name === 'Attribution.AttestorSlashed')!.value).toMatchObject({ attestor: dave, amount: UNIT });
    expect(attribution.storage.Bonded.get(c.ext, dave)).toBe(9n * UNIT);
    expect(c.free(REWARDS_POT)).toBe(pot0 + UNIT);
    expect(models.storage.Inferences.get(c.ext, inf)).toEqual(settled); // the settlement stands
    expect(c.err(dave, 'Attribution', 'attest', attestation(inf, []))).toBe('Attribution.DuplicateAttestation');
    c.ok(dave, 'Attribution', 'unbond'); // a late attestation leaves nothing open
    invariants(c);
  });

  it('attestations report the weight they used: votes and refused ones a small part of the declared worst case', () => {
    c.ok(bob, 'Attribution', 'bond', { amount: 10n * UNIT });
    c.ok(charlie, 'Attribution', 'bond', { amount: 10n * UNIT });
    const inf = requestInference(c, dave, model, 10n * UNIT);
    submitOutput(c, ferdie, inf, 100);
    const good = attestation(inf, [{ contribution: ids[0], weight_ppm: 1_000_000 }]);
    attest(alice, good);
    const vote = c.weight;
    expect(vote.used * 20n).toBeLessThan(vote.declared);
    expect(c.err(alice, 'Attribution', 'attest', good)).toBe('Attribution.DuplicateAttestation');
    expect(c.weight.used).toBe(vote.used);
    attest(bob, good); // quorum: closes 2 attestations and settles 2 contributions
    const quorum = c.weight;
    expect(quorum.used).toBeGreaterThan(vote.used);
    expect(quorum.used * 20n).toBeLessThan(quorum.declared);
    expect(c.err(charlie, 'Attribution', 'attest', good)).toBe('Models.NotAwaitingAttribution');
    expect(c.weight.used).toBe(vote.used);
  });

  it('a validator that signs the losing hash gets a strike', async () => {
    await story('local_testnet'); // Alice and Bob validate: 2 of 2 needed until a third joins
    c.ok(charlie, 'Attribution', 'bond', { amount: 10n * UNIT });
    const inf = requestInference(c, dave, model, 10n * UNIT);
    submitOutput(c, ferdie, inf, 100);
    const good = attestation(inf, [{ contribution: ids[0], weight_ppm: 1_000_000 }]);
    attest(alice, attestation(inf, []));
    attest(bob, good);
    attest(charlie, good);
    expect(attribution.storage.Strikes.get(c.ext, alice)).toBe(1);
    expect(c.events.find((e) => e.name === 'Attribution.AttestorSlashed')!.value.amount).toBe(0n);
  });
});

describe('bad input is rejected with a module error and no state change', () => {
  beforeEach(() => story());

  it('model registration', () => {
    const bad = (over: Record<string, unknown>) => c.err(eve, 'Models', 'register_model', {
      name: text('m'), metadata: new Uint8Array(), kind: { tag: 'External', value: undefined }, training_set: [{ datanet: dn, version: 1 }],
      manifest_hash: new Uint8Array(32), pricing: PRICING, split: { developer_ppm: 500_000, contributors_ppm: 400_000, protocol_ppm: 100_000 }, operators: [], ...over,
    });
    expect(bad({ name: new Uint8Array(65) })).toBe('Models.NameTooLong');
    expect(bad({ metadata: new Uint8Array(513) })).toBe('Models.MetadataTooLong');
    expect(bad({ training_set: [] })).toBe('Models.EmptyTrainingSet');
    expect(bad({ training_set: [{ datanet: dn, version: 2 }] })).toBe('Datanets.UnknownVersion');
    expect(bad({ training_set: [{ datanet: 9, version: 1 }] })).toBe('Datanets.UnknownDatanet');
    expect(bad({ training_set: [{ datanet: dn, version: 1 }, { datanet: dn, version: 1 }] })).toBe('Models.DuplicateTrainingSet');
    expect(bad({ split: { developer_ppm: 500_000, contributors_ppm: 400_000, protocol_ppm: 100_001 } })).toBe('Models.InvalidSplit');
    expect(bad({ split: { developer_ppm: 700_000, contributors_ppm: 200_000, protocol_ppm: 100_000 } })).toBe('Models.ContributorsBelowFloor');
    expect(bad({ split: { developer_ppm: 0xffffffff, contributors_ppm: 400_000, protocol_ppm: 0 } })).toBe('Models.InvalidSplit');
    expect(bad({ pricing: { base_fee: 0n, per_token_fee: 0n } })).toBe('Models.ZeroPrice');
    expect(bad({ pricing: { base_fee: (1n << 127n), per_token_fee: 1n } })).toBe('Models.PriceTooHigh');
    expect(bad({ operators: Array.from({ length: 9 }, (_, i) => new Uint8Array(32).fill(i)) })).toBe('Models.TooManyOperators');
  });

  it('requests and outputs', () => {
    const req = (over: Record<string, unknown>) => ({ model, input_hash: new Uint8Array(32), max_fee: 5n * UNIT, ...over });
    expect(c.err(dave, 'Models', 'request_inference', req({ model: 77 }))).toBe('Models.UnknownModel');
    expect(c.err(dave, 'Models', 'request_inference', req({ max_fee: 0n }))).toBe('Models.ZeroFee');
    expect(c.err(dave, 'Models', 'request_inference', req({ max_fee: UNIT }))).toBe('Models.MaxFeeBelowBase');
    expect(c.err(dave, 'Models', 'request_inference', req({ max_fee: (1n << 128n) - 1n }))).toBe('Token.FundsUnavailable');
    const inf = requestInference(c, dave, model, 5n * UNIT);
    const out = { inference: inf, output_hash: new Uint8Array(32), tokens_in: 1, tokens_out: 1 };
    expect(c.err(bob, 'Models', 'submit_output', out)).toBe('Models.NotOperator');
    expect(c.err(ferdie, 'Models', 'submit_output', { ...out, inference: 99n })).toBe('Models.UnknownInference');
    c.ok(ferdie, 'Models', 'submit_output', out);
    expect(c.err(ferdie, 'Models', 'submit_output', out)).toBe('Models.OutputAlreadySubmitted');
    expect(c.err(bob, 'Models', 'set_status', { model, status: { tag: 'Paused', value: undefined } })).toBe('Models.NotDeveloper');
    c.ok(eve, 'Models', 'set_status', { model, status: { tag: 'Paused', value: undefined } });
    expect(c.err(dave, 'Models', 'request_inference', req({}))).toBe('Models.ModelNotActive');
    c.ok(eve, 'Models', 'set_status', { model, status: { tag: 'Retired', value: undefined } });
    expect(c.err(eve, 'Models', 'set_status', { model, status: { tag: 'Active', value: undefined } })).toBe('Models.ModelRetired');
  });

  it('attestations', () => {
    const inf = requestInference(c, dave, model, 5n * UNIT);
    expect(c.err(alice, 'Attribution', 'attest', attestation(inf, []))).toBe('Models.NotAwaitingAttribution');
    submitOutput(c, ferdie, inf, 10);
    const e = (contribution: bigint, weight_ppm: number) => ({ contribution, weight_ppm });
    expect(c.err(bob, 'Attribution', 'attest', attestation(inf, []))).toBe('Attribution.NotAttestor');
    expect(c.err(alice, 'Attribution', 'attest', attestation(99n, []))).toBe('Models.UnknownInference');
    expect(c.err(alice, 'Attribution', 'attest', attestation(inf, [e(ids[2], 1000)]))).toBe('Attribution.NotInTrainingSet');
    expect(c.err(alice, 'Attribution', 'attest', attestation(inf, [e(ids[0], 600_000), e(ids[1], 500_000)]))).toBe('Attribution.WeightsExceedMillion');
    expect(c.err(alice, 'Attribution', 'attest', attestation(inf, [e(ids[0], 100), e(ids[1], 200)]))).toBe('Attribution.EntriesNotCanonical');
    expect(c.err(alice, 'Attribution', 'attest', attestation(inf, [e(ids[0], 100), e(ids[0], 100)]))).toBe('Attribution.EntriesNotCanonical');
    expect(c.err(alice, 'Attribution', 'attest', attestation(inf, [e(ids[0], 0)]))).toBe('Attribution.ZeroWeight');
    expect(c.err(alice, 'Attribution', 'attest', attestation(inf, Array.from({ length: 33 }, (_, i) => e(BigInt(i), 1))))).toBe('Attribution.TooManyEntries');
    expect(c.err(alice, 'Attribution', 'attest', { ...attestation(inf, []), result_hash: new Uint8Array(32) })).toBe('Attribution.ResultHashMismatch');
    expect(c.err(bob, 'Attribution', 'bond', { amount: UNIT })).toBe('Attribution.BondTooLow');
    expect(c.err(bob, 'Attribution', 'unbond')).toBe('Attribution.NotBonded');
  });
});

describe('storage of the story', () => {
  beforeEach(() => story());
  it('datanet counters and training set', () => {
    expect(datanets.storage.Datanets.get(c.ext, dn)).toMatchObject({ accepted: 2, accepted_bytes: 40n, latest_version: 1 });
    expect(models.storage.TrainingContributions.get(c.ext, model)).toEqual([{ contribution: ids[0], size: 10 }, { contribution: ids[1], size: 30 }]);
    expect(models.storage.Models.get(c.ext, model)!.training_bytes).toBe(40n);
  });
});
