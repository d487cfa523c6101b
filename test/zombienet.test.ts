// Zombienet v1 with the native provider drives the four-validator + full node
// network of zombienet/four-validators-and-full-node.toml through its .zndsl
// test: peers, block and finality progress, a paused validator (finality goes
// on), two paused (finality stalls, then catches up), a validator killed with
// -9 and restarted (syncs back and votes again), a transfer via the full node.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/node.ts';

let running: ReturnType<typeof spawn> | undefined;

afterAll(() => {
  // zombienet and the nodes it spawned share its process group
  if (running?.pid && running.exitCode === null) try { process.kill(-running.pid, 'SIGKILL'); } catch { /* gone */ }
});

describe('Zombienet', () => {
  it('four validators and a full node pass four-validators-and-full-node.zndsl', async () => {
    const bin = join(ROOT, 'node_modules', '.bin');
    let out = '';
    const code = await new Promise<number | null>((resolve) => {
      running = spawn(join(bin, 'zombienet'), ['-p', 'native', 'test', 'zombienet/four-validators-and-full-node.zndsl'], {
        cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
      });
      running.stdout!.on('data', (d) => { out += d; });
      running.stderr!.on('data', (d) => { out += d; });
      running.on('exit', resolve);
    });
    if (code !== 0) throw new Error(`zombienet failed (exit ${code}):\n${out.slice(-8000)}`);
    // every assertion of the .zndsl ran and passed
    const passed = out.match(/✅/g)?.length ?? 0;
    expect(passed).toBeGreaterThanOrEqual(20);
    expect(out).not.toMatch(/❌/);
  }, 900_000);
});
