import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/request.ts';
import { completionBody, errorBody, finishReason, modelsBody, type Completion, type InferenceState } from '../src/response.ts';

const inference: InferenceState = {
  id: 9_007_199_254_740_993n, model: 4, consumer: '5Consumer', status: 'OutputSubmitted', inputHash: '0xin', maxFee: 10n ** 13n, fee: 1_240_000_000_000n,
  outputHash: '0xout', tokensIn: 9, tokensOut: 24, requested: 14, outputAt: 15, deadline: 45,
};
const text = 'of the pancreas. it lets cells take up glucose';

describe('completion bodies', () => {
  it('have the OpenAI text_completion shape with usage from the chain record', () => {
    const b = completionBody({ inference, created: 1_700_000_000, text, stopReason: 'max-tokens', maxTokensPaid: 24 });
    expect(b).toMatchObject({
      id: 'inference-9007199254740993', object: 'text_completion', created: 1_700_000_000, model: '4',
      choices: [{ index: 0, text, finish_reason: 'length', logprobs: null }],
      usage: { prompt_tokens: 9, completion_tokens: 24, total_tokens: 33 },
    });
    // u64 ids and u128 amounts as exact decimal strings
    expect(b.slmnet).toEqual({
      inference: '9007199254740993', status: 'OutputSubmitted', consumer: '5Consumer', input_hash: '0xin', output_hash: '0xout',
      max_fee: '10000000000000', fee: '1240000000000', max_tokens_paid: 24, requested_block: 14, output_block: 15, deadline_block: 45,
      settlement: null, attribution: null,
    });
    expect(JSON.parse(JSON.stringify(b))).toEqual(b);
  });

  it('finish_reason: length when cut at max_tokens, stop when the text ended, null when unknown', () => {
    expect(finishReason('max-tokens')).toBe('length');
    expect(finishReason('end-of-document')).toBe('stop');
    expect(finishReason('stop-sequence')).toBe('stop');
    expect(completionBody({ inference: { ...inference, outputHash: undefined, outputAt: undefined, status: 'Requested' }, created: 0, text: '' }))
      .toMatchObject({ choices: [{ finish_reason: null }], slmnet: { output_hash: null, output_block: null, status: 'Requested' } });
  });

  it('carry the fee split and the attribution with span texts once settled', () => {
    const c: Completion = {
      inference: { ...inference, status: 'Settled' }, created: 1, text, stopReason: 'max-tokens',
      settlement: {
        block: 16, fallback: false,
        developer: { account: '5Dev', amount: 248_000_000_000n },
        contributors: { amount: 868_000_000_000n, payouts: [{ contribution: 1n, contributor: '5Charlie', weightPpm: 1_000_000, amount: 868_000_000_000n }] },
        protocol: { account: '5Pot', amount: 124_000_000_000n },
      },
      attribution: {
        status: 'Final', resultHash: '0xabc', attestations: 3, entries: [{ contribution: 1n, weightPpm: 1_000_000 }],
        local: { resultHash: '0xabc', spans: [{ start: 0, end: 15, tokens: 3, contributions: [1n] }] },
      },
    };
    const b = completionBody(c).slmnet;
    expect(b.settlement).toEqual({
      block: 16, fallback: false,
      developer: { account: '5Dev', amount: '248000000000' },
      contributors: { amount: '868000000000', payouts: [{ contribution: '1', contributor: '5Charlie', weight_ppm: 1_000_000, amount: '868000000000' }] },
      protocol: { account: '5Pot', amount: '124000000000' },
    });
    expect(b.attribution).toEqual({
      status: 'Final', result_hash: '0xabc', attestations: 3, entries: [{ contribution: '1', weight_ppm: 1_000_000 }], matches_chain: true,
      spans: [{ text: 'of the pancreas', start: 0, end: 15, tokens: 3, contributions: ['1'] }],
    });
    // a local run that disagrees with the chain, and a disputed result without a hash
    c.attribution = { ...c.attribution!, local: { ...c.attribution!.local!, resultHash: '0xdef' } };
    expect(completionBody(c).slmnet.attribution!.matches_chain).toBe(false);
    c.attribution = { status: 'Disputed', attestations: 1, entries: [] };
    expect(completionBody(c).slmnet.attribution).toMatchObject({ status: 'Disputed', result_hash: null, matches_chain: null, spans: [] });
  });
});

describe('model lists and errors', () => {
  it('lists models the OpenAI way with SLMnet details', () => {
    const b = modelsBody([{
      id: 0, name: 'physio-slm', developer: '5Dev', created: 1_700_000_000, status: 'Active', trainingSet: [{ datanet: 0, version: 1 }],
      pricing: { baseFee: 10n ** 12n, perTokenFee: 10n ** 10n }, split: { developerPpm: 200_000, contributorsPpm: 700_000, protocolPpm: 100_000 },
      index: { state: 'ready', contributions: 3, tokens: 100 },
    }]);
    expect(b).toEqual({
      object: 'list',
      data: [{
        id: '0', object: 'model', created: 1_700_000_000, owned_by: '5Dev',
        slmnet: {
          name: 'physio-slm', kind: 'infini-gram-v1', status: 'Active', training_set: [{ datanet: 0, version: 1 }],
          pricing: { base_fee: '1000000000000', per_token_fee: '10000000000' },
          split: { developer_ppm: 200_000, contributors_ppm: 700_000, protocol_ppm: 100_000 },
          index: { state: 'ready', contributions: 3, tokens: 100 },
        },
      }],
    });
  });

  it('error bodies: message, type by status, param and code', () => {
    expect(errorBody(new ApiError(404, 'model_not_found', 'model 9 is not served here', 'model')))
      .toEqual({ error: { message: 'model 9 is not served here', type: 'not_found_error', param: 'model', code: 'model_not_found' } });
    expect(errorBody(new ApiError(402, 'insufficient_funds', 'x')).error).toMatchObject({ type: 'payment_error', param: null });
    expect(errorBody(new ApiError(413, 'body_too_large', 'x')).error.type).toBe('invalid_request_error');
    expect(errorBody(new ApiError(503, 'model_not_ready', 'x')).error.type).toBe('server_error');
    expect(errorBody(new ApiError(502, 'chain_error', 'x', undefined, 'chain_error')).error.type).toBe('chain_error');
  });
});
