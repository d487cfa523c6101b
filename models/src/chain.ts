// What the model server reads from the chain and submits to it: inferences, the callers' signed
// requests, its own outputs (one nonce sequence for concurrent requests), settlements.
import {
  ChainError, eventOf, formatAmount, parseAddress, submitOutput, submitSigned, TxRejectedError, type ApiPromise, type KeyringPair, type Output, type Tx,
} from '@slmnet/client';
import type { PalletModelsInference } from '@polkadot/types/lookup';
import { ApiError } from './request.ts';
import type { AttributionState, InferenceState, Payout, SettlementState } from './response.ts';

export function inferenceState(id: bigint, i: PalletModelsInference): InferenceState {
  return {
    id,
    model: i.model.toNumber(),
    consumer: i.consumer.toString(),
    status: i.status.type,
    inputHash: i.inputHash.toHex(),
    maxFee: i.maxFee.toBigInt(),
    fee: i.fee.toBigInt(),
    outputHash: i.outputHash.isSome ? i.outputHash.unwrap().toHex() : undefined,
    tokensIn: i.tokensIn.toNumber(),
    tokensOut: i.tokensOut.toNumber(),
    requested: i.requested.toNumber(),
    outputAt: i.outputAt.isSome ? i.outputAt.unwrap().toNumber() : undefined,
    deadline: i.deadline.toNumber(),
  };
}

/** The inference at the best block, if it exists. */
export async function readInference(api: ApiPromise, id: bigint): Promise<InferenceState | undefined> {
  const o = await api.query.models.inferences(id);
  return o.isSome ? inferenceState(id, o.unwrap()) : undefined;
}

/** Follows the best chain so waiters wake up once per new block. */
export class Heads {
  best = 0;
  private readonly waiters = new Set<() => void>();
  private unsub?: () => void;

  static async follow(api: ApiPromise): Promise<Heads> {
    const h = new Heads();
    h.best = (await api.rpc.chain.getHeader()).number.toNumber();
    h.unsub = await api.rpc.chain.subscribeNewHeads((header) => {
      h.best = Math.max(h.best, header.number.toNumber());
      for (const w of [...h.waiters]) w();
    });
    return h;
  }

  /** Resolves at the next new head, or after `maxMs` (so a stalled chain does not hang a waiter). */
  next(maxMs = 10_000): Promise<void> {
    return new Promise((res) => {
      const done = () => { clearTimeout(timer); this.waiters.delete(done); res(); };
      const timer = setTimeout(done, maxMs);
      this.waiters.add(done);
    });
  }

  /** Re-runs `check` at every new block until it returns a value, or undefined once `deadline` (a time in ms) passed. */
  async until<T>(check: () => Promise<T | undefined>, deadline: number): Promise<T | undefined> {
    for (;;) {
      // armed before the check, so a block arriving during it is not missed
      const next = this.next();
      const v = await check();
      if (v !== undefined || Date.now() > deadline) return v;
      await next;
    }
  }

  stop(): void {
    this.unsub?.();
  }
}

/**
 * The server's account, which signs the outputs. Concurrent requests each take the next nonce here:
 * asking the node for every one would hand the same nonce to requests that sign at the same time.
 */
export class Operator {
  private nextNonce?: number;
  private lock: Promise<unknown> = Promise.resolve();

  constructor(private readonly api: ApiPromise, readonly pair: KeyringPair) {}

  get address(): string {
    return this.pair.address;
  }

  private nonce(): Promise<number> {
    const take = this.lock.then(async () => {
      const node = (await this.api.rpc.system.accountNextIndex(this.pair.address)).toNumber();
      const n = Math.max(node, this.nextNonce ?? 0);
      this.nextNonce = n + 1;
      return n;
    });
    this.lock = take.catch(() => undefined);
    return take;
  }

  async submitOutput(inference: bigint, o: Output): Promise<{ fee: bigint; refunded: bigint; block?: number }> {
    const nonce = await this.nonce();
    try {
      const r = await submitOutput({ api: this.api, signer: this.pair, nonce }, inference, o);
      return { fee: r.fee, refunded: r.refunded, block: r.blockNumber };
    } catch (e) {
      // a refused nonce was not used: ask the node again next time
      if (e instanceof TxRejectedError) this.nextNonce = undefined;
      throw e;
    }
  }
}

/** A caller's signed Models.request_inference, decoded. */
export interface SignedRequest {
  tx: Tx;
  signer: string;
  nonce: number;
  model: number;
  inputHash: string;
  maxFee: bigint;
}

const bad = (message: string) => new ApiError(400, 'invalid_signed_request', message, 'signed_request');

export function decodeSignedRequest(api: ApiPromise, hex: string): SignedRequest {
  let tx: Tx;
  try {
    tx = api.tx(hex);
  } catch (e) {
    throw bad(`"signed_request" is not an extrinsic of this chain: ${(e as Error).message}`);
  }
  if (!tx.isSigned) throw bad('"signed_request" is not signed: sign Models.request_inference with the paying account');
  const { section, method } = tx.method;
  if (section !== 'models' || method !== 'requestInference') throw bad(`"signed_request" calls ${section}.${method}, not models.requestInference`);
  const [model, inputHash, maxFee] = tx.method.args;
  let signer: string;
  try {
    signer = parseAddress(tx.signer.toString());
  } catch {
    throw bad('"signed_request" must be signed by an account id (MultiAddress::Id)');
  }
  return {
    tx, signer, nonce: tx.nonce.toNumber(),
    model: Number(model.toString()), inputHash: inputHash.toHex(), maxFee: BigInt(maxFee.toString()),
  };
}

/**
 * Refuses a signed request that the chain would refuse after charging its fee, or that would sit in
 * the pool: a nonce other than the account's next one, or a balance that cannot pay the transaction
 * fee plus the held max_fee while keeping the account alive.
 */
export async function precheckSignedRequest(api: ApiPromise, r: SignedRequest): Promise<void> {
  const [next, account, info] = await Promise.all([
    api.rpc.system.accountNextIndex(r.signer),
    api.query.system.account(r.signer),
    api.call.transactionPaymentApi.queryInfo(r.tx.toU8a(), r.tx.encodedLength),
  ]);
  if (r.nonce !== next.toNumber()) {
    throw bad(`"signed_request" has nonce ${r.nonce} but ${r.signer}'s next nonce is ${next.toNumber()}: sign it again with that nonce`);
  }
  const fee = info.partialFee.toBigInt();
  const ed = api.consts.balances.existentialDeposit.toBigInt();
  const free = account.data.free.toBigInt();
  const needs = r.maxFee + fee + ed;
  if (free < needs) {
    throw new ApiError(402, 'insufficient_funds',
      `${r.signer} has ${formatAmount(free)} free but the request needs ${formatAmount(needs)} (max_fee ${formatAmount(r.maxFee)} + transaction fee ${formatAmount(fee)} + existential deposit ${formatAmount(ed)}); nothing was submitted`,
      'signed_request');
  }
}

/** Submits the caller's request; resolves with the new inference id once it is in a block. */
export async function submitSignedRequest(api: ApiPromise, r: SignedRequest): Promise<bigint> {
  try {
    const res = await submitSigned(api, r.tx);
    return BigInt(String(eventOf(res, 'models', 'InferenceRequested').inference));
  } catch (e) {
    if (e instanceof TxRejectedError) {
      const payment = /pay|balance|funds/i.test(e.reason);
      throw new ApiError(payment ? 402 : 400, payment ? 'insufficient_funds' : 'rejected_by_node', `the node refused the signed request (nothing was charged): ${e.reason}`, 'signed_request');
    }
    if (e instanceof ChainError) {
      const funds = e.error.startsWith('Token.') || e.error.startsWith('Balances.') || e.error === 'Models.MaxFeeBelowBase' || e.error === 'Models.ZeroFee';
      throw new ApiError(funds ? 402 : e.error === 'Models.ModelNotActive' ? 409 : 400, funds ? 'insufficient_funds' : 'request_failed',
        `the chain refused the request: ${e.message}; only its transaction fee was charged, nothing is held`, 'signed_request');
    }
    throw e;
  }
}

/** How a settled inference's fee was split: the settlement record and its block's ContributionAttributed events. */
export async function settlementOf(api: ApiPromise, id: bigint, developer: string): Promise<SettlementState | undefined> {
  const inf = (await api.query.models.inferences(id)).unwrap();
  if (inf.settlement.isNone) return undefined;
  const s = inf.settlement.unwrap();
  const block = s.settled.toNumber();
  const events = await api.query.system.events.at(await api.rpc.chain.getBlockHash(block));
  const shares: Omit<Payout, 'contributor'>[] = [];
  for (const { event } of events) {
    if (api.events.attribution.ContributionAttributed.is(event) && event.data.inference.toBigInt() === id) {
      shares.push({ contribution: event.data.contribution.toBigInt(), weightPpm: event.data.weightPpm.toNumber(), amount: event.data.amount.toBigInt() });
    }
  }
  const records = await api.query.datanets.contributions.multi(shares.map((p) => p.contribution));
  return {
    block,
    fallback: s.fallback.isTrue,
    developer: { account: developer, amount: s.developer.toBigInt() },
    contributors: { amount: s.contributors.toBigInt(), payouts: shares.map((p, i) => ({ ...p, contributor: records[i].unwrap().contributor.toString() })) },
    protocol: { account: api.consts.models.rewardsPot.toString(), amount: s.protocol.toBigInt() },
  };
}

/** The final (or disputed) attribution of a settled inference. */
export async function finalAttribution(api: ApiPromise, id: bigint): Promise<Omit<AttributionState, 'local'> | undefined> {
  const o = await api.query.attribution.results(id);
  if (o.isNone) return undefined;
  const r = o.unwrap();
  return {
    status: r.status.type,
    resultHash: r.resultHash.isSome ? r.resultHash.unwrap().toHex() : undefined,
    attestations: r.attestations.toNumber(),
    entries: r.entries_.map((e) => ({ contribution: e.contribution.toBigInt(), weightPpm: e.weightPpm.toNumber() })),
  };
}
