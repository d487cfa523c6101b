// Turning command-line strings into values of metadata types, for the generic `tx`, `query` and `call` commands.
import type { ApiPromise } from '@slmnet/client';
import { parseAmount } from '@slmnet/client';
import { UserError } from './errors.ts';
import { addressArg } from './parse.ts';

const INT = /^(Compact<)?[ui](8|16|32|64|128|256)>?$/;

/** Lower camel case as @polkadot/api names sections and methods (`node_rewards`, `NodeRewards` → `nodeRewards`). */
export function camel(s: string): string {
  const parts = s.split(/[_-]/).filter(Boolean);
  return parts.map((p, i) => (i === 0 ? p.charAt(0).toLowerCase() + p.slice(1) : p.charAt(0).toUpperCase() + p.slice(1))).join('');
}

/**
 * A value for `type` from a string:
 * integers (`u128` also takes amounts: `1.5SLMN`, `10planck`), addresses (SS58, 0x, `//Alice`),
 * `Bytes` (0x hex, else UTF-8 text), fixed-size hashes (0x hex), bools, and JSON for everything
 * else (structs, enums, vectors; a bare word is an enum variant without data).
 */
export function parseTyped(api: ApiPromise, name: string, type: string, raw: string): unknown {
  const bad = (why: string) => new UserError(`bad argument ${name} (${type}) "${raw}": ${why}`);
  let value: unknown;
  if (INT.test(type)) {
    if (/^\d+$/.test(raw)) value = BigInt(raw);
    else if (/^[\d._]+\s*(slmn|planck)$/i.test(raw)) value = parseAmount(raw);
    else throw bad('expected a non-negative integer (amounts: 1.5SLMN or 1500000000000planck)');
  } else if (/^(AccountId(32)?|MultiAddress|Address|LookupSource)$/.test(type)) {
    value = addressArg(raw);
  } else if (type === 'Bytes' || type === 'Vec<u8>') {
    value = raw; // 0x… is taken as bytes, anything else as UTF-8 text
  } else if (/^(H\d+|\[u8;\s*\d+\])$/.test(type)) {
    if (!/^0x[0-9a-fA-F]*$/.test(raw)) throw bad('expected 0x-prefixed hex');
    value = raw;
  } else if (type === 'bool') {
    if (raw !== 'true' && raw !== 'false') throw bad('expected true or false');
    value = raw === 'true';
  } else {
    try {
      value = JSON.parse(raw);
    } catch {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(raw)) throw bad('expected JSON (e.g. {"Accept":{"quality":90}}) or an enum variant name');
      value = raw;
    }
  }
  try {
    const created = api.createType(type, value);
    // createType pads or truncates fixed-size hex silently: insist on the exact length
    if (/^(H\d+|\[u8;\s*\d+\])$/.test(type) && (raw.length - 2) / 2 !== created.encodedLength) throw new Error(`expected ${created.encodedLength} bytes`);
    return created;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw bad((e as Error).message.split('\n')[0]);
  }
}

export interface ArgSpec { name: string; type: string }

/** Parses positional strings against a list of typed parameters (exact count). */
export function parseArgs(api: ApiPromise, what: string, specs: ArgSpec[], raw: string[]): unknown[] {
  if (raw.length !== specs.length) {
    const sig = specs.map((s) => `${s.name}: ${s.type}`).join(', ');
    throw new UserError(`${what} takes ${specs.length} argument${specs.length === 1 ? '' : 's'} (${sig}), got ${raw.length}`);
  }
  return specs.map((s, i) => parseTyped(api, s.name, s.type, raw[i]));
}

/** The extrinsic builder for `pallet call`, or a UserError listing what exists. */
export function findCall(api: ApiPromise, pallet: string, call: string) {
  const p = camel(pallet);
  const section = api.tx[p];
  if (!section) throw new UserError(`unknown pallet "${pallet}": one of ${Object.keys(api.tx).sort().join(', ')}`);
  const fn = section[camel(call)];
  if (!fn) throw new UserError(`unknown call "${call}" in ${p}: one of ${Object.keys(section).sort().join(', ')}`);
  return fn;
}

export function findStorage(api: ApiPromise, pallet: string, item: string) {
  const p = camel(pallet);
  const section = api.query[p];
  if (!section) throw new UserError(`unknown pallet "${pallet}": one of ${Object.keys(api.query).sort().join(', ')}`);
  const entry = section[camel(item)];
  if (!entry) throw new UserError(`unknown storage item "${item}" in ${p}: one of ${Object.keys(section).sort().join(', ')}`);
  return entry;
}

/** The key parameters of a storage item: one per hasher (tuple keys are split). */
export function storageKeySpecs(api: ApiPromise, entry: ReturnType<typeof findStorage>): ArgSpec[] {
  const t = entry.creator.meta.type;
  if (!t.isMap) return [];
  const { hashers, key } = t.asMap;
  const def = api.registry.lookup.getTypeDef(key);
  if (hashers.length === 1) return [{ name: 'key', type: typeName(api, def) }];
  return (def.sub as { type: string; lookupIndex?: number; lookupName?: string }[]).map((s, i) => ({ name: `key${i + 1}`, type: typeName(api, s) }));
}

/** A name createType understands for a lookup type definition. */
function typeName(api: ApiPromise, def: { type: string; lookupIndex?: number; lookupName?: string }): string {
  if (def.lookupName) return def.lookupName;
  if (/^[A-Za-z0-9<>;[\], ]+$/.test(def.type) && !def.type.startsWith('{')) return def.type;
  return def.lookupIndex !== undefined ? api.registry.createLookupType(def.lookupIndex) : def.type;
}
