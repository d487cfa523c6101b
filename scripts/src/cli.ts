// The `slmnet` command line: every extrinsic and useful query of SLMnet, generic tx/query/call, demo seeding.
import { Command, CommanderError, Option } from 'commander';
import type { CliState } from './command.ts';
import { registerAccounts } from './commands/accounts.ts';
import { registerDatanets } from './commands/datanets.ts';
import { registerDemo } from './commands/demo.ts';
import { registerGeneric } from './commands/generic.ts';
import { registerModels } from './commands/models.ts';
import { registerNodes } from './commands/nodes.ts';
import { processIo, type Io } from './session.ts';

export const AMOUNT_HELP = `
Amounts: a number is SLMN with up to 12 decimals (1.5 = 1.5 SLMN, also written 1.5SLMN);
an integer followed by "planck" is planck (1 SLMN = 10^12 planck): 1500000000000planck.
Addresses: SS58 (5Grw…), 0x account id, or a dev account as //Alice.
Signer: --suri (mnemonic, 0x seed, //Alice…) or --keyfile <json> --password <pw>;
$SLMNET_SURI and $SLMNET_PASSWORD work too.`;

export function buildProgram(state: CliState): Command {
  const program = new Command('slmnet')
    .description('SLMnet command line: submit every extrinsic, read every query, seed a demo network')
    .option('--url <ws-url>', 'node RPC endpoint', 'ws://127.0.0.1:9944')
    .option('--suri <suri>', 'signer secret URI: mnemonic, 0x seed or //Alice (derivations //hard/soft, ///password)')
    .option('--keyfile <file>', 'signer JSON keystore file (needs --password)')
    .option('--password <password>', 'password of --keyfile (or of a keystore written by key generate/export)')
    .addOption(new Option('--wait <when>', 'resolve transactions when inblock or finalized').choices(['inblock', 'finalized']).default('inblock'))
    .option('--json', 'machine-readable JSON on stdout (progress is silenced)')
    .option('-q, --quiet', 'no progress output on stderr')
    .addHelpText('after', AMOUNT_HELP)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => state.io.out(s.replace(/\n$/, '')),
      writeErr: (s) => state.io.err(s.replace(/\n$/, '')),
    });
  registerGeneric(program, state);
  registerAccounts(program, state);
  registerDatanets(program, state);
  registerModels(program, state);
  registerNodes(program, state);
  registerDemo(program, state);
  const all = (c: Command): void => { c.exitOverride(); c.configureOutput(program.configureOutput()); c.commands.forEach(all); };
  program.commands.forEach(all);
  program.addHelpCommand(true);
  program.addHelpText('after', `\nAll commands:\n${leafCommands(program).map((l) => `  ${l}`).join('\n')}\n`);
  return program;
}

/** Every runnable command with its arguments, for the top-level help. */
function leafCommands(c: Command, prefix = 'slmnet'): string[] {
  return c.commands.filter((x) => x.name() !== 'help').flatMap((x) => {
    const name = `${prefix} ${x.name()}`;
    if (x.commands.length > 0) return leafCommands(x, name);
    const args = x.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`));
    return [[name, ...args].join(' ')];
  });
}

/** @polkadot/* log lines (timestamp first) would break the one-line error contract: keep them out of CLI output. */
function quietPolkadotLogs(): () => void {
  const saved = { error: console.error, warn: console.warn, log: console.log };
  const isPolkadot = (a: unknown) => typeof a === 'string' && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/.test(a);
  for (const k of ['error', 'warn', 'log'] as const) {
    console[k] = (...args: unknown[]) => { if (!isPolkadot(args[0])) saved[k](...args); };
  }
  return () => Object.assign(console, saved);
}

/** Runs the CLI; returns the exit code (0 ok, 1 error) instead of exiting, so tests can run it in-process. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const state: CliState = { io, code: 0 };
  const restore = quietPolkadotLogs();
  try {
    await buildProgram(state).parseAsync(argv, { from: 'user' });
    return state.code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 1;
    io.err(`error: ${(e as Error).message}`);
    return 1;
  } finally {
    restore();
  }
}
