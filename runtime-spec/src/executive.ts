// frame_executive: block initialisation, extrinsic application with signed
// extensions, finalisation and transaction validation.
import * as T from './codec/types.ts';
import * as C from './config.ts';
import {
  InvalidBlock, type ApplyResult, type TransactionSource, type TransactionValidityError, type Validity,
} from './api-types.ts';
import { concat, equalBytes, verifyEd25519, verifySr25519 } from './crypto.ts';
import {
  additionalSigned, decodeExtrinsic, eraBirth, eraDeath, signingPayload, type Extrinsic, type SignedPart,
} from './extrinsic.ts';
import { addWeight, DispatchError, type Class, type Origin } from './framework/dispatch.ts';
import type { Ext } from './framework/ext.ts';
import type { AnyPallet, PostInfo, RuntimeCallValue } from './framework/pallet.ts';
import { Header, type DispatchErrorValue, type DispatchInfo, type Weight } from './primitives.ts';
import { limits, system, account, setAccount, depositExtrinsicResult, registerWeight } from './pallets/system.ts';
import * as payment from './pallets/transaction-payment.ts';

export interface Composition {
  pallets: AnyPallet[];
  dispatch(ext: Ext, origin: Origin, call: RuntimeCallValue): PostInfo;
  dispatchInfo(call: RuntimeCallValue): { weight: Weight; class: Class; paysFee: boolean };
  specVersion: number;
  transactionVersion: number;
}

const invalid = (kind: Extract<TransactionValidityError, { type: 'Invalid' }>['kind']): TransactionValidityError => ({ type: 'Invalid', kind });
class ValidityFailure extends Error { constructor(readonly error: TransactionValidityError) { super(error.kind); } }
const fail = (kind: Extract<TransactionValidityError, { type: 'Invalid' }>['kind']): never => { throw new ValidityFailure(invalid(kind)); };

/** Block-scoped data the executive keeps outside storage (Substrate keeps it in storage/host). */
interface BlockState { extrinsics: Uint8Array[]; len: number }
const blockState = new WeakMap<Ext, BlockState>();

export function makeExecutive(rt: Composition) {
  const classKey = (c: Class) => (c === 'Normal' ? 'normal' : c === 'Operational' ? 'operational' : 'mandatory') as 'normal';

  /** frame_system::initialize: the block's number, parent and digest, and empty per-block records. */
  function initializeSystem(ext: Ext, header: Header): void {
    ext.phase = { tag: 'Initialization', value: undefined };
    const s = system.storage;
    s.Number.set(ext, header.number);
    s.ParentHash.set(ext, header.parent_hash);
    s.Digest.set(ext, header.digest);
    if (header.number > 0) s.BlockHash.set(ext, header.number - 1, header.parent_hash);
    s.ExtrinsicCount.kill(ext);
    s.Events.kill(ext);
    s.EventCount.kill(ext);
    s.BlockWeight.kill(ext);
    ext.events = [];
    blockState.set(ext, { extrinsics: [], len: 0 });
  }

  function initialize(ext: Ext, header: Header): void {
    initializeSystem(ext, header);
    let w = limits.baseBlock;
    for (const p of rt.pallets) {
      const hw = p.def.hooks?.onInitialize?.(ext, header.number);
      if (hw) w = addWeight(w, hw);
    }
    registerWeight(ext, 'Mandatory', w);
  }

  /** Signature and era checks shared by validation and application (Checkable::check). */
  function checkSignature(ext: Ext, xt: Extrinsic, signed: SignedPart, current: bigint): Uint8Array {
    const addr = signed.address;
    if (addr.tag !== 'Id' && addr.tag !== 'Address32') throw new ValidityFailure({ type: 'Unknown', kind: 'CannotLookup' });
    const who = addr.value as Uint8Array;
    const birth = eraBirth(signed.era, current);
    const birthHash = signed.era.period === 0n
      ? system.storage.BlockHash.get(ext, 0)
      : system.storage.BlockHash.contains(ext, Number(birth)) ? system.storage.BlockHash.get(ext, Number(birth)) : fail('AncientBirthBlock');
    const additional = additionalSigned(rt.specVersion, rt.transactionVersion, system.storage.BlockHash.get(ext, 0), birthHash as Uint8Array);
    const payload = signingPayload(xt.callBytes, signed.extraBytes, additional);
    const sig = signed.signature;
    const ok = sig.tag === 'Sr25519' ? verifySr25519(payload, sig.value, who)
      : sig.tag === 'Ed25519' ? verifyEd25519(payload, sig.value, who)
        : false; // ECDSA accounts (blake2 of the compressed key) are not supported
    if (!ok) fail('BadProof');
    if (who.every((b) => b === 0)) fail('BadSigner'); // CheckNonZeroSender
    return who;
  }

  function infoOf(xt: Extrinsic) {
    const di = rt.dispatchInfo(xt.call);
    const total = addWeight(di.weight, limits.baseExtrinsic);
    return { ...di, total };
  }

  /** CheckWeight: per-extrinsic and per-block limits for the extrinsic's class. */
  function checkWeight(ext: Ext, info: ReturnType<typeof infoOf>, len: number, apply: boolean): void {
    const cls = limits.perClass[info.class];
    if (cls.maxExtrinsic && info.total.ref_time > cls.maxExtrinsic.ref_time) fail('ExhaustsResources');
    if (len > cls.maxLength) fail('ExhaustsResources');
    if (!apply) return;
    const bs = blockState.get(ext)!;
    if (info.class !== 'Mandatory') {
      const all = system.storage.BlockWeight.get(ext);
      const used = all[classKey(info.class)];
      if (cls.maxTotal && used.ref_time + info.total.ref_time > cls.maxTotal.ref_time) fail('ExhaustsResources');
      const blockTotal = all.normal.ref_time + all.operational.ref_time + all.mandatory.ref_time + info.total.ref_time;
      if (blockTotal > limits.maxBlock.ref_time) fail('ExhaustsResources');
      if (bs.len + len > cls.maxLength) fail('ExhaustsResources');
    }
  }

  function nonceCheck(ext: Ext, who: Uint8Array, nonce: number, apply: boolean): { requires: Uint8Array[]; provides: Uint8Array[] } {
    const acc = account(ext, who);
    if (acc.providers === 0 && acc.sufficients === 0) fail('Payment');
    if (nonce < acc.nonce) fail('Stale');
    if (apply && nonce > acc.nonce) fail('Future');
    const tag = (n: number) => concat(who, T.u32.codec.enc(n));
    return { requires: nonce > acc.nonce ? [tag(nonce - 1)] : [], provides: [tag(nonce)] };
  }

  function validate(ext: Ext, source: TransactionSource, bytes: Uint8Array, blockHash: Uint8Array): Validity {
    try {
      // validation happens as if in the block after `blockHash`; like frame_executive it initializes
      // System only: running every pallet's on_initialize per pooled transaction costs more than the check
      const n = system.storage.Number.get(ext);
      initializeSystem(ext, { parent_hash: blockHash, number: n + 1, state_root: new Uint8Array(32), extrinsics_root: new Uint8Array(32), digest: { logs: [] } });
      const xt = decodeExtrinsic(bytes);
      const info = infoOf(xt);
      if (!xt.signed) {
        if (info.class === 'Mandatory') fail('MandatoryValidation');
        throw new ValidityFailure({ type: 'Unknown', kind: 'NoUnsignedValidator' });
      }
      const signed = xt.signed;
      const current = BigInt(n + 1);
      const who = checkSignature(ext, xt, signed, current);
      if (info.class === 'Mandatory') fail('BadMandatory');
      checkWeight(ext, info, bytes.length, false);
      const tags = nonceCheck(ext, who, signed.nonce, false);
      const fee = payment.computeFee(bytes.length, { weight: info.weight, class: info.class, paysFee: info.paysFee }, signed.tip);
      if (!payment.canWithdrawFee(ext, who, fee)) fail('Payment');
      void source;
      return {
        ok: true,
        valid: {
          priority: payment.priority(signed.tip, info, bytes.length),
          requires: tags.requires, provides: tags.provides,
          longevity: eraDeath(signed.era, current) - current,
          propagate: true,
        },
      };
    } catch (e) {
      if (e instanceof ValidityFailure) return { ok: false, error: e.error };
      throw e;
    }
  }

  function dispatchInfoValue(w: Weight, cls: Class, pays: boolean): DispatchInfo {
    return { weight: w, class: { tag: cls, value: undefined }, pays_fee: { tag: pays ? 'Yes' : 'No', value: undefined } };
  }

  function apply(ext: Ext, bytes: Uint8Array): ApplyResult {
    const bs = blockState.get(ext);
    if (!bs) throw new Error('block not initialised');
    let xt: Extrinsic;
    try { xt = decodeExtrinsic(bytes); } catch { return { ok: false, error: invalid('Call') }; }
    const index = bs.extrinsics.length;
    const info = infoOf(xt);
    let who: Uint8Array | undefined;
    let withdrawn = 0n;
    // pre-dispatch: failures here leave no trace (the extrinsic is not included)
    try {
      ext.transactional(() => {
        ext.phase = { tag: 'ApplyExtrinsic', value: index };
        if (xt.signed) {
          const current = BigInt(system.storage.Number.get(ext));
          who = checkSignature(ext, xt, xt.signed, current);
          if (info.class === 'Mandatory') fail('BadMandatory');
          checkWeight(ext, info, bytes.length, true);
          nonceCheck(ext, who, xt.signed.nonce, true);
          const acc = account(ext, who);
          setAccount(ext, who, { ...acc, nonce: acc.nonce + 1 });
          const fee = payment.computeFee(bytes.length, { weight: info.weight, class: info.class, paysFee: info.paysFee }, xt.signed.tip);
          if (!payment.withdrawFee(ext, who, fee)) fail('Payment');
          withdrawn = fee;
        } else {
          if (info.class !== 'Mandatory') throw new ValidityFailure({ type: 'Unknown', kind: 'NoUnsignedValidator' });
          checkWeight(ext, info, bytes.length, true);
        }
      });
    } catch (e) {
      if (e instanceof ValidityFailure) return { ok: false, error: e.error };
      throw e;
    }
    ext.phase = { tag: 'ApplyExtrinsic', value: index };
    const origin: Origin = who ? { kind: 'signed', who } : { kind: 'none' };
    let post: PostInfo = {};
    let error: DispatchErrorValue | undefined;
    let message: string | undefined;
    try {
      post = ext.transactional(() => rt.dispatch(ext, origin, xt.call));
    } catch (e) {
      if (!(e instanceof DispatchError)) {
        if (info.class === 'Mandatory') throw new InvalidBlock(`inherent failed: ${(e as Error).message}`);
        throw e;
      }
      error = e.value;
      message = e.message;
      post = { actualWeight: e.actualWeight };
      if (info.class === 'Mandatory') throw new InvalidBlock(`inherent failed: ${e.message}`);
    }
    const actual = post.actualWeight && post.actualWeight.ref_time < info.weight.ref_time ? post.actualWeight : info.weight;
    const pays = info.paysFee && post.paysFee !== false;
    if (who && xt.signed) {
      const fee = payment.computeFee(bytes.length, { weight: actual, class: info.class, paysFee: pays }, xt.signed.tip);
      payment.correctAndDepositFee(ext, who, fee, xt.signed.tip, withdrawn);
    }
    const total = addWeight(actual, limits.baseExtrinsic);
    registerWeight(ext, info.class, total);
    depositExtrinsicResult(ext, dispatchInfoValue(total, info.class, pays), error);
    bs.extrinsics.push(bytes);
    bs.len += bytes.length;
    system.storage.ExtrinsicCount.set(ext, bs.extrinsics.length);
    system.storage.AllExtrinsicsLen.set(ext, bs.len);
    return error ? { ok: true, dispatchError: message } : { ok: true };
  }

  function finalize(ext: Ext): Header {
    const bs = blockState.get(ext);
    if (!bs) throw new Error('block not initialised');
    ext.phase = { tag: 'Finalization', value: undefined };
    const number = system.storage.Number.get(ext);
    for (const p of rt.pallets) p.def.hooks?.onFinalize?.(ext, number);
    const prune = number - C.BLOCK_HASH_COUNT - 1;
    if (prune > 0) system.storage.BlockHash.remove(ext, prune);
    system.storage.ExtrinsicCount.kill(ext);
    system.storage.AllExtrinsicsLen.kill(ext);
    // Events are stored once per block (Substrate appends in place; we batch).
    ext.set(system.storage.Events.key(), concat(T.compact(T.u32).codec.enc(ext.events.length), ...ext.events));
    system.storage.EventCount.set(ext, ext.events.length);
    const extrinsicsRoot = ext.host.orderedTrieRoot(bs.extrinsics);
    const stateRoot = ext.host.storageRoot(ext.overlay.drain());
    return {
      parent_hash: system.storage.ParentHash.get(ext), number, state_root: stateRoot, extrinsics_root: extrinsicsRoot,
      digest: system.storage.Digest.get(ext),
    };
  }

  function executeBlock(ext: Ext, header: Header, extrinsics: Uint8Array[]): void {
    initialize(ext, { ...header, digest: { logs: header.digest.logs.filter((l) => l.tag !== 'Seal') } });
    extrinsics.forEach((xt, i) => {
      const r = apply(ext, xt);
      if (!r.ok) throw new InvalidBlock(`extrinsic ${i} is invalid: ${r.error.type} ${r.error.kind}`);
    });
    if (extrinsics.length === 0 || !isTimestampSet(extrinsics[0])) throw new InvalidBlock('the first extrinsic must be the timestamp inherent');
    const out = finalize(ext);
    if (!equalBytes(out.extrinsics_root, header.extrinsics_root)) throw new InvalidBlock('extrinsics root mismatch');
    if (!equalBytes(out.state_root, header.state_root)) throw new InvalidBlock('state root mismatch');
  }

  function isTimestampSet(bytes: Uint8Array): boolean {
    try {
      const xt = decodeExtrinsic(bytes);
      return !xt.signed && xt.call.tag === 'Timestamp' && xt.call.value.tag === 'set';
    } catch { return false; }
  }

  return { initialize, apply, finalize, executeBlock, validate, infoOf, decode: decodeExtrinsic };
}

