// Run by `npm test` and .ci/run: test/explorer.test.ts drives Debian's Chromium through playwright-core, which downloads
// no browser. Installs it when missing, or prints the command to run (scripts/require-apt.mjs).
import { existsSync } from 'node:fs';
import { requirePackage } from './require-apt.mjs';

requirePackage({
  pkg: 'chromium',
  what: 'Chromium (/usr/bin/chromium)',
  found: () => ['/usr/bin/chromium', '/usr/bin/chromium-browser'].some((p) => existsSync(p)),
});
