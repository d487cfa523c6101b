// Shared by scripts/require-*.mjs (run by `npm test` and .ci/run): makes sure a Debian package the tests need is installed.
// If `found()` is false: as root with apt-get, install it (updating the package lists once if that fails); otherwise
// print the command to run and exit 1.
import { spawnSync } from 'node:child_process';

const sh = (cmd) => spawnSync('sh', ['-c', cmd], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;

/** `what`: what is missing, for the messages; `beforeInstall`: runs as root just before apt-get. */
export function requirePackage({ pkg, what, found, beforeInstall }) {
  if (found()) return;
  const install = `apt-get install -y ${pkg}`;
  if (process.getuid?.() !== 0 || !sh('command -v apt-get >/dev/null')) {
    console.error(`error: the tests need ${what}; install them with:`);
    console.error(install);
    process.exit(1);
  }
  console.error(`${what} not found; running: ${install}`);
  beforeInstall?.();
  // a fresh machine has no package lists yet
  if (!sh(install) && !(sh('apt-get update') && sh(install))) process.exit(1);
  if (!found()) {
    console.error(`error: ${pkg} was installed but ${what} still cannot be found`);
    process.exit(1);
  }
}
