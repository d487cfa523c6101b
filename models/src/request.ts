// Parsing and checking of HTTP request bodies (pure: no chain, no I/O). Every refusal is an
// ApiError that the server turns into `{ error: { message, type, param, code } }`.
import { checkText, DEFAULT_MAX_TOKENS, InputError, MAX_GENERATE_TOKENS, MAX_PROMPT_BYTES } from '@slmnet/attribution';

/** OpenAI's error types, plus SLMnet's payment and chain failures. */
export type ErrorType = 'invalid_request_error' | 'not_found_error' | 'payment_error' | 'chain_error' | 'server_error';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly param?: string,
    readonly type: ErrorType = status === 404 ? 'not_found_error' : status === 402 ? 'payment_error' : status >= 500 ? 'server_error' : 'invalid_request_error',
  ) {
    super(message);
  }
}

/**
 * Largest request body. A prompt is at most MAX_PROMPT_BYTES of UTF-8; JSON escaping can make an
 * allowed byte up to 6 bytes long (`\u000b`), and the rest of the body is small.
 */
export const MAX_BODY_BYTES = 6 * MAX_PROMPT_BYTES + 16 * 1024;

/** How the caller pays: an inference it requested itself, or its signed request_inference for the server to submit. */
export type Payment = { inference: bigint } | { signedRequest: string };

/** `output`: answer once the output is on chain; `settled`: once the fee is split, with the attribution. */
export type Wait = 'output' | 'settled';
export const WAITS: readonly Wait[] = ['output', 'settled'];

export interface CompletionRequest {
  model: number;
  prompt: string;
  maxTokens: number;
  payment: Payment;
  wait: Wait;
}

export interface QuoteRequest {
  model: number;
  prompt: string;
  maxTokens: number;
}

const U32_MAX = 0xffff_ffff;
const U64_MAX = (1n << 64n) - 1n;

/** Parses a JSON body; anything but a JSON object is refused. */
export function parseJsonObject(body: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch (e) {
    throw new ApiError(400, 'invalid_json', `the body is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ApiError(400, 'invalid_json', 'the body must be a JSON object');
  return v as Record<string, unknown>;
}

function onlyFields(o: Record<string, unknown>, allowed: readonly string[]): void {
  const unknown = Object.keys(o).find((k) => !allowed.includes(k));
  if (unknown !== undefined) {
    throw new ApiError(400, 'unknown_parameter', `unknown parameter "${unknown}" (accepted: ${allowed.join(', ')})`, unknown);
  }
}

/** A model id: the decimal id as a string (as /v1/models lists it) or a number. */
export function parseModelId(v: unknown, param = 'model'): number {
  if (v === undefined || v === null) throw new ApiError(400, 'missing_parameter', `"${param}" is required: the id of a model (see GET /v1/models)`, param);
  const s = typeof v === 'number' ? String(v) : v;
  if (typeof s !== 'string' || !/^\d+$/.test(s) || Number(s) > U32_MAX) {
    throw new ApiError(400, 'invalid_model', `"${param}" must be a model id (an integer from 0 to ${U32_MAX}), got ${JSON.stringify(v)}`, param);
  }
  return Number(s);
}

/** An inference id (u64): an integer or a decimal string (ids above 2^53 only as strings). */
export function parseInferenceId(v: unknown, param = 'inference'): bigint {
  const ok = (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) || (typeof v === 'string' && /^\d{1,20}$/.test(v));
  const id = ok ? BigInt(v as number | string) : -1n;
  if (id < 0n || id > U64_MAX) throw new ApiError(400, 'invalid_inference', `"${param}" must be an inference id (a non-negative integer), got ${JSON.stringify(v)}`, param);
  return id;
}

function parsePrompt(v: unknown): string {
  if (v === undefined) throw new ApiError(400, 'missing_parameter', '"prompt" is required', 'prompt');
  if (typeof v !== 'string') throw new ApiError(400, 'invalid_prompt', '"prompt" must be a string (one prompt per request)', 'prompt');
  const bytes = Buffer.byteLength(v, 'utf8');
  if (bytes > MAX_PROMPT_BYTES) {
    throw new ApiError(400, 'prompt_too_long', `the prompt is ${bytes} bytes of UTF-8, over the limit of ${MAX_PROMPT_BYTES}`, 'prompt');
  }
  try {
    return checkText(v, 'the prompt');
  } catch (e) {
    if (e instanceof InputError) throw new ApiError(400, 'invalid_prompt', e.message, 'prompt');
    throw e;
  }
}

function parseMaxTokens(v: unknown): number {
  if (v === undefined || v === null) return DEFAULT_MAX_TOKENS;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_GENERATE_TOKENS) {
    throw new ApiError(400, 'invalid_max_tokens', `"max_tokens" must be an integer from 1 to ${MAX_GENERATE_TOKENS}, got ${JSON.stringify(v)}`, 'max_tokens');
  }
  return v;
}

function parseWait(v: unknown): Wait {
  if (v === undefined || v === null) return 'output';
  if (!WAITS.includes(v as Wait)) throw new ApiError(400, 'invalid_wait', `"wait" must be one of ${WAITS.map((w) => `"${w}"`).join(', ')}, got ${JSON.stringify(v)}`, 'wait');
  return v as Wait;
}

function parsePayment(o: Record<string, unknown>): Payment {
  const hasInference = o.inference !== undefined && o.inference !== null;
  const hasSigned = o.signed_request !== undefined && o.signed_request !== null;
  if (hasInference && hasSigned) {
    throw new ApiError(400, 'ambiguous_payment', 'pass either "inference" or "signed_request", not both', 'signed_request');
  }
  if (hasInference) return { inference: parseInferenceId(o.inference) };
  if (hasSigned) {
    const s = o.signed_request;
    if (typeof s !== 'string' || !/^0x([0-9a-fA-F]{2})+$/.test(s)) {
      throw new ApiError(400, 'invalid_signed_request', '"signed_request" must be a 0x-prefixed hex signed extrinsic (Models.request_inference)', 'signed_request');
    }
    return { signedRequest: s };
  }
  throw new ApiError(402, 'payment_required',
    'pay first: pass "inference" (the id from your Models.request_inference) or "signed_request" (your signed request_inference; POST /v1/quote says what to sign)', 'inference');
}

export function parseCompletionRequest(body: Record<string, unknown>): CompletionRequest {
  onlyFields(body, ['model', 'prompt', 'max_tokens', 'inference', 'signed_request', 'wait']);
  return {
    model: parseModelId(body.model),
    prompt: parsePrompt(body.prompt),
    maxTokens: parseMaxTokens(body.max_tokens),
    payment: parsePayment(body),
    wait: parseWait(body.wait),
  };
}

export function parseQuoteRequest(body: Record<string, unknown>): QuoteRequest {
  onlyFields(body, ['model', 'prompt', 'max_tokens']);
  return { model: parseModelId(body.model), prompt: parsePrompt(body.prompt), maxTokens: parseMaxTokens(body.max_tokens) };
}

/** `?wait=` of GET /v1/inferences/:id (default: answer with the current state). */
export function parseWaitQuery(v: string | null): Wait | undefined {
  return v === null ? undefined : parseWait(v);
}

export interface Pricing { baseFee: bigint; perTokenFee: bigint }

/**
 * The most output tokens `maxFee` pays for, capped at `limit`; 0 when it pays for none. The inverse of
 * the chain's price (Models.submit_output, ModelsApi.quote): base_fee + per_token_fee × tokens.
 */
export function tokensPaidFor(p: Pricing, maxFee: bigint, limit: number): number {
  if (maxFee < p.baseFee) return 0;
  if (p.perTokenFee === 0n) return limit;
  const n = (maxFee - p.baseFee) / p.perTokenFee;
  return n < BigInt(limit) ? Number(n) : limit;
}
