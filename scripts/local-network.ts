// `npm start`: a persistent local network of validators (alice, bob, charlie by default) on
// loopback, the indexer following the first one and the explorer over the indexer and that node. Data lives under .slmnet/local/<name> (the
// indexer's in .slmnet/local/indexer); the next start resumes the same chain unless --fresh is
// given. Ctrl-C stops every process cleanly.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { parseJson, stringifyJson } from '@slmnet/runtime-spec';
import { staleBuild } from '../explorer/server/build.ts';
import { peerIdFromNodeKey } from '../node/src/node-key.ts';

const ROOT = resolve(import.meta.dirname, '..');
const NAMES = ['alice', 'bob', 'charlie', 'dave', 'eve', 'ferdie'];

export interface NetworkNode { name: string; rpcPort: number; p2pPort: number; prometheusPort: number; basePath: string; nodeKey: string; peerId: string }

/** Node keys like Zombienet's: sha256(name), so peer ids are stable across runs. */
export function planNetwork(o: { validators: number; basePath: string; rpcPort: number; p2pPort: number; prometheusPort: number }): NetworkNode[] {
  return NAMES.slice(0, o.validators).map((name, i) => {
    const nodeKey = createHash('sha256').update(name).digest('hex');
    return {
      name, nodeKey, peerId: peerIdFromNodeKey(Buffer.from(nodeKey, 'hex')),
      rpcPort: o.rpcPort + i, p2pPort: o.p2pPort + i, prometheusPort: o.prometheusPort + i, basePath: join(o.basePath, name),
    };
  });
}

/**
 * The local testnet spec with these validators as Aura and GRANDPA authorities (what Zombienet
 * does to a plain spec), written once: later starts reuse it, so the chain is the same.
 */
export async function ensureChainSpec(path: string, validators: string[]): Promise<void> {
  if (existsSync(path)) return;
  await cryptoWaitReady();
  const plain = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'node/src/main.ts'), 'build-spec', '--chain', 'local', '--disable-default-bootnode'],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const spec = parseJson(plain);
  const patch = spec.genesis.runtimeGenesis.patch;
  const key = (type: 'sr25519' | 'ed25519', name: string) => new Keyring({ type, ss58Format: 42 }).addFromUri(`//${name[0].toUpperCase()}${name.slice(1)}`).address;
  patch.aura = { authorities: validators.map((v) => key('sr25519', v)) };
  patch.grandpa = { authorities: validators.map((v) => [key('ed25519', v), 1]) };
  writeFileSync(path, stringifyJson(spec, 2));
}

export function nodeArgs(n: NetworkNode, bootnode: NetworkNode | undefined, chain = 'local'): string[] {
  return [
    '--chain', chain, `--${n.name}`, '--validator', '--name', n.name,
    '--base-path', n.basePath, '--node-key', n.nodeKey,
    '--rpc-port', String(n.rpcPort), '--rpc-cors', 'all',
    '--listen-addr', `/ip4/127.0.0.1/tcp/${n.p2pPort}`,
    '--prometheus-port', String(n.prometheusPort),
    ...(bootnode && bootnode !== n ? ['--bootnodes', `/ip4/127.0.0.1/tcp/${bootnode.p2pPort}/p2p/${bootnode.peerId}`] : []),
  ];
}

const int = (name: string, min: number, max: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`);
  return n;
};

export async function main(argv: string[]): Promise<void> {
  const program = new Command('slmnet-local')
    .description('Start a persistent local SLMnet network of validators on 127.0.0.1 (Ctrl-C stops it).')
    .option('--validators <n>', 'number of validators (alice, bob, charlie, …)', int('--validators', 1, NAMES.length), 3)
    .option('--base-path <dir>', 'where the nodes keep their data', '.slmnet/local')
    .option('--fresh', 'delete the previous chain and start a new one')
    .option('--rpc-port <port>', 'RPC port of the first node (the others follow)', int('--rpc-port', 1, 65000), 9944)
    .option('--p2p-port <port>', 'p2p port of the first node', int('--p2p-port', 1, 65000), 30333)
    .option('--prometheus-port <port>', 'metrics port of the first node', int('--prometheus-port', 1, 65000), 9615)
    .option('--indexer-port <port>', 'HTTP port of the indexer\'s REST API', int('--indexer-port', 1, 65000), 3000)
    .option('--no-indexer', 'run the validators only (and no explorer)')
    .option('--explorer-port <port>', 'HTTP port of the explorer web app', int('--explorer-port', 1, 65000), 4000)
    .option('--no-explorer', 'do not serve the explorer')
    .showHelpAfterError()
    .parse(argv, { from: 'user' });
  const o = program.opts<{
    validators: number; basePath: string; fresh?: boolean; rpcPort: number; p2pPort: number; prometheusPort: number; indexerPort: number; indexer: boolean;
    explorerPort: number; explorer: boolean;
  }>();
  const explorer = o.indexer && o.explorer;
  const basePath = resolve(ROOT, o.basePath);
  if (o.fresh && existsSync(basePath)) rmSync(basePath, { recursive: true, force: true });
  mkdirSync(basePath, { recursive: true });
  const plan = planNetwork({ ...o, basePath });
  const specPath = join(basePath, 'chain-spec.json');
  await ensureChainSpec(specPath, plan.map((n) => n.name));
  if (parseJson(readFileSync(specPath, 'utf8')).genesis.runtimeGenesis.patch.aura.authorities.length !== plan.length) {
    throw new Error(`the chain in ${o.basePath} has a different number of validators; use --fresh to start a new one`);
  }

  const procs: ChildProcess[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping the network…');
    await Promise.all(procs.map((p) => new Promise<void>((res) => {
      if (p.exitCode !== null || p.signalCode !== null) return res();
      p.once('exit', () => res());
      p.kill('SIGTERM');
    })));
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  const children = plan.map((n) => ({ name: n.name, args: ['--import', 'tsx', join(ROOT, 'node/src/main.ts'), ...nodeArgs(n, plan[0], specPath)] }));
  // the indexer retries until the first node answers, so it can start with the nodes
  if (o.indexer) {
    children.push({
      name: 'indexer',
      args: [join(ROOT, 'indexer/bin/slmnet-indexer.js'), '--url', `ws://127.0.0.1:${plan[0].rpcPort}`, '--db', join(basePath, 'indexer'), '--port', String(o.indexerPort)],
    });
  }
  if (explorer) {
    // the production build: made on the first start and again whenever its sources changed (a pull, an edit)
    const stale = staleBuild();
    if (stale) {
      console.log(`building the explorer (npm run build -w explorer): ${stale}…`);
      const built = spawnSync('npm', ['run', 'build', '-w', 'explorer'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
      if (built.status !== 0) throw new Error('building the explorer failed (see above); --no-explorer starts without it');
    }
    children.push({
      name: 'explorer',
      args: [join(ROOT, 'explorer/bin/slmnet-explorer.js'), '--port', String(o.explorerPort), '--api', `http://127.0.0.1:${o.indexerPort}`, '--node', `ws://127.0.0.1:${plan[0].rpcPort}`],
    });
  }
  for (const n of children) {
    const p = spawn(process.execPath, n.args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    procs.push(p);
    const prefix = `${n.name.padEnd(8)}│ `;
    for (const stream of [p.stdout!, p.stderr!]) {
      let buf = '';
      stream.on('data', (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split('\n');
        buf = lines.pop()!;
        for (const l of lines) process.stdout.write(prefix + l + '\n');
      });
    }
    p.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`${n.name} exited (${signal ?? code}); stopping the others. See its log lines above.`);
      void stop(1);
    });
  }
  console.log([
    `SLMnet local network: ${plan.length} validators, data in ${o.basePath}${o.fresh ? ' (fresh)' : ''}`,
    ...plan.map((n) => `  ${n.name.padEnd(8)} ws://127.0.0.1:${n.rpcPort}  (p2p ${n.p2pPort}, metrics http://127.0.0.1:${n.prometheusPort}/metrics)`),
    ...(o.indexer ? [`  indexer  http://127.0.0.1:${o.indexerPort}  (REST API, /openapi.json; follows ${plan[0].name})`] : []),
    ...(explorer ? [`  explorer http://127.0.0.1:${o.explorerPort}  (web app over the indexer and ${plan[0].name})`] : []),
    'Ctrl-C stops the network; the next `npm start` resumes it (`npm start -- --fresh` starts over).',
  ].join('\n'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main(process.argv.slice(2)).catch((e: Error) => { console.error(`error: ${e.message}`); process.exit(1); });
}
