// pallet_datanets at the state-machine level: lifecycle, deposits, versions, every error path.
import { beforeEach, describe, expect, it } from 'vitest';
import { blake2_256, text } from '../src/crypto.ts';
import { chunksRoot, merkleRoot } from '../src/merkle.ts';
import { datanets, LIMITS, VersionLeaf } from '../src/pallets/datanets.ts';
import { REWARDS_POT } from '../src/pallets/pot.ts';
import { TestChain } from './helpers/chain.ts';
import { accept, alice, bob, charlie, contribute, createDatanet, dave, invariants, publish, reject, UNIT } from './helpers/domain.ts';

let c: TestChain;
beforeEach(async () => { c = await TestChain.create('development'); });

const S = () => datanets.storage;
const unit = (tag: string) => ({ tag, value: undefined });

describe('datanet lifecycle', () => {
  it('creates a datanet with an id, owner and event', () => {
    const id = createDatanet(c, alice);
    expect(id).toBe(0);
    expect(c.events.map((e) => e.name)).toEqual(['Datanets.DatanetCreated']);
    const d = S().Datanets.get(c.ext, 0)!;
    expect(d.owner).toEqual(alice);
    expect(new TextDecoder().decode(d.name)).toBe('Medical Q&A');
    expect(d.status.tag).toBe('Active');
    expect(createDatanet(c, bob)).toBe(1);
  });

  it('contribute → accept / reject / withdraw moves deposits exactly', () => {
    const dn = createDatanet(c, alice);
    const [b0, c0, d0, a0] = [c.free(bob), c.free(charlie), c.free(dave), c.free(alice)];
    const x = contribute(c, bob, dn, 'first document');
    const y = contribute(c, charlie, dn, 'second document');
    const z = contribute(c, dave, dn, 'third document');
    expect([x, y, z]).toEqual([0n, 1n, 2n]);
    expect(c.free(bob)).toBe(b0 - UNIT);
    expect(c.reserved(bob)).toBe(UNIT);
    expect(S().PendingCount.get(c.ext, bob)).toBe(1);
    accept(c, alice, x, 90);
    expect(c.events.map((e) => e.name)).toContain('Datanets.ContributionAccepted');
    expect(c.free(bob)).toBe(b0);
    expect(S().Contributions.get(c.ext, x)!.quality).toBe(90);
    // the chunk root the contributor gave is kept for storage challenges
    expect(S().Contributions.get(c.ext, x)!.chunks_root).toEqual(chunksRoot(text('first document')));
    reject(c, alice, y, 7);
    const rej = c.events.find((e) => e.name === 'Datanets.ContributionRejected')!;
    expect(rej.value.forfeited).toBe(UNIT / 2n);
    expect(c.free(charlie)).toBe(c0 - UNIT / 2n);
    expect(c.free(alice)).toBe(a0 + UNIT / 2n);
    c.ok(dave, 'Datanets', 'withdraw', { contribution: z });
    expect(c.free(dave)).toBe(d0);
    expect(S().Contributions.get(c.ext, z)!.status.tag).toBe('Withdrawn');
    expect(S().Reputations.get(c.ext, dn, bob)).toEqual({ accepted: 1, rejected: 0, revoked: 0 });
    expect(S().Reputations.get(c.ext, dn, charlie)).toEqual({ accepted: 0, rejected: 1, revoked: 0 });
    const d = S().Datanets.get(c.ext, dn)!;
    expect([d.contributions, d.accepted, d.accepted_bytes]).toEqual([3, 1, BigInt('first document'.length)]);
    invariants(c);
  });

  it('publishes immutable versions with the Merkle root over (id, hash) in id order', () => {
    const dn = createDatanet(c, alice);
    const ids = ['alpha text', 'beta text', 'gamma text'].map((t, i) => contribute(c, [bob, charlie, dave][i], dn, t));
    accept(c, alice, ids[2]);
    accept(c, alice, ids[0]);
    expect(publish(c, alice, dn)).toBe(1);
    const leaves = [ids[0], ids[2]].map((id) => VersionLeaf.codec.enc([id, blake2_256(text(['alpha text', 'beta text', 'gamma text'][Number(id)]))]));
    const v1 = S().Versions.get(c.ext, dn, 1)!;
    expect(v1.root).toEqual(merkleRoot(leaves));
    expect([v1.count, v1.bytes]).toEqual([2, BigInt('alpha text'.length + 'gamma text'.length)]);
    expect(S().VersionContributions.get(c.ext, dn, 1)).toEqual([ids[0], ids[2]]);
    // revoke: out of version 2, version 1 unchanged, history kept
    c.ok(dave, 'Datanets', 'revoke', { contribution: ids[2] });
    accept(c, alice, ids[1]);
    expect(publish(c, alice, dn)).toBe(2);
    expect(S().VersionContributions.get(c.ext, dn, 2)).toEqual([ids[0], ids[1]]);
    expect(S().Versions.get(c.ext, dn, 1)).toEqual(v1);
    expect(S().Contributions.get(c.ext, ids[0])!.versions).toBe(2);
    expect(S().Contributions.get(c.ext, ids[2])!.versions).toBe(1);
    expect(S().Reputations.get(c.ext, dn, dave).revoked).toBe(1);
  });

  it('curators review and publish; the allow-list gates permissioned datanets; freeze stops contributions', () => {
    const dn = createDatanet(c, alice);
    c.ok(alice, 'Datanets', 'add_curator', { datanet: dn, curator: bob });
    const x = contribute(c, charlie, dn, 'curated');
    accept(c, bob, x);
    expect(publish(c, bob, dn)).toBe(1);
    c.ok(alice, 'Datanets', 'set_policy', { datanet: dn, policy: unit('Permissioned') });
    expect(c.err(dave, 'Datanets', 'contribute', { datanet: dn, content_hash: blake2_256(text('d')), size: 1, chunks_root: chunksRoot(text('d')), metadata: new Uint8Array(), license: new Uint8Array() })).toBe('Datanets.NotAllowed');
    c.ok(alice, 'Datanets', 'set_allowed', { datanet: dn, who: dave, allowed: true });
    contribute(c, dave, dn, 'now allowed');
    c.ok(alice, 'Datanets', 'freeze', { datanet: dn });
    expect(c.err(dave, 'Datanets', 'contribute', { datanet: dn, content_hash: blake2_256(text('e')), size: 1, chunks_root: chunksRoot(text('e')), metadata: new Uint8Array(), license: new Uint8Array() })).toBe('Datanets.DatanetFrozen');
    c.ok({ kind: 'root' }, 'Datanets', 'thaw', { datanet: dn });
    c.ok(alice, 'Datanets', 'remove_curator', { datanet: dn, curator: bob });
    expect(c.err(bob, 'Datanets', 'publish_version', { datanet: dn })).toBe('Datanets.NotCurator');
  });
});

describe('datanet errors change nothing', () => {
  const contributeArgs = (datanet: number, over: Record<string, unknown> = {}) => ({
    datanet, content_hash: blake2_256(text('x')), size: 10, chunks_root: new Uint8Array(32), metadata: new Uint8Array(), license: new Uint8Array(), ...over,
  });
  const create = (over: Record<string, unknown>) => ({
    name: text('n'), metadata: new Uint8Array(), tags: [], kind: unit('Code'), license: new Uint8Array(), policy: unit('Open'), contribution_deposit: UNIT, ...over,
  });

  it('rejects bad creation input', () => {
    expect(c.err(alice, 'Datanets', 'create', create({ name: new Uint8Array(LIMITS.MaxNameLen + 1) }))).toBe('Datanets.NameTooLong');
    expect(c.err(alice, 'Datanets', 'create', create({ name: new Uint8Array() }))).toBe('Datanets.EmptyName');
    expect(c.err(alice, 'Datanets', 'create', create({ metadata: new Uint8Array(LIMITS.MaxMetadataLen + 1) }))).toBe('Datanets.MetadataTooLong');
    expect(c.err(alice, 'Datanets', 'create', create({ tags: Array.from({ length: 9 }, () => text('t')) }))).toBe('Datanets.TooManyTags');
    expect(c.err(alice, 'Datanets', 'create', create({ tags: [new Uint8Array(33)] }))).toBe('Datanets.TagTooLong');
    expect(c.err(alice, 'Datanets', 'create', create({ license: new Uint8Array(65) }))).toBe('Datanets.LicenseTooLong');
    expect(c.err(alice, 'Datanets', 'create', create({ contribution_deposit: 0n }))).toBe('Datanets.DepositTooLow');
    expect(c.err({ kind: 'none' }, 'Datanets', 'create', create({}))).toBe('BadOrigin');
    expect(c.err({ kind: 'root' }, 'Datanets', 'create', create({}))).toBe('BadOrigin');
  });

  it('rejects bad contributions', () => {
    const dn = createDatanet(c, alice);
    expect(c.err(bob, 'Datanets', 'contribute', contributeArgs(99))).toBe('Datanets.UnknownDatanet');
    expect(c.err(bob, 'Datanets', 'contribute', contributeArgs(dn, { size: 0 }))).toBe('Datanets.EmptyContent');
    expect(c.err(bob, 'Datanets', 'contribute', contributeArgs(dn, { size: LIMITS.MaxContentSize + 1 }))).toBe('Datanets.ContentTooLarge');
    expect(c.err(bob, 'Datanets', 'contribute', contributeArgs(dn, { metadata: new Uint8Array(513) }))).toBe('Datanets.MetadataTooLong');
    c.ok(bob, 'Datanets', 'contribute', contributeArgs(dn));
    expect(c.err(charlie, 'Datanets', 'contribute', contributeArgs(dn))).toBe('Datanets.DuplicateContent');
    // an account without funds for the deposit
    const poor = new Uint8Array(32).fill(7);
    c.ok(alice, 'Balances', 'transfer_allow_death', { dest: { tag: 'Id', value: poor }, value: UNIT / 2n });
    expect(c.err(poor, 'Datanets', 'contribute', contributeArgs(dn, { content_hash: blake2_256(text('poor')) }))).toBe('Token.FundsUnavailable');
  });

  it('limits pending contributions per account', () => {
    const dn = createDatanet(c, alice);
    for (let i = 0; i < LIMITS.MaxPendingPerAccount; i++) contribute(c, bob, dn, `doc ${i}`);
    expect(c.err(bob, 'Datanets', 'contribute', contributeArgs(dn, { content_hash: blake2_256(text('one more')) }))).toBe('Datanets.TooManyPending');
  });

  it('rejects bad reviews, withdrawals, revokes and publishes', () => {
    const dn = createDatanet(c, alice);
    const x = contribute(c, bob, dn, 'doc');
    const review = (id: bigint, quality = 50) => ({ contribution: id, decision: { tag: 'Accept', value: { quality } } });
    expect(c.err(charlie, 'Datanets', 'review', review(x))).toBe('Datanets.NotCurator');
    expect(c.err(alice, 'Datanets', 'review', review(42n))).toBe('Datanets.UnknownContribution');
    expect(c.err(alice, 'Datanets', 'review', review(x, 101))).toBe('Datanets.QualityOutOfRange');
    expect(c.err(alice, 'Datanets', 'publish_version', { datanet: dn })).toBe('Datanets.EmptyVersion');
    expect(c.err(alice, 'Datanets', 'revoke', { contribution: x })).toBe('Datanets.NotContributor');
    expect(c.err(bob, 'Datanets', 'revoke', { contribution: x })).toBe('Datanets.NotAccepted');
    expect(c.err(charlie, 'Datanets', 'withdraw', { contribution: x })).toBe('Datanets.NotContributor');
    accept(c, alice, x);
    expect(c.err(alice, 'Datanets', 'review', review(x))).toBe('Datanets.NotPending');
    expect(c.err(bob, 'Datanets', 'withdraw', { contribution: x })).toBe('Datanets.NotPending');
    const own = contribute(c, alice, dn, 'owner doc');
    expect(c.err(alice, 'Datanets', 'review', review(own))).toBe('Datanets.SelfReview');
    expect(c.err(bob, 'Datanets', 'add_curator', { datanet: dn, curator: bob })).toBe('Datanets.NotOwner');
    c.ok(alice, 'Datanets', 'add_curator', { datanet: dn, curator: bob });
    expect(c.err(alice, 'Datanets', 'add_curator', { datanet: dn, curator: bob })).toBe('Datanets.AlreadyCurator');
    expect(c.err(alice, 'Datanets', 'remove_curator', { datanet: dn, curator: charlie })).toBe('Datanets.NotCurator');
    expect(c.err(alice, 'Datanets', 'thaw', { datanet: dn })).toBe('Datanets.NotFrozen');
    expect(c.err(alice, 'Datanets', 'set_params', { params: { reject_forfeit_ppm: 0, min_contribution_deposit: 0n } })).toBe('BadOrigin');
    expect(c.err({ kind: 'root' }, 'Datanets', 'set_params', { params: { reject_forfeit_ppm: 1_000_001, min_contribution_deposit: 0n } })).toBe('Datanets.InvalidParams');
  });

  it('caps curators', () => {
    const dn = createDatanet(c, alice);
    for (let i = 0; i < LIMITS.MaxCurators; i++) c.ok(alice, 'Datanets', 'add_curator', { datanet: dn, curator: new Uint8Array(32).fill(i + 1) });
    expect(c.err(alice, 'Datanets', 'add_curator', { datanet: dn, curator: new Uint8Array(32).fill(99) })).toBe('Datanets.TooManyCurators');
  });
});

describe('pot fallback', () => {
  it('a forfeit below ED to a dead owner lands in the pot', () => {
    c.ok({ kind: 'root' }, 'Datanets', 'set_params', { params: { reject_forfeit_ppm: 100, min_contribution_deposit: 1n } });
    const dn = createDatanet(c, alice);
    c.ok(alice, 'Datanets', 'add_curator', { datanet: dn, curator: bob });
    const ghost = new Uint8Array(32).fill(9);
    const d = datanets.storage.Datanets.get(c.ext, dn)!;
    datanets.storage.Datanets.set(c.ext, dn, { ...d, owner: ghost });
    const x = contribute(c, charlie, dn, 'to reject');
    const pot0 = c.free(REWARDS_POT);
    reject(c, bob, x);
    expect(c.free(REWARDS_POT)).toBe(pot0 + UNIT / 10_000n);
    expect(c.free(ghost)).toBe(0n);
    invariants(c);
  });
});
