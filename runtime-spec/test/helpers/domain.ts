// Story-building steps for the domain pallet tests: datanets with reviewed contributions,
// published versions, models and paid inferences, with the dev accounts.
import { blake2_256, text } from '../../src/crypto.ts';
import { chunksRoot } from '../../src/merkle.ts';
import { evidenceRoot, paramsHash, resultHash, type AttributionEntry } from '../../src/attribution-result.ts';
import { dev, type TestChain } from './chain.ts';

export const UNIT = 10n ** 12n;
export const [alice, bob, charlie, dave, eve, ferdie] = ['alice', 'bob', 'charlie', 'dave', 'eve', 'ferdie'].map(dev);

const unit = <T extends string>(tag: T) => ({ tag, value: undefined });

export function createDatanet(c: TestChain, owner: Uint8Array, over: Record<string, unknown> = {}): number {
  const ev = c.ok(owner, 'Datanets', 'create', {
    name: text('Medical Q&A'), metadata: text('{"description":"clinical questions"}'), tags: [text('medical')], kind: unit('Text'),
    license: text('CC-BY-4.0'), policy: unit('Open'), contribution_deposit: UNIT, ...over,
  });
  return ev.find((e) => e.name === 'Datanets.DatanetCreated')!.value.datanet;
}

export function contribute(c: TestChain, who: Uint8Array, datanet: number, content: string | Uint8Array): bigint {
  const bytes = typeof content === 'string' ? text(content) : content;
  const ev = c.ok(who, 'Datanets', 'contribute', {
    datanet, content_hash: blake2_256(bytes), size: bytes.length, chunks_root: chunksRoot(bytes), metadata: text('{"title":"doc"}'), license: text('CC0'),
  });
  return ev.find((e) => e.name === 'Datanets.ContributionSubmitted')!.value.contribution;
}

export const accept = (c: TestChain, curator: Uint8Array, id: bigint, quality = 80) =>
  c.ok(curator, 'Datanets', 'review', { contribution: id, decision: { tag: 'Accept', value: { quality } } });
export const reject = (c: TestChain, curator: Uint8Array, id: bigint, reason = 1) =>
  c.ok(curator, 'Datanets', 'review', { contribution: id, decision: { tag: 'Reject', value: { reason } } });

export function publish(c: TestChain, who: Uint8Array, datanet: number): number {
  return c.ok(who, 'Datanets', 'publish_version', { datanet }).find((e) => e.name === 'Datanets.VersionPublished')!.value.version;
}

export const SPLIT = { developer_ppm: 500_000, contributors_ppm: 400_000, protocol_ppm: 100_000 };
export const PRICING = { base_fee: 2n * UNIT, per_token_fee: UNIT / 100n };

export function registerModel(c: TestChain, developer: Uint8Array, sets: { datanet: number; version: number }[], over: Record<string, unknown> = {}): number {
  const ev = c.ok(developer, 'Models', 'register_model', {
    name: text('medqa-slm'), metadata: text('{}'), kind: unit('InfiniGramV1'), training_set: sets, manifest_hash: blake2_256(text('manifest')),
    pricing: PRICING, split: SPLIT, operators: [], ...over,
  });
  return ev.find((e) => e.name === 'Models.ModelRegistered')!.value.model;
}

export function requestInference(c: TestChain, consumer: Uint8Array, model: number, maxFee: bigint): bigint {
  const ev = c.ok(consumer, 'Models', 'request_inference', { model, input_hash: blake2_256(text('prompt')), max_fee: maxFee });
  return ev.find((e) => e.name === 'Models.InferenceRequested')!.value.inference;
}

export const submitOutput = (c: TestChain, operator: Uint8Array, inference: bigint, tokensOut: number) =>
  c.ok(operator, 'Models', 'submit_output', { inference, output_hash: blake2_256(text('output')), tokens_in: 5, tokens_out: tokensOut });

export const PARAMS_HASH = paramsHash({ tokenizer: 1, min_span: 4, density_ppm: 50_000, max_entries: 32 });

/** An attestation's arguments for the given entries (evidence: one span per entry). */
export function attestation(inference: bigint, entries: AttributionEntry[]) {
  const evidence_root = evidenceRoot(entries.map((e, i) => ({ output_offset: i * 4, length: 4, contributions: [e.contribution] })));
  const r = { algorithm: 1, params_hash: PARAMS_HASH, entries, evidence_root };
  return { inference, ...r, result_hash: resultHash(r) };
}

/** The invariants every domain test checks after each step. */
export function invariants(c: TestChain): void {
  const issuance = c.totalIssuance();
  const sum = c.sumOfAccounts();
  if (issuance !== sum) throw new Error(`total issuance ${issuance} != sum of accounts ${sum}`);
}
