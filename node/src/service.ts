// Wires the node together: database + client, pool, keystore, Aura, GRANDPA,
// RPC, metrics and the informant; stops cleanly on SIGINT/SIGTERM.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blake2_256, cryptoReady, ed25519PeerId, runtime, setKeystoreHost } from '@slmnet/runtime-spec';
import { genesisStorage, loadChainSpec } from './chain-spec.ts';
import { Client } from './chain/client.ts';
import { DEFAULT_BASE_PATH, type RunOptions } from './cli/options.ts';
import { AuraWorker } from './consensus/aura.ts';
import { encodeSignedMessage, GrandpaVoter } from './consensus/grandpa.ts';
import { hex } from './db/codec.ts';
import { roleNames } from './network/messages.ts';
import type { NetworkService } from './network/network-service.ts';
import { ChainSync } from './sync/chain-sync.ts';
import { CONTENT_PATH, contentRoute } from './content/http.ts';
import { Replicator } from './content/replicator.ts';
import { ContentStore, type ContentApi } from './content/store.ts';
import { Keystore, type SignerPair } from './keystore.ts';
import { AttestorWorker } from './offchain/attestor.ts';
import { ChallengeResponder } from './offchain/challenge-responder.ts';
import { Submitter } from './offchain/submitter.ts';
import { configureLogging, Informant, logger } from './log.ts';
import { Metrics, ROLE_AUTHORITY, ROLE_FULL, serveMetrics, type MetricsServer } from './metrics.ts';
import { loadOrCreateNodeKey, networkKeyPath, nodePublicKey, parseNodeKey, parseNodeKeyFile, peerIdFromNodeKey } from './node-key.ts';
import { RpcServer } from './rpc/server.ts';
import { registerAuthor } from './rpc/methods/author.ts';
import { registerChain } from './rpc/methods/chain.ts';
import { registerContent } from './rpc/methods/content.ts';
import { registerGrandpa } from './rpc/methods/grandpa.ts';
import { registerPayment } from './rpc/methods/payment.ts';
import { registerState } from './rpc/methods/state.ts';
import { registerSystem } from './rpc/methods/system.ts';
import { TransactionPool } from './txpool/pool.ts';
import { VERSION } from './version.ts';

const log = logger('substrate');
const IMPL_NAME = 'SLMnet Node';

function readNodeKeyFile(file: string): Uint8Array {
  let data: Uint8Array;
  try { data = readFileSync(file); } catch (e) { throw new Error(`cannot read --node-key-file ${file}: ${(e as Error).message}`); }
  return parseNodeKeyFile(data);
}
const DEV_NAMES: Record<string, string> = { alice: 'Alice', bob: 'Bob', charlie: 'Charlie', dave: 'Dave', eve: 'Eve', ferdie: 'Ferdie' };

export interface RunningService {
  rpcPort: number;
  stop(): Promise<void>;
}

/** Starts the node and resolves once RPC listens; the process then runs until a signal. */
export async function runNode(o: RunOptions, { handleSignals = true } = {}): Promise<RunningService> {
  configureLogging({ directives: o.log });
  await cryptoReady();
  const spec = loadChainSpec(o.chain);
  const tmp = o.tmp ? mkdtempSync(join(tmpdir(), 'slmnet-node-')) : undefined;
  const base = tmp ?? o.basePath ?? DEFAULT_BASE_PATH;
  const chainDir = join(base, 'chains', spec.id);
  mkdirSync(chainDir, { recursive: true });

  const name = o.name ?? `slmnet-${Math.floor(Math.random() * 1e6)}`;
  log.info(IMPL_NAME);
  log.info(`✌️  version ${VERSION}`);
  log.info(`📋 Chain specification: ${spec.name}`);
  log.info(`🏷  Node name: ${name}`);
  log.info(`👤 Role: ${o.validator ? 'AUTHORITY' : 'FULL'}`);
  log.info(`💾 Database: LMDB at ${join(chainDir, 'db', 'full')}`);

  const client = await Client.open({ path: join(chainDir, 'db', 'full'), runtime, genesisStorage: genesisStorage(spec), chainId: spec.id });
  const content = ContentStore.open(join(chainDir, 'db', 'content'));
  const nodeKey = o.nodeKey ? parseNodeKey(o.nodeKey) : o.nodeKeyFile ? readNodeKeyFile(o.nodeKeyFile) : loadOrCreateNodeKey(networkKeyPath(base, spec.id));
  const peerId = peerIdFromNodeKey(nodeKey);
  log.info(`🏷  Local node identity is: ${peerId}`);
  // libp2p takes a while to load: only nodes that run load it (not --help, key, build-spec)
  const { gossipingPool, startNetwork, wireNetwork } = await import('./network/node-wiring.ts');
  let network: NetworkService;
  try {
    network = await startNetwork(o, nodeKey, client, content);
  } catch (e) {
    await content.close();
    await client.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  log.info(`🔍 Listening for new connections on ${network.listenAddresses().join(', ')}`);
  const sync = new ChainSync(client, network).start();
  const replicator = new Replicator({
    store: content, chain: client, gcGraceBlocks: o.contentGcGrace, orphanGraceBlocks: o.contentOrphanGrace,
    peers: { peerIds: () => network.peers().map((p) => p.peerId), requestContent: (p, h) => network.requestContent(p, h) },
  }).start();
  const contentApi: ContentApi = {
    put: (bytes, expected) => replicator.upload(bytes, expected),
    has: (h) => content.has(h),
    fetch: async (h) => content.get(h) ?? replicator.fetchFromPeers(h),
    stats: () => ({ ...content.stats(), missing: replicator.missingCount() }),
  };

  // dev keys (--alice…) live in memory only, as in Substrate
  const keystore = Keystore.open(tmp ? null : join(chainDir, 'keystore'));
  if (o.devKey) {
    const who = DEV_NAMES[o.devKey];
    keystore.addEphemeral('aura', `//${who}`, 'sr25519');
    keystore.addEphemeral('gran', `//${who}`, 'ed25519');
  }
  setKeystoreHost({ generate: (kt, scheme) => keystore.generate(kt, scheme) });

  const metrics = new Metrics({ chain: spec.id, name, version: VERSION, roles: o.validator ? ROLE_AUTHORITY : ROLE_FULL }).bindChain(client);
  const pool = new TransactionPool({
    validate: (xt, at, source) => client.validateTransaction(source, xt, at.hash),
    hash: blake2_256,
    maxTxBytes: 5 * 1024 * 1024,
  });
  const unsubs: (() => void)[] = [];
  // Pool maintenance follows the best chain: retracted blocks give their txs back, every enacted block prunes.
  unsubs.push(client.onNewBest((hash, header, route) => {
    const at = { hash, number: header.number };
    const enacted = route?.enacted.length ? route.enacted : [hash];
    if (route?.retracted.length) {
      const onNewChain = new Set(enacted.flatMap((e) => (client.body(e) ?? []).map((xt) => hex(blake2_256(xt)))));
      for (const r of route.retracted) void pool.onRetracted({ hash: r, extrinsics: client.body(r) ?? [] }, at, onNewChain);
    }
    for (const e of enacted) {
      const h = client.header(e);
      if (h) void pool.onBlockImported({ hash: e, number: h.number, extrinsics: client.body(e) ?? [] }, at);
    }
    void pool.idle().then(() => {
      const m = pool.metrics();
      metrics.readyTransactions.set(m.ready);
      metrics.validationsScheduled.inc(m.validationsScheduled - scheduledSeen);
      metrics.validationsFinished.inc(m.validationsFinished - finishedSeen);
      scheduledSeen = m.validationsScheduled;
      finishedSeen = m.validationsFinished;
    });
  }));
  let scheduledSeen = 0;
  let finishedSeen = 0;
  unsubs.push(client.onFinalized((_h, _header, newly) => pool.onFinalized(newly)));

  const aura = o.validator ? new AuraWorker({
    client, keystore, metrics: { blockConstructed: (s) => metrics.proposerBlockConstructed.observe(s) },
    pool: {
      ready: async () => {
        await Promise.race([pool.idle(), new Promise((r) => setTimeout(r, Number(client.slotDuration) / 4))]);
        return [...pool.ready()].map((t) => t.xt);
      },
      reportInvalid: (xts) => { pool.remove(xts.map(blake2_256)); },
    },
    equivocate: o.equivocate ? (header) => network.announceBlock(header, false) : undefined,
  }).start() : undefined;
  const grandpa = new GrandpaVoter({
    client, keystore: o.validator ? keystore : undefined, voteDelayMs: 500, rebroadcastMs: 5000, equivocate: o.equivocate,
    network: { broadcast: (m) => network.broadcastGrandpa(encodeSignedMessage(m)) },
  }).start();
  const informant = new Informant(client, {
    peers: () => network.peerCount(), totalBytes: () => ({ ...network.bytes }), syncTarget: () => sync.target(),
  }).start();
  unsubs.push(...wireNetwork({ network, sync, client, pool, grandpa, metrics }));
  // no authoring while far behind the network (major sync), as sc-consensus-slots does
  const syncGate = aura ? setInterval(() => { if (sync.isMajorSyncing()) aura.stop(); else aura.start(); }, 250) : undefined;
  syncGate?.unref?.();
  // transactions submitted over RPC (or by the node's own workers) are gossiped once the pool accepts them
  const rpcPool = gossipingPool(pool, (xt) => network.broadcastTransactions([xt]));
  // one submitter per account, so that the workers signing with the same key take consecutive nonces
  const submitters = new Map<string, Submitter>();
  const submitterFor = (signer: SignerPair): Submitter => {
    const key = hex(signer.publicKey);
    if (!submitters.has(key)) submitters.set(key, new Submitter(client, rpcPool, signer));
    return submitters.get(key)!;
  };
  const attestor = o.attestor ? startAttestor() : undefined;
  function startAttestor(): AttestorWorker | undefined {
    const key = keystore.publicKeys('aura', 'sr25519')[0];
    const signer = key && keystore.pair('aura', key, 'sr25519');
    if (!signer) {
      log.warn('--attestor: no sr25519 aura key in the keystore, so no attestations (insert one with author_insertKey and restart)');
      return undefined;
    }
    return new AttestorWorker({
      chain: client, content: contentApi, submitter: submitterFor(signer), metrics: metrics.attestor, attestWrong: o.attestWrong,
    }).start();
  }
  const responder = o.challengeResponder ? new ChallengeResponder({
    chain: client, content: contentApi, peerId: ed25519PeerId(nodePublicKey(nodeKey)), submitterFor, metrics: metrics.challenges,
    majorSyncing: () => sync.isMajorSyncing(),
    signerFor: (account) => keystore.pair('slmn', account, 'sr25519') ?? keystore.pair('aura', account, 'sr25519'),
  }).start() : undefined;
  metrics.bindContent(() => contentApi.stats());

  const rpc = new RpcServer({
    host: o.rpcHost, port: o.rpcPort, methodsPolicy: o.rpcMethods, cors: o.rpcCors,
    maxConnections: o.rpcMaxConnections, maxRequestBytes: o.rpcMaxRequestSize * 1024 * 1024,
    maxResponseBytes: o.rpcMaxResponseSize * 1024 * 1024, maxSubscriptionsPerConnection: o.rpcMaxSubscriptionsPerConnection,
    log: (m) => logger('rpc').debug(m),
  });

  registerChain(rpc, client);
  registerState(rpc, client);
  registerAuthor(rpc, { chain: client, pool: rpcPool, keystore });
  registerPayment(rpc, client);
  registerContent(rpc, contentApi);
  rpc.onHttpRoute(CONTENT_PATH, contentRoute(contentApi));
  registerGrandpa(rpc, client, grandpa);
  registerSystem(rpc, client, pool, {
    implName: IMPL_NAME, version: VERSION, chainName: spec.name, chainType: spec.chainType, properties: spec.properties,
    roles: [o.validator ? 'Authority' : 'Full'], peerId, listenAddresses: [],
    network: {
      health: () => health(),
      peers: () => network.peers().map((p) => ({ peerId: p.peerId, roles: roleNames(p.roles), bestHash: hex(p.bestHash), bestNumber: p.bestNumber })),
      listenAddresses: () => network.listenAddresses(),
      syncState: () => sync.state(),
      addReservedPeer: (a) => network.addReservedPeer(a),
      removeReservedPeer: (p) => network.removeReservedPeer(p),
      reservedPeers: () => network.reservedPeers(),
    },
  });
  // sc-rpc: a development chain is expected to run alone
  const health = () => ({ peers: network.peerCount(), isSyncing: sync.isMajorSyncing(), shouldHavePeers: spec.chainType !== 'Development' });
  rpc.onHttpGet('/health', health);
  const { host, port } = await rpc.listen();
  log.info(`Running JSON-RPC server: addr=${host}:${port}, allowed origins=${o.rpcCors === 'all' || o.rpcCors === null ? '["*"]' : JSON.stringify(o.rpcCors)}`);
  process.stdout.write(`RPC listening on ws://${host}:${port} (HTTP too). Connect with @polkadot/api: new WsProvider('ws://${host}:${port}')\n`);

  let metricsServer: MetricsServer | undefined;
  if (o.prometheusPort !== null) {
    metricsServer = await serveMetrics(metrics, { port: o.prometheusPort, external: o.prometheusExternal });
  }

  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (async () => {
    log.info('Shutting down...');
    if (syncGate) clearInterval(syncGate);
    aura?.stop();
    sync.stop();
    replicator.stop();
    attestor?.stop();
    responder?.stop();
    grandpa.stop();
    informant.stop();
    for (const u of unsubs) u();
    metrics.unbind();
    await rpc.close();
    await metricsServer?.close();
    await network.stop().catch((e: Error) => log.warn(`network shutdown: ${e.message}`));
    await content.close();
    await client.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  })());
  if (handleSignals) {
    const onSignal = () => { void stop().then(() => process.exit(0)); };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return { rpcPort: port, stop };
}
