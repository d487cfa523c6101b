// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/consts';

import type { ApiTypes, AugmentedConst } from '@polkadot/api-base/types';
import type { u128, u16, u32, u64, u8 } from '@polkadot/types-codec';
import type { AccountId32 } from '@polkadot/types/interfaces/runtime';
import type { FrameSystemLimitsBlockLength, FrameSystemLimitsBlockWeights, SpVersionRuntimeVersion, SpWeightsRuntimeDbWeight } from '@polkadot/types/lookup';

export type __AugmentedConst<ApiType extends ApiTypes> = AugmentedConst<ApiType>;

declare module '@polkadot/api-base/types/consts' {
  interface AugmentedConsts<ApiType extends ApiTypes> {
    attribution: {
      maxBondedAttestors: u32 & AugmentedConst<ApiType>;
      /**
       * At most this many (contribution, weight) entries per attestation.
       **/
      maxEntries: u32 & AugmentedConst<ApiType>;
      quorumDenominator: u32 & AugmentedConst<ApiType>;
      quorumNumerator: u32 & AugmentedConst<ApiType>;
    };
    aura: {
      /**
       * The slot duration Aura should run with, expressed in milliseconds.
       **/
      slotDuration: u64 & AugmentedConst<ApiType>;
    };
    balances: {
      /**
       * The minimum amount required to keep an account open. MUST BE GREATER THAN ZERO!
       **/
      existentialDeposit: u128 & AugmentedConst<ApiType>;
      /**
       * The maximum number of individual freeze locks that can exist on an account at any time.
       **/
      maxFreezes: u32 & AugmentedConst<ApiType>;
      /**
       * The maximum number of locks that should exist on an account.
       * Not strictly enforced, but used for weight estimation.
       **/
      maxLocks: u32 & AugmentedConst<ApiType>;
      /**
       * The maximum number of named reserves that can exist on an account.
       **/
      maxReserves: u32 & AugmentedConst<ApiType>;
    };
    datanets: {
      /**
       * Bytes per chunk of the `chunks_root` tree (the last chunk may be shorter).
       **/
      chunkSize: u32 & AugmentedConst<ApiType>;
      maxAcceptedPerDatanet: u32 & AugmentedConst<ApiType>;
      maxContentSize: u32 & AugmentedConst<ApiType>;
      maxCurators: u32 & AugmentedConst<ApiType>;
      maxLicenseLen: u32 & AugmentedConst<ApiType>;
      maxMetadataLen: u32 & AugmentedConst<ApiType>;
      maxNameLen: u32 & AugmentedConst<ApiType>;
      maxPendingPerAccount: u32 & AugmentedConst<ApiType>;
      maxTagLen: u32 & AugmentedConst<ApiType>;
      maxTags: u32 & AugmentedConst<ApiType>;
    };
    grandpa: {
      /**
       * Max Authorities in use
       **/
      maxAuthorities: u32 & AugmentedConst<ApiType>;
      /**
       * The maximum number of nominators for each validator.
       **/
      maxNominators: u32 & AugmentedConst<ApiType>;
      /**
       * The maximum number of entries to keep in the set id to session index mapping.
       **/
      maxSetIdSessionEntries: u64 & AugmentedConst<ApiType>;
    };
    models: {
      /**
       * The account holding unclaimed contributor rewards.
       **/
      contributorEscrow: AccountId32 & AugmentedConst<ApiType>;
      maxMetadataLen: u32 & AugmentedConst<ApiType>;
      maxNameLen: u32 & AugmentedConst<ApiType>;
      maxOperators: u32 & AugmentedConst<ApiType>;
      maxTrainingContributions: u32 & AugmentedConst<ApiType>;
      maxTrainingSets: u32 & AugmentedConst<ApiType>;
      /**
       * The rewards pot: protocol shares and rounding residues.
       **/
      rewardsPot: AccountId32 & AugmentedConst<ApiType>;
    };
    nodeRewards: {
      maxActiveNodes: u32 & AugmentedConst<ApiType>;
      maxChallengeProbes: u32 & AugmentedConst<ApiType>;
      maxHeartbeatAge: u32 & AugmentedConst<ApiType>;
      maxNodesPerOperator: u32 & AugmentedConst<ApiType>;
      maxOpenChallenges: u32 & AugmentedConst<ApiType>;
      maxPeerIdLen: u32 & AugmentedConst<ApiType>;
      /**
       * The rewards pot: pays node and author rewards.
       **/
      rewardsPot: AccountId32 & AugmentedConst<ApiType>;
    };
    system: {
      /**
       * Maximum number of block number to block hash mappings to keep (oldest pruned first).
       **/
      blockHashCount: u32 & AugmentedConst<ApiType>;
      /**
       * The maximum length of a block (in bytes).
       **/
      blockLength: FrameSystemLimitsBlockLength & AugmentedConst<ApiType>;
      /**
       * Block & extrinsics weights: base values and limits.
       **/
      blockWeights: FrameSystemLimitsBlockWeights & AugmentedConst<ApiType>;
      /**
       * The weight of runtime database operations the runtime can invoke.
       **/
      dbWeight: SpWeightsRuntimeDbWeight & AugmentedConst<ApiType>;
      /**
       * The designated SS58 prefix of this chain.
       **/
      ss58Prefix: u16 & AugmentedConst<ApiType>;
      /**
       * Get the chain's in-code version.
       **/
      version: SpVersionRuntimeVersion & AugmentedConst<ApiType>;
    };
    timestamp: {
      /**
       * The minimum period between blocks.
       **/
      minimumPeriod: u64 & AugmentedConst<ApiType>;
    };
    transactionPayment: {
      /**
       * A fee multiplier for `Operational` extrinsics to compute "virtual tip" to boost their
       * `priority`
       **/
      operationalFeeMultiplier: u8 & AugmentedConst<ApiType>;
    };
    utility: {
      /**
       * The limit on the number of batched calls.
       **/
      batchedCallsLimit: u32 & AugmentedConst<ApiType>;
    };
  } // AugmentedConsts
} // declare module
