// Runs the slmnet CLI in-process (same code as the binary) and captures its output.
import { main } from '../../scripts/src/cli.ts';

export interface CliRun { code: number; out: string; err: string; json: any }

export async function cli(...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  const o = out.join('\n');
  let json: any;
  try { json = JSON.parse(o); } catch { json = undefined; }
  return { code, out: o, err: err.join('\n'), json };
}

/** Runs and insists on success, returning the parsed JSON output (pass --json). */
export async function ok(...argv: string[]): Promise<any> {
  const r = await cli(...argv);
  if (r.code !== 0) throw new Error(`slmnet ${argv.join(' ')} exited ${r.code}: ${r.err}`);
  return r.json ?? r.out;
}
