// pallet_models: models trained on datanet versions, and payable inference. A consumer's fee is
// held at request, fixed by the operator's output, and split at settlement between the developer,
// the contributors (by attribution weight, claimable) and the rewards pot.
import * as T from '../codec/types.ts';
import * as C from '../config.ts';
import { badOrigin, ensureSigned, type Origin } from '../framework/dispatch.ts';
import type { Ext } from '../framework/ext.ts';
import { call, event, pallet, type AnyPallet } from '../framework/pallet.ts';
import { map, value } from '../framework/storage.ts';
import { equalBytes } from '../crypto.ts';
import { PPM, type AttributionEntry } from '../attribution-result.ts';
import { AccountId, Balance, BlockNumber, H256, type Weight } from '../primitives.ts';
import { endowAtGenesis, hold, release, transfer } from './balances.ts';
import { bounded, dbWeight, governanceParams, palletAccount, ppmOf, unitEnum, blockNumber } from './common.ts';
import { payFromHold, REWARDS_POT } from './pot.ts';
import { ContributionId, DatanetId, getContribution, getDatanet, LIMITS as DATANET_LIMITS, VersionNumber, datanets } from './datanets.ts';
import { system } from './system.ts';

const CRATE = 'pallet_models';
const path = (n: string) => [CRATE, 'types', n];

/** Holds the contributors' shares until they claim them. */
export const CONTRIBUTOR_ESCROW = palletAccount('slm/ctrb');

export const LIMITS = {
  MaxOperators: 8,
  MaxTrainingSets: 8,
  MaxTrainingContributions: 1_000,
  MaxNameLen: DATANET_LIMITS.MaxNameLen,
  MaxMetadataLen: DATANET_LIMITS.MaxMetadataLen,
};
/** Prices are capped so that base + per_token × u32::MAX always fits in u128. */
const MAX_PRICE = 1n << 90n;

export const ModelId = T.u32;
export const InferenceId = T.u64;

export const ModelKind = unitEnum(path('ModelKind'), ['InfiniGramV1', 'External'] as const, ['`InfiniGramV1`: the reference ∞-gram SLM over the training set; `External`: any other model.']);
export const ModelStatus = unitEnum(path('ModelStatus'), ['Active', 'Paused', 'Retired'] as const);
export const InferenceStatus = unitEnum(path('InferenceStatus'), ['Requested', 'OutputSubmitted', 'Settled', 'Refunded'] as const);

export const Pricing = T.struct({ path: path('Pricing') }, { base_fee: Balance, per_token_fee: Balance });
export const FeeSplit = T.struct({ path: path('FeeSplit') }, { developer_ppm: T.u32, contributors_ppm: T.u32, protocol_ppm: T.u32 });
export type FeeSplit = ReturnType<typeof FeeSplit.codec.dec>;
export const TrainingSet = T.struct({ path: path('TrainingSet') }, { datanet: DatanetId, version: VersionNumber });

export const ModelInfo = T.struct({ path: path('ModelInfo') }, {
  developer: AccountId,
  name: T.bytes,
  metadata: T.bytes,
  kind: ModelKind,
  training_set: T.vec(TrainingSet),
  manifest_hash: H256,
  pricing: Pricing,
  split: FeeSplit,
  operators: T.vec(AccountId),
  status: ModelStatus,
  registered: BlockNumber,
  inferences: T.u64,
  revenue: Balance,
  training_bytes: T.u64,
});
export type ModelInfo = ReturnType<typeof ModelInfo.codec.dec>;

/** A training-set contribution: id and size, what the fallback split needs. */
export const TrainingItem = T.struct({ path: path('TrainingItem') }, { contribution: ContributionId, size: T.u32 });
type TrainingItem = { contribution: bigint; size: number };

export const Settlement = T.struct({ path: path('Settlement') }, {
  developer: Balance, contributors: Balance, protocol: Balance, fallback: T.bool, settled: BlockNumber,
});

export const Inference = T.struct({ path: path('Inference') }, {
  model: ModelId,
  consumer: AccountId,
  input_hash: H256,
  max_fee: Balance,
  fee: Balance,
  output_hash: T.option(H256),
  tokens_in: T.u32,
  tokens_out: T.u32,
  operator: T.option(AccountId),
  status: InferenceStatus,
  requested: BlockNumber,
  output_at: T.option(BlockNumber),
  deadline: BlockNumber,
  settlement: T.option(Settlement),
});
export type Inference = ReturnType<typeof Inference.codec.dec>;

const params = governanceParams(CRATE, {
  output_timeout: BlockNumber,
  attestation_timeout: BlockNumber,
  contributors_floor_ppm: T.u32,
}, {
  output_timeout: 100,
  attestation_timeout: 100,
  contributors_floor_ppm: 300_000,
}, (p) => (p.contributors_floor_ppm > PPM ? 'contributors_floor_ppm must be at most 1,000,000'
  : p.output_timeout === 0 || p.attestation_timeout === 0 ? 'timeouts must be at least one block' : undefined));

const w = {
  register: dbWeight(80n + BigInt(LIMITS.MaxTrainingContributions), 4 + LIMITS.MaxTrainingContributions, 3, 65_536n),
  update: dbWeight(25n, 1, 1),
  request: dbWeight(50n, 4, 4),
  output: dbWeight(50n, 4, 4),
  claim: dbWeight(40n, 3, 3),
};

const ev = event;
const I = { inference: InferenceId };

export const models = pallet({
  name: 'Models',
  crate: CRATE,
  index: 11,
  docs: ['Models trained on datanet versions and payable inference.'],
  storage: {
    Params: params.storage,
    NextModelId: value(ModelId, { default: 0, docs: ['The id the next model gets.'] }),
    Models: map('Twox64Concat', ModelId, ModelInfo, { docs: ['Models by id.'] }),
    TrainingContributions: map('Twox64Concat', ModelId, T.vec(TrainingItem), { default: [], docs: ['The contributions of a model\'s training set (union of its versions), in id order.'] }),
    NextInferenceId: value(InferenceId, { default: 0n, docs: ['The id the next inference gets.'] }),
    Inferences: map('Twox64Concat', InferenceId, Inference, { docs: ['Inferences by id.'] }),
    OutputDeadlines: map('Twox64Concat', BlockNumber, T.vec(InferenceId), { default: [], docs: ['Inferences refunded at the start of a block unless their output arrived.'] }),
    AttestationDeadlines: map('Twox64Concat', BlockNumber, T.vec(InferenceId), { default: [], docs: ['Inferences disputed (fallback split) at the start of a block unless attribution was final.'] }),
    PendingRewards: map('Blake2_128Concat', AccountId, Balance, { default: 0n, docs: ['Contributor rewards waiting to be claimed (held by the escrow account).'] }),
  },
  holdReasons: {
    InferenceFee: 'The maximum fee of a requested inference, until settlement or refund.',
  },
  constants: {
    ...Object.fromEntries(Object.entries(LIMITS).map(([k, v]) => [k, { ty: T.u32, value: v }])),
    ContributorEscrow: { ty: AccountId, value: CONTRIBUTOR_ESCROW, docs: ['The account holding unclaimed contributor rewards.'] },
    RewardsPot: { ty: AccountId, value: REWARDS_POT, docs: ['The rewards pot: protocol shares and rounding residues.'] },
  },
  calls: {
    register_model: call({
      index: 0, origin: 'signed', weight: () => w.register,
      args: {
        name: T.bytes, metadata: T.bytes, kind: ModelKind, training_set: T.vec(TrainingSet), manifest_hash: H256,
        pricing: Pricing, split: FeeSplit, operators: T.vec(AccountId),
      },
      docs: [
        'Registers a model trained on published datanet versions. The fee split (ppm) must sum to',
        '1,000,000 with the contributors\' part at least the `contributors_floor_ppm` parameter.',
      ],
      dispatch: ({ ext, origin }, a) => {
        const developer = ensureSigned(origin);
        bounded(a.name, LIMITS.MaxNameLen, () => models.error('NameTooLong'));
        bounded(a.metadata, LIMITS.MaxMetadataLen, () => models.error('MetadataTooLong'));
        if (a.name.length === 0) throw models.error('EmptyName');
        checkPricing(ext, a.pricing, a.split);
        checkOperators(a.operators);
        const items = trainingItems(ext, a.training_set);
        const id = models.storage.NextModelId.get(ext);
        if (id === 0xffffffff) throw models.error('Overflow');
        models.storage.NextModelId.set(ext, id + 1);
        models.storage.TrainingContributions.set(ext, id, items);
        models.storage.Models.set(ext, id, {
          developer, name: a.name, metadata: a.metadata, kind: a.kind, training_set: a.training_set, manifest_hash: a.manifest_hash,
          pricing: a.pricing, split: a.split, operators: a.operators, status: { tag: 'Active', value: undefined }, registered: blockNumber(ext),
          inferences: 0n, revenue: 0n, training_bytes: items.reduce((s, i) => s + BigInt(i.size), 0n),
        });
        models.deposit(ext, { tag: 'ModelRegistered', value: { model: id, developer, kind: a.kind, name: a.name } });
      },
    }),
    update_pricing: call({
      index: 1, origin: 'signed', weight: () => w.update, args: { model: ModelId, pricing: Pricing, split: FeeSplit },
      docs: ['Developer: changes the price and fee split for future requests.'],
      dispatch: ({ ext, origin }, { model, pricing, split }) => {
        const m = ownModel(ext, origin, model);
        checkPricing(ext, pricing, split);
        models.storage.Models.set(ext, model, { ...m, pricing, split });
        models.deposit(ext, { tag: 'PricingUpdated', value: { model, pricing, split } });
      },
    }),
    set_operators: call({
      index: 2, origin: 'signed', weight: () => w.update, args: { model: ModelId, operators: T.vec(AccountId) },
      docs: ['Developer: sets the accounts allowed to submit outputs (besides the developer).'],
      dispatch: ({ ext, origin }, { model, operators }) => {
        const m = ownModel(ext, origin, model);
        checkOperators(operators);
        models.storage.Models.set(ext, model, { ...m, operators });
        models.deposit(ext, { tag: 'OperatorsSet', value: { model, operators } });
      },
    }),
    set_status: call({
      index: 3, origin: 'signed', weight: () => w.update, args: { model: ModelId, status: ModelStatus },
      docs: ['Developer: pauses (no new requests), resumes, or retires (permanently) the model. Open inferences complete.'],
      dispatch: ({ ext, origin }, { model, status }) => {
        const m = ownModel(ext, origin, model);
        if (m.status.tag === 'Retired') throw models.error('ModelRetired');
        if (m.status.tag === status.tag) throw models.error('StatusUnchanged');
        models.storage.Models.set(ext, model, { ...m, status });
        models.deposit(ext, { tag: 'ModelStatusChanged', value: { model, status } });
      },
    }),
    request_inference: call({
      index: 4, origin: 'signed', weight: () => w.request, args: { model: ModelId, input_hash: H256, max_fee: Balance },
      docs: ['Consumer: requests an inference, holding `max_fee` until the output fixes the fee (the excess is released).'],
      dispatch: ({ ext, origin }, { model, input_hash, max_fee }) => {
        const consumer = ensureSigned(origin);
        const m = getModel(ext, model);
        if (m.status.tag !== 'Active') throw models.error('ModelNotActive');
        if (max_fee === 0n) throw models.error('ZeroFee');
        if (max_fee < m.pricing.base_fee) throw models.error('MaxFeeBelowBase');
        const id = models.storage.NextInferenceId.get(ext);
        hold(ext, models.holdReason('InferenceFee'), consumer, max_fee);
        const deadline = blockNumber(ext) + params.storage.get(ext).output_timeout;
        models.storage.NextInferenceId.set(ext, id + 1n);
        models.storage.OutputDeadlines.mutate(ext, deadline, (l) => [...l, id]);
        models.storage.Inferences.set(ext, id, {
          model, consumer, input_hash, max_fee, fee: 0n, output_hash: undefined, tokens_in: 0, tokens_out: 0, operator: undefined,
          status: { tag: 'Requested', value: undefined }, requested: blockNumber(ext), output_at: undefined, deadline, settlement: undefined,
        });
        models.deposit(ext, { tag: 'InferenceRequested', value: { inference: id, model, consumer, input_hash, max_fee } });
      },
    }),
    submit_output: call({
      index: 5, origin: 'signed', weight: () => w.output,
      args: { inference: InferenceId, output_hash: H256, tokens_in: T.u32, tokens_out: T.u32 },
      docs: [
        'Operator or developer: records the output of a requested inference before its deadline. The fee is',
        'base + per_token × tokens_out, capped at max_fee; the excess is released. Attribution follows.',
      ],
      dispatch: ({ ext, origin }, a) => {
        const operator = ensureSigned(origin);
        const inf = getInference(ext, a.inference);
        const m = getModel(ext, inf.model);
        if (!equalBytes(m.developer, operator) && !m.operators.some((o) => equalBytes(o, operator))) throw models.error('NotOperator');
        if (inf.status.tag !== 'Requested') throw models.error(inf.status.tag === 'Refunded' ? 'InferenceExpired' : 'OutputAlreadySubmitted');
        const price = m.pricing.base_fee + m.pricing.per_token_fee * BigInt(a.tokens_out);
        const fee = price < inf.max_fee ? price : inf.max_fee;
        const refunded = inf.max_fee - fee;
        if (refunded > 0n) release(ext, models.holdReason('InferenceFee'), inf.consumer, refunded);
        const deadline = blockNumber(ext) + params.storage.get(ext).attestation_timeout;
        models.storage.AttestationDeadlines.mutate(ext, deadline, (l) => [...l, a.inference]);
        models.storage.Inferences.set(ext, a.inference, {
          ...inf, fee, output_hash: a.output_hash, tokens_in: a.tokens_in, tokens_out: a.tokens_out, operator,
          status: { tag: 'OutputSubmitted', value: undefined }, output_at: blockNumber(ext), deadline,
        });
        models.deposit(ext, { tag: 'OutputSubmitted', value: { inference: a.inference, operator, output_hash: a.output_hash, tokens_in: a.tokens_in, tokens_out: a.tokens_out, fee, refunded } });
      },
    }),
    claim_rewards: call({
      index: 6, origin: 'signed', weight: () => w.claim, args: {},
      docs: ['Contributor: pays out the caller\'s accumulated contributor rewards.'],
      dispatch: ({ ext, origin }) => {
        const who = ensureSigned(origin);
        const amount = models.storage.PendingRewards.get(ext, who);
        if (amount === 0n) throw models.error('NothingToClaim');
        transfer(ext, CONTRIBUTOR_ESCROW, who, amount, true);
        models.storage.PendingRewards.remove(ext, who);
        models.deposit(ext, { tag: 'RewardsClaimed', value: { who, amount } });
      },
    }),
    set_params: params.call(7, (): AnyPallet => models),
  },
  events: {
    ModelRegistered: ev({ model: ModelId, developer: AccountId, kind: ModelKind, name: T.bytes }, 'A model was registered.'),
    PricingUpdated: ev({ model: ModelId, pricing: Pricing, split: FeeSplit }, 'A model\'s price or split changed.'),
    OperatorsSet: ev({ model: ModelId, operators: T.vec(AccountId) }, 'A model\'s operators changed.'),
    ModelStatusChanged: ev({ model: ModelId, status: ModelStatus }, 'A model was paused, resumed or retired.'),
    InferenceRequested: ev({ ...I, model: ModelId, consumer: AccountId, input_hash: H256, max_fee: Balance }, 'An inference was requested; `max_fee` is held.'),
    OutputSubmitted: ev({ ...I, operator: AccountId, output_hash: H256, tokens_in: T.u32, tokens_out: T.u32, fee: Balance, refunded: Balance }, 'An output was recorded; the fee is fixed and the excess released.'),
    InferenceRefunded: ev({ ...I, consumer: AccountId, amount: Balance }, 'No output arrived before the deadline: the held fee was returned.'),
    InferenceSettled: ev({ ...I, fee: Balance, developer: Balance, contributors: Balance, protocol: Balance, fallback: T.bool },
      'The fee was split: developer, contributors (claimable) and protocol (rewards pot, with rounding residues). `fallback`: split by training bytes.'),
    ContributorRewarded: ev({ ...I, contribution: ContributionId, contributor: AccountId, amount: Balance }, 'A contribution earned a share of an inference fee (claimable).'),
    RewardsClaimed: ev({ who: AccountId, amount: Balance }, 'Contributor rewards were paid out.'),
    ParamsSet: params.event,
  },
  errors: {
    UnknownModel: 'No model with this id.',
    UnknownInference: 'No inference with this id.',
    NotDeveloper: 'Only the model developer may do this.',
    NotOperator: 'Only an operator or the developer may submit outputs.',
    EmptyName: 'The name must not be empty.',
    NameTooLong: 'The name is longer than MaxNameLen bytes.',
    MetadataTooLong: 'The metadata is longer than MaxMetadataLen bytes.',
    EmptyTrainingSet: 'A model needs at least one datanet version.',
    TooManyTrainingSets: 'More than MaxTrainingSets datanet versions.',
    DuplicateTrainingSet: 'A datanet version is listed twice.',
    TrainingSetTooLarge: 'The training set has more than MaxTrainingContributions contributions.',
    TooManyOperators: 'More than MaxOperators operators.',
    InvalidSplit: 'The fee split does not sum to 1,000,000 ppm.',
    ContributorsBelowFloor: 'The contributors\' share is below the governance floor.',
    ZeroPrice: 'Base fee and per-token fee are both zero.',
    PriceTooHigh: 'A price is above 2^90 planck.',
    ModelNotActive: 'The model is paused or retired.',
    ModelRetired: 'The model is retired.',
    StatusUnchanged: 'The model already has this status.',
    ZeroFee: 'The maximum fee must be positive.',
    MaxFeeBelowBase: 'The maximum fee is below the model\'s base fee.',
    InferenceExpired: 'The output deadline passed: the inference was refunded.',
    OutputAlreadySubmitted: 'The inference already has an output.',
    NotAwaitingAttribution: 'The inference has no output yet or is already settled.',
    NothingToClaim: 'No contributor rewards to claim.',
    InvalidParams: 'The parameters are out of range.',
    Overflow: 'An id counter overflowed.',
  },
  hooks: {
    // Refund inferences whose output did not arrive in time.
    onInitialize: (ext: Ext, n: number): Weight => {
      const due: bigint[] = models.storage.OutputDeadlines.get(ext, n);
      if (due.length === 0) return dbWeight(0n, 1, 0);
      models.storage.OutputDeadlines.remove(ext, n);
      for (const id of due) {
        const inf = models.storage.Inferences.get(ext, id);
        if (!inf || inf.status.tag !== 'Requested') continue;
        release(ext, models.holdReason('InferenceFee'), inf.consumer, inf.max_fee);
        models.storage.Inferences.set(ext, id, { ...inf, status: { tag: 'Refunded', value: undefined } });
        models.deposit(ext, { tag: 'InferenceRefunded', value: { inference: id, consumer: inf.consumer, amount: inf.max_fee } });
      }
      return dbWeight(20n * BigInt(due.length), 1 + 2 * due.length, 1 + 2 * due.length);
    },
  },
  genesis: {
    build: (ext, cfg?: { params?: unknown }) => {
      params.build(ext, 'models', cfg?.params);
      endowAtGenesis(ext, CONTRIBUTOR_ESCROW, C.EXISTENTIAL_DEPOSIT);
    },
    preset: () => ({ params: { output_timeout: 30, attestation_timeout: 30 } }),
  },
});


export function getModel(ext: Ext, id: number): ModelInfo {
  const m = models.storage.Models.get(ext, id);
  if (!m) throw models.error('UnknownModel');
  return m;
}

export function getInference(ext: Ext, id: bigint): Inference {
  const i = models.storage.Inferences.get(ext, id);
  if (!i) throw models.error('UnknownInference');
  return i;
}

function ownModel(ext: Ext, origin: Origin, id: number): ModelInfo {
  if (origin.kind !== 'signed') throw badOrigin();
  const m = getModel(ext, id);
  if (!equalBytes(m.developer, origin.who)) throw models.error('NotDeveloper');
  return m;
}

function checkPricing(ext: Ext, pricing: { base_fee: bigint; per_token_fee: bigint }, split: FeeSplit): void {
  if (pricing.base_fee === 0n && pricing.per_token_fee === 0n) throw models.error('ZeroPrice');
  if (pricing.base_fee > MAX_PRICE || pricing.per_token_fee > MAX_PRICE) throw models.error('PriceTooHigh');
  if (split.developer_ppm + split.contributors_ppm + split.protocol_ppm !== PPM) throw models.error('InvalidSplit');
  if (split.contributors_ppm < params.storage.get(ext).contributors_floor_ppm) throw models.error('ContributorsBelowFloor');
}

function checkOperators(operators: Uint8Array[]): void {
  if (operators.length > LIMITS.MaxOperators) throw models.error('TooManyOperators');
}

/** The union of the versions' contributions with their sizes, in id order. */
function trainingItems(ext: Ext, sets: { datanet: number; version: number }[]): TrainingItem[] {
  if (sets.length === 0) throw models.error('EmptyTrainingSet');
  if (sets.length > LIMITS.MaxTrainingSets) throw models.error('TooManyTrainingSets');
  const seen = new Set<string>();
  const ids = new Set<bigint>();
  for (const s of sets) {
    const key = `${s.datanet}/${s.version}`;
    if (seen.has(key)) throw models.error('DuplicateTrainingSet');
    seen.add(key);
    getDatanet(ext, s.datanet);
    if (!datanets.storage.Versions.get(ext, s.datanet, s.version)) throw datanets.error('UnknownVersion');
    for (const id of datanets.storage.VersionContributions.get(ext, s.datanet, s.version)) ids.add(id);
    if (ids.size > LIMITS.MaxTrainingContributions) throw models.error('TrainingSetTooLarge');
  }
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((id) => ({ contribution: id, size: getContribution(ext, id).size }));
}

/** Whether a contribution is in an id-ordered training set (binary search). */
export function inTrainingSet(items: TrainingItem[], contribution: bigint): boolean {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = items[mid].contribution;
    if (c === contribution) return true;
    if (c < contribution) lo = mid + 1; else hi = mid - 1;
  }
  return false;
}

/** The fee price for `tokensOut` output tokens (what request_inference's max_fee must cover), if the model exists. */
export function quote(ext: Ext, model: number, tokensOut: number): bigint | undefined {
  const m = models.storage.Models.get(ext, model);
  return m && m.pricing.base_fee + m.pricing.per_token_fee * BigInt(tokensOut);
}

export interface Payout { contribution: bigint; contributor: Uint8Array; amount: bigint; weightPpm: number }

/**
 * Splits an inference's fee. developer = ⌊fee × developer_ppm⌋, contributors = ⌊fee × contributors_ppm⌋,
 * protocol = the rest. The contributors' part goes ⌊C × w⌋ to each attributed entry; the unattributed
 * ppm (1,000,000 − Σw; all of it when `entries` is empty) is split ⌊·× size / training bytes⌋ over the
 * training set. Every rounding residue goes to the rewards pot, so no value is created or lost.
 */
export function settle(ext: Ext, id: bigint, entries: AttributionEntry[], fallback: boolean): Payout[] {
  const inf = getInference(ext, id);
  if (inf.status.tag !== 'OutputSubmitted') throw models.error('NotAwaitingAttribution');
  const m = getModel(ext, inf.model);
  const fee = inf.fee;
  const developer = ppmOf(fee, m.split.developer_ppm);
  const contributors = ppmOf(fee, m.split.contributors_ppm);
  const payouts = new Map<bigint, { amount: bigint; weightPpm: number }>();
  const add = (c: bigint, amount: bigint, weightPpm: number) => {
    const p = payouts.get(c) ?? { amount: 0n, weightPpm: 0 };
    payouts.set(c, { amount: p.amount + amount, weightPpm: p.weightPpm + weightPpm });
  };
  let attributedPpm = 0;
  for (const e of entries) {
    add(e.contribution, ppmOf(contributors, e.weight_ppm), e.weight_ppm);
    attributedPpm += e.weight_ppm;
  }
  const rest = ppmOf(contributors, PPM - attributedPpm);
  if (rest > 0n && m.training_bytes > 0n) {
    for (const item of models.storage.TrainingContributions.get(ext, inf.model)) {
      const amount = (rest * BigInt(item.size)) / m.training_bytes;
      if (amount > 0n) add(item.contribution, amount, 0);
    }
  }
  const out: Payout[] = [];
  let paid = 0n;
  for (const [contribution, p] of [...payouts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (p.amount === 0n && p.weightPpm === 0) continue;
    const contributor = getContribution(ext, contribution).contributor;
    if (p.amount > 0n) models.storage.PendingRewards.mutate(ext, contributor, (v) => v + p.amount);
    paid += p.amount;
    out.push({ contribution, contributor, amount: p.amount, weightPpm: p.weightPpm });
  }
  const protocol = fee - developer - paid;
  const reason = models.holdReason('InferenceFee');
  payFromHold(ext, reason, inf.consumer, m.developer, developer);
  payFromHold(ext, reason, inf.consumer, CONTRIBUTOR_ESCROW, paid);
  payFromHold(ext, reason, inf.consumer, REWARDS_POT, protocol);
  for (const p of out) {
    if (p.amount > 0n) models.deposit(ext, { tag: 'ContributorRewarded', value: { inference: id, contribution: p.contribution, contributor: p.contributor, amount: p.amount } });
  }
  models.storage.Models.set(ext, inf.model, { ...m, inferences: m.inferences + 1n, revenue: m.revenue + fee });
  models.storage.Inferences.set(ext, id, {
    ...inf, status: { tag: 'Settled', value: undefined },
    settlement: { developer, contributors: paid, protocol, fallback, settled: blockNumber(ext) },
  });
  models.deposit(ext, { tag: 'InferenceSettled', value: { inference: id, fee, developer, contributors: paid, protocol, fallback } });
  return out;
}
