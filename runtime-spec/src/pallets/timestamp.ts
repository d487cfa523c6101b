// pallet_timestamp: the block author sets the time through a mandatory inherent.
import * as T from '../codec/types.ts';
import { SLOT_DURATION_MS, DB_READ_WEIGHT, DB_WRITE_WEIGHT } from '../config.ts';
import { ensureNone, weight } from '../framework/dispatch.ts';
import { call, pallet } from '../framework/pallet.ts';
import { value } from '../framework/storage.ts';
import { onTimestampSet } from './aura.ts';

export const MINIMUM_PERIOD = SLOT_DURATION_MS / 2n;

export const timestamp = pallet({
  name: 'Timestamp',
  crate: 'pallet_timestamp',
  index: 2,
  storage: {
    Now: value(T.u64, { default: 0n, docs: ['The current time for the current block.'] }),
    DidUpdate: value(T.bool, { default: false, docs: ['Whether the timestamp has been updated in this block.'] }),
  },
  calls: {
    set: call({
      index: 0, args: { now: T.compact(T.u64) }, typeNames: { now: 'T::Moment' }, origin: 'none', class: 'Mandatory',
      docs: ['Set the current time.'],
      weight: () => weight(DB_READ_WEIGHT + DB_WRITE_WEIGHT),
      dispatch: ({ ext, origin }, { now }) => {
        ensureNone(origin);
        const s = timestamp.storage;
        if (s.DidUpdate.get(ext)) throw new Error('Timestamp must be updated only once in the block');
        const prev = s.Now.get(ext);
        if (prev !== 0n && now < prev + MINIMUM_PERIOD) throw new Error('Timestamp must increment by at least MinimumPeriod between sequential blocks');
        s.Now.set(ext, now);
        s.DidUpdate.set(ext, true);
        onTimestampSet(ext, now);
      },
    }),
  },
  constants: {
    MinimumPeriod: { ty: T.u64, value: MINIMUM_PERIOD, docs: ['The minimum period between blocks.'] },
  },
  hooks: {
    onFinalize: (ext) => {
      if (!timestamp.storage.DidUpdate.get(ext)) throw new Error('Timestamp must be updated once in the block');
      timestamp.storage.DidUpdate.kill(ext);
    },
  },
});
