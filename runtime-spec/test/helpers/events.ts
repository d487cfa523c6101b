// Decodes the EventRecords deposited in an Ext into `Pallet.Event` names and fields.
import * as T from '../../src/codec/types.ts';
import type { Ext } from '../../src/framework/ext.ts';
import type { AnyPallet } from '../../src/framework/pallet.ts';

export function eventsOf(pallets: AnyPallet[], ext: Ext): { name: string; value: any }[] {
  return ext.events.map((rec) => {
    let off = rec[0] === 0 ? 5 : 1; // phase: ApplyExtrinsic(u32) or a unit variant
    const p = pallets.find((x) => x.index === rec[off])!;
    off += 1;
    const [ev] = T.decodePrefix(p.eventTy!, rec.subarray(off));
    return { name: `${p.name}.${ev.tag}`, value: ev.value };
  });
}
