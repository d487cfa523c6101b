// The challenge responder over a runtime-level chain: it answers the challenges of its own node
// with an answer the runtime accepts, ignores other nodes' challenges, and counts as failed the
// challenges that closed while it could not answer (bytes nowhere, no operator key).
import { ed25519PairFromSeed, ed25519Sign } from '@polkadot/util-crypto';
import { nodeRewards } from '@slmnet/runtime-spec';
import { describe, expect, it } from 'vitest';
import { ed25519PeerId, registrationPayload } from '../../runtime-spec/src/pallets/node-rewards.ts';
import { TestChain } from '../../runtime-spec/test/helpers/chain.ts';
import { accept, alice, bob, charlie, contribute, createDatanet, UNIT } from '../../runtime-spec/test/helpers/domain.ts';
import type { SignerPair } from '../src/keystore.ts';
import { ChallengeResponder } from '../src/offchain/challenge-responder.ts';

const DOC = Uint8Array.from({ length: 2500 }, (_, i) => (i * 13) % 256);
const keys = [1, 2].map((n) => ed25519PairFromSeed(new Uint8Array(32).fill(n)));

/** A chain with one accepted 3-chunk contribution and two storage nodes (bob's = ours, charlie's), challenged every block. */
async function setup() {
  const c = await TestChain.create('development');
  const contribution = contribute(c, bob, createDatanet(c, alice), DOC);
  accept(c, alice, contribution);
  const nodes = [bob, charlie].map((who, i) => c.ok(who, 'NodeRewards', 'register_node', {
    kind: { tag: 'Storage', value: undefined }, peer_id: ed25519PeerId(keys[i].publicKey), bond: 100n * UNIT,
    proof: ed25519Sign(registrationPayload(c.ext, who), keys[i]),
  }).find((e) => e.name === 'NodeRewards.NodeRegistered')!.value.node as number);
  const p = nodeRewards.storage.Params.get(c.ext);
  c.ok({ kind: 'root' }, 'NodeRewards', 'set_params', { params: { ...p, challenge_period: 1, challenge_window: 2 } });
  return { c, nodes, contribution };
}

function responder(c: TestChain, o: { content?: Uint8Array; key?: boolean; syncing?: boolean } = {}) {
  const submitted: { challenge: bigint; chunk: Uint8Array; proof: Uint8Array[] }[] = [];
  const counts = { answered: 0, failed: 0 };
  let onBest = () => {};
  const signer: SignerPair = { scheme: 'sr25519', publicKey: bob, sign: () => new Uint8Array(64) };
  const r = new ChallengeResponder({
    chain: { bestBlock: () => ({ hash: new Uint8Array(32), number: c.number }), extAt: () => ({ ext: c.ext }), onNewBest: (cb) => { onBest = cb; return () => {}; } },
    content: { fetch: async () => o.content },
    peerId: ed25519PeerId(keys[0].publicKey),
    signerFor: (account) => (o.key !== false && Buffer.from(account).equals(Buffer.from(bob)) ? signer : undefined),
    submitterFor: () => ({ submit: async (call: any) => { submitted.push(call.value.value); return new Uint8Array(32); } }),
    majorSyncing: () => o.syncing ?? false,
    metrics: { answered: () => counts.answered++, failed: () => counts.failed++ },
  });
  // a new best block, then the responder's pass over it (its awaits resolve before the next macrotask)
  const newBlock = async (n = 1) => { c.nextBlock(n); onBest(); await new Promise((res) => setImmediate(res)); };
  return { r: r.start(), submitted, counts, newBlock };
}

/** Blocks until our node (`node`) has an open challenge (the draw picks one of two nodes each block). */
async function untilChallenged(c: TestChain, node: number, newBlock: () => Promise<void>): Promise<void> {
  for (let i = 0; i < 50 && ours(c, node).length === 0; i++) await newBlock();
  expect(ours(c, node)).not.toEqual([]);
}

/** Our node's open challenges. */
const ours = (c: TestChain, node: number) => nodeRewards.storage.OpenChallenges.get(c.ext).filter((id) => nodeRewards.storage.Challenges.get(c.ext, id)!.node === node);

describe('challenge responder', () => {
  it('answers each of its own challenges once, with an answer the runtime accepts, and no other node\'s', async () => {
    const { c, nodes } = await setup();
    const x = responder(c, { content: DOC });
    for (let i = 0; i < 12 && x.submitted.length < 2; i++) {
      await x.newBlock();
      const mine = ours(c, nodes[0]);
      expect(x.submitted.map((s) => s.challenge)).toEqual(expect.arrayContaining(mine));
      // the runtime takes every answer (here dispatched as the operator would send it)
      for (const a of x.submitted.filter((s) => mine.includes(s.challenge))) c.ok(bob, 'NodeRewards', 'answer_challenge', a);
    }
    expect(x.submitted.length).toBeGreaterThanOrEqual(2);
    expect(new Set(x.submitted.map((s) => s.challenge)).size).toBe(x.submitted.length);
    for (const s of x.submitted) expect(nodeRewards.storage.Challenges.get(c.ext, s.challenge)).toBeUndefined();
    expect(x.counts).toEqual({ answered: x.submitted.length, failed: 0 });
    x.r.stop();
  });

  it('counts a challenge it could not answer as failed once it closes: bytes nowhere, or no operator key', async () => {
    for (const o of [{ content: undefined }, { content: DOC, key: false }]) {
      const { c, nodes } = await setup();
      const x = responder(c, o);
      await untilChallenged(c, nodes[0], x.newBlock);
      const [id] = ours(c, nodes[0]);
      // retried every block while open, then counted when the deadline passed
      await x.newBlock(3);
      expect(ours(c, nodes[0])).not.toContain(id);
      expect(x.counts.failed).toBeGreaterThanOrEqual(1);
      expect(x.submitted).toEqual([]);
      expect(x.counts.answered).toBe(0);
      x.r.stop();
    }
  });

  it('does nothing while major syncing', async () => {
    const { c, nodes } = await setup();
    const x = responder(c, { content: DOC, syncing: true });
    await untilChallenged(c, nodes[0], x.newBlock);
    await x.newBlock();
    expect(x.submitted).toEqual([]);
    expect(x.counts).toEqual({ answered: 0, failed: 0 });
    x.r.stop();
  });
});
