// Run by `npm test` and .ci/run: the indexer's suites also run on a throwaway PostgreSQL 15 cluster started from Debian's
// package (test/helpers/postgres.ts). If its server binaries are missing: as root with apt-get, install them (without
// creating or starting Debian's default cluster); otherwise print the command to run and exit 1.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const INSTALL = 'apt-get install -y postgresql';
const found = () => {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`) : [];
  const dirs = ['/usr/lib/postgresql/15/bin', ...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...versions];
  return dirs.some((d) => ['initdb', 'pg_ctl', 'postgres'].every((t) => existsSync(join(d, t))));
};
if (found()) process.exit(0);

const sh = (cmd) => spawnSync('sh', ['-c', cmd], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
if (process.getuid?.() !== 0 || !sh('command -v apt-get >/dev/null')) {
  console.error('error: the tests need the PostgreSQL server binaries (initdb, pg_ctl, postgres in /usr/lib/postgresql/15/bin or on PATH); install them with:');
  console.error(INSTALL);
  process.exit(1);
}
console.error(`PostgreSQL server binaries not found; running: ${INSTALL}`);
// the tests start their own clusters: keep the package from creating (and starting) Debian's default one
// (createcluster.conf includes createcluster.d/*.conf; the package's postinst asks it whether to create 15/main)
mkdirSync('/etc/postgresql-common/createcluster.d', { recursive: true });
writeFileSync('/etc/postgresql-common/createcluster.d/slmnet-tests.conf', 'create_main_cluster = false\n');
// a fresh machine has no package lists yet
if (!sh(INSTALL) && !(sh('apt-get update') && sh(INSTALL))) process.exit(1);
if (!found()) {
  console.error('error: PostgreSQL was installed but initdb, pg_ctl and postgres are still not found in /usr/lib/postgresql/*/bin');
  process.exit(1);
}
