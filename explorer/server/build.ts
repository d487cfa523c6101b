// Whether explorer/dist is the build of the current sources: `npm start` rebuilds it when it is missing or older than them.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
export const DIST = join(ROOT, 'dist');
/** What the production build is made from. */
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((m, f) => Math.max(m, newest(join(path, f))), 0);
}

/** Why the build must be (re)made, or null when `dist` is newer than every source file. */
export function staleBuild(dist = DIST): string | null {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return `there is no build in ${dist}`;
  const built = statSync(index).mtimeMs;
  const changed = SOURCES.find((s) => newest(join(ROOT, s)) > built);
  return changed ? `explorer/${changed} changed since the build` : null;
}
