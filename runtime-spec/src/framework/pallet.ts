// A pallet is declared once; codecs, metadata, storage keys and dispatch derive from it.
import * as T from '../codec/types.ts';
import { type Weight } from '../primitives.ts';
import { DispatchError, type Class, type Origin, type OriginCheck } from './dispatch.ts';
import type { Ext } from './ext.ts';
import type { AnyItem } from './storage.ts';

type Args = Record<string, T.Ty<any>>;
export type CallArgs<A extends Args> = T.FieldsOf<A>;
/** A RuntimeCall value: {tag: pallet name, value: {tag: call name, value: args}}. */
export type RuntimeCallValue = { tag: string; value: { tag: string; value: any } };

export interface DispatchCtx {
  ext: Ext;
  origin: Origin;
  /** Dispatch a nested RuntimeCall (utility, sudo). Throws DispatchError on failure. */
  dispatch(origin: Origin, call: RuntimeCallValue): PostInfo;
}
export interface PostInfo { actualWeight?: Weight; paysFee?: boolean }

export interface CallDef<A extends Args = Args> {
  index: number;
  args: A;
  /** Rust type names shown in metadata, when they differ from the obvious. */
  typeNames?: Partial<Record<keyof A, string>>;
  weight: (args: CallArgs<A>) => Weight;
  class?: Class;
  paysFee?: boolean;
  origin: OriginCheck;
  docs?: string[];
  dispatch: (ctx: DispatchCtx, args: CallArgs<A>) => PostInfo | void;
}
export const call = <A extends Args>(def: CallDef<A>): CallDef<A> => def;

export interface EventDef<F extends Args = Args> { fields: F; docs?: string[]; typeNames?: Record<string, string> }
export const event = <F extends Args>(fields: F, docs?: string, typeNames?: Record<string, string>): EventDef<F> =>
  ({ fields, docs: docs ? [docs] : [], typeNames });

export interface ConstantDef<V = any> { ty: T.Ty<V>; value: V; docs?: string[] }

export interface Hooks {
  onInitialize?(ext: Ext, n: number): Weight | void;
  onFinalize?(ext: Ext, n: number): void;
}

/** A pallet's section of the genesis config (RuntimeGenesisConfig JSON, camelCase pallet name). */
export interface GenesisDef<G = any> {
  /** Writes the pallet's genesis state from its (already JSON-parsed) section; throws with a clear message on bad input. */
  build(ext: Ext, config: G | undefined): void;
  /** The section for a named preset (development, local_testnet), if the pallet has one. */
  preset?(id: 'development' | 'local_testnet'): G;
}

export interface PalletDef<S, C extends Record<string, CallDef<any>>, E extends Record<string, EventDef<any>>, Er extends Record<string, string>> {
  name: string;
  /** Rust crate name, the root of this pallet's type paths (e.g. pallet_balances). */
  crate: string;
  index: number;
  docs?: string[];
  storage?: S;
  calls?: C;
  events?: E;
  errors?: Er;
  constants?: Record<string, ConstantDef>;
  /** Variants of the pallet's `HoldReason` (name → docs), composed into RuntimeHoldReason. */
  holdReasons?: Record<string, string>;
  hooks?: Hooks;
  genesis?: GenesisDef;
}

export type EventValue<E extends Record<string, EventDef<any>>> = { [K in keyof E]: { tag: K; value: T.FieldsOf<E[K]['fields']> } }[keyof E];

export class Pallet<S extends Record<string, AnyItem>, C extends Record<string, CallDef<any>>, E extends Record<string, EventDef<any>>, Er extends Record<string, string>> {
  readonly name: string;
  readonly index: number;
  readonly storage: S;
  readonly calls: C;
  readonly callTy?: T.Ty<{ tag: string; value: any }>;
  readonly eventTy?: T.Ty<{ tag: string; value: any }>;
  readonly errorTy?: T.Ty<{ tag: string; value: any }>;
  readonly holdReasonTy?: T.Ty<{ tag: string; value: any }>;
  private readonly errorIndex = new Map<string, number>();
  private readonly callsByName = new Map<string, CallDef<any>>();

  constructor(readonly def: PalletDef<S, C, E, Er>) {
    this.name = def.name;
    this.index = def.index;
    this.storage = (def.storage ?? {}) as S;
    this.calls = (def.calls ?? {}) as C;
    for (const [n, item] of Object.entries(this.storage)) item.bind(def.name, n);
    const path = (n: string) => [def.crate, 'pallet', n];
    const phantom = [{ name: 'T' }];
    if (def.calls && Object.keys(def.calls).length) {
      this.callTy = T.enumeration({ path: path('Call'), params: phantom, docs: ['Contains a variant per dispatchable extrinsic that this pallet has.'] },
        Object.fromEntries(Object.entries(def.calls).map(([n, c]) => [n, { index: c.index, fields: c.args, docs: c.docs, typeNames: c.typeNames as Record<string, string> }])));
      for (const [n, c] of Object.entries(def.calls)) this.callsByName.set(n, c);
    }
    if (def.events && Object.keys(def.events).length) {
      this.eventTy = T.enumeration({ path: path('Event'), params: phantom, docs: ['The `Event` enum of this pallet'] },
        Object.fromEntries(Object.entries(def.events).map(([n, e]) => [n, { fields: e.fields, docs: e.docs, typeNames: e.typeNames }])));
    }
    if (def.holdReasons && Object.keys(def.holdReasons).length) {
      this.holdReasonTy = T.enumeration({ path: path('HoldReason') },
        Object.fromEntries(Object.entries(def.holdReasons).map(([n, d]) => [n, { docs: [d] }])));
    }
    if (def.errors && Object.keys(def.errors).length) {
      this.errorTy = T.enumeration({ path: path('Error'), params: phantom, docs: ['The `Error` enum of this pallet.'] },
        Object.fromEntries(Object.entries(def.errors).map(([n, d]) => [n, { docs: [d] }])));
      Object.keys(def.errors).forEach((n, i) => this.errorIndex.set(n, i));
    }
  }

  callDef(name: string): CallDef<any> | undefined { return this.callsByName.get(name); }

  /** DispatchError::Module for one of this pallet's errors. */
  error(name: keyof Er & string): DispatchError {
    const i = this.errorIndex.get(name);
    if (i === undefined) throw new Error(`unknown error ${this.name}.${name}`);
    return new DispatchError({ tag: 'Module', value: { index: this.index, error: Uint8Array.of(i, 0, 0, 0) } }, `${this.name}.${name}`);
  }

  /** A RuntimeHoldReason value for one of this pallet's hold reasons. */
  holdReason(name: string): { tag: string; value: { tag: string; value: undefined } } {
    if (!this.def.holdReasons?.[name]) throw new Error(`unknown hold reason ${this.name}.${name}`);
    return { tag: this.name, value: { tag: name, value: undefined } };
  }

  errorName(i: number): string | undefined { return Object.keys(this.def.errors ?? {})[i]; }

  /** Appends an EventRecord{phase, event, topics: []} to the block's events. */
  deposit(ext: Ext, ev: EventValue<E>): void {
    const body = this.eventTy!.codec.enc(ev as { tag: string; value: any });
    const phase = ext.phase.tag === 'ApplyExtrinsic' ? u32Phase(ext.phase.value) : Uint8Array.of(ext.phase.tag === 'Finalization' ? 1 : 2);
    const rec = new Uint8Array(phase.length + 1 + body.length + 1);
    rec.set(phase, 0);
    rec[phase.length] = this.index;
    rec.set(body, phase.length + 1);
    rec[rec.length - 1] = 0; // no topics
    ext.events.push(rec);
  }
}

function u32Phase(i: number): Uint8Array {
  return Uint8Array.of(0, i & 0xff, (i >>> 8) & 0xff, (i >>> 16) & 0xff, (i >>> 24) & 0xff);
}

export const pallet = <S extends Record<string, AnyItem>, C extends Record<string, CallDef<any>>, E extends Record<string, EventDef<any>>, Er extends Record<string, string>>(
  def: PalletDef<S, C, E, Er>,
): Pallet<S, C, E, Er> => new Pallet(def);

export type AnyPallet = Pallet<any, any, any, any>;
