// Chain specs in polkadot-sdk's JSON format: plain (`genesis.runtimeGenesis.patch`)
// or raw (`genesis.raw.top`). u128 values survive (lossless JSON).
import { readFileSync } from 'node:fs';
import { config as C, parseJson, runtime, stringifyJson, type GenesisConfig } from '@slmnet/runtime-spec';

export interface ChainSpec {
  name: string;
  id: string;
  chainType: 'Development' | 'Local' | 'Live' | string;
  bootNodes: string[];
  telemetryEndpoints: null | unknown[];
  protocolId: string | null;
  properties: Record<string, unknown>;
  codeSubstitutes: Record<string, string>;
  genesis: { runtimeGenesis: { code: string; patch?: GenesisConfig; config?: GenesisConfig } } | { raw: { top: Record<string, string>; childrenDefault: Record<string, unknown> } };
}

const properties = () => ({ ss58Format: C.SS58_PREFIX, tokenDecimals: C.TOKEN_DECIMALS, tokenSymbol: C.TOKEN_SYMBOL });
const codeHex = () => runtime.genesisStorage({}).get('0x3a636f6465')!;

function builtin(name: string, id: string, chainType: string, presetName: string): ChainSpec {
  return {
    name, id, chainType, bootNodes: [], telemetryEndpoints: null, protocolId: null, properties: properties(), codeSubstitutes: {},
    genesis: { runtimeGenesis: { code: codeHex(), patch: runtime.preset(presetName)! } },
  };
}

/** `--chain dev|local|<path>`; the built-in specs are generated from the runtime's presets. */
export function loadChainSpec(chain: string): ChainSpec {
  switch (chain) {
    case 'dev': case '': return builtin('Development', 'dev', 'Development', 'development');
    case 'local': return builtin('Local Testnet', 'local_testnet', 'Local', 'local_testnet');
  }
  let text: string;
  try { text = readFileSync(chain, 'utf8'); } catch (e) {
    throw new Error(`cannot read chain spec "${chain}": ${(e as Error).message}. Use --chain dev, --chain local or a chain spec JSON file.`);
  }
  let spec: ChainSpec;
  try { spec = parseJson(text); } catch (e) { throw new Error(`chain spec ${chain} is not valid JSON: ${(e as Error).message}`); }
  if (!spec || typeof spec !== 'object' || typeof spec.id !== 'string' || !spec.genesis) throw new Error(`chain spec ${chain} lacks "id" or "genesis"`);
  spec.bootNodes ??= [];
  spec.properties ??= properties();
  return spec;
}

/** Genesis storage as hex key → hex value. */
export function genesisStorage(spec: ChainSpec): Map<string, string> {
  const g = spec.genesis as any;
  if (g.raw) {
    const top = g.raw.top ?? {};
    const out = new Map<string, string>();
    for (const k of Object.keys(top).sort()) {
      if (!/^0x([0-9a-fA-F]{2})*$/.test(k) || typeof top[k] !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(top[k])) throw new Error(`raw chain spec: bad entry ${k}`);
      out.set(k.toLowerCase(), top[k].toLowerCase());
    }
    return out;
  }
  const rg = g.runtimeGenesis;
  if (!rg) throw new Error('chain spec genesis must have "runtimeGenesis" or "raw"');
  const patch = rg.patch ?? rg.config;
  if (!patch) throw new Error('chain spec runtimeGenesis needs "patch" or "config"');
  return runtime.genesisStorage(patch);
}

export function toRaw(spec: ChainSpec): ChainSpec {
  const top = Object.fromEntries(genesisStorage(spec));
  return { ...spec, genesis: { raw: { top, childrenDefault: {} } } };
}

export const specJson = (spec: ChainSpec): string => stringifyJson(spec, 2);
