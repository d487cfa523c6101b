// `npm start`'s launcher: three validators that author in turn and finalize together, the indexer
// following them, the explorer over both, all stopping cleanly on Ctrl-C and resuming the same chain on the next start.
import { spawn, type ChildProcess } from 'node:child_process';
import { utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, devAccount } from '@slmnet/client';
import { staleBuild } from '../explorer/server/build.ts';
import { removeDir, ROOT, rpc, tempDir, waitFor } from './helpers/node.ts';

/** `n` consecutive free loopback ports (the launcher numbers its nodes' ports consecutively). */
async function consecutivePorts(n: number): Promise<number> {
  const free = (port: number) => new Promise<boolean>((res) => {
    const s = createServer();
    s.once('error', () => res(false));
    s.listen(port, '127.0.0.1', () => s.close(() => res(true)));
  });
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    let ok = true;
    for (let i = 0; i < n && ok; i++) ok = await free(base + i);
    if (ok) return base;
  }
}

const dir = tempDir('slmnet-local-');
let launcher: ChildProcess | undefined;
let out = '';

async function launch(ports: { rpc: number; p2p: number; prom: number; indexer: number; explorer: number }, extra: string[] = []): Promise<ChildProcess> {
  out = '';
  const p = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/local-network.ts'), '--base-path', dir,
    '--rpc-port', String(ports.rpc), '--p2p-port', String(ports.p2p), '--prometheus-port', String(ports.prom), '--indexer-port', String(ports.indexer),
    '--explorer-port', String(ports.explorer), ...extra],
  { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  p.stdout!.on('data', (d) => { out += d; });
  p.stderr!.on('data', (d) => { out += d; });
  return p;
}
const stopped = (p: ChildProcess) => new Promise<number | null>((res) => (p.exitCode !== null ? res(p.exitCode) : p.once('exit', (c) => res(c))));
const call = async (port: number, method: string, params: unknown[] = []) => (await rpc(`http://127.0.0.1:${port}`, method, params)).result;
/** The indexer's block at height `n` once it has indexed it (undefined before, or while the API is not up). */
const indexedBlock = async (port: number, n: number): Promise<{ hash: string } | undefined> => {
  try {
    const r = await fetch(`http://127.0.0.1:${port}/blocks/${n}`);
    return r.status === 200 ? await r.json() : undefined;
  } catch { return undefined; }
};

afterAll(async () => {
  if (launcher && launcher.exitCode === null) { launcher.kill('SIGINT'); await stopped(launcher); }
  removeDir(dir);
});

describe('local network launcher', () => {
  it('starts three validators that author in turn, finalize, stop on Ctrl-C and resume the same chain', async () => {
    const ports = { rpc: await consecutivePorts(3), p2p: await consecutivePorts(3), prom: await consecutivePorts(3), indexer: await consecutivePorts(1), explorer: await consecutivePorts(1) };
    launcher = await launch(ports, ['--fresh']);
    await waitFor(() => (out.includes(`charlie  ws://127.0.0.1:${ports.rpc + 2}`) ? true : undefined), 'the endpoint list', 60_000);
    expect(out).toContain(`indexer  http://127.0.0.1:${ports.indexer}`);
    expect(out).toContain(`explorer http://127.0.0.1:${ports.explorer}`);
    const rpcPorts = [0, 1, 2].map((i) => ports.rpc + i);
    await waitFor(async () => {
      try { return (await Promise.all(rpcPorts.map((p) => call(p, 'system_health')))).every((h) => h?.peers === 2) ? true : undefined; } catch { return undefined; }
    }, 'a full mesh', 60_000, 500);
    // all three nodes agree on a finalized block at height ≥ 6
    const fin = await waitFor(async () => {
      const h = await call(ports.rpc, 'chain_getFinalizedHead');
      const header = await call(ports.rpc, 'chain_getHeader', [h]);
      return parseInt(header.number, 16) >= 6 ? { hash: h, number: parseInt(header.number, 16) } : undefined;
    }, 'finalized #6', 90_000, 500);
    for (const p of rpcPorts) {
      await waitFor(async () => ((await call(p, 'chain_getBlockHash', [fin.number])) === fin.hash ? true : undefined), `node ${p} has the finalized block`, 30_000);
    }
    // each validator authored some of the first blocks (Aura round robin over 3 authorities)
    const authors = new Set<string>();
    for (let n = 1; n <= fin.number; n++) {
      const header = await call(ports.rpc, 'chain_getHeader', [await call(ports.rpc, 'chain_getBlockHash', [n])]);
      const pre = header.digest.logs.find((l: string) => l.startsWith('0x06'));
      const slot = Buffer.from(pre.slice(2), 'hex').readBigUInt64LE(1 + 4 + 1);
      authors.add(String(slot % 3n));
    }
    expect(authors.size).toBe(3);
    const genesis = await call(ports.rpc, 'chain_getBlockHash', [0]);
    // the indexer follows the network: the finalized block, as the chain has it
    expect((await waitFor(() => indexedBlock(ports.indexer, fin.number), 'the indexer to index the finalized block', 60_000, 500)).hash).toBe(fin.hash);
    // the explorer: the current build (made now if missing or stale), over this indexer and the first node
    const site = `http://127.0.0.1:${ports.explorer}`;
    expect(staleBuild()).toBeNull();
    expect(await (await fetch(`${site}/datanets`)).text()).toContain('<div id="root"></div>');
    expect(await (await fetch(`${site}/config.js`)).text()).toContain(`http://127.0.0.1:${ports.indexer}`);
    const alice = devAccount('Alice').address;
    const shown = await (await fetch(`${site}/node/accounts/${alice}`)).json();
    const api = await connect(`ws://127.0.0.1:${ports.rpc}`);
    try {
      expect(shown.nonce).toBe((await api.query.system.account(alice)).nonce.toNumber());
      expect(BigInt(shown.free)).toBeGreaterThan(0n);
    } finally { await api.disconnect(); }

    launcher.kill('SIGINT');
    expect(await stopped(launcher)).toBe(0);
    expect(out).toContain('stopping the network');
    for (const p of rpcPorts) await expect(call(p, 'system_health')).rejects.toThrow();

    launcher = await launch(ports);
    await waitFor(async () => { try { return (await call(ports.rpc + 1, 'system_health')) ? true : undefined; } catch { return undefined; } }, 'restart', 60_000, 500);
    expect(await call(ports.rpc + 1, 'chain_getBlockHash', [0])).toBe(genesis);
    expect(await call(ports.rpc + 1, 'chain_getBlockHash', [fin.number])).toBe(fin.hash);
    // the restarted indexer serves the same chain and indexes the new blocks
    expect((await waitFor(() => indexedBlock(ports.indexer, fin.number), 'the restarted indexer', 60_000, 500)).hash).toBe(fin.hash);
    const later = fin.number + 2;
    await waitFor(() => indexedBlock(ports.indexer, later), `the indexer to index #${later}`, 60_000, 500);
    launcher.kill('SIGINT');
    expect(await stopped(launcher)).toBe(0);
  }, 240_000);

  it('rebuilds the explorer only when its build is missing or older than its sources', () => {
    const dist = tempDir('slmnet-dist-');
    try {
      expect(staleBuild(dist)).toMatch(/^there is no build in /);
      writeFileSync(join(dist, 'index.html'), '<!doctype html>');
      utimesSync(join(dist, 'index.html'), new Date(2000, 0, 1), new Date(2000, 0, 1));
      expect(staleBuild(dist)).toMatch(/^explorer\/\S+ changed since the build$/);
      const later = new Date(Date.now() + 3_600_000);
      utimesSync(join(dist, 'index.html'), later, later);
      expect(staleBuild(dist)).toBeNull();
    } finally { removeDir(dist); }
  });

  it('rejects bad flags with one line and a non-zero exit', async () => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/local-network.ts'), '--validators', '9'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    p.stderr!.on('data', (d) => { err += d; });
    expect(await stopped(p)).not.toBe(0);
    expect(err).toContain('--validators must be an integer from 1 to 6');
  });
});
