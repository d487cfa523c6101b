// Auto-generated via `yarn polkadot-types-from-chain`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/api-base/types/submittable';

import type { ApiTypes, AugmentedSubmittable, SubmittableExtrinsic, SubmittableExtrinsicFunction } from '@polkadot/api-base/types';
import type { Bytes, Compact, U8aFixed, Vec, bool, u128, u16, u32, u64 } from '@polkadot/types-codec';
import type { AnyNumber, IMethod, ITuple } from '@polkadot/types-codec/types';
import type { AccountId32, Call, H256, MultiAddress } from '@polkadot/types/interfaces/runtime';
import type { PalletAttributionParams, PalletBalancesAdjustmentDirection, PalletDatanetsDataKind, PalletDatanetsParams, PalletDatanetsPolicy, PalletDatanetsReviewDecision, PalletModelsFeeSplit, PalletModelsModelKind, PalletModelsModelStatus, PalletModelsParams, PalletModelsPricing, PalletModelsTrainingSet, PalletNodeRewardsNodeKind, PalletNodeRewardsParams, SlmnetPrimitivesAttributionAttributionEntry, SpWeightsWeightV2Weight } from '@polkadot/types/lookup';

export type __AugmentedSubmittable = AugmentedSubmittable<() => unknown>;
export type __SubmittableExtrinsic<ApiType extends ApiTypes> = SubmittableExtrinsic<ApiType>;
export type __SubmittableExtrinsicFunction<ApiType extends ApiTypes> = SubmittableExtrinsicFunction<ApiType>;

declare module '@polkadot/api-base/types/submittable' {
  interface AugmentedSubmittables<ApiType extends ApiTypes> {
    attribution: {
      /**
       * Attestor: the attribution result of an inference with an output. `result_hash` must be the blake2-256
       * of the SCALE (algorithm, params_hash, entries, evidence_root); entries are ≤ 32 contributions of the
       * model's training set, weights > 0 summing to ≤ 1,000,000, sorted by weight desc then id asc.
       * At ≥ 2/3 of the attestor set on one hash the result is final and the fee is settled. A later attestation
       * that contradicts the final result is slashed like a losing one (agreeing late is refused: it counts for nothing).
       **/
      attest: AugmentedSubmittable<(inference: u64 | AnyNumber | Uint8Array, algorithm: u16 | AnyNumber | Uint8Array, paramsHash: H256 | string | Uint8Array, resultHash: H256 | string | Uint8Array, entries: Vec<SlmnetPrimitivesAttributionAttributionEntry> | (SlmnetPrimitivesAttributionAttributionEntry | { contribution?: any; weightPpm?: any } | string | Uint8Array)[], evidenceRoot: H256 | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64, u16, H256, H256, Vec<SlmnetPrimitivesAttributionAttributionEntry>, H256]>;
      /**
       * Becomes an attestor by holding at least the `min_bond` parameter.
       **/
      bond: AugmentedSubmittable<(amount: u128 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u128]>;
      /**
       * Root: sets the governance parameters (`InvalidParams` when out of range).
       **/
      setParams: AugmentedSubmittable<(params: PalletAttributionParams | { minBond?: any; slashPpm?: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [PalletAttributionParams]>;
      /**
       * Leaves the bonded attestor set and releases the bond, once none of the caller's attestations is open.
       **/
      unbond: AugmentedSubmittable<() => SubmittableExtrinsic<ApiType>, []>;
    };
    balances: {
      /**
       * Burn the specified liquid free balance from the origin account.
       **/
      burn: AugmentedSubmittable<(value: Compact<u128> | AnyNumber | Uint8Array, keepAlive: bool | boolean | Uint8Array) => SubmittableExtrinsic<ApiType>, [Compact<u128>, bool]>;
      /**
       * Adjust the total issuance in a saturating way.
       * 
       * Can only be called by root and always needs a positive `delta`.
       **/
      forceAdjustTotalIssuance: AugmentedSubmittable<(direction: PalletBalancesAdjustmentDirection | 'Increase' | 'Decrease' | number | Uint8Array, delta: Compact<u128> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [PalletBalancesAdjustmentDirection, Compact<u128>]>;
      /**
       * Set the regular balance of a given account.
       * 
       * The dispatch origin for this call is `root`.
       **/
      forceSetBalance: AugmentedSubmittable<(who: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, newFree: Compact<u128> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, Compact<u128>]>;
      /**
       * Exactly as `transfer_allow_death`, except the origin must be root and the source account
       * may be specified.
       **/
      forceTransfer: AugmentedSubmittable<(source: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, dest: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, value: Compact<u128> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, MultiAddress, Compact<u128>]>;
      /**
       * Unreserve some balance from a user by force.
       * 
       * Can only be called by ROOT.
       **/
      forceUnreserve: AugmentedSubmittable<(who: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, amount: u128 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, u128]>;
      /**
       * Transfer the entire transferable balance from the caller account.
       **/
      transferAll: AugmentedSubmittable<(dest: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, keepAlive: bool | boolean | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, bool]>;
      /**
       * Transfer some liquid free balance to another account.
       * 
       * If the sender's account is below the existential deposit as a result
       * of the transfer, the account will be reaped.
       **/
      transferAllowDeath: AugmentedSubmittable<(dest: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, value: Compact<u128> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, Compact<u128>]>;
      /**
       * Same as the `transfer_allow_death` call, but with a check that the transfer will not
       * kill the origin account.
       **/
      transferKeepAlive: AugmentedSubmittable<(dest: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, value: Compact<u128> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, Compact<u128>]>;
    };
    datanets: {
      /**
       * Owner: adds a curator, who may review contributions and publish versions.
       **/
      addCurator: AugmentedSubmittable<(datanet: u32 | AnyNumber | Uint8Array, curator: AccountId32 | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32, AccountId32]>;
      /**
       * Records a contribution: the blake2-256 hash and size of its bytes (stored off chain), the Merkle
       * root of its chunks, metadata (title, mime type) and license. Holds the datanet's contribution deposit until review.
       * `chunks_root`: binary blake2-256 Merkle root over the ChunkSize-byte chunks in order (leaf =
       * blake2-256(0x00 ++ chunk), node = blake2-256(0x01 ++ left ++ right), an odd node is carried up).
       * Storage nodes answer NodeRewards challenges with a chunk and its path to this root, so nobody can
       * answer for a contribution whose root does not match its bytes: curators should reject such a one.
       **/
      contribute: AugmentedSubmittable<(datanet: u32 | AnyNumber | Uint8Array, contentHash: H256 | string | Uint8Array, size: u32 | AnyNumber | Uint8Array, chunksRoot: H256 | string | Uint8Array, metadata: Bytes | string | Uint8Array, license: Bytes | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32, H256, u32, H256, Bytes, Bytes]>;
      /**
       * Creates a datanet owned by the caller. `contribution_deposit` is held from each contributor until review.
       **/
      create: AugmentedSubmittable<(name: Bytes | string | Uint8Array, metadata: Bytes | string | Uint8Array, tags: Vec<Bytes> | (Bytes | string | Uint8Array)[], kind: PalletDatanetsDataKind | 'Text' | 'Code' | 'Image' | 'Audio' | 'Tabular' | 'Other' | number | Uint8Array, license: Bytes | string | Uint8Array, policy: PalletDatanetsPolicy | 'Open' | 'Permissioned' | number | Uint8Array, contributionDeposit: u128 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [Bytes, Bytes, Vec<Bytes>, PalletDatanetsDataKind, Bytes, PalletDatanetsPolicy, u128]>;
      /**
       * Owner or root: stops new contributions (reviews and versions continue).
       **/
      freeze: AugmentedSubmittable<(datanet: u32 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32]>;
      /**
       * Owner or curator: publishes the next version, an immutable snapshot of the accepted, non-revoked
       * contributions: Merkle root over SCALE (contribution id, content hash) in id order, count and bytes.
       **/
      publishVersion: AugmentedSubmittable<(datanet: u32 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32]>;
      /**
       * Owner: removes a curator.
       **/
      removeCurator: AugmentedSubmittable<(datanet: u32 | AnyNumber | Uint8Array, curator: AccountId32 | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32, AccountId32]>;
      /**
       * Owner or curator: accepts a pending contribution with a quality score (0–100; deposit returned)
       * or rejects it with a reason code (`reject_forfeit_ppm` of the deposit goes to the datanet owner, the rest is returned).
       **/
      review: AugmentedSubmittable<(contribution: u64 | AnyNumber | Uint8Array, decision: PalletDatanetsReviewDecision | { Accept: any } | { Reject: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64, PalletDatanetsReviewDecision]>;
      /**
       * Contributor: excludes an accepted contribution from future versions (published versions and history keep it).
       **/
      revoke: AugmentedSubmittable<(contribution: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64]>;
      /**
       * Owner: adds an account to or removes it from the allow-list.
       **/
      setAllowed: AugmentedSubmittable<(datanet: u32 | AnyNumber | Uint8Array, who: AccountId32 | string | Uint8Array, allowed: bool | boolean | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32, AccountId32, bool]>;
      /**
       * Root: sets the governance parameters (`InvalidParams` when out of range).
       **/
      setParams: AugmentedSubmittable<(params: PalletDatanetsParams | { rejectForfeitPpm?: any; minContributionDeposit?: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [PalletDatanetsParams]>;
      /**
       * Owner: Open (anyone contributes) or Permissioned (only the allow-list).
       **/
      setPolicy: AugmentedSubmittable<(datanet: u32 | AnyNumber | Uint8Array, policy: PalletDatanetsPolicy | 'Open' | 'Permissioned' | number | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32, PalletDatanetsPolicy]>;
      /**
       * Owner or root: accepts contributions again.
       **/
      thaw: AugmentedSubmittable<(datanet: u32 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32]>;
      /**
       * Owner: replaces the metadata, tags, license and contribution deposit (pending contributions keep theirs).
       **/
      update: AugmentedSubmittable<(datanet: u32 | AnyNumber | Uint8Array, metadata: Bytes | string | Uint8Array, tags: Vec<Bytes> | (Bytes | string | Uint8Array)[], license: Bytes | string | Uint8Array, contributionDeposit: u128 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32, Bytes, Vec<Bytes>, Bytes, u128]>;
      /**
       * Contributor: withdraws a pending contribution; the deposit is returned.
       **/
      withdraw: AugmentedSubmittable<(contribution: u64 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64]>;
    };
    grandpa: {
      /**
       * Note that the current authority set of the GRANDPA finality gadget has stalled.
       **/
      noteStalled: AugmentedSubmittable<(delay: u32 | AnyNumber | Uint8Array, bestFinalizedBlockNumber: u32 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32, u32]>;
    };
    models: {
      /**
       * Contributor: pays out the caller's accumulated contributor rewards.
       **/
      claimRewards: AugmentedSubmittable<() => SubmittableExtrinsic<ApiType>, []>;
      /**
       * Registers a model trained on published datanet versions. The fee split (ppm) must sum to
       * 1,000,000 with the contributors' part at least the `contributors_floor_ppm` parameter.
       **/
      registerModel: AugmentedSubmittable<(name: Bytes | string | Uint8Array, metadata: Bytes | string | Uint8Array, kind: PalletModelsModelKind | 'InfiniGramV1' | 'External' | number | Uint8Array, trainingSet: Vec<PalletModelsTrainingSet> | (PalletModelsTrainingSet | { datanet?: any; version?: any } | string | Uint8Array)[], manifestHash: H256 | string | Uint8Array, pricing: PalletModelsPricing | { baseFee?: any; perTokenFee?: any } | string | Uint8Array, split: PalletModelsFeeSplit | { developerPpm?: any; contributorsPpm?: any; protocolPpm?: any } | string | Uint8Array, operators: Vec<AccountId32> | (AccountId32 | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [Bytes, Bytes, PalletModelsModelKind, Vec<PalletModelsTrainingSet>, H256, PalletModelsPricing, PalletModelsFeeSplit, Vec<AccountId32>]>;
      /**
       * Consumer: requests an inference, holding `max_fee` until the output fixes the fee (the excess is released).
       **/
      requestInference: AugmentedSubmittable<(model: u32 | AnyNumber | Uint8Array, inputHash: H256 | string | Uint8Array, maxFee: u128 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32, H256, u128]>;
      /**
       * Developer: sets the accounts allowed to submit outputs (besides the developer).
       **/
      setOperators: AugmentedSubmittable<(model: u32 | AnyNumber | Uint8Array, operators: Vec<AccountId32> | (AccountId32 | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [u32, Vec<AccountId32>]>;
      /**
       * Root: sets the governance parameters (`InvalidParams` when out of range).
       **/
      setParams: AugmentedSubmittable<(params: PalletModelsParams | { outputTimeout?: any; attestationTimeout?: any; contributorsFloorPpm?: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [PalletModelsParams]>;
      /**
       * Developer: pauses (no new requests), resumes, or retires (permanently) the model. Open inferences complete.
       **/
      setStatus: AugmentedSubmittable<(model: u32 | AnyNumber | Uint8Array, status: PalletModelsModelStatus | 'Active' | 'Paused' | 'Retired' | number | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32, PalletModelsModelStatus]>;
      /**
       * Operator or developer: records the output of a requested inference before its deadline. The fee is
       * base + per_token × tokens_out, capped at max_fee; the excess is released. Attribution follows.
       **/
      submitOutput: AugmentedSubmittable<(inference: u64 | AnyNumber | Uint8Array, outputHash: H256 | string | Uint8Array, tokensIn: u32 | AnyNumber | Uint8Array, tokensOut: u32 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u64, H256, u32, u32]>;
      /**
       * Developer: changes the price and fee split for future requests.
       **/
      updatePricing: AugmentedSubmittable<(model: u32 | AnyNumber | Uint8Array, pricing: PalletModelsPricing | { baseFee?: any; perTokenFee?: any } | string | Uint8Array, split: PalletModelsFeeSplit | { developerPpm?: any; contributorsPpm?: any; protocolPpm?: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32, PalletModelsPricing, PalletModelsFeeSplit]>;
    };
    nodeRewards: {
      /**
       * The challenged node's operator answers a storage challenge before its deadline: `chunk` is chunk
       * `challenge.chunk` of the contribution's bytes (ChunkSize bytes, the last one shorter) and `proof` its
       * sibling hashes from the leaf up to the contribution's `chunks_root` (none on levels where the node is
       * the odd one carried up). The challenge is closed (`ChallengeAnswered`); a valid answer pays no fee and
       * earns no point: only missing a challenge costs points.
       **/
      answerChallenge: AugmentedSubmittable<(challenge: u64 | AnyNumber | Uint8Array, chunk: Bytes | string | Uint8Array, proof: Vec<H256> | (H256 | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [u64, Bytes, Vec<H256>]>;
      /**
       * Adds `amount` to an active node's bond (held).
       **/
      bondMore: AugmentedSubmittable<(node: u32 | AnyNumber | Uint8Array, amount: u128 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32, u128]>;
      /**
       * Pays the caller's pending node and author rewards from the rewards pot.
       **/
      claim: AugmentedSubmittable<() => SubmittableExtrinsic<ApiType>, []>;
      /**
       * A node's liveness proof, sent by its operator: `signature` is the node's ed25519 signature of
       * `b"slmnet/heartbeat" ++ genesis hash ++ SCALE(node: u32) ++ SCALE(at_block: u32)`, where
       * `at_block` is a recent block (at most MaxHeartbeatAge old, not in the future, later than the
       * previous heartbeat's). Earns one point in the current era; at most one per
       * `heartbeat_interval` blocks and `max_points_per_day` per day window.
       **/
      heartbeat: AugmentedSubmittable<(node: u32 | AnyNumber | Uint8Array, atBlock: u32 | AnyNumber | Uint8Array, signature: U8aFixed | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32, u32, U8aFixed]>;
      /**
       * Registers a node: `peer_id` is the libp2p peer id of the node's ed25519 identity
       * (0x00 0x24 0x08 0x01 0x12 0x20 ++ public key); `proof` is that key's signature of
       * b"slmnet/register" ++ genesis hash ++ the caller's account, so nobody can claim another
       * operator's node; `bond` (>= `min_bond`) is held. The node gets the next id (see `NodeRegistered`).
       **/
      registerNode: AugmentedSubmittable<(kind: PalletNodeRewardsNodeKind | 'Storage' | 'Compute' | 'Validator' | number | Uint8Array, peerId: Bytes | string | Uint8Array, bond: u128 | AnyNumber | Uint8Array, proof: U8aFixed | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [PalletNodeRewardsNodeKind, Bytes, u128, U8aFixed]>;
      /**
       * Root: sets the governance parameters (`InvalidParams` when out of range).
       **/
      setParams: AugmentedSubmittable<(params: PalletNodeRewardsParams | { minBond?: any; heartbeatInterval?: any; maxPointsPerDay?: any; blocksPerDay?: any; eraLength?: any; emissionPerBlock?: any; authorSharePpm?: any; unbondingPeriod?: any; challengePeriod?: any; challengeWindow?: any; challengePenalty?: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [PalletNodeRewardsParams]>;
      /**
       * Deregisters a node: it stops earning at once (its points of the current era are forfeited)
       * and its bond can be withdrawn `unbonding_period` blocks later.
       **/
      unbond: AugmentedSubmittable<(node: u32 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32]>;
      /**
       * Releases the bond of a node whose unbonding period is over and removes the node (its peer id can be registered again).
       **/
      withdrawUnbonded: AugmentedSubmittable<(node: u32 | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [u32]>;
    };
    sudo: {
      /**
       * Permanently removes the sudo key.
       * 
       * **This cannot be un-done.**
       **/
      removeKey: AugmentedSubmittable<() => SubmittableExtrinsic<ApiType>, []>;
      /**
       * Authenticates the current sudo key and sets the given AccountId (`new`) as the new sudo
       * key.
       **/
      setKey: AugmentedSubmittable<(updated: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress]>;
      /**
       * Authenticates the sudo key and dispatches a function call with `Root` origin.
       **/
      sudo: AugmentedSubmittable<(call: Call | IMethod | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Call]>;
      /**
       * Authenticates the sudo key and dispatches a function call with `Signed` origin from
       * a given account.
       **/
      sudoAs: AugmentedSubmittable<(who: MultiAddress | { Id: any } | { Index: any } | { Raw: any } | { Address32: any } | { Address20: any } | string | Uint8Array, call: Call | IMethod | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [MultiAddress, Call]>;
      /**
       * Authenticates the sudo key and dispatches a function call with `Root` origin.
       * This function does not check the weight of the call, and instead allows the
       * Sudo user to specify the weight of the call.
       **/
      sudoUncheckedWeight: AugmentedSubmittable<(call: Call | IMethod | string | Uint8Array, weight: SpWeightsWeightV2Weight | { refTime?: any; proofSize?: any } | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Call, SpWeightsWeightV2Weight]>;
    };
    system: {
      /**
       * Kill some items from storage.
       **/
      killStorage: AugmentedSubmittable<(keys: Vec<Bytes> | (Bytes | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [Vec<Bytes>]>;
      /**
       * Make some on-chain remark.
       **/
      remark: AugmentedSubmittable<(remark: Bytes | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Bytes]>;
      /**
       * Make some on-chain remark and emit event.
       **/
      remarkWithEvent: AugmentedSubmittable<(remark: Bytes | string | Uint8Array) => SubmittableExtrinsic<ApiType>, [Bytes]>;
      /**
       * Set some items of storage.
       **/
      setStorage: AugmentedSubmittable<(items: Vec<ITuple<[Bytes, Bytes]>> | ([Bytes | string | Uint8Array, Bytes | string | Uint8Array])[]) => SubmittableExtrinsic<ApiType>, [Vec<ITuple<[Bytes, Bytes]>>]>;
    };
    timestamp: {
      /**
       * Set the current time.
       **/
      set: AugmentedSubmittable<(now: Compact<u64> | AnyNumber | Uint8Array) => SubmittableExtrinsic<ApiType>, [Compact<u64>]>;
    };
    utility: {
      /**
       * Send a batch of dispatch calls.
       * 
       * May be called from any origin except `None`.
       * 
       * This will return `Ok` in all circumstances. To determine the success of the batch, an
       * event is deposited. If a call failed and the batch was interrupted, then the
       * `BatchInterrupted` event is deposited, along with the number of successful calls made
       * and the error of the failed call. If all were successful, then the `BatchCompleted`
       * event is deposited.
       **/
      batch: AugmentedSubmittable<(calls: Vec<Call> | (Call | IMethod | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [Vec<Call>]>;
      /**
       * Send a batch of dispatch calls and atomically execute them.
       * The whole transaction will rollback and fail if any of the calls failed.
       * 
       * May be called from any origin except `None`.
       **/
      batchAll: AugmentedSubmittable<(calls: Vec<Call> | (Call | IMethod | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [Vec<Call>]>;
      /**
       * Send a batch of dispatch calls.
       * Unlike `batch`, it allows errors and won't interrupt.
       * 
       * May be called from any origin except `None`.
       **/
      forceBatch: AugmentedSubmittable<(calls: Vec<Call> | (Call | IMethod | string | Uint8Array)[]) => SubmittableExtrinsic<ApiType>, [Vec<Call>]>;
    };
  } // AugmentedSubmittables
} // declare module
