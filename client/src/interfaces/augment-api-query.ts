// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/storage';

import type { ApiTypes, AugmentedQuery, QueryableStorageEntry } from '@polkadot/api-base/types';
import type { Bytes, Option, Vec, bool, u128, u32, u64 } from '@polkadot/types-codec';
import type { AnyNumber, ITuple } from '@polkadot/types-codec/types';
import type { AccountId32, H256 } from '@polkadot/types/interfaces/runtime';
import type { FrameSupportDispatchPerDispatchClassWeight, FrameSupportTokensMiscIdAmountRuntimeFreezeReason, FrameSupportTokensMiscIdAmountRuntimeHoldReason, FrameSystemAccountInfo, FrameSystemEventRecord, PalletAttributionAttestation, PalletAttributionContributionStats, PalletAttributionFinalResult, PalletAttributionParams, PalletAttributionTally, PalletBalancesAccountData, PalletBalancesBalanceLock, PalletBalancesReserveData, PalletDatanetsContribution, PalletDatanetsDatanetInfo, PalletDatanetsParams, PalletDatanetsReputation, PalletDatanetsVersionInfo, PalletGrandpaStoredState, PalletModelsInference, PalletModelsModelInfo, PalletModelsParams, PalletModelsTrainingItem, PalletNodeRewardsChallenge, PalletNodeRewardsNodeInfo, PalletNodeRewardsParams, PalletTransactionPaymentReleases, SpConsensusAuraSr25519AppSr25519Public, SpConsensusGrandpaAppPublic, SpRuntimeDigest } from '@polkadot/types/lookup';
import type { Observable } from '@polkadot/types/types';

export type __AugmentedQuery<ApiType extends ApiTypes> = AugmentedQuery<ApiType, () => unknown>;
export type __QueryableStorageEntry<ApiType extends ApiTypes> = QueryableStorageEntry<ApiType>;

declare module '@polkadot/api-base/types/storage' {
  interface AugmentedQueries<ApiType extends ApiTypes> {
    attribution: {
      /**
       * Attestations per inference and attestor.
       **/
      attestations: AugmentedQuery<ApiType, (arg1: u64 | AnyNumber | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<Option<PalletAttributionAttestation>>, [u64, AccountId32]>;
      /**
       * Who attested an inference, in order.
       **/
      attesters: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Vec<AccountId32>>, [u64]>;
      /**
       * Bonded (non-validator) attestors and their bonds.
       **/
      bonded: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<Option<u128>>, [AccountId32]>;
      /**
       * Bonded attestors, in bonding order.
       **/
      bondedList: AugmentedQuery<ApiType, () => Observable<Vec<AccountId32>>, []>;
      /**
       * Attestations of an attestor on inferences not yet final (unbonding waits for 0).
       **/
      openAttestations: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<u32>, [AccountId32]>;
      /**
       * Governance parameters: genesis config, changed by `set_params` (root).
       **/
      params: AugmentedQuery<ApiType, () => Observable<PalletAttributionParams>, []>;
      /**
       * Final (or disputed) attribution of settled inferences.
       **/
      results: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<PalletAttributionFinalResult>>, [u64]>;
      /**
       * Per contribution: inferences attributed to it, the sum of its weights (ppm) and its earnings.
       **/
      stats: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<PalletAttributionContributionStats>, [u64]>;
      /**
       * Losing attestations of validator attestors (who have no bond to slash).
       **/
      strikes: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<u32>, [AccountId32]>;
      /**
       * Attestations per result hash of an open inference.
       **/
      tallies: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Vec<PalletAttributionTally>>, [u64]>;
    };
    aura: {
      /**
       * The current authority set.
       **/
      authorities: AugmentedQuery<ApiType, () => Observable<Vec<SpConsensusAuraSr25519AppSr25519Public>>, []>;
      /**
       * The current slot of this block.
       **/
      currentSlot: AugmentedQuery<ApiType, () => Observable<u64>, []>;
    };
    balances: {
      /**
       * The Balances pallet example of storing the balance of an account.
       * 
       * Unused here: balances are stored in `System::Account` (`AccountStore = System`).
       **/
      account: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<PalletBalancesAccountData>, [AccountId32]>;
      /**
       * Freeze locks on account balances.
       **/
      freezes: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<Vec<FrameSupportTokensMiscIdAmountRuntimeFreezeReason>>, [AccountId32]>;
      /**
       * Holds on account balances.
       **/
      holds: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<Vec<FrameSupportTokensMiscIdAmountRuntimeHoldReason>>, [AccountId32]>;
      /**
       * The total units of outstanding deactivated balance in the system.
       **/
      inactiveIssuance: AugmentedQuery<ApiType, () => Observable<u128>, []>;
      /**
       * Any liquidity locks on some account balances.
       * Locks are not used by this runtime; freezes replace them.
       **/
      locks: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<Vec<PalletBalancesBalanceLock>>, [AccountId32]>;
      /**
       * Named reserves on some account balances.
       * Named reserves are not used by this runtime (`MaxReserves = 0`).
       **/
      reserves: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<Vec<PalletBalancesReserveData>>, [AccountId32]>;
      /**
       * The total units issued in the system.
       **/
      totalIssuance: AugmentedQuery<ApiType, () => Observable<u128>, []>;
    };
    datanets: {
      /**
       * Accepted, non-revoked contributions of a datanet, in id order: the next version.
       **/
      acceptedIds: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Vec<u64>>, [u32]>;
      /**
       * Accounts allowed to contribute to a Permissioned datanet.
       **/
      allowList: AugmentedQuery<ApiType, (arg1: u32 | AnyNumber | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<bool>, [u32, AccountId32]>;
      /**
       * Live (not rejected or withdrawn) contribution of a content hash in a datanet.
       **/
      contributionByHash: AugmentedQuery<ApiType, (arg1: u32 | AnyNumber | Uint8Array, arg2: H256 | string | Uint8Array) => Observable<Option<u64>>, [u32, H256]>;
      /**
       * Contributions by id.
       **/
      contributions: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<PalletDatanetsContribution>>, [u64]>;
      /**
       * Curators of a datanet (besides its owner).
       **/
      curators: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Vec<AccountId32>>, [u32]>;
      /**
       * Datanets by id.
       **/
      datanets: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Option<PalletDatanetsDatanetInfo>>, [u32]>;
      /**
       * The id the next contribution gets (global across datanets).
       **/
      nextContributionId: AugmentedQuery<ApiType, () => Observable<u64>, []>;
      /**
       * The id the next datanet gets.
       **/
      nextDatanetId: AugmentedQuery<ApiType, () => Observable<u32>, []>;
      /**
       * Governance parameters: genesis config, changed by `set_params` (root).
       **/
      params: AugmentedQuery<ApiType, () => Observable<PalletDatanetsParams>, []>;
      /**
       * Pending contributions per account.
       **/
      pendingCount: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<u32>, [AccountId32]>;
      /**
       * Review outcomes per contributor per datanet.
       **/
      reputations: AugmentedQuery<ApiType, (arg1: u32 | AnyNumber | Uint8Array, arg2: AccountId32 | string | Uint8Array) => Observable<PalletDatanetsReputation>, [u32, AccountId32]>;
      /**
       * The contributions of a published version, in id order.
       **/
      versionContributions: AugmentedQuery<ApiType, (arg1: u32 | AnyNumber | Uint8Array, arg2: u32 | AnyNumber | Uint8Array) => Observable<Vec<u64>>, [u32, u32]>;
      /**
       * Published versions.
       **/
      versions: AugmentedQuery<ApiType, (arg1: u32 | AnyNumber | Uint8Array, arg2: u32 | AnyNumber | Uint8Array) => Observable<Option<PalletDatanetsVersionInfo>>, [u32, u32]>;
    };
    grandpa: {
      /**
       * The current list of authorities.
       **/
      authorities: AugmentedQuery<ApiType, () => Observable<Vec<ITuple<[SpConsensusGrandpaAppPublic, u64]>>>, []>;
      /**
       * The number of changes (both in terms of keys and underlying economic responsibilities) in the "set" of Grandpa validators from genesis.
       **/
      currentSetId: AugmentedQuery<ApiType, () => Observable<u64>, []>;
      /**
       * State of the current authority set.
       **/
      state: AugmentedQuery<ApiType, () => Observable<PalletGrandpaStoredState>, []>;
    };
    models: {
      /**
       * Inferences disputed (fallback split) at the start of a block unless attribution was final.
       **/
      attestationDeadlines: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Vec<u64>>, [u32]>;
      /**
       * Inferences by id.
       **/
      inferences: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<PalletModelsInference>>, [u64]>;
      /**
       * Models by id.
       **/
      models: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Option<PalletModelsModelInfo>>, [u32]>;
      /**
       * The id the next inference gets.
       **/
      nextInferenceId: AugmentedQuery<ApiType, () => Observable<u64>, []>;
      /**
       * The id the next model gets.
       **/
      nextModelId: AugmentedQuery<ApiType, () => Observable<u32>, []>;
      /**
       * Inferences refunded at the start of a block unless their output arrived.
       **/
      outputDeadlines: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Vec<u64>>, [u32]>;
      /**
       * Governance parameters: genesis config, changed by `set_params` (root).
       **/
      params: AugmentedQuery<ApiType, () => Observable<PalletModelsParams>, []>;
      /**
       * Contributor rewards waiting to be claimed (held by the escrow account).
       **/
      pendingRewards: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<u128>, [AccountId32]>;
      /**
       * The contributions of a model's training set (union of its versions), in id order.
       **/
      trainingContributions: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Vec<PalletModelsTrainingItem>>, [u32]>;
    };
    nodeRewards: {
      /**
       * Ids of the active (bonded, not unbonding) nodes.
       **/
      activeNodes: AugmentedQuery<ApiType, () => Observable<Vec<u32>>, []>;
      /**
       * Open storage challenges by id (removed when answered or missed).
       **/
      challenges: AugmentedQuery<ApiType, (arg: u64 | AnyNumber | Uint8Array) => Observable<Option<PalletNodeRewardsChallenge>>, [u64]>;
      /**
       * The era heartbeats currently earn points in.
       **/
      currentEra: AugmentedQuery<ApiType, () => Observable<u32>, []>;
      /**
       * Active nodes with at least one point in the current era, in order of their first heartbeat.
       **/
      eraParticipants: AugmentedQuery<ApiType, () => Observable<Vec<u32>>, []>;
      /**
       * The id the next storage challenge gets.
       **/
      nextChallengeId: AugmentedQuery<ApiType, () => Observable<u64>, []>;
      /**
       * The id the next node gets.
       **/
      nextNodeId: AugmentedQuery<ApiType, () => Observable<u32>, []>;
      /**
       * Node id by libp2p peer id: a peer id is registered at most once.
       **/
      nodeByPeerId: AugmentedQuery<ApiType, (arg: Bytes | string | Uint8Array) => Observable<Option<u32>>, [Bytes]>;
      /**
       * Registered nodes (active or unbonding) by id.
       **/
      nodes: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<Option<PalletNodeRewardsNodeInfo>>, [u32]>;
      /**
       * Ids of the open challenges, oldest first (at most MaxOpenChallenges).
       **/
      openChallenges: AugmentedQuery<ApiType, () => Observable<Vec<u64>>, []>;
      /**
       * Ids of the nodes an account operates (active or unbonding).
       **/
      operatorNodes: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<Vec<u32>>, [AccountId32]>;
      /**
       * Governance parameters: genesis config, changed by `set_params` (root).
       **/
      params: AugmentedQuery<ApiType, () => Observable<PalletNodeRewardsParams>, []>;
      /**
       * Node and author rewards waiting to be claimed (kept in the rewards pot).
       **/
      pendingRewards: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<u128>, [AccountId32]>;
      /**
       * Sum of `PendingRewards`: the pot never pays these out in an era.
       **/
      totalPending: AugmentedQuery<ApiType, () => Observable<u128>, []>;
    };
    sudo: {
      /**
       * The `AccountId` of the sudo key.
       **/
      key: AugmentedQuery<ApiType, () => Observable<Option<AccountId32>>, []>;
    };
    system: {
      /**
       * The full account information for a particular account ID.
       **/
      account: AugmentedQuery<ApiType, (arg: AccountId32 | string | Uint8Array) => Observable<FrameSystemAccountInfo>, [AccountId32]>;
      /**
       * Total length (in bytes) for all extrinsics put together, for the current block.
       **/
      allExtrinsicsLen: AugmentedQuery<ApiType, () => Observable<Option<u32>>, []>;
      /**
       * Map of block numbers to block hashes.
       **/
      blockHash: AugmentedQuery<ApiType, (arg: u32 | AnyNumber | Uint8Array) => Observable<H256>, [u32]>;
      /**
       * The current weight for the block.
       **/
      blockWeight: AugmentedQuery<ApiType, () => Observable<FrameSupportDispatchPerDispatchClassWeight>, []>;
      /**
       * Digest of the current block, also part of the block header.
       **/
      digest: AugmentedQuery<ApiType, () => Observable<SpRuntimeDigest>, []>;
      /**
       * The number of events in the `Events<T>` list.
       **/
      eventCount: AugmentedQuery<ApiType, () => Observable<u32>, []>;
      /**
       * Events deposited for the current block.
       **/
      events: AugmentedQuery<ApiType, () => Observable<Vec<FrameSystemEventRecord>>, []>;
      /**
       * Total extrinsics count for the current block.
       **/
      extrinsicCount: AugmentedQuery<ApiType, () => Observable<Option<u32>>, []>;
      /**
       * The current block number being processed. Set by `execute_block`.
       **/
      number: AugmentedQuery<ApiType, () => Observable<u32>, []>;
      /**
       * Hash of the previous block.
       **/
      parentHash: AugmentedQuery<ApiType, () => Observable<H256>, []>;
    };
    timestamp: {
      /**
       * Whether the timestamp has been updated in this block.
       **/
      didUpdate: AugmentedQuery<ApiType, () => Observable<bool>, []>;
      /**
       * The current time for the current block.
       **/
      now: AugmentedQuery<ApiType, () => Observable<u64>, []>;
    };
    transactionPayment: {
      nextFeeMultiplier: AugmentedQuery<ApiType, () => Observable<u128>, []>;
      storageVersion: AugmentedQuery<ApiType, () => Observable<PalletTransactionPaymentReleases>, []>;
    };
  } // AugmentedQueries
} // declare module
