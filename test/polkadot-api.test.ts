// @polkadot/api 16.5.6, unmodified, against a real slmnet-node process.
import '@polkadot/api-augment';
import { ApiPromise, HttpProvider, Keyring, WsProvider } from '@polkadot/api';
import type { KeyringPair } from '@polkadot/keyring/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { decode_proof } from '@acala-network/chopsticks-executor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from './helpers/api.ts';
import { removeDir, startNode, type RunningNode } from './helpers/node.ts';

let node: RunningNode;
let api: ApiPromise;
let alice: KeyringPair, bob: KeyringPair, charlie: KeyringPair;

beforeAll(async () => {
  await cryptoWaitReady();
  node = await startNode();
  api = await ApiPromise.create({ provider: new WsProvider(node.url), noInitWarn: true, throwOnConnect: true });
  const keyring = new Keyring({ type: 'sr25519' });
  alice = keyring.addFromUri('//Alice');
  bob = keyring.addFromUri('//Bob');
  charlie = keyring.addFromUri('//Charlie');
});

afterAll(async () => {
  await api?.disconnect();
  await node?.stop();
  if (node) removeDir(node.basePath);
});

describe('@polkadot/api against slmnet-node', () => {
  it('connects and sees the chain, runtime and metadata', async () => {
    expect(api.runtimeVersion.specName.toString()).toBe('slmnet');
    expect((await api.rpc.system.chain()).toString()).toBe('Development');
    expect(api.registry.chainSS58).toBe(42);
    expect(api.registry.chainTokens[0]).toBe('SLMN');
    expect(api.consts.system.version.specVersion.toNumber()).toBe(api.runtimeVersion.specVersion.toNumber());
    expect(api.consts.system.blockHashCount.toNumber()).toBe(2400);
    expect(Number(api.consts.aura.slotDuration.toString())).toBe(2000);
    expect(api.tx.balances.transferKeepAlive).toBeDefined();
    expect(api.call.accountNonceApi.accountNonce).toBeDefined(); // runtime calls from metadata V15
    const nonce = await api.call.accountNonceApi.accountNonce(alice.address);
    expect(nonce.toNumber()).toBeGreaterThanOrEqual(0);
  });

  it('transfer_keep_alive reaches InBlock and Finalized with the right events', async () => {
    const before = (await api.query.system.account(charlie.address)).data.free.toBigInt();
    const amount = 1_234_567_890_000n;
    const out = await send(api.tx.balances.transferKeepAlive(charlie.address, amount), alice, true);
    expect(out.finalized).toBe(out.blockHash);
    const names = out.events.map((e) => `${e.section}.${e.method}`);
    // fee withdrawn first, the transfer, the fee settled, then the extrinsic's outcome last
    expect(names[0]).toBe('balances.Withdraw');
    expect(names.indexOf('balances.Transfer')).toBeGreaterThan(0);
    expect(names.indexOf('transactionPayment.TransactionFeePaid')).toBeGreaterThan(names.indexOf('balances.Transfer'));
    expect(names[names.length - 1]).toBe('system.ExtrinsicSuccess');
    const transfer = out.events.find((e) => e.method === 'Transfer')!;
    expect(transfer.data.from.toString()).toBe(alice.address);
    expect(transfer.data.to.toString()).toBe(charlie.address);
    expect(transfer.data.amount.toBigInt()).toBe(amount);
    const after = (await api.query.system.account(charlie.address)).data.free.toBigInt();
    expect(after - before).toBe(amount);
  });

  it('a failing transfer reports a module error that findMetaError decodes', async () => {
    const huge = 10n ** 30n;
    const out = await send(api.tx.balances.transferAllowDeath(bob.address, huge), charlie);
    expect(out.dispatchError?.isModule).toBe(true);
    const meta = api.registry.findMetaError(out.dispatchError.asModule);
    expect(meta.section).toBe('balances');
    expect(['InsufficientBalance', 'FundsUnavailable']).toContain(meta.name);
    expect(out.events.map((e) => e.method)).toContain('ExtrinsicFailed');
  });

  it('paymentInfo equals the fee actually charged', async () => {
    const tx = api.tx.balances.transferKeepAlive(bob.address, 1_000_000_000_000n);
    const info = await tx.paymentInfo(alice);
    const out = await send(tx, alice);
    const paid = out.events.find((e) => e.method === 'TransactionFeePaid')!;
    expect(paid.data.actualFee.toBigInt()).toBe(info.partialFee.toBigInt());
    expect(info.partialFee.toBigInt()).toBeGreaterThan(0n);
  });

  it('utility.batchAll applies all calls atomically, and rolls back on failure', async () => {
    const ok = await send(api.tx.utility.batchAll([
      api.tx.balances.transferKeepAlive(bob.address, 1_000_000_000_000n),
      api.tx.system.remarkWithEvent('hello'),
    ]), alice);
    const names = ok.events.map((e) => `${e.section}.${e.method}`);
    expect(names).toContain('balances.Transfer');
    expect(names).toContain('system.Remarked');
    expect(names).toContain('utility.BatchCompleted');

    const bobBefore = (await api.query.system.account(bob.address)).data.free.toBigInt();
    const bad = await send(api.tx.utility.batchAll([
      api.tx.balances.transferKeepAlive(bob.address, 1_000_000_000_000n),
      api.tx.balances.transferKeepAlive(bob.address, 10n ** 30n),
    ]), alice);
    expect(bad.dispatchError).toBeDefined();
    const bobAfter = (await api.query.system.account(bob.address)).data.free.toBigInt();
    expect(bobAfter).toBe(bobBefore);
  });

  it('sudo dispatches a root call; non-sudo is refused', async () => {
    const target = new Keyring({ type: 'sr25519' }).addFromUri('//SudoTarget');
    const out = await send(api.tx.sudo.sudo(api.tx.balances.forceSetBalance(target.address, 5_000_000_000_000n)), alice);
    expect(out.events.find((e) => e.method === 'Sudid')!.data.sudoResult.isOk).toBe(true);
    expect((await api.query.system.account(target.address)).data.free.toBigInt()).toBe(5_000_000_000_000n);
    const denied = await send(api.tx.sudo.sudo(api.tx.balances.forceSetBalance(target.address, 1n)), bob);
    expect(api.registry.findMetaError(denied.dispatchError.asModule).name).toBe('RequireSudo');
  });

  it('api.at(oldHash) reads historic state', async () => {
    const h1 = await api.rpc.chain.getBlockHash(1);
    const at1 = await api.at(h1);
    const nonceThen = (await at1.query.system.account(alice.address)).nonce.toNumber();
    const nonceNow = (await api.query.system.account(alice.address)).nonce.toNumber();
    expect(nonceNow).toBeGreaterThan(nonceThen);
    const genesis = await api.at(api.genesisHash);
    expect((await genesis.query.system.number()).toNumber()).toBe(0);
    expect((await genesis.query.timestamp.now()).toNumber()).toBe(0);
  });

  it('.entries() pages through more than 1000 accounts', async () => {
    const keyring = new Keyring({ type: 'sr25519' });
    const targets = Array.from({ length: 1100 }, (_, i) => keyring.addFromSeed(new Uint8Array(32).fill(0).map((_, j) => (j < 4 ? (i >> (8 * j)) & 0xff : 7))).address);
    const calls = targets.map((t) => api.tx.balances.transferAllowDeath(t, 10_000_000_000n));
    for (let i = 0; i < calls.length; i += 550) {
      const out = await send(api.tx.utility.forceBatch(calls.slice(i, i + 550)), alice);
      expect(out.events.map((e) => e.method)).toContain('BatchCompleted');
    }
    const entries = await api.query.system.account.entries();
    expect(entries.length).toBeGreaterThan(1100);
    const found = new Set(entries.map(([k]) => k.args[0].toString()));
    for (const t of targets) expect(found.has(t)).toBe(true);
    const page = await api.query.system.account.entriesPaged({ args: [], pageSize: 500 });
    expect(page.length).toBe(500);
  });

  it('storage and head subscriptions deliver updates', async () => {
    const heads: number[] = [];
    const finals: number[] = [];
    const balances: bigint[] = [];
    const u1 = await api.rpc.chain.subscribeNewHeads((h) => { heads.push(h.number.toNumber()); });
    const u2 = await api.rpc.chain.subscribeFinalizedHeads((h) => { finals.push(h.number.toNumber()); });
    const u3 = await api.query.system.account(bob.address, (a) => { balances.push(a.data.free.toBigInt()); });
    await send(api.tx.balances.transferKeepAlive(bob.address, 7_000_000_000_000n), alice, true);
    u1(); u2(); u3();
    expect(heads.length).toBeGreaterThan(0);
    expect(finals.length).toBeGreaterThan(0);
    expect(balances.length).toBeGreaterThanOrEqual(2);
    expect(balances[balances.length - 1] - balances[0]).toBe(7_000_000_000_000n);
  });

  it('state_getReadProof verifies with the chopsticks executor', async () => {
    const key = api.query.system.account.key(alice.address);
    const missing = api.query.system.account.key(new Keyring({ type: 'sr25519' }).addFromUri('//Nobody').address);
    const head = await api.rpc.chain.getFinalizedHead();
    const header = await api.rpc.chain.getHeader(head);
    const proof = await api.rpc.state.getReadProof([key, missing], head);
    const nodes = proof.proof.map((p) => p.toHex());
    const sorted = [...nodes].sort();
    expect(nodes).toEqual(sorted);
    const decoded = new Map(await decode_proof(header.stateRoot.toHex() as `0x${string}`, nodes as `0x${string}`[]));
    const stored = await api.rpc.state.getStorage(key, head);
    expect(decoded.get(key as `0x${string}`)).toBe((stored as any).toHex());
  });
});

describe('HTTP transport', () => {
  it('works with HttpProvider', async () => {
    const httpApi = await ApiPromise.create({ provider: new HttpProvider(node.httpUrl), noInitWarn: true });
    expect((await httpApi.rpc.chain.getHeader()).number.toNumber()).toBeGreaterThan(0);
    await httpApi.disconnect();
  });
});
