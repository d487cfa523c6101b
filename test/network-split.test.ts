// A network split, with real node processes: four validators and a full node
// are cut into {alice, bob, charlie} and {dave, ferdie}. The larger side keeps
// finalizing (3 of 4); dave authors a fork alone that nobody can finalize. A
// transfer sent through @polkadot/api to ferdie lands in dave's fork. When the
// groups meet again the fork is abandoned, the transfer is retracted, included
// again on the winning chain and finalized; the client's subscriptions follow
// the reorg, and no node ever reverts a block it had finalized.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalHash, finalizedHead, header, startNetwork, type TestNetwork } from './helpers/network.ts';
import { rpc, waitFor } from './helpers/node.ts';

const BIG = ['alice', 'bob', 'charlie'];
const SMALL = ['dave', 'ferdie'];
let net: TestNetwork;
let api: ApiPromise;
/** Every finalized head each node reported while the test ran. */
const seenFinalized = new Map<string, { number: number; hash: string }[]>();
let watching: NodeJS.Timeout | undefined;

beforeAll(async () => {
  await cryptoWaitReady();
  net = await startNetwork({ nodes: [...BIG, ...SMALL], validators: ['alice', 'bob', 'charlie', 'dave'], reservedOnly: true });
  for (const n of net.nodes) {
    await waitFor(async () => ((await rpc(n.httpUrl, 'system_health')).result.peers === 4 ? true : undefined), `${n.name} to see all peers`, 30_000);
  }
  await waitFor(async () => ((await finalizedHead(net.node('ferdie'))).number >= 2 ? true : undefined), 'first finality', 60_000);
  const poll = async () => {
    for (const n of net.nodes) {
      const f = await finalizedHead(n).catch(() => undefined);
      if (f) seenFinalized.set(n.name, [...(seenFinalized.get(n.name) ?? []), f]);
    }
    watching = setTimeout(poll, 300);
  };
  await poll();
  api = await ApiPromise.create({ provider: new WsProvider(net.node('ferdie').url), noInitWarn: true, throwOnConnect: true });
}, 180_000);

afterAll(async () => {
  if (watching) clearTimeout(watching);
  watching = undefined;
  await api?.disconnect();
  await net?.stop();
});

describe('a network split into two groups', () => {
  it('forks, then resolves to one chain when joined; the reorg reaches clients; nothing finalized is reverted', async () => {
    const ferdie = net.node('ferdie');
    const alice = net.node('alice');
    const heads: { number: number; hash: string; parentHash: string }[] = [];
    const finalizedSeen: number[] = [];
    const unsubHeads = await api.rpc.chain.subscribeNewHeads((h) => { heads.push({ number: h.number.toNumber(), hash: h.hash.toHex(), parentHash: h.parentHash.toHex() }); });
    const unsubFin = await api.rpc.chain.subscribeFinalizedHeads((h) => { finalizedSeen.push(h.number.toNumber()); });

    await net.split(BIG, SMALL);
    const splitAt = (await finalizedHead(alice)).number;
    // the big side finalizes on; the small side authors dave's slots only and cannot finalize
    await waitFor(async () => ((await finalizedHead(alice)).number >= splitAt + 3 ? true : undefined), 'finality on the big side', 60_000);

    // a transfer through ferdie lands in dave's fork
    const keyring = new Keyring({ type: 'sr25519' });
    const from = keyring.addFromUri('//Alice');
    const to = keyring.addFromUri('//Eve').address;
    const statuses: { type: string; hash?: string }[] = [];
    let finalizedIn: string | undefined;
    const done = new Promise<void>((resolve, reject) => {
      void api.tx.balances.transferKeepAlive(to, 10n ** 12n).signAndSend(from, (r) => {
        const s = r.status;
        statuses.push({ type: s.type, hash: s.isInBlock ? s.asInBlock.toHex() : s.isRetracted ? s.asRetracted.toHex() : s.isFinalized ? s.asFinalized.toHex() : undefined });
        if (s.isFinalized) { finalizedIn = s.asFinalized.toHex(); resolve(); }
        if (s.isDropped || s.isInvalid || s.isUsurped) reject(new Error(`transfer ${s.type}`));
      }).catch(reject);
    });
    const forkBlock = await waitFor(() => statuses.find((s) => s.type === 'InBlock')?.hash, 'the transfer in dave\'s fork', 60_000);
    const forkHeader = await header(ferdie, forkBlock);
    expect(await canonicalHash(alice, forkHeader.number).catch(() => null)).not.toBe(forkBlock);
    expect((await finalizedHead(ferdie)).number).toBeLessThan(forkHeader.number);
    const smallBest = await header(ferdie);

    await net.join(BIG, SMALL);
    await done;
    // the fork block was retracted, then the transfer went into the winning chain and was finalized there
    const types = statuses.map((s) => s.type);
    expect(types.indexOf('Retracted')).toBeGreaterThan(types.indexOf('InBlock'));
    expect(statuses.find((s) => s.type === 'Retracted')!.hash).toBe(forkBlock);
    expect(finalizedIn).not.toBe(forkBlock);
    const included = await header(alice, finalizedIn);
    for (const n of net.nodes) {
      await waitFor(async () => ((await finalizedHead(n)).number >= included.number ? true : undefined), `${n.name} to finalize the transfer's block`, 60_000);
      expect(await canonicalHash(n, included.number)).toBe(finalizedIn);
      // the fork is gone from every canonical chain
      expect(await canonicalHash(n, forkHeader.number)).not.toBe(forkBlock);
    }
    // ferdie's state is the winning chain's: Eve got the amount exactly once
    const key = api.query.system.account.key(to);
    expect((await rpc(ferdie.httpUrl, 'state_getStorage', [key, finalizedIn])).result).toBe((await rpc(alice.httpUrl, 'state_getStorage', [key, finalizedIn])).result);
    const free = async (at: string) => (await (await api.at(at)).query.system.account(to)).data.free.toBigInt();
    expect(await free(finalizedIn!) - await free(included.parentHash)).toBe(10n ** 12n);
    expect(await free((await header(ferdie)).hash) - await free(included.parentHash)).toBe(10n ** 12n);

    // the subscriptions followed the reorg: a head that does not extend the previous one, then the winning chain
    await waitFor(async () => (heads.at(-1)!.number >= included.number ? true : undefined), 'the new heads to reach the winning chain', 30_000);
    const i0 = heads.findIndex((h) => h.hash === smallBest.hash);
    expect(i0).toBeGreaterThanOrEqual(0);
    expect(heads.slice(i0 + 1).some((h, k) => h.parentHash !== heads[i0 + k].hash)).toBe(true);
    const last = heads.at(-1)!;
    expect(await canonicalHash(ferdie, last.number)).toBe(last.hash);
    for (let i = 1; i < finalizedSeen.length; i++) expect(finalizedSeen[i]).toBeGreaterThanOrEqual(finalizedSeen[i - 1]);
    unsubHeads();
    unsubFin();

    // no node ever reverted a finalized block: each one it reported is still on its chain
    if (watching) clearTimeout(watching);
    watching = undefined;
    for (const n of net.nodes) {
      const seen = seenFinalized.get(n.name)!;
      expect(seen.length).toBeGreaterThan(10);
      for (let i = 1; i < seen.length; i++) expect(seen[i].number).toBeGreaterThanOrEqual(seen[i - 1].number);
      const distinct = [...new Map(seen.map((f) => [f.hash, f])).values()];
      for (const f of distinct) expect(await canonicalHash(n, f.number)).toBe(f.hash);
    }
  }, 300_000);
});
