// The model server: paid completions over HTTP. A completion is served only for an inference that is
// paid on chain (Models.request_inference, submitted by the caller or, from the caller's signed
// extrinsic, by the server); the server generates with the reference SLM (seeded by the inference
// id), uploads the output to the node's content store and records it with Models.submit_output.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attribute, generate, InputError, type CorpusIndex, type StopReason } from '@slmnet/attribution';
import { ChainError, ConnectionError, ContentStoreError, contentRef, downloadContent, uploadContent, type ApiPromise, type KeyringPair } from '@slmnet/client';
import { Catalog } from './catalog.ts';
import { decodeSignedRequest, finalAttribution, Heads, Operator, precheckSignedRequest, readInference, settlementOf, submitSignedRequest } from './chain.ts';
import {
  ApiError, MAX_BODY_BYTES, parseCompletionRequest, parseInferenceId, parseJsonObject, parseModelId, parseQuoteRequest, parseWaitQuery, tokensPaidFor,
  type CompletionRequest, type Wait,
} from './request.ts';
import { completionBody, errorBody, modelsBody, type Completion, type InferenceState } from './response.ts';

export interface ServerOptions {
  api: ApiPromise;
  /** The node's URL (its RPC port also serves the content store). */
  nodeUrl: string;
  /** The operator key that signs outputs. */
  operator: KeyringPair;
  /** Serve exactly these model ids (default: every Active reference-SLM model the operator serves). */
  models?: number[];
  host: string;
  /** 0 picks a free port. */
  port: number;
  log?: (line: string) => void;
}

/** How long to wait for a submitted extrinsic to be in a block before answering 504. */
const INCLUSION_TIMEOUT_MS = 120_000;
/** Longest wait for a settlement: the chain settles by the attestation deadline at the latest (100 blocks by default). */
const SETTLE_TIMEOUT_MS = 600_000;
/** Blocks to wait for an inference id that is not in the best block yet (the caller's node may be ahead of ours). */
const UNSEEN_INFERENCE_BLOCKS = 2;
/** Completions kept in memory for GET /v1/inferences/:id (older ones are read back from the content store). */
const REMEMBERED = 10_000;

interface Generated { text: string; stopReason: StopReason; created: number; maxTokensPaid: number }

/** @polkadot/api's RPC failures are plain Errors: a request the node did not answer in time, or a dropped connection. */
const RPC_FAILURE = /No response received from RPC endpoint|disconnected from|WebSocket is not connected|Abnormal Closure/i;

const asApiError = (e: unknown): ApiError | undefined => {
  if (e instanceof ApiError) return e;
  if (e instanceof ConnectionError || (e instanceof Error && RPC_FAILURE.test(e.message))) {
    return new ApiError(502, 'node_unreachable', `the server's node did not answer: ${(e as Error).message}`, undefined, 'chain_error');
  }
  if (e instanceof ContentStoreError) return new ApiError(502, 'content_store_error', e.message, undefined, 'chain_error');
  if (e instanceof ChainError) return new ApiError(502, 'chain_error', e.message, undefined, 'chain_error');
  return undefined;
};

const notActive = (model: number, status: string) => new ApiError(409, 'model_not_active', `model ${model} is ${status}: it takes no new requests`, 'model');

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const t = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new ApiError(504, 'chain_timeout', message, undefined, 'chain_error')), ms); });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/** Reads a body of at most `limit` bytes; a longer one is drained (answering mid-upload breaks clients) and refused. */
async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size <= limit) chunks.push(c as Buffer);
  }
  if (size > limit) throw new ApiError(413, 'body_too_large', `the request body is ${size} bytes, over the limit of ${limit}`);
  return Buffer.concat(chunks).toString('utf8');
}

export class ModelServer {
  private readonly catalog: Catalog;
  private readonly operator: Operator;
  private readonly generated = new Map<bigint, Generated>();
  /** Inferences being served right now: a second request for one is refused, not generated twice. */
  private readonly inFlight = new Set<bigint>();
  private readonly log: (line: string) => void;
  private heads?: Heads;
  private http?: Server;
  private unsubEvents?: () => void;
  private refreshing?: Promise<void>;
  private refreshAgain = false;

  private constructor(private readonly o: ServerOptions) {
    this.log = o.log ?? ((l) => console.log(l));
    this.operator = new Operator(o.api, o.operator);
    this.catalog = new Catalog({ api: o.api, nodeUrl: o.nodeUrl, account: o.operator.address, only: o.models, log: this.log });
  }

  /** Loads the served models (an explicit model that cannot be served is an error), builds their indexes and listens. */
  static async start(o: ServerOptions): Promise<ModelServer> {
    const s = new ModelServer(o);
    await s.catalog.refresh(true);
    s.heads = await Heads.follow(o.api);
    s.unsubEvents = await o.api.query.system.events((events) => {
      const changed = events.some(({ event }) => event.section === 'models'
        && ['ModelRegistered', 'OperatorsSet', 'ModelStatusChanged', 'PricingUpdated'].includes(event.method));
      if (changed) s.refresh();
    });
    s.http = createServer((req, res) => { void s.handle(req, res); });
    await new Promise<void>((res, rej) => {
      s.http!.once('error', rej);
      s.http!.listen(o.port, o.host, () => res());
    });
    return s;
  }

  get url(): string {
    const a = this.http!.address() as AddressInfo;
    return `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
  }

  get models(): number[] {
    return this.catalog.list().map((m) => m.id);
  }

  async stop(): Promise<void> {
    this.unsubEvents?.();
    this.heads?.stop();
    await new Promise<void>((res) => { if (!this.http) res(); else this.http.close(() => res()); this.http?.closeAllConnections(); });
  }

  /** Re-reads the models after a change on chain (one refresh at a time, another one after it if needed). */
  private refresh(): void {
    if (this.refreshing) { this.refreshAgain = true; return; }
    this.refreshing = this.catalog.refresh().catch((e: Error) => this.log(`⚠️  reading the models failed: ${e.message}`)).finally(() => {
      this.refreshing = undefined;
      if (this.refreshAgain) { this.refreshAgain = false; this.refresh(); }
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = (status: number, body: unknown) => {
      if (res.headersSent) return;
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname.replace(/\/+$/, '') || '/';
      const route = (method: string, p: RegExp) => {
        const m = p.exec(path);
        if (m && req.method !== method) throw new ApiError(405, 'method_not_allowed', `use ${method} ${url.pathname}`);
        return m;
      };
      let m: RegExpExecArray | null;
      if (route('GET', /^\/health$/)) return send(200, await this.health());
      if (route('GET', /^\/v1\/models$/)) return send(200, modelsBody(this.catalog.list()));
      if ((m = route('GET', /^\/v1\/models\/([^/]+)$/))) {
        const id = parseModelId(decodeURIComponent(m[1]));
        this.catalog.served(id);
        return send(200, modelsBody(this.catalog.list().filter((x) => x.id === id)).data[0]);
      }
      if (route('POST', /^\/v1\/quote$/)) return send(200, await this.quote(parseQuoteRequest(parseJsonObject(await readBody(req, MAX_BODY_BYTES)))));
      if (route('POST', /^\/v1\/completions$/)) {
        return send(200, completionBody(await this.complete(parseCompletionRequest(parseJsonObject(await readBody(req, MAX_BODY_BYTES))))));
      }
      if ((m = route('GET', /^\/v1\/inferences\/([^/]+)$/))) {
        const id = parseInferenceId(decodeURIComponent(m[1]), 'id');
        return send(200, completionBody(await this.view(id, parseWaitQuery(url.searchParams.get('wait')))));
      }
      throw new ApiError(404, 'unknown_route',
        `no route ${req.method} ${url.pathname}: use POST /v1/completions, POST /v1/quote, GET /v1/models, GET /v1/inferences/:id or GET /health`);
    } catch (e) {
      const err = asApiError(e);
      if (err) {
        if (err.status === 413) res.setHeader('Connection', 'close');
        return send(err.status, errorBody(err));
      }
      this.log(`⚠️  ${req.method} ${req.url}: ${(e as Error).stack ?? e}`);
      send(500, errorBody(new ApiError(500, 'internal_error', `internal error: ${(e as Error).message}`)));
    }
  }

  private async health() {
    const { api } = this.o;
    return {
      status: api.isConnected ? 'ok' : 'node_unreachable',
      node: this.o.nodeUrl,
      operator: this.operator.address,
      best_block: this.heads?.best ?? null,
      models: this.catalog.list().map((m) => ({ id: String(m.id), index: m.index.state })),
    };
  }

  /** What a caller signs to pay for a completion: Models.request_inference(model, blake2-256(prompt), price of max_tokens). */
  private async quote(q: { model: number; prompt: string; maxTokens: number }) {
    const { api } = this.o;
    const model = this.catalog.served(q.model);
    if (model.status !== 'Active') throw notActive(model.id, model.status);
    const price = await api.call.modelsApi.quote(q.model, q.maxTokens);
    if (price.isNone) throw new ApiError(404, 'model_not_found', `model ${q.model} no longer exists on chain`, 'model');
    const inputHash = contentRef(q.prompt).hash;
    const maxFee = price.unwrap().toBigInt();
    return {
      model: String(q.model),
      input_hash: inputHash,
      max_tokens: q.maxTokens,
      max_fee: maxFee.toString(),
      // the SCALE call to sign: api.tx(api.createType('Call', call)).signAsync(pair) → "signed_request"
      call: api.tx.models.requestInference(q.model, inputHash, maxFee).method.toHex(),
    };
  }

  private async complete(r: CompletionRequest): Promise<Completion> {
    const model = this.catalog.served(r.model);
    const inputHash = contentRef(r.prompt).hash;
    const index = await this.index(r.model);
    let inference: bigint;
    if ('signedRequest' in r.payment) {
      const s = decodeSignedRequest(this.o.api, r.payment.signedRequest);
      if (s.model !== r.model) throw new ApiError(400, 'model_mismatch', `"signed_request" requests model ${s.model}, the body names model ${r.model}`, 'signed_request');
      if (s.inputHash !== inputHash) {
        throw new ApiError(400, 'input_hash_mismatch', `"signed_request" pays for input ${s.inputHash}, but blake2-256 of the prompt is ${inputHash}`, 'signed_request');
      }
      if (model.status !== 'Active') throw notActive(model.id, model.status);
      if (tokensPaidFor(model.pricing, s.maxFee, r.maxTokens) === 0) {
        throw new ApiError(402, 'max_fee_too_low',
          `max_fee ${s.maxFee} planck pays for no output token (base fee ${model.pricing.baseFee} + ${model.pricing.perTokenFee} per token); POST /v1/quote gives the price`, 'signed_request');
      }
      await precheckSignedRequest(this.o.api, s);
      inference = await withTimeout(submitSignedRequest(this.o.api, s), INCLUSION_TIMEOUT_MS, 'the signed request was not included in a block in time');
      this.log(`💳 Inference ${inference} requested by ${s.signer} (max fee ${s.maxFee})`);
    } else {
      inference = r.payment.inference;
    }
    if (this.inFlight.has(inference)) throw new ApiError(409, 'inference_in_progress', `inference ${inference} is being served by another request`, 'inference');
    this.inFlight.add(inference);
    try {
      return await this.serve(inference, r, inputHash, index);
    } finally {
      this.inFlight.delete(inference);
    }
  }

  private async index(model: number): Promise<CorpusIndex> {
    try {
      return await this.catalog.index(model);
    } catch (e) {
      throw new ApiError(503, 'model_not_ready', `model ${model} cannot serve yet: ${(e as Error).message}`, 'model');
    }
  }

  /** The inference, waiting a couple of blocks for one that our node has not imported yet. */
  private async paidInference(id: bigint): Promise<InferenceState> {
    const until = this.heads!.best + UNSEEN_INFERENCE_BLOCKS;
    const inf = await this.heads!.until(async () => (await readInference(this.o.api, id)) ?? (this.heads!.best >= until ? null : undefined), Date.now() + 30_000);
    if (!inf) throw new ApiError(400, 'inference_not_found', `there is no inference ${id} on chain: pay with Models.request_inference first`, 'inference');
    return inf;
  }

  private async serve(id: bigint, r: CompletionRequest, inputHash: string, index: CorpusIndex): Promise<Completion> {
    const inf = await this.paidInference(id);
    const refund = `the held max_fee is released at block ${inf.deadline}`;
    if (inf.model !== r.model) throw new ApiError(400, 'model_mismatch', `inference ${id} is for model ${inf.model}, not ${r.model}`, 'inference');
    if (inf.status !== 'Requested') {
      throw new ApiError(409, 'inference_not_requested', `inference ${id} is ${inf.status}, not Requested: GET /v1/inferences/${id} shows it`, 'inference');
    }
    if (inf.inputHash !== inputHash) {
      throw new ApiError(400, 'input_hash_mismatch', `inference ${id} paid for input ${inf.inputHash}, but blake2-256 of the prompt is ${inputHash} (${refund} unless the right prompt comes first)`, 'prompt');
    }
    if (this.heads!.best >= inf.deadline) throw new ApiError(409, 'inference_expired', `inference ${id} passed its output deadline (block ${inf.deadline}): it is refunded`, 'inference');
    const model = this.catalog.served(r.model);
    const maxTokensPaid = tokensPaidFor(model.pricing, inf.maxFee, r.maxTokens);
    if (maxTokensPaid === 0) {
      throw new ApiError(402, 'max_fee_too_low', `inference ${id}'s max_fee ${inf.maxFee} planck pays for no output token at the current price (${refund})`, 'inference');
    }

    const g = generate(index, { prompt: r.prompt, seed: id, maxTokens: maxTokensPaid });
    const created = Math.floor(Date.now() / 1000);
    if (g.tokensOut === 0) {
      // nothing to record: an empty output cannot be stored or attributed, and the caller pays nothing
      this.log(`∅ Inference ${id}: the model ended the text at once; no output submitted (${refund})`);
      return { inference: inf, created, text: '', stopReason: g.stopReason, maxTokensPaid };
    }
    const { hash } = await uploadContent(this.o.nodeUrl, g.text);
    const out = await withTimeout(this.operator.submitOutput(id, { output: hash, tokensIn: g.tokensIn, tokensOut: g.tokensOut }), INCLUSION_TIMEOUT_MS,
      `the output of inference ${id} was submitted but not included in time; GET /v1/inferences/${id} shows its state`)
      .catch((e: unknown) => {
        if (e instanceof ChainError && (e.error === 'Models.InferenceExpired' || e.error === 'Models.OutputAlreadySubmitted')) {
          throw new ApiError(409, 'inference_not_requested', `inference ${id}: ${e.message}`, 'inference');
        }
        throw e;
      });
    this.remember(id, { text: g.text, stopReason: g.stopReason, created, maxTokensPaid });
    this.log(`✅ Inference ${id} (model ${r.model}): ${g.tokensOut} token(s), output ${hash} in block #${out.block ?? '?'}, fee ${out.fee}`);
    return this.view(id, r.wait);
  }

  private remember(id: bigint, g: Generated): void {
    if (this.generated.size >= REMEMBERED) this.generated.delete(this.generated.keys().next().value!);
    this.generated.set(id, g);
  }

  /** An inference as a completion; with `settled`, once it is settled (or refunded), re-reading at every block. */
  private async view(id: bigint, wait?: Wait): Promise<Completion> {
    if (wait === 'settled') {
      const done = await this.heads!.until(async () => {
        try {
          const c = await this.snapshot(id);
          return c.inference.status === 'Settled' || c.inference.status === 'Refunded' ? c : undefined;
        } catch (e) {
          // a busy or briefly unreachable node is no reason to give up the wait: try again next block
          if (asApiError(e) && !(e instanceof ApiError)) return undefined;
          throw e;
        }
      }, Date.now() + SETTLE_TIMEOUT_MS);
      if (done) return done;
    }
    return this.snapshot(id);
  }

  /** An inference as a completion now: its text, its state on chain and, once settled, the fee split and the attribution. */
  private async snapshot(id: bigint): Promise<Completion> {
    const { api } = this.o;
    const inf = await readInference(api, id);
    if (!inf) throw new ApiError(404, 'inference_not_found', `there is no inference ${id} on chain`, 'id');
    const g = this.generated.get(id);
    let text = g?.text ?? '';
    if (!g && inf.outputHash) {
      const bytes = await downloadContent(this.o.nodeUrl, inf.outputHash);
      if (!bytes) throw new ApiError(502, 'output_unavailable', `the output ${inf.outputHash} of inference ${id} is not in the node's content store`, 'id', 'chain_error');
      text = new TextDecoder().decode(bytes);
    }
    const c: Completion = { inference: inf, created: g?.created ?? Math.floor(Date.now() / 1000), text, stopReason: g?.stopReason, maxTokensPaid: g?.maxTokensPaid };
    if (inf.status !== 'Settled') return c;
    const developer = this.catalog.get(inf.model)?.developer ?? (await api.query.models.models(inf.model)).unwrap().developer.toString();
    const [settlement, final] = await Promise.all([settlementOf(api, id, developer), finalAttribution(api, id)]);
    c.settlement = settlement;
    if (final) {
      c.attribution = final;
      const index = this.catalog.get(inf.model) ? await this.catalog.index(inf.model).catch(() => undefined) : undefined;
      if (index && text) {
        try {
          const a = attribute(index, text);
          c.attribution.local = {
            resultHash: `0x${Buffer.from(a.resultHash).toString('hex')}`,
            spans: a.spans.map((s) => ({ start: s.start, end: s.end, tokens: s.length, contributions: s.contributions })),
          };
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
        }
      }
    }
    return c;
  }
}
