// Keystore: Substrate LocalKeystore file format, lookups, signing, memory mode;
// secret-URI derivation against subkey's known //Alice values.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cryptoWaitReady, ed25519Verify, mnemonicValidate, secp256k1Verify, sr25519Verify } from '@polkadot/util-crypto';
import { Keystore, keyFileName, pairFromPhrase, pairFromSuri, DEV_PHRASE } from '../src/keystore.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const bytes = (h: string) => new Uint8Array(Buffer.from(h.replace(/^0x/, ''), 'hex'));

const ALICE_SR = 'd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';
const ALICE_SR_SEED = 'e5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a';
const ALICE_ED = '88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee';
const ALICE_ED_SEED = 'abf8e5bdbe30c65656c0a3cbd181ff8a56294a69dfedd27982aace4a76909115';
const ALICE_ECDSA = '020a1091341fe5664bfa1782d5e04779689068c916b04cb365ec3153755684d9a1';
const BOB_SR = '8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48';
const MSG = new TextEncoder().encode('slmnet keystore test');

let root: string;
beforeAll(async () => {
  await cryptoWaitReady();
  root = mkdtempSync(join(tmpdir(), 'slmnet-keystore-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('secret URIs (sp_core from_string_with_seed)', () => {
  it('derives //Alice for each scheme, with subkey\'s secret seeds', () => {
    const sr = pairFromSuri('//Alice', 'sr25519');
    expect(hex(sr.publicKey)).toBe(ALICE_SR);
    expect(hex(sr.seed!)).toBe(ALICE_SR_SEED); // schnorrkel hard-derivation mini secret (Merlin)
    const ed = pairFromSuri('//Alice', 'ed25519');
    expect(hex(ed.publicKey)).toBe(ALICE_ED);
    expect(hex(ed.seed!)).toBe(ALICE_ED_SEED);
    expect(hex(pairFromSuri('//Alice', 'ecdsa').publicKey)).toBe(ALICE_ECDSA);
    expect(hex(pairFromSuri('//Bob', 'sr25519').publicKey)).toBe(BOB_SR);
  });

  it('accepts the explicit dev phrase, 0x seeds, and gives no seed for soft paths', () => {
    expect(hex(pairFromSuri(`${DEV_PHRASE}//Alice`, 'sr25519').publicKey)).toBe(ALICE_SR);
    const fromSeed = pairFromSuri(`0x${ALICE_SR_SEED}`, 'sr25519');
    expect(hex(fromSeed.publicKey)).toBe(ALICE_SR);
    expect(hex(pairFromSuri(`0x${ALICE_ED_SEED}`, 'ed25519').publicKey)).toBe(ALICE_ED);
    expect(pairFromSuri('//Alice/soft', 'sr25519').seed).toBeNull();
    expect(hex(pairFromSuri('//Alice//stash', 'sr25519').publicKey)).toBe('be5ddb1579b72e84524fc29e78609e3caf42e85aa118ebfe0b0ad404b5bdd25f');
  });

  it('uses ///password, overridden by an explicit password', () => {
    const a = pairFromSuri(`${DEV_PHRASE}///pw`, 'sr25519');
    const b = pairFromSuri(DEV_PHRASE, 'sr25519', 'pw');
    const c = pairFromSuri(`${DEV_PHRASE}///other`, 'sr25519', 'pw');
    expect(hex(a.publicKey)).toBe(hex(b.publicKey));
    expect(hex(c.publicKey)).toBe(hex(b.publicKey));
    expect(hex(a.publicKey)).not.toBe(hex(pairFromSuri(DEV_PHRASE, 'sr25519').publicKey));
  });

  it('rejects what Substrate rejects', () => {
    expect(() => pairFromSuri('not a mnemonic', 'sr25519')).toThrow(/BIP39/);
    expect(() => pairFromSuri('0x1234', 'sr25519')).toThrow(/32 bytes/);
    expect(() => pairFromSuri('//Alice/soft', 'ed25519')).toThrow(/soft/);
    expect(pairFromPhrase('//Alice', 'sr25519')).toBeUndefined();
    expect(hex(pairFromPhrase(DEV_PHRASE, 'sr25519')!.seed!)).toBe('fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e');
  });
});

describe('Keystore on disk', () => {
  it('writes Substrate-format files byte for byte, 0600 in a 0700 directory', () => {
    const dir = join(root, 'base', 'chains', 'dev', 'keystore');
    const ks = Keystore.open(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(hex(ks.insertSuri('aura', '//Alice', 'sr25519'))).toBe(ALICE_SR);
    expect(hex(ks.insertSuri('gran', '//Alice', 'ed25519'))).toBe(ALICE_ED);

    const aura = '61757261d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';
    const gran = `6772616e${ALICE_ED}`;
    expect(readdirSync(dir).sort()).toEqual([aura, gran].sort());
    expect(readFileSync(join(dir, aura)).equals(Buffer.from('"//Alice"'))).toBe(true);
    expect(readFileSync(join(dir, gran), 'utf8')).toBe('"//Alice"');
    expect(statSync(join(dir, aura)).mode & 0o777).toBe(0o600);
    expect(keyFileName('aura', bytes(ALICE_SR))).toBe(aura);
  });

  it('finds, filters and signs with stored keys after reopening', () => {
    const ks = Keystore.open(join(root, 'base', 'chains', 'dev', 'keystore'));
    const sr = bytes(ALICE_SR);
    const ed = bytes(ALICE_ED);
    expect(ks.has([[sr, 'aura']])).toBe(true);
    expect(ks.has([[sr, 'aura'], [ed, 'gran']])).toBe(true);
    expect(ks.has([[sr, 'aura'], [ed, 'aura']])).toBe(false);
    expect(ks.has([[bytes(BOB_SR), 'aura']])).toBe(false);

    expect(ks.publicKeys('aura', 'sr25519').map(hex)).toEqual([ALICE_SR]);
    expect(ks.publicKeys('aura', 'ed25519')).toEqual([]); // the secret is there but derives another ed25519 key
    expect(ks.publicKeys('gran', 'ed25519').map(hex)).toEqual([ALICE_ED]);
    expect(ks.publicKeys('babe', 'sr25519')).toEqual([]);

    const p = ks.pair('aura', sr, 'sr25519')!;
    expect(p.scheme).toBe('sr25519');
    expect(sr25519Verify(MSG, p.sign(MSG), sr)).toBe(true);
    const g = ks.pair('gran', ed, 'ed25519')!;
    expect(g.sign(MSG)).toHaveLength(64);
    expect(ed25519Verify(MSG, g.sign(MSG), ed)).toBe(true);
    expect(ks.pair('aura', sr, 'ed25519')).toBeUndefined();
    expect(ks.pair('aura', bytes(BOB_SR), 'sr25519')).toBeUndefined();
  });

  it('reads keys written by others (0x seed content) and ignores foreign files', () => {
    const dir = join(root, 'foreign');
    const ks = Keystore.open(dir);
    writeFileSync(join(dir, `61757261${ALICE_SR}`), JSON.stringify(`0x${ALICE_SR_SEED}`));
    writeFileSync(join(dir, '6175'), 'test'); // too short: Substrate skips it
    writeFileSync(join(dir, 'README'), 'not a key');
    writeFileSync(join(dir, `61757261${BOB_SR}`), 'not json');
    expect(ks.publicKeys('aura', 'sr25519').map(hex)).toEqual([ALICE_SR]);
    expect(sr25519Verify(MSG, ks.pair('aura', bytes(ALICE_SR), 'sr25519')!.sign(MSG), bytes(ALICE_SR))).toBe(true);
    expect(ks.has([[bytes(BOB_SR), 'aura']])).toBe(false);
  });

  it('generate() persists a 12-word phrase usable after reopening; ecdsa keys sign too', () => {
    const dir = join(root, 'gen');
    const pub = Keystore.open(dir).generate('aura', 'sr25519');
    const file = join(dir, keyFileName('aura', pub));
    const phrase = JSON.parse(readFileSync(file, 'utf8'));
    expect(phrase.split(' ')).toHaveLength(12);
    expect(mnemonicValidate(phrase)).toBe(true);
    const ks = Keystore.open(dir);
    expect(ks.publicKeys('aura', 'sr25519').map(hex)).toEqual([hex(pub)]);
    expect(sr25519Verify(MSG, ks.pair('aura', pub, 'sr25519')!.sign(MSG), pub)).toBe(true);

    const ec = ks.insertSuri('beef', '//Alice', 'ecdsa');
    expect(hex(ec)).toBe(ALICE_ECDSA);
    expect(ks.publicKeys('beef', 'ecdsa').map(hex)).toEqual([ALICE_ECDSA]);
    const sig = ks.pair('beef', ec, 'ecdsa')!.sign(MSG);
    expect(sig).toHaveLength(65);
    expect(secp256k1Verify(MSG, sig, ec)).toBe(true);
  });

  it('keeps ephemeral (dev) keys out of the directory', () => {
    const dir = join(root, 'eph');
    const ks = Keystore.open(dir);
    const pub = ks.addEphemeral('aura', '//Alice', 'sr25519');
    expect(ks.publicKeys('aura', 'sr25519').map(hex)).toEqual([ALICE_SR]);
    expect(readdirSync(dir)).toEqual([]);
    expect(Keystore.open(dir).has([[pub, 'aura']])).toBe(false);
  });

  it('rejects key types that are not 4 ASCII characters', () => {
    const ks = Keystore.open(null);
    expect(() => ks.insertSuri('aur', '//Alice', 'sr25519')).toThrow(/4 ASCII/);
    expect(() => ks.publicKeys('auras', 'sr25519')).toThrow(/4 ASCII/);
  });
});

describe('Keystore in memory', () => {
  it('supports the same operations without touching the disk', () => {
    const ks = Keystore.open(null);
    expect(ks.dir).toBeNull();
    const sr = ks.insertSuri('aura', '//Alice', 'sr25519');
    const ed = ks.insertSuri('gran', '//Alice', 'ed25519');
    expect(ks.has([[sr, 'aura'], [ed, 'gran']])).toBe(true);
    expect(ks.publicKeys('aura', 'sr25519').map(hex)).toEqual([ALICE_SR]);
    expect(ed25519Verify(MSG, ks.pair('gran', ed, 'ed25519')!.sign(MSG), ed)).toBe(true);
    const fresh = ks.generate('aura', 'sr25519');
    expect(ks.publicKeys('aura', 'sr25519').map(hex).sort()).toEqual([ALICE_SR, hex(fresh)].sort());
    expect(Keystore.open(null).has([[sr, 'aura']])).toBe(false); // nothing shared between instances
  });
});
