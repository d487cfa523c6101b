// pallet_attribution: Proof of Attribution. Attestors (the Aura validators, plus accounts that
// bond) recompute an inference's attribution off chain and attest its result; ≥ 2/3 agreeing on
// one result hash makes it final and settles the fee; attestors who signed another hash are
// slashed; no quorum by the deadline settles by the fallback split.
import * as T from '../codec/types.ts';
import { addWeight, DispatchError, ensureSigned } from '../framework/dispatch.ts';
import type { Ext } from '../framework/ext.ts';
import { call, event, pallet, type AnyPallet } from '../framework/pallet.ts';
import { doubleMap, map, value } from '../framework/storage.ts';
import { equalBytes } from '../crypto.ts';
import { AttributionEntry, MAX_ATTRIBUTION_ENTRIES, PPM, resultHash, type AttributionEntry as Entry } from '../attribution-result.ts';
import { AccountId, Balance, BlockNumber, H256, type Weight } from '../primitives.ts';
import { aura } from './aura.ts';
import { hold, release } from './balances.ts';
import { dbWeight, governanceParams, ppmOf, unitEnum, blockNumber } from './common.ts';
import { ContributionId } from './datanets.ts';
import { getInference, inTrainingSet, InferenceId, LIMITS as MODEL_LIMITS, models, settle } from './models.ts';
import { payFromHold, REWARDS_POT } from './pot.ts';
import { system } from './system.ts';

const CRATE = 'pallet_attribution';
const path = (n: string) => [CRATE, 'types', n];

/** Quorum: at least QUORUM_NUM / QUORUM_DEN of the attestor set agreeing on one result hash. */
export const QUORUM_NUM = 2;
export const QUORUM_DEN = 3;
export const MAX_BONDED_ATTESTORS = 64;

export const Attestation = T.struct({ path: path('Attestation') }, {
  algorithm: T.u16, params_hash: H256, result_hash: H256, entries: T.vec(AttributionEntry), evidence_root: H256, at: BlockNumber,
});
export const ResultStatus = unitEnum(path('ResultStatus'), ['Final', 'Disputed'] as const);
export const FinalResult = T.struct({ path: path('FinalResult') }, {
  status: ResultStatus,
  result_hash: T.option(H256),
  entries: T.vec(AttributionEntry),
  evidence_root: T.option(H256),
  attestations: T.u32,
  at: BlockNumber,
});
export const ContributionStats = T.struct({ path: path('ContributionStats') }, {
  inferences: T.u64, cumulative_weight_ppm: T.u128, earned: Balance,
});
export type ContributionStats = ReturnType<typeof ContributionStats.codec.dec>;
const Tally = T.struct({ path: path('Tally') }, { result_hash: H256, count: T.u32 });

const params = governanceParams(CRATE, {
  min_bond: Balance,
  slash_ppm: T.u32,
}, {
  min_bond: 100n * 10n ** 12n,
  slash_ppm: 100_000,
}, (p) => (p.slash_ppm > PPM ? 'slash_ppm must be at most 1,000,000' : undefined));

/**
 * An attestation's weight when its quorum closes `attesters` attestations and settles `payouts`
 * contributions (0 and 0 for a plain vote or a failed one). Declared at the worst case — the fallback
 * share touches every training-set contribution — and refunded to what was used, as Substrate's
 * PostDispatchInfo does, so that a block holds many votes.
 */
const attestWeight = (payouts: number, attesters: number): Weight =>
  dbWeight(300n, 20 + payouts + attesters, 20 + 2 * payouts + attesters, 65_536n);
const w = {
  bond: dbWeight(40n, 3, 3),
  attest: attestWeight(MODEL_LIMITS.MaxTrainingContributions, MAX_BONDED_ATTESTORS),
};

export const attribution = pallet({
  name: 'Attribution',
  crate: CRATE,
  index: 12,
  docs: ['Proof of Attribution: attestations, quorum, slashing, fallback, per-contribution aggregates.'],
  storage: {
    Params: params.storage,
    Bonded: map('Blake2_128Concat', AccountId, Balance, { docs: ['Bonded (non-validator) attestors and their bonds.'] }),
    BondedList: value(T.vec(AccountId), { default: [], docs: ['Bonded attestors, in bonding order.'] }),
    OpenAttestations: map('Blake2_128Concat', AccountId, T.u32, { default: 0, docs: ['Attestations of an attestor on inferences not yet final (unbonding waits for 0).'] }),
    Attestations: doubleMap('Twox64Concat', InferenceId, 'Blake2_128Concat', AccountId, Attestation, { docs: ['Attestations per inference and attestor.'] }),
    Attesters: map('Twox64Concat', InferenceId, T.vec(AccountId), { default: [], docs: ['Who attested an inference, in order.'] }),
    Tallies: map('Twox64Concat', InferenceId, T.vec(Tally), { default: [], docs: ['Attestations per result hash of an open inference.'] }),
    Results: map('Twox64Concat', InferenceId, FinalResult, { docs: ['Final (or disputed) attribution of settled inferences.'] }),
    Stats: map('Twox64Concat', ContributionId, ContributionStats, {
      default: { inferences: 0n, cumulative_weight_ppm: 0n, earned: 0n },
      docs: ['Per contribution: inferences attributed to it, the sum of its weights (ppm) and its earnings.'],
    }),
    Strikes: map('Blake2_128Concat', AccountId, T.u32, { default: 0, docs: ['Losing attestations of validator attestors (who have no bond to slash).'] }),
  },
  holdReasons: {
    AttestorBond: 'Bond of an attestor that is not a validator; slashed for attesting a losing result.',
  },
  constants: {
    MaxEntries: { ty: T.u32, value: MAX_ATTRIBUTION_ENTRIES, docs: ['At most this many (contribution, weight) entries per attestation.'] },
    QuorumNumerator: { ty: T.u32, value: QUORUM_NUM },
    QuorumDenominator: { ty: T.u32, value: QUORUM_DEN },
    MaxBondedAttestors: { ty: T.u32, value: MAX_BONDED_ATTESTORS },
  },
  calls: {
    bond: call({
      index: 0, origin: 'signed', weight: () => w.bond, args: { amount: Balance },
      docs: ['Becomes an attestor by holding at least the `min_bond` parameter.'],
      dispatch: ({ ext, origin }, { amount }) => {
        const who = ensureSigned(origin);
        if (attribution.storage.Bonded.get(ext, who) !== undefined) throw attribution.error('AlreadyBonded');
        if (amount < params.storage.get(ext).min_bond) throw attribution.error('BondTooLow');
        const list = attribution.storage.BondedList.get(ext);
        if (list.length >= MAX_BONDED_ATTESTORS) throw attribution.error('TooManyAttestors');
        hold(ext, attribution.holdReason('AttestorBond'), who, amount);
        attribution.storage.Bonded.set(ext, who, amount);
        attribution.storage.BondedList.set(ext, [...list, who]);
        attribution.deposit(ext, { tag: 'AttestorBonded', value: { who, amount } });
      },
    }),
    unbond: call({
      index: 1, origin: 'signed', weight: () => w.bond, args: {},
      docs: ['Leaves the bonded attestor set and releases the bond, once none of the caller\'s attestations is open.'],
      dispatch: ({ ext, origin }) => {
        const who = ensureSigned(origin);
        const bond = attribution.storage.Bonded.get(ext, who);
        if (bond === undefined) throw attribution.error('NotBonded');
        if (attribution.storage.OpenAttestations.get(ext, who) > 0) throw attribution.error('OpenAttestations');
        release(ext, attribution.holdReason('AttestorBond'), who, bond);
        attribution.storage.Bonded.remove(ext, who);
        attribution.storage.BondedList.mutate(ext, (l) => l.filter((a) => !equalBytes(a, who)));
        attribution.deposit(ext, { tag: 'AttestorUnbonded', value: { who, amount: bond } });
      },
    }),
    attest: call({
      index: 2, origin: 'signed', weight: () => w.attest,
      args: { inference: InferenceId, algorithm: T.u16, params_hash: H256, result_hash: H256, entries: T.vec(AttributionEntry), evidence_root: H256 },
      docs: [
        'Attestor: the attribution result of an inference with an output. `result_hash` must be the blake2-256',
        'of the SCALE (algorithm, params_hash, entries, evidence_root); entries are ≤ 32 contributions of the',
        'model\'s training set, weights > 0 summing to ≤ 1,000,000, sorted by weight desc then id asc.',
        'At ≥ 2/3 of the attestor set on one hash the result is final and the fee is settled. A later attestation',
        'that contradicts the final result is slashed like a losing one (agreeing late is refused: it counts for nothing).',
      ],
      dispatch: ({ ext, origin }, a) => {
        const who = ensureSigned(origin);
        const { set, late } = checkAttestation(ext, who, a);
        attribution.storage.Attestations.set(ext, a.inference, who, {
          algorithm: a.algorithm, params_hash: a.params_hash, result_hash: a.result_hash, entries: a.entries, evidence_root: a.evidence_root, at: blockNumber(ext),
        });
        const attested = () => attribution.deposit(ext, { tag: 'AttributionAttested', value: { inference: a.inference, attestor: who, result_hash: a.result_hash } });
        if (late) {
          slash(ext, a.inference, who);
          attested();
          return { actualWeight: attestWeight(0, 1) };
        }
        attribution.storage.Attesters.mutate(ext, a.inference, (l) => [...l, who]);
        attribution.storage.OpenAttestations.mutate(ext, who, (n) => n + 1);
        const tallies = attribution.storage.Tallies.get(ext, a.inference);
        const t = tallies.find((x) => equalBytes(x.result_hash, a.result_hash));
        const count = (t?.count ?? 0) + 1;
        const next = t ? tallies.map((x) => (x === t ? { ...x, count } : x)) : [...tallies, { result_hash: a.result_hash, count }];
        attribution.storage.Tallies.set(ext, a.inference, next);
        attested();
        if (count * QUORUM_DEN < set.length * QUORUM_NUM) return { actualWeight: attestWeight(0, 0) };
        const { attesters, payouts } = finalize(ext, a.inference, a.result_hash, a.entries, a.evidence_root);
        return { actualWeight: attestWeight(payouts, attesters) };
      },
    }),
    set_params: params.call(3, (): AnyPallet => attribution),
  },
  events: {
    AttestorBonded: event({ who: AccountId, amount: Balance }, 'An account bonded and joined the attestor set.'),
    AttestorUnbonded: event({ who: AccountId, amount: Balance }, 'A bonded attestor left and got its bond back.'),
    AttributionAttested: event({ inference: InferenceId, attestor: AccountId, result_hash: H256 }, 'An attestor attested a result.'),
    AttributionFinalized: event({ inference: InferenceId, result_hash: H256, entries: T.u32, attestations: T.u32 }, 'A result reached quorum; settlement follows.'),
    AttributionDisputed: event({ inference: InferenceId, attestations: T.u32 }, 'No quorum before the deadline: the fee was settled by the fallback split.'),
    AttestorSlashed: event({ inference: InferenceId, attestor: AccountId, amount: Balance },
      'An attestor signed a result that lost; `amount` of its bond went to the rewards pot (0 for validators, who get a strike).'),
    ContributionAttributed: event({ inference: InferenceId, contribution: ContributionId, weight_ppm: T.u32, amount: Balance },
      'A contribution\'s share of a settled inference (weight 0 = fallback share only).'),
    ParamsSet: params.event,
  },
  errors: {
    NotAttestor: 'The caller is neither a validator nor a bonded attestor.',
    DuplicateAttestation: 'The caller already attested this inference.',
    TooManyEntries: 'More than MaxEntries entries.',
    ZeroWeight: 'An entry has weight 0.',
    WeightsExceedMillion: 'The weights sum to more than 1,000,000 ppm.',
    EntriesNotCanonical: 'Entries must be sorted by weight descending, then contribution id ascending, without duplicates.',
    NotInTrainingSet: 'An entry names a contribution outside the model\'s training set.',
    ResultHashMismatch: 'The result hash is not the blake2-256 of the SCALE-encoded result.',
    AlreadyBonded: 'The caller is already a bonded attestor.',
    NotBonded: 'The caller is not a bonded attestor.',
    BondTooLow: 'The bond is below the `min_bond` parameter.',
    TooManyAttestors: 'MaxBondedAttestors accounts are bonded.',
    OpenAttestations: 'The caller has attestations on inferences that are not final yet.',
    InvalidParams: 'The parameters are out of range.',
  },
  hooks: {
    // Settle by the fallback split the inferences whose attestation deadline has come.
    onInitialize: (ext: Ext, n: number): Weight => {
      const due: bigint[] = models.storage.AttestationDeadlines.get(ext, n);
      if (due.length === 0) return dbWeight(0n, 1, 0);
      models.storage.AttestationDeadlines.remove(ext, n);
      let weight = dbWeight(0n, 1 + due.length, 1);
      for (const id of due) {
        const inf = models.storage.Inferences.get(ext, id);
        if (!inf || inf.status.tag !== 'OutputSubmitted') continue;
        const attesters = closeAttestations(ext, id);
        attribution.storage.Results.set(ext, id, { status: { tag: 'Disputed', value: undefined }, result_hash: undefined, entries: [], evidence_root: undefined, attestations: attesters.length, at: n });
        attribution.deposit(ext, { tag: 'AttributionDisputed', value: { inference: id, attestations: attesters.length } });
        const payouts = settle(ext, id, [], true);
        recordPayouts(ext, id, payouts);
        weight = addWeight(weight, attestWeight(payouts.length, attesters.length));
      }
      return weight;
    },
  },
  genesis: {
    build: (ext, cfg?: { params?: unknown }) => params.build(ext, 'attribution', cfg?.params),
    preset: () => ({ params: { min_bond: 10n * 10n ** 12n } }),
  },
});


/** The attestor set: Aura authorities (their sr25519 keys are their accounts) then bonded accounts, without duplicates. */
export function attestors(ext: Ext): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const a of [...aura.storage.Authorities.get(ext), ...attribution.storage.BondedList.get(ext)]) {
    if (!out.some((x) => equalBytes(x, a))) out.push(a);
  }
  return out;
}

function checkEntries(ext: Ext, model: number, entries: Entry[]): void {
  if (entries.length > MAX_ATTRIBUTION_ENTRIES) throw attribution.error('TooManyEntries');
  const training = models.storage.TrainingContributions.get(ext, model); // decoded once, not per entry
  let sum = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.weight_ppm === 0) throw attribution.error('ZeroWeight');
    sum += e.weight_ppm;
    const prev = entries[i - 1];
    if (prev && !(prev.weight_ppm > e.weight_ppm || (prev.weight_ppm === e.weight_ppm && prev.contribution < e.contribution))) {
      throw attribution.error('EntriesNotCanonical');
    }
    if (!inTrainingSet(training, e.contribution)) throw attribution.error('NotInTrainingSet');
  }
  if (sum > PPM) throw attribution.error('WeightsExceedMillion');
}

/** Clears an inference's open attestation bookkeeping; returns who attested. */
function closeAttestations(ext: Ext, id: bigint): Uint8Array[] {
  const attesters = attribution.storage.Attesters.get(ext, id);
  for (const a of attesters) attribution.storage.OpenAttestations.mutate(ext, a, (n) => (n > 1 ? n - 1 : undefined));
  attribution.storage.Tallies.remove(ext, id);
  return attesters;
}

/**
 * The checks of an attestation, before it changes anything. A failure reports the weight of the checks
 * alone (not the settlement the declared weight covers), like a DispatchErrorWithPostInfo.
 */
function checkAttestation(ext: Ext, who: Uint8Array, a: { inference: bigint; algorithm: number; params_hash: Uint8Array; result_hash: Uint8Array; entries: Entry[]; evidence_root: Uint8Array }) {
  try {
    const set = attestors(ext);
    if (!set.some((x) => equalBytes(x, who))) throw attribution.error('NotAttestor');
    const inf = getInference(ext, a.inference);
    const final = inf.status.tag === 'Settled' ? attribution.storage.Results.get(ext, a.inference) : undefined;
    const late = final?.status.tag === 'Final' && final.result_hash !== undefined;
    if (inf.status.tag !== 'OutputSubmitted' && !late) throw models.error('NotAwaitingAttribution');
    // after the quorum, agreeing is too late to count, while contradicting the final result is slashed
    // like a losing vote: otherwise a dishonest attestor could simply wait for the quorum
    if (late && equalBytes(final!.result_hash!, a.result_hash)) throw models.error('NotAwaitingAttribution');
    if (attribution.storage.Attestations.get(ext, a.inference, who)) throw attribution.error('DuplicateAttestation');
    checkEntries(ext, inf.model, a.entries);
    const computed = resultHash({ algorithm: a.algorithm, params_hash: a.params_hash, entries: a.entries, evidence_root: a.evidence_root });
    if (!equalBytes(computed, a.result_hash)) throw attribution.error('ResultHashMismatch');
    return { set, late };
  } catch (e) {
    if (e instanceof DispatchError) e.actualWeight = attestWeight(0, 0);
    throw e;
  }
}

/** Closes the attestations at quorum, slashes the losers and settles; returns how many attestations and payouts it touched. */
function finalize(ext: Ext, id: bigint, hash: Uint8Array, entries: Entry[], evidenceRoot: Uint8Array): { attesters: number; payouts: number } {
  const attesters = closeAttestations(ext, id);
  for (const a of attesters) {
    const att = attribution.storage.Attestations.get(ext, id, a)!;
    if (!equalBytes(att.result_hash, hash)) slash(ext, id, a);
  }
  attribution.storage.Results.set(ext, id, {
    status: { tag: 'Final', value: undefined }, result_hash: hash, entries, evidence_root: evidenceRoot, attestations: attesters.length, at: blockNumber(ext),
  });
  attribution.deposit(ext, { tag: 'AttributionFinalized', value: { inference: id, result_hash: hash, entries: entries.length, attestations: attesters.length } });
  const payouts = settle(ext, id, entries, entries.length === 0);
  recordPayouts(ext, id, payouts);
  return { attesters: attesters.length, payouts: payouts.length };
}

/** A bonded attestor loses `slash_ppm` of its bond to the pot; a validator attestor (no bond) gets a strike. */
function slash(ext: Ext, id: bigint, who: Uint8Array): void {
  const bond = attribution.storage.Bonded.get(ext, who);
  let amount = 0n;
  if (bond !== undefined) {
    amount = ppmOf(bond, params.storage.get(ext).slash_ppm);
    payFromHold(ext, attribution.holdReason('AttestorBond'), who, REWARDS_POT, amount);
    attribution.storage.Bonded.set(ext, who, bond - amount);
  } else {
    attribution.storage.Strikes.mutate(ext, who, (n) => n + 1);
  }
  attribution.deposit(ext, { tag: 'AttestorSlashed', value: { inference: id, attestor: who, amount } });
}

/** Per-contribution aggregates: attributed inferences and weight count only attested weight; earnings count every share. */
function recordPayouts(ext: Ext, id: bigint, payouts: ReturnType<typeof settle>): void {
  for (const p of payouts) {
    attribution.storage.Stats.mutate(ext, p.contribution, (s) => ({
      inferences: s.inferences + (p.weightPpm > 0 ? 1n : 0n),
      cumulative_weight_ppm: s.cumulative_weight_ppm + BigInt(p.weightPpm),
      earned: s.earned + p.amount,
    }));
    attribution.deposit(ext, { tag: 'ContributionAttributed', value: { inference: id, contribution: p.contribution, weight_ppm: p.weightPpm, amount: p.amount } });
  }
}

