// pallet_datanets: community datasets. Contributions are recorded by content hash with a
// reserved deposit, reviewed by curators, and frozen into immutable versions that models train on.
import * as T from '../codec/types.ts';
import * as C from '../config.ts';
import { badOrigin, ensureSigned, type Origin } from '../framework/dispatch.ts';
import type { Ext } from '../framework/ext.ts';
import { call, event, pallet, type AnyPallet } from '../framework/pallet.ts';
import { doubleMap, map, value } from '../framework/storage.ts';
import { equalBytes } from '../crypto.ts';
import { CHUNK_SIZE, merkleRoot } from '../merkle.ts';
import { AccountId, Balance, BlockNumber, H256 } from '../primitives.ts';
import { hold, release } from './balances.ts';
import { bounded, dbWeight, governanceParams, ppmOf, unitEnum, blockNumber } from './common.ts';
import { payFromHold } from './pot.ts';
import { system } from './system.ts';
import { PPM } from '../attribution-result.ts';

const CRATE = 'pallet_datanets';
const path = (n: string) => [CRATE, 'types', n];

// Hard limits (metadata constants).
export const LIMITS = {
  MaxNameLen: 64,
  MaxMetadataLen: 512,
  MaxTags: 8,
  MaxTagLen: 32,
  MaxLicenseLen: 64,
  MaxCurators: 16,
  MaxPendingPerAccount: 64,
  MaxAcceptedPerDatanet: 1_000,
  MaxContentSize: 16 * 1024 * 1024,
};

export const DatanetId = T.u32;
export const ContributionId = T.u64;
export const VersionNumber = T.u32;

export const DataKind = unitEnum(path('DataKind'), ['Text', 'Code', 'Image', 'Audio', 'Tabular', 'Other'] as const);
export const Policy = unitEnum(path('Policy'), ['Open', 'Permissioned'] as const, ['Open: anyone may contribute. Permissioned: only the allow-list.']);
export const DatanetStatus = unitEnum(path('DatanetStatus'), ['Active', 'Frozen'] as const);
export const ContributionStatus = unitEnum(path('ContributionStatus'), ['Pending', 'Accepted', 'Rejected', 'Withdrawn', 'Revoked'] as const);

export const DatanetInfo = T.struct({ path: path('DatanetInfo') }, {
  owner: AccountId,
  name: T.bytes,
  metadata: T.bytes,
  tags: T.vec(T.bytes),
  kind: DataKind,
  license: T.bytes,
  policy: Policy,
  contribution_deposit: Balance,
  status: DatanetStatus,
  created: BlockNumber,
  latest_version: VersionNumber,
  contributions: T.u32,
  accepted: T.u32,
  accepted_bytes: T.u64,
});
export type DatanetInfo = ReturnType<typeof DatanetInfo.codec.dec>;

export const Contribution = T.struct({ path: path('Contribution') }, {
  datanet: DatanetId,
  contributor: AccountId,
  content_hash: H256,
  size: T.u32,
  /** Merkle root over the content's ChunkSize-byte chunks: storage challenges are answered against it. */
  chunks_root: H256,
  metadata: T.bytes,
  license: T.bytes,
  status: ContributionStatus,
  quality: T.option(T.u8),
  reject_reason: T.option(T.u8),
  deposit: Balance,
  submitted: BlockNumber,
  reviewed: T.option(BlockNumber),
  reviewer: T.option(AccountId),
  versions: T.u32,
});
export type Contribution = ReturnType<typeof Contribution.codec.dec>;

export const VersionInfo = T.struct({ path: path('VersionInfo') }, {
  root: H256, count: T.u32, bytes: T.u64, published: BlockNumber,
});
export type VersionInfo = ReturnType<typeof VersionInfo.codec.dec>;

export const Reputation = T.struct({ path: path('Reputation') }, { accepted: T.u32, rejected: T.u32, revoked: T.u32 });

export const ReviewDecision = T.enumeration<{ tag: 'Accept'; value: { quality: number } } | { tag: 'Reject'; value: { reason: number } }>(
  { path: path('ReviewDecision') },
  { Accept: { fields: { quality: T.u8 } }, Reject: { fields: { reason: T.u8 } } },
);

const params = governanceParams(CRATE, {
  reject_forfeit_ppm: T.u32,
  min_contribution_deposit: Balance,
}, {
  reject_forfeit_ppm: 500_000,
  min_contribution_deposit: C.MILLI_UNIT * 10n,
}, (p) => (p.reject_forfeit_ppm > PPM ? 'reject_forfeit_ppm must be at most 1,000,000' : undefined));

const w = {
  create: dbWeight(40n, 2, 3),
  update: dbWeight(25n, 1, 1),
  curator: dbWeight(20n, 2, 1),
  contribute: dbWeight(60n, 6, 6),
  review: dbWeight(60n, 6, 7),
  withdraw: dbWeight(40n, 3, 3),
  revoke: dbWeight(40n, 3, 4),
  // publish touches every accepted contribution (versions counter) and hashes it into the root
  publish: dbWeight(100n + BigInt(LIMITS.MaxAcceptedPerDatanet) * 5n, 3 + LIMITS.MaxAcceptedPerDatanet, 3 + LIMITS.MaxAcceptedPerDatanet, 65_536n),
};

const ev = event;
const D = { datanet: DatanetId };
const Cn = { contribution: ContributionId, datanet: DatanetId };

export const datanets = pallet({
  name: 'Datanets',
  crate: CRATE,
  index: 10,
  docs: ['Datanets: community datasets with reviewed, deposit-backed contributions and immutable versions.'],
  storage: {
    Params: params.storage,
    NextDatanetId: value(DatanetId, { default: 0, docs: ['The id the next datanet gets.'] }),
    NextContributionId: value(ContributionId, { default: 0n, docs: ['The id the next contribution gets (global across datanets).'] }),
    Datanets: map('Twox64Concat', DatanetId, DatanetInfo, { docs: ['Datanets by id.'] }),
    Curators: map('Twox64Concat', DatanetId, T.vec(AccountId), { default: [], docs: ['Curators of a datanet (besides its owner).'] }),
    AllowList: doubleMap('Twox64Concat', DatanetId, 'Blake2_128Concat', AccountId, T.bool, { default: false, docs: ['Accounts allowed to contribute to a Permissioned datanet.'] }),
    Contributions: map('Twox64Concat', ContributionId, Contribution, { docs: ['Contributions by id.'] }),
    ContributionByHash: doubleMap('Twox64Concat', DatanetId, 'Identity', H256, ContributionId, { docs: ['Live (not rejected or withdrawn) contribution of a content hash in a datanet.'] }),
    PendingCount: map('Blake2_128Concat', AccountId, T.u32, { default: 0, docs: ['Pending contributions per account.'] }),
    AcceptedIds: map('Twox64Concat', DatanetId, T.vec(ContributionId), { default: [], docs: ['Accepted, non-revoked contributions of a datanet, in id order: the next version.'] }),
    Versions: doubleMap('Twox64Concat', DatanetId, 'Twox64Concat', VersionNumber, VersionInfo, { docs: ['Published versions.'] }),
    VersionContributions: doubleMap('Twox64Concat', DatanetId, 'Twox64Concat', VersionNumber, T.vec(ContributionId), { default: [], docs: ['The contributions of a published version, in id order.'] }),
    Reputations: doubleMap('Twox64Concat', DatanetId, 'Blake2_128Concat', AccountId, Reputation, { default: { accepted: 0, rejected: 0, revoked: 0 }, docs: ['Review outcomes per contributor per datanet.'] }),
  },
  holdReasons: {
    ContributionDeposit: 'Deposit held while a contribution is pending review.',
  },
  constants: {
    ...Object.fromEntries(Object.entries(LIMITS).map(([k, v]) => [k, { ty: T.u32, value: v }])),
    ChunkSize: { ty: T.u32, value: CHUNK_SIZE, docs: ['Bytes per chunk of the `chunks_root` tree (the last chunk may be shorter).'] },
  },
  calls: {
    create: call({
      index: 0, origin: 'signed', weight: () => w.create,
      args: { name: T.bytes, metadata: T.bytes, tags: T.vec(T.bytes), kind: DataKind, license: T.bytes, policy: Policy, contribution_deposit: Balance },
      docs: ['Creates a datanet owned by the caller. `contribution_deposit` is held from each contributor until review.'],
      dispatch: ({ ext, origin }, a) => {
        const owner = ensureSigned(origin);
        checkDescription(a);
        if (a.name.length === 0) throw datanets.error('EmptyName');
        if (a.contribution_deposit < params.storage.get(ext).min_contribution_deposit) throw datanets.error('DepositTooLow');
        const id = datanets.storage.NextDatanetId.get(ext);
        if (id === 0xffffffff) throw datanets.error('Overflow');
        datanets.storage.NextDatanetId.set(ext, id + 1);
        datanets.storage.Datanets.set(ext, id, {
          owner, name: a.name, metadata: a.metadata, tags: a.tags, kind: a.kind, license: a.license, policy: a.policy,
          contribution_deposit: a.contribution_deposit, status: { tag: 'Active', value: undefined }, created: blockNumber(ext),
          latest_version: 0, contributions: 0, accepted: 0, accepted_bytes: 0n,
        });
        datanets.deposit(ext, { tag: 'DatanetCreated', value: { datanet: id, owner, kind: a.kind, name: a.name } });
      },
    }),
    update: call({
      index: 1, origin: 'signed', weight: () => w.update,
      args: { datanet: DatanetId, metadata: T.bytes, tags: T.vec(T.bytes), license: T.bytes, contribution_deposit: Balance },
      docs: ['Owner: replaces the metadata, tags, license and contribution deposit (pending contributions keep theirs).'],
      dispatch: ({ ext, origin }, a) => {
        const d = ownedDatanet(ext, origin, a.datanet);
        checkDescription({ name: d.name, ...a });
        if (a.contribution_deposit < params.storage.get(ext).min_contribution_deposit) throw datanets.error('DepositTooLow');
        datanets.storage.Datanets.set(ext, a.datanet, { ...d, metadata: a.metadata, tags: a.tags, license: a.license, contribution_deposit: a.contribution_deposit });
        datanets.deposit(ext, { tag: 'DatanetUpdated', value: { datanet: a.datanet } });
      },
    }),
    add_curator: call({
      index: 2, origin: 'signed', weight: () => w.curator, args: { datanet: DatanetId, curator: AccountId },
      docs: ['Owner: adds a curator, who may review contributions and publish versions.'],
      dispatch: ({ ext, origin }, { datanet, curator }) => {
        ownedDatanet(ext, origin, datanet);
        const list = datanets.storage.Curators.get(ext, datanet);
        if (list.some((c) => equalBytes(c, curator))) throw datanets.error('AlreadyCurator');
        if (list.length >= LIMITS.MaxCurators) throw datanets.error('TooManyCurators');
        datanets.storage.Curators.set(ext, datanet, [...list, curator]);
        datanets.deposit(ext, { tag: 'CuratorAdded', value: { datanet, curator } });
      },
    }),
    remove_curator: call({
      index: 3, origin: 'signed', weight: () => w.curator, args: { datanet: DatanetId, curator: AccountId },
      docs: ['Owner: removes a curator.'],
      dispatch: ({ ext, origin }, { datanet, curator }) => {
        ownedDatanet(ext, origin, datanet);
        const list = datanets.storage.Curators.get(ext, datanet);
        const next = list.filter((c) => !equalBytes(c, curator));
        if (next.length === list.length) throw datanets.error('NotCurator');
        datanets.storage.Curators.set(ext, datanet, next);
        datanets.deposit(ext, { tag: 'CuratorRemoved', value: { datanet, curator } });
      },
    }),
    set_policy: call({
      index: 4, origin: 'signed', weight: () => w.update, args: { datanet: DatanetId, policy: Policy },
      docs: ['Owner: Open (anyone contributes) or Permissioned (only the allow-list).'],
      dispatch: ({ ext, origin }, { datanet, policy }) => {
        const d = ownedDatanet(ext, origin, datanet);
        datanets.storage.Datanets.set(ext, datanet, { ...d, policy });
        datanets.deposit(ext, { tag: 'PolicySet', value: { datanet, policy } });
      },
    }),
    set_allowed: call({
      index: 5, origin: 'signed', weight: () => w.curator, args: { datanet: DatanetId, who: AccountId, allowed: T.bool },
      docs: ['Owner: adds an account to or removes it from the allow-list.'],
      dispatch: ({ ext, origin }, { datanet, who, allowed }) => {
        ownedDatanet(ext, origin, datanet);
        if (allowed) datanets.storage.AllowList.set(ext, datanet, who, true);
        else datanets.storage.AllowList.remove(ext, datanet, who);
        datanets.deposit(ext, { tag: 'AllowListUpdated', value: { datanet, who, allowed } });
      },
    }),
    freeze: call({
      index: 6, origin: 'any', weight: () => w.update, args: { datanet: DatanetId },
      docs: ['Owner or root: stops new contributions (reviews and versions continue).'],
      dispatch: ({ ext, origin }, { datanet }) => {
        const d = origin.kind === 'root' ? getDatanet(ext, datanet) : ownedDatanet(ext, origin, datanet);
        if (d.status.tag === 'Frozen') throw datanets.error('DatanetFrozen');
        datanets.storage.Datanets.set(ext, datanet, { ...d, status: { tag: 'Frozen', value: undefined } });
        datanets.deposit(ext, { tag: 'DatanetFrozen', value: { datanet } });
      },
    }),
    thaw: call({
      index: 7, origin: 'any', weight: () => w.update, args: { datanet: DatanetId },
      docs: ['Owner or root: accepts contributions again.'],
      dispatch: ({ ext, origin }, { datanet }) => {
        const d = origin.kind === 'root' ? getDatanet(ext, datanet) : ownedDatanet(ext, origin, datanet);
        if (d.status.tag !== 'Frozen') throw datanets.error('NotFrozen');
        datanets.storage.Datanets.set(ext, datanet, { ...d, status: { tag: 'Active', value: undefined } });
        datanets.deposit(ext, { tag: 'DatanetThawed', value: { datanet } });
      },
    }),
    contribute: call({
      index: 8, origin: 'signed', weight: () => w.contribute,
      args: { datanet: DatanetId, content_hash: H256, size: T.u32, chunks_root: H256, metadata: T.bytes, license: T.bytes },
      docs: [
        'Records a contribution: the blake2-256 hash and size of its bytes (stored off chain), the Merkle',
        'root of its chunks, metadata (title, mime type) and license. Holds the datanet\'s contribution deposit until review.',
        '`chunks_root`: binary blake2-256 Merkle root over the ChunkSize-byte chunks in order (leaf =',
        'blake2-256(0x00 ++ chunk), node = blake2-256(0x01 ++ left ++ right), an odd node is carried up).',
        'Storage nodes answer NodeRewards challenges with a chunk and its path to this root, so nobody can',
        'answer for a contribution whose root does not match its bytes: curators should reject such a one.',
      ],
      dispatch: ({ ext, origin }, a) => {
        const who = ensureSigned(origin);
        const d = getDatanet(ext, a.datanet);
        if (d.status.tag === 'Frozen') throw datanets.error('DatanetFrozen');
        if (d.policy.tag === 'Permissioned' && !equalBytes(d.owner, who) && !datanets.storage.AllowList.get(ext, a.datanet, who)) throw datanets.error('NotAllowed');
        bounded(a.metadata, LIMITS.MaxMetadataLen, () => datanets.error('MetadataTooLong'));
        bounded(a.license, LIMITS.MaxLicenseLen, () => datanets.error('LicenseTooLong'));
        if (a.size === 0) throw datanets.error('EmptyContent');
        if (a.size > LIMITS.MaxContentSize) throw datanets.error('ContentTooLarge');
        if (datanets.storage.ContributionByHash.get(ext, a.datanet, a.content_hash) !== undefined) throw datanets.error('DuplicateContent');
        const pending = datanets.storage.PendingCount.get(ext, who);
        if (pending >= LIMITS.MaxPendingPerAccount) throw datanets.error('TooManyPending');
        const id = datanets.storage.NextContributionId.get(ext);
        hold(ext, datanets.holdReason('ContributionDeposit'), who, d.contribution_deposit);
        datanets.storage.NextContributionId.set(ext, id + 1n);
        datanets.storage.PendingCount.set(ext, who, pending + 1);
        datanets.storage.ContributionByHash.set(ext, a.datanet, a.content_hash, id);
        datanets.storage.Contributions.set(ext, id, {
          datanet: a.datanet, contributor: who, content_hash: a.content_hash, size: a.size, chunks_root: a.chunks_root, metadata: a.metadata, license: a.license,
          status: { tag: 'Pending', value: undefined }, quality: undefined, reject_reason: undefined, deposit: d.contribution_deposit,
          submitted: blockNumber(ext), reviewed: undefined, reviewer: undefined, versions: 0,
        });
        datanets.storage.Datanets.set(ext, a.datanet, { ...d, contributions: d.contributions + 1 });
        datanets.deposit(ext, { tag: 'ContributionSubmitted', value: { contribution: id, datanet: a.datanet, contributor: who, content_hash: a.content_hash, size: a.size, deposit: d.contribution_deposit } });
      },
    }),
    review: call({
      index: 9, origin: 'signed', weight: () => w.review, args: { contribution: ContributionId, decision: ReviewDecision },
      docs: [
        'Owner or curator: accepts a pending contribution with a quality score (0–100; deposit returned)',
        'or rejects it with a reason code (`reject_forfeit_ppm` of the deposit goes to the datanet owner, the rest is returned).',
      ],
      dispatch: ({ ext, origin }, { contribution, decision }) => {
        const reviewer = ensureSigned(origin);
        const c = getContribution(ext, contribution);
        const d = getDatanet(ext, c.datanet);
        if (!isCurator(ext, c.datanet, d, reviewer)) throw datanets.error('NotCurator');
        if (c.status.tag !== 'Pending') throw datanets.error('NotPending');
        if (equalBytes(c.contributor, reviewer)) throw datanets.error('SelfReview');
        const reason = datanets.holdReason('ContributionDeposit');
        const reviewed = { ...c, reviewed: blockNumber(ext), reviewer };
        datanets.storage.PendingCount.mutate(ext, c.contributor, (n) => n - 1);
        if (decision.tag === 'Accept') {
          const quality = decision.value.quality;
          if (quality > 100) throw datanets.error('QualityOutOfRange');
          const accepted = datanets.storage.AcceptedIds.get(ext, c.datanet);
          if (accepted.length >= LIMITS.MaxAcceptedPerDatanet) throw datanets.error('TooManyAccepted');
          release(ext, reason, c.contributor, c.deposit);
          datanets.storage.AcceptedIds.set(ext, c.datanet, insertSorted(accepted, contribution));
          datanets.storage.Contributions.set(ext, contribution, { ...reviewed, status: { tag: 'Accepted', value: undefined }, quality });
          datanets.storage.Datanets.set(ext, c.datanet, { ...d, accepted: d.accepted + 1, accepted_bytes: d.accepted_bytes + BigInt(c.size) });
          datanets.storage.Reputations.mutate(ext, c.datanet, c.contributor, (r) => ({ ...r, accepted: r.accepted + 1 }));
          datanets.deposit(ext, { tag: 'ContributionAccepted', value: { contribution, datanet: c.datanet, reviewer, quality } });
        } else {
          const forfeited = forfeit(ext, c, d.owner);
          release(ext, reason, c.contributor, c.deposit - forfeited);
          datanets.storage.ContributionByHash.remove(ext, c.datanet, c.content_hash);
          datanets.storage.Contributions.set(ext, contribution, { ...reviewed, status: { tag: 'Rejected', value: undefined }, reject_reason: decision.value.reason });
          datanets.storage.Reputations.mutate(ext, c.datanet, c.contributor, (r) => ({ ...r, rejected: r.rejected + 1 }));
          datanets.deposit(ext, { tag: 'ContributionRejected', value: { contribution, datanet: c.datanet, reviewer, reason: decision.value.reason, forfeited } });
        }
      },
    }),
    withdraw: call({
      index: 10, origin: 'signed', weight: () => w.withdraw, args: { contribution: ContributionId },
      docs: ['Contributor: withdraws a pending contribution; the deposit is returned.'],
      dispatch: ({ ext, origin }, { contribution }) => {
        const who = ensureSigned(origin);
        const c = getContribution(ext, contribution);
        if (!equalBytes(c.contributor, who)) throw datanets.error('NotContributor');
        if (c.status.tag !== 'Pending') throw datanets.error('NotPending');
        release(ext, datanets.holdReason('ContributionDeposit'), who, c.deposit);
        datanets.storage.PendingCount.mutate(ext, who, (n) => n - 1);
        datanets.storage.ContributionByHash.remove(ext, c.datanet, c.content_hash);
        datanets.storage.Contributions.set(ext, contribution, { ...c, status: { tag: 'Withdrawn', value: undefined } });
        datanets.deposit(ext, { tag: 'ContributionWithdrawn', value: { contribution, datanet: c.datanet, refunded: c.deposit } });
      },
    }),
    revoke: call({
      index: 11, origin: 'signed', weight: () => w.revoke, args: { contribution: ContributionId },
      docs: ['Contributor: excludes an accepted contribution from future versions (published versions and history keep it).'],
      dispatch: ({ ext, origin }, { contribution }) => {
        const who = ensureSigned(origin);
        const c = getContribution(ext, contribution);
        if (!equalBytes(c.contributor, who)) throw datanets.error('NotContributor');
        if (c.status.tag !== 'Accepted') throw datanets.error('NotAccepted');
        const d = getDatanet(ext, c.datanet);
        datanets.storage.AcceptedIds.mutate(ext, c.datanet, (ids) => ids.filter((i) => i !== contribution));
        datanets.storage.Contributions.set(ext, contribution, { ...c, status: { tag: 'Revoked', value: undefined } });
        datanets.storage.Datanets.set(ext, c.datanet, { ...d, accepted: d.accepted - 1, accepted_bytes: d.accepted_bytes - BigInt(c.size) });
        datanets.storage.Reputations.mutate(ext, c.datanet, who, (r) => ({ ...r, revoked: r.revoked + 1 }));
        datanets.deposit(ext, { tag: 'ContributionRevoked', value: { contribution, datanet: c.datanet } });
      },
    }),
    publish_version: call({
      index: 12, origin: 'signed', weight: () => w.publish, args: { datanet: DatanetId },
      docs: [
        'Owner or curator: publishes the next version, an immutable snapshot of the accepted, non-revoked',
        'contributions: Merkle root over SCALE (contribution id, content hash) in id order, count and bytes.',
      ],
      dispatch: ({ ext, origin }, { datanet }) => {
        const who = ensureSigned(origin);
        const d = getDatanet(ext, datanet);
        if (!isCurator(ext, datanet, d, who)) throw datanets.error('NotCurator');
        const ids = datanets.storage.AcceptedIds.get(ext, datanet);
        if (ids.length === 0) throw datanets.error('EmptyVersion');
        const version = d.latest_version + 1;
        const leaves: Uint8Array[] = [];
        let bytes = 0n;
        for (const id of ids) {
          const c = getContribution(ext, id);
          leaves.push(VersionLeaf.codec.enc([id, c.content_hash]));
          bytes += BigInt(c.size);
          datanets.storage.Contributions.set(ext, id, { ...c, versions: c.versions + 1 });
        }
        const root = merkleRoot(leaves);
        datanets.storage.Versions.set(ext, datanet, version, { root, count: ids.length, bytes, published: blockNumber(ext) });
        datanets.storage.VersionContributions.set(ext, datanet, version, ids);
        datanets.storage.Datanets.set(ext, datanet, { ...d, latest_version: version });
        datanets.deposit(ext, { tag: 'VersionPublished', value: { datanet, version, root, count: ids.length, bytes } });
      },
    }),
    set_params: params.call(13, (): AnyPallet => datanets),
  },
  events: {
    DatanetCreated: ev({ ...D, owner: AccountId, kind: DataKind, name: T.bytes }, 'A datanet was created.'),
    DatanetUpdated: ev(D, 'A datanet\'s metadata, tags, license or deposit changed.'),
    CuratorAdded: ev({ ...D, curator: AccountId }, 'A curator was added.'),
    CuratorRemoved: ev({ ...D, curator: AccountId }, 'A curator was removed.'),
    PolicySet: ev({ ...D, policy: Policy }, 'The contribution policy changed.'),
    AllowListUpdated: ev({ ...D, who: AccountId, allowed: T.bool }, 'An account was added to or removed from the allow-list.'),
    DatanetFrozen: ev(D, 'The datanet stopped accepting contributions.'),
    DatanetThawed: ev(D, 'The datanet accepts contributions again.'),
    ContributionSubmitted: ev({ ...Cn, contributor: AccountId, content_hash: H256, size: T.u32, deposit: Balance }, 'A contribution was submitted and its deposit held.'),
    ContributionAccepted: ev({ ...Cn, reviewer: AccountId, quality: T.u8 }, 'A contribution was accepted; its deposit was returned.'),
    ContributionRejected: ev({ ...Cn, reviewer: AccountId, reason: T.u8, forfeited: Balance }, 'A contribution was rejected; `forfeited` of its deposit went to the datanet owner.'),
    ContributionWithdrawn: ev({ ...Cn, refunded: Balance }, 'A pending contribution was withdrawn; its deposit was returned.'),
    ContributionRevoked: ev(Cn, 'An accepted contribution was revoked: it is left out of future versions.'),
    VersionPublished: ev({ ...D, version: VersionNumber, root: H256, count: T.u32, bytes: T.u64 }, 'A version was published.'),
    ParamsSet: params.event,
  },
  errors: {
    UnknownDatanet: 'No datanet with this id.',
    UnknownContribution: 'No contribution with this id.',
    UnknownVersion: 'The datanet has no version with this number.',
    NotOwner: 'Only the datanet owner may do this.',
    NotCurator: 'Only the owner or a curator may do this (or the account is not a curator).',
    NotContributor: 'Only the contributor may do this.',
    EmptyName: 'The name must not be empty.',
    NameTooLong: 'The name is longer than MaxNameLen bytes.',
    MetadataTooLong: 'The metadata is longer than MaxMetadataLen bytes.',
    TooManyTags: 'More than MaxTags tags.',
    TagTooLong: 'A tag is longer than MaxTagLen bytes.',
    LicenseTooLong: 'The license is longer than MaxLicenseLen bytes.',
    DepositTooLow: 'The contribution deposit is below the minimum parameter.',
    AlreadyCurator: 'The account is already a curator.',
    TooManyCurators: 'The datanet has MaxCurators curators.',
    DatanetFrozen: 'The datanet is frozen.',
    NotFrozen: 'The datanet is not frozen.',
    NotAllowed: 'The datanet is permissioned and the caller is not on its allow-list.',
    EmptyContent: 'A contribution must have at least one byte.',
    ContentTooLarge: 'The content is larger than MaxContentSize bytes.',
    DuplicateContent: 'This content hash is already pending or accepted in the datanet.',
    TooManyPending: 'The caller has MaxPendingPerAccount pending contributions.',
    NotPending: 'The contribution is not pending (already reviewed, withdrawn or revoked).',
    NotAccepted: 'The contribution is not accepted.',
    SelfReview: 'A curator may not review their own contribution.',
    QualityOutOfRange: 'Quality must be between 0 and 100.',
    TooManyAccepted: 'The datanet has MaxAcceptedPerDatanet accepted contributions.',
    EmptyVersion: 'There is no accepted contribution to publish.',
    InvalidParams: 'The parameters are out of range.',
    Overflow: 'An id counter overflowed.',
  },
  genesis: {
    build: (ext, cfg?: { params?: unknown }) => params.build(ext, 'datanets', cfg?.params),
    preset: () => ({ params: {} }),
  },
});

/** A version's Merkle leaf: SCALE (contribution id, content hash). */
export const VersionLeaf = T.tuple(ContributionId, H256);


function checkDescription(a: { name: Uint8Array; metadata: Uint8Array; tags: Uint8Array[]; license: Uint8Array }): void {
  bounded(a.name, LIMITS.MaxNameLen, () => datanets.error('NameTooLong'));
  bounded(a.metadata, LIMITS.MaxMetadataLen, () => datanets.error('MetadataTooLong'));
  bounded(a.license, LIMITS.MaxLicenseLen, () => datanets.error('LicenseTooLong'));
  if (a.tags.length > LIMITS.MaxTags) throw datanets.error('TooManyTags');
  for (const t of a.tags) bounded(t, LIMITS.MaxTagLen, () => datanets.error('TagTooLong'));
}

export function getDatanet(ext: Ext, id: number): DatanetInfo {
  const d = datanets.storage.Datanets.get(ext, id);
  if (!d) throw datanets.error('UnknownDatanet');
  return d;
}

export function getContribution(ext: Ext, id: bigint): Contribution {
  const c = datanets.storage.Contributions.get(ext, id);
  if (!c) throw datanets.error('UnknownContribution');
  return c;
}

/** A published version and its contribution ids; UnknownVersion if absent. */
export function getVersion(ext: Ext, datanet: number, version: number): VersionInfo {
  const v = datanets.storage.Versions.get(ext, datanet, version);
  if (!v) throw datanets.error('UnknownVersion');
  return v;
}

function ownedDatanet(ext: Ext, origin: Origin, id: number): DatanetInfo {
  if (origin.kind !== 'signed') throw badOrigin();
  const d = getDatanet(ext, id);
  if (!equalBytes(d.owner, origin.who)) throw datanets.error('NotOwner');
  return d;
}

function isCurator(ext: Ext, id: number, d: DatanetInfo, who: Uint8Array): boolean {
  return equalBytes(d.owner, who) || datanets.storage.Curators.get(ext, id).some((c) => equalBytes(c, who));
}

function insertSorted(ids: bigint[], id: bigint): bigint[] {
  let i = ids.length;
  while (i > 0 && ids[i - 1] > id) i--;
  return [...ids.slice(0, i), id, ...ids.slice(i)];
}

/** Moves the forfeited part of a rejected contribution's deposit to the datanet owner. */
function forfeit(ext: Ext, c: Contribution, owner: Uint8Array): bigint {
  const amount = ppmOf(c.deposit, params.storage.get(ext).reject_forfeit_ppm);
  payFromHold(ext, datanets.holdReason('ContributionDeposit'), c.contributor, owner, amount);
  return amount;
}
