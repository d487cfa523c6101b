// @polkadot/typegen on the node's metadata produces bindings that compile (strict).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, ROOT, rpc, startNode, type RunningNode } from './helpers/node.ts';

const dir = join(ROOT, 'test', '.typegen-tmp');
const pkg = 'slmnet-typegen-check/interfaces';
let node: RunningNode;

beforeAll(async () => {
  node = await startNode();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'interfaces'), { recursive: true });
});
afterAll(async () => {
  await node?.stop();
  if (node) removeDir(node.basePath);
  rmSync(dir, { recursive: true, force: true });
});

const typegen = (script: string, args: string[]) => execFileSync(process.execPath, [
  '--import', 'tsx', join(ROOT, 'node_modules/@polkadot/typegen/scripts', script), ...args,
], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });

describe('typegen', () => {
  it('generates lookup types and api augmentation that type-check', async () => {
    const meta = await rpc(node.httpUrl, 'state_getMetadata');
    writeFileSync(join(dir, 'metadata.json'), JSON.stringify({ result: meta.result }));
    writeFileSync(join(dir, 'interfaces', 'definitions.ts'), 'export {};\n');
    typegen('polkadot-types-from-defs.mjs', ['--package', pkg, '--input', './interfaces', '--endpoint', './metadata.json']);
    typegen('polkadot-types-from-chain.mjs', ['--package', pkg, '--output', './interfaces', '--endpoint', './metadata.json', '--strict']);
    writeFileSync(join(dir, 'check.ts'), [
      "import '@polkadot/api/augment';",
      "import '@polkadot/types/augment';",
      "import type { ApiPromise } from '@polkadot/api';",
      "export async function check(api: ApiPromise) {",
      "  const acc = await api.query.system.account('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');",
      "  const free: bigint = acc.data.free.toBigInt();",
      "  const tx = api.tx.balances.transferKeepAlive('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY', 1n);",
      "  const ed: bigint = api.consts.balances.existentialDeposit.toBigInt();",
      "  const nonce = await api.call.accountNonceApi.accountNonce('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');",
      "  return [free, tx, ed, nonce.toNumber()];",
      "}",
    ].join('\n'));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        strict: true, noEmit: true, skipLibCheck: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler',
        baseUrl: '.',
        paths: {
          [`${pkg}/*`]: ['./interfaces/*'],
          '@polkadot/api/augment': ['./interfaces/augment-api.ts'],
          '@polkadot/types/augment': ['./interfaces/augment-types.ts'],
          '@polkadot/types/lookup': ['./interfaces/types-lookup.ts'],
        },
      },
      include: ['check.ts', 'interfaces/**/*.ts'],
    }));
    let out = '';
    try {
      out = execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    } catch (e: any) {
      out = `${e.stdout}${e.stderr}`;
    }
    expect(out).toBe('');
  }, 180_000);
});
