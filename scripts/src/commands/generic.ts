// Generic access to anything in the metadata: `tx`, `query`, `call` (runtime APIs), `const`.
import type { Command } from 'commander';
import { action, type CliState } from '../command.ts';
import { UserError } from '../errors.ts';
import { camel, findCall, findStorage, parseArgs, storageKeySpecs } from '../metadata-args.ts';
import { hashArg } from '../parse.ts';

export function registerGeneric(program: Command, st: CliState): void {
  program.command('tx')
    .description('submit any extrinsic: slmnet tx <pallet> <call> [args…] (args parsed by their metadata types)')
    .argument('<pallet>', 'pallet, e.g. balances or Balances')
    .argument('<call>', 'call, e.g. transfer_keep_alive or transferKeepAlive')
    .argument('[args...]', 'arguments in order: integers, amounts (1.5SLMN, 10planck), addresses (SS58, 0x, //Alice), 0x hex or text for bytes, JSON for structs/enums')
    .option('--sudo', 'wrap the call in sudo.sudo (root calls such as set_params)')
    .action(action(st, async (s, pallet: string, call: string, raw: string[], o: { sudo?: boolean }) => {
      const api = await s.api();
      const fn = findCall(api, pallet, call);
      const specs = fn.meta.args.map((a) => ({ name: a.name.toString(), type: a.type.toString() }));
      const args = parseArgs(api, `${fn.section}.${fn.method}`, specs, raw);
      const tx = fn(...args);
      // a transfer's value must be there besides the fee: refuse before sending rather than fail on chain
      const i = specs.findIndex((a) => a.name === 'value');
      const needs = fn.section === 'balances' && fn.method.startsWith('transfer') && i >= 0 && !o.sudo ? BigInt(String(args[i])) : 0n;
      const r = await s.send(o.sudo ? api.tx.sudo.sudo(tx) : tx, needs);
      s.printTx(r);
    }));

  program.command('query')
    .description('read any storage item: slmnet query <pallet> <item> [keys…]; a map without keys lists its entries')
    .argument('<pallet>', 'pallet, e.g. datanets')
    .argument('<item>', 'storage item, e.g. Datanets or datanets')
    .argument('[keys...]', 'map keys (one per hasher, parsed like tx arguments)')
    .option('--at <hash>', 'read at this block hash instead of the best block')
    .action(action(st, async (s, pallet: string, item: string, raw: string[], o: { at?: string }) => {
      const api = await s.api();
      const entry = findStorage(api, pallet, item);
      const specs = storageKeySpecs(api, entry);
      const at = o.at ? await api.at(hashArg('--at', o.at)) : api;
      const q = findStorage(at as typeof api, pallet, item);
      if (specs.length > 0 && raw.length === 0) {
        const entries = await q.entries();
        s.print(entries.map(([k, v]) => ({ key: k.args.map((a) => a.toPrimitive()), value: v.toPrimitive() })));
        return;
      }
      if (raw.length < specs.length && raw.length > 0 && specs.length > 1) {
        const prefix = parseArgs(api, `${entry.creator.section}.${entry.creator.method} prefix`, specs.slice(0, raw.length), raw);
        const entries = await q.entries(...prefix);
        s.print(entries.map(([k, v]) => ({ key: k.args.map((a) => a.toPrimitive()), value: v.toPrimitive() })));
        return;
      }
      const keys = parseArgs(api, `storage ${entry.creator.section}.${entry.creator.method}`, specs, raw);
      const v = await q(...keys);
      s.print((v as { toPrimitive(): unknown }).toPrimitive());
    }));

  program.command('call')
    .description('call a runtime API: slmnet call <api> <method> [args…], e.g. slmnet call modelsApi quote 0 100')
    .argument('<api>', 'runtime API, e.g. ModelsApi or modelsApi')
    .argument('<method>', 'method, e.g. quote')
    .argument('[args...]', 'arguments, parsed like tx arguments')
    .action(action(st, async (s, apiName: string, method: string, raw: string[]) => {
      const api = await s.api();
      const section = api.call[camel(apiName)];
      if (!section) throw new UserError(`unknown runtime API "${apiName}": one of ${Object.keys(api.call).sort().join(', ')}`);
      const fn = section[camel(method)];
      if (!fn) throw new UserError(`unknown method "${method}" of ${camel(apiName)}: one of ${Object.keys(section).sort().join(', ')}`);
      const params = (fn as unknown as { meta: { params: { name: string; type: string }[] } }).meta.params;
      const args = parseArgs(api, `${camel(apiName)}.${camel(method)}`, params.map((p) => ({ name: String(p.name), type: String(p.type) })), raw);
      const v = await fn(...args);
      s.print((v as { toPrimitive(): unknown }).toPrimitive());
    }));

  program.command('const')
    .description('read a pallet constant: slmnet const <pallet> <name>')
    .argument('<pallet>').argument('<name>')
    .action(action(st, async (s, pallet: string, name: string) => {
      const api = await s.api();
      const section = api.consts[camel(pallet)];
      if (!section) throw new UserError(`unknown pallet "${pallet}": one of ${Object.keys(api.consts).sort().join(', ')}`);
      const c = section[camel(name)];
      if (!c) throw new UserError(`unknown constant "${name}" in ${camel(pallet)}: one of ${Object.keys(section).sort().join(', ')}`);
      s.print(c.toPrimitive());
    }));
}
