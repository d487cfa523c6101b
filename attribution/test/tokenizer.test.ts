import { describe, expect, it } from 'vitest';
import { MAX_TOKEN_UNITS, checkText, decodeText, detokenize, tokenize, tokenizeWithOffsets } from '../src/index.ts';

describe('tokenizer v1', () => {
  it('splits on whitespace, keeps ASCII punctuation as single tokens, lowercases ASCII only', () => {
    expect(tokenize("Hello, World! It's 42\u00a0°C.")).toEqual(['hello', ',', 'world', '!', 'it', "'", 's', '42', '°', 'c', '.']);
    expect(tokenize('Ÿ CAFÉ café')).toEqual(['Ÿ', 'cafÉ', 'café']);
  });

  it('makes CJK characters, symbols and astral code points single tokens', () => {
    expect(tokenize('日本語テキスト')).toEqual(['日', '本', '語', 'テ', 'キ', 'ス', 'ト']);
    expect(tokenize('a→b “q” x😀y')).toEqual(['a', '→', 'b', '“', 'q', '”', 'x', '😀', 'y']);
  });

  it('cuts very long words into chunks', () => {
    const t = tokenize('x'.repeat(MAX_TOKEN_UNITS * 2 + 3));
    expect(t.map((s) => s.length)).toEqual([MAX_TOKEN_UNITS, MAX_TOKEN_UNITS, 3]);
  });

  it('reports token offsets in the text', () => {
    const r = tokenizeWithOffsets('  Ab, c');
    expect(r).toEqual({ tokens: ['ab', ',', 'c'], starts: [2, 4, 6], ends: [4, 5, 7] });
  });

  it('decodes strict UTF-8 and refuses binary', () => {
    expect(decodeText(new TextEncoder().encode('\ufeffok\r\n\tü'), 'x')).toBe('ok\r\n\tü');
    expect(() => decodeText(Uint8Array.of(0xe2, 0x82), 'doc')).toThrow('doc is not valid UTF-8');
    expect(() => decodeText(Uint8Array.of(0x41, 0x01), 'doc')).toThrow('doc looks binary: control byte 0x01 at offset 1');
  });

  it('never stalls on unpaired surrogates and refuses them in checked text', () => {
    expect(tokenize('\udc00ab\ud800 c\ud800')).toEqual(['\udc00', 'ab', '\ud800', 'c', '\ud800']);
    expect(() => checkText('ok \ud800x', 'output')).toThrow('output is not valid Unicode: unpaired surrogate at index 3');
    expect(() => checkText('a\u0000', 'output')).toThrow('output looks binary: control character 0x00 at index 1');
    expect(checkText('emoji 😀 fine\n', 'output')).toBe('emoji 😀 fine\n');
  });

  it('detokenizes for display', () => {
    expect(detokenize(['the', 'hive', '(', 'warm', ')', ',', 'yes', '.'])).toBe('the hive (warm), yes.');
  });
});
