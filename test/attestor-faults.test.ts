// Attestor faults on a real 4-validator network (quorum 3 of 4, GRANDPA 3 of 4): dave's worker
// attests a wrong result (test-only --unsafe-attest-wrong) and is slashed; then dave is down and the
// other three still settle.
import { attribute, generate } from '@slmnet/attribution';
import { bondAttestor, connect, cryptoReady, devAccount, requestInference, submitOutput, uploadContent, type ApiPromise, type KeyringPair } from '@slmnet/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNetwork, type TestNetwork } from './helpers/network.ts';
import { waitFor } from './helpers/node.ts';
import { INSULIN_PROMPT, settled, setUpModel, UNIT, type PayableSetup } from './helpers/payable.ts';

let net: TestNetwork;
let api: ApiPromise;
let alice: KeyringPair, bob: KeyringPair, charlie: KeyringPair, dave: KeyringPair, eve: KeyringPair, ferdie: KeyringPair;
let setup: PayableSetup;
const VALIDATORS = ['alice', 'bob', 'charlie', 'dave'];

beforeAll(async () => {
  await cryptoReady();
  net = await startNetwork({ nodes: VALIDATORS, validators: VALIDATORS, args: { dave: ['--unsafe-attest-wrong'] } });
  api = await connect(net.node('alice').url);
  [alice, bob, charlie, dave, eve, ferdie] = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map(devAccount);
  setup = await setUpModel(api, { uploadTo: net.node('bob').url, owner: alice, contributors: [bob, charlie, eve], developer: eve, operator: ferdie });
}, 180_000);

afterAll(async () => {
  await api?.disconnect();
  await net?.stop();
});

/** Pays for an inference on the insulin prompt and records the reference SLM's output; returns the id and expected result hash. */
async function paidInference(): Promise<{ inference: bigint; hash: string }> {
  const { inference } = await requestInference({ api, signer: ferdie }, setup.model, INSULIN_PROMPT, 10n * UNIT);
  const g = generate(setup.index, { prompt: INSULIN_PROMPT, seed: inference, maxTokens: 24 });
  await uploadContent(net.node('charlie').url, g.text);
  await submitOutput({ api, signer: ferdie }, inference, { output: g.text, tokensIn: g.tokensIn, tokensOut: g.tokensOut });
  return { inference, hash: `0x${Buffer.from(attribute(setup.index, g.text).resultHash).toString('hex')}` };
}

describe('attestor faults', () => {
  it('a validator that attests a wrong hash is slashed; the honest result settles', async () => {
    await bondAttestor({ api, signer: dave }, 10n * UNIT);
    const { inference, hash } = await paidInference();
    await settled(api, inference);
    const result = (await api.query.attribution.results(inference)).unwrap();
    expect(result.status.isFinal).toBe(true);
    expect(result.resultHash.unwrap().toHex()).toBe(hash);
    // dave's wrong attestation is slashed whether it came before the quorum or after it
    const bond = await waitFor(async () => {
      const b = (await api.query.attribution.bonded(dave.address)).unwrapOr(undefined)?.toBigInt();
      return b !== undefined && b < 10n * UNIT ? b : undefined;
    }, 'dave to be slashed', 60_000);
    expect(bond).toBe(9n * UNIT); // slash_ppm 10%
    const wrong = (await api.query.attribution.attestations(inference, dave.address)).unwrap();
    expect(wrong.resultHash.toHex()).not.toBe(hash);
  });

  it('with a validator down, the other three reach the quorum and settle', async () => {
    await net.node('dave').stop('SIGKILL');
    const { inference, hash } = await paidInference();
    const inf = await settled(api, inference);
    expect(inf.settlement.unwrap().fallback.isTrue).toBe(false);
    const attesters = (await api.query.attribution.attesters(inference)).map((a) => a.toString());
    expect(attesters.sort()).toEqual([alice, bob, charlie].map((k) => k.address).sort());
    expect((await api.query.attribution.results(inference)).unwrap().resultHash.unwrap().toHex()).toBe(hash);
  });
});
