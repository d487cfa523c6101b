// Bad input to `slmnet`: one clear error line, a non-zero exit, and nothing sent to the chain.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.ts';
import { removeDir, ROOT, startNode, type RunningNode } from './helpers/node.ts';

const run = promisify(execFile);
let node: RunningNode;
let dir: string;
const MNEMONIC = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';

beforeAll(async () => {
  node = await startNode();
  dir = mkdtempSync(join(tmpdir(), 'slmnet-cli-bad-'));
});
afterAll(async () => {
  await node?.stop();
  if (node) removeDir(node.basePath);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Nonces of the accounts that could have signed anything below. */
const nonces = async () => Promise.all(['//Alice', '//Bob'].map(async (w) => (await cli('--url', node.url, '--json', 'query', 'system', 'account', w)).json.nonce));

describe('slmnet bad input', () => {
  it('each case prints exactly one error line, exits 1 and sends nothing', async () => {
    const before = await nonces();
    const blocksBefore = Number((await cli('--url', node.url, 'query', 'system', 'number')).out);
    const keyfile = join(dir, 'k.json');
    expect((await cli('--url', node.url, 'key', 'export', keyfile, '--suri', '//Bob', '--password', 'right')).code).toBe(0);
    writeFileSync(join(dir, 'empty.txt'), '');
    const u = ['--url', node.url, '-q'];
    const cases: [string[], RegExp][] = [
      [[...u, 'transfer', '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQX', '1', '--suri', '//Alice'], /^error: bad address "5Grw.*QX"/],
      [[...u, 'transfer', 'bob', '1', '--suri', '//Alice'], /^error: bad address "bob"/],
      [[...u, 'tx', 'noSuchPallet', 'call', '--suri', '//Alice'], /^error: unknown pallet "noSuchPallet": one of .*balances/],
      [[...u, 'tx', 'balances', 'teleport', '--suri', '//Alice'], /^error: unknown call "teleport" in balances: one of .*transferKeepAlive/],
      [[...u, 'query', 'datanets', 'nothing'], /^error: unknown storage item "nothing" in datanets/],
      [[...u, 'call', 'fooApi', 'bar'], /^error: unknown runtime API "fooApi"/],
      [[...u, 'tx', 'balances', 'transfer_keep_alive', '//Bob', '--suri', '//Alice'], /^error: balances.transferKeepAlive takes 2 arguments \(dest: MultiAddress, value: Compact<u128>\), got 1/],
      [[...u, 'tx', 'balances', 'transfer_keep_alive', '//Bob', 'lots', '--suri', '//Alice'], /^error: bad argument value \(Compact<u128>\) "lots"/],
      [[...u, 'tx', 'datanets', 'review', '0', '{"Accept":', '--suri', '//Alice'], /^error: bad argument decision/],
      [[...u, 'transfer', '//Bob', '1.5x', '--suri', '//Alice'], /^error: bad amount "1.5x"/],
      [[...u, 'transfer', '//Bob', '-1', '--suri', '//Alice'], /^error: bad amount "-1"/],
      [[...u, 'transfer', '//Bob', '0.0000000000001', '--suri', '//Alice'], /^error: bad amount .*at most 12 decimals/],
      [[...u, 'datanet', 'create', 'x', '--deposit', '1.5planck', '--suri', '//Alice'], /^error: bad amount "1.5planck": planck amounts are integers/],
      [[...u, 'transfer', '//Bob', '1', '--suri', MNEMONIC], /^error: insufficient funds: 5.* has 0 SLMN free, balances.transferKeepAlive needs/],
      [[...u, 'transfer', '//Alice', '100000000', '--suri', '//Bob'], /^error: insufficient funds: 5FHne.* needs 100000000\.\d+ SLMN/],
      [[...u, 'tx', 'balances', 'transfer_allow_death', '//Alice', '100000000SLMN', '--suri', '//Bob'], /^error: insufficient funds: 5FHne.* needs 100000000\.\d+ SLMN/],
      [[...u, 'transfer', '//Bob', '1', '--suri', 'not a valid phrase'], /^error: bad secret URI/],
      [[...u, 'transfer', '//Bob', '1'], /^error: no signer: give --suri/],
      [[...u, 'transfer', '//Bob', '1', '--keyfile', keyfile, '--password', 'wrong'], /^error: cannot unlock keystore: wrong password/],
      [[...u, 'transfer', '//Bob', '1', '--keyfile', join(dir, 'none.json'), '--password', 'x'], /^error: cannot read keyfile/],
      [[...u, 'review', '0', '--suri', '//Alice'], /^error: review needs exactly one of --accept/],
      [[...u, 'review', '0', '--accept', '101', '--suri', '//Alice'], /^error: bad quality "101"/],
      [[...u, 'datanet', 'create', 'x', '--deposit', '1', '--kind', 'Video', '--suri', '//Alice'], /^error: bad --kind "Video": expected one of Text, Code/],
      [[...u, 'contribute', '0', join(dir, 'missing.txt'), '--suri', '//Alice'], /^error: cannot read .*missing.txt: ENOENT/],
      [[...u, 'contribute', '0', join(dir, 'empty.txt'), '--suri', '//Alice'], /^error: .*empty.txt is empty/],
      [[...u, 'contribute', '7', join(dir, 'k.json'), '--suri', '//Alice'], /^error: no datanet 7/],
      [[...u, 'model', 'register', 'm', '--training', '0-1', '--base-fee', '1', '--suri', '//Alice'], /^error: bad --training "0-1"/],
      [[...u, 'model', 'register', 'm', '--training', '0:1', '--base-fee', '1', '--split', '1,2', '--suri', '//Alice'], /^error: bad --split "1,2"/],
      [[...u, 'node', 'register', 'Storage', '--node-seed', '0x1234', '--suri', '//Alice'], /^error: bad node seed/],
      [[...u, 'query', 'datanets', 'datanets', 'x'], /^error: bad argument key \(u32\) "x"/],
      [['--url', 'ws://127.0.0.1:1', '-q', 'balance', '//Alice'], /^error: cannot reach node at ws:\/\/127.0.0.1:1/],
      [['--url', 'ws://127.0.0.1:1', '-q', 'transfer', '//Bob', '1', '--suri', '//Alice'], /^error: cannot reach node at ws:\/\/127.0.0.1:1/],
      [[...u, 'nosuchcommand'], /^error: unknown command 'nosuchcommand'/],
      [[...u, 'transfer', '//Bob'], /^error: missing required argument 'amount'/],
    ];
    for (const [argv, line] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.out, argv.join(' ')).toBe('');
      expect(r.err.split('\n'), argv.join(' ')).toHaveLength(1);
      expect(r.err, argv.join(' ')).toMatch(line);
    }
    // a dispatch that fails on chain is also one line (with the module error), exit 1
    const failed = await cli(...u, 'datanet', 'create', 'x'.repeat(65), '--deposit', '1', '--suri', '//Alice');
    expect(failed.code).toBe(1);
    expect(failed.err).toBe('error: datanets.create failed: Datanets.NameTooLong (The name is longer than MaxNameLen bytes.)');
    const after = await nonces();
    // only the failed dispatch above was sent (and paid for): nothing of the bad input
    expect(after).toEqual([before[0] + 1, before[1]]);
    expect(Number((await cli('--url', node.url, 'query', 'system', 'number')).out)).toBeGreaterThanOrEqual(blocksBefore);
  }, 180_000);

  it('the installed binary: `npx slmnet --help` lists every command; errors exit non-zero with one line', async () => {
    const help = await run('npx', ['--no-install', 'slmnet', '--help'], { cwd: ROOT });
    for (const c of ['slmnet tx <pallet> <call> [args...]', 'slmnet query <pallet> <item> [keys...]', 'slmnet datanet create <name>', 'slmnet contribute <datanet> <file>',
      'slmnet review <contribution>', 'slmnet model quote <model> <tokens-out>', 'slmnet inference show <inference>', 'slmnet rewards pending [who]', 'slmnet node heartbeat <node>',
      'slmnet attest <inference>', 'slmnet demo seed', '1500000000000planck']) expect(help.stdout).toContain(c);
    const bad = await run(process.execPath, [join(ROOT, 'scripts/bin/slmnet.js'), '--url', 'ws://127.0.0.1:1', 'balance', '//Alice']).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n').filter((l: string) => l.startsWith('error:'))).toEqual(['error: cannot reach node at ws://127.0.0.1:1']);
    const ok = await run(process.execPath, [join(ROOT, 'scripts/bin/slmnet.js'), '--url', node.url, '--json', 'balance', '//Alice']);
    expect(JSON.parse(ok.stdout).address).toBe('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
  }, 60_000);
});
