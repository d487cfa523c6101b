// `slmnet-indexer`: follows an SLMnet node, stores its chain and domain data in SQL, serves them over HTTP.
import { Command, InvalidArgumentError } from 'commander';
import { redactUrl, startIndexer } from './index.ts';
import { DEFAULT_RATE_LIMIT } from './limits.ts';

const HELP = `
REST API (JSON; errors are {"error":{"message","param"}}; lists take limit (≤ 100) and offset):
  GET /health                                  indexed height, chain head and finalized block, lag
  GET /blocks?limit&offset|cursor&sort         newest first; nextCursor pages on; sort=number|-number|timestamp|…
  GET /blocks/:numberOrHash
  GET /extrinsics?signer&pallet&call&success&block&sort  GET /extrinsics/:hash or /extrinsics/:block-:index
  GET /events?pallet&name&block&sort
  GET /accounts/:address/transfers             GET /accounts/:address (summary), …/earnings, …/rewards?kind
  GET /datanets?kind&tag&owner&status&active_since&sort      GET /datanets/:id (with versions)
  GET /contributions?datanet&contributor&status&sort         GET /contributions/:id (stats, history, attributions)
  GET /models?developer&status&kind&sort                     GET /models/:id (revenue, top contributions)
  GET /inferences?model&consumer&status&sort                 GET /inferences/:id (attestations, attribution, settlement)
  GET /nodes?operator&kind&status&sort                       GET /nodes/:id (heartbeats, rewards)
  GET /stats/contributions?datanet&bucket   /stats/earnings?contributor&bucket   /stats/models?model&bucket
  GET /stats/top-contributors?datanet&model&limit            (bucket: minute, hour or day)
  GET /search?q=                               block number/hash, extrinsic, address, datanet:/model:/contribution:/
                                               inference:/node: id, content/input/output hash, datanet or model name
  GET /live                                    Server-Sent Events: block, finalized, rollback (heartbeat every 15 s)
  GET /openapi.json                            the OpenAPI 3 document of these routes
  GET /docs                                    interactive documentation (Swagger UI)

Limits: --rate-limit requests per minute and client IP (429 with Retry-After beyond it), URLs up to 2048
characters (414), a 5 s statement timeout on API queries (enforced by PostgreSQL; PGlite cannot interrupt a query).

Storage: embedded PGlite in --db (created on first run; a restart resumes where it stopped), or, when the
DATABASE_URL environment variable is set (postgres://user:password@host:5432/database), that PostgreSQL
database (it must exist; the tables are created on first run; --db is then ignored).

Examples: slmnet-indexer --url ws://127.0.0.1:9944 --port 3000
          DATABASE_URL=postgres://indexer:secret@127.0.0.1:5432/slmnet slmnet-indexer`;

const integer = (what: string, max: number) => (v: string) => {
  if (!/^\d+$/.test(v) || Number(v) > max) throw new InvalidArgumentError(`must be ${what} from 0 to ${max}`);
  return Number(v);
};

interface Options { url: string; db: string; port: number; host: string; from?: number; rateLimit: number }

export async function main(argv: string[]): Promise<void> {
  const o = new Command('slmnet-indexer')
    .description('Index an SLMnet chain into SQL and serve it over a REST API.')
    .option('--url <ws-url>', 'node RPC endpoint', 'ws://127.0.0.1:9944')
    .option('--db <dir>', 'PGlite data directory (ignored when DATABASE_URL is set)', '.slmnet/indexer')
    .option('--port <port>', 'HTTP port (0 picks a free one)', integer('a port', 65535), 3000)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--from <block>', 'first block to index when the database is empty (default: genesis)', integer('a block number', 0xffff_ffff))
    .option('--rate-limit <req/min>', 'API requests per minute from one client IP (0: no limit)', integer('a number of requests', 1_000_000_000), DEFAULT_RATE_LIMIT)
    .addHelpText('after', HELP)
    .showHelpAfterError()
    .parse(argv, { from: 'user' })
    .opts<Options>();
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const log = (line: string) => console.error(`${new Date().toISOString()} ${line}`);
  if (databaseUrl && o.db !== '.slmnet/indexer') log(`warning: --db ${o.db} is ignored: DATABASE_URL is set, so the indexer stores in PostgreSQL`);
  let indexer;
  try {
    indexer = await startIndexer({ url: o.url, dbDir: o.db, databaseUrl, port: o.port, host: o.host, from: o.from, rateLimit: o.rateLimit, progress: process.stderr.isTTY, log });
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    process.exit(1);
  }
  const store = databaseUrl ? `PostgreSQL ${redactUrl(databaseUrl)} (DATABASE_URL; --db ignored)` : o.db;
  const stop = () => { indexer.stop().then(() => process.exit(0), () => process.exit(1)); };
  // before the startup line: a supervisor may send SIGTERM as soon as it reads it
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`SLMnet indexer: ${o.url} → ${store}; API ${indexer.apiUrl}`);
}
