// Genesis config (RuntimeGenesisConfig JSON), presets and the genesis storage it builds.
import { Keyring } from '@polkadot/keyring';
import { decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { isInteger, isSafeNumber, parse, stringify } from 'lossless-json';
import * as C from './config.ts';
import { concat, text, toHex } from './crypto.ts';
import { Ext, type Host } from './framework/ext.ts';
import { RuntimeVersion } from './primitives.ts';
import { aura } from './pallets/aura.ts';
import { balances } from './pallets/balances.ts';
import { grandpa } from './pallets/grandpa.ts';
import { sudo } from './pallets/sudo.ts';
import { emptyAccount, system } from './pallets/system.ts';
import { attribution } from './pallets/attribution.ts';
import { datanets } from './pallets/datanets.ts';
import { models } from './pallets/models.ts';
import { nodeRewards } from './pallets/node-rewards.ts';
import type { AnyPallet } from './framework/pallet.ts';

export const PRESET_NAMES = ['development', 'local_testnet'];

export interface GenesisConfig {
  balances?: { balances?: [string, bigint | number][] };
  aura?: { authorities?: string[] };
  grandpa?: { authorities?: [string, bigint | number][] };
  sudo?: { key?: string | null };
  [pallet: string]: unknown;
}

/** JSON with u128 values kept exact: integers beyond 2^53 become bigint. */
export const parseJson = (s: string): any =>
  parse(s, undefined, (v: string) => (isInteger(v) && !isSafeNumber(v) ? BigInt(v) : Number(v)));
export const stringifyJson = (v: unknown, indent?: number): string =>
  stringify(v, undefined, indent, [{ test: (x: unknown) => typeof x === 'bigint', stringify: (x: unknown) => String(x) }]) ?? 'null';

const ENDOWMENT = 1n << 60n;
const dev = (name: string, type: 'sr25519' | 'ed25519' = 'sr25519') =>
  encodeAddress(new Keyring({ type }).addFromUri(`//${name}`).publicKey, C.SS58_PREFIX);

function testnet(id: 'development' | 'local_testnet', authorities: string[], endowed: string[], root: string): GenesisConfig {
  const domain = Object.fromEntries(GENESIS_PALLETS.filter((p) => p.def.genesis!.preset).map((p) => [sectionName(p), p.def.genesis!.preset!(id)]));
  return {
    ...domain,
    balances: { balances: endowed.map((a) => [a, ENDOWMENT]) },
    aura: { authorities: authorities.map((n) => dev(n)) },
    grandpa: { authorities: authorities.map((n) => [dev(n, 'ed25519'), 1]) },
    sudo: { key: root },
  };
}

const NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
const endowedDev = () => [...NAMES, ...NAMES.map((n) => `${n}//stash`)].map((n) => dev(n));

/** Presets like the solochain template: Alice alone for development, Alice + Bob for local_testnet. */
export function preset(id: string): GenesisConfig | undefined {
  switch (id) {
    case 'development': case 'dev': return testnet('development', ['Alice'], endowedDev(), dev('Alice'));
    case 'local_testnet': case 'local': return testnet('local_testnet', ['Alice', 'Bob'], endowedDev(), dev('Alice'));
    case 'default': return {};
    default: return undefined;
  }
}

const account = (ss58: string, what: string): Uint8Array => {
  try { return decodeAddress(ss58); } catch { throw new Error(`${what}: invalid SS58 address ${JSON.stringify(ss58)}`); }
};
const amount = (v: unknown, what: string): bigint => {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return BigInt(v);
  if (typeof v === 'string' && /^\d+$/.test(v)) return BigInt(v);
  throw new Error(`${what}: expected a non-negative integer, got ${JSON.stringify(String(v))}`);
};

/** Domain pallets declare their own genesis sections (build + presets). */
const GENESIS_PALLETS: AnyPallet[] = [datanets, models, attribution, nodeRewards].filter((p) => p.def.genesis);
const sectionName = (p: AnyPallet) => p.name[0].toLowerCase() + p.name.slice(1);
const KNOWN = new Set(['system', 'balances', 'aura', 'grandpa', 'sudo', 'transactionPayment', 'timestamp', 'utility', ...GENESIS_PALLETS.map(sectionName)]);


/** Writes the genesis state of `config` (GenesisBuilder_build_state). */
export function buildState(ext: Ext, config: GenesisConfig): void {
  for (const k of Object.keys(config)) if (!KNOWN.has(k)) throw new Error(`unknown genesis config section: ${k}`);
  const hash69 = new Uint8Array(32).fill(69);
  system.storage.BlockHash.set(ext, 0, hash69);
  system.storage.ParentHash.set(ext, hash69);
  ext.set(text(':code'), concat(text('slmnet-runtime:'), RuntimeVersion.codec.enc(system.def.constants!.Version.value)));
  ext.set(text(':extrinsic_index'), Uint8Array.of(0, 0, 0, 0));
  let issuance = 0n;
  for (const [who, v] of config.balances?.balances ?? []) {
    const free = amount(v, 'balances.balances');
    if (free < C.EXISTENTIAL_DEPOSIT) throw new Error(`balances.balances: ${who} is endowed below the existential deposit`);
    const id = account(who, 'balances.balances');
    const acc = system.storage.Account.get(ext, id);
    if (acc.providers > 0) throw new Error(`balances.balances: duplicate account ${who}`);
    system.storage.Account.set(ext, id, { ...emptyAccount(), providers: 1, data: { ...emptyAccount().data, free } });
    issuance += free;
  }
  balances.storage.TotalIssuance.set(ext, issuance);
  for (const p of GENESIS_PALLETS) p.def.genesis!.build(ext, config[sectionName(p)]);
  aura.storage.Authorities.set(ext, (config.aura?.authorities ?? []).map((a) => account(a, 'aura.authorities')));
  grandpa.storage.Authorities.set(ext, (config.grandpa?.authorities ?? []).map(([a, w]) => [account(a, 'grandpa.authorities'), amount(w, 'grandpa.authorities')] as [Uint8Array, bigint]));
  if (config.sudo?.key) sudo.storage.Key.set(ext, account(config.sudo.key, 'sudo.key'));
}


const noHost: Host = {
  storageRoot: () => { throw new Error('not available at genesis'); },
  orderedTrieRoot: () => { throw new Error('not available at genesis'); },
};

/** Genesis storage as hex key/value pairs from a preset name or a config object (patch over defaults). */
export function genesisStorage(presetOrConfig: string | GenesisConfig): Map<string, string> {
  const config = typeof presetOrConfig === 'string' ? preset(presetOrConfig) : presetOrConfig;
  if (!config) throw new Error(`unknown genesis preset "${presetOrConfig}"; available: ${PRESET_NAMES.join(', ')}`);
  const ext = new Ext(() => undefined, noHost);
  buildState(ext, config);
  const out = new Map<string, string>();
  const changes = [...ext.overlay.drain()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [k, v] of changes) if (v) out.set(toHex(Uint8Array.from(k, (c) => c.charCodeAt(0))), toHex(v));
  return out;
}
