// The committed bindings are what typegen produces from the runtime's metadata now, and the browser
// entry type-checks (strict) without Node types.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBindings } from '../scripts/typegen.ts';

const CLIENT = resolve(import.meta.dirname, '..');
const committed = join(CLIENT, 'src', 'interfaces');
const tmp = mkdtempSync(join(CLIENT, '.bindings-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('generated bindings', () => {
  it('are up to date with the runtime metadata (run `npm run client:typegen` when this fails)', async () => {
    await generateBindings(tmp);
    const files = readdirSync(tmp).sort();
    expect(readdirSync(committed).sort()).toEqual(files);
    const stale = files.filter((f) => readFileSync(join(tmp, f), 'utf8') !== readFileSync(join(committed, f), 'utf8'));
    expect(stale, `stale bindings: ${stale.join(', ')}`).toEqual([]);
  }, 120_000);

  it('the library entry compiles in strict mode for the browser (no Node types)', () => {
    let out = '';
    try {
      execFileSync(process.execPath, [join(CLIENT, '..', 'node_modules/typescript/bin/tsc'), '-p', join(CLIENT, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      out = `${err.stdout ?? ''}${err.stderr ?? ''}`;
    }
    expect(out).toBe('');
  }, 120_000);
});
