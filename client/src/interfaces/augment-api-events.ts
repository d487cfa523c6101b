// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/events';

import type { ApiTypes, AugmentedEvent } from '@polkadot/api-base/types';
import type { Bytes, Null, Option, Result, Vec, bool, u128, u32, u64, u8 } from '@polkadot/types-codec';
import type { ITuple } from '@polkadot/types-codec/types';
import type { AccountId32, H256 } from '@polkadot/types/interfaces/runtime';
import type { FrameSupportDispatchDispatchInfo, FrameSupportTokensMiscBalanceStatus, PalletAttributionParams, PalletBalancesUnexpectedKind, PalletDatanetsDataKind, PalletDatanetsParams, PalletDatanetsPolicy, PalletModelsFeeSplit, PalletModelsModelKind, PalletModelsModelStatus, PalletModelsParams, PalletModelsPricing, PalletNodeRewardsNodeKind, PalletNodeRewardsParams, SlmnetRuntimeRuntimeHoldReason, SpConsensusGrandpaAppPublic, SpRuntimeDispatchError } from '@polkadot/types/lookup';

export type __AugmentedEvent<ApiType extends ApiTypes> = AugmentedEvent<ApiType>;

declare module '@polkadot/api-base/types/events' {
  interface AugmentedEvents<ApiType extends ApiTypes> {
    attribution: {
      /**
       * An account bonded and joined the attestor set.
       **/
      AttestorBonded: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * An attestor signed a result that lost; `amount` of its bond went to the rewards pot (0 for validators, who get a strike).
       **/
      AttestorSlashed: AugmentedEvent<ApiType, [inference: u64, attestor: AccountId32, amount: u128], { inference: u64, attestor: AccountId32, amount: u128 }>;
      /**
       * A bonded attestor left and got its bond back.
       **/
      AttestorUnbonded: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * An attestor attested a result.
       **/
      AttributionAttested: AugmentedEvent<ApiType, [inference: u64, attestor: AccountId32, resultHash: H256], { inference: u64, attestor: AccountId32, resultHash: H256 }>;
      /**
       * No quorum before the deadline: the fee was settled by the fallback split.
       **/
      AttributionDisputed: AugmentedEvent<ApiType, [inference: u64, attestations: u32], { inference: u64, attestations: u32 }>;
      /**
       * A result reached quorum; settlement follows.
       **/
      AttributionFinalized: AugmentedEvent<ApiType, [inference: u64, resultHash: H256, entries_: u32, attestations: u32], { inference: u64, resultHash: H256, entries_: u32, attestations: u32 }>;
      /**
       * A contribution's share of a settled inference (weight 0 = fallback share only).
       **/
      ContributionAttributed: AugmentedEvent<ApiType, [inference: u64, contribution: u64, weightPpm: u32, amount: u128], { inference: u64, contribution: u64, weightPpm: u32, amount: u128 }>;
      /**
       * Governance parameters changed.
       **/
      ParamsSet: AugmentedEvent<ApiType, [params: PalletAttributionParams], { params: PalletAttributionParams }>;
    };
    balances: {
      /**
       * A balance was set by root.
       **/
      BalanceSet: AugmentedEvent<ApiType, [who: AccountId32, free: u128], { who: AccountId32, free: u128 }>;
      /**
       * Some amount was burned from an account.
       **/
      Burned: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * Some debt has been dropped from the Total Issuance.
       **/
      BurnedDebt: AugmentedEvent<ApiType, [amount: u128], { amount: u128 }>;
      /**
       * Held balance was burned from an account.
       **/
      BurnedHeld: AugmentedEvent<ApiType, [reason: SlmnetRuntimeRuntimeHoldReason, who: AccountId32, amount: u128], { reason: SlmnetRuntimeRuntimeHoldReason, who: AccountId32, amount: u128 }>;
      /**
       * Some amount was deposited (e.g. for transaction fees).
       **/
      Deposit: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * An account was removed whose balance was non-zero but below ExistentialDeposit, resulting in an outright loss.
       **/
      DustLost: AugmentedEvent<ApiType, [account: AccountId32, amount: u128], { account: AccountId32, amount: u128 }>;
      /**
       * An account was created with some free balance.
       **/
      Endowed: AugmentedEvent<ApiType, [account: AccountId32, freeBalance: u128], { account: AccountId32, freeBalance: u128 }>;
      /**
       * Some balance was frozen.
       **/
      Frozen: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * Some balance was placed on hold.
       **/
      Held: AugmentedEvent<ApiType, [reason: SlmnetRuntimeRuntimeHoldReason, who: AccountId32, amount: u128], { reason: SlmnetRuntimeRuntimeHoldReason, who: AccountId32, amount: u128 }>;
      /**
       * Total issuance was increased by `amount`, creating a credit to be balanced.
       **/
      Issued: AugmentedEvent<ApiType, [amount: u128], { amount: u128 }>;
      /**
       * Some balance was locked.
       **/
      Locked: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * Some amount was minted into an account.
       **/
      Minted: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * Some credit was balanced and added to the TotalIssuance.
       **/
      MintedCredit: AugmentedEvent<ApiType, [amount: u128], { amount: u128 }>;
      /**
       * Some balance was released from hold.
       **/
      Released: AugmentedEvent<ApiType, [reason: SlmnetRuntimeRuntimeHoldReason, who: AccountId32, amount: u128], { reason: SlmnetRuntimeRuntimeHoldReason, who: AccountId32, amount: u128 }>;
      /**
       * Total issuance was decreased by `amount`, creating a debt to be balanced.
       **/
      Rescinded: AugmentedEvent<ApiType, [amount: u128], { amount: u128 }>;
      /**
       * Some balance was reserved (moved from free to reserved).
       **/
      Reserved: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * Some balance was moved from the reserve of the first account to the second account. Final argument indicates the destination balance type.
       **/
      ReserveRepatriated: AugmentedEvent<ApiType, [from: AccountId32, to: AccountId32, amount: u128, destinationStatus: FrameSupportTokensMiscBalanceStatus], { from: AccountId32, to: AccountId32, amount: u128, destinationStatus: FrameSupportTokensMiscBalanceStatus }>;
      /**
       * Some amount was restored into an account.
       **/
      Restored: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * Some amount was removed from the account (e.g. for misbehavior).
       **/
      Slashed: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * Some amount was suspended from an account (it can be restored later).
       **/
      Suspended: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * Some balance was thawed.
       **/
      Thawed: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * The `TotalIssuance` was forcefully changed.
       **/
      TotalIssuanceForced: AugmentedEvent<ApiType, [old: u128, new_: u128], { old: u128, new_: u128 }>;
      /**
       * Transfer succeeded.
       **/
      Transfer: AugmentedEvent<ApiType, [from: AccountId32, to: AccountId32, amount: u128], { from: AccountId32, to: AccountId32, amount: u128 }>;
      /**
       * The `transferred` balance is placed on hold at the `dest` account.
       **/
      TransferAndHold: AugmentedEvent<ApiType, [reason: SlmnetRuntimeRuntimeHoldReason, source: AccountId32, dest: AccountId32, transferred: u128], { reason: SlmnetRuntimeRuntimeHoldReason, source: AccountId32, dest: AccountId32, transferred: u128 }>;
      /**
       * A transfer of `amount` on hold from `source` to `dest` was initiated.
       **/
      TransferOnHold: AugmentedEvent<ApiType, [reason: SlmnetRuntimeRuntimeHoldReason, source: AccountId32, dest: AccountId32, amount: u128], { reason: SlmnetRuntimeRuntimeHoldReason, source: AccountId32, dest: AccountId32, amount: u128 }>;
      /**
       * An unexpected/defensive event was triggered.
       **/
      Unexpected: AugmentedEvent<ApiType, [PalletBalancesUnexpectedKind]>;
      /**
       * Some balance was unlocked.
       **/
      Unlocked: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * Some balance was unreserved (moved from reserved to free).
       **/
      Unreserved: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * An account was upgraded.
       **/
      Upgraded: AugmentedEvent<ApiType, [who: AccountId32], { who: AccountId32 }>;
      /**
       * Some amount was withdrawn from the account (e.g. for transaction fees).
       **/
      Withdraw: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
    };
    datanets: {
      /**
       * An account was added to or removed from the allow-list.
       **/
      AllowListUpdated: AugmentedEvent<ApiType, [datanet: u32, who: AccountId32, allowed: bool], { datanet: u32, who: AccountId32, allowed: bool }>;
      /**
       * A contribution was accepted; its deposit was returned.
       **/
      ContributionAccepted: AugmentedEvent<ApiType, [contribution: u64, datanet: u32, reviewer: AccountId32, quality: u8], { contribution: u64, datanet: u32, reviewer: AccountId32, quality: u8 }>;
      /**
       * A contribution was rejected; `forfeited` of its deposit went to the datanet owner.
       **/
      ContributionRejected: AugmentedEvent<ApiType, [contribution: u64, datanet: u32, reviewer: AccountId32, reason: u8, forfeited: u128], { contribution: u64, datanet: u32, reviewer: AccountId32, reason: u8, forfeited: u128 }>;
      /**
       * An accepted contribution was revoked: it is left out of future versions.
       **/
      ContributionRevoked: AugmentedEvent<ApiType, [contribution: u64, datanet: u32], { contribution: u64, datanet: u32 }>;
      /**
       * A contribution was submitted and its deposit held.
       **/
      ContributionSubmitted: AugmentedEvent<ApiType, [contribution: u64, datanet: u32, contributor: AccountId32, contentHash: H256, size_: u32, deposit: u128], { contribution: u64, datanet: u32, contributor: AccountId32, contentHash: H256, size_: u32, deposit: u128 }>;
      /**
       * A pending contribution was withdrawn; its deposit was returned.
       **/
      ContributionWithdrawn: AugmentedEvent<ApiType, [contribution: u64, datanet: u32, refunded: u128], { contribution: u64, datanet: u32, refunded: u128 }>;
      /**
       * A curator was added.
       **/
      CuratorAdded: AugmentedEvent<ApiType, [datanet: u32, curator: AccountId32], { datanet: u32, curator: AccountId32 }>;
      /**
       * A curator was removed.
       **/
      CuratorRemoved: AugmentedEvent<ApiType, [datanet: u32, curator: AccountId32], { datanet: u32, curator: AccountId32 }>;
      /**
       * A datanet was created.
       **/
      DatanetCreated: AugmentedEvent<ApiType, [datanet: u32, owner: AccountId32, kind: PalletDatanetsDataKind, name: Bytes], { datanet: u32, owner: AccountId32, kind: PalletDatanetsDataKind, name: Bytes }>;
      /**
       * The datanet stopped accepting contributions.
       **/
      DatanetFrozen: AugmentedEvent<ApiType, [datanet: u32], { datanet: u32 }>;
      /**
       * The datanet accepts contributions again.
       **/
      DatanetThawed: AugmentedEvent<ApiType, [datanet: u32], { datanet: u32 }>;
      /**
       * A datanet's metadata, tags, license or deposit changed.
       **/
      DatanetUpdated: AugmentedEvent<ApiType, [datanet: u32], { datanet: u32 }>;
      /**
       * Governance parameters changed.
       **/
      ParamsSet: AugmentedEvent<ApiType, [params: PalletDatanetsParams], { params: PalletDatanetsParams }>;
      /**
       * The contribution policy changed.
       **/
      PolicySet: AugmentedEvent<ApiType, [datanet: u32, policy: PalletDatanetsPolicy], { datanet: u32, policy: PalletDatanetsPolicy }>;
      /**
       * A version was published.
       **/
      VersionPublished: AugmentedEvent<ApiType, [datanet: u32, version: u32, root: H256, count: u32, bytes: u64], { datanet: u32, version: u32, root: H256, count: u32, bytes: u64 }>;
    };
    grandpa: {
      /**
       * New authority set has been applied.
       **/
      NewAuthorities: AugmentedEvent<ApiType, [authoritySet: Vec<ITuple<[SpConsensusGrandpaAppPublic, u64]>>], { authoritySet: Vec<ITuple<[SpConsensusGrandpaAppPublic, u64]>> }>;
      /**
       * Current authority set has been paused.
       **/
      Paused: AugmentedEvent<ApiType, []>;
      /**
       * Current authority set has been resumed.
       **/
      Resumed: AugmentedEvent<ApiType, []>;
    };
    models: {
      /**
       * A contribution earned a share of an inference fee (claimable).
       **/
      ContributorRewarded: AugmentedEvent<ApiType, [inference: u64, contribution: u64, contributor: AccountId32, amount: u128], { inference: u64, contribution: u64, contributor: AccountId32, amount: u128 }>;
      /**
       * No output arrived before the deadline: the held fee was returned.
       **/
      InferenceRefunded: AugmentedEvent<ApiType, [inference: u64, consumer: AccountId32, amount: u128], { inference: u64, consumer: AccountId32, amount: u128 }>;
      /**
       * An inference was requested; `max_fee` is held.
       **/
      InferenceRequested: AugmentedEvent<ApiType, [inference: u64, model: u32, consumer: AccountId32, inputHash: H256, maxFee: u128], { inference: u64, model: u32, consumer: AccountId32, inputHash: H256, maxFee: u128 }>;
      /**
       * The fee was split: developer, contributors (claimable) and protocol (rewards pot, with rounding residues). `fallback`: split by training bytes.
       **/
      InferenceSettled: AugmentedEvent<ApiType, [inference: u64, fee: u128, developer: u128, contributors: u128, protocol: u128, fallback: bool], { inference: u64, fee: u128, developer: u128, contributors: u128, protocol: u128, fallback: bool }>;
      /**
       * A model was registered.
       **/
      ModelRegistered: AugmentedEvent<ApiType, [model: u32, developer: AccountId32, kind: PalletModelsModelKind, name: Bytes], { model: u32, developer: AccountId32, kind: PalletModelsModelKind, name: Bytes }>;
      /**
       * A model was paused, resumed or retired.
       **/
      ModelStatusChanged: AugmentedEvent<ApiType, [model: u32, status: PalletModelsModelStatus], { model: u32, status: PalletModelsModelStatus }>;
      /**
       * A model's operators changed.
       **/
      OperatorsSet: AugmentedEvent<ApiType, [model: u32, operators: Vec<AccountId32>], { model: u32, operators: Vec<AccountId32> }>;
      /**
       * An output was recorded; the fee is fixed and the excess released.
       **/
      OutputSubmitted: AugmentedEvent<ApiType, [inference: u64, operator: AccountId32, outputHash: H256, tokensIn: u32, tokensOut: u32, fee: u128, refunded: u128], { inference: u64, operator: AccountId32, outputHash: H256, tokensIn: u32, tokensOut: u32, fee: u128, refunded: u128 }>;
      /**
       * Governance parameters changed.
       **/
      ParamsSet: AugmentedEvent<ApiType, [params: PalletModelsParams], { params: PalletModelsParams }>;
      /**
       * A model's price or split changed.
       **/
      PricingUpdated: AugmentedEvent<ApiType, [model: u32, pricing: PalletModelsPricing, split: PalletModelsFeeSplit], { model: u32, pricing: PalletModelsPricing, split: PalletModelsFeeSplit }>;
      /**
       * Contributor rewards were paid out.
       **/
      RewardsClaimed: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
    };
    nodeRewards: {
      /**
       * The block author's share of this block's emission (claimable).
       **/
      AuthorRewarded: AugmentedEvent<ApiType, [author: AccountId32, amount: u128], { author: AccountId32, amount: u128 }>;
      /**
       * A node's bond grew by `amount` to `bond`.
       **/
      BondIncreased: AugmentedEvent<ApiType, [node: u32, amount: u128, bond: u128], { node: u32, amount: u128, bond: u128 }>;
      /**
       * A storage challenge was answered with a valid chunk and Merkle path.
       **/
      ChallengeAnswered: AugmentedEvent<ApiType, [challenge: u64, node: u32], { challenge: u64, node: u32 }>;
      /**
       * A storage challenge: `node` must answer with chunk `chunk` of `contribution` (its `content_hash` bytes) by block `deadline`.
       **/
      ChallengeIssued: AugmentedEvent<ApiType, [challenge: u64, node: u32, contribution: u64, contentHash: H256, chunk: u32, deadline: u32], { challenge: u64, node: u32, contribution: u64, contentHash: H256, chunk: u32, deadline: u32 }>;
      /**
       * A storage challenge's deadline passed unanswered: the node lost `points_lost` points of the current era.
       **/
      ChallengeMissed: AugmentedEvent<ApiType, [challenge: u64, node: u32, pointsLost: u32], { challenge: u64, node: u32, pointsLost: u32 }>;
      /**
       * An era ended: `total` was credited to `nodes` nodes pro rata to their `points` (sum).
       **/
      EraPaid: AugmentedEvent<ApiType, [era: u32, total: u128, nodes: u32, points: u64], { era: u32, total: u128, nodes: u32, points: u64 }>;
      /**
       * A node sent a valid heartbeat; `points` = its points in `era` so far.
       **/
      Heartbeat: AugmentedEvent<ApiType, [node: u32, era: u32, points: u32], { node: u32, era: u32, points: u32 }>;
      /**
       * A node was registered and its bond held.
       **/
      NodeRegistered: AugmentedEvent<ApiType, [node: u32, operator: AccountId32, kind: PalletNodeRewardsNodeKind, peerId: Bytes, bond: u128], { node: u32, operator: AccountId32, kind: PalletNodeRewardsNodeKind, peerId: Bytes, bond: u128 }>;
      /**
       * A node's share of an era payout, credited to its operator (claimable).
       **/
      NodeRewarded: AugmentedEvent<ApiType, [era: u32, node: u32, operator: AccountId32, points: u32, amount: u128], { era: u32, node: u32, operator: AccountId32, points: u32, amount: u128 }>;
      /**
       * Governance parameters changed.
       **/
      ParamsSet: AugmentedEvent<ApiType, [params: PalletNodeRewardsParams], { params: PalletNodeRewardsParams }>;
      /**
       * Pending rewards were paid from the pot.
       **/
      RewardsClaimed: AugmentedEvent<ApiType, [who: AccountId32, amount: u128], { who: AccountId32, amount: u128 }>;
      /**
       * A node was deregistered; its bond can be withdrawn from block `until`.
       **/
      Unbonded: AugmentedEvent<ApiType, [node: u32, operator: AccountId32, bond: u128, until: u32], { node: u32, operator: AccountId32, bond: u128, until: u32 }>;
      /**
       * An unbonded node's bond was released and the node removed.
       **/
      Withdrawn: AugmentedEvent<ApiType, [node: u32, operator: AccountId32, amount: u128], { node: u32, operator: AccountId32, amount: u128 }>;
    };
    sudo: {
      /**
       * The sudo key has been updated.
       **/
      KeyChanged: AugmentedEvent<ApiType, [old: Option<AccountId32>, new_: AccountId32], { old: Option<AccountId32>, new_: AccountId32 }>;
      /**
       * The key was permanently removed.
       **/
      KeyRemoved: AugmentedEvent<ApiType, []>;
      /**
       * A sudo call just took place.
       **/
      Sudid: AugmentedEvent<ApiType, [sudoResult: Result<Null, SpRuntimeDispatchError>], { sudoResult: Result<Null, SpRuntimeDispatchError> }>;
      /**
       * A [sudo_as](Pallet::sudo_as) call just took place.
       **/
      SudoAsDone: AugmentedEvent<ApiType, [sudoResult: Result<Null, SpRuntimeDispatchError>], { sudoResult: Result<Null, SpRuntimeDispatchError> }>;
    };
    system: {
      /**
       * `:code` was updated.
       **/
      CodeUpdated: AugmentedEvent<ApiType, []>;
      /**
       * An extrinsic failed.
       **/
      ExtrinsicFailed: AugmentedEvent<ApiType, [dispatchError: SpRuntimeDispatchError, dispatchInfo: FrameSupportDispatchDispatchInfo], { dispatchError: SpRuntimeDispatchError, dispatchInfo: FrameSupportDispatchDispatchInfo }>;
      /**
       * An extrinsic completed successfully.
       **/
      ExtrinsicSuccess: AugmentedEvent<ApiType, [dispatchInfo: FrameSupportDispatchDispatchInfo], { dispatchInfo: FrameSupportDispatchDispatchInfo }>;
      /**
       * An account was reaped.
       **/
      KilledAccount: AugmentedEvent<ApiType, [account: AccountId32], { account: AccountId32 }>;
      /**
       * A new account was created.
       **/
      NewAccount: AugmentedEvent<ApiType, [account: AccountId32], { account: AccountId32 }>;
      /**
       * On on-chain remark happened.
       **/
      Remarked: AugmentedEvent<ApiType, [sender: AccountId32, hash_: H256], { sender: AccountId32, hash_: H256 }>;
    };
    transactionPayment: {
      /**
       * A transaction fee `actual_fee`, of which `tip` was added to the minimum inclusion fee, has been paid by `who`.
       **/
      TransactionFeePaid: AugmentedEvent<ApiType, [who: AccountId32, actualFee: u128, tip: u128], { who: AccountId32, actualFee: u128, tip: u128 }>;
    };
    utility: {
      /**
       * Batch of dispatches completed fully with no error.
       **/
      BatchCompleted: AugmentedEvent<ApiType, []>;
      /**
       * Batch of dispatches completed but has errors.
       **/
      BatchCompletedWithErrors: AugmentedEvent<ApiType, []>;
      /**
       * Batch of dispatches did not complete fully. Index of first failing dispatch given, as well as the error.
       **/
      BatchInterrupted: AugmentedEvent<ApiType, [index: u32, error: SpRuntimeDispatchError], { index: u32, error: SpRuntimeDispatchError }>;
      /**
       * A call was dispatched.
       **/
      DispatchedAs: AugmentedEvent<ApiType, [result: Result<Null, SpRuntimeDispatchError>], { result: Result<Null, SpRuntimeDispatchError> }>;
      /**
       * A single item within a Batch of dispatches has completed with no error.
       **/
      ItemCompleted: AugmentedEvent<ApiType, []>;
      /**
       * A single item within a Batch of dispatches has completed with error.
       **/
      ItemFailed: AugmentedEvent<ApiType, [error: SpRuntimeDispatchError], { error: SpRuntimeDispatchError }>;
    };
  } // AugmentedEvents
} // declare module
