// Token string → id table for corpus building. Looks tokens up straight from their range in the
// document text (hash and compare in place, ASCII-lowercased on the fly), so the ten million
// lookups of a large build allocate no strings; a JS Map would need one string per token.
import { tokenAt } from './tokenizer.ts';

const lowerCode = (d: number) => (d >= 0x41 && d <= 0x5a ? d + 32 : d);

/** A flat copy: V8 returns longer slices as views that would keep the whole document alive. */
const ownString = (s: string): string => (s.length < 13 ? s : [...s].join(''));

export class Vocabulary {
  /** Token strings by id. */
  readonly strings: string[];
  private hashes: Int32Array;
  /** Open addressing: id + 1 per slot, 0 = empty; at most half full. */
  private slots: Int32Array;

  /** `reserved` ids (e.g. END, SEP) are taken by empty strings that are never looked up. */
  constructor(private readonly reserved: number) {
    this.strings = Array.from({ length: reserved }, () => '');
    this.hashes = new Int32Array(Math.max(16, reserved));
    this.slots = new Int32Array(1 << 16);
  }

  /** Id of the token text[start, end) (lowercased if `lower`), added if new. */
  intern(text: string, start: number, end: number, lower: boolean): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ lowerCode(text.charCodeAt(i)), 0x01000193);
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const e = this.slots[s];
      if (e === 0) break;
      const id = e - 1;
      if (this.hashes[id] === h && this.equals(this.strings[id], text, start, end)) return id;
    }
    const id = this.strings.length;
    this.strings.push(ownString(tokenAt(text, start, end, lower)));
    if (id === this.hashes.length) {
      const grown = new Int32Array(id * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = h;
    if (2 * (id + 1) > this.slots.length) this.rehash(this.slots.length * 2);
    this.place(id);
    return id;
  }

  private equals(s: string, text: string, start: number, end: number): boolean {
    if (s.length !== end - start) return false;
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== lowerCode(text.charCodeAt(start + i))) return false;
    return true;
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let s = this.hashes[id] & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = id + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let id = this.reserved; id < this.strings.length; id++) this.place(id);
  }
}
