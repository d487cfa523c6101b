// A throwaway PostgreSQL 15 cluster from Debian's package (`apt-get install -y postgresql`) for tests: initdb in a temp dir,
// listening on 127.0.0.1 only (free port, socket in the temp dir), trust auth; one fresh database per call of `createDatabase`.
// Running as root (CI), initdb and the server run as the `postgres` system user, as both refuse root.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';
import { freePort } from './node.ts';

export const INSTALL_POSTGRES = 'apt-get install -y postgresql';
export const DEBIAN_BIN = '/usr/lib/postgresql/15/bin';
const TOOLS = ['initdb', 'pg_ctl', 'postgres'];

/**
 * The directory holding initdb, pg_ctl and postgres: Debian's /usr/lib/postgresql/15/bin, else the first on PATH, else another
 * version's /usr/lib/postgresql/NN/bin (newest first); undefined if none.
 */
export function findPostgresBin(): string | undefined {
  const others = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)).map((v) => `/usr/lib/postgresql/${v}/bin`) : [];
  const dirs = [DEBIAN_BIN, ...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...others];
  return dirs.find((d) => TOOLS.every((t) => existsSync(join(d, t))));
}

export interface PostgresCluster {
  port: number;
  /** The URL of database `name` (default `postgres`) as the superuser `postgres`. */
  url(name?: string): string;
  /** Creates a new, empty database and returns its URL. */
  createDatabase(): Promise<string>;
  /** Stops the server and deletes its directory. */
  stop(): Promise<void>;
}

let counter = 0;

export async function startPostgres(): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(`PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in ${DEBIAN_BIN} or on PATH; install them with: ${INSTALL_POSTGRES}`);
  const root = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'slmnet-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  if (root) {
    const pw = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
    const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
    chownSync(dir, Number(pw), Number(gid));
  }
  const run = (tool: string, args: string[]) => {
    const [cmd, argv] = root ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    const r = spawnSync(cmd, argv, { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
  };
  const fail = (what: string, out: string) => {
    const serverLog = existsSync(log) ? readFileSync(log, 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${what} failed:\n${out}\n${serverLog}`);
  };
  const init = run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  if (!init.ok) fail('initdb', init.out);
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
    const start = run('pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '60', '-o', opts]);
    if (start.ok) break;
    // another process took the port between freePort and the server's bind: try another one
    if (attempt === 2) fail('pg_ctl start', start.out);
  }
  const url = (name = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${name}`;
  return {
    port,
    url,
    createDatabase: async () => {
      const name = `test_${process.pid}_${++counter}`;
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try { await client.query(`CREATE DATABASE ${name}`); } finally { await client.end(); }
      return url(name);
    },
    stop: async () => {
      run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * One cluster for the calling test file, started on first use and stopped (and deleted) in afterAll.
 * Returns `createDatabase`: a fresh database's URL per call.
 */
export function usePostgres(): () => Promise<string> {
  let cluster: Promise<PostgresCluster> | undefined;
  afterAll(async () => {
    const c = await cluster?.catch(() => undefined);
    await c?.stop();
  });
  return async () => (await (cluster ??= startPostgres())).createDatabase();
}
