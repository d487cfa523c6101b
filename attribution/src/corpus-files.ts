// Contribution files on disk: the id comes from the file name (`17.txt`, `17-bees.md`).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CorpusDocument } from './corpus.ts';
import { InputError, MAX_DOCUMENT_BYTES } from './limits.ts';

/** Contribution id from a file name: its leading decimal digits. */
export function idFromFileName(path: string): bigint {
  const m = /^([0-9]{1,20})(?![0-9])/.exec(basename(path));
  if (m === null) throw new InputError(`cannot take a contribution id from "${path}": name files <id>.txt or <id>-<title>.<ext>`);
  return BigInt(m[1]);
}

/** Regular files under the inputs (directories walked recursively, sorted, dot files skipped). */
export function listFiles(inputs: string[]): string[] {
  const files: string[] = [];
  const walk = (p: string) => {
    let st;
    try { st = statSync(p); } catch { throw new InputError(`no such file or directory: ${p}`); }
    if (st.isDirectory()) {
      for (const e of readdirSync(p).sort()) if (!e.startsWith('.')) walk(join(p, e));
    } else if (st.isFile()) {
      if (st.size > MAX_DOCUMENT_BYTES) throw new InputError(`${p} is ${st.size} bytes, over the document limit of ${MAX_DOCUMENT_BYTES}`);
      files.push(p);
    }
  };
  inputs.forEach(walk);
  return files;
}

/** Reads contribution files; one id per file. */
export function readCorpusFiles(inputs: string[]): CorpusDocument[] {
  const files = listFiles(inputs);
  if (files.length === 0) throw new InputError('empty corpus: no files found');
  const seen = new Map<bigint, string>();
  return files.map((f) => {
    const id = idFromFileName(f);
    const other = seen.get(id);
    if (other !== undefined) throw new InputError(`contribution id ${id} used by both ${other} and ${f}`);
    seen.set(id, f);
    try {
      return { id, content: readFileSync(f) };
    } catch (e) {
      throw new InputError(`cannot read ${f}: ${(e as Error).message}`);
    }
  });
}
