// An equivocating validator in a real four-validator network: dave runs with
// the test-only --unsafe-equivocate, so in each of his slots he authors two
// blocks and announces both, and in every GRANDPA step he signs votes for two
// conflicting blocks. The honest nodes see and report the double votes, keep
// finalizing, and all finalize the same chain: never both blocks of a pair.
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyJustification } from '../node/src/consensus/justification.ts';
import { canonicalHash, finalizedHead, startNetwork, type TestNetwork } from './helpers/network.ts';
import { rpc, waitFor } from './helpers/node.ts';

const VALIDATORS = ['alice', 'bob', 'charlie', 'dave'];
const HONEST = ['alice', 'bob', 'charlie'];
let net: TestNetwork;

beforeAll(async () => {
  await cryptoWaitReady();
  net = await startNetwork({ nodes: VALIDATORS, validators: VALIDATORS, args: { dave: ['--unsafe-equivocate'] } });
}, 120_000);

afterAll(async () => { await net?.stop(); });

describe('a double-signing validator', () => {
  it('cannot get two conflicting blocks finalized; the others keep finalizing one chain', async () => {
    const dave = net.node('dave');
    // dave authors twins in several of his slots and the honest nodes finalize well past them
    const twins = () => [...dave.logs().matchAll(/Equivocated in slot \d+: a second block at (\d+) (0x[0-9a-f]{64})/g)].map((m) => ({ number: Number(m[1]), hash: m[2] }));
    await waitFor(() => (twins().length >= 3 ? true : undefined), 'dave to equivocate three times', 90_000);
    const lastTwin = Math.max(...twins().map((t) => t.number));
    for (const name of HONEST) {
      await waitFor(async () => ((await finalizedHead(net.node(name))).number >= lastTwin + 2 ? true : undefined), `${name} to finalize past the twins`, 90_000);
    }

    // the honest nodes received the twin blocks and dave's double votes
    const daveGran = '0x' + Buffer.from(new Keyring({ type: 'ed25519' }).addFromUri('//Dave').publicKey).toString('hex');
    for (const name of HONEST) expect(net.node(name).logs()).toContain(`equivocation by ${daveGran}`);
    const alice = net.node('alice');
    let conflicting = 0;
    for (const t of twins()) {
      const canonical = await canonicalHash(alice, t.number);
      if ((await rpc(alice.httpUrl, 'chain_getHeader', [t.hash])).result && canonical !== t.hash) conflicting++;
    }
    expect(conflicting).toBeGreaterThan(0);

    // one finalized chain: every node has the same block at every finalized height, and of each
    // pair of twins at most one is on it
    const fin = Math.min(...await Promise.all(net.nodes.map(async (n) => (await finalizedHead(n)).number)));
    expect(fin).toBeGreaterThan(lastTwin);
    for (let h = 1; h <= fin; h++) {
      const hashes = await Promise.all(net.nodes.map((n) => canonicalHash(n, h)));
      expect(new Set(hashes).size).toBe(1);
    }
    for (const t of twins().filter((x) => x.number <= fin)) {
      const onChain = await canonicalHash(alice, t.number);
      const parent = (await rpc(alice.httpUrl, 'chain_getHeader', [t.hash])).result?.parentHash;
      // the twin and the canonical block share a parent (same slot, same author): only one is final
      if (parent && onChain !== t.hash) expect((await rpc(alice.httpUrl, 'chain_getHeader', [onChain])).result.parentHash).toBe(parent);
    }
    // the finalized head's justification holds precommits of three distinct authorities
    const head = (await rpc(alice.httpUrl, 'chain_getFinalizedHead')).result;
    const block = (await rpc(alice.httpUrl, 'chain_getBlock', [head])).result;
    const ed = new Keyring({ type: 'ed25519' });
    const authorities: [Uint8Array, bigint][] = VALIDATORS.map((v) => [ed.addFromUri(`//${v[0].toUpperCase()}${v.slice(1)}`).publicKey, 1n]);
    const j = verifyJustification(Uint8Array.from(block.justifications[0][1]), authorities, 0n, { hash: Buffer.from(head.slice(2), 'hex'), number: parseInt(block.block.header.number, 16) });
    expect(new Set(j.commit.precommits.map((p) => Buffer.from(p.id).toString('hex'))).size).toBeGreaterThanOrEqual(3);
  }, 240_000);
});
