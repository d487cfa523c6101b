// frame_system: accounts and nonces, block metadata, events.
import * as T from '../codec/types.ts';
import * as C from '../config.ts';
import { addWeight, ensureRoot, ensureSigned, weight, WEIGHT_PER_MICROS } from '../framework/dispatch.ts';
import type { Ext, Phase } from '../framework/ext.ts';
import { RuntimeEvent } from '../framework/outer.ts';
import { call, event, pallet } from '../framework/pallet.ts';
import { map, value } from '../framework/storage.ts';
import { blake2_256 } from '../crypto.ts';
import {
  AccountId, DigestItem, DispatchClass, DispatchErrorTy, DispatchInfo, H256, RuntimeVersion, Weight,
  type DispatchErrorValue, type DispatchInfo as DispatchInfoV, type Weight as WeightV,
} from '../primitives.ts';

export const AccountData = T.struct({ path: ['pallet_balances', 'types', 'AccountData'], params: [{ name: 'Balance', ty: T.u128 }] }, {
  free: T.u128, reserved: T.u128, frozen: T.u128,
  flags: T.newtype({ path: ['pallet_balances', 'types', 'ExtraFlags'] }, T.u128, 'u128'),
}, { free: 'Balance', reserved: 'Balance', frozen: 'Balance', flags: 'ExtraFlags' });
export const AccountInfo = T.struct({ path: ['frame_system', 'AccountInfo'], params: [{ name: 'Nonce', ty: T.u32 }, { name: 'AccountData', ty: AccountData }] }, {
  nonce: T.u32, consumers: T.u32, providers: T.u32, sufficients: T.u32, data: AccountData,
}, { nonce: 'Nonce', consumers: 'RefCount', providers: 'RefCount', sufficients: 'RefCount', data: 'AccountData' });
export type AccountInfo = ReturnType<typeof AccountInfo.codec.dec>;
/** Substrate's new-account flag bit in ExtraFlags. */
export const NEW_LOGIC_FLAG = 1n << 127n;
export const emptyAccount = (): AccountInfo => ({
  nonce: 0, consumers: 0, providers: 0, sufficients: 0, data: { free: 0n, reserved: 0n, frozen: 0n, flags: NEW_LOGIC_FLAG },
});

export const PhaseTy = T.enumeration<Phase>({ path: ['frame_system', 'Phase'] }, {
  ApplyExtrinsic: { fields: [T.u32] }, Finalization: {}, Initialization: {},
});
export const EventRecord = T.struct({ path: ['frame_system', 'EventRecord'], params: [{ name: 'E', ty: RuntimeEvent }, { name: 'T', ty: H256 }] }, {
  phase: PhaseTy, event: RuntimeEvent, topics: T.vec(H256),
}, { event: 'E', topics: 'Vec<T>' });

const perClass = <V>(inner: T.Ty<V>) => T.struct({ path: ['frame_support', 'dispatch', 'PerDispatchClass'], params: [{ name: 'T', ty: inner }] },
  { normal: inner, operational: inner, mandatory: inner }, { normal: 'T', operational: 'T', mandatory: 'T' });
export const PerClassWeight = perClass(Weight);
const WeightsPerClass = T.struct({ path: ['frame_system', 'limits', 'WeightsPerClass'] }, {
  base_extrinsic: Weight, max_extrinsic: T.option(Weight), max_total: T.option(Weight), reserved: T.option(Weight),
});
const BlockWeights = T.struct({ path: ['frame_system', 'limits', 'BlockWeights'] }, {
  base_block: Weight, max_block: Weight, per_class: perClass(WeightsPerClass),
});
const BlockLength = T.struct({ path: ['frame_system', 'limits', 'BlockLength'] }, { max: perClass(T.u32) });
const RuntimeDbWeight = T.struct({ path: ['sp_weights', 'RuntimeDbWeight'] }, { read: T.u64, write: T.u64 });
const Digest = T.struct({ path: ['sp_runtime', 'generic', 'digest', 'Digest'] }, { logs: T.vec(DigestItem) });

/** Limits derived like frame_system::limits::BlockWeights::with_sensible_defaults. */
export const limits = (() => {
  const maxBlock = weight(C.MAXIMUM_BLOCK_WEIGHT, C.MAX_PROOF_SIZE);
  const normalTotal = weight(C.MAXIMUM_BLOCK_WEIGHT * C.NORMAL_DISPATCH_RATIO_PERCENT / 100n, C.MAX_PROOF_SIZE * C.NORMAL_DISPATCH_RATIO_PERCENT / 100n);
  const base = weight(C.EXTRINSIC_BASE_WEIGHT);
  const maxExt = (total: WeightV) => weight(total.ref_time - base.ref_time, total.proof_size);
  const normalLen = Math.floor(C.MAXIMUM_BLOCK_LENGTH * Number(C.NORMAL_DISPATCH_RATIO_PERCENT) / 100);
  return {
    baseBlock: weight(C.BLOCK_EXECUTION_WEIGHT),
    maxBlock,
    perClass: {
      Normal: { maxTotal: normalTotal, maxExtrinsic: maxExt(normalTotal), maxLength: normalLen },
      Operational: { maxTotal: maxBlock, maxExtrinsic: maxExt(maxBlock), maxLength: C.MAXIMUM_BLOCK_LENGTH },
      Mandatory: { maxTotal: undefined, maxExtrinsic: undefined, maxLength: C.MAXIMUM_BLOCK_LENGTH },
    },
    baseExtrinsic: base,
  };
})();


let runtimeVersion: () => T.FieldsOf<any> = () => { throw new Error('runtime version not set'); };
/** The runtime composition provides its version for the System.Version constant. */
export const setVersionSource = (f: () => ReturnType<typeof RuntimeVersion.codec.dec>): void => { runtimeVersion = f; };

const lazyConstant = <V>(ty: T.Ty<V>, get: () => V, docs: string[]) => ({ ty, docs, get value() { return get(); } });

export const system = pallet({
  name: 'System',
  crate: 'frame_system',
  index: 0,
  storage: {
    Account: map('Blake2_128Concat', AccountId, AccountInfo, { default: emptyAccount(), docs: ['The full account information for a particular account ID.'] }),
    ExtrinsicCount: value(T.u32, { docs: ['Total extrinsics count for the current block.'] }),
    BlockWeight: value(PerClassWeight, { default: { normal: weight(0n), operational: weight(0n), mandatory: weight(0n) }, docs: ['The current weight for the block.'] }),
    AllExtrinsicsLen: value(T.u32, { docs: ['Total length (in bytes) for all extrinsics put together, for the current block.'] }),
    BlockHash: map('Twox64Concat', T.u32, H256, { default: new Uint8Array(32), docs: ['Map of block numbers to block hashes.'] }),
    Number: value(T.u32, { default: 0, docs: ['The current block number being processed. Set by `execute_block`.'] }),
    ParentHash: value(H256, { default: new Uint8Array(32), docs: ['Hash of the previous block.'] }),
    Digest: value(Digest, { default: { logs: [] }, docs: ['Digest of the current block, also part of the block header.'] }),
    Events: value(T.vec(EventRecord), { default: [], docs: ['Events deposited for the current block.'] }),
    EventCount: value(T.u32, { default: 0, docs: ['The number of events in the `Events<T>` list.'] }),
  },
  calls: {
    remark: call({
      index: 0, args: { remark: T.bytes }, typeNames: { remark: 'Vec<u8>' }, origin: 'signed',
      docs: ['Make some on-chain remark.'],
      weight: ({ remark }) => weight(1n * WEIGHT_PER_MICROS + BigInt(remark.length) * 1_000n),
      dispatch: ({ origin }) => { ensureSigned(origin); },
    }),
    set_storage: call({
      index: 4, args: { items: T.vec(T.tuple(T.bytes, T.bytes)) }, typeNames: { items: 'Vec<KeyValue>' }, origin: 'root',
      docs: ['Set some items of storage.'],
      weight: ({ items }) => weight(BigInt(items.length) * C.DB_WRITE_WEIGHT),
      dispatch: ({ ext, origin }, { items }) => { ensureRoot(origin); for (const [k, v] of items) ext.set(k, v); },
    }),
    kill_storage: call({
      index: 5, args: { keys: T.vec(T.bytes) }, typeNames: { keys: 'Vec<Key>' }, origin: 'root',
      docs: ['Kill some items from storage.'],
      weight: ({ keys }) => weight(BigInt(keys.length) * C.DB_WRITE_WEIGHT),
      dispatch: ({ ext, origin }, { keys }) => { ensureRoot(origin); for (const k of keys) ext.delete(k); },
    }),
    remark_with_event: call({
      index: 7, args: { remark: T.bytes }, typeNames: { remark: 'Vec<u8>' }, origin: 'signed',
      docs: ['Make some on-chain remark and emit event.'],
      weight: ({ remark }) => weight(5n * WEIGHT_PER_MICROS + BigInt(remark.length) * 1_000n + C.DB_WRITE_WEIGHT),
      dispatch: ({ ext, origin }, { remark }) => {
        const sender = ensureSigned(origin);
        system.deposit(ext, { tag: 'Remarked', value: { sender, hash: blake2_256(remark) } });
      },
    }),
  },
  events: {
    ExtrinsicSuccess: event({ dispatch_info: DispatchInfo }, 'An extrinsic completed successfully.'),
    ExtrinsicFailed: event({ dispatch_error: DispatchErrorTy, dispatch_info: DispatchInfo }, 'An extrinsic failed.'),
    CodeUpdated: event({}, '`:code` was updated.'),
    NewAccount: event({ account: AccountId }, 'A new account was created.', { account: 'T::AccountId' }),
    KilledAccount: event({ account: AccountId }, 'An account was reaped.', { account: 'T::AccountId' }),
    Remarked: event({ sender: AccountId, hash: H256 }, 'On on-chain remark happened.', { sender: 'T::AccountId', hash: 'T::Hash' }),
  },
  errors: {
    InvalidSpecName: 'The name of specification does not match between the current runtime and the new runtime.',
    SpecVersionNeedsToIncrease: 'The specification version is not allowed to decrease between the current runtime and the new runtime.',
    FailedToExtractRuntimeVersion: 'Failed to extract the runtime version from the new runtime.',
    NonDefaultComposite: 'Suicide called when the account has non-default composite data.',
    NonZeroRefCount: 'There is a non-zero reference count preventing the account from being purged.',
    CallFiltered: 'The origin filter prevent the call to be dispatched.',
  },
  constants: {
    BlockWeights: {
      ty: BlockWeights, docs: ['Block & extrinsics weights: base values and limits.'],
      value: {
        base_block: limits.baseBlock, max_block: limits.maxBlock,
        per_class: {
          normal: { base_extrinsic: limits.baseExtrinsic, max_extrinsic: limits.perClass.Normal.maxExtrinsic, max_total: limits.perClass.Normal.maxTotal, reserved: weight(0n) },
          operational: { base_extrinsic: limits.baseExtrinsic, max_extrinsic: limits.perClass.Operational.maxExtrinsic, max_total: limits.perClass.Operational.maxTotal, reserved: weight(C.MAXIMUM_BLOCK_WEIGHT - limits.perClass.Normal.maxTotal.ref_time, 0n) },
          mandatory: { base_extrinsic: limits.baseExtrinsic, max_extrinsic: undefined, max_total: undefined, reserved: undefined },
        },
      },
    },
    BlockLength: {
      ty: BlockLength, docs: ['The maximum length of a block (in bytes).'],
      value: { max: { normal: limits.perClass.Normal.maxLength, operational: C.MAXIMUM_BLOCK_LENGTH, mandatory: C.MAXIMUM_BLOCK_LENGTH } },
    },
    BlockHashCount: { ty: T.u32, value: C.BLOCK_HASH_COUNT, docs: ['Maximum number of block number to block hash mappings to keep (oldest pruned first).'] },
    DbWeight: { ty: RuntimeDbWeight, value: { read: C.DB_READ_WEIGHT, write: C.DB_WRITE_WEIGHT }, docs: ['The weight of runtime database operations the runtime can invoke.'] },
    Version: lazyConstant(RuntimeVersion, () => runtimeVersion(), ['Get the chain\'s in-code version.']),
    SS58Prefix: { ty: T.u16, value: C.SS58_PREFIX, docs: ['The designated SS58 prefix of this chain.'] },
  },
});

export type AccountIdBytes = Uint8Array;

export const account = (ext: Ext, who: AccountIdBytes): AccountInfo => system.storage.Account.get(ext, who);
export const setAccount = (ext: Ext, who: AccountIdBytes, info: AccountInfo): void => {
  // Substrate removes the entry once no provider or sufficient reference remains.
  if (info.providers === 0 && info.sufficients === 0) system.storage.Account.remove(ext, who);
  else system.storage.Account.set(ext, who, info);
};

export function depositExtrinsicResult(ext: Ext, info: DispatchInfoV, error?: DispatchErrorValue): void {
  if (error) system.deposit(ext, { tag: 'ExtrinsicFailed', value: { dispatch_error: error, dispatch_info: info } });
  else system.deposit(ext, { tag: 'ExtrinsicSuccess', value: { dispatch_info: info } });
}

/** Adds consumed weight of a class to BlockWeight. */
export function registerWeight(ext: Ext, cls: 'Normal' | 'Operational' | 'Mandatory', w: WeightV): void {
  const key = cls === 'Normal' ? 'normal' : cls === 'Operational' ? 'operational' : 'mandatory';
  system.storage.BlockWeight.mutate(ext, (cur) => ({ ...cur, [key]: addWeight(cur[key], w) }));
}

export { DispatchClass };
