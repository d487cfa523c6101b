// `slmnet-node` as a command-line program: flags, errors, chain specs, key
// subcommands and purge-chain, run as child processes like a user would.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blake2AsU8a, cryptoWaitReady, decodeAddress, encodeAddress, sr25519Verify } from '@polkadot/util-crypto';
import { TypeRegistry } from '@polkadot/types';
import { u8aToHex } from '@polkadot/util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, removeDir, ROOT, rpc, startNode, tempDir, waitFor, type RunningNode } from './helpers/node.ts';

const BIN = join(ROOT, 'node/bin/slmnet-node.js');
const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';
const ALICE_SR = '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';
const ALICE_ED = '0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee';
const ALICE_SEED = '0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a';
const ENDOWMENT = 1152921504606846976n; // 2^60, above 2^53: must survive JSON untouched
const SYSTEM_ACCOUNT = '0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9';
const AURA_AUTHORITIES = '0x57f8dc2f5ab09467896f47300f0424385e0621c4869aa60c02be9adcc98a0d1d';
const CODE = '0x3a636f6465';
const PEER_ID = /^12D3KooW[1-9A-HJ-NP-Za-km-z]{44}$/;

// A home of its own: a CLI that misreads --base-path must not touch the real ~/.local/share.
const work = tempDir('slmnet-cli-');
const HOME = join(work, 'home');

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; out: Buffer; timedOut: boolean }

/** Runs `slmnet-node <args>` (the npm bin) and collects its output. */
function cli(args: string[], opts: { input?: string | Buffer; timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd: work, env: { ...process.env, HOME }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const t = setTimeout(() => { timedOut = true; p.kill('SIGKILL'); }, opts.timeoutMs ?? 30_000);
    p.stdout.on('data', (d) => out.push(d));
    p.stderr.on('data', (d) => err.push(d));
    p.on('error', reject);
    p.on('close', (code, signal) => {
      clearTimeout(t);
      const o = Buffer.concat(out);
      resolve({ code, signal, stdout: o.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), out: o, timedOut });
    });
    p.stdin.end(opts.input ?? '');
  });
}

/** At most `n` CLI processes at once (each costs ~2 s of CPU on a 2-core machine). */
function limiter(n: number) {
  let active = 0;
  const queue: (() => void)[] = [];
  return async <T>(f: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((r) => queue.push(r));
    active++;
    try { return await f(); } finally { active--; queue.shift()?.(); }
  };
}
const limit = limiter(2);
const run = (args: string[], opts?: Parameters<typeof cli>[1]) => limit(() => cli(args, opts));

const ok = (r: Run, what: string) => expect(r.code, `${what} failed (code ${r.code}, signal ${r.signal}):\n${r.stderr}`).toBe(0);
const call = async (n: RunningNode, method: string, params: unknown[] = []) => {
  const r = await rpc(n.httpUrl, method, params);
  expect(r.error, `${method}: ${JSON.stringify(r.error)}`).toBeUndefined();
  return r.result;
};
const accountKey = (ss58: string) => {
  const pub = decodeAddress(ss58);
  return SYSTEM_ACCOUNT + u8aToHex(blake2AsU8a(pub, 128)).slice(2) + u8aToHex(pub).slice(2);
};
/** AccountInfo{nonce, consumers, providers, sufficients: u32, data{free, reserved, frozen, flags: u128}} */
const accountInfo = (hex: string) => {
  const b = Buffer.from(hex.slice(2), 'hex');
  const u128 = (o: number) => b.readBigUInt64LE(o) + (b.readBigUInt64LE(o + 8) << 64n);
  return { bytes: b.length, nonce: b.readUInt32LE(0), free: u128(16), reserved: u128(32) };
};
/** The text of the JSON array that follows the last `"key": [` (brackets matched; strings hold none here). */
function arrayText(json: string, key: string): string {
  const start = json.lastIndexOf(`"${key}": [`);
  expect(start, `"${key}": [ in the spec`).toBeGreaterThanOrEqual(0);
  let depth = 0;
  for (let i = json.indexOf('[', start); i < json.length; i++) {
    if (json[i] === '[') depth++;
    else if (json[i] === ']' && --depth === 0) return json.slice(start, i + 1);
  }
  throw new Error(`unterminated "${key}" array`);
}
const nodes: RunningNode[] = [];
async function node(opts: Parameters<typeof startNode>[0]): Promise<RunningNode> {
  const n = await startNode(opts);
  nodes.push(n);
  return n;
}
async function stopAll(list: RunningNode[]) {
  await Promise.all(list.map(async (n) => { await n.stop(); removeDir(n.basePath); }));
}

let plain: Run, raw: Run, nodeKeyGen: Run;
const nodeKeyFile = join(work, 'node.key');
const plainFile = join(work, 'dev-plain.json');
const rawFile = join(work, 'dev-raw.json');
const validatorBase = join(work, 'validator');
/** The `--dev` node of the genesis test runs here; purge-chain then purges it. */
const devBase = join(work, 'dev');
const customFile = join(work, 'custom.json');
const CUSTOM_BALANCE = 1_234_567_890_123_456_789_012_345_678n; // > 2^64

/** Nodes start in the background as soon as their inputs exist; tests await them. */
let devNode: Promise<RunningNode>, rawNode: Promise<RunningNode>, plainNode: Promise<RunningNode>;
let customNode: Promise<RunningNode>, validatorNode: Promise<RunningNode>;
/** A background promise: its failure is reported by the test that awaits it, not as an unhandled rejection. */
const bg = <T>(p: Promise<T>): Promise<T> => { p.catch(() => {}); return p; };

/** Invocations that depend on nothing start together at the beginning; each test awaits its own. */
const pending: Record<string, Promise<Run>> = {};
const started = (name: string) => pending[name];

beforeAll(async () => {
  await cryptoWaitReady();
  const ahead: [string, string[]][] = [
    ['plain', ['build-spec', '--chain', 'dev']],
    ['raw', ['build-spec', '--chain', 'dev', '--raw']],
    ['nodeKeyGen', ['key', 'generate-node-key', '--file', nodeKeyFile]],
    ['insertAura', ['key', 'insert', '--suri', '//Alice', '--key-type', 'aura', '--base-path', validatorBase, '--chain', 'local']],
    ['insertGran', ['key', 'insert', '--suri', '//Alice', '--key-type', 'gran', '--scheme', 'ed25519', '--base-path', validatorBase, '--chain', 'local']],
    ['help', ['--help']],
    ['keyHelp', ['key', '--help']],
    ['inspectAlice', ['key', 'inspect', '//Alice']],
    ['inspectAliceEdPolkadotJson', ['key', 'inspect', '--scheme', 'ed25519', '--network', 'polkadot', '--output-type', 'json', '//Alice']],
    ['generate', ['key', 'generate']],
  ];
  for (const [name, args] of ahead) pending[name] = run(args);
  [plain, raw, nodeKeyGen] = await Promise.all([started('plain'), started('raw'), started('nodeKeyGen')]);
  writeFileSync(plainFile, plain.stdout);
  writeFileSync(rawFile, raw.stdout);
  // the dev spec with Bob's balance edited (in the text: JSON.parse would round it) and another name
  writeFileSync(customFile, plain.stdout
    .replace(/"name":\s*"[^"]*"/, '"name": "Custom SLMnet"')
    .replace(new RegExp(`("${BOB}",\\s*)\\d+`), `$1${CUSTOM_BALANCE}`));
  devNode = bg(node({ basePath: devBase }));
  rawNode = bg(node({ dev: false, tmp: true, args: ['--chain', rawFile, '--alice', '--node-key-file', nodeKeyFile] }));
  plainNode = bg(node({ dev: false, tmp: true, args: ['--chain', plainFile, '--alice'] }));
  customNode = bg(node({ dev: false, tmp: true, args: ['--chain', customFile, '--alice'] }));
  // local_testnet: Aura authorities [Alice, Bob]; only the inserted keys let this node author Alice's slots
  validatorNode = bg(Promise.all([started('insertAura'), started('insertGran')])
    .then(() => node({ dev: false, basePath: validatorBase, args: ['--chain', 'local', '--validator', '--force-authoring'] })));
});

afterAll(async () => {
  // nodes still starting in the background (e.g. when tests were filtered out) must be up before they can be stopped
  await Promise.allSettled([devNode, rawNode, plainNode, customNode, validatorNode].filter(Boolean));
  await Promise.allSettled(Object.values(pending));
  await stopAll(nodes);
  removeDir(work);
});

describe('flags', () => {
  it('--help lists the Substrate flags and the subcommands', async () => {
    const [help, keyHelp] = await Promise.all([started('help'), started('keyHelp')]);
    ok(help, '--help');
    for (const flag of [
      '--dev', '--chain', '--base-path', '--tmp', '--name', '--validator', '--force-authoring', '--alice', '--bob', '--charlie',
      '--rpc-port', '--rpc-cors', '--rpc-methods', '--rpc-external', '--unsafe-rpc-external', '--rpc-max-connections',
      '--prometheus-port', '--prometheus-external', '--no-prometheus', '--no-telemetry', '--port', '--listen-addr', '--bootnodes',
      '--node-key', '--node-key-file', '--log',
    ]) expect(help.stdout, flag).toMatch(new RegExp(`(^|[\\s,])${flag}([\\s=<,]|$)`, 'm'));
    expect(help.stdout).toMatch(/-d, --base-path/);
    expect(help.stdout).toMatch(/-l, --log/);
    for (const sub of ['build-spec', 'purge-chain', 'key']) expect(help.stdout).toMatch(new RegExp(`^\\s+${sub}\\b`, 'm'));
    ok(keyHelp, 'key --help');
    for (const sub of ['generate', 'inspect', 'insert', 'generate-node-key', 'inspect-node-key']) expect(keyHelp.stdout).toMatch(new RegExp(`^\\s+${sub}\\b`, 'm'));
  });

  it('bad flags exit non-zero at once with a one-line error', async () => {
    const cases: [string[], RegExp[]][] = [
      [['--frobnicate'], [/--frobnicate/]],
      [['--rpc-port', 'abc'], [/--rpc-port/, /abc/]],
      [['--rpc-methods', 'bogus'], [/--rpc-methods/, /bogus/]],
      [['--chain', join(work, 'missing-spec.json')], [/missing-spec\.json/]],
    ];
    // should a bad flag be accepted, the node must not take default ports or data dirs
    const safety = async (args: string[]) => [...args, '--tmp', '--no-prometheus', ...(args.includes('--rpc-port') ? [] : ['--rpc-port', String(await freePort())])];
    const runs = await Promise.all(cases.map(async ([args]) => run(await safety(args), { timeoutMs: 25_000 })));
    cases.forEach(([args, patterns], i) => {
      const r = runs[i];
      const what = args.join(' ');
      expect(r.timedOut, `${what}: still running (the node started?)`).toBe(false);
      expect(r.code, `${what}: exit code`).not.toBe(0);
      expect(r.code, `${what}: exit code`).not.toBeNull();
      expect(r.stdout, `${what}: stdout`).not.toMatch(/RPC listening/);
      expect(r.stderr, `${what}: no stack trace`).not.toMatch(/^\s+at /m);
      // one line that says what is wrong (a "see --help" hint may follow)
      const lines = r.stderr.trim().split('\n').filter((l) => l.trim() && !/--help/.test(l));
      expect(lines, `${what}: stderr was\n${r.stderr}`).toHaveLength(1);
      expect(lines[0]).toMatch(/error/i);
      for (const p of patterns) expect(lines[0], what).toMatch(p);
    });
  });
});

describe('build-spec', () => {
  it('--chain dev prints the development spec; u128 balances are exact integers', () => {
    ok(plain, 'build-spec --chain dev');
    const spec = JSON.parse(plain.stdout);
    expect(spec.name).toBe('Development');
    expect(spec.id).toBe('dev');
    expect(spec.chainType).toBe('Development');
    expect(spec.properties).toEqual({ ss58Format: 42, tokenDecimals: 12, tokenSymbol: 'SLMN' });
    expect(Array.isArray(spec.bootNodes)).toBe(true);
    const patch = spec.genesis?.runtimeGenesis?.patch;
    expect(patch, 'genesis.runtimeGenesis.patch').toBeDefined();
    expect(spec.genesis.runtimeGenesis.code).toMatch(/^0x([0-9a-f]{2})+$/);
    // the dev chain has Alice as its only authority
    expect(patch.aura.authorities).toEqual([ALICE]);
    expect(patch.grandpa.authorities.map((a: [string, number]) => a[0])).toEqual(['5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu']);
    expect(patch.sudo.key).toBe(ALICE);
    const balances: [string, unknown][] = patch.balances.balances;
    expect(balances).toHaveLength(12);
    expect(balances.map((b) => b[0])).toContain(BOB);
    // printed as bare integers with every digit (JSON.parse itself rounds them, so read the text)
    const amounts = [...arrayText(plain.stdout, 'balances').matchAll(/"(5[1-9A-HJ-NP-Za-km-z]{47})",\s*("?)(\d+)\2\s*\]/g)];
    expect(amounts).toHaveLength(12);
    for (const m of amounts) {
      expect(m[2], 'amount is a JSON number, not a string').toBe('');
      expect(BigInt(m[3])).toBe(ENDOWMENT);
    }
    expect(plain.stdout).toMatch(new RegExp(`"${ALICE}",\\s*${ENDOWMENT}\\s*\\]`));
  });

  it('--chain dev --raw prints genesis.raw.top with System.Account entries and :code', () => {
    ok(raw, 'build-spec --chain dev --raw');
    const spec = JSON.parse(raw.stdout);
    expect(spec.id).toBe('dev');
    expect(spec.name).toBe('Development');
    expect(spec.genesis.runtimeGenesis).toBeUndefined();
    const top: Record<string, string> = spec.genesis.raw.top;
    expect(spec.genesis.raw.childrenDefault).toEqual({});
    for (const [k, v] of Object.entries(top)) {
      expect(k).toMatch(/^0x([0-9a-f]{2})+$/);
      expect(v).toMatch(/^0x([0-9a-f]{2})*$/);
    }
    expect(top[CODE]).toMatch(/^0x([0-9a-f]{2})+$/);
    expect(Object.keys(top).filter((k) => k.startsWith(SYSTEM_ACCOUNT))).toHaveLength(14); // 12 dev accounts + rewards pot + contributor escrow
    for (const who of [ALICE, BOB]) {
      const info = accountInfo(top[accountKey(who)]);
      expect(info).toEqual({ bytes: 80, nonce: 0, free: ENDOWMENT, reserved: 0n });
    }
    expect(top[AURA_AUTHORITIES]).toBe('0x04' + ALICE_SR.slice(2));
  });

  it('a node started from the raw or the plain spec file has the --dev genesis hash', async () => {
    const [dev, fromRaw, fromPlain] = await Promise.all([devNode, rawNode, plainNode]);
    try {
      // --node-key-file sets the peer id that `key generate-node-key` printed
      ok(nodeKeyGen, 'key generate-node-key --file');
      expect(await call(fromRaw, 'system_localPeerId')).toBe(nodeKeyGen.stderr.trim().split('\n').pop());
      // --alice authors on a chain from a file too
      for (const n of [fromRaw, fromPlain]) {
        await waitFor(async () => (parseInt((await call(n, 'chain_getHeader')).number, 16) >= 1 ? true : undefined), 'block #1 from a spec file');
      }
      const devGenesis = await call(dev, 'chain_getBlockHash', [0]);
      expect(devGenesis).toMatch(/^0x[0-9a-f]{64}$/);
      expect(await call(fromRaw, 'chain_getBlockHash', [0]), 'genesis from the raw spec').toBe(devGenesis);
      expect(await call(fromPlain, 'chain_getBlockHash', [0]), 'genesis from the plain spec').toBe(devGenesis);
      for (const n of [fromRaw, fromPlain]) {
        expect(await call(n, 'system_chain')).toBe('Development');
        expect(await call(n, 'system_properties')).toEqual({ ss58Format: 42, tokenDecimals: 12, tokenSymbol: 'SLMN' });
      }
    } finally {
      await stopAll([fromRaw, fromPlain]); // the --dev node stays up until purge-chain
    }
  });

  it('a custom spec with an edited balance is honoured', async () => {
    ok(plain, 'build-spec --chain dev');
    expect(readFileSync(customFile, 'utf8')).toContain(String(CUSTOM_BALANCE));
    const n = await customNode;
    const genesis = await call(n, 'chain_getBlockHash', [0]);
    expect(await call(n, 'system_chain')).toBe('Custom SLMnet');
    expect(accountInfo(await call(n, 'state_getStorage', [accountKey(BOB), genesis])).free).toBe(CUSTOM_BALANCE);
    expect(accountInfo(await call(n, 'state_getStorage', [accountKey(ALICE), genesis])).free).toBe(ENDOWMENT);
    expect(genesis).not.toBe(await call(await devNode, 'chain_getBlockHash', [0]));
    await stopAll([n]);
  });
});

describe('key', () => {
  it('generate and inspect print subkey\'s output', async () => {
    const [gen, alice, aliceEdPolkadotJson] = await Promise.all(['generate', 'inspectAlice', 'inspectAliceEdPolkadotJson'].map(started));
    ok(alice, 'key inspect //Alice');
    expect(alice.stdout).toBe(
      'Secret Key URI `//Alice` is account:\n'
      + '  Network ID:        substrate\n'
      + `  Secret seed:       ${ALICE_SEED}\n`
      + `  Public key (hex):  ${ALICE_SR}\n`
      + `  Account ID:        ${ALICE_SR}\n`
      + `  Public key (SS58): ${ALICE}\n`
      + `  SS58 Address:      ${ALICE}\n`);
    ok(aliceEdPolkadotJson, 'key inspect --scheme ed25519 --network polkadot --output-type json');
    expect(JSON.parse(aliceEdPolkadotJson.stdout)).toEqual({
      accountId: ALICE_ED, networkId: 'polkadot', publicKey: ALICE_ED, secretKeyUri: '//Alice',
      secretSeed: '0xabf8e5bdbe30c65656c0a3cbd181ff8a56294a69dfedd27982aace4a76909115',
      ss58Address: encodeAddress(ALICE_ED, 0), ss58PublicKey: encodeAddress(ALICE_ED, 0),
    });

    ok(gen, 'key generate');
    const phrase = /^Secret phrase:\s+(.+)$/m.exec(gen.stdout)?.[1];
    expect(phrase?.split(' ')).toHaveLength(12);
    const address = /^\s+SS58 Address:\s+(\S+)$/m.exec(gen.stdout)?.[1];
    expect(address).toMatch(/^5[1-9A-HJ-NP-Za-km-z]{47}$/);
    expect(gen.stdout).toMatch(/^\s+Secret seed:\s+0x[0-9a-f]{64}$/m);
    const again = await run(['key', 'inspect', '--output-type', 'json', phrase!]);
    ok(again, 'key inspect <phrase>');
    expect(JSON.parse(again.stdout)).toMatchObject({ secretPhrase: phrase, ss58Address: address, networkId: 'substrate' });
  });

  it('insert writes keystore files that a --validator node authors with', async () => {
    const base = validatorBase;
    const [aura, gran] = await Promise.all([started('insertAura'), started('insertGran')]);
    ok(aura, 'key insert aura');
    ok(gran, 'key insert gran');
    const keystore = join(base, 'chains', 'local_testnet', 'keystore');
    const auraFile = join(keystore, '61757261' + ALICE_SR.slice(2));
    const granFile = join(keystore, '6772616e' + ALICE_ED.slice(2));
    expect(existsSync(auraFile), `${auraFile} (found: ${existsSync(keystore) ? readdirSync(keystore) : 'no keystore'})`).toBe(true);
    expect(existsSync(granFile), granFile).toBe(true);
    expect(JSON.parse(readFileSync(auraFile, 'utf8'))).toBe('//Alice');

    const n = await validatorNode;
    expect(await call(n, 'system_chain')).toBe('Local Testnet');
    expect(await call(n, 'system_nodeRoles')).toEqual(['Authority']);
    const header = await waitFor(async () => {
      const h = await call(n, 'chain_getHeader');
      return parseInt(h.number, 16) >= 1 ? h : undefined;
    }, 'a block authored with the inserted key', 30_000);
    const [pre, seal] = header.digest.logs as string[];
    const slot = Buffer.from(pre.slice(14), 'hex').readBigUInt64LE(0);
    expect(slot % 2n).toBe(0n); // Alice's turn
    const registry = new TypeRegistry();
    const preHash = blake2AsU8a(registry.createType('Header', { ...header, digest: { logs: [pre] } }).toU8a(), 256);
    expect(sr25519Verify(preHash, Buffer.from(seal.slice(16), 'hex'), ALICE_SR)).toBe(true);
    await stopAll([n]);
  });

  it('generate-node-key and inspect-node-key agree on the peer id', async () => {
    ok(nodeKeyGen, 'key generate-node-key --file');
    expect(nodeKeyGen.stdout).toBe('');
    expect(readFileSync(nodeKeyFile, 'utf8')).toMatch(/^[0-9a-f]{64}$/); // hex, no 0x, no newline
    const peerId = nodeKeyGen.stderr.trim().split('\n').pop();
    expect(peerId).toMatch(PEER_ID);
    const inspected = await run(['key', 'inspect-node-key', '--file', nodeKeyFile]);
    ok(inspected, 'key inspect-node-key --file');
    expect(inspected.stdout.trim()).toBe(peerId);
  });
});

describe('purge-chain', () => {
  it('purge-chain --dev -y --base-path <dir> removes the database and keeps the node key', async () => {
    // the --dev node started for the genesis test keeps its chain in devBase
    const base = devBase;
    const n = await devNode;
    await waitFor(async () => (parseInt((await call(n, 'chain_getHeader')).number, 16) >= 1 ? true : undefined), 'block #1');
    await n.stop();
    const db = join(base, 'chains', 'dev', 'db');
    expect(existsSync(join(db, 'full'))).toBe(true);
    const networkKey = join(base, 'chains', 'dev', 'network', 'secret_ed25519');
    const hadKey = existsSync(networkKey);
    const r = await run(['purge-chain', '--dev', '-y', '--base-path', base]);
    ok(r, 'purge-chain');
    expect(existsSync(join(db, 'full')), `${db}/full must be gone; purge-chain said:\n${r.stdout}${r.stderr}`).toBe(false);
    expect(existsSync(networkKey)).toBe(hadKey);
    expect(r.stdout + r.stderr).toContain(base);
  });
});
