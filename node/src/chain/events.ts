// Minimal typed listener sets: a throwing listener is logged, never propagated
// into block import.
import { logger } from '../log.ts';

const log = logger('substrate');

export class Emitter<A extends unknown[]> {
  private readonly listeners = new Set<(...args: A) => void>();

  constructor(private readonly name: string) {}

  on(cb: (...args: A) => void): () => void {
    this.listeners.add(cb);
    return () => { this.listeners.delete(cb); };
  }

  emit(...args: A): void {
    for (const l of [...this.listeners]) {
      try { l(...args); } catch (e) { log.warn(`${this.name} listener failed: ${(e as Error)?.stack ?? e}`); }
    }
  }

  get size(): number { return this.listeners.size; }
}
