// `slmnet-node` run flags, as Substrate spells them.
import { Command, InvalidArgumentError, Option } from 'commander';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const DEV_ACCOUNTS = ['alice', 'bob', 'charlie', 'dave', 'eve', 'ferdie'] as const;
export const DEFAULT_P2P_PORT = 30333;
export const DEFAULT_BASE_PATH = join(homedir(), '.local', 'share', 'slmnet-node');

export interface RunOptions {
  dev: boolean;
  chain: string;
  basePath?: string;
  tmp: boolean;
  name?: string;
  validator: boolean;
  devKey?: (typeof DEV_ACCOUNTS)[number];
  forceAuthoring: boolean;
  rpcPort: number;
  rpcHost: string;
  rpcCors: string[] | 'all' | null;
  rpcMethods: 'auto' | 'safe' | 'unsafe';
  rpcMaxConnections: number;
  rpcMaxRequestSize: number; // MiB
  rpcMaxResponseSize: number; // MiB
  rpcMaxSubscriptionsPerConnection: number;
  prometheusPort: number | null;
  prometheusExternal: boolean;
  port: number;
  /** False when --port was not given (the default port may then fall back to a free one if taken). */
  portExplicit: boolean;
  listenAddr: string[];
  bootnodes: string[];
  reservedNodes: string[];
  publicAddr: string[];
  reservedOnly: boolean;
  inPeers: number;
  outPeers: number;
  nodeKey?: string;
  nodeKeyFile?: string;
  log: string[];
  /** Finalized blocks the bytes of a rejected or withdrawn contribution are kept for. */
  contentGcGrace: number;
  contentOrphanGrace: number;
  /** Run the attestor worker (default: validators). */
  attestor: boolean;
  /** Test-only misbehaviour: the attestor attests an empty attribution. */
  attestWrong: boolean;
  /** Answer this node's storage challenges (default: yes). */
  challengeResponder: boolean;
  /** Test-only misbehaviour: author two blocks per own slot and sign two votes per GRANDPA step. */
  equivocate: boolean;
}

export const int = (what: string, min = 0, max = 65535) => (v: string): number => {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError(`${what} must be an integer`);
  const n = Number(v);
  if (n < min || n > max) throw new InvalidArgumentError(`${what} must be between ${min} and ${max}`);
  return n;
};
const collect = (v: string, prev: string[] = []) => [...prev, ...v.split(/\s+/).filter(Boolean)];

/** Adds the run flags to `cmd`. Network flags are accepted now and used by the p2p layer. */
export function addRunOptions(cmd: Command): Command {
  cmd
    .option('--dev', 'development chain: --chain=dev --force-authoring --rpc-cors=all --alice, and --tmp unless --base-path is given')
    .option('--chain <spec>', 'chain spec: dev, local or a path to a chain spec JSON file')
    .option('-d, --base-path <path>', `where the node keeps its data (default ${DEFAULT_BASE_PATH})`)
    .option('--tmp', 'run in a temporary directory deleted on exit')
    .option('--name <name>', 'human-readable node name')
    .option('--validator', 'author blocks and vote on finality with the keys in the keystore')
    .option('--force-authoring', 'author blocks even when offline (single-node networks)')
    .option('--insecure-validator-i-know-what-i-do', 'allow --validator with unsafe RPC or external RPC')
    .option('--rpc-port <port>', 'JSON-RPC (WebSocket and HTTP) port', int('--rpc-port'), 9944)
    .option('--rpc-external', 'listen for RPC on all interfaces (safe methods only with --rpc-methods auto)')
    .option('--unsafe-rpc-external', 'listen for RPC on all interfaces, unsafe methods allowed')
    .addOption(new Option('--rpc-methods <methods>', 'which RPC methods to expose').choices(['auto', 'safe', 'unsafe']).default('auto'))
    .option('--rpc-cors <origins>', 'allowed browser origins: "all" or a comma-separated list')
    .option('--rpc-max-connections <n>', 'maximum simultaneous RPC connections', int('--rpc-max-connections', 1, 100000), 100)
    .option('--rpc-max-request-size <MiB>', 'maximum RPC request size in MiB', int('--rpc-max-request-size', 1, 1024), 15)
    .option('--rpc-max-response-size <MiB>', 'maximum RPC response size in MiB', int('--rpc-max-response-size', 1, 1024), 15)
    .option('--rpc-max-subscriptions-per-connection <n>', 'subscription limit per connection', int('--rpc-max-subscriptions-per-connection', 1, 1_000_000), 1024)
    .option('--prometheus-port <port>', 'Prometheus metrics port', int('--prometheus-port'), 9615)
    .option('--prometheus-external', 'serve metrics on all interfaces')
    .option('--no-prometheus', 'do not serve Prometheus metrics')
    .option('--no-telemetry', 'disable telemetry (there is none; accepted for compatibility)')
    .option('--telemetry-url <url...>', 'accepted for compatibility; ignored')
    .option('--port <port>', `p2p TCP port (default: ${DEFAULT_P2P_PORT})`, int('--port'))
    .option('--listen-addr <multiaddr...>', 'p2p listen multiaddresses', collect)
    .option('--bootnodes <multiaddr...>', 'bootnode multiaddresses (with /p2p/<peer id>)', collect)
    .option('--reserved-nodes <multiaddr...>', 'reserved peers', collect)
    .option('--reserved-only', 'only connect to reserved peers')
    .option('--public-addr <multiaddr...>', 'public addresses to advertise', collect)
    .option('--node-key <hex>', 'ed25519 secret key of the libp2p identity (hex)')
    .option('--node-key-file <path>', 'file holding the libp2p identity secret')
    .option('--no-mdns', 'disable mDNS discovery')
    .option('--in-peers <n>', 'maximum inbound peers', int('--in-peers', 0, 10000), 32)
    .option('--out-peers <n>', 'maximum outbound peers', int('--out-peers', 0, 10000), 8)
    .option('--no-hardware-benchmarks', 'accepted for compatibility')
    .option('--state-pruning <mode>', 'only "archive" is supported', 'archive')
    .option('--blocks-pruning <mode>', 'only "archive" is supported', 'archive')
    .option('--content-gc-grace <blocks>', 'finalized blocks the bytes of a rejected or withdrawn contribution are kept (default 600)', int('--content-gc-grace', 0, 0xffffffff), 600)
    .option('--content-orphan-grace <blocks>', 'finalized blocks an upload may wait for a contribution or output to reference it before it is removed (default 600)', int('--content-orphan-grace', 1, 0xffffffff), 600)
    .option('--attestor', 'recompute and attest the attribution of inferences with the aura key (default for validators)')
    .option('--no-attestor', 'do not run the attestor worker on a validator')
    .option('--no-challenge-responder', 'do not answer the storage challenges of the node registered with this node\'s peer id')
    .option('-l, --log <targets...>', 'log filters, e.g. -l sync=debug,runtime=trace', collect)
    // for tests of the network's safety only: makes this validator double-sign (hidden from --help)
    .addOption(new Option('--unsafe-equivocate', 'author two blocks per slot and sign conflicting GRANDPA votes').hideHelp())
    .addOption(new Option('--unsafe-attest-wrong', 'attest a wrong (empty) attribution').hideHelp());
  for (const a of DEV_ACCOUNTS) cmd.option(`--${a}`, `shortcut for --name ${a[0].toUpperCase() + a.slice(1)} --validator with //${a[0].toUpperCase() + a.slice(1)}'s keys`);
  return cmd;
}

/** Resolves flags into RunOptions, applying Substrate's --dev and --alice semantics. */
export function resolveRunOptions(o: Record<string, any>): RunOptions {
  const devKey = DEV_ACCOUNTS.find((a) => o[a]);
  if (DEV_ACCOUNTS.filter((a) => o[a]).length > 1) throw new Error('use at most one of --alice … --ferdie');
  const dev = Boolean(o.dev);
  if (o.statePruning !== 'archive' || o.blocksPruning !== 'archive') throw new Error('only archive pruning is supported');
  const external = Boolean(o.rpcExternal || o.unsafeRpcExternal);
  const rpcMethods = (o.unsafeRpcExternal && o.rpcMethods === 'auto') ? 'unsafe' : o.rpcMethods;
  const cors = o.rpcCors === undefined ? (dev ? 'all' : null) : o.rpcCors === 'all' ? 'all' : String(o.rpcCors).split(',').map((s: string) => s.trim()).filter(Boolean);
  const key = devKey ?? (dev ? 'alice' : undefined);
  const validator = Boolean(o.validator) || key !== undefined;
  // sc-cli refuses to expose unsafe RPC externally on a validator unless told otherwise
  if (validator && external && rpcMethods === 'unsafe' && !o.insecureValidatorIKnowWhatIDo) {
    throw new Error('running a validator with unsafe RPC methods exposed on all interfaces is insecure; add --insecure-validator-i-know-what-i-do to do it anyway');
  }
  const capital = (s: string) => s[0].toUpperCase() + s.slice(1);
  return {
    dev,
    chain: o.chain ?? (dev ? 'dev' : 'local'),
    basePath: o.basePath,
    tmp: Boolean(o.tmp) || (dev && !o.basePath),
    name: o.name ?? (key ? capital(key) : undefined),
    validator,
    devKey: key,
    forceAuthoring: Boolean(o.forceAuthoring) || dev,
    rpcPort: o.rpcPort,
    rpcHost: external ? '0.0.0.0' : '127.0.0.1',
    rpcCors: cors,
    rpcMethods,
    rpcMaxConnections: o.rpcMaxConnections,
    rpcMaxRequestSize: o.rpcMaxRequestSize,
    rpcMaxResponseSize: o.rpcMaxResponseSize,
    rpcMaxSubscriptionsPerConnection: o.rpcMaxSubscriptionsPerConnection,
    prometheusPort: o.prometheus === false ? null : o.prometheusPort,
    prometheusExternal: Boolean(o.prometheusExternal),
    port: o.port ?? DEFAULT_P2P_PORT,
    portExplicit: o.port !== undefined,
    listenAddr: o.listenAddr ?? [],
    bootnodes: o.bootnodes ?? [],
    reservedNodes: o.reservedNodes ?? [],
    publicAddr: o.publicAddr ?? [],
    reservedOnly: Boolean(o.reservedOnly),
    inPeers: o.inPeers,
    outPeers: o.outPeers,
    nodeKey: o.nodeKey,
    nodeKeyFile: o.nodeKeyFile,
    log: o.log ?? [],
    contentGcGrace: o.contentGcGrace,
    contentOrphanGrace: o.contentOrphanGrace,
    attestor: o.attestor ?? validator,
    attestWrong: Boolean(o.unsafeAttestWrong),
    challengeResponder: o.challengeResponder !== false,
    equivocate: Boolean(o.unsafeEquivocate),
  };
}
