// SDK behaviour that does not need the whole domain story (that one is test/domain-story.test.ts):
// amounts, keys and keystores, connection failures, typed errors, waiting for finality.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AmountError, ChainError, ConnectionError, KeyError, TxRejectedError, UNIT, balanceOf, connect, contentRef, createDatanet, cryptoReady,
  devAccount, eventsOf, formatAmount, fromKeystore, fromUri, newMnemonic, parseAddress, parseAmount, peerIdOf, nodeKeyFromSeed, toKeystore, transfer,
  type ApiPromise,
} from '../src/index.ts';
import { hashFile, readKeyfile, writeKeyfile } from '../src/node.ts';
import { removeDir, startNode, type RunningNode } from '../../test/helpers/node.ts';

beforeAll(async () => { await cryptoReady(); });

describe('amounts', () => {
  it('parses SLMN with decimals and planck', () => {
    expect(parseAmount('1.5')).toBe(1_500_000_000_000n);
    expect(parseAmount('1.5SLMN')).toBe(1_500_000_000_000n);
    expect(parseAmount('2 slmn')).toBe(2n * UNIT);
    expect(parseAmount('0.000000000001')).toBe(1n);
    expect(parseAmount('1500000000000planck')).toBe(1_500_000_000_000n);
    expect(parseAmount('1_000planck')).toBe(1000n);
    expect(parseAmount(7n)).toBe(7n);
    expect(formatAmount(1_500_000_000_000n)).toBe('1.5 SLMN');
    expect(formatAmount(0n)).toBe('0 SLMN');
  });
  it('refuses what is not an amount', () => {
    for (const bad of ['', '-1', '1e3', '1.5x', '0.0000000000001', '1.5planck', 'abc', '1,5']) expect(() => parseAmount(bad), bad).toThrow(AmountError);
  });
});

describe('keys', () => {
  it('dev accounts, mnemonics, addresses', () => {
    expect(devAccount('Alice').address).toBe('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
    expect(devAccount('//Bob').address).toBe(fromUri('//Bob').address);
    const m = newMnemonic();
    expect(m.split(' ')).toHaveLength(12);
    expect(fromUri(m).address).toBe(fromUri(m).address);
    expect(fromUri(`${m}//hard`).address).not.toBe(fromUri(m).address);
    expect(() => fromUri('not a mnemonic at all')).toThrow(KeyError);
    expect(parseAddress('0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d')).toBe(devAccount('Alice').address);
    expect(() => parseAddress('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQX')).toThrow(KeyError);
  });
  it('JSON keystores round-trip with the password and refuse a wrong one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slmnet-keys-'));
    try {
      const pair = fromUri(newMnemonic());
      const file = join(dir, 'key.json');
      writeKeyfile(file, pair, 'hunter2');
      expect(readKeyfile(file, 'hunter2').address).toBe(pair.address);
      expect(() => readKeyfile(file, 'wrong')).toThrow(/wrong password/);
      expect(() => readKeyfile(join(dir, 'missing.json'), 'x')).toThrow(KeyError);
      expect(fromKeystore(toKeystore(pair, 'pw'), 'pw').address).toBe(pair.address);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('content references and node peer ids', () => {
    // one chunk: the chunks root is the leaf hash blake2-256(0x00 ++ bytes)
    expect(contentRef('abc')).toEqual({
      hash: '0xbddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319', size: 3,
      chunksRoot: u8aToHex(blake2AsU8a(u8aConcat(Uint8Array.of(0), stringToU8a('abc')), 256)),
    });
    expect(hashFile(join(import.meta.dirname, '../package.json')).size).toBeGreaterThan(0);
    expect(Array.from(peerIdOf(nodeKeyFromSeed('x').publicKey).slice(0, 6))).toEqual([0x00, 0x24, 0x08, 0x01, 0x12, 0x20]);
  });
});

describe('against a node', () => {
  let node: RunningNode;
  let api: ApiPromise;
  beforeAll(async () => {
    node = await startNode();
    api = await connect(node.url);
  });
  afterAll(async () => {
    await api?.disconnect();
    await node?.stop();
    if (node) removeDir(node.basePath);
  });

  it('an unreachable URL is a ConnectionError, promptly', async () => {
    const t = Date.now();
    await expect(connect('ws://127.0.0.1:1', { timeoutMs: 5000 })).rejects.toThrow(ConnectionError);
    expect(Date.now() - t).toBeLessThan(5000);
    await expect(connect('not a url')).rejects.toThrow(ConnectionError);
  });

  it('a failed dispatch is a ChainError with Pallet.Error and docs; a refused one a TxRejectedError', async () => {
    const alice = devAccount('Alice');
    const err = await createDatanet({ api, signer: alice }, { name: 'x'.repeat(65), deposit: UNIT }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChainError);
    expect((err as ChainError).error).toBe('Datanets.NameTooLong');
    expect((err as ChainError).pallet).toBe('Datanets');
    expect((err as ChainError).docs).toMatch(/longer than MaxNameLen/);
    const broke = fromUri(newMnemonic());
    await expect(transfer({ api, signer: broke }, alice.address, 1n)).rejects.toThrow(TxRejectedError);
  });

  it('waits for finality when asked and returns decoded events', async () => {
    const to = fromUri(newMnemonic()).address;
    const r = await transfer({ api, signer: devAccount('Bob'), wait: 'finalized' }, to, parseAmount('1.25'));
    expect(r.finalized).toMatch(/^0x[0-9a-f]{64}$/);
    expect(eventsOf(r, 'Balances', 'Transfer')[0]).toMatchObject({ to, amount: 1_250_000_000_000 });
    expect(await balanceOf(api, to)).toEqual({ free: 1_250_000_000_000n, reserved: 0n });
  });
});
