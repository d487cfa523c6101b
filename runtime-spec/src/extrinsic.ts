// Extrinsic format v4 (sp_runtime::generic::UncheckedExtrinsic) and its signed extensions.
import * as T from './codec/types.ts';
import { compact as compactCodec, createCodec, createDecoder } from 'scale-ts';
import { BadFormat } from './api-types.ts';
import { blake2_256, concat } from './crypto.ts';
import { RuntimeCall } from './framework/outer.ts';
import type { RuntimeCallValue } from './framework/pallet.ts';
import { Era, H256, MultiAddress, MultiSignature } from './primitives.ts';

export const EXTRINSIC_VERSION = 4;

export interface EraValue { period: bigint; phase: bigint } // period 0 = immortal
export interface SignedPart {
  address: { tag: string; value: any };
  signature: { tag: 'Ed25519' | 'Sr25519' | 'Ecdsa'; value: Uint8Array };
  era: EraValue;
  nonce: number;
  tip: bigint;
  /** The bytes of (era, nonce, tip) as sent, for the signing payload. */
  extraBytes: Uint8Array;
}
export interface Extrinsic {
  bytes: Uint8Array; // full, incl. length prefix
  signed?: SignedPart;
  call: RuntimeCallValue;
  callBytes: Uint8Array;
}

/** UncheckedExtrinsic as a type: its SCALE form is Vec<u8>; values are the full bytes incl. prefix. */
export const UncheckedExtrinsicTy: T.Ty<Uint8Array> = (() => {
  const codec = createCodec<Uint8Array>(
    (v) => v,
    createDecoder((input: any) => {
      const start = input.i;
      const n = Number(compactCodec.dec(input));
      const end = input.i + n;
      if (end > input.length) throw new Error('unexpected end of input');
      input.i = end;
      // a plain copy: slicing scale-ts's Uint8Array subclass would construct the subclass
      return new Uint8Array(input.buffer, input.byteOffset + start, end - start).slice();
    }),
  );
  const signedExtra = T.lazy(() => ExtraTy);
  return {
    codec, path: ['sp_runtime', 'generic', 'unchecked_extrinsic', 'UncheckedExtrinsic'],
    params: [{ name: 'Address', ty: MultiAddress }, { name: 'Call', ty: RuntimeCall }, { name: 'Signature', ty: MultiSignature }, { name: 'Extra', ty: signedExtra }],
    docs: [], def: () => ({ kind: 'composite', fields: [{ ty: T.bytes }] }),
  };
})();

// ---- signed extensions, in the order they appear in the extrinsic ----
const ext = (name: string, fields: T.Field[], module: string) => ({
  codec: T.unit.codec, path: ['frame_system', 'extensions', module, name], params: [{ name: 'T' }], docs: [],
  def: () => ({ kind: 'composite' as const, fields }),
}) as T.Ty<any>;

export const SIGNED_EXTENSIONS: { identifier: string; ty: T.Ty<any>; additional: T.Ty<any> }[] = [
  { identifier: 'CheckNonZeroSender', ty: ext('CheckNonZeroSender', [], 'check_non_zero_sender'), additional: T.unit },
  { identifier: 'CheckSpecVersion', ty: ext('CheckSpecVersion', [], 'check_spec_version'), additional: T.u32 },
  { identifier: 'CheckTxVersion', ty: ext('CheckTxVersion', [], 'check_tx_version'), additional: T.u32 },
  { identifier: 'CheckGenesis', ty: ext('CheckGenesis', [], 'check_genesis'), additional: H256 },
  { identifier: 'CheckMortality', ty: ext('CheckMortality', [{ ty: Era, typeName: 'Era' }], 'check_mortality'), additional: H256 },
  { identifier: 'CheckNonce', ty: ext('CheckNonce', [{ ty: T.compact(T.u32), typeName: 'T::Nonce' }], 'check_nonce'), additional: T.unit },
  { identifier: 'CheckWeight', ty: ext('CheckWeight', [], 'check_weight'), additional: T.unit },
  {
    identifier: 'ChargeTransactionPayment',
    ty: { ...ext('ChargeTransactionPayment', [{ ty: T.compact(T.u128), typeName: 'BalanceOf<T>' }], ''), path: ['pallet_transaction_payment', 'ChargeTransactionPayment'] },
    additional: T.unit,
  },
];
export const ExtraTy = T.tuple(...SIGNED_EXTENSIONS.map((e) => e.ty));

// ---- era (sp_runtime::generic::Era) ----
export function decodeEra(b: Uint8Array, at: number): [EraValue, number] {
  if (at >= b.length) throw new BadFormat('missing era');
  if (b[at] === 0) return [{ period: 0n, phase: 0n }, at + 1];
  if (at + 1 >= b.length) throw new BadFormat('truncated era');
  const enc = b[at] | (b[at + 1] << 8);
  const period = 2n << BigInt(enc % 16);
  const quantize = period >> 12n > 1n ? period >> 12n : 1n;
  const phase = BigInt(enc >> 4) * quantize;
  if (period < 4n || phase >= period) throw new BadFormat('invalid era');
  return [{ period, phase }, at + 2];
}

export function encodeEra(e: EraValue): Uint8Array {
  if (e.period === 0n) return Uint8Array.of(0);
  const tz = BigInt(e.period.toString(2).length - 1); // log2 for powers of two
  const quantize = e.period >> 12n > 1n ? e.period >> 12n : 1n;
  const low = tz - 1n < 1n ? 1n : tz - 1n > 15n ? 15n : tz - 1n;
  const v = Number(low | ((e.phase / quantize) << 4n));
  return Uint8Array.of(v & 0xff, v >> 8);
}

/** Mortal era for a transaction made at `current` valid for `period` blocks (rounded to a power of two in 4..65536). */
export function mortal(period: bigint, current: bigint): EraValue {
  let p = 4n;
  while (p < period && p < 65536n) p <<= 1n;
  const phase = current % p;
  const quantize = p >> 12n > 1n ? p >> 12n : 1n;
  return { period: p, phase: (phase / quantize) * quantize };
}

export const eraBirth = (e: EraValue, current: bigint): bigint =>
  e.period === 0n ? 0n : ((current > e.phase ? current : e.phase) - e.phase) / e.period * e.period + e.phase;
export const eraDeath = (e: EraValue, current: bigint): bigint =>
  e.period === 0n ? (1n << 64n) - 1n : eraBirth(e, current) + e.period;

// ---- the extrinsic itself ----
export function decodeExtrinsic(bytes: Uint8Array): Extrinsic {
  let len: number, at: number;
  try {
    [len, at] = T.decodePrefix(T.compact(T.u32), bytes);
  } catch { throw new BadFormat('invalid length prefix'); }
  if (at + len !== bytes.length) throw new BadFormat('length prefix does not match the extrinsic length');
  const version = bytes[at++];
  if ((version & 0x7f) !== EXTRINSIC_VERSION) throw new BadFormat(`unsupported extrinsic version ${version & 0x7f}`);
  const isSigned = (version & 0x80) !== 0;
  try {
    let signed: SignedPart | undefined;
    if (isSigned) {
      const [address, n1] = T.decodePrefix(MultiAddress, bytes.subarray(at));
      at += n1;
      const [signature, n2] = T.decodePrefix(MultiSignature, bytes.subarray(at));
      at += n2;
      const extraStart = at;
      const [era, n3] = decodeEra(bytes, at);
      at = n3;
      const [nonce, n4] = T.decodePrefix(T.compact(T.u32), bytes.subarray(at));
      at += n4;
      const [tip, n5] = T.decodePrefix(T.compact(T.u128), bytes.subarray(at));
      at += n5;
      signed = { address, signature: signature as SignedPart['signature'], era, nonce, tip, extraBytes: bytes.slice(extraStart, at) };
    }
    const callBytes = bytes.slice(at);
    const call = T.decodeAll(RuntimeCall, callBytes);
    return { bytes, signed, call, callBytes };
  } catch (e) {
    if (e instanceof BadFormat) throw e;
    throw new BadFormat(`could not decode: ${(e as Error).message}`);
  }
}

/** The additional signed data of SIGNED_EXTENSIONS: spec and transaction versions, genesis hash, era birth block hash. */
export const additionalSigned = (specVersion: number, transactionVersion: number, genesisHash: Uint8Array, birthHash: Uint8Array): Uint8Array =>
  concat(T.u32.codec.enc(specVersion), T.u32.codec.enc(transactionVersion), genesisHash, birthHash);

/** Signing payload: call ++ extra ++ additional signed; hashed when longer than 256 bytes. */
export function signingPayload(callBytes: Uint8Array, extraBytes: Uint8Array, additional: Uint8Array): Uint8Array {
  const payload = concat(callBytes, extraBytes, additional);
  return payload.length > 256 ? blake2_256(payload) : payload;
}

/** Builds an encoded extrinsic (for inherents, tests and benchmarks). */
export function encodeExtrinsic(callBytes: Uint8Array, signed?: { signer: Uint8Array; signature: { tag: 'Sr25519' | 'Ed25519'; value: Uint8Array }; extraBytes: Uint8Array }): Uint8Array {
  const body = signed
    ? concat(Uint8Array.of(0x80 | EXTRINSIC_VERSION), MultiAddress.codec.enc({ tag: 'Id', value: signed.signer }), MultiSignature.codec.enc(signed.signature), signed.extraBytes, callBytes)
    : concat(Uint8Array.of(EXTRINSIC_VERSION), callBytes);
  return concat(T.compact(T.u32).codec.enc(body.length), body);
}

export const encodeExtra = (era: EraValue, nonce: number, tip: bigint): Uint8Array =>
  concat(encodeEra(era), T.compact(T.u32).codec.enc(nonce), T.compact(T.u128).codec.enc(tip));

