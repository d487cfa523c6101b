// Minimal little-endian byte writer/reader for the p2p messages. Every read is
// bounds-checked and throws WireError, so garbage from a peer can never crash
// the node: the caller catches it and penalises the peer.
export class WireError extends Error {}

export class Writer {
  private parts: Uint8Array[] = [];
  private size = 0;
  u8(v: number): this { return this.raw(Uint8Array.of(v & 0xff)); }
  u32(v: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v >>> 0, true);
    return this.raw(b);
  }
  raw(b: Uint8Array): this { this.parts.push(b); this.size += b.length; return this; }
  /** u32 length ++ bytes. */
  bytes(b: Uint8Array): this { return this.u32(b.length).raw(b); }
  str(s: string): this { return this.bytes(new TextEncoder().encode(s)); }
  vec<T>(items: readonly T[], f: (w: this, item: T) => void): this {
    this.u32(items.length);
    for (const it of items) f(this, it);
    return this;
  }
  option<T>(v: T | undefined, f: (w: this, v: T) => void): this {
    if (v === undefined) return this.u8(0);
    this.u8(1);
    f(this, v);
    return this;
  }
  finish(): Uint8Array {
    const out = new Uint8Array(this.size);
    let o = 0;
    for (const p of this.parts) { out.set(p, o); o += p.length; }
    return out;
  }
}

export class Reader {
  private o = 0;
  constructor(private readonly b: Uint8Array) {}
  private need(n: number): void {
    if (n < 0 || this.o + n > this.b.length) throw new WireError(`message truncated: need ${n} bytes at offset ${this.o} of ${this.b.length}`);
  }
  u8(): number { this.need(1); return this.b[this.o++]; }
  u32(): number {
    this.need(4);
    const v = new DataView(this.b.buffer, this.b.byteOffset + this.o, 4).getUint32(0, true);
    this.o += 4;
    return v;
  }
  raw(n: number): Uint8Array { this.need(n); const r = new Uint8Array(this.b.subarray(this.o, this.o + n)); /* a plain copy, never a Buffer view */ this.o += n; return r; }
  bytes(max = this.b.length): Uint8Array {
    const n = this.u32();
    if (n > max) throw new WireError(`field of ${n} bytes exceeds the limit ${max}`);
    return this.raw(n);
  }
  str(max = 1024): string { return new TextDecoder('utf-8', { fatal: true }).decode(this.bytes(max)); }
  vec<T>(max: number, f: (r: this) => T): T[] {
    const n = this.u32();
    if (n > max) throw new WireError(`vector of ${n} items exceeds the limit ${max}`);
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(f(this));
    return out;
  }
  option<T>(f: (r: this) => T): T | undefined {
    const tag = this.u8();
    if (tag === 0) return undefined;
    if (tag !== 1) throw new WireError(`bad option tag ${tag}`);
    return f(this);
  }
  bool(): boolean {
    const v = this.u8();
    if (v > 1) throw new WireError(`bad bool ${v}`);
    return v === 1;
  }
  end(): void { if (this.o !== this.b.length) throw new WireError(`${this.b.length - this.o} trailing bytes`); }
}
