// Execution environment of one runtime call: overlayed state, pending events, host.
import { Overlay, type BaseReader } from './overlay.ts';

/** What the node provides to the runtime (Substrate's host functions we need). */
export interface Host {
  /** State root of the parent state with `changes` applied. */
  storageRoot(changes: Map<string, Uint8Array | null>): Uint8Array;
  /** Ordered trie root (key = Compact(index)) for the extrinsics root. */
  orderedTrieRoot(items: Uint8Array[]): Uint8Array;
}

export type Phase = { tag: 'ApplyExtrinsic'; value: number } | { tag: 'Finalization'; value: undefined } | { tag: 'Initialization'; value: undefined };

export class Ext {
  readonly overlay: Overlay;
  /** SCALE-encoded EventRecords of this block, written to System.Events at finalisation. */
  events: Uint8Array[] = [];
  phase: Phase = { tag: 'Initialization', value: undefined };

  constructor(base: BaseReader, readonly host: Host) {
    this.overlay = new Overlay(base);
  }

  get(key: Uint8Array): Uint8Array | undefined { return this.overlay.get(key); }
  set(key: Uint8Array, value: Uint8Array): void { this.overlay.set(key, value); }
  delete(key: Uint8Array): void { this.overlay.delete(key); }

  /** Storage transaction that also rolls back events deposited inside it. */
  transactional<R>(fn: () => R): R {
    const mark = this.events.length;
    try {
      return this.overlay.transactional(fn);
    } catch (e) {
      this.events.length = mark;
      throw e;
    }
  }
}
