// Wire-format vectors from ../shared/design/PROTOCOL.md.
import { beforeAll, describe, expect, it } from 'vitest';
import * as T from '../src/codec/types.ts';
import { cryptoReady, fromHex, toHex } from '../src/crypto.ts';
import { decodeEra, encodeEra, eraBirth, eraDeath, mortal } from '../src/extrinsic.ts';
import { DigestItem, Header } from '../src/primitives.ts';
import { system } from '../src/pallets/system.ts';
import { timestamp } from '../src/pallets/timestamp.ts';
import { aura } from '../src/pallets/aura.ts';

beforeAll(async () => { await cryptoReady(); });

describe('era', () => {
  it.each([[1000n, 64n, '0x8502'], [42n, 4n, '0x2100'], [5000n, 4096n, '0x8b38']])('mortal(current %s, period %s) = %s', (current, period, hex) => {
    const era = mortal(period, current);
    expect(toHex(encodeEra(era))).toBe(hex);
    expect(decodeEra(fromHex(hex), 0)[0]).toEqual(era);
    expect(eraBirth(era, current)).toBeLessThanOrEqual(current);
    expect(eraDeath(era, current)).toBeGreaterThan(current);
  });
  it('immortal is 00 and never dies', () => {
    expect(toHex(encodeEra({ period: 0n, phase: 0n }))).toBe('0x00');
    expect(eraDeath({ period: 0n, phase: 0n }, 5n)).toBe(2n ** 64n - 1n);
  });
  it('rejects invalid eras', () => {
    expect(() => decodeEra(Uint8Array.of(0x00 | 0xf0, 0xff), 0)).toThrow(); // phase >= period
    expect(() => decodeEra(Uint8Array.of(0x85), 0)).toThrow(); // truncated
  });
});

describe('storage keys', () => {
  it('match the FRAME vectors', () => {
    expect(toHex(system.storage.Account.prefix)).toBe('0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9');
    expect(toHex(system.storage.Events.key())).toBe('0x26aa394eea5630e07c48ae0c9558cef780d41e5e16056765bc8461851072c9d7');
    expect(toHex(timestamp.storage.Now.key())).toBe('0xf0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb');
    expect(toHex(aura.storage.Authorities.key())).toBe('0x57f8dc2f5ab09467896f47300f0424385e0621c4869aa60c02be9adcc98a0d1d');
    const alice = fromHex('0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d');
    expect(toHex(system.storage.Account.key(alice))).toBe(
      '0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9de1e86a9a8c739864cf3cc5ec2bea59fd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d');
  });
});

describe('header and digests', () => {
  it('encodes the Aura pre-runtime digest and seal as Substrate does', () => {
    const pre = DigestItem.codec.enc({ tag: 'PreRuntime', value: [fromHex('0x61757261'), T.u64.codec.enc(7n)] });
    expect(toHex(pre)).toBe('0x066175726120' + '0700000000000000');
    const sig = new Uint8Array(64).fill(9);
    const seal = DigestItem.codec.enc({ tag: 'Seal', value: [fromHex('0x61757261'), sig] });
    expect(toHex(seal)).toBe('0x05617572610101' + '09'.repeat(64));
  });
  it('round-trips a header byte for byte', () => {
    const h = {
      parent_hash: new Uint8Array(32).fill(1), number: 1234, state_root: new Uint8Array(32).fill(2),
      extrinsics_root: new Uint8Array(32).fill(3), digest: { logs: [{ tag: 'Other' as const, value: Uint8Array.of(1, 2) }] },
    };
    const bytes = Header.codec.enc(h);
    expect(toHex(bytes.subarray(32, 34))).toBe('0x4913'); // Compact(1234) = 0x4913
    expect(T.decodeAll(Header, bytes)).toEqual(h);
  });
  it('strict decoding refuses trailing and missing bytes', () => {
    expect(() => T.decodeAll(T.u32, Uint8Array.of(1, 2, 3))).toThrow();
    expect(() => T.decodeAll(T.u32, Uint8Array.of(1, 2, 3, 4, 5))).toThrow();
    expect(() => T.decodeAll(T.vec(T.fixed(32)), Uint8Array.of(0xfe, 0xff, 0xff, 0xff))).toThrow();
  });
});
