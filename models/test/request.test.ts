import { DEFAULT_MAX_TOKENS, MAX_GENERATE_TOKENS, MAX_PROMPT_BYTES } from '@slmnet/attribution';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError, MAX_BODY_BYTES, parseCompletionRequest, parseInferenceId, parseJsonObject, parseQuoteRequest, parseWaitQuery, tokensPaidFor } from '../src/request.ts';

/** The ApiError `f` throws (fails the test when it throws nothing or something else). */
function refusal(f: () => unknown): ApiError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected an ApiError');
}

const base = { model: '0', prompt: 'Insulin is a hormone', inference: '7' };

describe('POST /v1/completions bodies', () => {
  it('parses a request paid by an inference id, with defaults', () => {
    expect(parseCompletionRequest(base)).toEqual({ model: 0, prompt: 'Insulin is a hormone', maxTokens: DEFAULT_MAX_TOKENS, payment: { inference: 7n }, wait: 'output' });
    expect(parseCompletionRequest({ ...base, model: 3, inference: 18446744073709551615n.toString(), max_tokens: 5, wait: 'settled' }))
      .toMatchObject({ model: 3, maxTokens: 5, payment: { inference: 18446744073709551615n }, wait: 'settled' });
  });

  it('parses a request paid by a signed extrinsic', () => {
    const { payment } = parseCompletionRequest({ model: '1', prompt: '', signed_request: '0xAbCd' });
    expect(payment).toEqual({ signedRequest: '0xAbCd' });
  });

  it('refuses missing or malformed fields with 400 and names the parameter', () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...base, model: undefined }, 'missing_parameter', 'model'],
      [{ ...base, model: 'physio' }, 'invalid_model', 'model'],
      [{ ...base, model: -1 }, 'invalid_model', 'model'],
      [{ ...base, model: 2 ** 32 }, 'invalid_model', 'model'],
      [{ ...base, prompt: undefined }, 'missing_parameter', 'prompt'],
      [{ ...base, prompt: ['a', 'b'] }, 'invalid_prompt', 'prompt'],
      [{ ...base, prompt: 'bell \u0007' }, 'invalid_prompt', 'prompt'],
      [{ ...base, prompt: 'half a pair \ud800' }, 'invalid_prompt', 'prompt'],
      [{ ...base, max_tokens: 0 }, 'invalid_max_tokens', 'max_tokens'],
      [{ ...base, max_tokens: 2.5 }, 'invalid_max_tokens', 'max_tokens'],
      [{ ...base, max_tokens: MAX_GENERATE_TOKENS + 1 }, 'invalid_max_tokens', 'max_tokens'],
      [{ ...base, max_tokens: '10' }, 'invalid_max_tokens', 'max_tokens'],
      [{ ...base, inference: -3 }, 'invalid_inference', 'inference'],
      [{ ...base, inference: '18446744073709551616' }, 'invalid_inference', 'inference'],
      [{ ...base, inference: 1.5 }, 'invalid_inference', 'inference'],
      [{ ...base, inference: undefined, signed_request: 'abcd' }, 'invalid_signed_request', 'signed_request'],
      [{ ...base, inference: undefined, signed_request: '0xabc' }, 'invalid_signed_request', 'signed_request'],
      [{ ...base, signed_request: '0xabcd' }, 'ambiguous_payment', 'signed_request'],
      [{ ...base, wait: 'finalized' }, 'invalid_wait', 'wait'],
      [{ ...base, temperature: 0.7 }, 'unknown_parameter', 'temperature'],
    ];
    for (const [body, code, param] of cases) {
      const e = refusal(() => parseCompletionRequest(body));
      expect({ status: e.status, code: e.code, param: e.param, type: e.type }).toEqual({ status: 400, code, param, type: 'invalid_request_error' });
      expect(e.message.length).toBeGreaterThan(10);
    }
  });

  it('asks for payment (402) when neither an inference nor a signed request is given', () => {
    const e = refusal(() => parseCompletionRequest({ model: '0', prompt: 'hi' }));
    expect([e.status, e.code, e.type]).toEqual([402, 'payment_required', 'payment_error']);
    expect(e.message).toContain('request_inference');
  });

  it('limits the prompt to the reference SLM\'s MAX_PROMPT_BYTES of UTF-8', () => {
    expect(parseCompletionRequest({ ...base, prompt: 'a'.repeat(MAX_PROMPT_BYTES) }).prompt.length).toBe(MAX_PROMPT_BYTES);
    const e = refusal(() => parseCompletionRequest({ ...base, prompt: 'a'.repeat(MAX_PROMPT_BYTES + 1) }));
    expect([e.status, e.code, e.param]).toEqual([400, 'prompt_too_long', 'prompt']);
    // counted in bytes, not characters: 3 bytes each
    expect(refusal(() => parseCompletionRequest({ ...base, prompt: '€'.repeat(MAX_PROMPT_BYTES / 3 + 1) })).code).toBe('prompt_too_long');
  });

  it('leaves room in the body limit for the longest prompt, however it is escaped', () => {
    const prompt = '\u000b'.repeat(MAX_PROMPT_BYTES);
    const body = JSON.stringify({ ...base, prompt, max_tokens: MAX_GENERATE_TOKENS, wait: 'settled' });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(parseCompletionRequest(parseJsonObject(body)).prompt).toBe(prompt);
  });
});

describe('other inputs', () => {
  it('a body must be a JSON object', () => {
    for (const body of ['', '{', 'null', '[1]', '"text"', '42']) {
      const e = refusal(() => parseJsonObject(body));
      expect([e.status, e.code]).toEqual([400, 'invalid_json']);
    }
    expect(parseJsonObject('{"a":1}')).toEqual({ a: 1 });
  });

  it('quote requests take model, prompt and max_tokens only', () => {
    expect(parseQuoteRequest({ model: 2, prompt: 'x', max_tokens: 3 })).toEqual({ model: 2, prompt: 'x', maxTokens: 3 });
    expect(refusal(() => parseQuoteRequest({ model: 2, prompt: 'x', inference: 1 })).code).toBe('unknown_parameter');
  });

  it('inference ids in paths and ?wait=', () => {
    expect(parseInferenceId('12', 'id')).toBe(12n);
    expect(refusal(() => parseInferenceId('0x0c', 'id')).param).toBe('id');
    expect(parseWaitQuery(null)).toBeUndefined();
    expect(parseWaitQuery('settled')).toBe('settled');
    expect(refusal(() => parseWaitQuery('soon')).code).toBe('invalid_wait');
  });
});

describe('tokensPaidFor', () => {
  const pricing = { baseFee: 1_000n, perTokenFee: 10n };

  it('is the most tokens whose price fits in max_fee, capped at the limit', () => {
    expect(tokensPaidFor(pricing, 999n, 64)).toBe(0);
    expect(tokensPaidFor(pricing, 1_000n, 64)).toBe(0);
    expect(tokensPaidFor(pricing, 1_009n, 64)).toBe(0);
    expect(tokensPaidFor(pricing, 1_010n, 64)).toBe(1);
    expect(tokensPaidFor(pricing, 1_239n, 64)).toBe(23);
    expect(tokensPaidFor(pricing, 10n ** 30n, 64)).toBe(64);
    expect(tokensPaidFor({ baseFee: 5n, perTokenFee: 0n }, 5n, 64)).toBe(64);
  });

  it('agrees with the chain\'s price base + per_token × tokens', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 1n << 40n }), fc.bigInt({ min: 1n, max: 1n << 40n }), fc.bigInt({ min: 0n, max: 1n << 50n }), fc.integer({ min: 1, max: MAX_GENERATE_TOKENS }),
      (baseFee, perTokenFee, maxFee, limit) => {
        const n = tokensPaidFor({ baseFee, perTokenFee }, maxFee, limit);
        const price = (t: number) => baseFee + perTokenFee * BigInt(t);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(limit);
        if (n > 0) expect(price(n)).toBeLessThanOrEqual(maxFee);
        if (n < limit) expect(price(n + 1)).toBeGreaterThan(maxFee);
      }));
  });
});
