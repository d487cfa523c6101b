// Auto-generated via `yarn polkadot-types-from-defs`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/types/lookup';

import type { BTreeMap, Bytes, Compact, Enum, Null, Option, Result, Struct, Text, U8aFixed, Vec, bool, u128, u16, u32, u64, u8 } from '@polkadot/types-codec';
import type { ITuple } from '@polkadot/types-codec/types';
import type { AccountId32, Call, H256, MultiAddress } from '@polkadot/types/interfaces/runtime';
import type { Event } from '@polkadot/types/interfaces/system';

declare module '@polkadot/types/lookup' {
  /** @name PalletBalancesAccountData (5) */
  interface PalletBalancesAccountData extends Struct {
    readonly free: u128;
    readonly reserved: u128;
    readonly frozen: u128;
    readonly flags: u128;
  }

  /** @name FrameSystemAccountInfo (7) */
  interface FrameSystemAccountInfo extends Struct {
    readonly nonce: u32;
    readonly consumers: u32;
    readonly providers: u32;
    readonly sufficients: u32;
    readonly data: PalletBalancesAccountData;
  }

  /** @name SpWeightsWeightV2Weight (8) */
  interface SpWeightsWeightV2Weight extends Struct {
    readonly refTime: Compact<u64>;
    readonly proofSize: Compact<u64>;
  }

  /** @name FrameSupportDispatchPerDispatchClassWeight (11) */
  interface FrameSupportDispatchPerDispatchClassWeight extends Struct {
    readonly normal: SpWeightsWeightV2Weight;
    readonly operational: SpWeightsWeightV2Weight;
    readonly mandatory: SpWeightsWeightV2Weight;
  }

  /** @name SpRuntimeDigest (13) */
  interface SpRuntimeDigest extends Struct {
    readonly logs: Vec<SpRuntimeDigestDigestItem>;
  }

  /** @name SpRuntimeDigestDigestItem (14) */
  interface SpRuntimeDigestDigestItem extends Enum {
    readonly isOther: boolean;
    readonly asOther: Bytes;
    readonly isConsensus: boolean;
    readonly asConsensus: ITuple<[U8aFixed, Bytes]>;
    readonly isSeal: boolean;
    readonly asSeal: ITuple<[U8aFixed, Bytes]>;
    readonly isPreRuntime: boolean;
    readonly asPreRuntime: ITuple<[U8aFixed, Bytes]>;
    readonly isRuntimeEnvironmentUpdated: boolean;
    readonly type: 'Other' | 'Consensus' | 'Seal' | 'PreRuntime' | 'RuntimeEnvironmentUpdated';
  }

  /** @name FrameSystemEvent (19) */
  interface FrameSystemEvent extends Enum {
    readonly isExtrinsicSuccess: boolean;
    readonly asExtrinsicSuccess: {
      readonly dispatchInfo: FrameSupportDispatchDispatchInfo;
    } & Struct;
    readonly isExtrinsicFailed: boolean;
    readonly asExtrinsicFailed: {
      readonly dispatchError: SpRuntimeDispatchError;
      readonly dispatchInfo: FrameSupportDispatchDispatchInfo;
    } & Struct;
    readonly isCodeUpdated: boolean;
    readonly isNewAccount: boolean;
    readonly asNewAccount: {
      readonly account: AccountId32;
    } & Struct;
    readonly isKilledAccount: boolean;
    readonly asKilledAccount: {
      readonly account: AccountId32;
    } & Struct;
    readonly isRemarked: boolean;
    readonly asRemarked: {
      readonly sender: AccountId32;
      readonly hash_: H256;
    } & Struct;
    readonly type: 'ExtrinsicSuccess' | 'ExtrinsicFailed' | 'CodeUpdated' | 'NewAccount' | 'KilledAccount' | 'Remarked';
  }

  /** @name FrameSupportDispatchDispatchInfo (20) */
  interface FrameSupportDispatchDispatchInfo extends Struct {
    readonly weight: SpWeightsWeightV2Weight;
    readonly class: FrameSupportDispatchDispatchClass;
    readonly paysFee: FrameSupportDispatchPays;
  }

  /** @name FrameSupportDispatchDispatchClass (21) */
  interface FrameSupportDispatchDispatchClass extends Enum {
    readonly isNormal: boolean;
    readonly isOperational: boolean;
    readonly isMandatory: boolean;
    readonly type: 'Normal' | 'Operational' | 'Mandatory';
  }

  /** @name FrameSupportDispatchPays (22) */
  interface FrameSupportDispatchPays extends Enum {
    readonly isYes: boolean;
    readonly isNo: boolean;
    readonly type: 'Yes' | 'No';
  }

  /** @name SpRuntimeDispatchError (23) */
  interface SpRuntimeDispatchError extends Enum {
    readonly isOther: boolean;
    readonly isCannotLookup: boolean;
    readonly isBadOrigin: boolean;
    readonly isModule: boolean;
    readonly asModule: SpRuntimeModuleError;
    readonly isConsumerRemaining: boolean;
    readonly isNoProviders: boolean;
    readonly isTooManyConsumers: boolean;
    readonly isToken: boolean;
    readonly asToken: SpRuntimeTokenError;
    readonly isArithmetic: boolean;
    readonly asArithmetic: SpArithmeticArithmeticError;
    readonly isTransactional: boolean;
    readonly asTransactional: SpRuntimeTransactionalError;
    readonly isExhausted: boolean;
    readonly isCorruption: boolean;
    readonly isUnavailable: boolean;
    readonly isRootNotAllowed: boolean;
    readonly type: 'Other' | 'CannotLookup' | 'BadOrigin' | 'Module' | 'ConsumerRemaining' | 'NoProviders' | 'TooManyConsumers' | 'Token' | 'Arithmetic' | 'Transactional' | 'Exhausted' | 'Corruption' | 'Unavailable' | 'RootNotAllowed';
  }

  /** @name SpRuntimeModuleError (24) */
  interface SpRuntimeModuleError extends Struct {
    readonly index: u8;
    readonly error: U8aFixed;
  }

  /** @name SpRuntimeTokenError (25) */
  interface SpRuntimeTokenError extends Enum {
    readonly isFundsUnavailable: boolean;
    readonly isOnlyProvider: boolean;
    readonly isBelowMinimum: boolean;
    readonly isCannotCreate: boolean;
    readonly isUnknownAsset: boolean;
    readonly isFrozen: boolean;
    readonly isUnsupported: boolean;
    readonly isCannotCreateHold: boolean;
    readonly isNotExpendable: boolean;
    readonly isBlocked: boolean;
    readonly type: 'FundsUnavailable' | 'OnlyProvider' | 'BelowMinimum' | 'CannotCreate' | 'UnknownAsset' | 'Frozen' | 'Unsupported' | 'CannotCreateHold' | 'NotExpendable' | 'Blocked';
  }

  /** @name SpArithmeticArithmeticError (26) */
  interface SpArithmeticArithmeticError extends Enum {
    readonly isUnderflow: boolean;
    readonly isOverflow: boolean;
    readonly isDivisionByZero: boolean;
    readonly type: 'Underflow' | 'Overflow' | 'DivisionByZero';
  }

  /** @name SpRuntimeTransactionalError (27) */
  interface SpRuntimeTransactionalError extends Enum {
    readonly isLimitReached: boolean;
    readonly isNoLayer: boolean;
    readonly type: 'LimitReached' | 'NoLayer';
  }

  /** @name PalletGrandpaEvent (28) */
  interface PalletGrandpaEvent extends Enum {
    readonly isNewAuthorities: boolean;
    readonly asNewAuthorities: {
      readonly authoritySet: Vec<ITuple<[SpConsensusGrandpaAppPublic, u64]>>;
    } & Struct;
    readonly isPaused: boolean;
    readonly isResumed: boolean;
    readonly type: 'NewAuthorities' | 'Paused' | 'Resumed';
  }

  /** @name SpConsensusGrandpaAppPublic (29) */
  interface SpConsensusGrandpaAppPublic extends SpCoreEd25519Public {}

  /** @name SpCoreEd25519Public (30) */
  interface SpCoreEd25519Public extends U8aFixed {}

  /** @name PalletBalancesEvent (33) */
  interface PalletBalancesEvent extends Enum {
    readonly isEndowed: boolean;
    readonly asEndowed: {
      readonly account: AccountId32;
      readonly freeBalance: u128;
    } & Struct;
    readonly isDustLost: boolean;
    readonly asDustLost: {
      readonly account: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isTransfer: boolean;
    readonly asTransfer: {
      readonly from: AccountId32;
      readonly to: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isBalanceSet: boolean;
    readonly asBalanceSet: {
      readonly who: AccountId32;
      readonly free: u128;
    } & Struct;
    readonly isReserved: boolean;
    readonly asReserved: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isUnreserved: boolean;
    readonly asUnreserved: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isReserveRepatriated: boolean;
    readonly asReserveRepatriated: {
      readonly from: AccountId32;
      readonly to: AccountId32;
      readonly amount: u128;
      readonly destinationStatus: FrameSupportTokensMiscBalanceStatus;
    } & Struct;
    readonly isDeposit: boolean;
    readonly asDeposit: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isWithdraw: boolean;
    readonly asWithdraw: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isSlashed: boolean;
    readonly asSlashed: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isMinted: boolean;
    readonly asMinted: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isMintedCredit: boolean;
    readonly asMintedCredit: {
      readonly amount: u128;
    } & Struct;
    readonly isBurned: boolean;
    readonly asBurned: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isBurnedDebt: boolean;
    readonly asBurnedDebt: {
      readonly amount: u128;
    } & Struct;
    readonly isSuspended: boolean;
    readonly asSuspended: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isRestored: boolean;
    readonly asRestored: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isUpgraded: boolean;
    readonly asUpgraded: {
      readonly who: AccountId32;
    } & Struct;
    readonly isIssued: boolean;
    readonly asIssued: {
      readonly amount: u128;
    } & Struct;
    readonly isRescinded: boolean;
    readonly asRescinded: {
      readonly amount: u128;
    } & Struct;
    readonly isLocked: boolean;
    readonly asLocked: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isUnlocked: boolean;
    readonly asUnlocked: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isFrozen: boolean;
    readonly asFrozen: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isThawed: boolean;
    readonly asThawed: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isTotalIssuanceForced: boolean;
    readonly asTotalIssuanceForced: {
      readonly old: u128;
      readonly new_: u128;
    } & Struct;
    readonly isHeld: boolean;
    readonly asHeld: {
      readonly reason: SlmnetRuntimeRuntimeHoldReason;
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isBurnedHeld: boolean;
    readonly asBurnedHeld: {
      readonly reason: SlmnetRuntimeRuntimeHoldReason;
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isTransferOnHold: boolean;
    readonly asTransferOnHold: {
      readonly reason: SlmnetRuntimeRuntimeHoldReason;
      readonly source: AccountId32;
      readonly dest: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isTransferAndHold: boolean;
    readonly asTransferAndHold: {
      readonly reason: SlmnetRuntimeRuntimeHoldReason;
      readonly source: AccountId32;
      readonly dest: AccountId32;
      readonly transferred: u128;
    } & Struct;
    readonly isReleased: boolean;
    readonly asReleased: {
      readonly reason: SlmnetRuntimeRuntimeHoldReason;
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isUnexpected: boolean;
    readonly asUnexpected: PalletBalancesUnexpectedKind;
    readonly type: 'Endowed' | 'DustLost' | 'Transfer' | 'BalanceSet' | 'Reserved' | 'Unreserved' | 'ReserveRepatriated' | 'Deposit' | 'Withdraw' | 'Slashed' | 'Minted' | 'MintedCredit' | 'Burned' | 'BurnedDebt' | 'Suspended' | 'Restored' | 'Upgraded' | 'Issued' | 'Rescinded' | 'Locked' | 'Unlocked' | 'Frozen' | 'Thawed' | 'TotalIssuanceForced' | 'Held' | 'BurnedHeld' | 'TransferOnHold' | 'TransferAndHold' | 'Released' | 'Unexpected';
  }

  /** @name FrameSupportTokensMiscBalanceStatus (34) */
  interface FrameSupportTokensMiscBalanceStatus extends Enum {
    readonly isFree: boolean;
    readonly isReserved: boolean;
    readonly type: 'Free' | 'Reserved';
  }

  /** @name SlmnetRuntimeRuntimeHoldReason (35) */
  interface SlmnetRuntimeRuntimeHoldReason extends Enum {
    readonly isDatanets: boolean;
    readonly asDatanets: PalletDatanetsHoldReason;
    readonly isModels: boolean;
    readonly asModels: PalletModelsHoldReason;
    readonly isAttribution: boolean;
    readonly asAttribution: PalletAttributionHoldReason;
    readonly isNodeRewards: boolean;
    readonly asNodeRewards: PalletNodeRewardsHoldReason;
    readonly type: 'Datanets' | 'Models' | 'Attribution' | 'NodeRewards';
  }

  /** @name PalletDatanetsHoldReason (36) */
  interface PalletDatanetsHoldReason extends Enum {
    readonly isContributionDeposit: boolean;
    readonly type: 'ContributionDeposit';
  }

  /** @name PalletModelsHoldReason (37) */
  interface PalletModelsHoldReason extends Enum {
    readonly isInferenceFee: boolean;
    readonly type: 'InferenceFee';
  }

  /** @name PalletAttributionHoldReason (38) */
  interface PalletAttributionHoldReason extends Enum {
    readonly isAttestorBond: boolean;
    readonly type: 'AttestorBond';
  }

  /** @name PalletNodeRewardsHoldReason (39) */
  interface PalletNodeRewardsHoldReason extends Enum {
    readonly isNodeBond: boolean;
    readonly type: 'NodeBond';
  }

  /** @name PalletBalancesUnexpectedKind (40) */
  interface PalletBalancesUnexpectedKind extends Enum {
    readonly isBalanceUpdated: boolean;
    readonly isFailedToMutateAccount: boolean;
    readonly type: 'BalanceUpdated' | 'FailedToMutateAccount';
  }

  /** @name PalletTransactionPaymentEvent (41) */
  interface PalletTransactionPaymentEvent extends Enum {
    readonly isTransactionFeePaid: boolean;
    readonly asTransactionFeePaid: {
      readonly who: AccountId32;
      readonly actualFee: u128;
      readonly tip: u128;
    } & Struct;
    readonly type: 'TransactionFeePaid';
  }

  /** @name PalletSudoEvent (42) */
  interface PalletSudoEvent extends Enum {
    readonly isSudid: boolean;
    readonly asSudid: {
      readonly sudoResult: Result<Null, SpRuntimeDispatchError>;
    } & Struct;
    readonly isKeyChanged: boolean;
    readonly asKeyChanged: {
      readonly old: Option<AccountId32>;
      readonly new_: AccountId32;
    } & Struct;
    readonly isKeyRemoved: boolean;
    readonly isSudoAsDone: boolean;
    readonly asSudoAsDone: {
      readonly sudoResult: Result<Null, SpRuntimeDispatchError>;
    } & Struct;
    readonly type: 'Sudid' | 'KeyChanged' | 'KeyRemoved' | 'SudoAsDone';
  }

  /** @name PalletUtilityEvent (46) */
  interface PalletUtilityEvent extends Enum {
    readonly isBatchInterrupted: boolean;
    readonly asBatchInterrupted: {
      readonly index: u32;
      readonly error: SpRuntimeDispatchError;
    } & Struct;
    readonly isBatchCompleted: boolean;
    readonly isBatchCompletedWithErrors: boolean;
    readonly isItemCompleted: boolean;
    readonly isItemFailed: boolean;
    readonly asItemFailed: {
      readonly error: SpRuntimeDispatchError;
    } & Struct;
    readonly isDispatchedAs: boolean;
    readonly asDispatchedAs: {
      readonly result: Result<Null, SpRuntimeDispatchError>;
    } & Struct;
    readonly type: 'BatchInterrupted' | 'BatchCompleted' | 'BatchCompletedWithErrors' | 'ItemCompleted' | 'ItemFailed' | 'DispatchedAs';
  }

  /** @name PalletDatanetsEvent (47) */
  interface PalletDatanetsEvent extends Enum {
    readonly isDatanetCreated: boolean;
    readonly asDatanetCreated: {
      readonly datanet: u32;
      readonly owner: AccountId32;
      readonly kind: PalletDatanetsDataKind;
      readonly name: Bytes;
    } & Struct;
    readonly isDatanetUpdated: boolean;
    readonly asDatanetUpdated: {
      readonly datanet: u32;
    } & Struct;
    readonly isCuratorAdded: boolean;
    readonly asCuratorAdded: {
      readonly datanet: u32;
      readonly curator: AccountId32;
    } & Struct;
    readonly isCuratorRemoved: boolean;
    readonly asCuratorRemoved: {
      readonly datanet: u32;
      readonly curator: AccountId32;
    } & Struct;
    readonly isPolicySet: boolean;
    readonly asPolicySet: {
      readonly datanet: u32;
      readonly policy: PalletDatanetsPolicy;
    } & Struct;
    readonly isAllowListUpdated: boolean;
    readonly asAllowListUpdated: {
      readonly datanet: u32;
      readonly who: AccountId32;
      readonly allowed: bool;
    } & Struct;
    readonly isDatanetFrozen: boolean;
    readonly asDatanetFrozen: {
      readonly datanet: u32;
    } & Struct;
    readonly isDatanetThawed: boolean;
    readonly asDatanetThawed: {
      readonly datanet: u32;
    } & Struct;
    readonly isContributionSubmitted: boolean;
    readonly asContributionSubmitted: {
      readonly contribution: u64;
      readonly datanet: u32;
      readonly contributor: AccountId32;
      readonly contentHash: H256;
      readonly size_: u32;
      readonly deposit: u128;
    } & Struct;
    readonly isContributionAccepted: boolean;
    readonly asContributionAccepted: {
      readonly contribution: u64;
      readonly datanet: u32;
      readonly reviewer: AccountId32;
      readonly quality: u8;
    } & Struct;
    readonly isContributionRejected: boolean;
    readonly asContributionRejected: {
      readonly contribution: u64;
      readonly datanet: u32;
      readonly reviewer: AccountId32;
      readonly reason: u8;
      readonly forfeited: u128;
    } & Struct;
    readonly isContributionWithdrawn: boolean;
    readonly asContributionWithdrawn: {
      readonly contribution: u64;
      readonly datanet: u32;
      readonly refunded: u128;
    } & Struct;
    readonly isContributionRevoked: boolean;
    readonly asContributionRevoked: {
      readonly contribution: u64;
      readonly datanet: u32;
    } & Struct;
    readonly isVersionPublished: boolean;
    readonly asVersionPublished: {
      readonly datanet: u32;
      readonly version: u32;
      readonly root: H256;
      readonly count: u32;
      readonly bytes: u64;
    } & Struct;
    readonly isParamsSet: boolean;
    readonly asParamsSet: {
      readonly params: PalletDatanetsParams;
    } & Struct;
    readonly type: 'DatanetCreated' | 'DatanetUpdated' | 'CuratorAdded' | 'CuratorRemoved' | 'PolicySet' | 'AllowListUpdated' | 'DatanetFrozen' | 'DatanetThawed' | 'ContributionSubmitted' | 'ContributionAccepted' | 'ContributionRejected' | 'ContributionWithdrawn' | 'ContributionRevoked' | 'VersionPublished' | 'ParamsSet';
  }

  /** @name PalletDatanetsDataKind (48) */
  interface PalletDatanetsDataKind extends Enum {
    readonly isText: boolean;
    readonly isCode: boolean;
    readonly isImage: boolean;
    readonly isAudio: boolean;
    readonly isTabular: boolean;
    readonly isOther: boolean;
    readonly type: 'Text' | 'Code' | 'Image' | 'Audio' | 'Tabular' | 'Other';
  }

  /** @name PalletDatanetsPolicy (49) */
  interface PalletDatanetsPolicy extends Enum {
    readonly isOpen: boolean;
    readonly isPermissioned: boolean;
    readonly type: 'Open' | 'Permissioned';
  }

  /** @name PalletDatanetsParams (51) */
  interface PalletDatanetsParams extends Struct {
    readonly rejectForfeitPpm: u32;
    readonly minContributionDeposit: u128;
  }

  /** @name PalletModelsEvent (52) */
  interface PalletModelsEvent extends Enum {
    readonly isModelRegistered: boolean;
    readonly asModelRegistered: {
      readonly model: u32;
      readonly developer: AccountId32;
      readonly kind: PalletModelsModelKind;
      readonly name: Bytes;
    } & Struct;
    readonly isPricingUpdated: boolean;
    readonly asPricingUpdated: {
      readonly model: u32;
      readonly pricing: PalletModelsPricing;
      readonly split: PalletModelsFeeSplit;
    } & Struct;
    readonly isOperatorsSet: boolean;
    readonly asOperatorsSet: {
      readonly model: u32;
      readonly operators: Vec<AccountId32>;
    } & Struct;
    readonly isModelStatusChanged: boolean;
    readonly asModelStatusChanged: {
      readonly model: u32;
      readonly status: PalletModelsModelStatus;
    } & Struct;
    readonly isInferenceRequested: boolean;
    readonly asInferenceRequested: {
      readonly inference: u64;
      readonly model: u32;
      readonly consumer: AccountId32;
      readonly inputHash: H256;
      readonly maxFee: u128;
    } & Struct;
    readonly isOutputSubmitted: boolean;
    readonly asOutputSubmitted: {
      readonly inference: u64;
      readonly operator: AccountId32;
      readonly outputHash: H256;
      readonly tokensIn: u32;
      readonly tokensOut: u32;
      readonly fee: u128;
      readonly refunded: u128;
    } & Struct;
    readonly isInferenceRefunded: boolean;
    readonly asInferenceRefunded: {
      readonly inference: u64;
      readonly consumer: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isInferenceSettled: boolean;
    readonly asInferenceSettled: {
      readonly inference: u64;
      readonly fee: u128;
      readonly developer: u128;
      readonly contributors: u128;
      readonly protocol: u128;
      readonly fallback: bool;
    } & Struct;
    readonly isContributorRewarded: boolean;
    readonly asContributorRewarded: {
      readonly inference: u64;
      readonly contribution: u64;
      readonly contributor: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isRewardsClaimed: boolean;
    readonly asRewardsClaimed: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isParamsSet: boolean;
    readonly asParamsSet: {
      readonly params: PalletModelsParams;
    } & Struct;
    readonly type: 'ModelRegistered' | 'PricingUpdated' | 'OperatorsSet' | 'ModelStatusChanged' | 'InferenceRequested' | 'OutputSubmitted' | 'InferenceRefunded' | 'InferenceSettled' | 'ContributorRewarded' | 'RewardsClaimed' | 'ParamsSet';
  }

  /** @name PalletModelsModelKind (53) */
  interface PalletModelsModelKind extends Enum {
    readonly isInfiniGramV1: boolean;
    readonly isExternal: boolean;
    readonly type: 'InfiniGramV1' | 'External';
  }

  /** @name PalletModelsPricing (54) */
  interface PalletModelsPricing extends Struct {
    readonly baseFee: u128;
    readonly perTokenFee: u128;
  }

  /** @name PalletModelsFeeSplit (55) */
  interface PalletModelsFeeSplit extends Struct {
    readonly developerPpm: u32;
    readonly contributorsPpm: u32;
    readonly protocolPpm: u32;
  }

  /** @name PalletModelsModelStatus (57) */
  interface PalletModelsModelStatus extends Enum {
    readonly isActive: boolean;
    readonly isPaused: boolean;
    readonly isRetired: boolean;
    readonly type: 'Active' | 'Paused' | 'Retired';
  }

  /** @name PalletModelsParams (58) */
  interface PalletModelsParams extends Struct {
    readonly outputTimeout: u32;
    readonly attestationTimeout: u32;
    readonly contributorsFloorPpm: u32;
  }

  /** @name PalletAttributionEvent (59) */
  interface PalletAttributionEvent extends Enum {
    readonly isAttestorBonded: boolean;
    readonly asAttestorBonded: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isAttestorUnbonded: boolean;
    readonly asAttestorUnbonded: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isAttributionAttested: boolean;
    readonly asAttributionAttested: {
      readonly inference: u64;
      readonly attestor: AccountId32;
      readonly resultHash: H256;
    } & Struct;
    readonly isAttributionFinalized: boolean;
    readonly asAttributionFinalized: {
      readonly inference: u64;
      readonly resultHash: H256;
      readonly entries_: u32;
      readonly attestations: u32;
    } & Struct;
    readonly isAttributionDisputed: boolean;
    readonly asAttributionDisputed: {
      readonly inference: u64;
      readonly attestations: u32;
    } & Struct;
    readonly isAttestorSlashed: boolean;
    readonly asAttestorSlashed: {
      readonly inference: u64;
      readonly attestor: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isContributionAttributed: boolean;
    readonly asContributionAttributed: {
      readonly inference: u64;
      readonly contribution: u64;
      readonly weightPpm: u32;
      readonly amount: u128;
    } & Struct;
    readonly isParamsSet: boolean;
    readonly asParamsSet: {
      readonly params: PalletAttributionParams;
    } & Struct;
    readonly type: 'AttestorBonded' | 'AttestorUnbonded' | 'AttributionAttested' | 'AttributionFinalized' | 'AttributionDisputed' | 'AttestorSlashed' | 'ContributionAttributed' | 'ParamsSet';
  }

  /** @name PalletAttributionParams (60) */
  interface PalletAttributionParams extends Struct {
    readonly minBond: u128;
    readonly slashPpm: u32;
  }

  /** @name PalletNodeRewardsEvent (61) */
  interface PalletNodeRewardsEvent extends Enum {
    readonly isNodeRegistered: boolean;
    readonly asNodeRegistered: {
      readonly node: u32;
      readonly operator: AccountId32;
      readonly kind: PalletNodeRewardsNodeKind;
      readonly peerId: Bytes;
      readonly bond: u128;
    } & Struct;
    readonly isHeartbeat: boolean;
    readonly asHeartbeat: {
      readonly node: u32;
      readonly era: u32;
      readonly points: u32;
    } & Struct;
    readonly isBondIncreased: boolean;
    readonly asBondIncreased: {
      readonly node: u32;
      readonly amount: u128;
      readonly bond: u128;
    } & Struct;
    readonly isUnbonded: boolean;
    readonly asUnbonded: {
      readonly node: u32;
      readonly operator: AccountId32;
      readonly bond: u128;
      readonly until: u32;
    } & Struct;
    readonly isWithdrawn: boolean;
    readonly asWithdrawn: {
      readonly node: u32;
      readonly operator: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isAuthorRewarded: boolean;
    readonly asAuthorRewarded: {
      readonly author: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isEraPaid: boolean;
    readonly asEraPaid: {
      readonly era: u32;
      readonly total: u128;
      readonly nodes: u32;
      readonly points: u64;
    } & Struct;
    readonly isNodeRewarded: boolean;
    readonly asNodeRewarded: {
      readonly era: u32;
      readonly node: u32;
      readonly operator: AccountId32;
      readonly points: u32;
      readonly amount: u128;
    } & Struct;
    readonly isRewardsClaimed: boolean;
    readonly asRewardsClaimed: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isParamsSet: boolean;
    readonly asParamsSet: {
      readonly params: PalletNodeRewardsParams;
    } & Struct;
    readonly isChallengeIssued: boolean;
    readonly asChallengeIssued: {
      readonly challenge: u64;
      readonly node: u32;
      readonly contribution: u64;
      readonly contentHash: H256;
      readonly chunk: u32;
      readonly deadline: u32;
    } & Struct;
    readonly isChallengeAnswered: boolean;
    readonly asChallengeAnswered: {
      readonly challenge: u64;
      readonly node: u32;
    } & Struct;
    readonly isChallengeMissed: boolean;
    readonly asChallengeMissed: {
      readonly challenge: u64;
      readonly node: u32;
      readonly pointsLost: u32;
    } & Struct;
    readonly type: 'NodeRegistered' | 'Heartbeat' | 'BondIncreased' | 'Unbonded' | 'Withdrawn' | 'AuthorRewarded' | 'EraPaid' | 'NodeRewarded' | 'RewardsClaimed' | 'ParamsSet' | 'ChallengeIssued' | 'ChallengeAnswered' | 'ChallengeMissed';
  }

  /** @name PalletNodeRewardsNodeKind (62) */
  interface PalletNodeRewardsNodeKind extends Enum {
    readonly isStorage: boolean;
    readonly isCompute: boolean;
    readonly isValidator: boolean;
    readonly type: 'Storage' | 'Compute' | 'Validator';
  }

  /** @name PalletNodeRewardsParams (63) */
  interface PalletNodeRewardsParams extends Struct {
    readonly minBond: u128;
    readonly heartbeatInterval: u32;
    readonly maxPointsPerDay: u32;
    readonly blocksPerDay: u32;
    readonly eraLength: u32;
    readonly emissionPerBlock: u128;
    readonly authorSharePpm: u32;
    readonly unbondingPeriod: u32;
    readonly challengePeriod: u32;
    readonly challengeWindow: u32;
    readonly challengePenalty: u32;
  }

  /** @name FrameSystemEventRecord (64) */
  interface FrameSystemEventRecord extends Struct {
    readonly phase: FrameSystemPhase;
    readonly event: Event;
    readonly topics: Vec<H256>;
  }

  /** @name FrameSystemPhase (65) */
  interface FrameSystemPhase extends Enum {
    readonly isApplyExtrinsic: boolean;
    readonly asApplyExtrinsic: u32;
    readonly isFinalization: boolean;
    readonly isInitialization: boolean;
    readonly type: 'ApplyExtrinsic' | 'Finalization' | 'Initialization';
  }

  /** @name FrameSystemLimitsBlockWeights (68) */
  interface FrameSystemLimitsBlockWeights extends Struct {
    readonly baseBlock: SpWeightsWeightV2Weight;
    readonly maxBlock: SpWeightsWeightV2Weight;
    readonly perClass: FrameSupportDispatchPerDispatchClassWeightsPerClass;
  }

  /** @name FrameSystemLimitsWeightsPerClass (69) */
  interface FrameSystemLimitsWeightsPerClass extends Struct {
    readonly baseExtrinsic: SpWeightsWeightV2Weight;
    readonly maxExtrinsic: Option<SpWeightsWeightV2Weight>;
    readonly maxTotal: Option<SpWeightsWeightV2Weight>;
    readonly reserved: Option<SpWeightsWeightV2Weight>;
  }

  /** @name FrameSupportDispatchPerDispatchClassWeightsPerClass (71) */
  interface FrameSupportDispatchPerDispatchClassWeightsPerClass extends Struct {
    readonly normal: FrameSystemLimitsWeightsPerClass;
    readonly operational: FrameSystemLimitsWeightsPerClass;
    readonly mandatory: FrameSystemLimitsWeightsPerClass;
  }

  /** @name FrameSystemLimitsBlockLength (72) */
  interface FrameSystemLimitsBlockLength extends Struct {
    readonly max: FrameSupportDispatchPerDispatchClassU32;
  }

  /** @name FrameSupportDispatchPerDispatchClassU32 (73) */
  interface FrameSupportDispatchPerDispatchClassU32 extends Struct {
    readonly normal: u32;
    readonly operational: u32;
    readonly mandatory: u32;
  }

  /** @name SpWeightsRuntimeDbWeight (74) */
  interface SpWeightsRuntimeDbWeight extends Struct {
    readonly read: u64;
    readonly write: u64;
  }

  /** @name SpVersionRuntimeVersion (75) */
  interface SpVersionRuntimeVersion extends Struct {
    readonly specName: Text;
    readonly implName: Text;
    readonly authoringVersion: u32;
    readonly specVersion: u32;
    readonly implVersion: u32;
    readonly apis: Vec<ITuple<[U8aFixed, u32]>>;
    readonly transactionVersion: u32;
    readonly systemVersion: u8;
  }

  /** @name FrameSystemCall (81) */
  interface FrameSystemCall extends Enum {
    readonly isRemark: boolean;
    readonly asRemark: {
      readonly remark: Bytes;
    } & Struct;
    readonly isSetStorage: boolean;
    readonly asSetStorage: {
      readonly items: Vec<ITuple<[Bytes, Bytes]>>;
    } & Struct;
    readonly isKillStorage: boolean;
    readonly asKillStorage: {
      readonly keys_: Vec<Bytes>;
    } & Struct;
    readonly isRemarkWithEvent: boolean;
    readonly asRemarkWithEvent: {
      readonly remark: Bytes;
    } & Struct;
    readonly type: 'Remark' | 'SetStorage' | 'KillStorage' | 'RemarkWithEvent';
  }

  /** @name FrameSystemError (85) */
  interface FrameSystemError extends Enum {
    readonly isInvalidSpecName: boolean;
    readonly isSpecVersionNeedsToIncrease: boolean;
    readonly isFailedToExtractRuntimeVersion: boolean;
    readonly isNonDefaultComposite: boolean;
    readonly isNonZeroRefCount: boolean;
    readonly isCallFiltered: boolean;
    readonly type: 'InvalidSpecName' | 'SpecVersionNeedsToIncrease' | 'FailedToExtractRuntimeVersion' | 'NonDefaultComposite' | 'NonZeroRefCount' | 'CallFiltered';
  }

  /** @name PalletTimestampCall (86) */
  interface PalletTimestampCall extends Enum {
    readonly isSet: boolean;
    readonly asSet: {
      readonly now: Compact<u64>;
    } & Struct;
    readonly type: 'Set';
  }

  /** @name SpConsensusAuraSr25519AppSr25519Public (87) */
  interface SpConsensusAuraSr25519AppSr25519Public extends SpCoreSr25519Public {}

  /** @name SpCoreSr25519Public (88) */
  interface SpCoreSr25519Public extends U8aFixed {}

  /** @name PalletGrandpaStoredState (91) */
  interface PalletGrandpaStoredState extends Enum {
    readonly isLive: boolean;
    readonly isPendingPause: boolean;
    readonly asPendingPause: {
      readonly scheduledAt: u32;
      readonly delay: u32;
    } & Struct;
    readonly isPaused: boolean;
    readonly isPendingResume: boolean;
    readonly asPendingResume: {
      readonly scheduledAt: u32;
      readonly delay: u32;
    } & Struct;
    readonly type: 'Live' | 'PendingPause' | 'Paused' | 'PendingResume';
  }

  /** @name PalletGrandpaCall (92) */
  interface PalletGrandpaCall extends Enum {
    readonly isNoteStalled: boolean;
    readonly asNoteStalled: {
      readonly delay: u32;
      readonly bestFinalizedBlockNumber: u32;
    } & Struct;
    readonly type: 'NoteStalled';
  }

  /** @name PalletGrandpaError (93) */
  interface PalletGrandpaError extends Enum {
    readonly isPauseFailed: boolean;
    readonly isResumeFailed: boolean;
    readonly isChangePending: boolean;
    readonly isTooSoon: boolean;
    readonly isInvalidKeyOwnershipProof: boolean;
    readonly isInvalidEquivocationProof: boolean;
    readonly isDuplicateOffenceReport: boolean;
    readonly type: 'PauseFailed' | 'ResumeFailed' | 'ChangePending' | 'TooSoon' | 'InvalidKeyOwnershipProof' | 'InvalidEquivocationProof' | 'DuplicateOffenceReport';
  }

  /** @name PalletBalancesBalanceLock (94) */
  interface PalletBalancesBalanceLock extends Struct {
    readonly id: U8aFixed;
    readonly amount: u128;
    readonly reasons: PalletBalancesReasons;
  }

  /** @name PalletBalancesReasons (95) */
  interface PalletBalancesReasons extends Enum {
    readonly isFee: boolean;
    readonly isMisc: boolean;
    readonly isAll: boolean;
    readonly type: 'Fee' | 'Misc' | 'All';
  }

  /** @name PalletBalancesReserveData (98) */
  interface PalletBalancesReserveData extends Struct {
    readonly id: U8aFixed;
    readonly amount: u128;
  }

  /** @name FrameSupportTokensMiscIdAmountRuntimeHoldReason (101) */
  interface FrameSupportTokensMiscIdAmountRuntimeHoldReason extends Struct {
    readonly id: SlmnetRuntimeRuntimeHoldReason;
    readonly amount: u128;
  }

  /** @name SlmnetRuntimeRuntimeFreezeReason (104) */
  type SlmnetRuntimeRuntimeFreezeReason = Null;

  /** @name FrameSupportTokensMiscIdAmountRuntimeFreezeReason (105) */
  interface FrameSupportTokensMiscIdAmountRuntimeFreezeReason extends Struct {
    readonly id: SlmnetRuntimeRuntimeFreezeReason;
    readonly amount: u128;
  }

  /** @name PalletBalancesCall (108) */
  interface PalletBalancesCall extends Enum {
    readonly isTransferAllowDeath: boolean;
    readonly asTransferAllowDeath: {
      readonly dest: MultiAddress;
      readonly value: Compact<u128>;
    } & Struct;
    readonly isForceTransfer: boolean;
    readonly asForceTransfer: {
      readonly source: MultiAddress;
      readonly dest: MultiAddress;
      readonly value: Compact<u128>;
    } & Struct;
    readonly isTransferKeepAlive: boolean;
    readonly asTransferKeepAlive: {
      readonly dest: MultiAddress;
      readonly value: Compact<u128>;
    } & Struct;
    readonly isTransferAll: boolean;
    readonly asTransferAll: {
      readonly dest: MultiAddress;
      readonly keepAlive: bool;
    } & Struct;
    readonly isForceUnreserve: boolean;
    readonly asForceUnreserve: {
      readonly who: MultiAddress;
      readonly amount: u128;
    } & Struct;
    readonly isForceSetBalance: boolean;
    readonly asForceSetBalance: {
      readonly who: MultiAddress;
      readonly newFree: Compact<u128>;
    } & Struct;
    readonly isForceAdjustTotalIssuance: boolean;
    readonly asForceAdjustTotalIssuance: {
      readonly direction: PalletBalancesAdjustmentDirection;
      readonly delta: Compact<u128>;
    } & Struct;
    readonly isBurn: boolean;
    readonly asBurn: {
      readonly value: Compact<u128>;
      readonly keepAlive: bool;
    } & Struct;
    readonly type: 'TransferAllowDeath' | 'ForceTransfer' | 'TransferKeepAlive' | 'TransferAll' | 'ForceUnreserve' | 'ForceSetBalance' | 'ForceAdjustTotalIssuance' | 'Burn';
  }

  /** @name PalletBalancesAdjustmentDirection (113) */
  interface PalletBalancesAdjustmentDirection extends Enum {
    readonly isIncrease: boolean;
    readonly isDecrease: boolean;
    readonly type: 'Increase' | 'Decrease';
  }

  /** @name PalletBalancesError (114) */
  interface PalletBalancesError extends Enum {
    readonly isVestingBalance: boolean;
    readonly isLiquidityRestrictions: boolean;
    readonly isInsufficientBalance: boolean;
    readonly isExistentialDeposit: boolean;
    readonly isExpendability: boolean;
    readonly isExistingVestingSchedule: boolean;
    readonly isDeadAccount: boolean;
    readonly isTooManyReserves: boolean;
    readonly isTooManyHolds: boolean;
    readonly isTooManyFreezes: boolean;
    readonly isIssuanceDeactivated: boolean;
    readonly isDeltaZero: boolean;
    readonly type: 'VestingBalance' | 'LiquidityRestrictions' | 'InsufficientBalance' | 'ExistentialDeposit' | 'Expendability' | 'ExistingVestingSchedule' | 'DeadAccount' | 'TooManyReserves' | 'TooManyHolds' | 'TooManyFreezes' | 'IssuanceDeactivated' | 'DeltaZero';
  }

  /** @name PalletTransactionPaymentReleases (116) */
  interface PalletTransactionPaymentReleases extends Enum {
    readonly isV1Ancient: boolean;
    readonly isV2: boolean;
    readonly type: 'V1Ancient' | 'V2';
  }

  /** @name PalletSudoCall (117) */
  interface PalletSudoCall extends Enum {
    readonly isSudo: boolean;
    readonly asSudo: {
      readonly call: Call;
    } & Struct;
    readonly isSudoUncheckedWeight: boolean;
    readonly asSudoUncheckedWeight: {
      readonly call: Call;
      readonly weight: SpWeightsWeightV2Weight;
    } & Struct;
    readonly isSetKey: boolean;
    readonly asSetKey: {
      readonly new_: MultiAddress;
    } & Struct;
    readonly isSudoAs: boolean;
    readonly asSudoAs: {
      readonly who: MultiAddress;
      readonly call: Call;
    } & Struct;
    readonly isRemoveKey: boolean;
    readonly type: 'Sudo' | 'SudoUncheckedWeight' | 'SetKey' | 'SudoAs' | 'RemoveKey';
  }

  /** @name PalletUtilityCall (119) */
  interface PalletUtilityCall extends Enum {
    readonly isBatch: boolean;
    readonly asBatch: {
      readonly calls: Vec<Call>;
    } & Struct;
    readonly isBatchAll: boolean;
    readonly asBatchAll: {
      readonly calls: Vec<Call>;
    } & Struct;
    readonly isForceBatch: boolean;
    readonly asForceBatch: {
      readonly calls: Vec<Call>;
    } & Struct;
    readonly type: 'Batch' | 'BatchAll' | 'ForceBatch';
  }

  /** @name PalletDatanetsCall (121) */
  interface PalletDatanetsCall extends Enum {
    readonly isCreate: boolean;
    readonly asCreate: {
      readonly name: Bytes;
      readonly metadata: Bytes;
      readonly tags: Vec<Bytes>;
      readonly kind: PalletDatanetsDataKind;
      readonly license: Bytes;
      readonly policy: PalletDatanetsPolicy;
      readonly contributionDeposit: u128;
    } & Struct;
    readonly isUpdate: boolean;
    readonly asUpdate: {
      readonly datanet: u32;
      readonly metadata: Bytes;
      readonly tags: Vec<Bytes>;
      readonly license: Bytes;
      readonly contributionDeposit: u128;
    } & Struct;
    readonly isAddCurator: boolean;
    readonly asAddCurator: {
      readonly datanet: u32;
      readonly curator: AccountId32;
    } & Struct;
    readonly isRemoveCurator: boolean;
    readonly asRemoveCurator: {
      readonly datanet: u32;
      readonly curator: AccountId32;
    } & Struct;
    readonly isSetPolicy: boolean;
    readonly asSetPolicy: {
      readonly datanet: u32;
      readonly policy: PalletDatanetsPolicy;
    } & Struct;
    readonly isSetAllowed: boolean;
    readonly asSetAllowed: {
      readonly datanet: u32;
      readonly who: AccountId32;
      readonly allowed: bool;
    } & Struct;
    readonly isFreeze: boolean;
    readonly asFreeze: {
      readonly datanet: u32;
    } & Struct;
    readonly isThaw: boolean;
    readonly asThaw: {
      readonly datanet: u32;
    } & Struct;
    readonly isContribute: boolean;
    readonly asContribute: {
      readonly datanet: u32;
      readonly contentHash: H256;
      readonly size_: u32;
      readonly chunksRoot: H256;
      readonly metadata: Bytes;
      readonly license: Bytes;
    } & Struct;
    readonly isReview: boolean;
    readonly asReview: {
      readonly contribution: u64;
      readonly decision: PalletDatanetsReviewDecision;
    } & Struct;
    readonly isWithdraw: boolean;
    readonly asWithdraw: {
      readonly contribution: u64;
    } & Struct;
    readonly isRevoke: boolean;
    readonly asRevoke: {
      readonly contribution: u64;
    } & Struct;
    readonly isPublishVersion: boolean;
    readonly asPublishVersion: {
      readonly datanet: u32;
    } & Struct;
    readonly isSetParams: boolean;
    readonly asSetParams: {
      readonly params: PalletDatanetsParams;
    } & Struct;
    readonly type: 'Create' | 'Update' | 'AddCurator' | 'RemoveCurator' | 'SetPolicy' | 'SetAllowed' | 'Freeze' | 'Thaw' | 'Contribute' | 'Review' | 'Withdraw' | 'Revoke' | 'PublishVersion' | 'SetParams';
  }

  /** @name PalletDatanetsReviewDecision (122) */
  interface PalletDatanetsReviewDecision extends Enum {
    readonly isAccept: boolean;
    readonly asAccept: {
      readonly quality: u8;
    } & Struct;
    readonly isReject: boolean;
    readonly asReject: {
      readonly reason: u8;
    } & Struct;
    readonly type: 'Accept' | 'Reject';
  }

  /** @name PalletModelsCall (123) */
  interface PalletModelsCall extends Enum {
    readonly isRegisterModel: boolean;
    readonly asRegisterModel: {
      readonly name: Bytes;
      readonly metadata: Bytes;
      readonly kind: PalletModelsModelKind;
      readonly trainingSet: Vec<PalletModelsTrainingSet>;
      readonly manifestHash: H256;
      readonly pricing: PalletModelsPricing;
      readonly split: PalletModelsFeeSplit;
      readonly operators: Vec<AccountId32>;
    } & Struct;
    readonly isUpdatePricing: boolean;
    readonly asUpdatePricing: {
      readonly model: u32;
      readonly pricing: PalletModelsPricing;
      readonly split: PalletModelsFeeSplit;
    } & Struct;
    readonly isSetOperators: boolean;
    readonly asSetOperators: {
      readonly model: u32;
      readonly operators: Vec<AccountId32>;
    } & Struct;
    readonly isSetStatus: boolean;
    readonly asSetStatus: {
      readonly model: u32;
      readonly status: PalletModelsModelStatus;
    } & Struct;
    readonly isRequestInference: boolean;
    readonly asRequestInference: {
      readonly model: u32;
      readonly inputHash: H256;
      readonly maxFee: u128;
    } & Struct;
    readonly isSubmitOutput: boolean;
    readonly asSubmitOutput: {
      readonly inference: u64;
      readonly outputHash: H256;
      readonly tokensIn: u32;
      readonly tokensOut: u32;
    } & Struct;
    readonly isClaimRewards: boolean;
    readonly isSetParams: boolean;
    readonly asSetParams: {
      readonly params: PalletModelsParams;
    } & Struct;
    readonly type: 'RegisterModel' | 'UpdatePricing' | 'SetOperators' | 'SetStatus' | 'RequestInference' | 'SubmitOutput' | 'ClaimRewards' | 'SetParams';
  }

  /** @name PalletModelsTrainingSet (124) */
  interface PalletModelsTrainingSet extends Struct {
    readonly datanet: u32;
    readonly version: u32;
  }

  /** @name PalletAttributionCall (126) */
  interface PalletAttributionCall extends Enum {
    readonly isBond: boolean;
    readonly asBond: {
      readonly amount: u128;
    } & Struct;
    readonly isUnbond: boolean;
    readonly isAttest: boolean;
    readonly asAttest: {
      readonly inference: u64;
      readonly algorithm: u16;
      readonly paramsHash: H256;
      readonly resultHash: H256;
      readonly entries_: Vec<SlmnetPrimitivesAttributionAttributionEntry>;
      readonly evidenceRoot: H256;
    } & Struct;
    readonly isSetParams: boolean;
    readonly asSetParams: {
      readonly params: PalletAttributionParams;
    } & Struct;
    readonly type: 'Bond' | 'Unbond' | 'Attest' | 'SetParams';
  }

  /** @name SlmnetPrimitivesAttributionAttributionEntry (127) */
  interface SlmnetPrimitivesAttributionAttributionEntry extends Struct {
    readonly contribution: u64;
    readonly weightPpm: u32;
  }

  /** @name PalletNodeRewardsCall (129) */
  interface PalletNodeRewardsCall extends Enum {
    readonly isRegisterNode: boolean;
    readonly asRegisterNode: {
      readonly kind: PalletNodeRewardsNodeKind;
      readonly peerId: Bytes;
      readonly bond: u128;
      readonly proof: U8aFixed;
    } & Struct;
    readonly isHeartbeat: boolean;
    readonly asHeartbeat: {
      readonly node: u32;
      readonly atBlock: u32;
      readonly signature: U8aFixed;
    } & Struct;
    readonly isBondMore: boolean;
    readonly asBondMore: {
      readonly node: u32;
      readonly amount: u128;
    } & Struct;
    readonly isUnbond: boolean;
    readonly asUnbond: {
      readonly node: u32;
    } & Struct;
    readonly isWithdrawUnbonded: boolean;
    readonly asWithdrawUnbonded: {
      readonly node: u32;
    } & Struct;
    readonly isClaim: boolean;
    readonly isSetParams: boolean;
    readonly asSetParams: {
      readonly params: PalletNodeRewardsParams;
    } & Struct;
    readonly isAnswerChallenge: boolean;
    readonly asAnswerChallenge: {
      readonly challenge: u64;
      readonly chunk: Bytes;
      readonly proof: Vec<H256>;
    } & Struct;
    readonly type: 'RegisterNode' | 'Heartbeat' | 'BondMore' | 'Unbond' | 'WithdrawUnbonded' | 'Claim' | 'SetParams' | 'AnswerChallenge';
  }

  /** @name PalletSudoError (131) */
  interface PalletSudoError extends Enum {
    readonly isRequireSudo: boolean;
    readonly type: 'RequireSudo';
  }

  /** @name PalletUtilityError (132) */
  interface PalletUtilityError extends Enum {
    readonly isTooManyCalls: boolean;
    readonly type: 'TooManyCalls';
  }

  /** @name PalletDatanetsDatanetInfo (133) */
  interface PalletDatanetsDatanetInfo extends Struct {
    readonly owner: AccountId32;
    readonly name: Bytes;
    readonly metadata: Bytes;
    readonly tags: Vec<Bytes>;
    readonly kind: PalletDatanetsDataKind;
    readonly license: Bytes;
    readonly policy: PalletDatanetsPolicy;
    readonly contributionDeposit: u128;
    readonly status: PalletDatanetsDatanetStatus;
    readonly created: u32;
    readonly latestVersion: u32;
    readonly contributions: u32;
    readonly accepted: u32;
    readonly acceptedBytes: u64;
  }

  /** @name PalletDatanetsDatanetStatus (134) */
  interface PalletDatanetsDatanetStatus extends Enum {
    readonly isActive: boolean;
    readonly isFrozen: boolean;
    readonly type: 'Active' | 'Frozen';
  }

  /** @name PalletDatanetsContribution (136) */
  interface PalletDatanetsContribution extends Struct {
    readonly datanet: u32;
    readonly contributor: AccountId32;
    readonly contentHash: H256;
    readonly size_: u32;
    readonly chunksRoot: H256;
    readonly metadata: Bytes;
    readonly license: Bytes;
    readonly status: PalletDatanetsContributionStatus;
    readonly quality: Option<u8>;
    readonly rejectReason: Option<u8>;
    readonly deposit: u128;
    readonly submitted: u32;
    readonly reviewed: Option<u32>;
    readonly reviewer: Option<AccountId32>;
    readonly versions: u32;
  }

  /** @name PalletDatanetsContributionStatus (137) */
  interface PalletDatanetsContributionStatus extends Enum {
    readonly isPending: boolean;
    readonly isAccepted: boolean;
    readonly isRejected: boolean;
    readonly isWithdrawn: boolean;
    readonly isRevoked: boolean;
    readonly type: 'Pending' | 'Accepted' | 'Rejected' | 'Withdrawn' | 'Revoked';
  }

  /** @name PalletDatanetsVersionInfo (143) */
  interface PalletDatanetsVersionInfo extends Struct {
    readonly root: H256;
    readonly count: u32;
    readonly bytes: u64;
    readonly published: u32;
  }

  /** @name PalletDatanetsReputation (144) */
  interface PalletDatanetsReputation extends Struct {
    readonly accepted: u32;
    readonly rejected: u32;
    readonly revoked: u32;
  }

  /** @name PalletDatanetsError (145) */
  interface PalletDatanetsError extends Enum {
    readonly isUnknownDatanet: boolean;
    readonly isUnknownContribution: boolean;
    readonly isUnknownVersion: boolean;
    readonly isNotOwner: boolean;
    readonly isNotCurator: boolean;
    readonly isNotContributor: boolean;
    readonly isEmptyName: boolean;
    readonly isNameTooLong: boolean;
    readonly isMetadataTooLong: boolean;
    readonly isTooManyTags: boolean;
    readonly isTagTooLong: boolean;
    readonly isLicenseTooLong: boolean;
    readonly isDepositTooLow: boolean;
    readonly isAlreadyCurator: boolean;
    readonly isTooManyCurators: boolean;
    readonly isDatanetFrozen: boolean;
    readonly isNotFrozen: boolean;
    readonly isNotAllowed: boolean;
    readonly isEmptyContent: boolean;
    readonly isContentTooLarge: boolean;
    readonly isDuplicateContent: boolean;
    readonly isTooManyPending: boolean;
    readonly isNotPending: boolean;
    readonly isNotAccepted: boolean;
    readonly isSelfReview: boolean;
    readonly isQualityOutOfRange: boolean;
    readonly isTooManyAccepted: boolean;
    readonly isEmptyVersion: boolean;
    readonly isInvalidParams: boolean;
    readonly isOverflow: boolean;
    readonly type: 'UnknownDatanet' | 'UnknownContribution' | 'UnknownVersion' | 'NotOwner' | 'NotCurator' | 'NotContributor' | 'EmptyName' | 'NameTooLong' | 'MetadataTooLong' | 'TooManyTags' | 'TagTooLong' | 'LicenseTooLong' | 'DepositTooLow' | 'AlreadyCurator' | 'TooManyCurators' | 'DatanetFrozen' | 'NotFrozen' | 'NotAllowed' | 'EmptyContent' | 'ContentTooLarge' | 'DuplicateContent' | 'TooManyPending' | 'NotPending' | 'NotAccepted' | 'SelfReview' | 'QualityOutOfRange' | 'TooManyAccepted' | 'EmptyVersion' | 'InvalidParams' | 'Overflow';
  }

  /** @name PalletModelsModelInfo (146) */
  interface PalletModelsModelInfo extends Struct {
    readonly developer: AccountId32;
    readonly name: Bytes;
    readonly metadata: Bytes;
    readonly kind: PalletModelsModelKind;
    readonly trainingSet: Vec<PalletModelsTrainingSet>;
    readonly manifestHash: H256;
    readonly pricing: PalletModelsPricing;
    readonly split: PalletModelsFeeSplit;
    readonly operators: Vec<AccountId32>;
    readonly status: PalletModelsModelStatus;
    readonly registered: u32;
    readonly inferences: u64;
    readonly revenue: u128;
    readonly trainingBytes: u64;
  }

  /** @name PalletModelsTrainingItem (147) */
  interface PalletModelsTrainingItem extends Struct {
    readonly contribution: u64;
    readonly size_: u32;
  }

  /** @name PalletModelsInference (149) */
  interface PalletModelsInference extends Struct {
    readonly model: u32;
    readonly consumer: AccountId32;
    readonly inputHash: H256;
    readonly maxFee: u128;
    readonly fee: u128;
    readonly outputHash: Option<H256>;
    readonly tokensIn: u32;
    readonly tokensOut: u32;
    readonly operator: Option<AccountId32>;
    readonly status: PalletModelsInferenceStatus;
    readonly requested: u32;
    readonly outputAt: Option<u32>;
    readonly deadline: u32;
    readonly settlement: Option<PalletModelsSettlement>;
  }

  /** @name PalletModelsInferenceStatus (151) */
  interface PalletModelsInferenceStatus extends Enum {
    readonly isRequested: boolean;
    readonly isOutputSubmitted: boolean;
    readonly isSettled: boolean;
    readonly isRefunded: boolean;
    readonly type: 'Requested' | 'OutputSubmitted' | 'Settled' | 'Refunded';
  }

  /** @name PalletModelsSettlement (152) */
  interface PalletModelsSettlement extends Struct {
    readonly developer: u128;
    readonly contributors: u128;
    readonly protocol: u128;
    readonly fallback: bool;
    readonly settled: u32;
  }

  /** @name PalletModelsError (154) */
  interface PalletModelsError extends Enum {
    readonly isUnknownModel: boolean;
    readonly isUnknownInference: boolean;
    readonly isNotDeveloper: boolean;
    readonly isNotOperator: boolean;
    readonly isEmptyName: boolean;
    readonly isNameTooLong: boolean;
    readonly isMetadataTooLong: boolean;
    readonly isEmptyTrainingSet: boolean;
    readonly isTooManyTrainingSets: boolean;
    readonly isDuplicateTrainingSet: boolean;
    readonly isTrainingSetTooLarge: boolean;
    readonly isTooManyOperators: boolean;
    readonly isInvalidSplit: boolean;
    readonly isContributorsBelowFloor: boolean;
    readonly isZeroPrice: boolean;
    readonly isPriceTooHigh: boolean;
    readonly isModelNotActive: boolean;
    readonly isModelRetired: boolean;
    readonly isStatusUnchanged: boolean;
    readonly isZeroFee: boolean;
    readonly isMaxFeeBelowBase: boolean;
    readonly isInferenceExpired: boolean;
    readonly isOutputAlreadySubmitted: boolean;
    readonly isNotAwaitingAttribution: boolean;
    readonly isNothingToClaim: boolean;
    readonly isInvalidParams: boolean;
    readonly isOverflow: boolean;
    readonly type: 'UnknownModel' | 'UnknownInference' | 'NotDeveloper' | 'NotOperator' | 'EmptyName' | 'NameTooLong' | 'MetadataTooLong' | 'EmptyTrainingSet' | 'TooManyTrainingSets' | 'DuplicateTrainingSet' | 'TrainingSetTooLarge' | 'TooManyOperators' | 'InvalidSplit' | 'ContributorsBelowFloor' | 'ZeroPrice' | 'PriceTooHigh' | 'ModelNotActive' | 'ModelRetired' | 'StatusUnchanged' | 'ZeroFee' | 'MaxFeeBelowBase' | 'InferenceExpired' | 'OutputAlreadySubmitted' | 'NotAwaitingAttribution' | 'NothingToClaim' | 'InvalidParams' | 'Overflow';
  }

  /** @name PalletAttributionAttestation (156) */
  interface PalletAttributionAttestation extends Struct {
    readonly algorithm: u16;
    readonly paramsHash: H256;
    readonly resultHash: H256;
    readonly entries_: Vec<SlmnetPrimitivesAttributionAttributionEntry>;
    readonly evidenceRoot: H256;
    readonly at: u32;
  }

  /** @name PalletAttributionTally (157) */
  interface PalletAttributionTally extends Struct {
    readonly resultHash: H256;
    readonly count: u32;
  }

  /** @name PalletAttributionFinalResult (159) */
  interface PalletAttributionFinalResult extends Struct {
    readonly status: PalletAttributionResultStatus;
    readonly resultHash: Option<H256>;
    readonly entries_: Vec<SlmnetPrimitivesAttributionAttributionEntry>;
    readonly evidenceRoot: Option<H256>;
    readonly attestations: u32;
    readonly at: u32;
  }

  /** @name PalletAttributionResultStatus (160) */
  interface PalletAttributionResultStatus extends Enum {
    readonly isFinal: boolean;
    readonly isDisputed: boolean;
    readonly type: 'Final' | 'Disputed';
  }

  /** @name PalletAttributionContributionStats (161) */
  interface PalletAttributionContributionStats extends Struct {
    readonly inferences: u64;
    readonly cumulativeWeightPpm: u128;
    readonly earned: u128;
  }

  /** @name PalletAttributionError (162) */
  interface PalletAttributionError extends Enum {
    readonly isNotAttestor: boolean;
    readonly isDuplicateAttestation: boolean;
    readonly isTooManyEntries: boolean;
    readonly isZeroWeight: boolean;
    readonly isWeightsExceedMillion: boolean;
    readonly isEntriesNotCanonical: boolean;
    readonly isNotInTrainingSet: boolean;
    readonly isResultHashMismatch: boolean;
    readonly isAlreadyBonded: boolean;
    readonly isNotBonded: boolean;
    readonly isBondTooLow: boolean;
    readonly isTooManyAttestors: boolean;
    readonly isOpenAttestations: boolean;
    readonly isInvalidParams: boolean;
    readonly type: 'NotAttestor' | 'DuplicateAttestation' | 'TooManyEntries' | 'ZeroWeight' | 'WeightsExceedMillion' | 'EntriesNotCanonical' | 'NotInTrainingSet' | 'ResultHashMismatch' | 'AlreadyBonded' | 'NotBonded' | 'BondTooLow' | 'TooManyAttestors' | 'OpenAttestations' | 'InvalidParams';
  }

  /** @name PalletNodeRewardsNodeInfo (163) */
  interface PalletNodeRewardsNodeInfo extends Struct {
    readonly operator: AccountId32;
    readonly kind: PalletNodeRewardsNodeKind;
    readonly peerId: Bytes;
    readonly publicKey: U8aFixed;
    readonly bond: u128;
    readonly status: PalletNodeRewardsNodeStatus;
    readonly registered: u32;
    readonly lastHeartbeat: Option<u32>;
    readonly lastSignedAt: Option<u32>;
    readonly day: u32;
    readonly dayPoints: u32;
    readonly pointsEra: u32;
    readonly eraPoints: u32;
    readonly totalPoints: u64;
    readonly earned: u128;
  }

  /** @name PalletNodeRewardsNodeStatus (164) */
  interface PalletNodeRewardsNodeStatus extends Enum {
    readonly isActive: boolean;
    readonly isUnbonding: boolean;
    readonly asUnbonding: {
      readonly until: u32;
    } & Struct;
    readonly type: 'Active' | 'Unbonding';
  }

  /** @name PalletNodeRewardsChallenge (166) */
  interface PalletNodeRewardsChallenge extends Struct {
    readonly node: u32;
    readonly contribution: u64;
    readonly contentHash: H256;
    readonly chunk: u32;
    readonly deadline: u32;
  }

  /** @name PalletNodeRewardsError (167) */
  interface PalletNodeRewardsError extends Enum {
    readonly isBondTooLow: boolean;
    readonly isBadPeerId: boolean;
    readonly isPeerIdTaken: boolean;
    readonly isTooManyNodes: boolean;
    readonly isTooManyActiveNodes: boolean;
    readonly isUnknownNode: boolean;
    readonly isNotOperator: boolean;
    readonly isNodeNotActive: boolean;
    readonly isHeartbeatTooSoon: boolean;
    readonly isDailyCapReached: boolean;
    readonly isBadSignature: boolean;
    readonly isStaleHeartbeat: boolean;
    readonly isFutureHeartbeat: boolean;
    readonly isZeroAmount: boolean;
    readonly isNothingToClaim: boolean;
    readonly isNotUnbonded: boolean;
    readonly isStillUnbonding: boolean;
    readonly isInvalidParams: boolean;
    readonly isOverflow: boolean;
    readonly isUnknownChallenge: boolean;
    readonly isChallengeClosed: boolean;
    readonly isWrongChunkLength: boolean;
    readonly isBadChunkProof: boolean;
    readonly type: 'BondTooLow' | 'BadPeerId' | 'PeerIdTaken' | 'TooManyNodes' | 'TooManyActiveNodes' | 'UnknownNode' | 'NotOperator' | 'NodeNotActive' | 'HeartbeatTooSoon' | 'DailyCapReached' | 'BadSignature' | 'StaleHeartbeat' | 'FutureHeartbeat' | 'ZeroAmount' | 'NothingToClaim' | 'NotUnbonded' | 'StillUnbonding' | 'InvalidParams' | 'Overflow' | 'UnknownChallenge' | 'ChallengeClosed' | 'WrongChunkLength' | 'BadChunkProof';
  }

  /** @name SpRuntimeMultiSignature (168) */
  interface SpRuntimeMultiSignature extends Enum {
    readonly isEd25519: boolean;
    readonly asEd25519: SpCoreEd25519Signature;
    readonly isSr25519: boolean;
    readonly asSr25519: SpCoreSr25519Signature;
    readonly isEcdsa: boolean;
    readonly asEcdsa: SpCoreEcdsaSignature;
    readonly type: 'Ed25519' | 'Sr25519' | 'Ecdsa';
  }

  /** @name SpCoreEd25519Signature (169) */
  interface SpCoreEd25519Signature extends U8aFixed {}

  /** @name SpCoreSr25519Signature (170) */
  interface SpCoreSr25519Signature extends U8aFixed {}

  /** @name SpCoreEcdsaSignature (171) */
  interface SpCoreEcdsaSignature extends U8aFixed {}

  /** @name FrameSystemExtensionsCheckNonZeroSender (173) */
  type FrameSystemExtensionsCheckNonZeroSender = Null;

  /** @name FrameSystemExtensionsCheckSpecVersion (174) */
  type FrameSystemExtensionsCheckSpecVersion = Null;

  /** @name FrameSystemExtensionsCheckTxVersion (175) */
  type FrameSystemExtensionsCheckTxVersion = Null;

  /** @name FrameSystemExtensionsCheckGenesis (176) */
  type FrameSystemExtensionsCheckGenesis = Null;

  /** @name FrameSystemExtensionsCheckNonce (179) */
  interface FrameSystemExtensionsCheckNonce extends Compact<u32> {}

  /** @name FrameSystemExtensionsCheckWeight (181) */
  type FrameSystemExtensionsCheckWeight = Null;

  /** @name PalletTransactionPaymentChargeTransactionPayment (182) */
  interface PalletTransactionPaymentChargeTransactionPayment extends Compact<u128> {}

  /** @name SlmnetRuntimeRuntime (185) */
  type SlmnetRuntimeRuntime = Null;

  /** @name SpRuntimeHeader (186) */
  interface SpRuntimeHeader extends Struct {
    readonly parentHash: H256;
    readonly number: Compact<u32>;
    readonly stateRoot: H256;
    readonly extrinsicsRoot: H256;
    readonly digest: SpRuntimeDigest;
  }

  /** @name SpRuntimeBlock (187) */
  interface SpRuntimeBlock extends Struct {
    readonly header: SpRuntimeHeader;
    readonly extrinsics: Vec<Bytes>;
  }

  /** @name SpRuntimeExtrinsicInclusionMode (189) */
  interface SpRuntimeExtrinsicInclusionMode extends Enum {
    readonly isAllExtrinsics: boolean;
    readonly isOnlyInherents: boolean;
    readonly type: 'AllExtrinsics' | 'OnlyInherents';
  }

  /** @name SpRuntimeTransactionValidityTransactionValidityError (192) */
  interface SpRuntimeTransactionValidityTransactionValidityError extends Enum {
    readonly isInvalid: boolean;
    readonly asInvalid: SpRuntimeTransactionValidityInvalidTransaction;
    readonly isUnknown: boolean;
    readonly asUnknown: SpRuntimeTransactionValidityUnknownTransaction;
    readonly type: 'Invalid' | 'Unknown';
  }

  /** @name SpRuntimeTransactionValidityInvalidTransaction (193) */
  interface SpRuntimeTransactionValidityInvalidTransaction extends Enum {
    readonly isCall: boolean;
    readonly isPayment: boolean;
    readonly isFuture: boolean;
    readonly isStale: boolean;
    readonly isBadProof: boolean;
    readonly isAncientBirthBlock: boolean;
    readonly isExhaustsResources: boolean;
    readonly isCustom: boolean;
    readonly asCustom: u8;
    readonly isBadMandatory: boolean;
    readonly isMandatoryValidation: boolean;
    readonly isBadSigner: boolean;
    readonly isIndeterminateImplicit: boolean;
    readonly isUnknownOrigin: boolean;
    readonly type: 'Call' | 'Payment' | 'Future' | 'Stale' | 'BadProof' | 'AncientBirthBlock' | 'ExhaustsResources' | 'Custom' | 'BadMandatory' | 'MandatoryValidation' | 'BadSigner' | 'IndeterminateImplicit' | 'UnknownOrigin';
  }

  /** @name SpRuntimeTransactionValidityUnknownTransaction (194) */
  interface SpRuntimeTransactionValidityUnknownTransaction extends Enum {
    readonly isCannotLookup: boolean;
    readonly isNoUnsignedValidator: boolean;
    readonly isCustom: boolean;
    readonly asCustom: u8;
    readonly type: 'CannotLookup' | 'NoUnsignedValidator' | 'Custom';
  }

  /** @name SpInherentsInherentData (196) */
  interface SpInherentsInherentData extends Struct {
    readonly data: BTreeMap<U8aFixed, Bytes>;
  }

  /** @name SpInherentsCheckInherentsResult (200) */
  interface SpInherentsCheckInherentsResult extends Struct {
    readonly okay: bool;
    readonly fatalError: bool;
    readonly errors: SpInherentsInherentData;
  }

  /** @name SpRuntimeTransactionValidityTransactionSource (201) */
  interface SpRuntimeTransactionValidityTransactionSource extends Enum {
    readonly isInBlock: boolean;
    readonly isLocal: boolean;
    readonly isExternal: boolean;
    readonly type: 'InBlock' | 'Local' | 'External';
  }

  /** @name SpRuntimeTransactionValidityValidTransaction (202) */
  interface SpRuntimeTransactionValidityValidTransaction extends Struct {
    readonly priority: u64;
    readonly requires: Vec<Bytes>;
    readonly provides: Vec<Bytes>;
    readonly longevity: u64;
    readonly propagate: bool;
  }

  /** @name SpCoreCryptoKeyTypeId (208) */
  interface SpCoreCryptoKeyTypeId extends U8aFixed {}

  /** @name PalletTransactionPaymentRuntimeDispatchInfo (212) */
  interface PalletTransactionPaymentRuntimeDispatchInfo extends Struct {
    readonly weight: SpWeightsWeightV2Weight;
    readonly class: FrameSupportDispatchDispatchClass;
    readonly partialFee: u128;
  }

  /** @name PalletTransactionPaymentFeeDetails (213) */
  interface PalletTransactionPaymentFeeDetails extends Struct {
    readonly inclusionFee: Option<PalletTransactionPaymentInclusionFee>;
    readonly tip: u128;
  }

  /** @name PalletTransactionPaymentInclusionFee (214) */
  interface PalletTransactionPaymentInclusionFee extends Struct {
    readonly baseFee: u128;
    readonly lenFee: u128;
    readonly adjustedWeightFee: u128;
  }

  /** @name SlmnetRuntimeRuntimeError (227) */
  interface SlmnetRuntimeRuntimeError extends Enum {
    readonly isSystem: boolean;
    readonly asSystem: FrameSystemError;
    readonly isGrandpa: boolean;
    readonly asGrandpa: PalletGrandpaError;
    readonly isBalances: boolean;
    readonly asBalances: PalletBalancesError;
    readonly isSudo: boolean;
    readonly asSudo: PalletSudoError;
    readonly isUtility: boolean;
    readonly asUtility: PalletUtilityError;
    readonly isDatanets: boolean;
    readonly asDatanets: PalletDatanetsError;
    readonly isModels: boolean;
    readonly asModels: PalletModelsError;
    readonly isAttribution: boolean;
    readonly asAttribution: PalletAttributionError;
    readonly isNodeRewards: boolean;
    readonly asNodeRewards: PalletNodeRewardsError;
    readonly type: 'System' | 'Grandpa' | 'Balances' | 'Sudo' | 'Utility' | 'Datanets' | 'Models' | 'Attribution' | 'NodeRewards';
  }

} // declare module
