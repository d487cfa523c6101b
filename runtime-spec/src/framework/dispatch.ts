// Origins, dispatch errors and weights shared by every pallet.
import type { DispatchErrorValue, Weight } from '../primitives.ts';

export type Origin = { kind: 'root' } | { kind: 'signed'; who: Uint8Array } | { kind: 'none' };
export type OriginCheck = 'signed' | 'root' | 'none' | 'any';
export type Class = 'Normal' | 'Operational' | 'Mandatory';

/** Thrown by call handlers; the executive turns it into ExtrinsicFailed. */
export class DispatchError extends Error {
  /** DispatchErrorWithPostInfo: the weight a call used before it failed, when less than declared. */
  actualWeight?: Weight;
  constructor(readonly value: DispatchErrorValue, message?: string) {
    super(message ?? value.tag);
  }
}

export const badOrigin = (): DispatchError => new DispatchError({ tag: 'BadOrigin', value: undefined });
export const token = (e: string): DispatchError => new DispatchError({ tag: 'Token', value: { tag: e, value: undefined } }, `Token.${e}`);
export const arithmetic = (e: 'Underflow' | 'Overflow' | 'DivisionByZero'): DispatchError =>
  new DispatchError({ tag: 'Arithmetic', value: { tag: e, value: undefined } }, `Arithmetic.${e}`);

export function ensureSigned(origin: Origin): Uint8Array {
  if (origin.kind !== 'signed') throw badOrigin();
  return origin.who;
}
export function ensureRoot(origin: Origin): void {
  if (origin.kind !== 'root') throw badOrigin();
}
export function ensureNone(origin: Origin): void {
  if (origin.kind !== 'none') throw badOrigin();
}

/** Weights in picoseconds of reference time (WEIGHT_REF_TIME_PER_SECOND = 10^12) and proof bytes. */
export const weight = (refTime: bigint, proofSize = 0n): Weight => ({ ref_time: refTime, proof_size: proofSize });
export const ZERO_WEIGHT: Weight = weight(0n);
export const addWeight = (a: Weight, b: Weight): Weight => weight(a.ref_time + b.ref_time, a.proof_size + b.proof_size);
export const WEIGHT_PER_SECOND = 1_000_000_000_000n;
export const WEIGHT_PER_MICROS = 1_000_000n;
