// Regenerates the typed @polkadot/api bindings in src/interfaces from the runtime's own metadata
// (V15 from @slmnet/runtime-spec: no node needed). `--out DIR` writes elsewhere (the staleness test).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cryptoReady, runtime, toHex } from '@slmnet/runtime-spec';

/** The module specifier the generated files use to import each other. */
export const PACKAGE = '@slmnet/client/interfaces';
const CLIENT = resolve(import.meta.dirname, '..');

/** Generates the bindings into `outDir` (replacing its contents). */
export async function generateBindings(outDir: string): Promise<void> {
  await cryptoReady();
  // inside the repo so that `--import tsx` and @polkadot/* resolve from the work dir
  const work = mkdtempSync(join(CLIENT, '.typegen-'));
  try {
    const scripts = join(CLIENT, '..', 'node_modules', '@polkadot', 'typegen', 'scripts');
    const run = (script: string, args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', join(scripts, script), ...args], { cwd: work, stdio: 'pipe' });
    // typegen reads a metadata "endpoint" file shaped like a state_getMetadata JSON-RPC reply
    writeFileSync(join(work, 'metadata.json'), JSON.stringify({ result: toHex(runtime.metadata(15)) }));
    mkdirSync(join(work, 'interfaces'));
    // no custom definitions: every type comes from the metadata's portable registry
    writeFileSync(join(work, 'interfaces', 'definitions.ts'), 'export {};\n');
    run('polkadot-types-from-defs.mjs', ['--package', PACKAGE, '--input', './interfaces', '--endpoint', './metadata.json']);
    run('polkadot-types-from-chain.mjs', ['--package', PACKAGE, '--output', './interfaces', '--endpoint', './metadata.json', '--strict']);
    patchRuntimeCall(join(work, 'interfaces'));
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    for (const f of readdirSync(join(work, 'interfaces'))) cpSync(join(work, 'interfaces', f), join(outDir, f), { recursive: true });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * typegen names the outer call `Call` in the lookup but refers to it by its path name
 * (`SlmnetRuntimeRuntimeCall`) in the runtime-call augmentation without declaring it:
 * alias the name to `Call` so the bindings compile.
 */
function patchRuntimeCall(dir: string): void {
  const file = join(dir, 'augment-api-runtime.ts');
  const src = readFileSync(file, 'utf8');
  const lookup = readFileSync(join(dir, 'types-lookup.ts'), 'utf8');
  if (!src.includes('SlmnetRuntimeRuntimeCall') || lookup.includes('interface SlmnetRuntimeRuntimeCall ')) return;
  const anchor = "import '@polkadot/api-base/types/calls';\n";
  if (!src.includes(anchor)) throw new Error('typegen output changed: cannot patch SlmnetRuntimeRuntimeCall');
  writeFileSync(file, src.replace(anchor, `${anchor}\n// slmnet typegen: the lookup calls the runtime call type \`Call\`\nimport type { Call as SlmnetRuntimeRuntimeCall } from '@polkadot/types/interfaces/runtime';\n`));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const i = process.argv.indexOf('--out');
  const out = i > 0 ? resolve(process.argv[i + 1]) : join(CLIENT, 'src', 'interfaces');
  await generateBindings(out);
  console.log(`bindings written to ${out}`);
}
