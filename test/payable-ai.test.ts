// The Payable AI loop across real processes: contribution bytes go to a node's content store and
// replicate to the others, an inference output is uploaded and recorded, every validator's attestor
// worker recomputes the attribution from its own store and attests, and the chain settles.
import { attribute, generate } from '@slmnet/attribution';
import {
  connect, contentRef, cryptoReady, devAccount, downloadContent, requestInference, submitOutput, uploadContent, type ApiPromise, type KeyringPair,
} from '@slmnet/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNetwork, type TestNetwork } from './helpers/network.ts';
import { rpc, waitFor } from './helpers/node.ts';
import { DOCS, expectedSplit, INSULIN_PROMPT, settled, setUpModel, UNIT, type PayableSetup } from './helpers/payable.ts';

let net: TestNetwork;
let api: ApiPromise;
let alice: KeyringPair, bob: KeyringPair, charlie: KeyringPair, dave: KeyringPair, eve: KeyringPair, ferdie: KeyringPair;
const contributors: KeyringPair[] = [];
let setup: PayableSetup;

beforeAll(async () => {
  await cryptoReady();
  net = await startNetwork({ nodes: ['alice', 'bob', 'charlie'], validators: ['alice', 'bob', 'charlie'] });
  api = await connect(net.node('alice').url);
  [alice, bob, charlie, dave, eve, ferdie] = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map(devAccount);
  contributors.push(bob, charlie, dave);
}, 120_000);

afterAll(async () => {
  await api?.disconnect();
  await net?.stop();
});

const has = async (node: string, hash: string) => (await rpc(net.node(node).httpUrl, 'content_has', [hash])).result === true;
const free = async (who: KeyringPair) => (await api.query.system.account(who.address)).data.free.toBigInt();
const pending = async (who: KeyringPair) => (await api.query.models.pendingRewards(who.address)).toBigInt();

describe('Payable AI across a 3-validator network', () => {
  it('uploaded contributions replicate to every validator once accepted', async () => {
    const unaccepted = await uploadContent(net.node('alice').url, 'bytes nobody contributes');
    expect(unaccepted.stored).toBe(true);
    setup = await setUpModel(api, { uploadTo: net.node('alice').url, owner: alice, contributors, developer: eve, operator: ferdie });
    for (const node of ['bob', 'charlie']) {
      for (const d of DOCS) {
        const hash = (await uploadContent(net.node('alice').url, d)).hash;
        await waitFor(async () => ((await has(node, hash)) ? true : undefined), `${node} to replicate ${hash}`, 60_000);
        expect(new TextDecoder().decode(await downloadContent(net.node(node).url, hash))).toBe(d);
      }
      // bytes that were never accepted stay where they were uploaded
      expect(await has(node, unaccepted.hash)).toBe(false);
    }
  });

  it('an output reusing one passage: all three validators attest the same hash; its contributor gets the largest share', async () => {
    const { model, index, ids } = setup;
    const { inference } = await requestInference({ api, signer: ferdie }, model, INSULIN_PROMPT, 10n * UNIT);
    const g = generate(index, { prompt: INSULIN_PROMPT, seed: inference, maxTokens: 24 });
    expect(g.tokensOut).toBeGreaterThan(0);
    await uploadContent(net.node('bob').url, g.text);
    const eve0 = await free(eve);
    const pending0 = await Promise.all(contributors.map(pending));
    const { fee } = await submitOutput({ api, signer: ferdie }, inference, { output: g.text, tokensIn: g.tokensIn, tokensOut: g.tokensOut });

    const inf = await settled(api, inference);
    const expected = attribute(index, g.text);
    const attestations = await Promise.all([alice, bob, charlie].map(async (v) => (await api.query.attribution.attestations(inference, v.address)).unwrapOr(undefined)));
    const attested = attestations.filter((a) => a !== undefined).map((a) => a!.resultHash.toHex());
    const hash = `0x${Buffer.from(expected.resultHash).toString('hex')}`;
    expect(attested.length).toBeGreaterThanOrEqual(2); // the quorum (an agreeing attestation after it is refused)
    expect(new Set(attested)).toEqual(new Set([hash]));
    // every validator's worker computed and signed that same hash
    for (const v of net.nodes) {
      await waitFor(() => (v.logs().includes(`Attested inference #${inference}: `) ? true : undefined), `${v.name} to attest`, 30_000);
      expect(v.logs()).toContain(`result ${hash}`);
    }

    const s = inf.settlement.unwrap();
    expect(s.fallback.isTrue).toBe(false);
    // contributors: ⌊C × w⌋ per attributed entry, the unattributed ppm by bytes (the chain's rule, recomputed here)
    const split = expectedSplit(fee, ids, expected.result.entries);
    expect(s.developer.toBigInt()).toBe(split.developer);
    expect(await free(eve) - eve0).toBe(split.developer);
    const gained = (await Promise.all(contributors.map(pending))).map((p, i) => p - pending0[i]);
    expect(gained).toEqual(split.shares);
    expect(s.contributors.toBigInt()).toBe(split.contributors);
    expect(s.protocol.toBigInt()).toBe(split.protocol);
    // the insulin passage is charlie's (contribution 1): the largest share
    expect(gained[1]).toBeGreaterThan(gained[0]);
    expect(gained[1]).toBeGreaterThan(gained[2]);
    expect((await api.query.attribution.results(inference)).unwrap().status.isFinal).toBe(true);
  });

  it('an output on unrelated text settles by the fallback split (by accepted bytes)', async () => {
    const text = 'Quarterly revenue rose while shipping costs fell across every region.';
    const { inference } = await requestInference({ api, signer: ferdie }, setup.model, text, 10n * UNIT);
    await uploadContent(net.node('charlie').url, text);
    const pending0 = await Promise.all(contributors.map(pending));
    const { fee } = await submitOutput({ api, signer: ferdie }, inference, { output: text, tokensIn: 10, tokensOut: 10 });
    const s = (await settled(api, inference)).settlement.unwrap();
    expect(s.fallback.isTrue).toBe(true);
    const gained = (await Promise.all(contributors.map(pending))).map((p, i) => p - pending0[i]);
    expect(gained).toEqual(expectedSplit(fee, setup.ids).shares);
    const result = (await api.query.attribution.results(inference)).unwrap();
    expect(result.entries_.length).toBe(0); // (`entries` would be Map.entries)
    expect(result.status.isFinal).toBe(true); // the validators agreed that nothing was reused
  });

  it('a node that joins later obtains the accepted contributions and the outputs from its peers', async () => {
    const late = await net.addNode('dave');
    const inferences = (await api.query.models.inferences.entries()).map(([, i]) => i.unwrap().outputHash.unwrap().toHex());
    const wanted = [...DOCS.map((d) => contentRef(d).hash), ...inferences];
    for (const hash of wanted) {
      await waitFor(async () => ((await has('dave', hash)) ? true : undefined), `the late node to fetch ${hash}`, 90_000);
    }
    const stats = (await rpc(late.httpUrl, 'content_stats')).result;
    expect(stats).toMatchObject({ blobs: wanted.length, missing: 0 });
    expect(new TextDecoder().decode(await downloadContent(late.url, contentRef(DOCS[2]).hash))).toBe(DOCS[2]);
  });
});
