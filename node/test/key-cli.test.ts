// `key` subcommands run in-process (output captured) and the node-key module:
// subkey's output text, keystore placement, node keys / peer ids, bad flags.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommanderError } from 'commander';
import { generateKeyPairFromSeed } from '@libp2p/crypto/keys';
import { peerIdFromPrivateKey } from '@libp2p/peer-id';
import { cryptoWaitReady, mnemonicValidate } from '@polkadot/util-crypto';
import { keyCommand } from '../src/cli/key.ts';
import {
  generateNodeKey, loadOrCreateNodeKey, networkKeyPath, parseNodeKey, parseNodeKeyFile, peerIdFromNodeKey,
} from '../src/node-key.ts';

interface Result { out: string; outBytes: Buffer; err: string; code: number }

/** Runs `key <args>` with captured stdout/stderr and an optional stdin. */
async function run(args: string[], opts: { stdin?: string | Uint8Array; chainIdOf?: (c: string) => string; defaultBasePath?: string } = {}): Promise<Result> {
  const out: Buffer[] = [];
  let err = '';
  let code = 0;
  const cmd = keyCommand({
    chainIdOf: opts.chainIdOf,
    defaultBasePath: opts.defaultBasePath ?? join(root, 'default-base'),
    io: {
      stdout: (c) => { out.push(Buffer.from(c)); },
      stderr: (c) => { err += c; },
      readStdin: async () => Buffer.from(opts.stdin ?? ''),
    },
  });
  try {
    await cmd.parseAsync(args, { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    code = e.exitCode;
  }
  const outBytes = Buffer.concat(out);
  return { out: outBytes.toString('utf8'), outBytes, err, code };
}

/** Failing commands: non-zero exit and one `error: …` line on stderr. */
async function fails(args: string[], pattern: RegExp, opts?: Parameters<typeof run>[1]) {
  const r = await run(args, opts);
  expect(r.code).not.toBe(0);
  expect(r.err).toMatch(/^error: .+\n$/);
  expect(r.err).toMatch(pattern);
  return r;
}

let root: string;
beforeAll(async () => {
  await cryptoWaitReady();
  root = mkdtempSync(join(tmpdir(), 'slmnet-key-cli-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const ALICE_TEXT = [
  'Secret Key URI `//Alice` is account:',
  '  Network ID:        substrate',
  '  Secret seed:       0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a',
  '  Public key (hex):  0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d',
  '  Account ID:        0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d',
  '  Public key (SS58): 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
  '  SS58 Address:      5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
  '',
].join('\n');
const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';

describe('key inspect', () => {
  it('prints //Alice exactly like subkey', async () => {
    const r = await run(['inspect', '//Alice']);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(ALICE_TEXT);
  });

  it('reads the URI from stdin or from a file', async () => {
    expect((await run(['inspect'], { stdin: '//Alice\n' })).out).toBe(ALICE_TEXT);
    const f = join(root, 'uri.txt');
    writeFileSync(f, '//Alice\n');
    expect((await run(['inspect', f])).out).toBe(ALICE_TEXT);
  });

  it('ed25519 //Alice', async () => {
    const r = await run(['inspect', '--scheme', 'Ed25519', '//Alice']);
    expect(r.out).toContain('  Public key (hex):  0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee\n');
    expect(r.out).toContain('  Secret seed:       0xabf8e5bdbe30c65656c0a3cbd181ff8a56294a69dfedd27982aace4a76909115\n');
    expect(r.out).toContain('  SS58 Address:      5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu\n');
  });

  it('a phrase uses the "Secret phrase" layout; --network changes addresses', async () => {
    const r = await run(['inspect', DEV_PHRASE, '-n', 'polkadot']);
    expect(r.out).toBe([
      `Secret phrase:       ${DEV_PHRASE}`,
      '  Network ID:        polkadot',
      '  Secret seed:       0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e',
      '  Public key (hex):  0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a',
      '  Account ID:        0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a',
      '  Public key (SS58): 12bzRJfh7arnnfPPUZHeJUaE62QLEwhK48QnH9LXeK2m1iZU',
      '  SS58 Address:      12bzRJfh7arnnfPPUZHeJUaE62QLEwhK48QnH9LXeK2m1iZU',
      '',
    ].join('\n'));
    expect((await run(['inspect', '//Alice', '--network', '2'])).out).toContain('  Network ID:        kusama\n');
  });

  it('JSON output has serde_json\'s sorted keys and 2-space indent', async () => {
    const r = await run(['inspect', '//Alice', '--output-type', 'json']);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['accountId', 'networkId', 'publicKey', 'secretKeyUri', 'secretSeed', 'ss58Address', 'ss58PublicKey']);
    expect(j).toMatchObject({ secretKeyUri: '//Alice', networkId: 'substrate', ss58Address: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY' });
    expect(r.out).toMatch(/^{\n {2}"accountId": "0xd435/);
  });

  it('ecdsa: 33-byte public key, blake2 account id', async () => {
    const j = JSON.parse((await run(['inspect', '//Alice', '--scheme', 'ecdsa', '--output-type', 'json'])).out);
    expect(j.publicKey).toBe('0x020a1091341fe5664bfa1782d5e04779689068c916b04cb365ec3153755684d9a1');
    expect(j.accountId).toBe('0x01e552298e47454041ea31273b4b630c64c104e4514aa3643490b8aaca9cf8ed');
    expect(j.ss58Address).toBe('5C7C2Z5sWbytvHpuLTvzKunnnRwQxft1jiqrLD5rhucQ5S9X');
  });

  it('an SS58 address and --public hex', async () => {
    const addr = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
    expect((await run(['inspect', addr])).out).toBe([
      `Public Key URI \`${addr}\` is account:`,
      '  Network ID/Version: substrate',
      '  Public key (hex):   0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d',
      '  Account ID:         0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d',
      `  Public key (SS58):  ${addr}`,
      `  SS58 Address:       ${addr}`,
      '',
    ].join('\n'));
    const pub = await run(['inspect', '--public', '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d']);
    expect(pub.out).toBe([
      'Network ID/Version: substrate',
      '  Public key (hex):   0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d',
      '  Account ID:         0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d',
      `  Public key (SS58):  ${addr}`,
      `  SS58 Address:       ${addr}`,
      '',
    ].join('\n'));
    expect((await run(['inspect', '--public', addr])).out).toBe(pub.out);
  });

  it('fails cleanly on bad input', async () => {
    await fails(['inspect', 'no such phrase'], /Invalid phrase\/URI given/);
    await fails(['inspect', '--public', '0x1234'], /public key/);
    await fails(['inspect', '//Alice', '--scheme', 'rsa'], /--scheme.*'rsa' is invalid/);
    await fails(['inspect', '//Alice', '--output-type', 'yaml'], /--output-type/);
    await fails(['inspect', '//Alice', '--network', 'nowhere'], /unknown network/);
    await fails(['inspect', '//Alice', '//Bob'], /too many arguments/);
    await fails(['inspect', '//Alice', '--bogus'], /unknown option '--bogus'/);
    await fails(['inspect'], /no URI given/, { stdin: '' });
  });
});

describe('key generate', () => {
  it('prints a fresh phrase account; --words, json and --network', async () => {
    const t = await run(['generate']);
    expect(t.code).toBe(0);
    const phrase = /^Secret phrase: {7}(.+)\n/.exec(t.out)![1];
    expect(phrase.split(' ')).toHaveLength(12);
    expect(mnemonicValidate(phrase)).toBe(true);
    expect(t.out).toMatch(/\n {2}Network ID: {8}substrate\n {2}Secret seed: {7}0x[0-9a-f]{64}\n {2}Public key \(hex\): {2}0x[0-9a-f]{64}\n/);
    // inspecting the phrase reproduces the output
    expect((await run(['inspect', phrase])).out).toBe(t.out);

    const j = JSON.parse((await run(['generate', '-w', '24', '--output-type', 'json', '--network', 'polkadot', '--scheme', 'ed25519'])).out);
    expect(Object.keys(j)).toEqual(['accountId', 'networkId', 'publicKey', 'secretPhrase', 'secretSeed', 'ss58Address', 'ss58PublicKey']);
    expect(j.secretPhrase.split(' ')).toHaveLength(24);
    expect(j.networkId).toBe('polkadot');
    expect(j.ss58Address.startsWith('1')).toBe(true);
  });

  it('--password changes the keys of the same phrase', async () => {
    const a = JSON.parse((await run(['inspect', DEV_PHRASE, '--output-type', 'json'])).out);
    const b = JSON.parse((await run(['inspect', DEV_PHRASE, '--output-type', 'json', '--password', 'secret'])).out);
    expect(b.publicKey).not.toBe(a.publicKey);
    expect(JSON.parse((await run(['inspect', `${DEV_PHRASE}///secret`, '--output-type', 'json'])).out).publicKey).toBe(b.publicKey);
  });

  it('rejects bad word counts', async () => {
    await fails(['generate', '--words', '13'], /must be 12\/15\/18\/21\/24/);
    await fails(['generate', '--words', 'many'], /must be 12\/15\/18\/21\/24/);
  });
});

describe('key insert', () => {
  const AURA = '61757261d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';

  it('writes <base>/chains/<chain id>/keystore/<hex type ++ hex public> = "//Alice"', async () => {
    const base = join(root, 'insert-base');
    const r = await run(['insert', '--suri', '//Alice', '--key-type', 'aura', '--scheme', 'sr25519', '--base-path', base, '--chain', 'dev']);
    expect(r).toMatchObject({ code: 0, out: '', err: '' });
    const file = join(base, 'chains', 'dev', 'keystore', AURA);
    expect(readFileSync(file, 'utf8')).toBe('"//Alice"');
    expect(statSync(file).mode & 0o777).toBe(0o600);

    await run(['insert', '--suri', '//Alice', '--key-type', 'gran', '--scheme', 'ed25519', '-d', base, '--chain', 'local']);
    expect(readFileSync(join(base, 'chains', 'local_testnet', 'keystore', '6772616e88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee'), 'utf8')).toBe('"//Alice"');
  });

  it('asks the node for the chain id; defaults: sr25519, default base path, stdin', async () => {
    const seen: string[] = [];
    const chainIdOf = (c: string) => { seen.push(c); return 'my_chain'; };
    await run(['insert', '--key-type', 'aura'], { stdin: '//Alice\n', chainIdOf });
    expect(seen).toEqual(['']);
    expect(existsSync(join(root, 'default-base', 'chains', 'my_chain', 'keystore', AURA))).toBe(true);
    await run(['insert', '--suri', '//Alice', '--key-type', 'aura', '--dev', '-d', join(root, 'b2')], { chainIdOf });
    expect(seen).toEqual(['', 'dev']);
  });

  it('reads the id from a chain spec file by default; --keystore-path overrides the location', async () => {
    const spec = join(root, 'spec.json');
    writeFileSync(spec, JSON.stringify({ name: 'X', id: 'x_net', genesis: {} }));
    const base = join(root, 'insert-spec');
    await run(['insert', '--suri', '//Alice', '--key-type', 'aura', '-d', base, '--chain', spec]);
    expect(existsSync(join(base, 'chains', 'x_net', 'keystore', AURA))).toBe(true);
    const ks = join(root, 'custom-keystore');
    await run(['insert', '--suri', '//Alice', '--key-type', 'aura', '--keystore-path', ks]);
    expect(readFileSync(join(ks, AURA), 'utf8')).toBe('"//Alice"');
  });

  it('validates its input', async () => {
    await fails(['insert', '--suri', '//Alice'], /required option '--key-type/);
    await fails(['insert', '--suri', '//Alice', '--key-type', 'au'], /4 ASCII characters/);
    await fails(['insert', '--suri', 'not valid words', '--key-type', 'aura', '-d', join(root, 'x')], /BIP39/);
    await fails(['insert', '--suri', '//Alice', '--key-type', 'aura', '--chain', join(root, 'missing.json')], /cannot read chain spec/);
  });
});

describe('node key module', () => {
  // Zombienet: --node-key = sha256(node name); peer ids from /work/shared/design/ZOMBIENET.md
  const ZOMBIENET: Record<string, string> = {
    alice: '12D3KooWQCkBm1BYtkHpocxCwMgR8yjitEeHGx8spzcDLGt2gkBm',
    bob: '12D3KooWRkZhiRhsqmrQ28rt73K7V3aCBpqKrLGSXmZ99PTcTZby',
    charlie: '12D3KooWPKzmmE2uYgF3z13xjpbFTp63g9dZFag8pG6MgnpSLF4S',
  };

  it('matches Zombienet\'s peer ids', () => {
    for (const [name, peer] of Object.entries(ZOMBIENET)) {
      const hexKey = createHash('sha256').update(name).digest('hex');
      expect(peerIdFromNodeKey(parseNodeKey(hexKey))).toBe(peer);
    }
  });

  it('matches @libp2p/peer-id computed from the raw ed25519 seed', async () => {
    const one = new Uint8Array(32); one[31] = 1;
    for (const seed of [new Uint8Array(32), one, generateNodeKey()]) {
      const expected = peerIdFromPrivateKey(await generateKeyPairFromSeed('Ed25519', seed)).toString();
      expect(peerIdFromNodeKey(seed)).toBe(expected);
    }
    expect(peerIdFromNodeKey(one)).toBe('12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp');
  });

  it('parses --node-key text and key files, with clear errors', () => {
    const k = '2bd806c97f0e00af1a1fc3328fa763a9269723c8db8fac4f93af71db186d6e90';
    expect(Buffer.from(parseNodeKey(`0x${k}`)).toString('hex')).toBe(k);
    expect(Buffer.from(parseNodeKey(` ${k.toUpperCase()}\n`)).toString('hex')).toBe(k);
    expect(() => parseNodeKey('abcd')).toThrow(/expected 32 bytes, got 2/);
    expect(() => parseNodeKey('zz'.repeat(32))).toThrow(/hex/);
    const raw = Buffer.from(k, 'hex');
    expect(Buffer.from(parseNodeKeyFile(raw)).toString('hex')).toBe(k); // 32 raw bytes
    expect(Buffer.from(parseNodeKeyFile(Buffer.from(k))).toString('hex')).toBe(k); // 64 hex bytes
    expect(Buffer.from(parseNodeKey(raw)).toString('hex')).toBe(k);
    expect(() => parseNodeKeyFile(Buffer.alloc(31))).toThrow(/bad node key file/);
  });

  it('loadOrCreateNodeKey creates 32 raw bytes (0600) once, then reads them back', () => {
    const file = networkKeyPath(join(root, 'nk'), 'dev');
    expect(file).toBe(join(root, 'nk', 'chains', 'dev', 'network', 'secret_ed25519'));
    const k1 = loadOrCreateNodeKey(file);
    expect(readFileSync(file)).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateNodeKey(file)).toEqual(k1);
    const hexFile = join(root, 'nk-hex');
    writeFileSync(hexFile, Buffer.from(k1).toString('hex'));
    expect(loadOrCreateNodeKey(hexFile)).toEqual(k1);
    writeFileSync(hexFile, 'garbage');
    expect(() => loadOrCreateNodeKey(hexFile)).toThrow(/nk-hex: bad node key file/);
  });
});

describe('key generate-node-key / inspect-node-key', () => {
  it('prints the hex secret on stdout (no newline) and the peer id on stderr', async () => {
    const r = await run(['generate-node-key']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^[0-9a-f]{64}$/);
    expect(r.err).toBe(`${peerIdFromNodeKey(parseNodeKey(r.out))}\n`);
    expect(r.err).toMatch(/^12D3KooW/);
    const bin = await run(['generate-node-key', '--bin']);
    expect(bin.outBytes).toHaveLength(32);
    expect(bin.err).toBe(`${peerIdFromNodeKey(bin.outBytes)}\n`);
  });

  it('--file writes the key there; inspect-node-key reads it back', async () => {
    const file = join(root, 'node.key');
    const g = await run(['generate-node-key', '--file', file]);
    expect(g.out).toBe('');
    expect(readFileSync(file, 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    const i = await run(['inspect-node-key', '--file', file]);
    expect(i).toMatchObject({ code: 0, out: g.err, err: '' });

    const binFile = join(root, 'node.bin');
    const gb = await run(['generate-node-key', '--file', binFile, '--bin']);
    expect(readFileSync(binFile)).toHaveLength(32);
    expect((await run(['inspect-node-key', '--file', binFile, '--bin'])).out).toBe(gb.err);
  });

  it('inspect-node-key reads stdin (hex, whitespace tolerated)', async () => {
    const k = createHash('sha256').update('bob').digest('hex');
    expect((await run(['inspect-node-key'], { stdin: `${k}\n` })).out).toBe('12D3KooWRkZhiRhsqmrQ28rt73K7V3aCBpqKrLGSXmZ99PTcTZby\n');
    expect((await run(['inspect-node-key', '--bin'], { stdin: Buffer.from(k, 'hex') })).out).toBe('12D3KooWRkZhiRhsqmrQ28rt73K7V3aCBpqKrLGSXmZ99PTcTZby\n');
  });

  it('--base-path stores chains/<id>/network/secret_ed25519 and never overwrites it', async () => {
    const base = join(root, 'gnk');
    const r = await run(['generate-node-key', '--base-path', base, '--chain', 'local']);
    const file = join(base, 'chains', 'local_testnet', 'network', 'secret_ed25519');
    expect(r.code).toBe(0);
    expect(r.err).toBe(`Generating key in ${JSON.stringify(file)}\n${peerIdFromNodeKey(loadOrCreateNodeKey(file))}\n`);
    const before = readFileSync(file);
    await fails(['generate-node-key', '--base-path', base, '--chain', 'local'], /a key already exists in/);
    expect(readFileSync(file).equals(before)).toBe(true);

    mkdirSync(join(root, 'default-base'), { recursive: true });
    expect((await run(['generate-node-key', '--default-base-path'])).code).toBe(0);
    expect(existsSync(join(root, 'default-base', 'chains', 'dev', 'network', 'secret_ed25519'))).toBe(true);
  });

  it('rejects conflicting or bad flags and bad keys', async () => {
    await fails(['generate-node-key', '--file', join(root, 'a'), '--base-path', root], /cannot be used with/);
    await fails(['generate-node-key', '--file', join(root, 'a'), '--chain', 'dev'], /cannot be used with/);
    await fails(['generate-node-key', '--base-path', root, '--default-base-path'], /cannot be used with/);
    await fails(['generate-node-key', '--words', '12'], /unknown option/);
    await fails(['inspect-node-key'], /failed to decode secret as hex/, { stdin: 'xyz' });
    await fails(['inspect-node-key', '--bin'], /Bad node key file/, { stdin: Buffer.alloc(31) });
    await fails(['inspect-node-key', '--file', join(root, 'missing')], /ENOENT|no such file/);
  });
});

describe('key --help', () => {
  it('lists the subcommands with descriptions', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const s of ['generate ', 'inspect ', 'insert ', 'generate-node-key', 'inspect-node-key', 'Generate a random account']) expect(r.out).toContain(s);
    const h = await run(['insert', '--help']);
    expect(h.out).toContain('--key-type <TYPE>');
    expect(h.out).toContain('Insert a key to the keystore of a node.');
  });
});
