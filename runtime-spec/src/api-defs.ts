// Types used by the runtime APIs (paths as in polkadot-sdk).
import * as T from './codec/types.ts';
import { UncheckedExtrinsicTy } from './extrinsic.ts';
import { DispatchClass, DispatchErrorTy, Header, Weight } from './primitives.ts';

const result = <A, B>(ok: T.Ty<A>, err: T.Ty<B>) => T.enumeration<{ tag: 'Ok'; value: A } | { tag: 'Err'; value: B }>(
  { path: ['Result'], params: [{ name: 'T', ty: ok }, { name: 'E', ty: err }] },
  { Ok: { fields: [ok] }, Err: { fields: [err] } },
);
export { result };

export const Block = T.struct({ path: ['sp_runtime', 'generic', 'block', 'Block'], params: [{ name: 'Header', ty: Header }, { name: 'Extrinsic', ty: UncheckedExtrinsicTy }] },
  { header: Header, extrinsics: T.vec(UncheckedExtrinsicTy) }, { header: 'Header', extrinsics: 'Vec<Extrinsic>' });
export const ExtrinsicInclusionMode = T.enumeration({ path: ['sp_runtime', 'ExtrinsicInclusionMode'] }, { AllExtrinsics: {}, OnlyInherents: {} });

export const InvalidTransaction = T.enumeration<{ tag: string; value: any }>({ path: ['sp_runtime', 'transaction_validity', 'InvalidTransaction'] }, {
  Call: {}, Payment: {}, Future: {}, Stale: {}, BadProof: {}, AncientBirthBlock: {}, ExhaustsResources: {},
  Custom: { fields: [T.u8] }, BadMandatory: {}, MandatoryValidation: {}, BadSigner: {}, IndeterminateImplicit: {}, UnknownOrigin: {},
});
export const UnknownTransaction = T.enumeration<{ tag: string; value: any }>({ path: ['sp_runtime', 'transaction_validity', 'UnknownTransaction'] }, {
  CannotLookup: {}, NoUnsignedValidator: {}, Custom: { fields: [T.u8] },
});
export const TransactionValidityErrorTy = T.enumeration<{ tag: 'Invalid' | 'Unknown'; value: { tag: string; value: any } }>(
  { path: ['sp_runtime', 'transaction_validity', 'TransactionValidityError'] },
  { Invalid: { fields: [InvalidTransaction] }, Unknown: { fields: [UnknownTransaction] } },
);
export const ValidTransactionTy = T.struct({ path: ['sp_runtime', 'transaction_validity', 'ValidTransaction'] }, {
  priority: T.u64, requires: T.vec(T.bytes), provides: T.vec(T.bytes), longevity: T.u64, propagate: T.bool,
}, { priority: 'TransactionPriority', requires: 'Vec<TransactionTag>', provides: 'Vec<TransactionTag>', longevity: 'TransactionLongevity' });
export const TransactionSourceTy = T.enumeration<{ tag: 'InBlock' | 'Local' | 'External'; value: undefined }>(
  { path: ['sp_runtime', 'transaction_validity', 'TransactionSource'] }, { InBlock: {}, Local: {}, External: {} },
);
export const TransactionValidity = result(ValidTransactionTy, TransactionValidityErrorTy);
export const ApplyExtrinsicResult = result(result(T.unit, DispatchErrorTy), TransactionValidityErrorTy);

const btreeMap = <K, V>(k: T.Ty<K>, v: T.Ty<V>) =>
  T.newtype({ path: ['BTreeMap'], params: [{ name: 'K', ty: k }, { name: 'V', ty: v }] }, T.vec(T.tuple(k, v)));
export const InherentData = T.struct({ path: ['sp_inherents', 'InherentData'] }, { data: btreeMap(T.fixed(8), T.bytes) }, { data: 'BTreeMap<InherentIdentifier, Vec<u8>>' });
export const CheckInherentsResult = T.struct({ path: ['sp_inherents', 'CheckInherentsResult'] }, { okay: T.bool, fatal_error: T.bool, errors: InherentData });

export const OpaqueMetadata = T.newtype({ path: ['sp_core', 'OpaqueMetadata'] }, T.bytes, 'Vec<u8>');
export const KeyTypeId = T.newtype({ path: ['sp_core', 'crypto', 'KeyTypeId'] }, T.fixed(4), '[u8; 4]');
export const OpaqueKeyOwnershipProof = T.newtype({ path: ['sp_consensus_grandpa', 'OpaqueKeyOwnershipProof'] }, T.bytes, 'Vec<u8>');

export const RuntimeDispatchInfo = T.struct({ path: ['pallet_transaction_payment', 'types', 'RuntimeDispatchInfo'], params: [{ name: 'Balance', ty: T.u128 }, { name: 'Weight', ty: Weight }] },
  { weight: Weight, class: DispatchClass, partial_fee: T.u128 }, { weight: 'Weight', class: 'DispatchClass', partial_fee: 'Balance' });
const InclusionFee = T.struct({ path: ['pallet_transaction_payment', 'types', 'InclusionFee'], params: [{ name: 'Balance', ty: T.u128 }] },
  { base_fee: T.u128, len_fee: T.u128, adjusted_weight_fee: T.u128 }, { base_fee: 'Balance', len_fee: 'Balance', adjusted_weight_fee: 'Balance' });
export const FeeDetails = T.struct({ path: ['pallet_transaction_payment', 'types', 'FeeDetails'], params: [{ name: 'Balance', ty: T.u128 }] },
  { inclusion_fee: T.option(InclusionFee), tip: T.u128 }, { inclusion_fee: 'Option<InclusionFee<Balance>>', tip: 'Balance' });
