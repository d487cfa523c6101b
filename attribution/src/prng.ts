// Deterministic random numbers for sampling: blake2-256 in counter mode keyed by the seed.
// Integer-only, so every node that samples with the same seed draws the same tokens.
import { blake2_256, concat } from '@slmnet/runtime-spec';
import { InputError } from './limits.ts';

const TAG = new TextEncoder().encode('slmnet/infini-gram-v1/seed');
const U64_MAX = (1n << 64n) - 1n;

/**
 * Seed bytes: a u64 (bigint, safe integer, or a string of decimal digits — an inference id) is
 * encoded as 8 bytes little endian; any other string as its UTF-8 bytes after a 0xff marker.
 */
export function seedBytes(seed: bigint | number | string): Uint8Array {
  let v: bigint | undefined;
  if (typeof seed === 'bigint') v = seed;
  else if (typeof seed === 'number') {
    if (!Number.isSafeInteger(seed)) throw new InputError(`seed ${seed} is not an integer`);
    v = BigInt(seed);
  } else if (/^[0-9]{1,20}$/.test(seed)) v = BigInt(seed);
  if (v === undefined) return concat(Uint8Array.of(0xff), new TextEncoder().encode(seed as string));
  if (v < 0n || v > U64_MAX) throw new InputError(`seed ${v} is not a u64`);
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, v, true);
  return out;
}

export class SeededRng {
  private readonly key: Uint8Array;
  private counter = 0n;
  private block = new Uint32Array(0);
  private pos = 0;

  constructor(seed: bigint | number | string) {
    this.key = blake2_256(concat(TAG, seedBytes(seed)));
  }

  /** Next uniform 32-bit integer. */
  nextU32(): number {
    if (this.pos === this.block.length) {
      const ctr = new Uint8Array(8);
      new DataView(ctr.buffer).setBigUint64(0, this.counter++, true);
      const h = blake2_256(concat(this.key, ctr));
      const dv = new DataView(h.buffer, h.byteOffset, 32);
      this.block = Uint32Array.from({ length: 8 }, (_, i) => dv.getUint32(4 * i, true));
      this.pos = 0;
    }
    return this.block[this.pos++];
  }

  /** Uniform integer in [0, bound), 1 ≤ bound ≤ 2^32, by rejection (no modulo bias). */
  below(bound: number): number {
    if (!Number.isSafeInteger(bound) || bound < 1 || bound > 2 ** 32) throw new RangeError(`bound ${bound}`);
    const limit = 2 ** 32 - (2 ** 32 % bound);
    for (;;) {
      const u = this.nextU32();
      if (u < limit) return u % bound;
    }
  }
}
