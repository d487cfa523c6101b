// `slmnet-node key …`: Substrate's key subcommands (sc-cli generate, inspect,
// insert, generate-node-key, inspect-node-key) with subkey's output text, so
// scripts written against a Substrate node keep working.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { allNetworks, checkAddressChecksum, base58Decode, cryptoWaitReady, encodeAddress, mnemonicGenerate } from '@polkadot/util-crypto';
import {
  accountId, keyTypeBytes, Keystore, pairFromPhrase, pairFromSuri, PUBLIC_KEY_LENGTH, SCHEMES, type DerivedPair, type Scheme,
} from '../keystore.ts';
import { generateNodeKey, networkKeyPath, parseNodeKey, peerIdFromNodeKey } from '../node-key.ts';
import { DEFAULT_BASE_PATH } from './options.ts';

export interface KeyIo {
  stdout(chunk: string | Uint8Array): void;
  stderr(chunk: string): void;
  /** Whole of stdin (for a URI or node key not given on the command line). */
  readStdin(): Promise<Uint8Array>;
}

export interface KeyCommandOptions {
  /** `--chain` value → chain spec id (names the `chains/<id>` folder). '' = no --chain given. */
  chainIdOf?: (chain: string) => string;
  defaultBasePath?: string;
  io?: Partial<KeyIo>;
}

const DEFAULT_SS58 = 42; // sp_core default_ss58_version(): substrate

/** Fallback when the node does not pass its chain-spec loader: dev, local, or a spec file's `id`. */
export function defaultChainIdOf(chain: string): string {
  if (chain === '' || chain === 'dev') return 'dev';
  if (chain === 'local') return 'local_testnet';
  let id: unknown;
  try { id = JSON.parse(readFileSync(chain, 'utf8')).id; } catch (e) { throw new Error(`cannot read chain spec "${chain}": ${(e as Error).message}`); }
  if (typeof id !== 'string' || id === '') throw new Error(`chain spec "${chain}" has no "id"`);
  return id;
}

// --- flag parsers (commander turns InvalidArgumentError into a one-line error) ---

const parseScheme = (v: string): Scheme => {
  const s = v.toLowerCase() as Scheme;
  if (!SCHEMES.includes(s)) throw new InvalidArgumentError(`expected one of ${SCHEMES.join(', ')}`);
  return s;
};
const parseOutputType = (v: string): 'text' | 'json' => {
  const s = v.toLowerCase();
  if (s !== 'text' && s !== 'json') throw new InvalidArgumentError('expected text or json');
  return s;
};
const parseWords = (v: string): 12 | 15 | 18 | 21 | 24 => {
  const n = Number(v);
  if (!/^\d+$/.test(v) || ![12, 15, 18, 21, 24].includes(n)) throw new InvalidArgumentError('Invalid number of words given for phrase: must be 12/15/18/21/24');
  return n as 12 | 15 | 18 | 21 | 24;
};
/** SS58 registry name (case-insensitive, like clap's ignore_case) or a prefix number. */
export const parseNetwork = (v: string): number => {
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    if (n > 16383) throw new InvalidArgumentError('SS58 prefixes go from 0 to 16383');
    return n;
  }
  const hit = allNetworks.find((n) => n.network.toLowerCase() === v.toLowerCase());
  if (!hit) throw new InvalidArgumentError('unknown network: use an SS58 registry name (substrate, polkadot, kusama, …) or a prefix number');
  return hit.prefix;
};
const parseKeyType = (v: string): string => {
  try { keyTypeBytes(v); } catch (e) { throw new InvalidArgumentError((e as Error).message); }
  return v;
};
/** Ss58AddressFormat's Display: the registry name, else the number. */
const networkName = (prefix: number): string => allNetworks.find((n) => n.prefix === prefix)?.network ?? String(prefix);

// --- subkey output (sc-cli commands/utils.rs) ---

const hex0x = (b: Uint8Array) => '0x' + Buffer.from(b).toString('hex');

interface KeyInfo { networkId: string; publicKey: string; accountId: string; ss58PublicKey: string; ss58Address: string }

function keyInfo(pub: Uint8Array, scheme: Scheme, prefix: number): KeyInfo {
  const acct = accountId(pub, scheme);
  return {
    networkId: networkName(prefix),
    publicKey: hex0x(pub),
    accountId: hex0x(acct),
    ss58PublicKey: encodeAddress(pub, prefix),
    ss58Address: encodeAddress(acct, prefix),
  };
}

/** serde_json::to_string_pretty of a json! map: keys sorted (BTreeMap), 2-space indent. */
const prettyJson = (o: Record<string, string>): string =>
  JSON.stringify(Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), null, 2) + '\n';

function secretText(head: string, i: KeyInfo, seed: string): string {
  return `${head}\n`
    + `  Network ID:        ${i.networkId}\n`
    + `  Secret seed:       ${seed}\n`
    + `  Public key (hex):  ${i.publicKey}\n`
    + `  Account ID:        ${i.accountId}\n`
    + `  Public key (SS58): ${i.ss58PublicKey}\n`
    + `  SS58 Address:      ${i.ss58Address}\n`;
}

function publicText(head: string, i: KeyInfo): string {
  return `${head}Network ID/Version: ${i.networkId}\n`
    + `  Public key (hex):   ${i.publicKey}\n`
    + `  Account ID:         ${i.accountId}\n`
    + `  Public key (SS58):  ${i.ss58PublicKey}\n`
    + `  SS58 Address:       ${i.ss58Address}\n`;
}

export interface InspectOptions { scheme: Scheme; network?: number; outputType: 'text' | 'json'; password?: string }

/**
 * print_from_uri: a BIP39 phrase, else a secret URI, else an SS58 public
 * address, in that order. Throws "Invalid phrase/URI given" (subkey prints
 * that and exits 0; we fail so scripts notice).
 */
export function formatFromUri(uri: string, o: InspectOptions): string {
  const prefix = o.network ?? DEFAULT_SS58;
  const secret = (kind: 'secretPhrase' | 'secretKeyUri', p: DerivedPair): string => {
    const info = keyInfo(p.publicKey, o.scheme, prefix);
    const seed = p.seed ? hex0x(p.seed) : 'n/a';
    if (o.outputType === 'json') return prettyJson({ [kind]: uri, secretSeed: seed, ...info });
    return secretText(kind === 'secretPhrase' ? `Secret phrase:       ${uri}` : `Secret Key URI \`${uri}\` is account:`, info, seed);
  };
  const phrase = pairFromPhrase(uri, o.scheme, o.password);
  if (phrase) return secret('secretPhrase', phrase);
  let derived: DerivedPair | undefined;
  try { derived = pairFromSuri(uri, o.scheme, o.password); } catch { /* try as a public address */ }
  if (derived) return secret('secretKeyUri', derived);
  const addr = decodeSs58(uri, o.scheme);
  if (!addr) throw new Error('Invalid phrase/URI given');
  const info = keyInfo(addr.publicKey, o.scheme, o.network ?? addr.prefix);
  info.ss58Address = info.ss58PublicKey; // subkey prints the public key's SS58 twice here (even for ecdsa)
  if (o.outputType === 'json') return prettyJson({ publicKeyUri: uri, ...info });
  return publicText(`Public Key URI \`${uri}\` is account:\n  `, info);
}

/** print_from_public: `--public` with a hex public key (an SS58 address is accepted too). */
export function formatFromPublic(pub: string, o: InspectOptions): string {
  const prefix = o.network ?? DEFAULT_SS58;
  let key: Uint8Array;
  const h = pub.replace(/^0x/, '');
  if (/^([0-9a-fA-F]{2})*$/.test(h)) key = new Uint8Array(Buffer.from(h, 'hex'));
  else {
    const addr = decodeSs58(pub, o.scheme);
    if (!addr) throw new Error('Invalid hex public key');
    key = addr.publicKey;
  }
  if (key.length !== PUBLIC_KEY_LENGTH[o.scheme]) throw new Error('Failed to construct public key from given hex');
  const info = keyInfo(key, o.scheme, prefix);
  info.ss58Address = info.ss58PublicKey; // as subkey: both lines show the public key's SS58
  if (o.outputType === 'json') return prettyJson({ ...info });
  return publicText('', info);
}

/** Ss58Codec::from_ss58check_with_version: valid checksum and the scheme's public key length. */
function decodeSs58(s: string, scheme: Scheme): { publicKey: Uint8Array; prefix: number } | undefined {
  let raw: Uint8Array;
  try { raw = base58Decode(s); } catch { return undefined; }
  let ok: boolean, end: number, prefixLen: number, prefix: number;
  try { [ok, end, prefixLen, prefix] = checkAddressChecksum(raw); } catch { return undefined; }
  if (!ok || end - prefixLen !== PUBLIC_KEY_LENGTH[scheme] || prefix === 46 || prefix === 47) return undefined;
  return { publicKey: raw.slice(prefixLen, end), prefix };
}

// --- the command ---

/** Substrate's read_uri: the argument, or the content of the file it names, or stdin. */
async function readUri(v: string | undefined, io: KeyIo): Promise<string> {
  if (v === undefined) return Buffer.from(await io.readStdin()).toString('utf8').trim();
  if (existsSync(v) && statSync(v).isFile()) return readFileSync(v, 'utf8').trimEnd();
  return v;
}

async function readAllStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export function keyCommand(opts: KeyCommandOptions = {}): Command {
  const io: KeyIo = {
    stdout: opts.io?.stdout ?? ((c) => { process.stdout.write(c); }),
    stderr: opts.io?.stderr ?? ((c) => { process.stderr.write(c); }),
    readStdin: opts.io?.readStdin ?? readAllStdin,
  };
  const chainIdOf = opts.chainIdOf ?? defaultChainIdOf;
  const defaultBase = opts.defaultBasePath ?? DEFAULT_BASE_PATH;

  const key = new Command('key')
    .description('key utilities: accounts, session keys and the node (libp2p) key')
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .exitOverride(); // errors throw CommanderError; main.ts turns them into the exit code

  // Action wrapper: crypto ready first; any failure → "error: <message>" on stderr, exit 1.
  const act = (fn: (o: any, args: string[]) => Promise<void> | void) => async (...a: any[]) => {
    const cmd = a[a.length - 1] as Command;
    try {
      await cryptoWaitReady();
      await fn(cmd.opts(), cmd.args);
    } catch (e) {
      if (e instanceof CommanderError) throw e;
      cmd.error(`error: ${(e as Error).message}`, { exitCode: 1, code: 'slmnet.key' });
    }
  };
  const schemeOpt = () => new Option('--scheme <SCHEME>', 'cryptography scheme: sr25519, ed25519 or ecdsa').argParser(parseScheme).default('sr25519');
  const outputOpt = () => new Option('--output-type <FORMAT>', 'output format: text or json').argParser(parseOutputType).default('text');
  const networkOpt = () => new Option('-n, --network <NETWORK>', 'SS58 network: registry name (substrate, polkadot, kusama, …) or prefix number (default substrate, 42)').argParser(parseNetwork);
  const passwordOpt = () => new Option('--password <PASSWORD>', 'password appended to the seed (BIP39 passphrase)');

  key.command('generate')
    .description('Generate a random account')
    .addOption(new Option('-w, --words <WORDS>', 'number of words in the phrase: 12 (default), 15, 18, 21 or 24').argParser(parseWords).default(12))
    .addOption(schemeOpt()).addOption(outputOpt()).addOption(networkOpt()).addOption(passwordOpt())
    .action(act((o) => {
      const phrase = mnemonicGenerate(o.words);
      io.stdout(formatFromUri(phrase, { scheme: o.scheme, network: o.network, outputType: o.outputType, password: o.password }));
    }));

  key.command('inspect')
    .description('Gets a public key and a SS58 address from the provided Secret URI')
    .argument('[uri]', 'phrase, secret URI (//Alice, 0x seed, with derivation paths and ///password), SS58 address, or with --public a hex public key; a file name reads the file; omitted: read from stdin')
    .option('--public', 'the URI is a hex encoded public key')
    .addOption(schemeOpt()).addOption(outputOpt()).addOption(networkOpt()).addOption(passwordOpt())
    .action(act(async (o, args) => {
      const uri = await readUri(args[0], io);
      if (uri === '') throw new Error('no URI given');
      const fmt = { scheme: o.scheme, network: o.network, outputType: o.outputType, password: o.password };
      io.stdout(o.public ? formatFromPublic(uri, fmt) : formatFromUri(uri, fmt));
    }));

  key.command('insert')
    .description('Insert a key to the keystore of a node.')
    .option('--suri <SURI>', 'secret key URI; a file name reads the file; omitted: read from stdin')
    .requiredOption('--key-type <TYPE>', 'key type, 4 characters: aura, gran, babe, imon, …', parseKeyType)
    .addOption(new Option('--scheme <SCHEME>', 'scheme used to derive the public key from the URI: sr25519, ed25519 or ecdsa').argParser(parseScheme).default('sr25519'))
    .option('--chain <CHAIN_SPEC>', 'chain spec: dev, local or a chain spec file (names the keystore folder)')
    .option('--dev', 'same as --chain dev')
    .option('-d, --base-path <PATH>', `node base path (default ${defaultBase})`)
    .option('--keystore-path <PATH>', 'keystore directory (default <base-path>/chains/<chain id>/keystore)')
    .action(act(async (o) => {
      const suri = await readUri(o.suri, io);
      if (suri === '') throw new Error('no secret URI given');
      const dir = o.keystorePath ?? join(o.basePath ?? defaultBase, 'chains', chainIdOf(o.chain ?? (o.dev ? 'dev' : '')), 'keystore');
      Keystore.open(dir).insertSuri(o.keyType, suri, o.scheme);
    }));

  key.command('generate-node-key')
    .description('Generate a random node key, write it to a file or stdout and write the corresponding peer-id to stderr')
    .addOption(new Option('--file <FILE>', 'file to save the secret key to; if not given, the key is printed to stdout').conflicts(['basePath', 'defaultBasePath', 'chain']))
    .option('--bin', 'write the key as 32 raw bytes instead of hex')
    .option('--chain <CHAIN_SPEC>', 'chain spec: dev, local or a chain spec file (with --base-path / --default-base-path)')
    .addOption(new Option('--base-path <PATH>', 'save the key in <PATH>/chains/<chain id>/network/secret_ed25519; an existing key is never overwritten').conflicts(['defaultBasePath']))
    .option('--default-base-path', `like --base-path ${defaultBase}`)
    .action(act((o) => {
      const secret = generateNodeKey();
      const data = o.bin ? secret : Buffer.from(Buffer.from(secret).toString('hex'));
      if (o.file !== undefined) {
        writeFileSync(o.file, data, { mode: 0o600 });
      } else if (o.basePath !== undefined || o.defaultBasePath) {
        const file = networkKeyPath(o.basePath ?? defaultBase, chainIdOf(o.chain ?? ''));
        mkdirSync(dirname(file), { recursive: true });
        if (existsSync(file)) throw new Error(`Skip generation, a key already exists in ${JSON.stringify(file)}`);
        io.stderr(`Generating key in ${JSON.stringify(file)}\n`);
        writeFileSync(file, data, { mode: 0o600, flag: 'wx' });
      } else {
        io.stdout(data); // no newline, as Substrate
      }
      io.stderr(peerIdFromNodeKey(secret) + '\n');
    }));

  key.command('inspect-node-key')
    .description('Load a node key from a file or stdin and print the corresponding peer-id.')
    .option('--file <FILE>', 'file to read the secret key from; if not given, it is read from stdin')
    .option('--bin', 'the input is 32 raw bytes instead of hex')
    .addOption(new Option('-n, --network <NETWORK>', 'deprecated, has no effect').hideHelp())
    .action(act(async (o) => {
      const data = o.file !== undefined ? readFileSync(o.file) : Buffer.from(await io.readStdin());
      let secret: Uint8Array;
      if (o.bin) {
        if (data.length !== 32) throw new Error(`Bad node key file: expected 32 bytes, got ${data.length}`);
        secret = new Uint8Array(data);
      } else {
        try { secret = parseNodeKey(data.toString('utf8')); } catch (e) { throw new Error(`failed to decode secret as hex: ${(e as Error).message}`); }
      }
      io.stdout(peerIdFromNodeKey(secret) + '\n');
    }));

  return key;
}
