// pallet_grandpa: the finality authority set (the node runs the voting).
import * as T from '../codec/types.ts';
import { ensureRoot, weight } from '../framework/dispatch.ts';
import { call, event, pallet } from '../framework/pallet.ts';
import { value } from '../framework/storage.ts';
import { GrandpaId } from '../primitives.ts';
import { DB_WRITE_WEIGHT } from '../config.ts';

export const AuthorityList = T.vec(T.tuple(GrandpaId, T.u64));
const StoredState = T.enumeration({ path: ['pallet_grandpa', 'StoredState'], params: [{ name: 'N', ty: T.u32 }] }, {
  Live: {}, PendingPause: { fields: { scheduled_at: T.u32, delay: T.u32 } }, Paused: {}, PendingResume: { fields: { scheduled_at: T.u32, delay: T.u32 } },
});

export const grandpa = pallet({
  name: 'Grandpa',
  crate: 'pallet_grandpa',
  index: 4,
  storage: {
    State: value(StoredState, { default: { tag: 'Live', value: undefined }, docs: ['State of the current authority set.'] }),
    CurrentSetId: value(T.u64, { default: 0n, docs: ['The number of changes (both in terms of keys and underlying economic responsibilities) in the "set" of Grandpa validators from genesis.'] }),
    Authorities: value(AuthorityList, { default: [], docs: ['The current list of authorities.'] }),
  },
  calls: {
    note_stalled: call({
      index: 2, args: { delay: T.u32, best_finalized_block_number: T.u32 }, typeNames: { delay: 'BlockNumberFor<T>', best_finalized_block_number: 'BlockNumberFor<T>' },
      origin: 'root', docs: ['Note that the current authority set of the GRANDPA finality gadget has stalled.'],
      weight: () => weight(DB_WRITE_WEIGHT),
      dispatch: ({ origin }) => { ensureRoot(origin); },
    }),
  },
  events: {
    NewAuthorities: event({ authority_set: AuthorityList }, 'New authority set has been applied.', { authority_set: 'AuthorityList' }),
    Paused: event({}, 'Current authority set has been paused.'),
    Resumed: event({}, 'Current authority set has been resumed.'),
  },
  errors: {
    PauseFailed: 'Attempt to signal GRANDPA pause when the authority set isn\'t live (either paused or already pending pause).',
    ResumeFailed: 'Attempt to signal GRANDPA resume when the authority set isn\'t paused (either live or already pending resume).',
    ChangePending: 'Attempt to signal GRANDPA change with one already pending.',
    TooSoon: 'Cannot signal forced change so soon after last.',
    InvalidKeyOwnershipProof: 'A key ownership proof provided as part of an equivocation report is invalid.',
    InvalidEquivocationProof: 'An equivocation proof provided as part of an equivocation report is invalid.',
    DuplicateOffenceReport: 'A given equivocation report is valid but already previously reported.',
  },
  constants: {
    MaxAuthorities: { ty: T.u32, value: 32, docs: ['Max Authorities in use'] },
    MaxNominators: { ty: T.u32, value: 0, docs: ['The maximum number of nominators for each validator.'] },
    MaxSetIdSessionEntries: { ty: T.u64, value: 0n, docs: ['The maximum number of entries to keep in the set id to session index mapping.'] },
  },
});
