// Run by `npm test` and .ci/run: the indexer's suites also run on a throwaway PostgreSQL 15 cluster started from Debian's
// package (test/helpers/postgres.ts). Installs its server binaries when missing (without creating or starting Debian's
// default cluster), or prints the command to run (scripts/require-apt.mjs).
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { requirePackage } from './require-apt.mjs';

requirePackage({
  pkg: 'postgresql',
  what: 'the PostgreSQL server binaries (initdb, pg_ctl, postgres in /usr/lib/postgresql/*/bin or on PATH)',
  found: () => {
    const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`) : [];
    const dirs = ['/usr/lib/postgresql/15/bin', ...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...versions];
    return dirs.some((d) => ['initdb', 'pg_ctl', 'postgres'].every((t) => existsSync(join(d, t))));
  },
  // the tests start their own clusters: keep the package from creating (and starting) Debian's default one
  // (createcluster.conf includes createcluster.d/*.conf; the package's postinst asks it whether to create 15/main)
  beforeInstall: () => {
    mkdirSync('/etc/postgresql-common/createcluster.d', { recursive: true });
    writeFileSync('/etc/postgresql-common/createcluster.d/slmnet-tests.conf', 'create_main_cluster = false\n');
  },
});
