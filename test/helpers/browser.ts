// Headless Chromium for the explorer's end-to-end tests: Debian's package driven by playwright-core (which downloads no
// browser of its own). Missing: fail at once with the command that installs it (`scripts/require-chromium.mjs` runs it as root).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_INSTALL = 'apt-get install -y chromium';
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium binary (SLMNET_CHROMIUM overrides); throws with the install command when there is none. */
export function chromiumPath(): string {
  const found = [process.env.SLMNET_CHROMIUM, ...CANDIDATES].find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error(`the explorer tests need Debian's Chromium (/usr/bin/chromium); install it with: ${CHROMIUM_INSTALL}`);
  return found;
}

/** Launches headless Chromium (a fresh temporary profile) without background networking: the machine's network is closed. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}
