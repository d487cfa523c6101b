// `slmnet demo seed`: plays the demo story (story.ts) on a running network. Every phase first reads
// what exists and only submits what is missing, so a second run adds nothing. Independent signers
// submit in parallel and one signer's calls go in one utility.batchAll, so each phase costs ~1 block.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { ContentRef, KeyringPair, NodeKey, Tx, TxResult } from '@slmnet/client';
import {
  attestTx, contentRef, contributeTx, createDatanetTx, devAccount, fromUri, heartbeatTx, nodeKeyFromSeed, peerIdOf,
  publishVersionTx, registerModelTx, registerNodeTx, requestInferenceTx, reviewTx, submit, submitOutputTx, transferTx, uploadContent,
} from '@slmnet/client';
import { attribute, buildIndex, generate, type CorpusIndex } from '@slmnet/attribution';
import { cryptoReady, toHex } from '@slmnet/runtime-spec';
import type { Session } from '../session.ts';
import {
  ATTESTOR_BOND, CONSUMERS, CONTRIBUTORS, DATANETS, FUNDING, MAX_TOKENS, MODELS, NODE_OPERATORS, NODES, type DatanetPlan, type ModelPlan,
} from './story.ts';

export const CONTENT_DIR = resolve(import.meta.dirname, '../../demo/content');

export interface SeedReport {
  ms: number;
  added: Record<string, number>;
  datanets: number[];
  models: number[];
  inferences: string[];
  nodes: number[];
}

interface Doc extends ContentRef { plan: DatanetPlan; file: string; title: string; bytes: Uint8Array; contributor: number }

/** Demo accounts are hard derivations of the dev phrase: anyone can re-derive them, nobody should hold value in them. */
const demoKey = (path: string): KeyringPair => fromUri(`//slmnet-demo//${path}`);

function loadDocs(root: string): Doc[] {
  let n = 0;
  return DATANETS.flatMap((plan) => readdirSync(join(root, plan.dir)).filter((f) => !f.startsWith('.')).sort().map((file) => {
    const bytes = new Uint8Array(readFileSync(join(root, plan.dir, file)));
    const ref = contentRef(bytes);
    return { plan, file, title: file.slice(0, -extname(file).length), bytes, ...ref, contributor: n++ % CONTRIBUTORS };
  }));
}

export async function seed(s: Session, opts: { contentDir?: string } = {}): Promise<SeedReport> {
  const t0 = Date.now();
  await cryptoReady();
  const funder = s.opts.suri || s.opts.keyfile ? await s.signer() : devAccount('Alice');
  const validator = devAccount('Alice');
  const api = await s.api();
  const docs = loadDocs(opts.contentDir ?? CONTENT_DIR);

  const curators = Object.fromEntries(DATANETS.map((d) => [d.key, demoKey(`curator//${d.key}`)]));
  const contributors = Array.from({ length: CONTRIBUTORS }, (_, i) => demoKey(`contributor//${i}`));
  const developers = Object.fromEntries([...new Set(MODELS.map((m) => m.developer))].map((d) => [d, demoKey(`developer//${d}`)]));
  const operator = demoKey('operator');
  const consumers = Array.from({ length: CONSUMERS }, (_, i) => demoKey(`consumer//${i}`));
  const nodeOperators = Array.from({ length: NODE_OPERATORS }, (_, i) => demoKey(`node-operator//${i}`));
  const attestor = demoKey('attestor');
  const nodeKeys: NodeKey[] = NODES.map((_, i) => nodeKeyFromSeed(`slmnet-demo node ${i}`));

  const added: Record<string, number> = {};
  const add = (k: string, n: number) => { added[k] = (added[k] ?? 0) + n; };
  const PHASES = ['fund', 'datanets, nodes, attestor', 'contributions', 'reviews', 'versions', 'models, heartbeats', 'inference requests', 'outputs', 'attestations', 'claims'];
  const bar = !s.json && !s.opts.quiet && process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: 'seeding [{bar}] {value}/{total} {phase}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
    : undefined;
  bar?.start(PHASES.length, 0, { phase: PHASES[0] });
  let phase = 0;
  const step = () => {
    phase++;
    if (bar) bar.update(phase, { phase: PHASES[phase] ?? 'done' });
    else s.progress(`seed: ${PHASES[phase - 1]} done (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  };

  // a batch must fit in one block: split a signer's calls by their weight (attestations are heavy)
  const maxWeight = api.consts.system.blockWeights.perClass.normal.maxExtrinsic.unwrap().refTime.toBigInt();
  const chunks = async (signer: KeyringPair, txs: Tx[]): Promise<Tx[][]> => {
    const w = (await txs[0].paymentInfo(signer)).weight.refTime.toBigInt();
    const per = Math.max(1, Number((maxWeight * 8n) / 10n / (w > 0n ? w : 1n)));
    return Array.from({ length: Math.ceil(txs.length / per) }, (_, i) => txs.slice(i * per, (i + 1) * per));
  };
  /** One transaction per signer (a batchAll when it has several calls; several if they exceed a block), all signers in parallel. */
  const sendAll = async (bySigner: Map<KeyringPair, Tx[]>, batch: 'batchAll' | 'forceBatch' = 'batchAll'): Promise<TxResult[]> =>
    (await Promise.all([...bySigner].filter(([, txs]) => txs.length > 0).map(async ([signer, txs]) => {
      const parts = await chunks(signer, txs);
      const nonce = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
      return Promise.all(parts.map((p, i) => submit(api, p.length === 1 && batch === 'batchAll' ? p[0] : api.tx.utility[batch](p), signer, { wait: s.wait, nonce: nonce + i })));
    }))).flat();
  const group = () => {
    const m = new Map<KeyringPair, Tx[]>();
    return { m, push: (k: KeyringPair, tx: Tx) => { if (!m.has(k)) m.set(k, []); m.get(k)!.push(tx); } };
  };

  try {
    // 1. funding: one batch from the funder for every demo account below half its target
    const targets: [KeyringPair, bigint][] = [
      ...Object.values(curators).map((k) => [k, FUNDING.curator] as [KeyringPair, bigint]),
      ...contributors.map((k) => [k, FUNDING.contributor] as [KeyringPair, bigint]),
      ...Object.values(developers).map((k) => [k, FUNDING.developer] as [KeyringPair, bigint]),
      [operator, FUNDING.operator], ...consumers.map((k) => [k, FUNDING.consumer] as [KeyringPair, bigint]),
      ...nodeOperators.map((k) => [k, FUNDING.nodeOperator] as [KeyringPair, bigint]), [attestor, FUNDING.attestor],
    ];
    const accounts = await api.query.system.account.multi(targets.map(([k]) => k.address));
    const transfers = targets.filter(([, want], i) => accounts[i].data.free.toBigInt() + accounts[i].data.reserved.toBigInt() < want / 2n)
      .map(([k, want]) => transferTx(api, k.address, want));
    if (transfers.length) await sendAll(new Map([[funder, transfers]]));
    add('funded', transfers.length);
    step();

    // 2. datanets (by owner and name), nodes (by peer id), the bonded attestor
    const findDatanets = async () => {
      const all = await api.query.datanets.datanets.entries();
      const ids: Record<string, number> = {};
      for (const [k, v] of all) {
        const info = v.unwrap();
        const plan = DATANETS.find((d) => info.owner.toString() === curators[d.key].address && info.name.toUtf8() === d.name);
        if (plan && ids[plan.key] === undefined) ids[plan.key] = k.args[0].toNumber();
      }
      return ids;
    };
    let datanetIds = await findDatanets();
    const g2 = group();
    for (const d of DATANETS) {
      if (datanetIds[d.key] !== undefined) continue;
      g2.push(curators[d.key], createDatanetTx(api, { name: d.name, metadata: JSON.stringify({ description: d.description }), tags: d.tags, kind: d.kind, license: d.license, policy: 'Open', deposit: d.deposit }));
      add('datanets', 1);
    }
    const nodeIds = await Promise.all(nodeKeys.map(async (k) => {
      const id = await api.query.nodeRewards.nodeByPeerId(toHex(peerIdOf(k.publicKey)));
      return id.isSome ? id.unwrap().toNumber() : undefined;
    }));
    const minNodeBond = (await api.query.nodeRewards.params()).minBond.toBigInt();
    NODES.forEach((n, i) => {
      if (nodeIds[i] !== undefined) return;
      const op = nodeOperators[n.operator];
      g2.push(op, registerNodeTx(api, op.address, n.kind, nodeKeys[i], minNodeBond));
      add('nodes', 1);
    });
    if ((await api.query.attribution.bonded(attestor.address)).isNone) {
      g2.push(attestor, api.tx.attribution.bond(ATTESTOR_BOND));
      add('attestorBonds', 1);
    }
    await sendAll(g2.m);
    datanetIds = await findDatanets();
    step();

    // 3. contributions: one batch per contributor; a document exists when its hash is in the datanet from that contributor
    const existing = new Map<string, { id: bigint; status: string }>();
    const loadContributions = async () => {
      existing.clear();
      for (const [k, v] of await api.query.datanets.contributions.entries()) {
        const c = v.unwrap();
        existing.set(`${c.datanet.toNumber()}:${c.contentHash.toHex()}:${c.contributor.toString()}`, { id: k.args[0].toBigInt(), status: c.status.type });
      }
    };
    const keyOf = (d: Doc) => `${datanetIds[d.plan.key]}:${d.hash}:${contributors[d.contributor].address}`;
    await loadContributions();
    // the bytes go to the node's content store (as `slmnet contribute` does): attestors, storage challenges and the explorer read them
    const upload = async (bytes: Uint8Array | string) => { if ((await uploadContent(s.opts.url, bytes)).stored) add('uploads', 1); };
    for (const d of docs) await upload(d.bytes);
    const g3 = group();
    for (const d of docs) {
      if (existing.has(keyOf(d))) continue;
      g3.push(contributors[d.contributor], contributeTx(api, { datanet: datanetIds[d.plan.key], content: { hash: d.hash, size: d.size, chunksRoot: d.chunksRoot }, metadata: JSON.stringify({ title: d.title, mime: d.plan.mime }), license: 'CC0-1.0' }));
      add('contributions', 1);
    }
    await sendAll(g3.m);
    await loadContributions();
    step();

    // 4. reviews by each datanet's curator: the plan's rejects are rejected, the rest accepted with a quality score
    const g4 = group();
    for (const d of docs) {
      const c = existing.get(keyOf(d));
      if (!c || c.status !== 'Pending') continue;
      const reason = d.plan.rejects[d.title];
      const quality = 60 + (parseInt(d.hash.slice(2, 6), 16) % 41);
      g4.push(curators[d.plan.key], reviewTx(api, c.id, reason !== undefined ? { reject: reason } : { accept: quality }));
      add(reason !== undefined ? 'rejected' : 'accepted', 1);
    }
    await sendAll(g4.m);
    step();

    // 5. versions: publish when the accepted set differs from the latest version's
    const g5 = group();
    for (const d of DATANETS) {
      const id = datanetIds[d.key];
      const [info, accepted] = await Promise.all([api.query.datanets.datanets(id), api.query.datanets.acceptedIds(id)]);
      const latest = info.unwrap().latestVersion.toNumber();
      const published = latest > 0 ? (await api.query.datanets.versionContributions(id, latest)).map((x) => x.toString()).join() : undefined;
      if (accepted.length > 0 && published !== accepted.map((x) => x.toString()).join()) {
        g5.push(curators[d.key], publishVersionTx(api, id));
        add('versions', 1);
      }
    }
    await sendAll(g5.m);
    step();

    // 6. models on the latest versions (by developer and name); first heartbeat of nodes that never sent one
    const findModels = async () => {
      const ids: Record<string, number> = {};
      for (const [k, v] of await api.query.models.models.entries()) {
        const info = v.unwrap();
        const plan = MODELS.find((m) => info.developer.toString() === developers[m.developer].address && info.name.toUtf8() === m.name);
        if (plan && ids[plan.name] === undefined) ids[plan.name] = k.args[0].toNumber();
      }
      return ids;
    };
    let modelIds = await findModels();
    const g6 = group();
    for (const m of MODELS) {
      if (modelIds[m.name] !== undefined) continue;
      const trainingSet = await Promise.all(m.datanets.map(async (k) => ({ datanet: datanetIds[k], version: (await api.query.datanets.datanets(datanetIds[k])).unwrap().latestVersion.toNumber() })));
      g6.push(developers[m.developer], registerModelTx(api, {
        name: m.name, metadata: JSON.stringify({ description: m.description, slm: 'infini-gram-v1', maxTokens: MAX_TOKENS }), kind: 'InfiniGramV1', trainingSet,
        manifest: JSON.stringify({ slm: 'infini-gram-v1', trainingSet }), pricing: { baseFee: m.baseFee, perTokenFee: m.perTokenFee }, split: m.split, operators: [operator.address],
      }));
      add('models', 1);
    }
    const registered = await Promise.all(nodeKeys.map(async (k) => (await api.query.nodeRewards.nodeByPeerId(toHex(peerIdOf(k.publicKey)))).unwrap().toNumber()));
    const infos = await Promise.all(registered.map((id) => api.query.nodeRewards.nodes(id)));
    for (const [i, info] of infos.entries()) {
      if (info.isNone || info.unwrap().lastHeartbeat.isSome) continue;
      g6.push(nodeOperators[NODES[i].operator], await heartbeatTx(api, registered[i], nodeKeys[i]));
      add('heartbeats', 1);
    }
    await sendAll(g6.m);
    modelIds = await findModels();
    step();

    // 7. inference requests: (model, consumer, prompt hash) identifies one
    interface Planned { model: ModelPlan; prompt: string; consumer: KeyringPair; inputHash: string }
    const planned: Planned[] = MODELS.flatMap((m, mi) => m.prompts.map((prompt, pi) => ({
      model: m, prompt, consumer: consumers[(mi * 3 + pi) % CONSUMERS], inputHash: contentRef(prompt).hash,
    })));
    const findInferences = async () => {
      const found = new Map<Planned, { id: bigint; status: string }>();
      for (const [k, v] of await api.query.models.inferences.entries()) {
        const inf = v.unwrap();
        const p = planned.find((x) => modelIds[x.model.name] === inf.model.toNumber() && inf.consumer.toString() === x.consumer.address && inf.inputHash.toHex() === x.inputHash);
        if (p && !found.has(p)) found.set(p, { id: k.args[0].toBigInt(), status: inf.status.type });
      }
      return found;
    };
    let inferences = await findInferences();
    const g7 = group();
    for (const p of planned) {
      if (inferences.has(p)) continue;
      const id = modelIds[p.model.name];
      const quote = (await api.call.modelsApi.quote(id, MAX_TOKENS)).unwrap().toBigInt();
      g7.push(p.consumer, requestInferenceTx(api, id, p.prompt, quote));
      add('inferences', 1);
    }
    await sendAll(g7.m);
    inferences = await findInferences();
    step();

    // 8. outputs: the reference SLM over the model's training contributions, seeded by the inference id
    const byHash = new Map(docs.map((d) => [d.hash, d]));
    const indexes = new Map<number, CorpusIndex>();
    const indexOf = async (model: number) => {
      let idx = indexes.get(model);
      if (!idx) {
        const items = await api.query.models.trainingContributions(model);
        const contents = await api.query.datanets.contributions.multi(items.map((it) => it.contribution));
        const corpus = contents.flatMap((c, i) => {
          const doc = c.isSome ? byHash.get(c.unwrap().contentHash.toHex()) : undefined;
          return doc ? [{ id: items[i].contribution.toBigInt(), content: doc.bytes }] : [];
        });
        idx = buildIndex(corpus);
        indexes.set(model, idx);
      }
      return idx;
    };
    const outputOf = async (p: Planned, id: bigint) => {
      const g = generate(await indexOf(modelIds[p.model.name]), { prompt: p.prompt, seed: id, maxTokens: MAX_TOKENS });
      // an output must have a token to be attributable: an immediate end of document echoes the prompt
      return g.tokensOut > 0 ? g : { ...g, text: p.prompt, tokensOut: g.tokensIn };
    };
    const g8 = group();
    for (const [p, inf] of inferences) {
      if (inf.status !== 'Requested') continue;
      const g = await outputOf(p, inf.id);
      g8.push(operator, submitOutputTx(api, inf.id, { output: g.text, tokensIn: g.tokensIn, tokensOut: g.tokensOut }));
      add('outputs', 1);
    }
    await sendAll(g8.m);
    inferences = await findInferences();
    // prompts and outputs to the content store too, under the inference's input and output hashes
    for (const [p, inf] of inferences) {
      await upload(p.prompt);
      if (inf.status !== 'Requested' && inf.status !== 'Refunded') await upload((await outputOf(p, inf.id)).text);
    }
    step();

    // 9. attestations: the attribution engine's result over the same corpus and output, by every attestor whose key we hold
    const known = new Map<string, KeyringPair>([validator, attestor, ...['Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map(devAccount)].map((k) => [k.address, k]));
    const attestors = (await api.call.attributionApi.attestors()).map((a) => a.toString()).filter((a) => known.has(a));
    inferences = await findInferences();
    const g9 = group();
    for (const [p, inf] of inferences) {
      if (inf.status !== 'OutputSubmitted') continue;
      const g = await outputOf(p, inf.id);
      const a = attribute(await indexOf(modelIds[p.model.name]), g.text);
      const att = {
        algorithm: a.result.algorithm, paramsHash: toHex(a.paramsHash), resultHash: toHex(a.resultHash), evidenceRoot: toHex(a.evidenceRoot),
        entries: a.result.entries.map((e) => ({ contribution: e.contribution, weightPpm: e.weight_ppm })),
      };
      for (const who of attestors) {
        if ((await api.query.attribution.attestations(inf.id, who)).isSome) continue;
        g9.push(known.get(who)!, attestTx(api, inf.id, att));
        add('attestations', 1);
      }
    }
    // all attestors at once, each in forceBatch: an attestation arriving after the quorum (or after the
    // deadline's fallback settlement) fails alone instead of undoing the others
    await sendAll(g9.m, 'forceBatch');
    inferences = await findInferences();
    step();

    // 10. claims: every other contributor claims right away (the rest leave rewards pending, as in real life)
    const g10 = group();
    const pending = await Promise.all(contributors.map((c) => api.call.modelsApi.pendingRewards(c.address)));
    contributors.forEach((c, i) => {
      if (i % 2 === 0 && pending[i].toBigInt() > 0n) { g10.push(c, api.tx.models.claimRewards()); add('claims', 1); }
    });
    await sendAll(g10.m);
    step();

    return {
      ms: Date.now() - t0, added: Object.fromEntries(Object.entries(added).filter(([, n]) => n > 0)),
      datanets: DATANETS.map((d) => datanetIds[d.key]), models: MODELS.map((m) => modelIds[m.name]),
      inferences: [...inferences.values()].map((i) => i.id).sort((a, b) => (a < b ? -1 : 1)).map(String), nodes: [...registered].sort((a, b) => a - b),
    };
  } finally {
    bar?.stop();
  }
}

