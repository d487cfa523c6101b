// The composed runtime: metadata as @polkadot/types reads it, extrinsics signed
// by @polkadot/types, and a block executed through the executive.
import { Keyring } from '@polkadot/keyring';
import { Metadata, TypeRegistry } from '@polkadot/types';
import { u8aToHex } from '@polkadot/util';
import { beforeAll, describe, expect, it } from 'vitest';
import * as T from '../src/codec/types.ts';
import { blake2_256, blake2_64, cryptoReady, fromHex, toHex } from '../src/crypto.ts';
import { Ext, type Host } from '../src/framework/ext.ts';
import { strKey } from '../src/framework/overlay.ts';
import { Header } from '../src/primitives.ts';
import { runtime } from '../src/runtime.ts';
import { system } from '../src/pallets/system.ts';
import { decodeExtrinsic } from '../src/extrinsic.ts';

/** In-memory state with a stand-in root (the trie lives in the node; its roots are tested there). */
class MemState {
  data = new Map<string, Uint8Array>();
  host: Host = {
    storageRoot: (changes) => {
      for (const [k, v] of changes) { if (v) this.data.set(k, v); else this.data.delete(k); }
      const sorted = [...this.data].sort(([a], [b]) => (a < b ? -1 : 1));
      return blake2_256(Buffer.concat(sorted.flatMap(([k, v]) => [Buffer.from(strKey(k)), Buffer.from(v)])));
    },
    orderedTrieRoot: (items) => blake2_256(Buffer.concat(items.map((i) => Buffer.from(i)))),
  };
  ext() { return new Ext((k) => this.data.get(String.fromCharCode(...k)), this.host); }
}

let registry: TypeRegistry;
let state: MemState;
let genesisHash: Uint8Array;
const keyring = () => new Keyring({ type: 'sr25519' });

beforeAll(async () => {
  await cryptoReady();
  registry = new TypeRegistry();
  const meta = new Metadata(registry, runtime.metadata(15));
  registry.setMetadata(meta);
  state = new MemState();
  for (const [k, v] of runtime.genesisStorage('development')) state.data.set(String.fromCharCode(...fromHex(k)), fromHex(v));
  genesisHash = new Uint8Array(32).fill(0xab);
});

function sign(callHex: string, nonce: number, opts: { tip?: bigint; genesis?: Uint8Array } = {}) {
  const alice = keyring().addFromUri('//Alice');
  const payload = registry.createType('ExtrinsicPayload', {
    method: callHex, nonce, era: '0x00', genesisHash: u8aToHex(opts.genesis ?? genesisHash), blockHash: u8aToHex(opts.genesis ?? genesisHash),
    specVersion: runtime.version.spec_version, transactionVersion: runtime.version.transaction_version, tip: opts.tip ?? 0n, version: 4,
  }, { version: 4 });
  const xt = registry.createType('Extrinsic', registry.createType('Call', callHex));
  xt.addSignature(alice.address, alice.sign(payload.toU8a({ method: true }), { withType: true }), payload.toHex());
  return xt.toU8a();
}

describe('metadata', () => {
  it('V14 and V15 decode with @polkadot/types and describe the pallets', () => {
    for (const v of [14, 15] as const) {
      const reg = new TypeRegistry();
      const meta = new Metadata(reg, runtime.metadata(v));
      expect(meta.version).toBe(v);
      reg.setMetadata(meta);
      const names = meta.asLatest.pallets.map((p) => p.name.toString());
      expect(names).toEqual(['System', 'Timestamp', 'Aura', 'Grandpa', 'Balances', 'TransactionPayment', 'Sudo', 'Utility', 'Datanets', 'Models', 'Attribution', 'NodeRewards']);
      const exts = v === 14 ? meta.asV14.extrinsic.signedExtensions : meta.asV15.extrinsic.signedExtensions;
      expect(exts.map((s) => s.identifier.toString())).toEqual([
        'CheckNonZeroSender', 'CheckSpecVersion', 'CheckTxVersion', 'CheckGenesis', 'CheckMortality', 'CheckNonce', 'CheckWeight', 'ChargeTransactionPayment',
      ]);
      const balancesCall = reg.createType('Call', { callIndex: [5, 3], args: { dest: { Id: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY' }, value: 5 } });
      expect(balancesCall.method).toBe('transferKeepAlive');
    }
  });
  it('System.Version constant equals the runtime version', () => {
    const c = registry.metadata.pallets.find((p) => p.name.toString() === 'System')!.constants.find((k) => k.name.toString() === 'Version')!;
    const v = registry.createType('RuntimeVersion', c.value.toU8a(true)) as any;
    expect(v.specName.toString()).toBe('slmnet');
    expect(v.specVersion.toNumber()).toBe(runtime.version.spec_version);
  });
  it('V15 lists the runtime APIs that runtimeVersion.apis declares', () => {
    const meta = new Metadata(new TypeRegistry(), runtime.metadata(15));
    const apis = meta.asV15.apis.map((a) => a.name.toString());
    expect(apis.length).toBe(runtime.version.apis.length);
    const declared = new Set(runtime.version.apis.map(([id]) => toHex(id)));
    for (const name of apis) expect(declared.has(toHex(blake2_64(Buffer.from(name))))).toBe(true);
    expect(toHex(blake2_64(Buffer.from('Core')))).toBe('0xdf6acb689907609b');
    expect(apis).toContain('TaggedTransactionQueue');
    expect(apis).toContain('TransactionPaymentApi');
  });
});

describe('executive', () => {
  it('decodes an extrinsic signed by @polkadot/types and executes a block with it', () => {
    const bob = keyring().addFromUri('//Bob');
    const call = registry.createType('Call', { callIndex: [5, 3], args: { dest: { Id: bob.address }, value: 10n ** 12n } }).toHex();
    const xt = sign(call, 0);
    const d = decodeExtrinsic(xt);
    expect(d.signed?.nonce).toBe(0);
    expect(d.call).toMatchObject({ tag: 'Balances', value: { tag: 'transfer_keep_alive' } });

    // BlockHash(0) must be the genesis hash the transaction commits to
    const ext = state.ext();
    ext.set(system.storage.BlockHash.key(0), genesisHash);
    const changes = ext.overlay.drain();
    state.host.storageRoot(changes);

    const build = state.ext();
    const header = { parent_hash: genesisHash, number: 1, state_root: new Uint8Array(32), extrinsics_root: new Uint8Array(32), digest: { logs: [] } };
    runtime.initializeBlock(build, header);
    for (const inh of runtime.inherentExtrinsics(6000n)) expect(runtime.applyExtrinsic(build, inh)).toEqual({ ok: true });
    expect(runtime.applyExtrinsic(build, xt)).toEqual({ ok: true });
    const replay = runtime.applyExtrinsic(build, xt);
    expect(replay).toEqual({ ok: false, error: { type: 'Invalid', kind: 'Stale' } });
    const badGenesis = sign(call, 1, { genesis: new Uint8Array(32).fill(1) });
    expect(runtime.applyExtrinsic(build, badGenesis)).toEqual({ ok: false, error: { type: 'Invalid', kind: 'BadProof' } });
    const events = T.decodeAll(system.storage.Events.valueTy, build.get(system.storage.Events.key()) ?? Uint8Array.of(0));
    expect(events.length).toBe(0); // written at finalisation
    const sealed = runtime.finalizeBlock(build);
    expect(sealed.number).toBe(1);
    const encoded = Header.codec.enc(sealed);
    expect(T.decodeAll(Header, encoded)).toEqual(sealed);
  });
});
