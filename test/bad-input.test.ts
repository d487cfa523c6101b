// Bad input gets Substrate's error and changes nothing; the node keeps serving.
import '@polkadot/api-augment';
import { ApiPromise, Keyring, WsProvider } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, rpc, startNode, type RunningNode } from './helpers/node.ts';

let node: RunningNode;
let api: ApiPromise;
let alice: KeyringPair, bob: KeyringPair;

beforeAll(async () => {
  await cryptoWaitReady();
  node = await startNode();
  api = await ApiPromise.create({ provider: new WsProvider(node.url), noInitWarn: true });
  const keyring = new Keyring({ type: 'sr25519' });
  alice = keyring.addFromUri('//Alice');
  bob = keyring.addFromUri('//Bob');
});

afterAll(async () => {
  await api?.disconnect();
  await node?.stop();
  if (node) removeDir(node.basePath);
});

/** A transfer signed by hand so the signed payload can be tampered with. */
async function signed(pair: KeyringPair, over: { nonce?: number; genesisHash?: string; specVersion?: number; tip?: bigint } = {}) {
  const tx = api.tx.balances.transferKeepAlive(bob.address, 1_000_000_000_000n);
  const nonce = over.nonce ?? (await api.rpc.system.accountNextIndex(pair.address)).toNumber();
  const payload = api.createType('ExtrinsicPayload', {
    method: tx.method.toHex(), nonce, era: '0x00', genesisHash: over.genesisHash ?? api.genesisHash.toHex(),
    blockHash: over.genesisHash ?? api.genesisHash.toHex(), specVersion: over.specVersion ?? api.runtimeVersion.specVersion.toNumber(),
    transactionVersion: api.runtimeVersion.transactionVersion.toNumber(), tip: over.tip ?? 0n, version: 4,
  }, { version: 4 });
  const sig = pair.sign(payload.toU8a({ method: true }), { withType: true });
  tx.addSignature(pair.address, sig, payload.toHex());
  return tx.toHex();
}

async function submitError(hex: string) {
  const r = await rpc(node.httpUrl, 'author_submitExtrinsic', [hex]);
  expect(r.error, JSON.stringify(r)).toBeDefined();
  return r.error!;
}

describe('invalid transactions are refused with Substrate error codes', () => {
  it('malformed extrinsic bytes → 1001 invalid format', async () => {
    for (const bad of ['0x1234', '0x', '0x0c84ff', '0xzz']) {
      const e = await submitError(bad);
      expect([1001, -32602]).toContain(e.code);
    }
    expect((await submitError('0x1234')).message).toMatch(/invalid format/i);
  });

  it('bad signature → 1010 bad signature', async () => {
    const hex = await signed(alice);
    const bytes = Buffer.from(hex.slice(2), 'hex');
    // the signature starts after: compact len (2-3 bytes), version, MultiAddress (33), sig type (1)
    const sigAt = bytes.indexOf(Buffer.from(alice.publicKey)) + 32 + 1;
    bytes[sigAt + 10] ^= 0xff;
    const e = await submitError(u8aToHex(bytes));
    expect(e.code).toBe(1010);
    expect(e.data).toBe('Transaction has a bad signature');
  });

  it('wrong genesis hash or spec version → 1010 bad signature', async () => {
    const wrongGenesis = await submitError(await signed(alice, { genesisHash: '0x' + '11'.repeat(32) }));
    expect(wrongGenesis.code).toBe(1010);
    expect(wrongGenesis.data).toBe('Transaction has a bad signature');
    const wrongSpec = await submitError(await signed(alice, { specVersion: 999 }));
    expect(wrongSpec.data).toBe('Transaction has a bad signature');
  });

  it('stale nonce → 1010 outdated; future nonce waits in the pool', async () => {
    const current = (await api.rpc.system.accountNextIndex(bob.address)).toNumber();
    // make sure Bob has used at least one nonce
    await new Promise<void>((res, rej) => api.tx.system.remark('x').signAndSend(bob, (r) => { if (r.status.isInBlock) res(); if (r.isError) rej(new Error('failed')); }).catch(rej));
    const stale = await submitError(await signed(bob, { nonce: current }));
    expect(stale.code).toBe(1010);
    expect(stale.data).toBe('Transaction is outdated');
    const futureHex = await signed(bob, { nonce: current + 10 });
    const ok = await rpc(node.httpUrl, 'author_submitExtrinsic', [futureHex]);
    expect(ok.result).toMatch(/^0x[0-9a-f]{64}$/);
    const pending = await rpc(node.httpUrl, 'author_pendingExtrinsics');
    expect(pending.result).toContain(futureHex);
    const dup = await submitError(futureHex);
    expect(dup.code).toBe(1013);
  });

  it('an account that cannot pay → 1010 inability to pay fees', async () => {
    const poor = new Keyring({ type: 'sr25519' }).addFromUri('//Penniless');
    const e = await submitError(await signed(poor, { nonce: 0 }));
    expect(e.code).toBe(1010);
    expect(e.data).toBe('Inability to pay some fees (e.g. account balance too low)');
  });

  it('an extrinsic larger than the block allows → 1010 exhausts resources', async () => {
    const big = api.tx.system.remark('0x' + 'ab'.repeat(4 * 1024 * 1024));
    const hex = (await big.signAsync(alice)).toHex();
    const e = await submitError(hex);
    expect(e.code).toBe(1010);
    expect(e.data).toBe('Transaction would exhaust the block limits');
  });
});

describe('invalid RPC calls', () => {
  it('unknown methods and bad params get JSON-RPC errors', async () => {
    expect((await rpc(node.httpUrl, 'chain_doesNotExist')).error?.code).toBe(-32601);
    expect((await rpc(node.httpUrl, 'chain_getBlockHash', ['abc'])).error?.code).toBe(-32602);
    expect((await rpc(node.httpUrl, 'state_getStorage', ['0xzz'])).error?.code).toBe(-32602);
    expect((await rpc(node.httpUrl, 'state_call', ['Nope_nothing', '0x'])).error).toBeDefined();
    expect((await rpc(node.httpUrl, 'chain_getHeader', ['0x' + '00'.repeat(32)])).result).toBeNull();
    const r = await fetch(node.httpUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(((await r.json()) as any).error.code).toBe(-32700);
  });

  it('the node is still healthy and producing blocks', async () => {
    const h1 = (await rpc(node.httpUrl, 'chain_getHeader')).result;
    await new Promise((r) => setTimeout(r, 4500));
    const h2 = (await rpc(node.httpUrl, 'chain_getHeader')).result;
    expect(parseInt(h2.number, 16)).toBeGreaterThan(parseInt(h1.number, 16));
    expect((await rpc(node.httpUrl, 'system_health')).result).toEqual({ peers: 0, isSyncing: false, shouldHavePeers: false });
  });
});
