// The SLMnet runtime: pallets, version, runtime APIs and the state_call entry point.
import * as T from './codec/types.ts';
import * as C from './config.ts';
import * as D from './api-defs.ts';
import { BadFormat, type TransactionSource, type TransactionValidityError } from './api-types.ts';
import { composeRuntime } from './compose.ts';
import { blake2_64, concat, text } from './crypto.ts';
import { makeExecutive } from './executive.ts';
import { encodeExtrinsic, UncheckedExtrinsicTy } from './extrinsic.ts';
import type { Ext } from './framework/ext.ts';
import { buildMetadata, type ApiDecl, type ApiMethod } from './metadata.ts';
import { AccountId, AuraId, GrandpaId, Header, RuntimeVersion, Weight, type Header as HeaderV } from './primitives.ts';
import { aura } from './pallets/aura.ts';
import { balances } from './pallets/balances.ts';
import { grandpa, AuthorityList } from './pallets/grandpa.ts';
import { sudo } from './pallets/sudo.ts';
import { setVersionSource, system } from './pallets/system.ts';
import { timestamp } from './pallets/timestamp.ts';
import * as payment from './pallets/transaction-payment.ts';
import { utility } from './pallets/utility.ts';
import * as genesis from './genesis.ts';
import { attestors, attribution, ContributionStats, FinalResult } from './pallets/attribution.ts';
import { Contribution, DatanetInfo, datanets, Reputation } from './pallets/datanets.ts';
import { Inference, models, quote } from './pallets/models.ts';
import { Challenge, ChallengeId, NodeInfo, nodeInfo, nodeRewards, openChallenges, operatorNodes, pendingNodeRewards } from './pallets/node-rewards.ts';

export const composition = composeRuntime([
  system, timestamp, aura, grandpa, balances, payment.transactionPayment, sudo, utility,
  datanets, models, attribution, nodeRewards,
]);

export const executive = makeExecutive({
  pallets: composition.pallets,
  dispatch: composition.dispatch,
  dispatchInfo: composition.dispatchInfo,
  specVersion: C.SPEC_VERSION,
  transactionVersion: C.TRANSACTION_VERSION,
});

/** Host services some runtime APIs need (Substrate's keystore host functions). */
export interface KeystoreHost { generate(keyType: string, scheme: 'sr25519' | 'ed25519', seed?: Uint8Array): Uint8Array }

interface Impl extends ApiMethod { impl: (ext: Ext, ...args: any[]) => any }
interface Api extends ApiDecl { methods: Impl[] }
const m = (name: string, inputs: [string, T.Ty<any>][], output: T.Ty<any>, impl: Impl['impl'], docs?: string): Impl =>
  ({ name, inputs: inputs.map(([n, ty]) => ({ name: n, ty })), output, impl, docs: docs ? [docs] : [] });

let keystoreHost: KeystoreHost | undefined;
export const setKeystoreHost = (k: KeystoreHost | undefined): void => { keystoreHost = k; };

const validityErrorValue = (e: TransactionValidityError) => ({
  tag: e.type, value: { tag: e.kind, value: e.kind === 'Custom' ? e.custom ?? 0 : undefined },
});
const SESSION_KEYS: [string, 'sr25519' | 'ed25519'][] = [['aura', 'sr25519'], ['gran', 'ed25519']];
const TIMESTAMP_INHERENT = text('timstap0');

function inherentExtrinsics(timestampMs: bigint): Uint8Array[] {
  const call = composition.RuntimeCall.codec.enc({ tag: 'Timestamp', value: { tag: 'set', value: { now: timestampMs } } });
  return [encodeExtrinsic(call)];
}

function queryInfo(xt: Uint8Array, len: number) {
  const decoded = executive.decode(xt);
  const info = executive.infoOf(decoded);
  const fee = decoded.signed
    ? payment.computeFee(len, { weight: info.weight, class: info.class, paysFee: info.paysFee }, 0n)
    : 0n;
  return { weight: info.total, class: { tag: info.class, value: undefined }, partial_fee: fee };
}
function feeDetails(xt: Uint8Array, len: number) {
  const decoded = executive.decode(xt);
  const info = executive.infoOf(decoded);
  const tip = decoded.signed?.tip ?? 0n;
  if (!decoded.signed) return { inclusion_fee: undefined, tip };
  return feeDetailsValue(payment.computeFeeDetails(len, { weight: info.weight, class: info.class, paysFee: info.paysFee }, tip));
}
const feeDetailsValue = (d: payment.FeeDetails) => ({
  inclusion_fee: d.inclusionFee && { base_fee: d.inclusionFee.baseFee, len_fee: d.inclusionFee.lenFee, adjusted_weight_fee: d.inclusionFee.adjustedWeightFee },
  tip: d.tip,
});
function callInfo(call: Uint8Array, len: number) {
  const c = T.decodeAll(composition.RuntimeCall, call);
  const di = composition.dispatchInfo(c);
  const fee = payment.computeFee(len, di, 0n);
  return { di, fee, total: { ref_time: di.weight.ref_time + C.EXTRINSIC_BASE_WEIGHT, proof_size: di.weight.proof_size } };
}

const API_LIST: Api[] = [
  {
    name: 'Core', version: 5, docs: ['The `Core` runtime api that every Substrate runtime needs to implement.'],
    methods: [
      m('version', [], RuntimeVersion, () => runtime.version, 'Returns the version of the runtime.'),
      m('execute_block', [['block', D.Block]], T.unit, (ext, b) => { executive.executeBlock(ext, b.header, b.extrinsics); }, 'Execute the given block.'),
      m('initialize_block', [['header', Header]], D.ExtrinsicInclusionMode, (ext, h) => { executive.initialize(ext, h); return { tag: 'AllExtrinsics', value: undefined }; }, 'Initialize a block with the given header and return the runtime executive mode.'),
    ],
  },
  {
    name: 'Metadata', version: 2, docs: ['The `Metadata` api trait that returns metadata for the runtime.'],
    methods: [
      m('metadata', [], D.OpaqueMetadata, () => metadataBytes(14), 'Returns the metadata of a runtime.'),
      m('metadata_at_version', [['version', T.u32]], T.option(D.OpaqueMetadata), (_e, v: number) => (v === 14 || v === 15 ? metadataBytes(v) : undefined), 'Returns the metadata at a given version.'),
      m('metadata_versions', [], T.vec(T.u32), () => [14, 15], 'Returns the supported metadata versions.'),
    ],
  },
  {
    name: 'BlockBuilder', version: 6, docs: ['The `BlockBuilder` api trait that provides the required functionality for building a block.'],
    methods: [
      m('apply_extrinsic', [['extrinsic', UncheckedExtrinsicTy]], D.ApplyExtrinsicResult, (ext, xt: Uint8Array) => {
        let r;
        try { r = executive.apply(ext, xt); } catch (e) { if (e instanceof BadFormat) return { tag: 'Err', value: validityErrorValue({ type: 'Invalid', kind: 'Call' }) }; throw e; }
        if (!r.ok) return { tag: 'Err', value: validityErrorValue(r.error) };
        return { tag: 'Ok', value: r.dispatchError ? { tag: 'Err', value: { tag: 'Other', value: undefined } } : { tag: 'Ok', value: undefined } };
      }, 'Apply the given extrinsic.'),
      m('finalize_block', [], Header, (ext) => executive.finalize(ext), 'Finish the current block.'),
      m('inherent_extrinsics', [['inherent', D.InherentData]], T.vec(UncheckedExtrinsicTy), (_e, data) => {
        const ts = data.data.find(([k]: [Uint8Array]) => Buffer.compare(k, TIMESTAMP_INHERENT) === 0);
        return ts ? inherentExtrinsics(T.decodeAll(T.u64, ts[1])) : [];
      }, 'Generate inherent extrinsics. The inherent data will vary from chain to chain.'),
      m('check_inherents', [['block', D.Block], ['data', D.InherentData]], D.CheckInherentsResult,
        () => ({ okay: true, fatal_error: false, errors: { data: [] } }), 'Check that the inherents are valid. The inherent data will vary from chain to chain.'),
    ],
  },
  {
    name: 'TaggedTransactionQueue', version: 3, docs: ['The `TaggedTransactionQueue` api trait for interfering with the transaction queue.'],
    methods: [
      m('validate_transaction', [['source', D.TransactionSourceTy], ['tx', UncheckedExtrinsicTy], ['block_hash', T.fixed(32)]], D.TransactionValidity, (ext, source, tx, hash) => {
        let r;
        try { r = executive.validate(ext, source.tag as TransactionSource, tx, hash); } catch (e) { if (e instanceof BadFormat) return { tag: 'Err', value: validityErrorValue({ type: 'Invalid', kind: 'Call' }) }; throw e; }
        return r.ok ? { tag: 'Ok', value: r.valid } : { tag: 'Err', value: validityErrorValue(r.error) };
      }, 'Validate the transaction.'),
    ],
  },
  {
    name: 'AuraApi', version: 1, docs: ['API necessary for block authorship with aura.'],
    methods: [
      m('slot_duration', [], T.newtype({ path: ['sp_consensus_slots', 'SlotDuration'] }, T.u64, 'u64'), () => C.SLOT_DURATION_MS, 'Returns the slot duration for Aura.'),
      m('authorities', [], T.vec(AuraId), (ext) => aura.storage.Authorities.get(ext), 'Return the current set of authorities.'),
    ],
  },
  {
    name: 'GrandpaApi', version: 3, docs: ['APIs for integrating the GRANDPA finality gadget into runtimes.'],
    methods: [
      m('grandpa_authorities', [], AuthorityList, (ext) => grandpa.storage.Authorities.get(ext), 'Get the current GRANDPA authorities and weights. This should not change except for when changes are scheduled and the corresponding delay has passed.'),
      m('current_set_id', [], T.u64, (ext) => grandpa.storage.CurrentSetId.get(ext), 'Get current GRANDPA authority set id.'),
      m('generate_key_ownership_proof', [['set_id', T.u64], ['authority_id', GrandpaId]],
        T.option(D.OpaqueKeyOwnershipProof), () => undefined, 'Generates a proof of key ownership for the given authority in the given set. Equivocation reporting is not enabled, so this returns None.'),
    ],
  },
  {
    name: 'SessionKeys', version: 1, docs: ['Session keys runtime api.'],
    methods: [
      m('generate_session_keys', [['seed', T.option(T.bytes)]], T.bytes, (_e, seed?: Uint8Array) => {
        if (!keystoreHost) throw new Error('no keystore available');
        return concat(...SESSION_KEYS.map(([kt, scheme]) => keystoreHost!.generate(kt, scheme, seed)));
      }, 'Generate a set of session keys with optionally using the given seed.'),
      m('decode_session_keys', [['encoded', T.bytes]], T.option(T.vec(T.tuple(T.bytes, D.KeyTypeId))), (_e, enc: Uint8Array) => {
        if (enc.length !== 64) return undefined;
        return SESSION_KEYS.map(([kt], i) => [enc.slice(i * 32, i * 32 + 32), text(kt)]);
      }, 'Decode the given public session keys.'),
    ],
  },
  {
    name: 'AccountNonceApi', version: 1, docs: ['The API to query account nonce.'],
    methods: [m('account_nonce', [['account', AccountId]], T.u32, (ext, who) => system.storage.Account.get(ext, who).nonce, 'Get current account nonce of given `AccountId`.')],
  },
  {
    name: 'TransactionPaymentApi', version: 4,
    methods: [
      m('query_info', [['uxt', UncheckedExtrinsicTy], ['len', T.u32]], D.RuntimeDispatchInfo, (_e, xt, len) => queryInfo(xt, len)),
      m('query_fee_details', [['uxt', UncheckedExtrinsicTy], ['len', T.u32]], D.FeeDetails, (_e, xt, len) => feeDetails(xt, len)),
      m('query_weight_to_fee', [['weight', Weight]], T.u128, (_e, w) => payment.weightToFee(w.ref_time)),
      m('query_length_to_fee', [['length', T.u32]], T.u128, (_e, l: number) => BigInt(l) * C.TRANSACTION_BYTE_FEE),
    ],
  },
  {
    name: 'TransactionPaymentCallApi', version: 3,
    methods: [
      m('query_call_info', [['call', composition.RuntimeCall], ['len', T.u32]], D.RuntimeDispatchInfo, (_e, call, len) => {
        const callBytes = composition.RuntimeCall.codec.enc(call);
        const { di, fee, total } = callInfo(callBytes, len);
        return { weight: total, class: { tag: di.class, value: undefined }, partial_fee: fee };
      }, 'Query information of a dispatch class, weight, and fee of a given encoded `Call`.'),
      m('query_call_fee_details', [['call', composition.RuntimeCall], ['len', T.u32]], D.FeeDetails, (_e, call, len) => {
        return feeDetailsValue(payment.computeFeeDetails(len, composition.dispatchInfo(call), 0n));
      }, 'Query fee details of a given encoded `Call`.'),
      m('query_weight_to_fee', [['weight', Weight]], T.u128, (_e, w) => payment.weightToFee(w.ref_time)),
      m('query_length_to_fee', [['length', T.u32]], T.u128, (_e, l: number) => BigInt(l) * C.TRANSACTION_BYTE_FEE),
    ],
  },
  {
    name: 'GenesisBuilder', version: 1, docs: ['API to interact with `RuntimeGenesisConfig` for the runtime'],
    methods: [
      m('build_state', [['json', T.bytes]], D.result(T.unit, T.str), (ext, json: Uint8Array) => {
        try { genesis.buildState(ext, genesis.parseJson(new TextDecoder().decode(json))); return { tag: 'Ok', value: undefined }; } catch (e) { return { tag: 'Err', value: (e as Error).message }; }
      }, 'Build `RuntimeGenesisConfig` from a JSON blob not using any defaults and store it in the storage.'),
      m('get_preset', [['id', T.option(T.str)]], T.option(T.bytes), (_e, id?: string) => {
        const p = genesis.preset(id ?? 'default');
        return p === undefined ? undefined : text(genesis.stringifyJson(p));
      }, 'Returns a JSON blob representation of the built-in `RuntimeGenesisConfig` identified by `id`.'),
      m('preset_names', [], T.vec(T.str), () => genesis.PRESET_NAMES, 'Returns a list of identifiers for available builtin `RuntimeGenesisConfig` presets.'),
    ],
  },
  {
    name: 'DatanetsApi', version: 1, docs: ['Reads of the Datanets pallet for apps.'],
    methods: [
      m('datanet', [['id', T.u32]], T.option(DatanetInfo), (ext, id: number) => datanets.storage.Datanets.get(ext, id), 'A datanet, if it exists.'),
      m('contribution', [['id', T.u64]], T.option(Contribution), (ext, id: bigint) => datanets.storage.Contributions.get(ext, id), 'A contribution with its status, review and usage counters.'),
      m('version_contributions', [['datanet', T.u32], ['version', T.u32]], T.vec(T.u64),
        (ext, d: number, v: number) => datanets.storage.VersionContributions.get(ext, d, v), 'The contribution ids of a published version, in id order.'),
      m('reputation', [['datanet', T.u32], ['who', AccountId]], Reputation, (ext, d: number, who: Uint8Array) => datanets.storage.Reputations.get(ext, d, who),
        'Accepted, rejected and revoked counts of a contributor in a datanet.'),
    ],
  },
  {
    name: 'ModelsApi', version: 1, docs: ['Reads of the Models pallet for apps.'],
    methods: [
      m('quote', [['model', T.u32], ['tokens_out', T.u32]], T.option(T.u128), (ext, model: number, n: number) => quote(ext, model, n),
        'The fee of an inference producing `tokens_out` tokens (base + per token), if the model exists.'),
      m('inference', [['id', T.u64]], T.option(Inference), (ext, id: bigint) => models.storage.Inferences.get(ext, id), 'An inference with its status and settlement.'),
      m('pending_rewards', [['who', AccountId]], T.u128, (ext, who: Uint8Array) => models.storage.PendingRewards.get(ext, who), 'Contributor rewards the account can claim.'),
    ],
  },
  {
    name: 'AttributionApi', version: 1, docs: ['Reads of the Attribution pallet for apps.'],
    methods: [
      m('contribution_stats', [['contribution', T.u64]], ContributionStats, (ext, id: bigint) => attribution.storage.Stats.get(ext, id),
        'Inferences attributed to a contribution, its cumulative weight (ppm) and its earnings.'),
      m('result', [['inference', T.u64]], T.option(FinalResult), (ext, id: bigint) => attribution.storage.Results.get(ext, id), 'The final or disputed attribution of an inference.'),
      m('attestors', [], T.vec(AccountId), (ext) => attestors(ext), 'The current attestor set (validators, then bonded attestors).'),
    ],
  },
  {
    name: 'NodeRewardsApi', version: 1, docs: ['Reads of the NodeRewards pallet for apps.'],
    methods: [
      m('pending_rewards', [['who', AccountId]], T.u128, (ext, who: Uint8Array) => pendingNodeRewards(ext, who), 'Node and block-author rewards the account can claim.'),
      m('node', [['id', T.u32]], T.option(NodeInfo), (ext, id: number) => nodeInfo(ext, id), 'A registered node.'),
      m('operator_nodes', [['who', AccountId]], T.vec(T.u32), (ext, who: Uint8Array) => operatorNodes(ext, who), 'The nodes an account operates.'),
      m('open_challenges', [['node', T.u32]], T.vec(T.tuple(ChallengeId, Challenge)), (ext, node: number) => openChallenges(ext, node), 'The open storage challenges of a node, oldest first.'),
    ],
  },
];

const apiId = (name: string) => blake2_64(text(name));
const methods = new Map<string, Impl>();
for (const a of API_LIST) for (const meth of a.methods) methods.set(`${a.name}_${meth.name}`, meth);

const metadataCache = new Map<number, Uint8Array>();
function metadataBytes(version: 14 | 15): Uint8Array {
  let b = metadataCache.get(version);
  if (!b) {
    b = buildMetadata({ ...composition, apis: API_LIST }, version);
    metadataCache.set(version, b);
  }
  return b;
}

export const runtime = {
  version: {
    spec_name: C.SPEC_NAME, impl_name: C.IMPL_NAME, authoring_version: 1, spec_version: C.SPEC_VERSION, impl_version: 1,
    apis: API_LIST.map((a) => [apiId(a.name), a.version] as [Uint8Array, number]),
    transaction_version: C.TRANSACTION_VERSION, system_version: C.SYSTEM_VERSION,
  },
  slotDuration: C.SLOT_DURATION_MS,
  /** JSON shape of state_getRuntimeVersion. */
  versionJson() {
    const v = runtime.version;
    return {
      specName: v.spec_name, implName: v.impl_name, authoringVersion: v.authoring_version, specVersion: v.spec_version,
      implVersion: v.impl_version, apis: v.apis.map(([id, ver]) => ['0x' + Buffer.from(id).toString('hex'), ver]),
      transactionVersion: v.transaction_version, systemVersion: v.system_version, stateVersion: 1,
    };
  },
  metadata: metadataBytes,
  /** The runtime APIs with their methods' types (for docs and tooling). */
  apiList: (): readonly ApiDecl[] => API_LIST,
  initializeBlock: (ext: Ext, header: HeaderV) => executive.initialize(ext, header),
  inherentExtrinsics,
  applyExtrinsic: (ext: Ext, xt: Uint8Array) => executive.apply(ext, xt),
  finalizeBlock: (ext: Ext) => executive.finalize(ext),
  executeBlock: (ext: Ext, header: HeaderV, xts: Uint8Array[]) => executive.executeBlock(ext, header, xts),
  validateTransaction: (ext: Ext, source: TransactionSource, xt: Uint8Array, blockHash: Uint8Array) => executive.validate(ext, source, xt, blockHash),
  /** state_call: SCALE in, SCALE out. */
  call(ext: Ext, method: string, input: Uint8Array): Uint8Array {
    const meth = methods.get(method);
    if (!meth) throw new Error(`Method not found: ${method}`);
    const args = meth.inputs.length ? T.decodeAll(T.tuple(...meth.inputs.map((i) => i.ty)), input) as unknown[] : (T.decodeAll(T.unit, input), []);
    return meth.output.codec.enc(meth.impl(ext, ...args));
  },
  genesisStorage: genesis.genesisStorage,
  presetNames: () => genesis.PRESET_NAMES,
  preset: genesis.preset,
};

setVersionSource(() => runtime.version);
