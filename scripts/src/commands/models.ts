// Models, inferences, attestations and contributor rewards.
import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { attestTx, eventOf, eventsOf, hashOf, registerModelTx, requestInferenceTx, submitOutputTx, type Attestation } from '@slmnet/client';
import { action, type CliState } from '../command.ts';
import { UserError } from '../errors.ts';
import { addressArg, amountArg, choiceArg, hashArg, parseBigArg, parseIntArg, ppmArg } from '../parse.ts';

const mid = (s: string) => parseIntArg('model id', s, 2 ** 32 - 1);
const iid = (s: string) => parseBigArg('inference id', s);
const STATUSES = ['Active', 'Paused', 'Retired'] as const;

/** `500000,400000,100000` → developer, contributors, protocol ppm. */
function splitArg(s: string) {
  const parts = s.split(',');
  if (parts.length !== 3) throw new UserError(`bad --split "${s}": expected developer,contributors,protocol in ppm, e.g. 500000,400000,100000`);
  const [developerPpm, contributorsPpm, protocolPpm] = parts.map((p) => ppmArg('--split part', p.trim()));
  return { developerPpm, contributorsPpm, protocolPpm };
}

/** `0:1,2:3` → datanet 0 version 1, datanet 2 version 3. */
function trainingArg(s: string) {
  return s.split(',').map((p) => {
    const m = /^(\d+):(\d+)$/.exec(p.trim());
    if (!m) throw new UserError(`bad --training "${s}": expected datanet:version pairs, e.g. 0:1,2:1`);
    return { datanet: Number(m[1]), version: Number(m[2]) };
  });
}

/** A hash given as 0x…, or a file to hash, or text to hash. */
function hashOrContent(what: string, s: string): string {
  if (s.startsWith('0x')) return hashArg(what, s);
  return hashOf(existsSync(s) ? readFileSync(s) : s);
}

export function registerModels(program: Command, st: CliState): void {
  const m = program.command('model').description('models: register, price, operators, status, show, quote');
  m.command('register')
    .description('register a model trained on published datanet versions')
    .argument('<name>')
    .requiredOption('--training <datanet:version,…>', 'training set, e.g. 0:1,1:1')
    .requiredOption('--base-fee <amount>', 'fee per inference')
    .option('--per-token-fee <amount>', 'fee per output token', '0')
    .option('--split <dev,contributors,protocol>', 'fee split in ppm', '500000,400000,100000')
    .option('--kind <kind>', 'InfiniGramV1|External', 'InfiniGramV1')
    .option('--manifest <file|0xhash>', 'manifest file to hash, or its hash (default: hash of the name)')
    .option('--operators <a,b>', 'accounts allowed to submit outputs besides the developer')
    .option('--metadata <text>', 'metadata, usually JSON', '')
    .action(action(st, async (s, name: string, o: { training: string; baseFee: string; perTokenFee: string; split: string; kind: string; manifest?: string; operators?: string; metadata: string }) => {
      const args = {
        name, metadata: o.metadata, kind: choiceArg('--kind', o.kind, ['InfiniGramV1', 'External'] as const), trainingSet: trainingArg(o.training),
        manifest: o.manifest ? hashOrContent('--manifest', o.manifest) : undefined,
        pricing: { baseFee: amountArg(o.baseFee), perTokenFee: amountArg(o.perTokenFee) }, split: splitArg(o.split),
        operators: o.operators ? o.operators.split(',').map((a) => addressArg(a.trim())) : [],
      };
      await s.signer();
      const r = await s.send(registerModelTx(await s.api(), args));
      s.printTx(r, { model: eventOf(r, 'models', 'ModelRegistered').model });
    }));
  m.command('update-pricing').description('developer: change price and fee split').argument('<model>')
    .requiredOption('--base-fee <amount>').option('--per-token-fee <amount>', 'fee per output token', '0')
    .option('--split <dev,contributors,protocol>', 'fee split in ppm', '500000,400000,100000')
    .action(action(st, async (s, ms: string, o: { baseFee: string; perTokenFee: string; split: string }) => {
      const model = mid(ms);
      const pricing = { baseFee: amountArg(o.baseFee), perTokenFee: amountArg(o.perTokenFee) };
      const split = splitArg(o.split);
      await s.signer();
      s.printTx(await s.send((await s.api()).tx.models.updatePricing(model, pricing, split)), { model });
    }));
  m.command('set-operators').description('developer: set the accounts allowed to submit outputs').argument('<model>').argument('[operators...]')
    .action(action(st, async (s, ms: string, ops: string[]) => {
      const model = mid(ms);
      const operators = ops.map(addressArg);
      await s.signer();
      s.printTx(await s.send((await s.api()).tx.models.setOperators(model, operators)), { model, operators });
    }));
  m.command('set-status').description('developer: Active, Paused or Retired').argument('<model>').argument('<status>', STATUSES.join('|'))
    .action(action(st, async (s, ms: string, ss: string) => {
      const model = mid(ms);
      const status = choiceArg('status', ss, STATUSES);
      await s.signer();
      s.printTx(await s.send((await s.api()).tx.models.setStatus(model, status)), { model, status });
    }));
  m.command('show').description('a model').argument('<model>')
    .action(action(st, async (s, ms: string) => {
      const model = mid(ms);
      const v = await (await s.api()).query.models.models(model);
      if (v.isNone) throw new UserError(`no model ${model}`);
      s.print({ id: model, ...(v.unwrap().toPrimitive() as object) });
    }));
  m.command('list').description('all models')
    .action(action(st, async (s) => {
      const entries = await (await s.api()).query.models.models.entries();
      const rows = entries.map(([k, v]) => ({ id: k.args[0].toNumber(), ...(v.unwrap().toPrimitive() as object) })).sort((a, b) => a.id - b.id);
      s.print(s.json ? rows : rows.map((r) => `${r.id}\t${(r as { name?: string }).name}`).join('\n'));
    }));
  m.command('quote').description('fee of an inference with this many output tokens (runtime API ModelsApi.quote)').argument('<model>').argument('<tokens-out>')
    .action(action(st, async (s, ms: string, ts: string) => {
      const model = mid(ms);
      const tokens = parseIntArg('tokens-out', ts, 2 ** 32 - 1);
      const q = await (await s.api()).call.modelsApi.quote(model, tokens);
      if (q.isNone) throw new UserError(`no active model ${model}`);
      s.print(s.json ? { model, tokensOut: tokens, fee: q.unwrap().toString() } : q.unwrap().toString());
    }));

  const i = program.command('inference').description('inferences: request, submit output, show');
  i.command('request').description('consumer: request an inference, holding --max-fee until the output fixes the fee')
    .argument('<model>').argument('<prompt>', 'prompt text (hashed) or its 0x hash')
    .requiredOption('--max-fee <amount>')
    .action(action(st, async (s, ms: string, prompt: string, o: { maxFee: string }) => {
      const model = mid(ms);
      const maxFee = amountArg(o.maxFee);
      const input = prompt.startsWith('0x') ? hashArg('prompt hash', prompt) : prompt;
      await s.signer();
      const r = await s.send(requestInferenceTx(await s.api(), model, input, maxFee), maxFee);
      s.printTx(r, { inference: eventOf(r, 'models', 'InferenceRequested').inference });
    }));
  i.command('submit-output').description('operator: record the output of an inference (fee fixed, excess released)')
    .argument('<inference>').argument('<output>', 'output text or file (hashed), or its 0x hash')
    .requiredOption('--tokens-in <n>').requiredOption('--tokens-out <n>')
    .action(action(st, async (s, is: string, output: string, o: { tokensIn: string; tokensOut: string }) => {
      const inference = iid(is);
      const out = { output: hashOrContent('output', output), tokensIn: parseIntArg('--tokens-in', o.tokensIn, 2 ** 32 - 1), tokensOut: parseIntArg('--tokens-out', o.tokensOut, 2 ** 32 - 1) };
      await s.signer();
      const r = await s.send(submitOutputTx(await s.api(), inference, out));
      const e = eventOf(r, 'models', 'OutputSubmitted');
      s.printTx(r, { inference, fee: e.fee, refunded: e.refunded });
    }));
  i.command('show').description('an inference and its final attribution (runtime APIs ModelsApi.inference, AttributionApi.result)').argument('<inference>')
    .action(action(st, async (s, is: string) => {
      const inference = iid(is);
      const api = await s.api();
      const [v, res] = await Promise.all([api.call.modelsApi.inference(inference), api.call.attributionApi.result(inference)]);
      if (v.isNone) throw new UserError(`no inference ${inference}`);
      s.print({ id: inference, ...(v.unwrap().toPrimitive() as object), attribution: res.isSome ? res.unwrap().toPrimitive() : null });
    }));

  program.command('attest')
    .description('attestor: attest the attribution of an inference, from a result JSON or computed here from the corpus files and the output')
    .argument('<inference>')
    .option('--result <file>', 'JSON {algorithm, paramsHash, entries:[{contribution, weightPpm}], evidenceRoot, resultHash}')
    .option('--corpus <dir>', 'contribution files named <id>.txt or <id>-<title>.<ext> (the training set)')
    .option('--output <file|text>', 'the inference output (with --corpus)')
    .action(action(st, async (s, is: string, o: { result?: string; corpus?: string; output?: string }) => {
      const inference = iid(is);
      let a: Attestation;
      if (o.result) {
        let j: Attestation;
        try {
          j = JSON.parse(readFileSync(o.result, 'utf8')) as Attestation;
        } catch (e) {
          throw new UserError(`cannot read result ${o.result}: ${(e as Error).message}`);
        }
        a = { ...j, entries: j.entries.map((e) => ({ contribution: BigInt(e.contribution), weightPpm: Number(e.weightPpm) })) };
      } else if (o.corpus && o.output) {
        // loaded on demand: the engine and runtime-spec add a second to every other command's start-up
        const { attribute, buildIndex, readCorpusFiles } = await import('@slmnet/attribution');
        const { cryptoReady, toHex } = await import('@slmnet/runtime-spec');
        await cryptoReady();
        const output = existsSync(o.output) ? readFileSync(o.output, 'utf8') : o.output;
        const r = attribute(buildIndex(readCorpusFiles([o.corpus])), output);
        a = { algorithm: r.result.algorithm, paramsHash: toHex(r.paramsHash), resultHash: toHex(r.resultHash), evidenceRoot: toHex(r.evidenceRoot), entries: r.result.entries.map((e) => ({ contribution: e.contribution, weightPpm: e.weight_ppm })) };
      } else {
        throw new UserError('attest needs --result <file>, or --corpus <dir> with --output <file|text>');
      }
      await s.signer();
      const r = await s.send(attestTx(await s.api(), inference, a));
      const settled = eventsOf(r, 'models', 'InferenceSettled')[0];
      s.printTx(r, { inference, resultHash: a.resultHash, quorum: eventsOf(r, 'attribution', 'AttributionFinalized').length > 0, ...(settled ? { settled } : {}) });
    }));

  const at = program.command('attestor').description('attestors: bond, unbond, list');
  at.command('bond').description('become an attestor by holding a bond').argument('<amount>')
    .action(action(st, async (s, am: string) => {
      const amount = amountArg(am);
      await s.signer();
      s.printTx(await s.send((await s.api()).tx.attribution.bond(amount), amount), { amount: amount.toString() });
    }));
  at.command('unbond').description('leave the attestor set and release the bond')
    .action(action(st, async (s) => {
      await s.signer();
      s.printTx(await s.send((await s.api()).tx.attribution.unbond()));
    }));
  at.command('list').description('the attestor set: validators and bonded attestors (AttributionApi.attestors)')
    .action(action(st, async (s) => {
      const v = await (await s.api()).call.attributionApi.attestors();
      s.print(v.toPrimitive());
    }));

  const rw = program.command('rewards').description('rewards: pending (contributor and node), claim');
  rw.command('pending').description('claimable contributor rewards (ModelsApi) and node/author rewards (NodeRewardsApi) of an account')
    .argument('[who]', 'address (default: the signer)')
    .action(action(st, async (s, w?: string) => {
      const who = w ? addressArg(w) : (await s.signer()).address;
      const api = await s.api();
      const [contributor, node] = await Promise.all([api.call.modelsApi.pendingRewards(who), api.call.nodeRewardsApi.pendingRewards(who)]);
      s.print({ who, contributor: contributor.toString(), node: node.toString() });
    }));
  rw.command('claim').description('claim contributor rewards (Models.claim_rewards); node rewards: slmnet node claim')
    .action(action(st, async (s) => {
      await s.signer();
      const r = await s.send((await s.api()).tx.models.claimRewards());
      s.printTx(r, { amount: eventOf(r, 'models', 'RewardsClaimed').amount });
    }));
}
