// Signature checks remember what verified; the memo must never turn a bad signature good.
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { text, verifyEd25519, verifySr25519 } from '../src/crypto.ts';

beforeAll(async () => { await cryptoWaitReady(); });

describe('signature verification', () => {
  it.each([['sr25519', verifySr25519], ['ed25519', verifyEd25519]] as const)('%s: valid once and again; any changed byte fails, before and after', (type, verify) => {
    const pair = new Keyring({ type }).addFromUri('//Alice');
    const msg = text('slmnet/memo');
    const sig = pair.sign(msg);
    const other = msg.slice(); other[0] ^= 1;
    const badSig = sig.slice(); badSig[10] ^= 1;
    const badKey = new Keyring({ type }).addFromUri('//Bob').publicKey;
    expect(verify(other, sig, pair.publicKey)).toBe(false);
    for (let i = 0; i < 2; i++) {
      expect(verify(msg, sig, pair.publicKey)).toBe(true);
      expect(verify(other, sig, pair.publicKey)).toBe(false);
      expect(verify(msg, badSig, pair.publicKey)).toBe(false);
      expect(verify(msg, sig, badKey)).toBe(false);
      expect(verify(msg, sig.subarray(0, 63), pair.publicKey)).toBe(false);
    }
    // the other scheme never accepts it through the memo
    const cross = type === 'sr25519' ? verifyEd25519 : verifySr25519;
    expect(cross(msg, sig, pair.publicKey)).toBe(false);
    // views into larger buffers are keyed by their own bytes
    const padded = new Uint8Array(msg.length + 8); padded.set(msg, 4);
    expect(verify(padded.subarray(4, 4 + msg.length), sig, pair.publicKey)).toBe(true);
    expect(verify(padded.subarray(3, 3 + msg.length), sig, pair.publicKey)).toBe(false);
  });
});
