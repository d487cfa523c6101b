// A chain at the state-machine level for pallet tests: genesis from a preset, blocks opened and
// closed through the executive (hooks, Aura slot, timestamp), calls dispatched with an origin
// in a storage transaction (no signatures or fees: those are the executive's tests).
import { Keyring } from '@polkadot/keyring';
import * as T from '../../src/codec/types.ts';
import { blake2_256, cryptoReady, fromHex, text } from '../../src/crypto.ts';
import { DispatchError, type Origin } from '../../src/framework/dispatch.ts';
import { Ext, type Host } from '../../src/framework/ext.ts';
import { keyStr, strKey } from '../../src/framework/overlay.ts';
import type { RuntimeCallValue } from '../../src/framework/pallet.ts';
import type { GenesisConfig } from '../../src/genesis.ts';
import { composition, executive, runtime } from '../../src/runtime.ts';
import { system } from '../../src/pallets/system.ts';
import { aura } from '../../src/pallets/aura.ts';
import { balances } from '../../src/pallets/balances.ts';
import { eventsOf } from './events.ts';

export type Ev = { name: string; value: any };

const kr = () => new Keyring({ type: 'sr25519' });
/** Dev account public keys by lower-case name (//Alice …). */
export const dev = (name: string): Uint8Array => kr().addFromUri(`//${name[0].toUpperCase()}${name.slice(1)}`).publicKey;

export class TestChain {
  private data = new Map<string, Uint8Array>();
  ext!: Ext;
  number = 0;
  /** Events of the last call or block transition. */
  events: Ev[] = [];
  private host: Host = {
    storageRoot: (changes) => {
      for (const [k, v] of changes) { if (v) this.data.set(k, v); else this.data.delete(k); }
      return new Uint8Array(32);
    },
    orderedTrieRoot: () => new Uint8Array(32),
  };

  static async create(config: string | GenesisConfig = 'development'): Promise<TestChain> {
    await cryptoReady();
    const c = new TestChain();
    for (const [k, v] of runtime.genesisStorage(config)) c.data.set(keyStr(fromHex(k)), fromHex(v));
    c.openBlock(1, 0);
    return c;
  }

  private openBlock(n: number, author: number): void {
    this.ext = new Ext((k) => this.data.get(keyStr(k)), this.host);
    const authorities = Math.max(1, aura.storage.Authorities.get(this.ext).length);
    const slot = BigInt(n * authorities + author);
    executive.initialize(this.ext, {
      parent_hash: blake2_256(T.u32.codec.enc(n - 1)), number: n, state_root: new Uint8Array(32), extrinsics_root: new Uint8Array(32),
      digest: { logs: [{ tag: 'PreRuntime', value: [text('aura'), T.u64.codec.enc(slot)] }] },
    });
    this.ext.phase = { tag: 'ApplyExtrinsic', value: 0 };
    composition.dispatch(this.ext, { kind: 'none' }, { tag: 'Timestamp', value: { tag: 'set', value: { now: slot * 2000n } } });
    this.number = n;
  }

  /** Closes the current block and opens `count` more; `author` = index in the Aura authority set. Returns all hook events. */
  nextBlock(count = 1, author = 0): Ev[] {
    const all: Ev[] = [];
    for (let i = 0; i < count; i++) {
      const mark = this.ext.events.length;
      executive.finalize(this.ext);
      all.push(...eventsOf(composition.pallets, this.ext).slice(mark));
      this.openBlock(this.number + 1, author);
      all.push(...eventsOf(composition.pallets, this.ext));
    }
    this.events = all;
    return all;
  }

  /** Advances to block `n` (exclusive of running it): opens blocks until `number === n`. */
  advanceTo(n: number, author = 0): Ev[] {
    return n > this.number ? this.nextBlock(n - this.number, author) : [];
  }

  /** Dispatches a call; returns the module error name ('Pallet.Error' or the DispatchError tag) or undefined on success. */
  dispatch(origin: Origin | Uint8Array, pallet: string, name: string, args: Record<string, unknown> = {}): string | undefined {
    const o: Origin = origin instanceof Uint8Array ? { kind: 'signed', who: origin } : origin;
    const c = { tag: pallet, value: { tag: name, value: args } } as RuntimeCallValue;
    composition.RuntimeCall.codec.enc(c); // the call must be encodable, as if submitted
    const mark = this.ext.events.length;
    const declared = composition.dispatchInfo(c).weight.ref_time;
    try {
      const post = this.ext.transactional(() => composition.dispatch(this.ext, o, c));
      this.events = eventsOf(composition.pallets, this.ext).slice(mark);
      this.weight = { declared, used: post?.actualWeight?.ref_time ?? declared };
      return undefined;
    } catch (e) {
      if (!(e instanceof DispatchError)) throw e;
      this.events = [];
      this.weight = { declared, used: e.actualWeight?.ref_time ?? declared };
      return e.message;
    }
  }

  /** The last dispatch's declared weight and the weight it reported using (ref_time). */
  weight = { declared: 0n, used: 0n };

  /** Dispatches and expects success; returns the call's events. */
  ok(origin: Origin | Uint8Array, pallet: string, name: string, args: Record<string, unknown> = {}): Ev[] {
    const err = this.dispatch(origin, pallet, name, args);
    if (err) throw new Error(`${pallet}.${name} failed: ${err}`);
    return this.events;
  }

  /** Dispatches and expects failure with no state change; returns the error name. */
  err(origin: Origin | Uint8Array, pallet: string, name: string, args: Record<string, unknown> = {}): string {
    const before = this.stateDigest();
    const err = this.dispatch(origin, pallet, name, args);
    if (!err) throw new Error(`${pallet}.${name} unexpectedly succeeded`);
    if (this.stateDigest() !== before) throw new Error(`${pallet}.${name} failed (${err}) but changed state`);
    return err;
  }

  /** A digest of the whole state as it would be committed now. */
  stateDigest(): string {
    const merged = new Map(this.data);
    for (const [k, v] of this.ext.overlay.drain()) { if (v) merged.set(k, v); else merged.delete(k); }
    const sorted = [...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Buffer.from(blake2_256(Buffer.concat(sorted.flatMap(([k, v]) => [Buffer.from(strKey(k)), Buffer.from(T.compact(T.u32).codec.enc(v.length)), Buffer.from(v)])))).toString('hex');
  }

  free(who: Uint8Array): bigint { return system.storage.Account.get(this.ext, who).data.free; }
  reserved(who: Uint8Array): bigint { return system.storage.Account.get(this.ext, who).data.reserved; }
  totalIssuance(): bigint { return balances.storage.TotalIssuance.get(this.ext); }

  /** Σ (free + reserved) over every account in state: must equal TotalIssuance. */
  sumOfAccounts(): bigint {
    const merged = new Map(this.data);
    for (const [k, v] of this.ext.overlay.drain()) { if (v) merged.set(k, v); else merged.delete(k); }
    const prefix = keyStr(system.storage.Account.prefix);
    let sum = 0n;
    for (const [k, v] of merged) {
      if (!k.startsWith(prefix)) continue;
      const acc = T.decodeAll(system.storage.Account.valueTy, v);
      sum += acc.data.free + acc.data.reserved;
    }
    return sum;
  }
}
