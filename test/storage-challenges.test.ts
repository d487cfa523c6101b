// Storage challenges against a real dev node: the chain challenges the node Alice registered with this
// process's own peer id, and its challenge responder answers from the content store with the chunk and
// its Merkle path (signed by Alice's aura key); a registered node that no process runs misses its
// challenges and loses its points.
import {
  connect, contentRef, contribute, createDatanet, cryptoReady, decodeEvent, devAccount, heartbeat, nodeKeyFromSeed, peerIdOf, registerNode, review, submit,
  UNIT, type ApiPromise,
} from '@slmnet/client';
import { hexToU8a } from '@polkadot/util';
import { base58Encode } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.ts';
import { freePort, removeDir, startNode, waitFor, type RunningNode } from './helpers/node.ts';

/** The running node's libp2p identity (ed25519 seed), so that the test can sign its registration. */
const NODE_KEY = '0x' + '5e'.repeat(32);
let node: RunningNode;
let api: ApiPromise;
let metricsPort: number;

const metric = async (name: string): Promise<number> => {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(name));
  if (line === undefined) throw new Error(`no ${name} in the metrics`);
  return Number(line.split(' ').at(-1));
};

beforeAll(async () => {
  await cryptoReady();
  metricsPort = await freePort();
  node = await startNode({ prometheus: true, args: ['--node-key', NODE_KEY, '--prometheus-port', String(metricsPort)] });
  api = await connect(node.url);
});

afterAll(async () => {
  await api?.disconnect();
  await node?.stop();
  if (node) removeDir(node.basePath);
});

interface Ev { block: number; method: string; data: any }

/** NodeRewards challenge events of blocks `from`..best, read block by block. */
async function challengeEvents(from: number): Promise<Ev[]> {
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  const out: Ev[] = [];
  for (let n = from; n <= best; n++) {
    const at = await api.at(await api.rpc.chain.getBlockHash(n));
    for (const { event } of await at.query.system.events()) {
      if (event.section === 'nodeRewards' && event.method.startsWith('Challenge')) out.push({ block: n, method: event.method, data: decodeEvent(event).data });
    }
  }
  return out;
}

describe('storage challenges on a dev node', () => {
  it('the node answers its own challenges from its content store; an absent node misses and loses points', async () => {
    const [alice, bob] = [devAccount('Alice'), devAccount('Bob')];
    // 5.5 KiB of text: six 1 KiB chunks, the last one short
    const doc = Array.from({ length: 110 }, (_, i) => `Q${i}: which chunk holds line ${i}? A: chunk ${Math.floor(i * 50 / 1024)}.`.padEnd(49, '.') + '\n').join('');
    expect(Math.ceil(doc.length / 1024)).toBe(6);
    expect(doc.length % 1024).not.toBe(0);

    const { datanet } = await createDatanet({ api, signer: alice }, { name: 'Challenged', deposit: UNIT });
    // the SDK uploads the bytes to the node and records their chunks root
    const { contribution } = await contribute({ api, signer: bob }, { datanet, content: doc });
    const onChain = (await api.query.datanets.contributions(contribution)).unwrap();
    expect(onChain.chunksRoot.toHex()).toBe(contentRef(doc).chunksRoot);
    await review({ api, signer: alice }, contribution, { accept: 90 });

    // challenge every other block; a long era, so that heartbeat points are not paid out (reset) meanwhile
    const params = (await api.query.nodeRewards.params()).toJSON() as Record<string, unknown>;
    await submit(api, api.tx.sudo.sudo(api.tx.nodeRewards.setParams({ ...params, challengePeriod: 2, eraLength: 100_000 })), alice);
    const minBond = BigInt((await api.query.nodeRewards.params()).minBond.toString());

    // Alice registers this very node (its peer id is the one the process reports) as a validator node
    const own = nodeKeyFromSeed(hexToU8a(NODE_KEY));
    expect((await api.rpc.system.localPeerId()).toString()).toBe(base58Encode(peerIdOf(own.publicKey)));
    const mine = (await registerNode({ api, signer: alice }, 'Validator', own, minBond)).node;
    // Bob registers a storage node no process runs, with one heartbeat point to lose
    const absentKey = nodeKeyFromSeed('a storage node nobody runs');
    const absent = (await registerNode({ api, signer: bob }, 'Storage', absentKey, minBond)).node;
    expect((await heartbeat({ api, signer: bob }, absent, absentKey)).points).toBe(1);
    const from = (await api.rpc.chain.getHeader()).number.toNumber() - 3;

    // wait for an answered challenge of ours and for the absent node's point to be gone
    const evs = await waitFor(async () => {
      const e = await challengeEvents(from);
      const answered = e.some((x) => x.method === 'ChallengeAnswered' && x.data.node === mine);
      const lost = e.filter((x) => x.method === 'ChallengeMissed' && x.data.node === absent).reduce((s, x) => s + x.data.pointsLost, 0);
      return answered && lost === 1 ? e : undefined;
    }, 'an answered and a missed challenge', 60_000, 1000);

    const issued = evs.filter((x) => x.method === 'ChallengeIssued');
    for (const x of issued) {
      expect([mine, absent]).toContain(x.data.node);
      expect(BigInt(x.data.contribution)).toBe(contribution);
      expect(x.data.contentHash).toBe(contentRef(doc).hash);
      expect(x.data.chunk).toBeLessThan(6);
    }
    // every challenge of ours that closed was answered in time, none was missed
    expect(evs.filter((x) => x.method === 'ChallengeMissed' && x.data.node === mine)).toEqual([]);
    const answers = evs.filter((x) => x.method === 'ChallengeAnswered');
    for (const a of answers) {
      const i = issued.find((x) => x.data.challenge === a.data.challenge)!;
      expect(a.data.node).toBe(mine);
      expect(a.block).toBeLessThanOrEqual(i.data.deadline);
    }
    // the absent node never answers; its one point is gone
    const info = (await api.call.nodeRewardsApi.node(absent)).unwrap();
    expect(info.eraPoints.toNumber()).toBe(0);
    expect(evs.some((x) => x.method === 'ChallengeMissed' && x.data.node === absent && x.data.pointsLost === 1)).toBe(true);

    // a valid answer is free: the fee withdrawn from Alice for it was refunded
    const first = answers[0];
    const records = await (await api.at(await api.rpc.chain.getBlockHash(first.block))).query.system.events();
    const answered = records.find(({ event }) => event.method === 'ChallengeAnswered')!;
    const feePaid = records.find(({ event, phase }) => event.method === 'TransactionFeePaid' && phase.eq(answered.phase))!;
    const fee = decodeEvent(feePaid.event).data;
    expect(fee.who).toBe(alice.address);
    expect(BigInt(fee.actualFee as string)).toBe(0n);

    // the responder's metric and log
    expect(await metric('slmnet_challenges_answered_total')).toBeGreaterThanOrEqual(answers.length);
    expect(await metric('slmnet_challenges_failed_total')).toBe(0);
    expect(node.logs()).toMatch(new RegExp(`Answered storage challenge #${answers[0].data.challenge}: chunk \\d of contribution #${contribution}`));

    // `slmnet node challenges` lists the absent node's open challenges: wait for one with time left, then ask
    const fresh = await waitFor(async () => {
      const best = (await api.rpc.chain.getHeader()).number.toNumber();
      return (await challengeEvents(best - 2)).find((x) => x.method === 'ChallengeIssued' && x.data.node === absent && x.data.deadline >= best + 3);
    }, 'a fresh challenge of the absent node', 30_000, 500);
    const listed = await cli('--url', node.url, '--json', 'node', 'challenges', String(absent));
    expect(listed.code, listed.err).toBe(0);
    expect(listed.json).toContainEqual({ ...fresh.data, contribution: Number(contribution) });
    for (const c of listed.json) expect(c.node).toBe(absent);
    expect((await cli('--url', node.url, '-q', 'node', 'challenges', '99')).err).toBe('error: no node 99');
  }, 120_000);
});
