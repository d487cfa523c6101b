// pallet_aura: authority set and the current slot, checked against the timestamp.
import * as T from '../codec/types.ts';
import { SLOT_DURATION_MS } from '../config.ts';
import { weight } from '../framework/dispatch.ts';
import type { Ext } from '../framework/ext.ts';
import { pallet } from '../framework/pallet.ts';
import { value } from '../framework/storage.ts';
import { AuraId } from '../primitives.ts';
import { DB_READ_WEIGHT, DB_WRITE_WEIGHT } from '../config.ts';
import { system } from './system.ts';
import { equalBytes, text } from '../crypto.ts';

export const AURA_ENGINE = text('aura');
export const Slot = T.newtype({ path: ['sp_consensus_slots', 'Slot'] }, T.u64, 'u64');

export const aura = pallet({
  name: 'Aura',
  crate: 'pallet_aura',
  index: 3,
  storage: {
    Authorities: value(T.vec(AuraId), { default: [], docs: ['The current authority set.'] }),
    CurrentSlot: value(Slot, { default: 0n, docs: ['The current slot of this block.'] }),
  },
  constants: {
    SlotDuration: { ty: T.u64, value: SLOT_DURATION_MS, docs: ['The slot duration Aura should run with, expressed in milliseconds.'] },
  },
  hooks: {
    onInitialize: (ext) => {
      const slot = preRuntimeSlot(ext);
      if (slot === undefined) return weight(DB_READ_WEIGHT);
      if (slot <= aura.storage.CurrentSlot.get(ext)) throw new Error('Slot must increase');
      aura.storage.CurrentSlot.set(ext, slot);
      return weight(2n * DB_READ_WEIGHT + DB_WRITE_WEIGHT);
    },
  },
});

/** Slot from the block's Aura PreRuntime digest, if present. */
export function preRuntimeSlot(ext: Ext): bigint | undefined {
  for (const log of system.storage.Digest.get(ext).logs) {
    if (log.tag === 'PreRuntime' && equalBytes(log.value[0], AURA_ENGINE)) return T.decodeAll(T.u64, log.value[1]);
  }
  return undefined;
}

/** pallet_aura's OnTimestampSet: the timestamp must fall in the block's slot. */
export function onTimestampSet(ext: Ext, now: bigint): void {
  const current = aura.storage.CurrentSlot.get(ext);
  if (current === 0n) return; // blocks without an Aura digest (tests, genesis tooling)
  if (now / SLOT_DURATION_MS !== current) throw new Error('Timestamp slot must match `CurrentSlot`');
}
