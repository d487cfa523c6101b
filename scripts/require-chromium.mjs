// Run before the explorer's tests (test/explorer.test.ts drives Debian's Chromium through playwright-core, which downloads
// no browser). If /usr/bin/chromium is missing: as root with apt-get, install it; otherwise print the command and exit 1.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const INSTALL = 'apt-get install -y chromium';
const found = () => ['/usr/bin/chromium', '/usr/bin/chromium-browser'].some((p) => existsSync(p));
if (found()) process.exit(0);

const sh = (cmd) => spawnSync('sh', ['-c', cmd], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
if (process.getuid?.() !== 0 || !sh('command -v apt-get >/dev/null')) {
  console.error('error: the explorer tests need Chromium (/usr/bin/chromium); install it with:');
  console.error(INSTALL);
  process.exit(1);
}
console.error(`Chromium not found; running: ${INSTALL}`);
// a fresh machine has no package lists yet
if (!sh(INSTALL) && !(sh('apt-get update') && sh(INSTALL))) process.exit(1);
if (!found()) {
  console.error('error: chromium was installed but /usr/bin/chromium is still missing');
  process.exit(1);
}
