// Accounts: balances, transfers, keys (generate, inspect, JSON keystore files).
import type { Command } from 'commander';
import { balanceOf, cryptoReady, formatAmount, fromUri, newMnemonic, transferTx } from '@slmnet/client';
import { writeKeyfile } from '@slmnet/client/node';
import { action, type CliState } from '../command.ts';
import { UserError } from '../errors.ts';
import { addressArg, amountArg } from '../parse.ts';

export function registerAccounts(program: Command, st: CliState): void {
  program.command('balance')
    .description('free and reserved balance of an account')
    .argument('<who>', 'SS58 address, 0x account id or //Alice')
    .action(action(st, async (s, who: string) => {
      const address = addressArg(who);
      const b = await balanceOf(await s.api(), address);
      s.print(s.json ? { address, ...b } : `${address}\n  free: ${formatAmount(b.free)}\n  reserved: ${formatAmount(b.reserved)}`);
    }));

  program.command('transfer')
    .description('transfer SLMN (keeps the sender alive unless --allow-death)')
    .argument('<to>', 'recipient address or //Name')
    .argument('<amount>', 'amount: 1.5 (SLMN) or 1500000000000planck')
    .option('--allow-death', 'allow the sender to fall below the existential deposit')
    .action(action(st, async (s, to: string, amount: string, o: { allowDeath?: boolean }) => {
      const dest = addressArg(to);
      const value = amountArg(amount);
      await s.signer();
      const r = await s.send(transferTx(await s.api(), dest, value, !o.allowDeath), value);
      s.printTx(r, { to: dest, amount: value.toString() });
    }));

  const key = program.command('key').description('keys: generate, inspect, JSON keystore files');
  key.command('generate')
    .description('new sr25519 account from a fresh mnemonic; --out writes a JSON keystore (with --password)')
    .option('--out <file>', 'write an encrypted JSON keystore here')
    .action(action(st, async (s, o: { out?: string }) => {
      await cryptoReady();
      const mnemonic = newMnemonic();
      const pair = fromUri(mnemonic);
      if (o.out) {
        const password = s.opts.password ?? process.env.SLMNET_PASSWORD;
        if (!password) throw new UserError('--out needs --password (or $SLMNET_PASSWORD)');
        writeKeyfile(o.out, pair, password);
      }
      s.print(s.json ? { address: pair.address, mnemonic, keyfile: o.out } : `address: ${pair.address}\nmnemonic: ${mnemonic}${o.out ? `\nkeyfile: ${o.out}` : ''}`);
    }));
  key.command('inspect')
    .description('address of the signer given by --suri or --keyfile/--password')
    .action(action(st, async (s) => {
      const pair = await s.signer();
      s.print(s.json ? { address: pair.address, publicKey: `0x${Buffer.from(pair.publicKey).toString('hex')}` } : pair.address);
    }));
  key.command('export')
    .description('write the --suri account as an encrypted JSON keystore file')
    .argument('<file>')
    .action(action(st, async (s, file: string) => {
      const pair = await s.signer();
      const password = s.opts.password ?? process.env.SLMNET_PASSWORD;
      if (!password) throw new UserError('key export needs --password (or $SLMNET_PASSWORD)');
      writeKeyfile(file, pair, password);
      s.print(s.json ? { address: pair.address, keyfile: file } : `wrote ${file} for ${pair.address}`);
    }));
}
