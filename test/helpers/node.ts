// Spawns real slmnet-node processes for end-to-end tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const NODE_MAIN = join(ROOT, 'node/src/main.ts');

/** Ports this process handed out: a port picked but not yet bound (a node's p2p port) must not be picked again for its RPC. */
const handedOut = new Set<number>();

export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((res, rej) => {
      const s = createServer();
      s.once('error', rej);
      s.listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => res(port));
      });
    });
    if (!handedOut.has(port)) { handedOut.add(port); return port; }
  }
}

export interface RunningNode {
  url: string;
  httpUrl: string;
  port: number;
  basePath: string;
  proc: ChildProcess;
  logs: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function tempDir(prefix = 'slmnet-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface StartNodeOptions {
  basePath?: string;
  args?: string[];
  port?: number;
  /** Serve Prometheus metrics (default false: `--no-prometheus` is passed). Give `--prometheus-port` in `args`. */
  prometheus?: boolean;
  /** Pass `--dev` (default true). */
  dev?: boolean;
  /** Pass `--tmp` instead of `--base-path` (`basePath` is then an unused empty temp dir). */
  tmp?: boolean;
}

/** Starts `slmnet-node --dev` on a fresh port; resolves once RPC answers. */
export async function startNode(opts: StartNodeOptions = {}): Promise<RunningNode> {
  const port = opts.port ?? await freePort();
  const basePath = opts.basePath ?? tempDir();
  const args = ['--import', 'tsx', NODE_MAIN,
    ...(opts.dev === false ? [] : ['--dev']),
    ...(opts.tmp ? ['--tmp'] : ['--base-path', basePath]),
    '--rpc-port', String(port),
    ...(opts.prometheus ? [] : ['--no-prometheus']),
    ...(opts.args ?? [])];
  const proc = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d) => { out += d; });
  proc.stderr!.on('data', (d) => { out += d; });
  const url = `ws://127.0.0.1:${port}`;
  const httpUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`node exited with ${proc.exitCode}:\n${out}`);
    try {
      const r = await fetch(httpUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'system_name', params: [] }) });
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) { proc.kill('SIGKILL'); throw new Error(`node did not start:\n${out}`); }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url, httpUrl, port, basePath, proc, logs: () => out,
    stop: (signal = 'SIGTERM') => new Promise((res) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return res();
      proc.once('exit', () => res());
      proc.kill(signal);
    }),
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Raw JSON-RPC over HTTP. */
export async function rpc(httpUrl: string, method: string, params: unknown[] = []): Promise<{ result?: any; error?: { code: number; message: string; data?: unknown } }> {
  const r = await fetch(httpUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  return r.json() as any;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `f` until it returns something other than undefined; throws after `timeoutMs`. */
export async function waitFor<T>(f: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 30_000, everyMs = 250): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}
