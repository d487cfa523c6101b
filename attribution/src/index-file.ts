// Index file: one binary file, a 64-byte header then 8-byte-aligned little-endian sections,
// loaded with a single readFileSync and viewed as typed arrays without per-element copies.
//
//   header  "SLMATIDX" | format u32 | tokenizer u32 | tokens u32 | documents u32 | vocab u32
//           | vocab blob bytes u32 | word tokens u32 | zero padding to 64
//   tokens      int32 × tokens        token stream (doc SEP … doc SEP END)
//   sa          int32 × tokens        suffix array
//   docStarts   int32 × (documents+1)
//   counts      uint32 × vocab        occurrences per token id
//   docIds      uint64 × documents    contribution ids, ascending
//   docHashes   32 B × documents      blake2-256 of each document
//   vocab blob  UTF-8 of vocab[2..] joined by "\n" (tokens never contain whitespace)
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { endianness } from 'node:os';
import { CorpusIndex } from './corpus-index.ts';
import { END, FIRST_WORD, SEP } from './corpus.ts';
import { InputError } from './limits.ts';
import { TOKENIZER_VERSION } from './tokenizer.ts';

const MAGIC = 'SLMATIDX';
export const INDEX_FORMAT = 1;
const HEADER = 64;
// plain arithmetic, not `& ~7`: offsets can exceed 2^31
const pad8 = (n: number) => n + ((8 - (n % 8)) % 8);
/** Longest vocabulary blob (UTF-16 units before encoding): stays below V8's string length limit. */
const MAX_VOCAB_CHARS = 256 * 1024 * 1024;

interface Layout { offsets: number[]; total: number }

function layout(n: number, docs: number, vocab: number, blob: number): Layout {
  const sizes = [4 * n, 4 * n, 4 * (docs + 1), 4 * vocab, 8 * docs, 32 * docs, blob];
  const offsets: number[] = [];
  let o = HEADER;
  for (const s of sizes) { offsets.push(o); o = pad8(o + s); }
  return { offsets, total: o };
}

function requireLittleEndian(): void {
  if (endianness() !== 'LE') throw new Error('index files are little endian; big-endian hosts are not supported');
}

/** Writes the index atomically (temporary file, fsync, rename). Returns the file size. */
export function saveIndex(index: CorpusIndex, path: string): number {
  requireLittleEndian();
  const c = index.corpus;
  const n = c.tokens.length, docs = c.docIds.length, vocab = c.vocab.length;
  let chars = 0;
  for (const w of c.vocab) chars += w.length + 1;
  if (chars > MAX_VOCAB_CHARS) throw new InputError(`vocabulary too large to save (${chars} characters, limit ${MAX_VOCAB_CHARS})`);
  const blob = Buffer.from(c.vocab.slice(FIRST_WORD).join('\n'), 'utf8');
  const { offsets, total } = layout(n, docs, vocab, blob.length);
  const header = Buffer.alloc(HEADER);
  header.write(MAGIC, 0, 'latin1');
  [INDEX_FORMAT, TOKENIZER_VERSION, n, docs, vocab, blob.length, c.wordTokens].forEach((v, i) => header.writeUInt32LE(v, 8 + 4 * i));
  const parts: Uint8Array[] = [c.tokens, index.sa, c.docStarts, c.counts, c.docIds, c.docHashes, blob]
    .map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, header);
    let pos = HEADER;
    const zeros = new Uint8Array(8);
    parts.forEach((p, i) => {
      if (pos < offsets[i]) pos += writeSync(fd, zeros, 0, offsets[i] - pos);
      for (let o = 0; o < p.length;) o += writeSync(fd, p, o, p.length - o);
      pos += p.length;
    });
    if (pos < total) writeSync(fd, zeros, 0, total - pos);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, path);
  } catch (e) {
    try { closeSync(fd); } catch { /* already closed */ }
    rmSync(tmp, { force: true });
    throw e;
  }
  return total;
}

/** Loads an index file; structural problems are reported as InputError. */
export function loadIndex(path: string): CorpusIndex {
  requireLittleEndian();
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch (e) {
    throw new InputError(`cannot read index ${path}: ${(e as Error).message}`);
  }
  const bad = (why: string): never => { throw new InputError(`${path} is not a valid index file: ${why}`); };
  if (file.length < HEADER || file.toString('latin1', 0, 8) !== MAGIC) bad('bad magic');
  const [format, tokenizer, n, docs, vocab, blobLen, wordTokens] = Array.from({ length: 7 }, (_, i) => file.readUInt32LE(8 + 4 * i));
  if (format !== INDEX_FORMAT) bad(`format ${format}, this build reads ${INDEX_FORMAT}`);
  if (tokenizer !== TOKENIZER_VERSION) bad(`tokenizer v${tokenizer}, this build has v${TOKENIZER_VERSION}`);
  if (n < 2 || docs < 1 || vocab < FIRST_WORD + 1) bad('empty');
  const { offsets, total } = layout(n, docs, vocab, blobLen);
  if (file.length !== total) bad(`size ${file.length}, header implies ${total}`);
  // typed array views need aligned offsets; readFileSync may hand out an unaligned slice
  const bytes = file.byteOffset % 8 === 0 ? file : Buffer.from(new Uint8Array(file).buffer);
  const buf = bytes.buffer, base = bytes.byteOffset;
  const tokens = new Int32Array(buf, base + offsets[0], n);
  const sa = new Int32Array(buf, base + offsets[1], n);
  const docStarts = new Int32Array(buf, base + offsets[2], docs + 1);
  const counts = new Uint32Array(buf, base + offsets[3], vocab);
  const docIds = new BigUint64Array(buf, base + offsets[4], docs);
  const docHashes = new Uint8Array(buf, base + offsets[5], 32 * docs);
  const words = bytes.toString('utf8', offsets[6], offsets[6] + blobLen).split('\n');
  if (words.length !== vocab - FIRST_WORD) bad('vocabulary size');
  // cheap O(n) consistency checks so a corrupt file fails here, not with a wrong attribution
  if (tokens[n - 1] !== END || docStarts[0] !== 0 || docStarts[docs] !== n - 1) bad('token stream bounds');
  for (let d = 0; d < docs; d++) {
    if (docStarts[d + 1] <= docStarts[d] || tokens[docStarts[d + 1] - 1] !== SEP) bad(`document ${d} bounds`);
    if (d > 0 && docIds[d] <= docIds[d - 1]) bad('contribution ids not ascending');
  }
  for (let i = 0; i < n; i++) {
    if (tokens[i] >= vocab || tokens[i] < 0 || sa[i] < 0 || sa[i] >= n) bad(`value out of range at ${i}`);
  }
  if (wordTokens !== n - docs - 1) bad('word token count');
  return new CorpusIndex({ tokens, docStarts, docIds, docHashes, vocab: ['', '', ...words], counts, wordTokens }, sa);
}
