// pallet_node_rewards at the state-machine level: registration, signed heartbeats, emission,
// era payouts, claims, unbonding, parameters, every error path, and a property test.
import fc from 'fast-check';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { ed25519PairFromSeed, ed25519Sign } from '@polkadot/util-crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import * as T from '../src/codec/types.ts';
import * as C from '../src/config.ts';
import { blake2_256, concat, equalBytes, text } from '../src/crypto.ts';
import { preset } from '../src/genesis.ts';
import { heartbeatPayload, LIMITS, nodeInfo, nodeRewards, openChallenges, pendingNodeRewards } from '../src/pallets/node-rewards.ts';
import { datanets } from '../src/pallets/datanets.ts';
import { CHUNK_SIZE, chunkProof } from '../src/merkle.ts';
import { REWARDS_POT } from '../src/pallets/pot.ts';
import { composition, runtime } from '../src/runtime.ts';
import { system } from '../src/pallets/system.ts';
import { dev, TestChain, type Ev } from './helpers/chain.ts';
import { accept, contribute, createDatanet, eve, reject } from './helpers/domain.ts';

const UNIT = C.UNIT;
const ED = C.EXISTENTIAL_DEPOSIT;
const [alice, bob, charlie, dave] = ['alice', 'bob', 'charlie', 'dave'].map(dev);
const S = () => nodeRewards.storage;
const unit = (tag: string) => ({ tag, value: undefined });
const ROOT = { kind: 'root' } as const;

/** A node identity: ed25519 key pair from a one-byte seed, and its libp2p peer id. */
function nodeKey(n: number) {
  const pair = ed25519PairFromSeed(new Uint8Array(32).fill(n));
  return { pair, peerId: concat(Uint8Array.of(0x00, 0x24, 0x08, 0x01, 0x12, 0x20), pair.publicKey) };
}
const K1 = nodeKey(1);
const K2 = nodeKey(2);

/** The signed heartbeat payload, written out independently of the pallet. */
function payload(c: TestChain, node: number, at: number): Uint8Array {
  return concat(text('slmnet/heartbeat'), system.storage.BlockHash.get(c.ext, 0), T.u32.codec.enc(node), T.u32.codec.enc(at));
}
const sign = (c: TestChain, key: ReturnType<typeof nodeKey>, node: number, at: number) => ed25519Sign(payload(c, node, at), key.pair);
/** The node key's consent to be registered by `operator`, written out independently of the pallet. */
const proof = (key: ReturnType<typeof nodeKey>, operator: Uint8Array) =>
  ed25519Sign(concat(text('slmnet/register'), system.storage.BlockHash.get(c.ext, 0), operator), key.pair);

// Presets derive dev keys (slow): build the configs once.
const DEV = preset('development')!;
const LOCAL = preset('local_testnet')!;
let c: TestChain;
beforeEach(async () => { c = await TestChain.create(DEV); });

const nr = (evs: Ev[]) => evs.filter((e) => e.name.startsWith('NodeRewards.'));
const params = () => S().Params.get(c.ext);

function register(who: Uint8Array, key = K1, bond = 100n * UNIT, kind = 'Storage'): number {
  const evs = c.ok(who, 'NodeRewards', 'register_node', { kind: unit(kind), peer_id: key.peerId, bond, proof: proof(key, who) });
  return evs.find((e) => e.name === 'NodeRewards.NodeRegistered')!.value.node;
}
function heartbeat(who: Uint8Array, node: number, key = K1, at = c.number): Ev[] {
  return c.ok(who, 'NodeRewards', 'heartbeat', { node, at_block: at, signature: sign(c, key, node, at) });
}
const hbErr = (who: Uint8Array, node: number, key = K1, at = c.number) =>
  c.err(who, 'NodeRewards', 'heartbeat', { node, at_block: at, signature: sign(c, key, node, at) });

/** Issuance = Σ accounts; the pot covers its ED and every unclaimed reward; TotalPending = Σ PendingRewards of `accounts`. */
function invariants(accounts: Uint8Array[] = [alice, bob, charlie, dave]): void {
  expect(c.totalIssuance()).toBe(c.sumOfAccounts());
  const total = S().TotalPending.get(c.ext);
  expect(c.free(REWARDS_POT) >= ED + total).toBe(true);
  expect(accounts.reduce((s, a) => s + pendingNodeRewards(c.ext, a), 0n)).toBe(total);
}

describe('declaration', () => {
  it('appears in metadata V15 as @polkadot/types reads it, with the same call encoding', () => {
    const registry = new TypeRegistry();
    registry.setMetadata(new Metadata(registry, runtime.metadata(15)));
    const p = registry.metadata.pallets.find((x) => x.name.toString() === 'NodeRewards')!;
    expect(p.index.toNumber()).toBe(13);
    const calls = registry.lookup.getSiType(p.calls.unwrap().type).def.asVariant.variants.map((v) => v.name.toString());
    expect(calls).toEqual(['register_node', 'heartbeat', 'bond_more', 'unbond', 'withdraw_unbonded', 'claim', 'set_params', 'answer_challenge']);
    const errors = registry.lookup.getSiType(p.errors.unwrap().type).def.asVariant.variants;
    expect(errors.map((v) => v.name.toString())).toEqual(expect.arrayContaining(['BondTooLow', 'BadPeerId', 'PeerIdTaken', 'UnknownNode', 'NotOperator',
      'HeartbeatTooSoon', 'DailyCapReached', 'BadSignature', 'StaleHeartbeat', 'NothingToClaim', 'NotUnbonded', 'StillUnbonding',
      'UnknownChallenge', 'ChallengeClosed', 'WrongChunkLength', 'BadChunkProof']));
    for (const v of errors) expect(v.docs.length).toBeGreaterThan(0);
    expect(p.storage.unwrap().items.map((i) => i.name.toString())).toContain('PendingRewards');
    expect(p.constants.map((k) => k.name.toString())).toEqual(expect.arrayContaining(['MaxNodesPerOperator', 'MaxPeerIdLen', 'MaxHeartbeatAge', 'RewardsPot', 'MaxOpenChallenges']));
    expect(p.storage.unwrap().items.map((i) => i.name.toString())).toEqual(expect.arrayContaining(['Challenges', 'OpenChallenges', 'NextChallengeId']));
    // a heartbeat call built by @polkadot/api's types encodes exactly like ours
    const sig = new Uint8Array(64).fill(7);
    const theirs = registry.createType('Call', { callIndex: [13, 1], args: { node: 3, at_block: 42, signature: sig } }).toU8a();
    const ours = composition.RuntimeCall.codec.enc({ tag: 'NodeRewards', value: { tag: 'heartbeat', value: { node: 3, at_block: 42, signature: sig } } });
    expect(Buffer.from(theirs).toString('hex')).toBe(Buffer.from(ours).toString('hex'));
    const holdTy = registry.lookup.types.find((t) => t.type.path.map(String).at(-1) === 'RuntimeHoldReason')!;
    const variant = holdTy.type.def.asVariant.variants.find((v) => v.name.toString() === 'NodeRewards')!;
    expect(variant.index.toNumber()).toBe(13);
  });
});

describe('genesis and parameters', () => {
  it('builds params from the preset and endows the pot', () => {
    expect(params()).toMatchObject({ min_bond: 100n * UNIT, heartbeat_interval: 5, era_length: 20, emission_per_block: UNIT, author_share_ppm: 200_000 });
    // block 1 is open: the pot holds ED + one block of emission; Alice (sole author) got 20 % of it
    expect(c.free(REWARDS_POT)).toBe(ED + UNIT);
    expect(pendingNodeRewards(c.ext, alice)).toBe(UNIT / 5n);
    invariants();
  });

  it('takes genesis params from the config and rejects bad ones', async () => {
    const cfg = DEV;
    const c2 = await TestChain.create({ ...cfg, nodeRewards: { params: { era_length: 7, emission_per_block: 0 } } });
    expect(S().Params.get(c2.ext)).toMatchObject({ era_length: 7, emission_per_block: 0n, heartbeat_interval: 150 });
    expect(c2.free(REWARDS_POT)).toBe(ED);
    await expect(TestChain.create({ ...cfg, nodeRewards: { params: { author_share_ppm: 1_000_001 } } })).rejects.toThrow(/author_share_ppm/);
    await expect(TestChain.create({ ...cfg, nodeRewards: { params: { bogus: 1 } } })).rejects.toThrow(/unknown parameter bogus/);
  });

  it('set_params is root-only and validated', () => {
    const p = { ...params(), heartbeat_interval: 2, author_share_ppm: 0 };
    expect(c.err(alice, 'NodeRewards', 'set_params', { params: p })).toBe('BadOrigin');
    expect(c.err(ROOT, 'NodeRewards', 'set_params', { params: { ...p, author_share_ppm: 1_000_001 } })).toBe('NodeRewards.InvalidParams');
    expect(c.err(ROOT, 'NodeRewards', 'set_params', { params: { ...p, era_length: 0 } })).toBe('NodeRewards.InvalidParams');
    expect(c.err(ROOT, 'NodeRewards', 'set_params', { params: { ...p, min_bond: 0n } })).toBe('NodeRewards.InvalidParams');
    expect(nr(c.ok(ROOT, 'NodeRewards', 'set_params', { params: p }))).toEqual([{ name: 'NodeRewards.ParamsSet', value: { params: p } }]);
    expect(params()).toEqual(p);
    // author share 0: the whole emission stays unallocated in the pot
    const before = pendingNodeRewards(c.ext, alice);
    expect(nr(c.nextBlock()).map((e) => e.name)).toEqual([]);
    expect(pendingNodeRewards(c.ext, alice)).toBe(before);
    invariants();
  });
});

describe('register_node', () => {
  it('registers with a held bond, ids, index lists and an event', () => {
    const f0 = c.free(bob);
    const evs = c.ok(bob, 'NodeRewards', 'register_node', { kind: unit('Compute'), peer_id: K1.peerId, bond: 150n * UNIT, proof: proof(K1, bob) });
    expect(nr(evs)).toEqual([{ name: 'NodeRewards.NodeRegistered', value: { node: 0, operator: bob, kind: unit('Compute'), peer_id: K1.peerId, bond: 150n * UNIT } }]);
    expect(evs.map((e) => e.name)).toContain('Balances.Held');
    expect(c.free(bob)).toBe(f0 - 150n * UNIT);
    expect(c.reserved(bob)).toBe(150n * UNIT);
    const n = nodeInfo(c.ext, 0)!;
    expect(n).toMatchObject({ operator: bob, kind: unit('Compute'), bond: 150n * UNIT, status: unit('Active'), registered: 1, era_points: 0, total_points: 0n });
    expect(n.public_key).toEqual(K1.pair.publicKey);
    expect(register(bob, K2)).toBe(1);
    expect(S().OperatorNodes.get(c.ext, bob)).toEqual([0, 1]);
    expect(S().ActiveNodes.get(c.ext)).toEqual([0, 1]);
    expect(S().NodeByPeerId.get(c.ext, K2.peerId)).toBe(1);
    invariants();
  });

  it('rejects a low bond, bad peer ids, a taken peer id, wrong origin, missing funds, too many nodes', () => {
    const args = (over: Record<string, unknown>, who = bob) => ({ kind: unit('Storage'), peer_id: K1.peerId, bond: 100n * UNIT, proof: proof(K1, who), ...over });
    // the node key must consent: a proof for another operator, or by another key, is refused
    expect(c.err(charlie, 'NodeRewards', 'register_node', args({}, bob))).toBe('NodeRewards.BadSignature');
    expect(c.err(bob, 'NodeRewards', 'register_node', args({ proof: proof(K2, bob) }))).toBe('NodeRewards.BadSignature');
    expect(c.err(bob, 'NodeRewards', 'register_node', args({ bond: 100n * UNIT - 1n }))).toBe('NodeRewards.BondTooLow');
    const pk = K1.pair.publicKey;
    const bad = [
      new Uint8Array(0),
      pk, // a bare key
      concat(Uint8Array.of(0x00, 0x24, 0x08, 0x02, 0x12, 0x20), pk), // secp256k1 key type
      concat(Uint8Array.of(0x12, 0x20), blake2_256(pk)), // sha2-256 multihash (RSA-style ids)
      concat(Uint8Array.of(0x00, 0x25, 0x08, 0x01, 0x12, 0x20), pk), // wrong multihash length
      concat(K1.peerId, Uint8Array.of(0)), // trailing byte
      K1.peerId.subarray(0, 37), // truncated
      new Uint8Array(65), // over MaxPeerIdLen
    ];
    for (const peer_id of bad) expect(c.err(bob, 'NodeRewards', 'register_node', args({ peer_id }))).toBe('NodeRewards.BadPeerId');
    expect(c.err({ kind: 'none' }, 'NodeRewards', 'register_node', args({}))).toBe('BadOrigin');
    expect(c.err(ROOT, 'NodeRewards', 'register_node', args({}))).toBe('BadOrigin');
    const poor = new Uint8Array(32).fill(9);
    expect(c.err(poor, 'NodeRewards', 'register_node', args({}, poor))).toMatch(/^Token\./);
    register(bob);
    expect(c.err(charlie, 'NodeRewards', 'register_node', args({}, charlie))).toBe('NodeRewards.PeerIdTaken');
    expect(c.err(bob, 'NodeRewards', 'register_node', args({}))).toBe('NodeRewards.PeerIdTaken');
    for (let i = 1; i < LIMITS.MaxNodesPerOperator; i++) register(bob, nodeKey(10 + i));
    expect(c.err(bob, 'NodeRewards', 'register_node', args({ peer_id: nodeKey(99).peerId, proof: proof(nodeKey(99), bob) }))).toBe('NodeRewards.TooManyNodes');
    expect(register(charlie, nodeKey(99))).toBe(LIMITS.MaxNodesPerOperator);
    invariants();
  });
});

describe('heartbeat', () => {
  it('accepts the node key\'s signature over the documented payload and counts points', () => {
    const id = register(bob);
    // the genesis hash is System.BlockHash(0): the parent hash of block 1
    expect(system.storage.BlockHash.get(c.ext, 0)).toEqual(blake2_256(T.u32.codec.enc(0)));
    expect(heartbeatPayload(c.ext, id, 1)).toEqual(payload(c, id, 1));
    expect(nr(heartbeat(bob, id))).toEqual([{ name: 'NodeRewards.Heartbeat', value: { node: 0, era: 0, points: 1 } }]);
    c.nextBlock(5);
    // signed two blocks ago: still fresh
    expect(nr(heartbeat(bob, id, K1, c.number - 2))[0].value).toEqual({ node: 0, era: 0, points: 2 });
    expect(nodeInfo(c.ext, id)).toMatchObject({ last_heartbeat: 6, last_signed_at: 4, day_points: 2, era_points: 2, total_points: 2n });
    invariants();
  });

  it('rejects wrong keys, wrong signer, unknown nodes, replays, stale, future and early heartbeats', () => {
    const id = register(bob);
    c.nextBlock(11);
    const n = c.number;
    expect(hbErr(bob, id, K2)).toBe('NodeRewards.BadSignature');
    expect(c.err(bob, 'NodeRewards', 'heartbeat', { node: id, at_block: n, signature: sign(c, K1, id, n - 1) })).toBe('NodeRewards.BadSignature');
    expect(c.err(bob, 'NodeRewards', 'heartbeat', { node: id, at_block: n, signature: sign(c, K1, id + 1, n) })).toBe('NodeRewards.BadSignature');
    expect(hbErr(charlie, id)).toBe('NodeRewards.NotOperator');
    expect(hbErr(bob, 7)).toBe('NodeRewards.UnknownNode');
    expect(hbErr(bob, id, K1, n + 1)).toBe('NodeRewards.FutureHeartbeat');
    expect(hbErr(bob, id, K1, n - LIMITS.MaxHeartbeatAge - 1)).toBe('NodeRewards.StaleHeartbeat');
    expect(c.err({ kind: 'none' }, 'NodeRewards', 'heartbeat', { node: id, at_block: n, signature: sign(c, K1, id, n) })).toBe('BadOrigin');
    heartbeat(bob, id, K1, n - LIMITS.MaxHeartbeatAge);
    c.nextBlock(4);
    expect(hbErr(bob, id)).toBe('NodeRewards.HeartbeatTooSoon');
    c.nextBlock();
    // the same signed payload again, after the interval: a replay
    expect(hbErr(bob, id, K1, n - LIMITS.MaxHeartbeatAge)).toBe('NodeRewards.StaleHeartbeat');
    heartbeat(bob, id);
    invariants();
  });

  it('caps points per day window and resets at the next day', () => {
    c.ok(ROOT, 'NodeRewards', 'set_params', { params: { ...params(), heartbeat_interval: 1, max_points_per_day: 3, blocks_per_day: 10, era_length: 1000 } });
    const id = register(bob);
    c.advanceTo(10); // day 1 = blocks 10..19
    for (let i = 1; i <= 3; i++) { expect(nr(heartbeat(bob, id))[0].value.points).toBe(i); c.nextBlock(); }
    expect(hbErr(bob, id)).toBe('NodeRewards.DailyCapReached');
    c.advanceTo(20);
    expect(nr(heartbeat(bob, id))[0].value.points).toBe(4);
    expect(nodeInfo(c.ext, id)).toMatchObject({ day: 2, day_points: 1, era_points: 4 });
    invariants();
  });
});

describe('emission and era payout', () => {
  it('pays the era pro rata to points (floor), leaves the residue in the pot, resets points', () => {
    const a = register(bob, K1);
    const b = register(charlie, K2);
    heartbeat(bob, a); heartbeat(charlie, b, K2);
    c.advanceTo(7);
    heartbeat(bob, a);
    c.advanceTo(19);
    // Blocks 1..20 mint 20 UNIT into the pot; Alice authored all and is credited 20 % = 4 UNIT;
    // so 16 UNIT are available at block 20: 2 : 1 points.
    const evs = nr(c.nextBlock());
    const available = 16n * UNIT;
    const [pa, pb] = [(available * 2n) / 3n, available / 3n];
    expect([pa, pb]).toEqual([10_666_666_666_666n, 5_333_333_333_333n]);
    expect(evs).toEqual([
      { name: 'NodeRewards.AuthorRewarded', value: { author: alice, amount: UNIT / 5n } },
      { name: 'NodeRewards.NodeRewarded', value: { era: 0, node: a, operator: bob, points: 2, amount: pa } },
      { name: 'NodeRewards.NodeRewarded', value: { era: 0, node: b, operator: charlie, points: 1, amount: pb } },
      { name: 'NodeRewards.EraPaid', value: { era: 0, total: pa + pb, nodes: 2, points: 3n } },
    ]);
    expect(pendingNodeRewards(c.ext, bob)).toBe(pa);
    expect(pendingNodeRewards(c.ext, charlie)).toBe(pb);
    expect(pendingNodeRewards(c.ext, alice)).toBe(4n * UNIT);
    expect(S().TotalPending.get(c.ext)).toBe(4n * UNIT + pa + pb);
    // residue: 1 planck left unallocated in the pot
    expect(c.free(REWARDS_POT) - ED - S().TotalPending.get(c.ext)).toBe(1n);
    expect(S().CurrentEra.get(c.ext)).toBe(1);
    expect(S().EraParticipants.get(c.ext)).toEqual([]);
    expect(nodeInfo(c.ext, a)).toMatchObject({ era_points: 0, total_points: 2n, earned: pa });
    invariants();
    // era 1: no heartbeats → EraPaid with nothing paid, the pot keeps everything
    const evs2 = nr(c.advanceTo(40));
    expect(evs2.filter((e) => e.name !== 'NodeRewards.AuthorRewarded')).toEqual([
      { name: 'NodeRewards.EraPaid', value: { era: 1, total: 0n, nodes: 0, points: 0n } },
    ]);
    expect(c.free(REWARDS_POT) - ED - S().TotalPending.get(c.ext)).toBe(1n + 20n * (UNIT - UNIT / 5n));
    invariants();
  });

  it('pays protocol income that reached the pot, and counts only the current era\'s points', () => {
    const a = register(bob, K1);
    c.advanceTo(19);
    // protocol fees (any transfer into the pot) are paid out with the emission
    c.ok(dave, 'Balances', 'transfer_keep_alive', { dest: { tag: 'Id', value: REWARDS_POT }, value: 7n * UNIT + 5n });
    heartbeat(bob, a);
    const evs = nr(c.nextBlock());
    const paid = 16n * UNIT + 7n * UNIT + 5n;
    expect(evs.find((e) => e.name === 'NodeRewards.EraPaid')!.value).toEqual({ era: 0, total: paid, nodes: 1, points: 1n });
    expect(c.free(REWARDS_POT) - ED - S().TotalPending.get(c.ext)).toBe(0n);
    c.advanceTo(40);
    expect(pendingNodeRewards(c.ext, bob)).toBe(paid);
    invariants();
  });

  it('credits each block\'s author share to that block\'s author', async () => {
    c = await TestChain.create(LOCAL); // Alice and Bob author in turn
    const a0 = pendingNodeRewards(c.ext, alice);
    const b0 = pendingNodeRewards(c.ext, bob);
    expect(nr(c.nextBlock(1, 1))).toEqual([{ name: 'NodeRewards.AuthorRewarded', value: { author: bob, amount: UNIT / 5n } }]);
    expect(nr(c.nextBlock(1, 0))).toEqual([{ name: 'NodeRewards.AuthorRewarded', value: { author: alice, amount: UNIT / 5n } }]);
    c.nextBlock(3, 1);
    expect(pendingNodeRewards(c.ext, bob) - b0).toBe(4n * UNIT / 5n);
    expect(pendingNodeRewards(c.ext, alice) - a0).toBe(UNIT / 5n);
    invariants();
  });
});

describe('claim', () => {
  it('moves pending rewards from the pot to the caller', () => {
    const a = register(bob);
    heartbeat(bob, a);
    c.advanceTo(20);
    const pending = pendingNodeRewards(c.ext, bob);
    expect(pending).toBe(16n * UNIT);
    const [f0, p0, i0] = [c.free(bob), c.free(REWARDS_POT), c.totalIssuance()];
    expect(nr(c.ok(bob, 'NodeRewards', 'claim'))).toEqual([{ name: 'NodeRewards.RewardsClaimed', value: { who: bob, amount: pending } }]);
    expect(c.free(bob)).toBe(f0 + pending);
    expect(c.free(REWARDS_POT)).toBe(p0 - pending);
    expect(c.totalIssuance()).toBe(i0);
    expect(pendingNodeRewards(c.ext, bob)).toBe(0n);
    expect(c.err(bob, 'NodeRewards', 'claim')).toBe('NodeRewards.NothingToClaim');
    expect(c.err(charlie, 'NodeRewards', 'claim')).toBe('NodeRewards.NothingToClaim');
    expect(c.err({ kind: 'none' }, 'NodeRewards', 'claim')).toBe('BadOrigin');
    // the author claims too; afterwards the pot holds ED + the residue + unallocated emission
    c.ok(alice, 'NodeRewards', 'claim');
    expect(S().TotalPending.get(c.ext)).toBe(0n);
    expect(c.free(REWARDS_POT)).toBe(ED);
    invariants();
  });
});

describe('bond_more, unbond, withdraw_unbonded', () => {
  it('walks the lifecycle and rejects every out-of-order step', () => {
    const id = register(bob);
    const f0 = c.free(bob);
    expect(c.err(bob, 'NodeRewards', 'bond_more', { node: id, amount: 0n })).toBe('NodeRewards.ZeroAmount');
    expect(c.err(charlie, 'NodeRewards', 'bond_more', { node: id, amount: UNIT })).toBe('NodeRewards.NotOperator');
    expect(c.err(bob, 'NodeRewards', 'bond_more', { node: 9, amount: UNIT })).toBe('NodeRewards.UnknownNode');
    expect(nr(c.ok(bob, 'NodeRewards', 'bond_more', { node: id, amount: 5n * UNIT }))).toEqual([
      { name: 'NodeRewards.BondIncreased', value: { node: id, amount: 5n * UNIT, bond: 105n * UNIT } },
    ]);
    expect(c.reserved(bob)).toBe(105n * UNIT);
    expect(c.err(bob, 'NodeRewards', 'withdraw_unbonded', { node: id })).toBe('NodeRewards.NotUnbonded');
    expect(c.err(charlie, 'NodeRewards', 'unbond', { node: id })).toBe('NodeRewards.NotOperator');
    heartbeat(bob, id);
    c.advanceTo(3);
    expect(nr(c.ok(bob, 'NodeRewards', 'unbond', { node: id }))).toEqual([
      { name: 'NodeRewards.Unbonded', value: { node: id, operator: bob, bond: 105n * UNIT, until: 13 } },
    ]);
    expect(S().ActiveNodes.get(c.ext)).toEqual([]);
    expect(S().EraParticipants.get(c.ext)).toEqual([]);
    expect(c.err(bob, 'NodeRewards', 'unbond', { node: id })).toBe('NodeRewards.NodeNotActive');
    expect(c.err(bob, 'NodeRewards', 'bond_more', { node: id, amount: UNIT })).toBe('NodeRewards.NodeNotActive');
    c.nextBlock(5);
    expect(hbErr(bob, id)).toBe('NodeRewards.NodeNotActive');
    c.advanceTo(12);
    expect(c.err(bob, 'NodeRewards', 'withdraw_unbonded', { node: id })).toBe('NodeRewards.StillUnbonding');
    c.nextBlock();
    expect(c.err(charlie, 'NodeRewards', 'withdraw_unbonded', { node: id })).toBe('NodeRewards.NotOperator');
    expect(nr(c.ok(bob, 'NodeRewards', 'withdraw_unbonded', { node: id }))).toEqual([
      { name: 'NodeRewards.Withdrawn', value: { node: id, operator: bob, amount: 105n * UNIT } },
    ]);
    expect(c.free(bob)).toBe(f0 + 100n * UNIT);
    expect(c.reserved(bob)).toBe(0n);
    expect(S().Nodes.get(c.ext, id)).toBeUndefined();
    expect(S().OperatorNodes.get(c.ext, bob)).toEqual([]);
    expect(c.err(bob, 'NodeRewards', 'withdraw_unbonded', { node: id })).toBe('NodeRewards.UnknownNode');
    // the node unbonded mid-era: its points were forfeited, nobody is paid at the era end
    const evs = nr(c.advanceTo(20));
    expect(evs.find((e) => e.name === 'NodeRewards.EraPaid')!.value).toEqual({ era: 0, total: 0n, nodes: 0, points: 0n });
    // the peer id is free again and gets a new id (old signatures name the old id)
    expect(register(charlie)).toBe(1);
    invariants();
  });
});

describe('storage challenges', () => {
  const K3 = nodeKey(3);
  // 3.5 KiB: chunks of 1024, 1024, 1024 and a short last one of 512 bytes
  const BIG = Uint8Array.from({ length: 3 * CHUNK_SIZE + 512 }, (_, i) => (i * 7 + 3) % 251);
  const SMALL = text('a one-chunk document');
  const challengeParams = (over: Record<string, number> = {}) =>
    c.ok(ROOT, 'NodeRewards', 'set_params', { params: { ...params(), challenge_period: 1, challenge_window: 3, challenge_penalty: 3, era_length: 1000, heartbeat_interval: 1, ...over } });

  /** Accepted BIG and SMALL, a pending and a rejected one; a Storage (bob), a Compute (charlie) and a Validator (dave) node. */
  function world() {
    const dn = createDatanet(c, alice);
    const big = contribute(c, bob, dn, BIG);
    const small = contribute(c, charlie, dn, SMALL);
    const pending = contribute(c, dave, dn, 'still pending');
    const rejected = contribute(c, eve, dn, 'rejected');
    accept(c, alice, big);
    accept(c, alice, small);
    reject(c, alice, rejected);
    const storage = register(bob, K1, 100n * UNIT, 'Storage');
    const compute = register(charlie, K2, 100n * UNIT, 'Compute');
    const validator = register(dave, K3, 100n * UNIT, 'Validator');
    return { big, small, pending, rejected, storage, compute, validator, bytes: new Map([[big, BIG], [small, SMALL]]) };
  }
  /** Opens a challenge directly in storage, as a draw would, so that answers for a chosen chunk can be tested. */
  function open(node: number, contribution: bigint, chunk: number, window = 3): bigint {
    const id = S().NextChallengeId.get(c.ext);
    const content_hash = datanets.storage.Contributions.get(c.ext, contribution)!.content_hash;
    S().NextChallengeId.set(c.ext, id + 1n);
    S().Challenges.set(c.ext, id, { node, contribution, content_hash, chunk, deadline: c.number + window });
    S().OpenChallenges.mutate(c.ext, (ids) => [...ids, id]);
    return id;
  }
  const answer = (who: Uint8Array, challenge: bigint, chunk: Uint8Array, proof: Uint8Array[]) =>
    ({ who, args: { challenge, chunk, proof } });
  const ok = (a: ReturnType<typeof answer>) => nr(c.ok(a.who, 'NodeRewards', 'answer_challenge', a.args));
  const err = (a: ReturnType<typeof answer>) => c.err(a.who, 'NodeRewards', 'answer_challenge', a.args);
  const issued = (evs: Ev[]) => evs.filter((e) => e.name === 'NodeRewards.ChallengeIssued').map((e) => e.value);

  it('draws from the parent hash: only active storage/validator nodes, accepted contributions, existing chunks', () => {
    const w = world();
    challengeParams();
    const unbonded = register(eve, nodeKey(4), 100n * UNIT, 'Storage');
    c.ok(eve, 'NodeRewards', 'unbond', { node: unbonded });
    // the first draw, written out from the documented rule: seed = blake2(b"slmnet/challenge" ++ parent hash),
    // word(p) = first 8 bytes (LE) of blake2(seed ++ p), probing forward from word(p) mod count
    const parent = blake2_256(T.u32.codec.enc(c.number)); // the test chain's parent hash of the next block
    const seed = blake2_256(concat(text('slmnet/challenge'), parent));
    const word = (p: number) => Buffer.from(blake2_256(concat(seed, Uint8Array.of(p)))).readBigUInt64LE(0);
    const active = S().ActiveNodes.get(c.ext); // [storage, compute, validator]
    let ni = Number(word(0) % BigInt(active.length));
    while (S().Nodes.get(c.ext, active[ni])!.kind.tag === 'Compute') ni = (ni + 1) % active.length;
    let ci = word(1) % 4n;
    while (datanets.storage.Contributions.get(c.ext, ci)!.status.tag !== 'Accepted') ci = (ci + 1n) % 4n;
    const size = datanets.storage.Contributions.get(c.ext, ci)!.size;
    const expected = { challenge: 0n, node: active[ni], contribution: ci, chunk: Number(word(2) % BigInt(Math.ceil(size / CHUNK_SIZE))), deadline: c.number + 4 };
    expect(issued(c.nextBlock())).toEqual([{ ...expected, content_hash: blake2_256(w.bytes.get(ci)!) }]);

    const seen = { nodes: new Set<number>(), contributions: new Set<bigint>(), chunks: new Set<number>() };
    for (let i = 0; i < 40; i++) {
      for (const ch of issued(c.nextBlock())) {
        expect([w.storage, w.validator]).toContain(ch.node);
        expect([w.big, w.small]).toContain(ch.contribution);
        const bytes = w.bytes.get(ch.contribution)!;
        expect(ch.content_hash).toEqual(blake2_256(bytes));
        expect(ch.chunk).toBeLessThan(Math.ceil(bytes.length / CHUNK_SIZE));
        expect(ch.deadline).toBe(c.number + 3);
        seen.nodes.add(ch.node); seen.contributions.add(ch.contribution); seen.chunks.add(ch.contribution === w.big ? ch.chunk : -1);
        // a drawn challenge is answerable with the stored bytes
        const { chunk, proof } = chunkProof(bytes, ch.chunk);
        expect(ok(answer(ch.node === w.storage ? bob : dave, ch.challenge, chunk, proof))).toEqual([{ name: 'NodeRewards.ChallengeAnswered', value: { challenge: ch.challenge, node: ch.node } }]);
      }
    }
    expect(seen.nodes.size).toBe(2);
    expect(seen.contributions.size).toBe(2);
    expect(seen.chunks.size).toBeGreaterThan(2);
    expect(S().OpenChallenges.get(c.ext)).toEqual([]);
    invariants([alice, bob, charlie, dave, eve]);
  });

  it('accepts the first, a middle and the short last chunk with their Merkle paths, and closes the challenge', () => {
    const w = world();
    challengeParams({ challenge_period: 0 });
    for (const chunk of [0, 1, 3]) {
      const id = open(w.storage, w.big, chunk);
      const p = chunkProof(BIG, chunk);
      expect(p.chunk.length).toBe(chunk === 3 ? 512 : CHUNK_SIZE);
      expect(p.proof).toHaveLength(2); // 4 leaves: two levels
      const before = nodeInfo(c.ext, w.storage)!;
      expect(ok(answer(bob, id, p.chunk, p.proof))).toEqual([{ name: 'NodeRewards.ChallengeAnswered', value: { challenge: id, node: w.storage } }]);
      expect(S().Challenges.get(c.ext, id)).toBeUndefined();
      expect(S().OpenChallenges.get(c.ext)).toEqual([]);
      // answering earns nothing; only missing costs
      expect(nodeInfo(c.ext, w.storage)).toEqual(before);
    }
    // a one-chunk content: the path is empty
    const id = open(w.validator, w.small, 0);
    expect(ok(answer(dave, id, SMALL, []))[0].name).toBe('NodeRewards.ChallengeAnswered');
    // the block hook has nothing left to close
    expect(nr(c.nextBlock(5)).filter((e) => e.name.startsWith('NodeRewards.Challenge'))).toEqual([]);
    invariants([alice, bob, charlie, dave, eve]);
  });

  it('rejects wrong bytes, wrong paths, wrong chunks, other senders, unknown, answered and late challenges without a change', () => {
    const w = world();
    challengeParams({ challenge_period: 0 });
    const id = open(w.storage, w.big, 1);
    const good = chunkProof(BIG, 1);
    const flipped = good.chunk.slice(); flipped[17] ^= 1;
    expect(err(answer(bob, id, flipped, good.proof))).toBe('NodeRewards.BadChunkProof');
    const badSibling = good.proof.map((h, i) => (i === 1 ? blake2_256(h) : h));
    expect(err(answer(bob, id, good.chunk, badSibling))).toBe('NodeRewards.BadChunkProof');
    expect(err(answer(bob, id, good.chunk, good.proof.slice(0, 1)))).toBe('NodeRewards.BadChunkProof');
    expect(err(answer(bob, id, good.chunk, [...good.proof, good.proof[0]]))).toBe('NodeRewards.BadChunkProof');
    expect(err(answer(bob, id, good.chunk, [good.proof[1], good.proof[0]]))).toBe('NodeRewards.BadChunkProof');
    // another chunk with its own valid path does not answer for chunk 1
    const other = chunkProof(BIG, 2);
    expect(err(answer(bob, id, other.chunk, other.proof))).toBe('NodeRewards.BadChunkProof');
    const last = chunkProof(BIG, 3);
    expect(err(answer(bob, id, last.chunk, last.proof))).toBe('NodeRewards.WrongChunkLength');
    expect(err(answer(bob, id, BIG.subarray(CHUNK_SIZE, 2 * CHUNK_SIZE + 1), good.proof))).toBe('NodeRewards.WrongChunkLength');
    // only the node's operator answers
    expect(err(answer(dave, id, good.chunk, good.proof))).toBe('NodeRewards.NotOperator');
    expect(c.err({ kind: 'none' }, 'NodeRewards', 'answer_challenge', { challenge: id, chunk: good.chunk, proof: good.proof })).toBe('BadOrigin');
    expect(err(answer(bob, id + 1n, good.chunk, good.proof))).toBe('NodeRewards.UnknownChallenge');
    // the right answer still works, once
    ok(answer(bob, id, good.chunk, good.proof));
    expect(err(answer(bob, id, good.chunk, good.proof))).toBe('NodeRewards.ChallengeClosed');
    // an answer after the deadline block is too late: the hook closed the challenge as missed
    const late = open(w.storage, w.big, 1, 2);
    c.nextBlock(2);
    ok(answer(bob, open(w.storage, w.big, 0), chunkProof(BIG, 0).chunk, chunkProof(BIG, 0).proof)); // the deadline block itself is in time
    expect(S().Challenges.get(c.ext, late)).toBeDefined();
    const missed = nr(c.nextBlock());
    expect(missed).toContainEqual({ name: 'NodeRewards.ChallengeMissed', value: { challenge: late, node: w.storage, points_lost: 0 } });
    expect(err(answer(bob, late, good.chunk, good.proof))).toBe('NodeRewards.ChallengeClosed');
    invariants([alice, bob, charlie, dave, eve]);
  });

  it('a missed challenge costs the node its penalty of current-era points, saturating at zero', () => {
    const w = world();
    challengeParams({ challenge_period: 0, challenge_penalty: 3 });
    for (let i = 0; i < 5; i++) { heartbeat(bob, w.storage); c.nextBlock(); }
    heartbeat(dave, w.validator, K3);
    expect(nodeInfo(c.ext, w.storage)!.era_points).toBe(5);
    const a = open(w.storage, w.big, 0, 1);
    const b = open(w.validator, w.small, 0, 1);
    const evs = nr(c.nextBlock(2)).filter((e) => e.name === 'NodeRewards.ChallengeMissed');
    expect(evs).toEqual([
      { name: 'NodeRewards.ChallengeMissed', value: { challenge: a, node: w.storage, points_lost: 3 } },
      { name: 'NodeRewards.ChallengeMissed', value: { challenge: b, node: w.validator, points_lost: 1 } },
    ]);
    expect(nodeInfo(c.ext, w.storage)).toMatchObject({ era_points: 2, total_points: 5n });
    expect(nodeInfo(c.ext, w.validator)!.era_points).toBe(0);
    // at zero points the node no longer takes part in the era; a new heartbeat brings it back once
    expect(S().EraParticipants.get(c.ext)).toEqual([w.storage]);
    heartbeat(dave, w.validator, K3);
    expect(S().EraParticipants.get(c.ext)).toEqual([w.storage, w.validator]);
    const c2 = open(w.storage, w.big, 2, 1);
    c.nextBlock();
    expect(nr(c.nextBlock())).toContainEqual({ name: 'NodeRewards.ChallengeMissed', value: { challenge: c2, node: w.storage, points_lost: 2 } });
    expect(S().EraParticipants.get(c.ext)).toEqual([w.validator]);
    // the era payout goes to the points that are left
    const paid = nr(c.advanceTo(1000)).filter((e) => e.name === 'NodeRewards.NodeRewarded');
    expect(paid.map((e) => [e.value.node, e.value.points])).toEqual([[w.validator, 1]]);
    invariants([alice, bob, charlie, dave, eve]);
  });

  it('is off with challenge_period 0, needs a positive window, and keeps at most MaxOpenChallenges open', () => {
    const w = world();
    challengeParams({ challenge_period: 0 });
    expect(issued(c.nextBlock(10))).toEqual([]);
    expect(c.err(ROOT, 'NodeRewards', 'set_params', { params: { ...params(), challenge_window: 0 } })).toBe('NodeRewards.InvalidParams');
    challengeParams({ challenge_period: 1, challenge_window: 1_000 });
    expect(issued(c.nextBlock(LIMITS.MaxOpenChallenges + 5))).toHaveLength(LIMITS.MaxOpenChallenges);
    expect(S().OpenChallenges.get(c.ext)).toHaveLength(LIMITS.MaxOpenChallenges);
    // answering one frees a slot for the next draw
    const [first] = S().OpenChallenges.get(c.ext);
    const ch = S().Challenges.get(c.ext, first)!;
    const p = chunkProof(w.bytes.get(ch.contribution)!, ch.chunk);
    ok(answer(ch.node === w.storage ? bob : dave, first, p.chunk, p.proof));
    expect(issued(c.nextBlock(3))).toHaveLength(1);
    // the node API lists a node's open challenges
    const mine = openChallenges(c.ext, w.storage);
    expect(mine.length).toBeGreaterThan(0);
    for (const [, x] of mine) expect(x.node).toBe(w.storage);
    invariants([alice, bob, charlie, dave, eve]);
  });

  it('draws nothing without an eligible node or an accepted contribution', () => {
    challengeParams();
    register(charlie, K2, 100n * UNIT, 'Compute');
    expect(issued(c.nextBlock(5))).toEqual([]);
    register(bob, K1, 100n * UNIT, 'Storage');
    const dn = createDatanet(c, alice);
    contribute(c, dave, dn, 'pending only');
    expect(issued(c.nextBlock(5))).toEqual([]);
    accept(c, alice, 0n);
    expect(issued(c.nextBlock())).toHaveLength(1);
  });
});

describe('property: random call sequences keep issuance and the pot consistent', () => {
  const operators = [bob, charlie, dave];
  const keys = [1, 2, 3, 4].map(nodeKey);
  // Steps name nodes by id; `own` (usually true) sends the call from the node's operator and
  // `good` signs with the node's own key, so that most calls can succeed.
  type Step =
    | { t: 'register'; who: number; key: number; bond: bigint }
    | { t: 'heartbeat'; node: number; own: boolean; good: boolean; age: number }
    | { t: 'bond_more'; node: number; own: boolean; amount: bigint }
    | { t: 'unbond' | 'withdraw'; node: number; own: boolean }
    | { t: 'claim'; who: number }
    | { t: 'answer'; pick: number; own: boolean; good: boolean }
    | { t: 'blocks'; n: number; author: number }
    | { t: 'params'; interval: number; era: number; share: number; unbonding: number };
  const who = fc.integer({ min: 0, max: 3 }); // 3 = alice (author, not an operator)
  const node = fc.integer({ min: 0, max: 5 }); // see `pick`
  const mostly = fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, { arbitrary: fc.constant(false), weight: 1 });
  const step: fc.Arbitrary<Step> = fc.oneof(
    { arbitrary: fc.record({ t: fc.constant('register' as const), who: fc.integer({ min: 0, max: 2 }), key: fc.integer({ min: 0, max: 3 }), bond: fc.bigInt({ min: 99n * UNIT, max: 300n * UNIT }) }), weight: 2 },
    { arbitrary: fc.record({ t: fc.constant('heartbeat' as const), node, own: mostly, good: mostly, age: fc.oneof(fc.constant(0), fc.integer({ min: -1, max: 12 })) }), weight: 4 },
    { arbitrary: fc.record({ t: fc.constant('bond_more' as const), node, own: mostly, amount: fc.bigInt({ min: 0n, max: 10n * UNIT }) }), weight: 1 },
    { arbitrary: fc.record({ t: fc.constant('unbond' as const), node, own: mostly }), weight: 1 },
    { arbitrary: fc.record({ t: fc.constant('withdraw' as const), node, own: mostly }), weight: 2 },
    { arbitrary: fc.record({ t: fc.constant('claim' as const), who }), weight: 1 },
    { arbitrary: fc.record({ t: fc.constant('answer' as const), pick: fc.nat(), own: mostly, good: mostly }), weight: 3 },
    { arbitrary: fc.record({ t: fc.constant('blocks' as const), n: fc.integer({ min: 1, max: 12 }), author: fc.integer({ min: 0, max: 1 }) }), weight: 4 },
    { arbitrary: fc.record({ t: fc.constant('params' as const), interval: fc.integer({ min: 1, max: 6 }), era: fc.integer({ min: 1, max: 12 }), share: fc.integer({ min: 0, max: 1_000_000 }), unbonding: fc.integer({ min: 0, max: 12 }) }), weight: 1 },
  );
  const account = (i: number) => [...operators, alice][i];
  /** Step node numbers 0..4 pick one of the existing nodes, 5 an unknown id. */
  const pick = (n: number, unbonding = false): number => {
    const all = Array.from({ length: S().NextNodeId.get(c.ext) }, (_, i) => i).filter((i) => S().Nodes.get(c.ext, i));
    // withdrawals prefer unbonding nodes, else random sequences rarely reach one
    const u = all.filter((i) => S().Nodes.get(c.ext, i)!.status.tag === 'Unbonding');
    const ids = unbonding && u.length && n < 3 ? u : all;
    return n === 5 || ids.length === 0 ? 1000 : ids[n % ids.length];
  };
  /** The node's operator (or another account when `own` is false; bob for unknown nodes). */
  const sender = (id: number, own: boolean): Uint8Array => {
    const op = S().Nodes.get(c.ext, id)?.operator ?? bob;
    return own ? op : operators.find((o) => o !== op && !equalBytes(o, op))!;
  };
  const keyOf = (id: number, good: boolean) => {
    const pk = S().Nodes.get(c.ext, id)?.public_key;
    const k = keys.find((x) => pk && equalBytes(x.pair.publicKey, pk)) ?? keys[0];
    return good ? k : keys.find((x) => x !== k)!;
  };

  const stats = { ok: new Map<string, number>(), paidEras: 0, pointsLost: 0 };
  function attempt(origin: Uint8Array | typeof ROOT, name: string, args: Record<string, unknown>): void {
    const before = c.stateDigest();
    if (c.dispatch(origin, 'NodeRewards', name, args) !== undefined) expect(c.stateDigest()).toBe(before);
    else stats.ok.set(name, (stats.ok.get(name) ?? 0) + 1);
  }

  it('holds for 100 random runs', async () => {
    // short periods so that random runs reach payouts and withdrawals
    const cfg = { ...LOCAL, nodeRewards: { params: { heartbeat_interval: 3, era_length: 10, unbonding_period: 3, challenge_period: 2, challenge_window: 3, challenge_penalty: 1 } } };
    // one accepted multi-chunk contribution for the storage challenges to ask about
    const doc = Uint8Array.from({ length: 2 * CHUNK_SIZE + 100 }, (_, i) => i % 253);
    const snapshot = (await TestChain.create(cfg)).stateDigest(); // sanity: creating is deterministic
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 40 }), async (steps) => {
      c = await TestChain.create(cfg);
      expect(c.stateDigest()).toBe(snapshot);
      // two nodes to start with, so that early steps have something to act on
      c.ok(bob, 'NodeRewards', 'register_node', { kind: unit('Storage'), peer_id: keys[0].peerId, bond: 100n * UNIT, proof: proof(keys[0], bob) });
      c.ok(charlie, 'NodeRewards', 'register_node', { kind: unit('Compute'), peer_id: keys[1].peerId, bond: 120n * UNIT, proof: proof(keys[1], charlie) });
      accept(c, alice, contribute(c, dave, createDatanet(c, alice), doc));
      for (const s of steps) {
        const id = 'node' in s ? pick(s.node, s.t === 'withdraw') : 0;
        switch (s.t) {
          case 'register':
            attempt(account(s.who), 'register_node', { kind: unit('Storage'), peer_id: keys[s.key].peerId, bond: s.bond, proof: proof(keys[s.key], account(s.who)) });
            break;
          case 'heartbeat': {
            const at = c.number - s.age;
            if (at < 0) break;
            attempt(sender(id, s.own), 'heartbeat', { node: id, at_block: at, signature: ed25519Sign(heartbeatPayload(c.ext, id, at), keyOf(id, s.good).pair) });
            break;
          }
          case 'bond_more': attempt(sender(id, s.own), 'bond_more', { node: id, amount: s.amount }); break;
          case 'unbond': attempt(sender(id, s.own), 'unbond', { node: id }); break;
          case 'withdraw': attempt(sender(id, s.own), 'withdraw_unbonded', { node: id }); break;
          case 'claim': attempt(account(s.who), 'claim', {}); break;
          case 'answer': {
            const open = S().OpenChallenges.get(c.ext);
            if (!open.length) break;
            const challenge = open[s.pick % open.length];
            const ch = S().Challenges.get(c.ext, challenge)!;
            const { chunk, proof: path } = chunkProof(doc, ch.chunk);
            if (!s.good) chunk[s.pick % chunk.length] ^= 1;
            attempt(sender(ch.node, s.own), 'answer_challenge', { challenge, chunk, proof: path });
            break;
          }
          case 'blocks':
            for (const e of c.nextBlock(s.n, s.author)) {
              if (e.name === 'NodeRewards.EraPaid' && e.value.total > 0n) stats.paidEras++;
              if (e.name === 'NodeRewards.ChallengeMissed') stats.pointsLost += e.value.points_lost;
            }
            break;
          case 'params':
            attempt(ROOT, 'set_params', { params: { ...params(), heartbeat_interval: s.interval, era_length: s.era, author_share_ppm: s.share, unbonding_period: s.unbonding } });
            break;
        }
        invariants([...operators, alice]);
        // challenges: bounded, each open one stored and not past its deadline
        const open = S().OpenChallenges.get(c.ext);
        expect(open.length).toBeLessThanOrEqual(LIMITS.MaxOpenChallenges);
        for (const id of open) expect(S().Challenges.get(c.ext, id)!.deadline).toBeGreaterThanOrEqual(c.number);
        // era participants: exactly the active nodes with points in the current era, each once
        const era = S().CurrentEra.get(c.ext);
        const withPoints = S().ActiveNodes.get(c.ext).filter((id) => { const n = S().Nodes.get(c.ext, id)!; return n.points_era === era && n.era_points > 0; });
        expect([...S().EraParticipants.get(c.ext)].sort((a, b) => a - b)).toEqual(withPoints.sort((a, b) => a - b));
        // bonds: every account's reserved balance is the sum of its nodes' bonds
        for (const op of operators) {
          const bonds = S().OperatorNodes.get(c.ext, op).reduce((sum, id) => sum + S().Nodes.get(c.ext, id)!.bond, 0n);
          expect(c.reserved(op)).toBe(bonds);
        }
      }
    }), { numRuns: 100 });
    // the generator reaches the interesting paths, not only errors
    for (const name of ['register_node', 'heartbeat', 'bond_more', 'unbond', 'withdraw_unbonded', 'claim', 'set_params', 'answer_challenge']) expect(stats.ok.get(name) ?? 0).toBeGreaterThan(0);
    expect(stats.paidEras).toBeGreaterThan(0);
    expect(stats.pointsLost).toBeGreaterThan(0);
  }, 30_000);
});
