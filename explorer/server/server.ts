// Serves the explorer's production build (explorer/dist) with the indexer URL it should use, on 127.0.0.1 by default, and the
// node's live data as same-origin JSON under /node/… (node.ts).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { DIST } from './build.ts';
import { DEFAULT_NODE, nodeData } from './node.ts';

export { DIST };

export const DEFAULT_PORT = 4000;
export const DEFAULT_API = 'http://127.0.0.1:3000';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);

export interface ExplorerOptions {
  port?: number; host?: string; api?: string; dist?: string;
  /** The node whose live data /node/… serves (ws(s) or http(s) URL of its RPC; default ws://127.0.0.1:9944). */
  node?: string;
}
export interface RunningExplorer { url: string; stop(): Promise<void> }

export async function startExplorer(opts: ExplorerOptions = {}): Promise<RunningExplorer> {
  const dist = resolve(opts.dist ?? DIST);
  const api = (opts.api ?? DEFAULT_API).replace(/\/+$/, '');
  const apiUrl = new URL(api); // throws on a malformed URL
  if (apiUrl.protocol !== 'http:' && apiUrl.protocol !== 'https:') throw new Error(`--api must be an http(s) URL, not ${api}`);
  const nodeUrl = opts.node ?? DEFAULT_NODE;
  if (!/^(ws|wss|http|https):\/\/[^/]/.test(nodeUrl)) throw new Error(`--node must be a ws(s) or http(s) URL, not ${nodeUrl}`);
  new URL(nodeUrl); // throws on a malformed URL
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`no build in ${dist}: run \`npm run build -w explorer\` first`);
  const config = `window.SLMNET_EXPLORER = ${JSON.stringify({ api }).replace(/</g, '\\u003c')};\n`;
  // scripts only from this server (no inline script, no eval), no framing; fetches go to the indexer (any, since ?api= may name another)
  const csp = `default-src 'self'; connect-src 'self' http: https:; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`;

  const send = (req: IncomingMessage, res: ServerResponse, file: string, cache: string) => {
    const ext = extname(file);
    res.setHeader('content-type', TYPES[ext] ?? 'application/octet-stream');
    res.setHeader('cache-control', cache);
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.setHeader('content-encoding', 'gzip');
      res.setHeader('vary', 'accept-encoding');
      res.writeHead(200);
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(createGzip()).pipe(res);
    } else {
      res.writeHead(200, { 'content-length': statSync(file).size });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    }
  };

  const node = nodeData(nodeUrl);

  const server = createServer((req, res) => {
    res.setHeader('content-security-policy', csp);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405, { allow: 'GET, HEAD' }).end(); return; }
    let path: string;
    try { path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname); } catch { res.writeHead(400).end('bad request'); return; }
    if (path.startsWith('/node/')) {
      void node.handle(req, res, path).catch(() => { if (!res.headersSent) res.writeHead(500).end(); });
      return;
    }
    if (path === '/config.js') {
      res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : config);
      return;
    }
    const file = normalize(join(dist, path));
    if (file.startsWith(dist + sep) && existsSync(file) && statSync(file).isFile()) {
      send(req, res, file, path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    } else if (path.startsWith('/assets/') || extname(path) !== '') {
      res.writeHead(404, { 'content-type': TYPES['.txt'] }).end('not found');
    } else {
      // a client-side route (deep link): the app
      send(req, res, join(dist, 'index.html'), 'no-cache');
    }
  });
  await new Promise<void>((ok, fail) => { server.once('error', fail); server.listen(opts.port ?? DEFAULT_PORT, opts.host ?? '127.0.0.1', () => ok()); });
  const addr = server.address() as { port: number; address: string };
  const host = addr.address.includes(':') ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${host}:${addr.port}`,
    stop: async () => {
      await new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); });
      await node.close();
    },
  };
}

export const HELP = `Usage: slmnet-explorer [options]

Serves the SLMnet explorer's production build (explorer/dist; build it with \`npm run build -w explorer\`).

Options:
  --port <n>     port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host <addr>  address to listen on (default 127.0.0.1)
  --api <url>    the indexer REST API the pages use (default ${DEFAULT_API}); a page may override it with ?api=URL
  --node <url>   the node whose live data (balances, justifications, content, inference text) the server reads
                 and serves under /node/… (default ${DEFAULT_NODE}; ws(s) or http(s) URL of its RPC port)
  --dist <dir>   the build to serve (default explorer/dist)
  -h, --help     show this help
`;

export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: {
      port: { type: 'string' }, host: { type: 'string' }, api: { type: 'string' }, node: { type: 'string' }, dist: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    } }));
  } catch (e) {
    console.error(`error: ${(e as Error).message} (--help lists the options)`);
    return 1;
  }
  if (values.help) { process.stdout.write(HELP); return 0; }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) { console.error(`error: --port must be a port number, not ${values.port}`); return 1; }
  let running: RunningExplorer;
  try {
    running = await startExplorer({ port, host: values.host, api: values.api, node: values.node, dist: values.dist });
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    return 1;
  }
  console.log(`SLMnet explorer: ${running.url}  (indexer ${values.api ?? DEFAULT_API}, node ${values.node ?? DEFAULT_NODE})`);
  const stop = () => { void running.stop().then(() => process.exit(0)); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}
