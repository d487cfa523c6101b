// slmnet-node: the SLMnet node CLI (Substrate-compatible flags and subcommands).
// libp2p needs Promise.withResolvers and a global WebSocket: polyfill before anything imports it
import './network/polyfill.ts';
import { Command, CommanderError } from 'commander';
import { rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { cryptoReady } from '@slmnet/runtime-spec';
import { loadChainSpec, specJson, toRaw } from './chain-spec.ts';
import { addRunOptions, DEFAULT_BASE_PATH, resolveRunOptions } from './cli/options.ts';
import { keyCommand } from './cli/key.ts';
import { runNode } from './service.ts';

import { VERSION } from './version.ts';
export { VERSION };

function chainIdOf(chain: string): string {
  return loadChainSpec(chain).id;
}

function program(): Command {
  const cmd = new Command('slmnet-node')
    .description('SLMnet node: a Substrate-compatible appchain for specialized language models')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    // subcommands own their flags (`build-spec --chain dev`), as in Substrate
    .enablePositionalOptions()
    .exitOverride();
  addRunOptions(cmd).action(async (o) => {
    await runNode(resolveRunOptions(o));
  });

  cmd.command('build-spec')
    .description('print a chain spec (JSON) to stdout')
    .option('--chain <spec>', 'dev, local or a chain spec file')
    .option('--dev', 'same as --chain dev')
    .option('--raw', 'encode genesis as raw storage (genesis.raw.top)')
    .option('--disable-default-bootnode', 'do not add this node as a bootnode')
    .action(async (o) => {
      await cryptoReady();
      const spec = loadChainSpec(o.chain ?? (o.dev ? 'dev' : 'local'));
      process.stdout.write(specJson(o.raw ? toRaw(spec) : spec) + '\n');
    });

  cmd.command('purge-chain')
    .description('remove the chain database')
    .option('--chain <spec>', 'dev, local or a chain spec file')
    .option('--dev', 'same as --chain dev')
    .option('-d, --base-path <path>', 'base path', DEFAULT_BASE_PATH)
    .option('-y', 'do not ask for confirmation')
    .action(async (o) => {
      await cryptoReady();
      const id = chainIdOf(o.chain ?? (o.dev ? 'dev' : 'local'));
      const db = join(o.basePath, 'chains', id, 'db');
      if (!existsSync(db)) { process.stderr.write(`${db} does not exist\n`); return; }
      if (!o.y) {
        const rl = createInterface({ input: process.stdin, output: process.stderr });
        const answer = await rl.question(`Are you sure to remove "${db}"? [y/N]: `);
        rl.close();
        if (!/^y(es)?$/i.test(answer.trim())) { process.stderr.write('Aborted\n'); return; }
      }
      rmSync(db, { recursive: true, force: true });
      process.stderr.write(`"${db}" removed.\n`);
    });

  cmd.addCommand(keyCommand({ chainIdOf }));
  return cmd;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode;
      return;
    }
    process.stderr.write(`Error: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1]?.endsWith('main.ts')) {
  await main(process.argv.slice(2));
}
