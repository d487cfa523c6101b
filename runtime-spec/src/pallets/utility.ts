// pallet_utility: batches of calls dispatched from the caller's origin.
import * as T from '../codec/types.ts';
import * as C from '../config.ts';
import { addWeight, badOrigin, DispatchError, weight, WEIGHT_PER_MICROS, ZERO_WEIGHT } from '../framework/dispatch.ts';
import { dispatchInfoOf, RuntimeCall } from '../framework/outer.ts';
import { call, event, pallet, type DispatchCtx, type PostInfo, type RuntimeCallValue } from '../framework/pallet.ts';
import { DispatchErrorTy, type Weight } from '../primitives.ts';
import { DispatchResult, dispatchNested, withCallFilter } from './common.ts';

/** `batched_calls_limit` (polkadot-sdk derives it from the allocator limit and the call size). */
export const BATCHED_CALLS_LIMIT = C.MAX_BATCHED_CALLS;

/** Our `WeightInfo::batch(c)` / `batch_all(c)` / `force_batch(c)`: base + per item. */
export const batchOverhead = (c: number): Weight => weight(5n * WEIGHT_PER_MICROS + BigInt(c) * 4n * WEIGHT_PER_MICROS);

/** Sum of the inner calls' weights (`weight_and_dispatch_class`). */
function innerWeight(calls: RuntimeCallValue[]): Weight {
  let w = ZERO_WEIGHT;
  for (const c of calls) w = addWeight(w, dispatchInfoOf(c).weight);
  return w;
}

/**
 * The dispatch class FRAME gives a batch: Operational if every inner call is Operational or
 * Mandatory (also for an empty batch), Normal otherwise. The framework's CallDef class is static,
 * so the declarations below use Normal; this is exported for a composer that supports it.
 */
export function batchClass(calls: RuntimeCallValue[]): 'Normal' | 'Operational' {
  return calls.some((c) => dispatchInfoOf(c).class === 'Normal') ? 'Normal' : 'Operational';
}

/** `calc_actual_weight`: post-dispatch actual weight capped by the declared weight. */
function actualWeightOf(post: PostInfo, declared: Weight): Weight {
  const a = post.actualWeight;
  if (!a) return declared;
  return weight(a.ref_time < declared.ref_time ? a.ref_time : declared.ref_time, a.proof_size < declared.proof_size ? a.proof_size : declared.proof_size);
}

const isBatchAll = (c: RuntimeCallValue) => c.tag === 'Utility' && c.value.tag === 'batch_all';

function checkBatch(ctx: DispatchCtx, calls: RuntimeCallValue[]): void {
  // Do not allow the `None` origin.
  if (ctx.origin.kind === 'none') throw badOrigin();
  if (calls.length > BATCHED_CALLS_LIMIT) throw utility.error('TooManyCalls');
}

const callsArg = { calls: T.vec(RuntimeCall) };
const callsNames = { calls: 'Vec<<T as Config>::RuntimeCall>' };
const batchWeight = ({ calls }: { calls: RuntimeCallValue[] }) => addWeight(innerWeight(calls), batchOverhead(calls.length));

/**
 * The loop shared by the three batch calls; they differ only in what a failing item does:
 * `interrupt` stops with BatchInterrupted (batch), `abort` propagates the error so the executive
 * rolls the whole call back (batch_all), `continue` records ItemFailed and goes on (force_batch).
 */
function runBatch(ctx: DispatchCtx, calls: RuntimeCallValue[], onFailure: 'interrupt' | 'abort' | 'continue',
  run: (c: RuntimeCallValue) => PostInfo = (c) => dispatchNested(ctx, ctx.origin, c)): PostInfo {
  checkBatch(ctx, calls);
  let used = ZERO_WEIGHT;
  let hasError = false;
  for (let index = 0; index < calls.length; index++) {
    const info = dispatchInfoOf(calls[index]);
    let post: PostInfo;
    try {
      post = run(calls[index]);
    } catch (e) {
      if (onFailure === 'abort' || !(e instanceof DispatchError)) throw e;
      used = addWeight(used, info.weight);
      if (onFailure === 'interrupt') {
        utility.deposit(ctx.ext, { tag: 'BatchInterrupted', value: { index, error: e.value } });
        return { actualWeight: addWeight(batchOverhead(index + 1), used) };
      }
      hasError = true;
      utility.deposit(ctx.ext, { tag: 'ItemFailed', value: { error: e.value } });
      continue;
    }
    used = addWeight(used, actualWeightOf(post, info.weight));
    utility.deposit(ctx.ext, { tag: 'ItemCompleted', value: {} });
  }
  utility.deposit(ctx.ext, { tag: hasError ? 'BatchCompletedWithErrors' : 'BatchCompleted', value: {} });
  return { actualWeight: addWeight(batchOverhead(calls.length), used) };
}

export const utility = pallet({
  name: 'Utility',
  crate: 'pallet_utility',
  index: 8,
  docs: ['Batch dispatch of calls from the same origin.'],
  calls: {
    batch: call({
      index: 0, args: callsArg, typeNames: callsNames, origin: 'any',
      docs: [
        'Send a batch of dispatch calls.',
        '',
        'May be called from any origin except `None`.',
        '',
        'This will return `Ok` in all circumstances. To determine the success of the batch, an',
        'event is deposited. If a call failed and the batch was interrupted, then the',
        '`BatchInterrupted` event is deposited, along with the number of successful calls made',
        'and the error of the failed call. If all were successful, then the `BatchCompleted`',
        'event is deposited.',
      ],
      weight: batchWeight,
      dispatch: (ctx, { calls }) => runBatch(ctx, calls, 'interrupt'),
    }),
    batch_all: call({
      index: 2, args: callsArg, typeNames: callsNames, origin: 'any',
      docs: [
        'Send a batch of dispatch calls and atomically execute them.',
        'The whole transaction will rollback and fail if any of the calls failed.',
        '',
        'May be called from any origin except `None`.',
      ],
      weight: batchWeight,
      // Non-root origins may not nest `batch_all` (FRAME adds an origin filter).
      dispatch: (ctx, { calls }) => runBatch(ctx, calls, 'abort', ctx.origin.kind === 'root' ? undefined
        : (c) => withCallFilter((x) => !isBatchAll(x), () => dispatchNested(ctx, ctx.origin, c))),
    }),
    force_batch: call({
      index: 4, args: callsArg, typeNames: callsNames, origin: 'any',
      docs: [
        'Send a batch of dispatch calls.',
        'Unlike `batch`, it allows errors and won\'t interrupt.',
        '',
        'May be called from any origin except `None`.',
      ],
      weight: batchWeight,
      dispatch: (ctx, { calls }) => runBatch(ctx, calls, 'continue'),
    }),
  },
  events: {
    BatchInterrupted: event({ index: T.u32, error: DispatchErrorTy },
      'Batch of dispatches did not complete fully. Index of first failing dispatch given, as well as the error.',
      { index: 'u32', error: 'DispatchError' }),
    BatchCompleted: event({}, 'Batch of dispatches completed fully with no error.'),
    BatchCompletedWithErrors: event({}, 'Batch of dispatches completed but has errors.'),
    ItemCompleted: event({}, 'A single item within a Batch of dispatches has completed with no error.'),
    ItemFailed: event({ error: DispatchErrorTy }, 'A single item within a Batch of dispatches has completed with error.', { error: 'DispatchError' }),
    DispatchedAs: event({ result: DispatchResult }, 'A call was dispatched.', { result: 'DispatchResult' }),
  },
  errors: {
    TooManyCalls: 'Too many calls batched.',
  },
  constants: {
    batched_calls_limit: { ty: T.u32, value: BATCHED_CALLS_LIMIT, docs: ['The limit on the number of batched calls.'] },
  },
});
