// Standard Substrate types with the exact polkadot-sdk type paths clients key on.
import * as T from './codec/types.ts';

export const H256 = T.newtype({ path: ['primitive_types', 'H256'] }, T.fixed(32), '[u8; 32]');
export const AccountId = T.newtype({ path: ['sp_core', 'crypto', 'AccountId32'] }, T.fixed(32), '[u8; 32]');
export const Balance = T.u128;
export const BlockNumber = T.u32;
export const Nonce = T.u32;

export const MultiAddress = T.enumeration<
  | { tag: 'Id'; value: Uint8Array } | { tag: 'Index'; value: number } | { tag: 'Raw'; value: Uint8Array }
  | { tag: 'Address32'; value: Uint8Array } | { tag: 'Address20'; value: Uint8Array }
>({ path: ['sp_runtime', 'multiaddress', 'MultiAddress'], params: [{ name: 'AccountId', ty: AccountId }, { name: 'AccountIndex', ty: T.unit }] }, {
  Id: { fields: [AccountId] },
  Index: { fields: [T.lazy(() => CompactUnit)] },
  Raw: { fields: [T.bytes] },
  Address32: { fields: [T.fixed(32)] },
  Address20: { fields: [T.fixed(20)] },
});
// MultiAddress<AccountId, ()>: the Index variant carries Compact<()> as in the solochain template.
const CompactUnit: T.Ty<any> = { ...T.unit, def: () => ({ kind: 'compact', inner: T.unit }) };

export const Ed25519Signature = T.newtype({ path: ['sp_core', 'ed25519', 'Signature'] }, T.fixed(64), '[u8; 64]');
export const Sr25519Signature = T.newtype({ path: ['sp_core', 'sr25519', 'Signature'] }, T.fixed(64), '[u8; 64]');
export const EcdsaSignature = T.newtype({ path: ['sp_core', 'ecdsa', 'Signature'] }, T.fixed(65), '[u8; 65]');
export const MultiSignature = T.enumeration<{ tag: 'Ed25519' | 'Sr25519' | 'Ecdsa'; value: Uint8Array }>(
  { path: ['sp_runtime', 'MultiSignature'] },
  { Ed25519: { fields: [Ed25519Signature] }, Sr25519: { fields: [Sr25519Signature] }, Ecdsa: { fields: [EcdsaSignature] } },
);

export const Ed25519Public = T.newtype({ path: ['sp_core', 'ed25519', 'Public'] }, T.fixed(32), '[u8; 32]');
export const Sr25519Public = T.newtype({ path: ['sp_core', 'sr25519', 'Public'] }, T.fixed(32), '[u8; 32]');
export const AuraId = T.newtype({ path: ['sp_consensus_aura', 'sr25519', 'app_sr25519', 'Public'] }, Sr25519Public, 'sr25519::Public');
export const GrandpaId = T.newtype({ path: ['sp_consensus_grandpa', 'app', 'Public'] }, Ed25519Public, 'ed25519::Public');

export const Weight = T.struct({ path: ['sp_weights', 'weight_v2', 'Weight'] }, {
  ref_time: T.compact(T.u64), proof_size: T.compact(T.u64),
}, { ref_time: 'u64', proof_size: 'u64' });
export type Weight = T.FieldsOf<{ ref_time: T.Ty<bigint>; proof_size: T.Ty<bigint> }>;

export const DispatchClass = T.enumeration<{ tag: 'Normal' | 'Operational' | 'Mandatory'; value: undefined }>(
  { path: ['frame_support', 'dispatch', 'DispatchClass'] }, { Normal: {}, Operational: {}, Mandatory: {} },
);
export const Pays = T.enumeration<{ tag: 'Yes' | 'No'; value: undefined }>(
  { path: ['frame_support', 'dispatch', 'Pays'] }, { Yes: {}, No: {} },
);
export const DispatchInfo = T.struct({ path: ['frame_support', 'dispatch', 'DispatchInfo'] }, {
  weight: Weight, class: DispatchClass, pays_fee: Pays,
});
export type DispatchInfo = { weight: Weight; class: { tag: 'Normal' | 'Operational' | 'Mandatory'; value: undefined }; pays_fee: { tag: 'Yes' | 'No'; value: undefined } };

export const ModuleError = T.struct({ path: ['sp_runtime', 'ModuleError'] }, { index: T.u8, error: T.fixed(4) }, { index: 'u8', error: '[u8; MAX_MODULE_ERROR_ENCODED_SIZE]' });
const simple = (path: string[], names: string[]) =>
  T.enumeration<{ tag: string; value: undefined }>({ path }, Object.fromEntries(names.map((n) => [n, {}])));
export const TokenError = simple(['sp_runtime', 'TokenError'], ['FundsUnavailable', 'OnlyProvider', 'BelowMinimum', 'CannotCreate', 'UnknownAsset', 'Frozen', 'Unsupported', 'CannotCreateHold', 'NotExpendable', 'Blocked']);
export const ArithmeticError = simple(['sp_arithmetic', 'ArithmeticError'], ['Underflow', 'Overflow', 'DivisionByZero']);
export const TransactionalError = simple(['sp_runtime', 'TransactionalError'], ['LimitReached', 'NoLayer']);

export type DispatchErrorValue =
  | { tag: 'Other' | 'CannotLookup' | 'BadOrigin' | 'ConsumerRemaining' | 'NoProviders' | 'TooManyConsumers' | 'Exhausted' | 'Corruption' | 'Unavailable' | 'RootNotAllowed'; value: undefined }
  | { tag: 'Module'; value: { index: number; error: Uint8Array } }
  | { tag: 'Token' | 'Arithmetic' | 'Transactional'; value: { tag: string; value: undefined } };
export const DispatchErrorTy = T.enumeration<DispatchErrorValue>({ path: ['sp_runtime', 'DispatchError'] }, {
  Other: {}, CannotLookup: {}, BadOrigin: {}, Module: { fields: [ModuleError] }, ConsumerRemaining: {},
  NoProviders: {}, TooManyConsumers: {}, Token: { fields: [TokenError] }, Arithmetic: { fields: [ArithmeticError] },
  Transactional: { fields: [TransactionalError] }, Exhausted: {}, Corruption: {}, Unavailable: {}, RootNotAllowed: {},
});

export const DigestItem = T.enumeration<
  | { tag: 'PreRuntime' | 'Consensus' | 'Seal'; value: [Uint8Array, Uint8Array] }
  | { tag: 'Other'; value: Uint8Array } | { tag: 'RuntimeEnvironmentUpdated'; value: undefined }
>({ path: ['sp_runtime', 'generic', 'digest', 'DigestItem'] }, {
  PreRuntime: { index: 6, fields: [T.fixed(4), T.bytes] },
  Consensus: { index: 4, fields: [T.fixed(4), T.bytes] },
  Seal: { index: 5, fields: [T.fixed(4), T.bytes] },
  Other: { index: 0, fields: [T.bytes] },
  RuntimeEnvironmentUpdated: { index: 8 },
});
export type DigestItemValue = ReturnType<typeof DigestItem.codec.dec>;
export const Digest = T.struct({ path: ['sp_runtime', 'generic', 'digest', 'Digest'] }, { logs: T.vec(DigestItem) });

export const Header = T.struct({ path: ['sp_runtime', 'generic', 'header', 'Header'], params: [{ name: 'Number', ty: T.u32 }] }, {
  parent_hash: H256, number: T.compact(T.u32), state_root: H256, extrinsics_root: H256, digest: Digest,
}, { parent_hash: 'Hash::Output', number: 'Number', state_root: 'Hash::Output', extrinsics_root: 'Hash::Output' });
export type Header = ReturnType<typeof Header.codec.dec>;

/** Era: 256 variants Immortal, Mortal1..Mortal255 (the first byte), as scale-info describes it. */
export const Era: T.Ty<Uint8Array> = (() => {
  const variants: T.VariantDef[] = [{ name: 'Immortal', index: 0, fields: [] }];
  for (let i = 1; i < 256; i++) variants.push({ name: `Mortal${i}`, index: i, fields: [{ ty: T.u8 }] });
  const codec = T.fixed(0).codec; // placeholder: eras are parsed by the extrinsic decoder
  return { codec, path: ['sp_runtime', 'generic', 'era', 'Era'], params: [], docs: [], def: () => ({ kind: 'variant', variants }) };
})();

export const RuntimeVersion = T.struct({ path: ['sp_version', 'RuntimeVersion'] }, {
  spec_name: T.str, impl_name: T.str, authoring_version: T.u32, spec_version: T.u32, impl_version: T.u32,
  apis: T.vec(T.tuple(T.fixed(8), T.u32)), transaction_version: T.u32, system_version: T.u8,
}, { spec_name: 'Cow<\'static, str>', impl_name: 'Cow<\'static, str>', apis: 'ApisVec' });
export type RuntimeVersion = ReturnType<typeof RuntimeVersion.codec.dec>;

export const OpaqueExtrinsic = T.newtype({ path: ['sp_runtime', 'OpaqueExtrinsic'] }, T.bytes, 'Vec<u8>');
