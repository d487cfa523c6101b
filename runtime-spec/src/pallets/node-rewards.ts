// pallet_node_rewards: operators bond nodes (Storage/Compute/Validator, identified by an ed25519
// libp2p peer id), nodes earn one point per signed heartbeat, and at each era end the rewards
// pot (protocol fee shares + per-block emission) is paid pro rata to the era's points. Block
// authors get a share of each block's emission. All rewards are credited as pending and paid
// from the pot by `claim`, so the pot always holds ED + every unclaimed reward.
//
// Storage claims are checked by challenges: every `challenge_period` blocks the chain draws a
// storage or validator node, an accepted contribution and one of its chunks; the node's operator
// answers with the chunk and its Merkle path to the contribution's `chunks_root` within
// `challenge_window` blocks, or the node loses `challenge_penalty` points of the current era.
//
// Nodes are keyed by a u32 id (not by peer id): ids are short in events and heartbeat
// payloads, and a peer id freed by `withdraw_unbonded` can be registered again under a new id
// without old signed heartbeats becoming valid for it (the id is part of the signed payload).
import * as T from '../codec/types.ts';
import * as C from '../config.ts';
import { addWeight, ensureSigned } from '../framework/dispatch.ts';
import type { Ext } from '../framework/ext.ts';
import { call, event, pallet, type AnyPallet } from '../framework/pallet.ts';
import { map, value } from '../framework/storage.ts';
import { blake2_256, concat, equalBytes, text, verifyEd25519 } from '../crypto.ts';
import { chunkCount, chunkLength, verifyChunk } from '../merkle.ts';
import { PPM } from '../attribution-result.ts';
import { AccountId, Balance, BlockNumber, H256, type Weight } from '../primitives.ts';
import { endowAtGenesis, freeBalance, hold, mint, release, transfer } from './balances.ts';
import { dbWeight, governanceParams, ppmOf, unitEnum, blockNumber } from './common.ts';
import { ContributionId, datanets, getContribution } from './datanets.ts';
import { REWARDS_POT } from './pot.ts';
import { aura } from './aura.ts';
import { system } from './system.ts';

const CRATE = 'pallet_node_rewards';
const path = (n: string) => [CRATE, 'types', n];

export const LIMITS = {
  /** Nodes (active or unbonding) one account may operate. */
  MaxNodesPerOperator: 16,
  /** Active nodes in total: bounds the era-end payout loop. */
  MaxActiveNodes: 1_024,
  /** Stored peer ids are bounded by this (ed25519 peer ids are 38 bytes). */
  MaxPeerIdLen: 64,
  /** A heartbeat's `at_block` may be at most this many blocks old when it is included. */
  MaxHeartbeatAge: 10,
  /** Open storage challenges at most (no draw while this many are open): bounds the deadline sweep of each block. */
  MaxOpenChallenges: 64,
  /** Nodes, and contribution ids, a draw tries from its random starting point: bounds the draw's reads. */
  MaxChallengeProbes: 16,
};
/** `emission_per_block` cap: issuance stays far from u128::MAX for any realistic chain lifetime. */
const MAX_EMISSION = 1n << 80n;

/** Domain separator of the heartbeat payload the node key signs. */
export const HEARTBEAT_CONTEXT = text('slmnet/heartbeat');
/** What a node key signs to be registered by an operator: b"slmnet/register" ++ genesis hash ++ operator account. */
export const REGISTER_CONTEXT = text('slmnet/register');
/** Domain separator of the challenge draw's seed: blake2-256(b"slmnet/challenge" ++ parent hash). */
export const CHALLENGE_CONTEXT = text('slmnet/challenge');
/** libp2p peer id of an ed25519 key: identity multihash (0x00, len 0x24) of the protobuf PublicKey{Type=Ed25519(1), Data=32 bytes}. */
const ED25519_PEER_ID_PREFIX = Uint8Array.of(0x00, 0x24, 0x08, 0x01, 0x12, 0x20);

export const NodeId = T.u32;
export const NodeKind = unitEnum(path('NodeKind'), ['Storage', 'Compute', 'Validator'] as const);
export const NodeStatus = T.enumeration<{ tag: 'Active'; value: undefined } | { tag: 'Unbonding'; value: { until: number } }>(
  { path: path('NodeStatus'), docs: ['`Unbonding { until }`: deregistered; the bond can be withdrawn from block `until`.'] },
  { Active: {}, Unbonding: { fields: { until: BlockNumber } } },
);

export const NodeInfo = T.struct({ path: path('NodeInfo') }, {
  operator: AccountId,
  kind: NodeKind,
  peer_id: T.bytes,
  /** The ed25519 public key inside the peer id: heartbeats are signed with it. */
  public_key: T.fixed(32),
  bond: Balance,
  status: NodeStatus,
  registered: BlockNumber,
  /** Block in which the last heartbeat was included (interval check). */
  last_heartbeat: T.option(BlockNumber),
  /** `at_block` of the last heartbeat: a new one must be signed for a later block (no replay). */
  last_signed_at: T.option(BlockNumber),
  /** Day window (block / blocks_per_day) `day_points` counts in. */
  day: T.u32,
  day_points: T.u32,
  /** Era `era_points` counts in: points of an earlier era are stale (reset lazily). */
  points_era: T.u32,
  era_points: T.u32,
  total_points: T.u64,
  /** Rewards credited to the operator for this node over its lifetime. */
  earned: Balance,
}, { public_key: '[u8; 32]' });
export type NodeInfo = ReturnType<typeof NodeInfo.codec.dec>;

export const ChallengeId = T.u64;
export const Challenge = T.struct({ path: path('Challenge'), docs: ['A storage challenge: `node` must prove it holds chunk `chunk` of `contribution` by block `deadline`.'] }, {
  node: NodeId,
  contribution: ContributionId,
  /** The contribution's content hash, so the node finds the bytes without another read. */
  content_hash: H256,
  chunk: T.u32,
  /** The last block an answer can be included in. */
  deadline: BlockNumber,
});
export type Challenge = ReturnType<typeof Challenge.codec.dec>;

const params = governanceParams(CRATE, {
  min_bond: Balance,
  heartbeat_interval: BlockNumber,
  max_points_per_day: T.u32,
  blocks_per_day: BlockNumber,
  era_length: BlockNumber,
  emission_per_block: Balance,
  author_share_ppm: T.u32,
  unbonding_period: BlockNumber,
  challenge_period: BlockNumber,
  challenge_window: BlockNumber,
  challenge_penalty: T.u32,
}, {
  min_bond: 100n * C.UNIT,
  heartbeat_interval: 150, // 5 minutes at 2 s blocks
  max_points_per_day: 288,
  blocks_per_day: 43_200,
  era_length: 3_600, // 2 hours
  emission_per_block: C.UNIT,
  author_share_ppm: 200_000,
  unbonding_period: 50_400, // 28 hours
  challenge_period: 30, // a challenge a minute (0 = no challenges)
  challenge_window: 10, // 20 seconds to answer: plenty for a chunk the node stores
  challenge_penalty: 3, // more than a heartbeat earns, so that dropping content never pays
}, (p) => (p.min_bond < C.EXISTENTIAL_DEPOSIT ? 'min_bond must be at least the existential deposit'
  : p.heartbeat_interval === 0 || p.blocks_per_day === 0 || p.era_length === 0 ? 'heartbeat_interval, blocks_per_day and era_length must be positive'
  : p.max_points_per_day === 0 ? 'max_points_per_day must be positive'
  : p.author_share_ppm > PPM ? 'author_share_ppm must be at most 1,000,000'
  : p.emission_per_block > MAX_EMISSION ? 'emission_per_block must be at most 2^80'
  : p.challenge_window === 0 ? 'challenge_window must be positive'
  : undefined));
export type NodeRewardsParams = ReturnType<typeof params.Params.codec.dec>;

const w = {
  register: dbWeight(60n, 6, 6),
  heartbeat: dbWeight(120n, 4, 2), // ed25519 verification dominates
  bond: dbWeight(40n, 3, 3),
  unbond: dbWeight(40n, 4, 3),
  withdraw: dbWeight(50n, 4, 5),
  claim: dbWeight(40n, 4, 4),
  update: dbWeight(10n, 0, 1),
  // up to MaxContentSize / ChunkSize leaves: 1 KiB chunk + 14 path hashes
  answer: dbWeight(60n, 5, 2),
};

const ev = event;
const N = { node: NodeId };

export const nodeRewards = pallet({
  name: 'NodeRewards',
  crate: CRATE,
  index: 13,
  docs: [
    'Bonded nodes earn points with signed heartbeats and share the rewards pot pro rata at each era end;',
    'block authors earn a share of each block\'s emission. Rewards are claimable.',
    'Storage challenges: every `challenge_period` blocks (0 = never) the chain draws an active Storage or Validator',
    'node, an Accepted contribution and a chunk of it, seeded by blake2-256(b"slmnet/challenge" ++ parent hash). That',
    'seed is known a block ahead and its author could try other blocks, like pallet_insecure_randomness_collective_flip;',
    'acceptable here: knowing the chunk early saves a node nothing, it still has to produce the bytes within the window,',
    'and the bytes being retrievable is what the check secures. The node\'s operator answers with `answer_challenge`',
    'within `challenge_window` blocks (the node\'s responder does it by itself);',
    'a missed challenge costs `challenge_penalty` points of the current era (saturating at 0). Every node is',
    'expected to hold every accepted contribution, so a contribution whose bytes are unavailable, or whose',
    '`chunks_root` does not match them, should never be accepted.',
  ],
  storage: {
    Params: params.storage,
    NextNodeId: value(NodeId, { default: 0, docs: ['The id the next node gets.'] }),
    Nodes: map('Twox64Concat', NodeId, NodeInfo, { docs: ['Registered nodes (active or unbonding) by id.'] }),
    NodeByPeerId: map('Blake2_128Concat', T.bytes, NodeId, { docs: ['Node id by libp2p peer id: a peer id is registered at most once.'] }),
    OperatorNodes: map('Blake2_128Concat', AccountId, T.vec(NodeId), { default: [], docs: ['Ids of the nodes an account operates (active or unbonding).'] }),
    ActiveNodes: value(T.vec(NodeId), { default: [], docs: ['Ids of the active (bonded, not unbonding) nodes.'] }),
    EraParticipants: value(T.vec(NodeId), { default: [], docs: ['Active nodes with at least one point in the current era, in order of their first heartbeat.'] }),
    CurrentEra: value(T.u32, { default: 0, docs: ['The era heartbeats currently earn points in.'] }),
    PendingRewards: map('Blake2_128Concat', AccountId, Balance, { default: 0n, docs: ['Node and author rewards waiting to be claimed (kept in the rewards pot).'] }),
    TotalPending: value(Balance, { default: 0n, docs: ['Sum of `PendingRewards`: the pot never pays these out in an era.'] }),
    NextChallengeId: value(ChallengeId, { default: 0n, docs: ['The id the next storage challenge gets.'] }),
    Challenges: map('Twox64Concat', ChallengeId, Challenge, { docs: ['Open storage challenges by id (removed when answered or missed).'] }),
    OpenChallenges: value(T.vec(ChallengeId), { default: [], docs: ['Ids of the open challenges, oldest first (at most MaxOpenChallenges).'] }),
  },
  holdReasons: {
    NodeBond: 'The bond of a registered node, until it is withdrawn after unbonding.',
  },
  constants: {
    ...Object.fromEntries(Object.entries(LIMITS).map(([k, v]) => [k, { ty: T.u32, value: v }])),
    RewardsPot: { ty: AccountId, value: REWARDS_POT, docs: ['The rewards pot: pays node and author rewards.'] },
  },
  calls: {
    register_node: call({
      index: 0, origin: 'signed', weight: () => w.register,
      args: { kind: NodeKind, peer_id: T.bytes, bond: Balance, proof: T.fixed(64) },
      typeNames: { peer_id: 'BoundedVec<u8, T::MaxPeerIdLen>', bond: 'BalanceOf<T>', proof: '[u8; 64]' },
      docs: [
        'Registers a node: `peer_id` is the libp2p peer id of the node\'s ed25519 identity',
        '(0x00 0x24 0x08 0x01 0x12 0x20 ++ public key); `proof` is that key\'s signature of',
        'b"slmnet/register" ++ genesis hash ++ the caller\'s account, so nobody can claim another',
        'operator\'s node; `bond` (>= `min_bond`) is held. The node gets the next id (see `NodeRegistered`).',
      ],
      dispatch: ({ ext, origin }, { kind, peer_id, bond, proof }) => {
        const who = ensureSigned(origin);
        const p = params.storage.get(ext);
        const publicKey = parsePeerId(peer_id);
        if (!publicKey) throw nodeRewards.error('BadPeerId');
        if (!verifyEd25519(registrationPayload(ext, who), proof, publicKey)) throw nodeRewards.error('BadSignature');
        if (bond < p.min_bond) throw nodeRewards.error('BondTooLow');
        const s = nodeRewards.storage;
        if (s.NodeByPeerId.contains(ext, peer_id)) throw nodeRewards.error('PeerIdTaken');
        const mine = s.OperatorNodes.get(ext, who);
        if (mine.length >= LIMITS.MaxNodesPerOperator) throw nodeRewards.error('TooManyNodes');
        const active = s.ActiveNodes.get(ext);
        if (active.length >= LIMITS.MaxActiveNodes) throw nodeRewards.error('TooManyActiveNodes');
        const id = s.NextNodeId.get(ext);
        if (id >= 0xffff_ffff) throw nodeRewards.error('Overflow');
        hold(ext, nodeRewards.holdReason('NodeBond'), who, bond);
        s.NextNodeId.set(ext, id + 1);
        s.Nodes.set(ext, id, {
          operator: who, kind, peer_id, public_key: publicKey, bond, status: { tag: 'Active', value: undefined },
          registered: blockNumber(ext), last_heartbeat: undefined, last_signed_at: undefined,
          day: 0, day_points: 0, points_era: s.CurrentEra.get(ext), era_points: 0, total_points: 0n, earned: 0n,
        });
        s.NodeByPeerId.set(ext, peer_id, id);
        s.OperatorNodes.set(ext, who, [...mine, id]);
        s.ActiveNodes.set(ext, [...active, id]);
        nodeRewards.deposit(ext, { tag: 'NodeRegistered', value: { node: id, operator: who, kind, peer_id, bond } });
      },
    }),
    heartbeat: call({
      index: 1, origin: 'signed', weight: () => w.heartbeat,
      args: { node: NodeId, at_block: BlockNumber, signature: T.fixed(64) },
      typeNames: { node: 'NodeId', at_block: 'BlockNumberFor<T>', signature: '[u8; 64]' },
      docs: [
        'A node\'s liveness proof, sent by its operator: `signature` is the node\'s ed25519 signature of',
        '`b"slmnet/heartbeat" ++ genesis hash ++ SCALE(node: u32) ++ SCALE(at_block: u32)`, where',
        '`at_block` is a recent block (at most MaxHeartbeatAge old, not in the future, later than the',
        'previous heartbeat\'s). Earns one point in the current era; at most one per',
        '`heartbeat_interval` blocks and `max_points_per_day` per day window.',
      ],
      dispatch: ({ ext, origin }, { node, at_block, signature }) => {
        const who = ensureSigned(origin);
        const info = getNode(ext, node);
        if (!equalBytes(info.operator, who)) throw nodeRewards.error('NotOperator');
        if (info.status.tag !== 'Active') throw nodeRewards.error('NodeNotActive');
        const n = blockNumber(ext);
        if (at_block > n) throw nodeRewards.error('FutureHeartbeat');
        if (n - at_block > LIMITS.MaxHeartbeatAge || (info.last_signed_at !== undefined && at_block <= info.last_signed_at)) {
          throw nodeRewards.error('StaleHeartbeat');
        }
        if (!verifyEd25519(heartbeatPayload(ext, node, at_block), signature, info.public_key)) throw nodeRewards.error('BadSignature');
        const p = params.storage.get(ext);
        if (info.last_heartbeat !== undefined && n - info.last_heartbeat < p.heartbeat_interval) throw nodeRewards.error('HeartbeatTooSoon');
        const day = Math.floor(n / p.blocks_per_day);
        const dayPoints = info.day === day ? info.day_points : 0;
        if (dayPoints >= p.max_points_per_day) throw nodeRewards.error('DailyCapReached');
        const era = nodeRewards.storage.CurrentEra.get(ext);
        const eraPoints = info.points_era === era ? info.era_points : 0;
        if (eraPoints === 0) nodeRewards.storage.EraParticipants.mutate(ext, (ids) => [...ids, node]);
        nodeRewards.storage.Nodes.set(ext, node, {
          ...info, last_heartbeat: n, last_signed_at: at_block, day, day_points: dayPoints + 1,
          points_era: era, era_points: eraPoints + 1, total_points: info.total_points + 1n,
        });
        nodeRewards.deposit(ext, { tag: 'Heartbeat', value: { node, era, points: eraPoints + 1 } });
      },
    }),
    bond_more: call({
      index: 2, origin: 'signed', weight: () => w.bond,
      args: { node: NodeId, amount: Balance }, typeNames: { amount: 'BalanceOf<T>' },
      docs: ['Adds `amount` to an active node\'s bond (held).'],
      dispatch: ({ ext, origin }, { node, amount }) => {
        const who = ensureSigned(origin);
        const info = operatedNode(ext, who, node);
        if (info.status.tag !== 'Active') throw nodeRewards.error('NodeNotActive');
        if (amount === 0n) throw nodeRewards.error('ZeroAmount');
        hold(ext, nodeRewards.holdReason('NodeBond'), who, amount);
        const bond = info.bond + amount;
        nodeRewards.storage.Nodes.set(ext, node, { ...info, bond });
        nodeRewards.deposit(ext, { tag: 'BondIncreased', value: { node, amount, bond } });
      },
    }),
    unbond: call({
      index: 3, origin: 'signed', weight: () => w.unbond, args: { node: NodeId },
      docs: [
        'Deregisters a node: it stops earning at once (its points of the current era are forfeited)',
        'and its bond can be withdrawn `unbonding_period` blocks later.',
      ],
      dispatch: ({ ext, origin }, { node }) => {
        const who = ensureSigned(origin);
        const info = operatedNode(ext, who, node);
        if (info.status.tag !== 'Active') throw nodeRewards.error('NodeNotActive');
        const until = blockNumber(ext) + params.storage.get(ext).unbonding_period;
        if (until > 0xffff_ffff) throw nodeRewards.error('Overflow');
        const s = nodeRewards.storage;
        s.Nodes.set(ext, node, { ...info, status: { tag: 'Unbonding', value: { until } }, era_points: 0 });
        s.ActiveNodes.mutate(ext, (ids) => ids.filter((i) => i !== node));
        s.EraParticipants.mutate(ext, (ids) => ids.filter((i) => i !== node));
        nodeRewards.deposit(ext, { tag: 'Unbonded', value: { node, operator: who, bond: info.bond, until } });
      },
    }),
    withdraw_unbonded: call({
      index: 4, origin: 'signed', weight: () => w.withdraw, args: { node: NodeId },
      docs: ['Releases the bond of a node whose unbonding period is over and removes the node (its peer id can be registered again).'],
      dispatch: ({ ext, origin }, { node }) => {
        const who = ensureSigned(origin);
        const info = operatedNode(ext, who, node);
        if (info.status.tag !== 'Unbonding') throw nodeRewards.error('NotUnbonded');
        if (blockNumber(ext) < info.status.value.until) throw nodeRewards.error('StillUnbonding');
        release(ext, nodeRewards.holdReason('NodeBond'), who, info.bond);
        const s = nodeRewards.storage;
        s.Nodes.remove(ext, node);
        s.NodeByPeerId.remove(ext, info.peer_id);
        const rest = s.OperatorNodes.get(ext, who).filter((i) => i !== node);
        if (rest.length) s.OperatorNodes.set(ext, who, rest); else s.OperatorNodes.remove(ext, who);
        nodeRewards.deposit(ext, { tag: 'Withdrawn', value: { node, operator: who, amount: info.bond } });
      },
    }),
    claim: call({
      index: 5, origin: 'signed', weight: () => w.claim, args: {},
      docs: ['Pays the caller\'s pending node and author rewards from the rewards pot.'],
      dispatch: ({ ext, origin }) => {
        const who = ensureSigned(origin);
        const amount = nodeRewards.storage.PendingRewards.get(ext, who);
        if (amount === 0n) throw nodeRewards.error('NothingToClaim');
        // keep-alive: the pot's ED is never part of anyone's rewards
        transfer(ext, REWARDS_POT, who, amount, true);
        nodeRewards.storage.PendingRewards.remove(ext, who);
        nodeRewards.storage.TotalPending.mutate(ext, (t) => t - amount);
        nodeRewards.deposit(ext, { tag: 'RewardsClaimed', value: { who, amount } });
      },
    }),
    set_params: params.call(6, (): AnyPallet => nodeRewards),
    answer_challenge: call({
      index: 7, origin: 'signed', weight: () => w.answer,
      args: { challenge: ChallengeId, chunk: T.bytes, proof: T.vec(H256) },
      typeNames: { challenge: 'ChallengeId', chunk: 'Vec<u8>', proof: 'Vec<H256>' },
      docs: [
        'The challenged node\'s operator answers a storage challenge before its deadline: `chunk` is chunk',
        '`challenge.chunk` of the contribution\'s bytes (ChunkSize bytes, the last one shorter) and `proof` its',
        'sibling hashes from the leaf up to the contribution\'s `chunks_root` (none on levels where the node is',
        'the odd one carried up). The challenge is closed (`ChallengeAnswered`); a valid answer pays no fee and',
        'earns no point: only missing a challenge costs points.',
      ],
      dispatch: ({ ext, origin }, { challenge, chunk, proof }) => {
        const who = ensureSigned(origin);
        const s = nodeRewards.storage;
        const ch = s.Challenges.get(ext, challenge);
        // an open challenge's deadline has not passed: the block hook closes it at deadline + 1
        if (!ch) throw nodeRewards.error(challenge < s.NextChallengeId.get(ext) ? 'ChallengeClosed' : 'UnknownChallenge');
        const info = s.Nodes.get(ext, ch.node);
        if (!info || !equalBytes(info.operator, who)) throw nodeRewards.error('NotOperator');
        const c = getContribution(ext, ch.contribution);
        if (chunk.length !== chunkLength(c.size, ch.chunk)) throw nodeRewards.error('WrongChunkLength');
        if (!verifyChunk(c.chunks_root, c.size, ch.chunk, chunk, proof)) throw nodeRewards.error('BadChunkProof');
        s.Challenges.remove(ext, challenge);
        s.OpenChallenges.mutate(ext, (ids) => ids.filter((i) => i !== challenge));
        nodeRewards.deposit(ext, { tag: 'ChallengeAnswered', value: { challenge, node: ch.node } });
        // proving storage must not cost an honest node; a wrong answer pays
        return { paysFee: false };
      },
    }),
  },
  events: {
    NodeRegistered: ev({ ...N, operator: AccountId, kind: NodeKind, peer_id: T.bytes, bond: Balance }, 'A node was registered and its bond held.'),
    Heartbeat: ev({ ...N, era: T.u32, points: T.u32 }, 'A node sent a valid heartbeat; `points` = its points in `era` so far.'),
    BondIncreased: ev({ ...N, amount: Balance, bond: Balance }, 'A node\'s bond grew by `amount` to `bond`.'),
    Unbonded: ev({ ...N, operator: AccountId, bond: Balance, until: BlockNumber }, 'A node was deregistered; its bond can be withdrawn from block `until`.'),
    Withdrawn: ev({ ...N, operator: AccountId, amount: Balance }, 'An unbonded node\'s bond was released and the node removed.'),
    AuthorRewarded: ev({ author: AccountId, amount: Balance }, 'The block author\'s share of this block\'s emission (claimable).'),
    EraPaid: ev({ era: T.u32, total: Balance, nodes: T.u32, points: T.u64 }, 'An era ended: `total` was credited to `nodes` nodes pro rata to their `points` (sum).'),
    NodeRewarded: ev({ era: T.u32, ...N, operator: AccountId, points: T.u32, amount: Balance }, 'A node\'s share of an era payout, credited to its operator (claimable).'),
    RewardsClaimed: ev({ who: AccountId, amount: Balance }, 'Pending rewards were paid from the pot.'),
    ParamsSet: params.event,
    ChallengeIssued: ev({ challenge: ChallengeId, ...N, contribution: ContributionId, content_hash: H256, chunk: T.u32, deadline: BlockNumber },
      'A storage challenge: `node` must answer with chunk `chunk` of `contribution` (its `content_hash` bytes) by block `deadline`.'),
    ChallengeAnswered: ev({ challenge: ChallengeId, ...N }, 'A storage challenge was answered with a valid chunk and Merkle path.'),
    ChallengeMissed: ev({ challenge: ChallengeId, ...N, points_lost: T.u32 }, 'A storage challenge\'s deadline passed unanswered: the node lost `points_lost` points of the current era.'),
  },
  errors: {
    BondTooLow: 'The bond is below the `min_bond` parameter.',
    BadPeerId: 'The peer id is not the libp2p peer id of an ed25519 key (identity multihash of the protobuf public key).',
    PeerIdTaken: 'A node with this peer id is already registered.',
    TooManyNodes: 'The caller already operates MaxNodesPerOperator nodes.',
    TooManyActiveNodes: 'MaxActiveNodes nodes are active.',
    UnknownNode: 'No node with this id.',
    NotOperator: 'Only the node\'s operator may do this.',
    NodeNotActive: 'The node is unbonding.',
    HeartbeatTooSoon: 'Less than `heartbeat_interval` blocks since the node\'s last heartbeat.',
    DailyCapReached: 'The node has `max_points_per_day` points in the current day window.',
    BadSignature: 'The signature is not the node key\'s signature of the heartbeat payload.',
    StaleHeartbeat: '`at_block` is more than MaxHeartbeatAge blocks old, or not after the previous heartbeat\'s.',
    FutureHeartbeat: '`at_block` is after the current block.',
    ZeroAmount: 'The amount must be positive.',
    NothingToClaim: 'No pending rewards.',
    NotUnbonded: 'The node is active: unbond it first.',
    StillUnbonding: 'The unbonding period is not over yet.',
    InvalidParams: 'The parameters are out of range.',
    Overflow: 'An id or block number overflowed.',
    UnknownChallenge: 'No challenge with this id was ever issued.',
    ChallengeClosed: 'The challenge was already answered, or its deadline passed (a missed challenge cannot be answered).',
    WrongChunkLength: 'The chunk is not as long as that chunk of the content (ChunkSize bytes; the last one shorter).',
    BadChunkProof: 'The chunk and Merkle path do not lead to the contribution\'s `chunks_root`.',
  },
  hooks: {
    onInitialize: (ext: Ext, n: number): Weight => {
      const p = params.storage.get(ext);
      let weight = dbWeight(20n, 4, 3);
      emit(ext, p);
      // missed challenges cost points of the era they are missed in, before it is paid
      const swept = expireChallenges(ext, n, p.challenge_penalty);
      weight = addWeight(weight, dbWeight(5n * BigInt(swept.open), 1 + swept.open, 3 * swept.missed + 1));
      if (n > 0 && n % p.era_length === 0) {
        const paid = endEra(ext);
        weight = addWeight(weight, dbWeight(10n * BigInt(paid), paid, 2 * paid));
      }
      if (p.challenge_period > 0 && n % p.challenge_period === 0) {
        drawChallenge(ext, n, p.challenge_window);
        weight = addWeight(weight, dbWeight(40n, 5 + 2 * LIMITS.MaxChallengeProbes, 4));
      }
      return weight;
    },
  },
  genesis: {
    build: (ext, cfg?: { params?: unknown }) => {
      params.build(ext, 'nodeRewards', cfg?.params);
      // The pot must exist so that payments below ED into it never fail.
      endowAtGenesis(ext, REWARDS_POT, C.EXISTENTIAL_DEPOSIT);
    },
    // Short intervals so that a dev chain shows heartbeats, era payouts and challenges within minutes.
    preset: () => ({ params: { heartbeat_interval: 5, era_length: 20, unbonding_period: 10, challenge_period: 4, challenge_window: 6 } }),
  },
});


function getNode(ext: Ext, id: number): NodeInfo {
  const info = nodeRewards.storage.Nodes.get(ext, id);
  if (!info) throw nodeRewards.error('UnknownNode');
  return info;
}

function operatedNode(ext: Ext, who: Uint8Array, id: number): NodeInfo {
  const info = getNode(ext, id);
  if (!equalBytes(info.operator, who)) throw nodeRewards.error('NotOperator');
  return info;
}

/** The ed25519 public key of a libp2p peer id, or undefined for any other form. */
export function parsePeerId(peerId: Uint8Array): Uint8Array | undefined {
  if (peerId.length !== ED25519_PEER_ID_PREFIX.length + 32) return undefined;
  if (!equalBytes(peerId.subarray(0, ED25519_PEER_ID_PREFIX.length), ED25519_PEER_ID_PREFIX)) return undefined;
  return peerId.slice(ED25519_PEER_ID_PREFIX.length);
}

/** The libp2p peer id of an ed25519 public key. */
export const ed25519PeerId = (publicKey: Uint8Array): Uint8Array => concat(ED25519_PEER_ID_PREFIX, publicKey);

/**
 * What a node signs for a heartbeat: b"slmnet/heartbeat" ++ genesis hash (System.BlockHash(0),
 * so signatures do not carry over to another chain) ++ SCALE(node u32) ++ SCALE(at_block u32).
 */
export function registrationPayload(ext: Ext, operator: Uint8Array): Uint8Array {
  return concat(REGISTER_CONTEXT, system.storage.BlockHash.get(ext, 0), operator);
}

export function heartbeatPayload(ext: Ext, node: number, atBlock: number): Uint8Array {
  return concat(HEARTBEAT_CONTEXT, system.storage.BlockHash.get(ext, 0), T.u32.codec.enc(node), T.u32.codec.enc(atBlock));
}

/** The block author's account: Aura's `Authorities[CurrentSlot % len]` (sr25519 key = AccountId). */
function blockAuthor(ext: Ext): Uint8Array | undefined {
  const auths = aura.storage.Authorities.get(ext);
  if (auths.length === 0) return undefined;
  return auths[Number(aura.storage.CurrentSlot.get(ext) % BigInt(auths.length))];
}

function credit(ext: Ext, who: Uint8Array, amount: bigint): void {
  nodeRewards.storage.PendingRewards.mutate(ext, who, (v) => v + amount);
  nodeRewards.storage.TotalPending.mutate(ext, (t) => t + amount);
}

/** Mints the block's emission into the pot and credits the author's share. */
function emit(ext: Ext, p: NodeRewardsParams): void {
  const amount = p.emission_per_block;
  if (amount === 0n) return;
  try {
    // A hook must not fail the block: if minting is impossible (issuance overflow) skip it.
    ext.transactional(() => mint(ext, REWARDS_POT, amount));
  } catch {
    return;
  }
  const author = blockAuthor(ext);
  const share = ppmOf(amount, p.author_share_ppm);
  if (!author || share === 0n) return;
  credit(ext, author, share);
  nodeRewards.deposit(ext, { tag: 'AuthorRewarded', value: { author, amount: share } });
}

/** The pot's balance that no one has been credited yet (what the next era end pays out). */
export function unallocated(ext: Ext): bigint {
  const free = freeBalance(ext, REWARDS_POT) - C.EXISTENTIAL_DEPOSIT - nodeRewards.storage.TotalPending.get(ext);
  return free > 0n ? free : 0n;
}

/** Pays the ending era pro rata to points (floor; the residue stays in the pot); returns the number of nodes paid. */
function endEra(ext: Ext): number {
  const s = nodeRewards.storage;
  const era = s.CurrentEra.get(ext);
  const available = unallocated(ext);
  const nodes: [number, NodeInfo][] = [];
  let points = 0n;
  for (const id of s.EraParticipants.get(ext)) {
    const info = s.Nodes.get(ext, id);
    if (!info || info.status.tag !== 'Active' || info.points_era !== era || info.era_points === 0) continue;
    nodes.push([id, info]);
    points += BigInt(info.era_points);
  }
  let total = 0n;
  if (points > 0n) {
    for (const [id, info] of nodes) {
      const amount = (available * BigInt(info.era_points)) / points;
      total += amount;
      if (amount > 0n) credit(ext, info.operator, amount);
      s.Nodes.set(ext, id, { ...info, earned: info.earned + amount });
      nodeRewards.deposit(ext, { tag: 'NodeRewarded', value: { era, node: id, operator: info.operator, points: info.era_points, amount } });
    }
  }
  nodeRewards.deposit(ext, { tag: 'EraPaid', value: { era, total, nodes: nodes.length, points } });
  s.EraParticipants.kill(ext);
  s.CurrentEra.set(ext, era + 1);
  return nodes.length;
}

// ---- Storage challenges ----

/**
 * Closes the open challenges whose deadline is before block `n`: each costs its node `penalty`
 * points of the current era (saturating at 0). Returns how many were open and how many were missed.
 */
function expireChallenges(ext: Ext, n: number, penalty: number): { open: number; missed: number } {
  const s = nodeRewards.storage;
  const open = s.OpenChallenges.get(ext);
  const keep: bigint[] = [];
  for (const id of open) {
    const ch = s.Challenges.get(ext, id)!;
    if (ch.deadline >= n) { keep.push(id); continue; }
    s.Challenges.remove(ext, id);
    nodeRewards.deposit(ext, { tag: 'ChallengeMissed', value: { challenge: id, node: ch.node, points_lost: deductPoints(ext, ch.node, penalty) } });
  }
  if (keep.length !== open.length) s.OpenChallenges.set(ext, keep);
  return { open: open.length, missed: open.length - keep.length };
}

/** Removes up to `penalty` of the node's current-era points; returns how many it lost. */
function deductPoints(ext: Ext, id: number, penalty: number): number {
  const s = nodeRewards.storage;
  const info = s.Nodes.get(ext, id);
  // a node withdrawn since, or without points in this era, has nothing to lose
  if (!info || info.points_era !== s.CurrentEra.get(ext)) return 0;
  const lost = Math.min(penalty, info.era_points);
  if (lost === 0) return 0;
  s.Nodes.set(ext, id, { ...info, era_points: info.era_points - lost });
  // EraParticipants holds the nodes with points: a heartbeat re-adds this one when it earns again
  if (lost === info.era_points) s.EraParticipants.mutate(ext, (ids) => ids.filter((i) => i !== id));
  return lost;
}

/**
 * Draws a challenge for block `n`, seeded by blake2-256(b"slmnet/challenge" ++ parent hash): predictable
 * one block ahead (the pallet docs say why that is acceptable). From a random start, up to
 * MaxChallengeProbes entries are tried for an active Storage/Validator node and for an Accepted
 * contribution; without one, or with MaxOpenChallenges open, nothing is drawn.
 */
function drawChallenge(ext: Ext, n: number, window: number): void {
  const s = nodeRewards.storage;
  const open = s.OpenChallenges.get(ext);
  const deadline = n + window;
  if (open.length >= LIMITS.MaxOpenChallenges || deadline > 0xffff_ffff) return;
  const seed = blake2_256(concat(CHALLENGE_CONTEXT, system.storage.ParentHash.get(ext)));
  /** A number below `bound` from the seed; `purpose` separates the draws (64-bit: the modulo bias is negligible). */
  const draw = (purpose: number, bound: bigint): bigint => {
    const h = blake2_256(concat(seed, Uint8Array.of(purpose)));
    return new DataView(h.buffer, h.byteOffset, 8).getBigUint64(0, true) % bound;
  };

  const active = s.ActiveNodes.get(ext);
  let node: number | undefined;
  const nodeStart = active.length ? Number(draw(0, BigInt(active.length))) : 0;
  for (let k = 0; k < Math.min(active.length, LIMITS.MaxChallengeProbes) && node === undefined; k++) {
    const id = active[(nodeStart + k) % active.length];
    const kind = s.Nodes.get(ext, id)?.kind.tag;
    if (kind === 'Storage' || kind === 'Validator') node = id;
  }
  if (node === undefined) return;

  const next = datanets.storage.NextContributionId.get(ext);
  const start = next > 0n ? draw(1, next) : 0n;
  for (let k = 0n; k < next && k < BigInt(LIMITS.MaxChallengeProbes); k++) {
    const contribution = (start + k) % next;
    const c = datanets.storage.Contributions.get(ext, contribution);
    if (c?.status.tag !== 'Accepted') continue;
    const chunk = Number(draw(2, BigInt(chunkCount(c.size))));
    const challenge = s.NextChallengeId.get(ext);
    s.NextChallengeId.set(ext, challenge + 1n);
    s.Challenges.set(ext, challenge, { node, contribution, content_hash: c.content_hash, chunk, deadline });
    s.OpenChallenges.set(ext, [...open, challenge]);
    nodeRewards.deposit(ext, { tag: 'ChallengeIssued', value: { challenge, node, contribution, content_hash: c.content_hash, chunk, deadline } });
    return;
  }
}

// ---- Read helpers for runtime APIs ----

/** Rewards `who` can claim now (node and author rewards). */
export const pendingNodeRewards = (ext: Ext, who: Uint8Array): bigint => nodeRewards.storage.PendingRewards.get(ext, who);

/** A node, with its era points reported as 0 when they belong to an earlier era. */
export function nodeInfo(ext: Ext, id: number): NodeInfo | undefined {
  const info = nodeRewards.storage.Nodes.get(ext, id);
  if (!info) return undefined;
  return info.points_era === nodeRewards.storage.CurrentEra.get(ext) ? info : { ...info, era_points: 0 };
}

/** Ids of the nodes `who` operates. */
export const operatorNodes = (ext: Ext, who: Uint8Array): number[] => nodeRewards.storage.OperatorNodes.get(ext, who);

/** The open storage challenges of a node, oldest first. */
export const openChallenges = (ext: Ext, node: number): [bigint, Challenge][] =>
  nodeRewards.storage.OpenChallenges.get(ext).map((id): [bigint, Challenge] => [id, nodeRewards.storage.Challenges.get(ext, id)!]).filter(([, c]) => c.node === node);

/** The current governance parameters. */
export const nodeRewardsParams = (ext: Ext): NodeRewardsParams => params.storage.get(ext);
