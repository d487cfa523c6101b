// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/errors';

import type { ApiTypes, AugmentedError } from '@polkadot/api-base/types';

export type __AugmentedError<ApiType extends ApiTypes> = AugmentedError<ApiType>;

declare module '@polkadot/api-base/types/errors' {
  interface AugmentedErrors<ApiType extends ApiTypes> {
    attribution: {
      /**
       * The caller is already a bonded attestor.
       **/
      AlreadyBonded: AugmentedError<ApiType>;
      /**
       * The bond is below the `min_bond` parameter.
       **/
      BondTooLow: AugmentedError<ApiType>;
      /**
       * The caller already attested this inference.
       **/
      DuplicateAttestation: AugmentedError<ApiType>;
      /**
       * Entries must be sorted by weight descending, then contribution id ascending, without duplicates.
       **/
      EntriesNotCanonical: AugmentedError<ApiType>;
      /**
       * The parameters are out of range.
       **/
      InvalidParams: AugmentedError<ApiType>;
      /**
       * The caller is neither a validator nor a bonded attestor.
       **/
      NotAttestor: AugmentedError<ApiType>;
      /**
       * The caller is not a bonded attestor.
       **/
      NotBonded: AugmentedError<ApiType>;
      /**
       * An entry names a contribution outside the model's training set.
       **/
      NotInTrainingSet: AugmentedError<ApiType>;
      /**
       * The caller has attestations on inferences that are not final yet.
       **/
      OpenAttestations: AugmentedError<ApiType>;
      /**
       * The result hash is not the blake2-256 of the SCALE-encoded result.
       **/
      ResultHashMismatch: AugmentedError<ApiType>;
      /**
       * MaxBondedAttestors accounts are bonded.
       **/
      TooManyAttestors: AugmentedError<ApiType>;
      /**
       * More than MaxEntries entries.
       **/
      TooManyEntries: AugmentedError<ApiType>;
      /**
       * The weights sum to more than 1,000,000 ppm.
       **/
      WeightsExceedMillion: AugmentedError<ApiType>;
      /**
       * An entry has weight 0.
       **/
      ZeroWeight: AugmentedError<ApiType>;
    };
    balances: {
      /**
       * Beneficiary account must pre-exist.
       **/
      DeadAccount: AugmentedError<ApiType>;
      /**
       * The delta cannot be zero.
       **/
      DeltaZero: AugmentedError<ApiType>;
      /**
       * Value too low to create account due to existential deposit.
       **/
      ExistentialDeposit: AugmentedError<ApiType>;
      /**
       * A vesting schedule already exists for this account.
       **/
      ExistingVestingSchedule: AugmentedError<ApiType>;
      /**
       * Transfer/payment would kill account.
       **/
      Expendability: AugmentedError<ApiType>;
      /**
       * Balance too low to send value.
       **/
      InsufficientBalance: AugmentedError<ApiType>;
      /**
       * The issuance cannot be modified since it is already deactivated.
       **/
      IssuanceDeactivated: AugmentedError<ApiType>;
      /**
       * Account liquidity restrictions prevent withdrawal.
       **/
      LiquidityRestrictions: AugmentedError<ApiType>;
      /**
       * Number of freezes exceed `MaxFreezes`.
       **/
      TooManyFreezes: AugmentedError<ApiType>;
      /**
       * Number of holds exceed `VariantCountOf<T::RuntimeHoldReason>`.
       **/
      TooManyHolds: AugmentedError<ApiType>;
      /**
       * Number of named reserves exceed `MaxReserves`.
       **/
      TooManyReserves: AugmentedError<ApiType>;
      /**
       * Vesting balance too high to send value.
       **/
      VestingBalance: AugmentedError<ApiType>;
    };
    datanets: {
      /**
       * The account is already a curator.
       **/
      AlreadyCurator: AugmentedError<ApiType>;
      /**
       * The content is larger than MaxContentSize bytes.
       **/
      ContentTooLarge: AugmentedError<ApiType>;
      /**
       * The datanet is frozen.
       **/
      DatanetFrozen: AugmentedError<ApiType>;
      /**
       * The contribution deposit is below the minimum parameter.
       **/
      DepositTooLow: AugmentedError<ApiType>;
      /**
       * This content hash is already pending or accepted in the datanet.
       **/
      DuplicateContent: AugmentedError<ApiType>;
      /**
       * A contribution must have at least one byte.
       **/
      EmptyContent: AugmentedError<ApiType>;
      /**
       * The name must not be empty.
       **/
      EmptyName: AugmentedError<ApiType>;
      /**
       * There is no accepted contribution to publish.
       **/
      EmptyVersion: AugmentedError<ApiType>;
      /**
       * The parameters are out of range.
       **/
      InvalidParams: AugmentedError<ApiType>;
      /**
       * The license is longer than MaxLicenseLen bytes.
       **/
      LicenseTooLong: AugmentedError<ApiType>;
      /**
       * The metadata is longer than MaxMetadataLen bytes.
       **/
      MetadataTooLong: AugmentedError<ApiType>;
      /**
       * The name is longer than MaxNameLen bytes.
       **/
      NameTooLong: AugmentedError<ApiType>;
      /**
       * The contribution is not accepted.
       **/
      NotAccepted: AugmentedError<ApiType>;
      /**
       * The datanet is permissioned and the caller is not on its allow-list.
       **/
      NotAllowed: AugmentedError<ApiType>;
      /**
       * Only the contributor may do this.
       **/
      NotContributor: AugmentedError<ApiType>;
      /**
       * Only the owner or a curator may do this (or the account is not a curator).
       **/
      NotCurator: AugmentedError<ApiType>;
      /**
       * The datanet is not frozen.
       **/
      NotFrozen: AugmentedError<ApiType>;
      /**
       * Only the datanet owner may do this.
       **/
      NotOwner: AugmentedError<ApiType>;
      /**
       * The contribution is not pending (already reviewed, withdrawn or revoked).
       **/
      NotPending: AugmentedError<ApiType>;
      /**
       * An id counter overflowed.
       **/
      Overflow: AugmentedError<ApiType>;
      /**
       * Quality must be between 0 and 100.
       **/
      QualityOutOfRange: AugmentedError<ApiType>;
      /**
       * A curator may not review their own contribution.
       **/
      SelfReview: AugmentedError<ApiType>;
      /**
       * A tag is longer than MaxTagLen bytes.
       **/
      TagTooLong: AugmentedError<ApiType>;
      /**
       * The datanet has MaxAcceptedPerDatanet accepted contributions.
       **/
      TooManyAccepted: AugmentedError<ApiType>;
      /**
       * The datanet has MaxCurators curators.
       **/
      TooManyCurators: AugmentedError<ApiType>;
      /**
       * The caller has MaxPendingPerAccount pending contributions.
       **/
      TooManyPending: AugmentedError<ApiType>;
      /**
       * More than MaxTags tags.
       **/
      TooManyTags: AugmentedError<ApiType>;
      /**
       * No contribution with this id.
       **/
      UnknownContribution: AugmentedError<ApiType>;
      /**
       * No datanet with this id.
       **/
      UnknownDatanet: AugmentedError<ApiType>;
      /**
       * The datanet has no version with this number.
       **/
      UnknownVersion: AugmentedError<ApiType>;
    };
    grandpa: {
      /**
       * Attempt to signal GRANDPA change with one already pending.
       **/
      ChangePending: AugmentedError<ApiType>;
      /**
       * A given equivocation report is valid but already previously reported.
       **/
      DuplicateOffenceReport: AugmentedError<ApiType>;
      /**
       * An equivocation proof provided as part of an equivocation report is invalid.
       **/
      InvalidEquivocationProof: AugmentedError<ApiType>;
      /**
       * A key ownership proof provided as part of an equivocation report is invalid.
       **/
      InvalidKeyOwnershipProof: AugmentedError<ApiType>;
      /**
       * Attempt to signal GRANDPA pause when the authority set isn't live (either paused or already pending pause).
       **/
      PauseFailed: AugmentedError<ApiType>;
      /**
       * Attempt to signal GRANDPA resume when the authority set isn't paused (either live or already pending resume).
       **/
      ResumeFailed: AugmentedError<ApiType>;
      /**
       * Cannot signal forced change so soon after last.
       **/
      TooSoon: AugmentedError<ApiType>;
    };
    models: {
      /**
       * The contributors' share is below the governance floor.
       **/
      ContributorsBelowFloor: AugmentedError<ApiType>;
      /**
       * A datanet version is listed twice.
       **/
      DuplicateTrainingSet: AugmentedError<ApiType>;
      /**
       * The name must not be empty.
       **/
      EmptyName: AugmentedError<ApiType>;
      /**
       * A model needs at least one datanet version.
       **/
      EmptyTrainingSet: AugmentedError<ApiType>;
      /**
       * The output deadline passed: the inference was refunded.
       **/
      InferenceExpired: AugmentedError<ApiType>;
      /**
       * The parameters are out of range.
       **/
      InvalidParams: AugmentedError<ApiType>;
      /**
       * The fee split does not sum to 1,000,000 ppm.
       **/
      InvalidSplit: AugmentedError<ApiType>;
      /**
       * The maximum fee is below the model's base fee.
       **/
      MaxFeeBelowBase: AugmentedError<ApiType>;
      /**
       * The metadata is longer than MaxMetadataLen bytes.
       **/
      MetadataTooLong: AugmentedError<ApiType>;
      /**
       * The model is paused or retired.
       **/
      ModelNotActive: AugmentedError<ApiType>;
      /**
       * The model is retired.
       **/
      ModelRetired: AugmentedError<ApiType>;
      /**
       * The name is longer than MaxNameLen bytes.
       **/
      NameTooLong: AugmentedError<ApiType>;
      /**
       * The inference has no output yet or is already settled.
       **/
      NotAwaitingAttribution: AugmentedError<ApiType>;
      /**
       * Only the model developer may do this.
       **/
      NotDeveloper: AugmentedError<ApiType>;
      /**
       * No contributor rewards to claim.
       **/
      NothingToClaim: AugmentedError<ApiType>;
      /**
       * Only an operator or the developer may submit outputs.
       **/
      NotOperator: AugmentedError<ApiType>;
      /**
       * The inference already has an output.
       **/
      OutputAlreadySubmitted: AugmentedError<ApiType>;
      /**
       * An id counter overflowed.
       **/
      Overflow: AugmentedError<ApiType>;
      /**
       * A price is above 2^90 planck.
       **/
      PriceTooHigh: AugmentedError<ApiType>;
      /**
       * The model already has this status.
       **/
      StatusUnchanged: AugmentedError<ApiType>;
      /**
       * More than MaxOperators operators.
       **/
      TooManyOperators: AugmentedError<ApiType>;
      /**
       * More than MaxTrainingSets datanet versions.
       **/
      TooManyTrainingSets: AugmentedError<ApiType>;
      /**
       * The training set has more than MaxTrainingContributions contributions.
       **/
      TrainingSetTooLarge: AugmentedError<ApiType>;
      /**
       * No inference with this id.
       **/
      UnknownInference: AugmentedError<ApiType>;
      /**
       * No model with this id.
       **/
      UnknownModel: AugmentedError<ApiType>;
      /**
       * The maximum fee must be positive.
       **/
      ZeroFee: AugmentedError<ApiType>;
      /**
       * Base fee and per-token fee are both zero.
       **/
      ZeroPrice: AugmentedError<ApiType>;
    };
    nodeRewards: {
      /**
       * The chunk and Merkle path do not lead to the contribution's `chunks_root`.
       **/
      BadChunkProof: AugmentedError<ApiType>;
      /**
       * The peer id is not the libp2p peer id of an ed25519 key (identity multihash of the protobuf public key).
       **/
      BadPeerId: AugmentedError<ApiType>;
      /**
       * The signature is not the node key's signature of the heartbeat payload.
       **/
      BadSignature: AugmentedError<ApiType>;
      /**
       * The bond is below the `min_bond` parameter.
       **/
      BondTooLow: AugmentedError<ApiType>;
      /**
       * The challenge was already answered, or its deadline passed (a missed challenge cannot be answered).
       **/
      ChallengeClosed: AugmentedError<ApiType>;
      /**
       * The node has `max_points_per_day` points in the current day window.
       **/
      DailyCapReached: AugmentedError<ApiType>;
      /**
       * `at_block` is after the current block.
       **/
      FutureHeartbeat: AugmentedError<ApiType>;
      /**
       * Less than `heartbeat_interval` blocks since the node's last heartbeat.
       **/
      HeartbeatTooSoon: AugmentedError<ApiType>;
      /**
       * The parameters are out of range.
       **/
      InvalidParams: AugmentedError<ApiType>;
      /**
       * The node is unbonding.
       **/
      NodeNotActive: AugmentedError<ApiType>;
      /**
       * No pending rewards.
       **/
      NothingToClaim: AugmentedError<ApiType>;
      /**
       * Only the node's operator may do this.
       **/
      NotOperator: AugmentedError<ApiType>;
      /**
       * The node is active: unbond it first.
       **/
      NotUnbonded: AugmentedError<ApiType>;
      /**
       * An id or block number overflowed.
       **/
      Overflow: AugmentedError<ApiType>;
      /**
       * A node with this peer id is already registered.
       **/
      PeerIdTaken: AugmentedError<ApiType>;
      /**
       * `at_block` is more than MaxHeartbeatAge blocks old, or not after the previous heartbeat's.
       **/
      StaleHeartbeat: AugmentedError<ApiType>;
      /**
       * The unbonding period is not over yet.
       **/
      StillUnbonding: AugmentedError<ApiType>;
      /**
       * MaxActiveNodes nodes are active.
       **/
      TooManyActiveNodes: AugmentedError<ApiType>;
      /**
       * The caller already operates MaxNodesPerOperator nodes.
       **/
      TooManyNodes: AugmentedError<ApiType>;
      /**
       * No challenge with this id was ever issued.
       **/
      UnknownChallenge: AugmentedError<ApiType>;
      /**
       * No node with this id.
       **/
      UnknownNode: AugmentedError<ApiType>;
      /**
       * The chunk is not as long as that chunk of the content (ChunkSize bytes; the last one shorter).
       **/
      WrongChunkLength: AugmentedError<ApiType>;
      /**
       * The amount must be positive.
       **/
      ZeroAmount: AugmentedError<ApiType>;
    };
    sudo: {
      /**
       * Sender must be the Sudo account.
       **/
      RequireSudo: AugmentedError<ApiType>;
    };
    system: {
      /**
       * The origin filter prevent the call to be dispatched.
       **/
      CallFiltered: AugmentedError<ApiType>;
      /**
       * Failed to extract the runtime version from the new runtime.
       **/
      FailedToExtractRuntimeVersion: AugmentedError<ApiType>;
      /**
       * The name of specification does not match between the current runtime and the new runtime.
       **/
      InvalidSpecName: AugmentedError<ApiType>;
      /**
       * Suicide called when the account has non-default composite data.
       **/
      NonDefaultComposite: AugmentedError<ApiType>;
      /**
       * There is a non-zero reference count preventing the account from being purged.
       **/
      NonZeroRefCount: AugmentedError<ApiType>;
      /**
       * The specification version is not allowed to decrease between the current runtime and the new runtime.
       **/
      SpecVersionNeedsToIncrease: AugmentedError<ApiType>;
    };
    utility: {
      /**
       * Too many calls batched.
       **/
      TooManyCalls: AugmentedError<ApiType>;
    };
  } // AugmentedErrors
} // declare module
