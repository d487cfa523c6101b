// Tokenizer v1: deterministic, table-free (only fixed code point ranges, no Unicode database,
// so attestors on different Node/ICU versions agree), see README "Tokenizer rules".
import { InputError } from './limits.ts';

export const TOKENIZER_VERSION = 1;
/** Word runs longer than this (in UTF-16 code units) are cut into chunks of this size. */
export const MAX_TOKEN_UNITS = 64;

const WS = 0;
const WORD = 1;
const SINGLE = 2;

const ASCII = new Uint8Array(128).fill(SINGLE);
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]) ASCII[c] = WS;
for (let c = 0x30; c <= 0x39; c++) ASCII[c] = WORD;
for (let c = 0x41; c <= 0x5a; c++) ASCII[c] = WORD;
for (let c = 0x61; c <= 0x7a; c++) ASCII[c] = WORD;

/** Class of a UTF-16 code unit (surrogates reaching this are unpaired: single tokens). */
function classOf(c: number): number {
  if (c < 0x80) return ASCII[c];
  if (c >= 0xd800 && c <= 0xdfff) return SINGLE;
  if (c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) return WS;
  if (c < 0xc0 || c === 0xd7 || c === 0xf7) return SINGLE; // Latin-1 symbols (¡ « ° × ÷ …)
  if (c >= 0x2000 && c <= 0x2bff) return SINGLE; // punctuation, currency, arrows, math, box drawing, dingbats
  if ((c >= 0x3000 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff)) return SINGLE; // CJK, kana
  if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || c >= 0xff00) return SINGLE;
  return WORD;
}

/**
 * The scanner behind every tokenizer entry point: calls `emit(start, end, lower)` for each token
 * [start, end) in UTF-16 code units of `text`; `lower` is true when the token contains ASCII
 * capitals (the token string is then the range with A–Z mapped to a–z).
 */
export function scanTokens(text: string, emit: (start: number, end: number, lower: boolean) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // astral code point (emoji, rare scripts): one token each
      emit(i, i + 2, false);
      i += 2;
      continue;
    }
    const k = c < 0x80 ? ASCII[c] : classOf(c);
    if (k === WS) { i++; continue; }
    if (k === SINGLE) { emit(i, i + 1, false); i++; continue; }
    const start = i;
    let upper = false;
    while (i < n && i - start < MAX_TOKEN_UNITS) {
      const d = text.charCodeAt(i);
      if (d < 0x80) {
        if (ASCII[d] !== WORD) break;
        if (d <= 0x5a && d >= 0x41) upper = true;
      } else if ((d >= 0xd800 && d <= 0xdfff) || classOf(d) !== WORD) break;
      i++;
    }
    emit(start, i, upper);
  }
}

/** Token string of the range [start, end) reported by scanTokens. */
export function tokenAt(text: string, start: number, end: number, lower: boolean): string {
  return lower ? asciiLower(text, start, end) : text.slice(start, end);
}

/** Calls `emit` for every token with its [start, end) range in UTF-16 code units of `text`. */
export function forEachToken(text: string, emit: (token: string, start: number, end: number) => void): void {
  scanTokens(text, (s, e, lower) => emit(tokenAt(text, s, e, lower), s, e));
}

function asciiLower(text: string, start: number, end: number): string {
  let s = '';
  for (let j = start; j < end; j++) {
    const d = text.charCodeAt(j);
    s += String.fromCharCode(d >= 0x41 && d <= 0x5a ? d + 32 : d);
  }
  return s;
}

export function tokenize(text: string): string[] {
  const out: string[] = [];
  forEachToken(text, (t) => out.push(t));
  return out;
}

export interface TokenizedText { tokens: string[]; starts: number[]; ends: number[] }

export function tokenizeWithOffsets(text: string): TokenizedText {
  const r: TokenizedText = { tokens: [], starts: [], ends: [] };
  forEachToken(text, (t, s, e) => { r.tokens.push(t); r.starts.push(s); r.ends.push(e); });
  return r;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Strict UTF-8 decoding of document or output bytes. Binary data is refused: invalid UTF-8,
 * or a C0 control character other than tab, line feed, vertical tab, form feed, carriage return.
 * A leading byte order mark is dropped.
 */
export function decodeText(bytes: Uint8Array, what: string): string {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if ((b < 0x20 && (b < 0x09 || b > 0x0d)) || b === 0x7f) {
      throw new InputError(`${what} looks binary: control byte 0x${b.toString(16).padStart(2, '0')} at offset ${i}`);
    }
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InputError(`${what} is not valid UTF-8 (binary data?)`);
  }
}

/**
 * The same rules for text that arrives as a string: no binary control characters and no unpaired
 * surrogates (which UTF-8 cannot encode), so a string and its UTF-8 bytes are accepted alike.
 */
export function checkText(text: string, what: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0x7f) {
      throw new InputError(`${what} looks binary: control character 0x${c.toString(16).padStart(2, '0')} at index ${i}`);
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
      else throw new InputError(`${what} is not valid Unicode: unpaired surrogate at index ${i}`);
    }
  }
  return text;
}

const NO_SPACE_BEFORE = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '%', "'"]);
const NO_SPACE_AFTER = new Set(['(', '[', '{', "'"]);

/** Display text for tokens (generation output). Lossy: case and exact spacing are not kept by the tokenizer. */
export function detokenize(tokens: readonly string[]): string {
  let s = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (i > 0 && !NO_SPACE_BEFORE.has(t) && !NO_SPACE_AFTER.has(tokens[i - 1])) s += ' ';
    s += t;
  }
  return s;
}
