// Normalises a batch of writes: byte-sorted, one entry per key (last wins).
import { bytesEqual, compareBytes } from './hash.ts';

export interface SortedChanges<V> {
  keys: Uint8Array[];
  vals: V[];
}

export function sortChanges<V>(changes: Iterable<[Uint8Array, V]>): SortedChanges<V> {
  const all = Array.isArray(changes) ? (changes as [Uint8Array, V][]).slice() : Array.from(changes);
  // Array.prototype.sort is stable, so among equal keys input order survives.
  all.sort((a, b) => compareBytes(a[0], b[0]));
  const keys: Uint8Array[] = [];
  const vals: V[] = [];
  for (let i = 0; i < all.length; i++) {
    if (i + 1 < all.length && bytesEqual(all[i][0], all[i + 1][0])) continue;
    keys.push(all[i][0]);
    vals.push(all[i][1]);
  }
  return { keys, vals };
}
