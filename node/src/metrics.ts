// Prometheus metrics with Substrate's names, served as text on `/metrics`
// (default port 9615, loopback unless --prometheus-external). Like Substrate's
// registry, every metric carries the constant label `chain="<spec id>"`.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { logger } from './log.ts';

const log = logger('prometheus');

export const DEFAULT_PROMETHEUS_PORT = 9615;

/** sc-service roles bitmask as substrate_node_roles reports it: 1 full, 2 light, 4 authority. */
export const ROLE_FULL = 1;
export const ROLE_AUTHORITY = 4;

export interface MetricsOptions {
  chain: string;
  /** Node name (--name). */
  name: string;
  version: string;
  roles: number;
  /** Process start, seconds since the epoch (default: now). */
  startTime?: number;
}

/** The chain client events the metrics follow. */
export interface MetricsChainSource {
  bestBlock(): { number: number };
  finalizedBlock(): { number: number };
  leaves(): unknown[];
  onImported(cb: (...args: any[]) => void): () => void;
  onFinalized(cb: (...args: any[]) => void): () => void;
  onNewBest?(cb: (...args: any[]) => void): () => void;
}

export class Metrics {
  readonly registry = new Registry();
  readonly blockHeight: Gauge<'status'>;
  readonly readyTransactions: Gauge;
  readonly validationsScheduled: Counter;
  readonly validationsFinished: Counter;
  readonly proposerBlockConstructed: Histogram;
  readonly blockImportTime: Histogram;
  readonly numberLeaves: Gauge;
  readonly peersCount: Gauge;
  readonly buildInfo: Gauge<'name' | 'version'>;
  readonly nodeRoles: Gauge;
  readonly processStartTime: Gauge;
  readonly attestations: Counter;
  readonly attestorCpu: Counter;
  readonly attestorIndexBuilds: Counter;
  readonly attestorPending: Gauge;
  readonly attestorLag: Gauge;
  readonly challengesAnswered: Counter;
  readonly challengesFailed: Counter;
  readonly content: Gauge<'kind'>;
  private unsubs: (() => void)[] = [];
  private contentStats?: () => { blobs: number; bytes: number; missing: number };

  constructor(o: MetricsOptions) {
    const registers = [this.registry];
    this.registry.setDefaultLabels({ chain: o.chain });
    this.blockHeight = new Gauge({ name: 'substrate_block_height', help: 'Block height info of the chain', labelNames: ['status'], registers });
    this.readyTransactions = new Gauge({ name: 'substrate_ready_transactions_number', help: 'Number of transactions in the ready queue', registers });
    this.validationsScheduled = new Counter({ name: 'substrate_sub_txpool_validations_scheduled', help: 'Total number of transactions scheduled for validation', registers });
    this.validationsFinished = new Counter({ name: 'substrate_sub_txpool_validations_finished', help: 'Total number of transactions that finished validation', registers });
    this.proposerBlockConstructed = new Histogram({
      name: 'substrate_proposer_block_constructed', help: 'Histogram of time taken to construct new block',
      buckets: [0.001, 0.004, 0.016, 0.064, 0.256, 1.024, 4.096, 16.384], registers,
    });
    this.blockImportTime = new Histogram({
      name: 'substrate_block_verification_and_import_time', help: 'Time taken to verify and import blocks',
      buckets: [0.001, 0.004, 0.016, 0.064, 0.256, 1.024, 4.096], registers,
    });
    this.numberLeaves = new Gauge({ name: 'substrate_number_leaves', help: 'Number of known chain leaves (aka forks)', registers });
    this.peersCount = new Gauge({ name: 'substrate_sub_libp2p_peers_count', help: 'Number of connected peers', registers });
    this.buildInfo = new Gauge({ name: 'substrate_build_info', help: 'A metric with a constant \'1\' value labeled by name, version', labelNames: ['name', 'version'], registers });
    this.nodeRoles = new Gauge({ name: 'substrate_node_roles', help: 'The roles the node is running as', registers });
    this.processStartTime = new Gauge({ name: 'substrate_process_start_time_seconds', help: 'Number of seconds between the UNIX epoch and the moment the process started', registers });
    this.attestations = new Counter({ name: 'slmnet_attestor_attestations_total', help: 'Attestations this node\'s attestor submitted', registers });
    this.attestorCpu = new Counter({ name: 'slmnet_attestor_cpu_seconds_total', help: 'CPU time the attestor spent on indexes and attribution', registers });
    this.attestorIndexBuilds = new Counter({ name: 'slmnet_attestor_index_builds_total', help: 'Suffix-array indexes of training sets built', registers });
    this.attestorPending = new Gauge({ name: 'slmnet_attestor_pending_inferences', help: 'Inferences with an output the attestor has not attested yet', registers });
    this.attestorLag = new Gauge({ name: 'slmnet_attestor_lag_blocks', help: 'Finalized blocks since the oldest output still waiting for this attestor', registers });
    this.challengesAnswered = new Counter({ name: 'slmnet_challenges_answered_total', help: 'Storage challenges to this node it answered (answers submitted)', registers });
    this.challengesFailed = new Counter({ name: 'slmnet_challenges_failed_total', help: 'Storage challenges to this node that closed before it could answer', registers });
    const metrics = this;
    this.content = new Gauge({
      name: 'slmnet_content_store', help: 'Content store: blobs, bytes, and wanted blobs still missing', labelNames: ['kind'], registers,
      // read when scraped
      collect() {
        const s = metrics.contentStats?.();
        if (s) for (const kind of ['blobs', 'bytes', 'missing'] as const) this.set({ kind }, s[kind]);
      },
    });

    this.buildInfo.set({ name: o.name, version: o.version }, 1);
    this.nodeRoles.set(o.roles);
    this.processStartTime.set(Math.floor(o.startTime ?? Date.now() / 1000));
    this.peersCount.set(0);
    this.readyTransactions.set(0);
    this.numberLeaves.set(0);
    for (const status of ['best', 'finalized', 'sync_target']) this.blockHeight.set({ status }, 0);
  }

  /** Keeps block heights and the leaf count in step with the client. */
  bindChain(chain: MetricsChainSource): this {
    const update = () => {
      const best = chain.bestBlock().number;
      this.blockHeight.set({ status: 'best' }, best);
      this.blockHeight.set({ status: 'finalized' }, chain.finalizedBlock().number);
      this.blockHeight.set({ status: 'sync_target' }, best);
      this.numberLeaves.set(chain.leaves().length);
    };
    update();
    this.unsubs.push(chain.onImported(update), chain.onFinalized(update));
    if (chain.onNewBest) this.unsubs.push(chain.onNewBest(update));
    return this;
  }

  /** For the Aura worker. */
  blockConstructed(seconds: number): void { this.proposerBlockConstructed.observe(seconds); }

  /** For the attestor worker. */
  readonly attestor = {
    attested: (cpuSeconds: number) => { this.attestations.inc(); this.attestorCpu.inc(cpuSeconds); },
    indexBuilt: () => this.attestorIndexBuilds.inc(),
    pending: (count: number, lagBlocks: number) => { this.attestorPending.set(count); this.attestorLag.set(lagBlocks); },
  };

  /** For the challenge responder. */
  readonly challenges = {
    answered: () => this.challengesAnswered.inc(),
    failed: () => this.challengesFailed.inc(),
  };

  /** Content store figures, read when scraped. */
  bindContent(stats: () => { blobs: number; bytes: number; missing: number }): void { this.contentStats = stats; }

  setPeers(n: number): void { this.peersCount.set(n); }
  setReadyTransactions(n: number): void { this.readyTransactions.set(n); }
  setSyncTarget(n: number): void { this.blockHeight.set({ status: 'sync_target' }, n); }

  async text(): Promise<string> { return this.registry.metrics(); }

  unbind(): void {
    for (const u of this.unsubs) u();
    this.unsubs = [];
  }
}

export interface MetricsServer { port: number; host: string; close(): Promise<void> }

/** Serves `GET /metrics`; `external` listens on all interfaces. Port 0 picks a free port. */
export async function serveMetrics(metrics: Metrics, opts: { port?: number; external?: boolean } = {}): Promise<MetricsServer> {
  const host = opts.external ? '0.0.0.0' : '127.0.0.1';
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found.\n');
      return;
    }
    metrics.text().then(
      (body) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body),
      (e) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics error: ${(e as Error).message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE'
      ? new Error(`Prometheus port ${opts.port ?? DEFAULT_PROMETHEUS_PORT} is already in use (use --prometheus-port or --no-prometheus)`)
      : e));
    server.listen(opts.port ?? DEFAULT_PROMETHEUS_PORT, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  log.info(`〽️ Prometheus exporter started at ${host}:${port}`);
  return {
    port, host,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}
