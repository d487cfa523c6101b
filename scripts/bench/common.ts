// Helpers shared by the benchmarks that run local networks of real nodes.
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const CLK_TCK = 100;

/** The p-th percentile (nearest rank) of `xs`; NaN when empty. */
export const pct = (xs: number[], p: number): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** CPU seconds (user + system) a process has used so far. */
export const cpuSeconds = (pid: number): number => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / CLK_TCK;
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** JSON-RPC over HTTP to a node on 127.0.0.1. */
export async function call(port: number, method: string, params: unknown[] = []): Promise<any> {
  const r = await fetch(`http://127.0.0.1:${port}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
  return ((await r.json()) as { result: unknown }).result;
}

/** Waits until a node's RPC answers. */
export async function waitRpc(port: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try { await call(port, 'system_health'); return; } catch { /* starting */ }
    await sleep(200);
  }
  throw new Error(`node on ${port} did not start`);
}
