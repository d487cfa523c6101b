// Datanets: one subcommand per extrinsic, plus show/list/version queries.
import { basename } from 'node:path';
import type { Command } from 'commander';
import { contributeTx, createDatanetTx, eventOf, eventsOf, publishVersionTx, reviewTx, uploadContent, type DataKind, type Policy } from '@slmnet/client';
import { hashFile } from '@slmnet/client/node';
import { action, type CliState } from '../command.ts';
import { UserError } from '../errors.ts';
import { addressArg, amountArg, choiceArg, parseBigArg, parseIntArg } from '../parse.ts';
import type { Session } from '../session.ts';

const KINDS: readonly DataKind[] = ['Text', 'Code', 'Image', 'Audio', 'Tabular', 'Other'];
const POLICIES: readonly Policy[] = ['Open', 'Permissioned'];
const tagsOf = (s?: string) => (s ? s.split(',').map((t) => t.trim()).filter(Boolean) : []);
const id = (s: string) => parseIntArg('datanet id', s, 2 ** 32 - 1);
const cid = (s: string) => parseBigArg('contribution id', s);

async function datanetInfo(s: Session, datanet: number) {
  const api = await s.api();
  const info = await api.call.datanetsApi.datanet(datanet);
  if (info.isNone) throw new UserError(`no datanet ${datanet}`);
  return info.unwrap();
}

export function registerDatanets(program: Command, st: CliState): void {
  const d = program.command('datanet').description('datanets: create, curate, publish versions, inspect');
  d.command('create')
    .description('create a datanet owned by the signer')
    .argument('<name>')
    .requiredOption('--deposit <amount>', 'deposit held from each contributor until review (1.5 or 1500000000000planck)')
    .option('--kind <kind>', KINDS.join('|'), 'Text')
    .option('--license <license>', 'license of the datanet, e.g. CC-BY-4.0', '')
    .option('--policy <policy>', POLICIES.join('|'), 'Open')
    .option('--tags <a,b>', 'comma-separated tags')
    .option('--metadata <text>', 'metadata, usually JSON', '')
    .action(action(st, async (s, name: string, o: { deposit: string; kind: string; license: string; policy: string; tags?: string; metadata: string }) => {
      const args = { name, deposit: amountArg(o.deposit), kind: choiceArg('--kind', o.kind, KINDS), policy: choiceArg('--policy', o.policy, POLICIES), license: o.license, tags: tagsOf(o.tags), metadata: o.metadata };
      await s.signer();
      const r = await s.send(createDatanetTx(await s.api(), args));
      s.printTx(r, { datanet: eventOf(r, 'datanets', 'DatanetCreated').datanet });
    }));
  d.command('update')
    .description('owner: replace metadata, tags, license or deposit (omitted ones keep their current value)')
    .argument('<datanet>')
    .option('--metadata <text>').option('--tags <a,b>').option('--license <license>').option('--deposit <amount>')
    .action(action(st, async (s, ds: string, o: { metadata?: string; tags?: string; license?: string; deposit?: string }) => {
      const datanet = id(ds);
      const deposit = o.deposit === undefined ? undefined : amountArg(o.deposit);
      await s.signer();
      const cur = await datanetInfo(s, datanet);
      const api = await s.api();
      const r = await s.send(api.tx.datanets.update(datanet, o.metadata ?? cur.metadata.toHex(), o.tags !== undefined ? tagsOf(o.tags) : cur.tags.map((t) => t.toHex()),
        o.license ?? cur.license.toHex(), deposit ?? cur.contributionDeposit.toBigInt()));
      s.printTx(r, { datanet });
    }));
  for (const [cmd, call, desc] of [['add-curator', 'addCurator', 'owner: add a curator'], ['remove-curator', 'removeCurator', 'owner: remove a curator']] as const) {
    d.command(cmd).description(desc).argument('<datanet>').argument('<curator>', 'address or //Name')
      .action(action(st, async (s, ds: string, who: string) => {
        const datanet = id(ds);
        const curator = addressArg(who);
        await s.signer();
        const api = await s.api();
        s.printTx(await s.send(api.tx.datanets[call](datanet, curator)), { datanet, curator });
      }));
  }
  d.command('set-policy').description('owner: Open or Permissioned').argument('<datanet>').argument('<policy>', POLICIES.join('|'))
    .action(action(st, async (s, ds: string, p: string) => {
      const datanet = id(ds);
      const policy = choiceArg('policy', p, POLICIES);
      await s.signer();
      s.printTx(await s.send((await s.api()).tx.datanets.setPolicy(datanet, policy)), { datanet, policy });
    }));
  d.command('allow').description('owner: add an account to the allow-list (--remove takes it off)').argument('<datanet>').argument('<who>')
    .option('--remove', 'remove from the allow-list')
    .action(action(st, async (s, ds: string, w: string, o: { remove?: boolean }) => {
      const datanet = id(ds);
      const who = addressArg(w);
      await s.signer();
      s.printTx(await s.send((await s.api()).tx.datanets.setAllowed(datanet, who, !o.remove)), { datanet, who, allowed: !o.remove });
    }));
  for (const [cmd, desc] of [['freeze', 'owner or root: stop new contributions'], ['thaw', 'owner or root: accept contributions again']] as const) {
    d.command(cmd).description(desc).argument('<datanet>')
      .action(action(st, async (s, ds: string) => {
        const datanet = id(ds);
        await s.signer();
        s.printTx(await s.send((await s.api()).tx.datanets[cmd](datanet)), { datanet });
      }));
  }
  d.command('publish').description('owner or curator: publish the next version (snapshot of accepted contributions)').argument('<datanet>')
    .action(action(st, async (s, ds: string) => {
      const datanet = id(ds);
      await s.signer();
      const r = await s.send(publishVersionTx(await s.api(), datanet));
      const e = eventOf(r, 'datanets', 'VersionPublished');
      s.printTx(r, { datanet, version: e.version, count: e.count, root: e.root });
    }));
  d.command('show').description('a datanet (runtime API DatanetsApi.datanet) with its curators').argument('<datanet>')
    .action(action(st, async (s, ds: string) => {
      const datanet = id(ds);
      const info = await datanetInfo(s, datanet);
      const curators = await (await s.api()).query.datanets.curators(datanet);
      s.print({ id: datanet, ...(info.toPrimitive() as object), curators: curators.toPrimitive() });
    }));
  d.command('list').description('all datanets')
    .action(action(st, async (s) => {
      const entries = await (await s.api()).query.datanets.datanets.entries();
      const rows = entries.map(([k, v]) => ({ id: k.args[0].toNumber(), ...(v.unwrap().toPrimitive() as object) })).sort((a, b) => a.id - b.id);
      s.print(s.json ? rows : rows.map((r) => `${r.id}\t${(r as { name?: string }).name}`).join('\n'));
    }));
  d.command('version').description('a published version and its contributions').argument('<datanet>').argument('<version>')
    .action(action(st, async (s, ds: string, vs: string) => {
      const datanet = id(ds);
      const version = parseIntArg('version', vs, 2 ** 32 - 1);
      const api = await s.api();
      const info = await api.query.datanets.versions(datanet, version);
      if (info.isNone) throw new UserError(`datanet ${datanet} has no version ${version}`);
      const contributions = await api.call.datanetsApi.versionContributions(datanet, version);
      s.print({ datanet, version, ...(info.unwrap().toPrimitive() as object), contributions: contributions.toPrimitive() });
    }));
  d.command('reputation').description('review outcomes of an account in a datanet').argument('<datanet>').argument('<who>')
    .action(action(st, async (s, ds: string, w: string) => {
      const datanet = id(ds);
      const who = addressArg(w);
      s.print((await (await s.api()).call.datanetsApi.reputation(datanet, who)).toPrimitive());
    }));

  program.command('contribute')
    .description('contribute a file to a datanet: the bytes go to the node\'s content store, then their blake2-256 hash, size and chunks root (storage challenges are answered against it) are recorded on chain')
    .argument('<datanet>')
    .argument('<file>')
    .option('--title <title>', 'title (default: the file name)')
    .option('--mime <type>', 'MIME type', 'text/plain')
    .option('--license <license>', 'license of the contribution', '')
    .option('--no-upload', 'record the hash only (the bytes stay with you)')
    .action(action(st, async (s, ds: string, file: string, o: { title?: string; mime: string; license: string; upload: boolean }) => {
      const datanet = id(ds);
      let ref;
      try {
        ref = hashFile(file);
      } catch (e) {
        throw new UserError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      if (ref.size === 0) throw new UserError(`${file} is empty`);
      await s.signer();
      const info = await datanetInfo(s, datanet);
      const metadata = JSON.stringify({ title: o.title ?? basename(file), mime: o.mime });
      if (o.upload) {
        s.progress(`uploading ${ref.size} bytes to ${s.opts.url}…`);
        try {
          await uploadContent(s.opts.url, ref.bytes);
        } catch (e) {
          throw new UserError((e as Error).message);
        }
      }
      const r = await s.send(contributeTx(await s.api(), { datanet, content: { hash: ref.hash, size: ref.size, chunksRoot: ref.chunksRoot }, metadata, license: o.license }), info.contributionDeposit.toBigInt());
      s.printTx(r, { contribution: eventOf(r, 'datanets', 'ContributionSubmitted').contribution, hash: ref.hash, size: ref.size });
    }));

  program.command('review')
    .description('owner or curator: accept a pending contribution with a quality score, or reject it with a reason code')
    .argument('<contribution>')
    .option('--accept <quality>', 'accept with quality 0–100')
    .option('--reject <reason>', 'reject with a reason code 0–255')
    .action(action(st, async (s, cs: string, o: { accept?: string; reject?: string }) => {
      const contribution = cid(cs);
      if ((o.accept === undefined) === (o.reject === undefined)) throw new UserError('review needs exactly one of --accept <quality> or --reject <reason>');
      const decision = o.accept !== undefined ? { accept: parseIntArg('quality', o.accept, 100) } : { reject: parseIntArg('reason', o.reject!, 255) };
      await s.signer();
      const r = await s.send(reviewTx(await s.api(), contribution, decision));
      const rejected = eventsOf(r, 'datanets', 'ContributionRejected')[0];
      s.printTx(r, { contribution, accepted: !rejected, ...(rejected ? { forfeited: rejected.forfeited } : {}) });
    }));

  const c = program.command('contribution').description('contributions: show, stats, withdraw, revoke');
  c.command('show').description('a contribution (runtime API DatanetsApi.contribution)').argument('<id>')
    .action(action(st, async (s, cs: string) => {
      const contribution = cid(cs);
      const v = await (await s.api()).call.datanetsApi.contribution(contribution);
      if (v.isNone) throw new UserError(`no contribution ${contribution}`);
      s.print({ id: contribution, ...(v.unwrap().toPrimitive() as object) });
    }));
  c.command('stats').description('attribution aggregates of a contribution (inferences, cumulative weight, earnings)').argument('<id>')
    .action(action(st, async (s, cs: string) => {
      const contribution = cid(cs);
      s.print({ id: contribution, ...((await (await s.api()).call.attributionApi.contributionStats(contribution)).toPrimitive() as object) });
    }));
  for (const [cmd, desc] of [['withdraw', 'contributor: withdraw a pending contribution (deposit returned)'], ['revoke', 'contributor: leave an accepted contribution out of future versions']] as const) {
    c.command(cmd).description(desc).argument('<id>')
      .action(action(st, async (s, cs: string) => {
        const contribution = cid(cs);
        await s.signer();
        s.printTx(await s.send((await s.api()).tx.datanets[cmd](contribution)), { contribution });
      }));
  }
}
