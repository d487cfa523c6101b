// Shared set-up of the Payable AI end-to-end tests: a datanet of three uploaded, accepted documents,
// a published version and a reference-SLM model on it; plus waiting for a settlement.
import { buildIndex, type CorpusIndex } from '@slmnet/attribution';
import {
  contribute, createDatanet, publishVersion, registerModel, review, type ApiPromise, type KeyringPair,
} from '@slmnet/client';
import { waitFor } from './node.ts';

export const UNIT = 10n ** 12n;
export const DOCS = [
  'The heart pumps blood through two circuits: the pulmonary circuit carries blood to the lungs to pick up oxygen, and the systemic circuit delivers oxygenated blood to every organ of the body.',
  'Insulin is a hormone made by the beta cells of the pancreas. It lets cells take up glucose from the blood, and a lack of insulin leads to type 1 diabetes.',
  'Antibiotics kill bacteria or stop them from growing, but they do nothing against viruses, so they do not cure the common cold or influenza.',
];
/** A prompt that starts DOCS[1]: the reference SLM continues it with that passage. */
export const INSULIN_PROMPT = 'Insulin is a hormone made by the beta cells';
export const SPLIT = { developerPpm: 200_000, contributorsPpm: 700_000, protocolPpm: 100_000 };
export const PRICING = { baseFee: UNIT, perTokenFee: UNIT / 100n };

export interface PayableSetup { datanet: number; ids: bigint[]; model: number; index: CorpusIndex }

/**
 * `owner` creates the datanet, reviews and publishes; `contributors[i]` contributes DOCS[i], uploading
 * it to the node at `uploadTo`; `developer` registers the model with `operator` allowed to submit outputs.
 */
export async function setUpModel(api: ApiPromise, o: {
  uploadTo: string; owner: KeyringPair; contributors: KeyringPair[]; developer: KeyringPair; operator: KeyringPair;
}): Promise<PayableSetup> {
  const { datanet } = await createDatanet({ api, signer: o.owner }, { name: 'Physiology notes', deposit: UNIT });
  const ids: bigint[] = [];
  for (let i = 0; i < DOCS.length; i++) {
    // the SDK uploads the bytes to that node's content store, then submits the extrinsic
    ids.push((await contribute({ api, signer: o.contributors[i] }, { datanet, content: DOCS[i], upload: o.uploadTo })).contribution);
  }
  for (const id of ids) await review({ api, signer: o.owner }, id, { accept: 90 });
  await publishVersion({ api, signer: o.owner }, datanet);
  const { model } = await registerModel({ api, signer: o.developer }, {
    name: 'physio-slm', trainingSet: [{ datanet, version: 1 }], pricing: PRICING, split: SPLIT, operators: [o.operator.address],
  });
  return { datanet, ids, model, index: buildIndex(DOCS.map((content, i) => ({ id: ids[i], content }))) };
}

/** Waits until the inference is settled; returns its on-chain record. */
export async function settled(api: ApiPromise, inference: bigint) {
  return waitFor(async () => {
    const i = (await api.query.models.inferences(inference)).unwrap();
    return i.status.isSettled ? i : undefined;
  }, `inference #${inference} to settle`, 90_000, 500);
}

const DOC_BYTES = DOCS.map((d) => BigInt(Buffer.byteLength(d)));
const TOTAL_BYTES = DOC_BYTES.reduce((a, b) => a + b, 0n);

/**
 * The chain's settlement rule recomputed for a fee on the DOCS model: developer ⌊fee × d⌋; contribution
 * `ids[i]` gets ⌊C × w⌋ for its attributed weight plus its bytes' part of the unattributed ppm (all of
 * C when `entries` is empty: the fallback split); the protocol gets the rest.
 */
export function expectedSplit(fee: bigint, ids: bigint[], entries: { contribution: bigint; weight_ppm: number }[] = []) {
  const developer = (fee * BigInt(SPLIT.developerPpm)) / 1_000_000n;
  const C = (fee * BigInt(SPLIT.contributorsPpm)) / 1_000_000n;
  const attributed = entries.reduce((a, e) => a + e.weight_ppm, 0);
  const rest = (C * BigInt(1_000_000 - attributed)) / 1_000_000n;
  const shares = ids.map((id, i) => {
    const e = entries.find((x) => x.contribution === id);
    return (e ? (C * BigInt(e.weight_ppm)) / 1_000_000n : 0n) + (rest * DOC_BYTES[i]) / TOTAL_BYTES;
  });
  const contributors = shares.reduce((a, b) => a + b, 0n);
  return { developer, shares, contributors, protocol: fee - developer - contributors };
}
