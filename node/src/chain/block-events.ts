// The events of a block as the node's workers read them: pallet, event name and fields.
import { system, type Ext } from '@slmnet/runtime-spec';

export interface BlockEvent { pallet: string; name: string; fields: Record<string, unknown> }

type EventRecord = { event: { tag: string; value: { tag: string; value: Record<string, unknown> } } };

export function blockEvents(ext: Ext): BlockEvent[] {
  return (system.storage.Events.get(ext) as EventRecord[]).map(({ event }) => ({ pallet: event.tag, name: event.value.tag, fields: event.value.value }));
}
