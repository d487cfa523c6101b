// GRANDPA safety under equivocation. Three honest voters and Dave, who signs a
// prevote and a precommit for each of two conflicting forks in every round.
// fast-check picks the delivery order of every message (Dave's fork-X vote
// first to some voters, fork-Y first to others) and when each voter learns
// about each fork's blocks, so honest best blocks move between the forks.
// Invariant after every step: no two voters have finalized conflicting blocks.
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, encodeAddress } from '@polkadot/util-crypto';
import { runtime } from '@slmnet/runtime-spec';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type BuiltBlock } from '../src/chain/client.ts';
import { GrandpaVoter, decodeSignedMessage, encodeSignedMessage, type SignedMessage } from '../src/consensus/grandpa.ts';
import { signedPayload, verifyJustification, type VoteTarget } from '../src/consensus/justification.ts';
import { Keystore } from '../src/keystore.ts';
import { configureLogging } from '../src/log.ts';

const SLOT = Number(runtime.slotDuration);
let clock = 1_700_000_000_000;
const now = () => clock;
const NAMES = ['Alice', 'Bob', 'Charlie', 'Dave'];
const FORK_LENGTH = 5;

const dirs: string[] = [];
let genesis: Map<string, string>;
let builder: Client;
let common: BuiltBlock;
const forks: BuiltBlock[][] = [[], []];
let dave: ReturnType<Keyring['addFromUri']>;
let equivocationLogs = 0;

async function open(): Promise<Client> {
  const path = mkdtempSync(join(tmpdir(), 'slmnet-grandpa-'));
  dirs.push(path);
  return Client.open({ path, runtime, genesisStorage: genesis, chainId: 'dev', now });
}

async function build(parent: Uint8Array, slot: bigint): Promise<BuiltBlock> {
  const b = await builder.buildBlock({ parent, slot, timestampMs: slot * BigInt(SLOT), seal: (h) => new Keyring({ type: 'sr25519' }).addFromUri('//Alice').sign(h) });
  expect(builder.importBuilt(b).status).toBe('imported');
  return b;
}

beforeAll(async () => {
  await cryptoWaitReady();
  configureLogging({ write: (l) => { if (/equivocation by/.test(l)) equivocationLogs++; } });
  const ed = new Keyring({ type: 'ed25519' });
  dave = ed.addFromUri('//Dave');
  genesis = runtime.genesisStorage({ ...runtime.preset('development')!, grandpa: { authorities: NAMES.map((n) => [encodeAddress(ed.addFromUri(`//${n}`).publicKey, 42), 1]) } });
  builder = await open();
  const s = BigInt(Math.floor(clock / SLOT));
  common = await build(builder.genesisHash, s + 1n);
  // fork X in slots s+2…, fork Y in later slots: same heights, different blocks
  for (const [f, first] of [[0, s + 2n], [1, s + 20n]] as const) {
    let parent = common.hash;
    for (let i = 0; i < FORK_LENGTH; i++) {
      const b = await build(parent, first + BigInt(i));
      forks[f].push(b);
      parent = b.hash;
    }
  }
  clock += 100 * SLOT; // every block is in the past now
});

afterAll(async () => {
  await builder?.close().catch(() => {});
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  configureLogging({});
});

interface Delivery { to: number; wire: Uint8Array }

/** Dave's signed vote, as it goes on the wire. */
function daveVote(kind: 'Prevote' | 'Precommit', target: VoteTarget, round: bigint): Uint8Array {
  const message = { kind, target };
  const m: SignedMessage = { round, setId: 0n, message, signature: dave.sign(signedPayload(message, round, 0n)), id: dave.publicKey };
  return encodeSignedMessage(m);
}

const ref = (b: BuiltBlock): VoteTarget => ({ hash: b.hash, number: b.header.number });

/** Alice, Bob and Charlie as voters on their own clients; their votes wait in `pending` until delivered. */
async function honestVoters() {
  const clients = await Promise.all([0, 1, 2].map(() => open()));
  for (const c of clients) expect(c.importBlock(common.headerBytes, common.extrinsics).status).toBe('imported');
  const pending: Delivery[] = [];
  const voters = clients.map((client, i) => {
    const ks = Keystore.open(null);
    ks.insertSuri('gran', `//${NAMES[i]}`, 'ed25519');
    const network = { broadcast: (m: SignedMessage) => { for (const j of [0, 1, 2]) if (j !== i) pending.push({ to: j, wire: encodeSignedMessage(m) }); } };
    return new GrandpaVoter({ client, keystore: ks, network });
  });
  const deliver = (d: Delivery) => {
    expect(voters[d.to].handleMessage(decodeSignedMessage(d.wire))).toBeUndefined();
    voters[d.to].progress();
  };
  const importInto = (v: number, ...blocks: BuiltBlock[]) => {
    for (const b of blocks) expect(clients[v].importBlock(b.headerBytes, b.extrinsics).status).toMatch(/imported|known/);
    voters[v].progress();
  };
  const checkSafety = () => {
    const fins = clients.map((c) => c.finalizedHash());
    for (const a of fins) for (const b of fins) expect(builder.isDescendant(a, b) || builder.isDescendant(b, a)).toBe(true);
  };
  const close = async () => {
    for (const c of clients) {
      const fin = c.finalizedHash();
      // every finalization is proven by a justification others accept
      if (c.finalizedBlock().number > 0) expect(() => verifyJustification(c.justification(fin)!, c.grandpaAuthorities(fin), 0n)).not.toThrow();
      await c.close();
    }
  };
  return { clients, voters, pending, deliver, importInto, checkSafety, close };
}

/** One adversarial schedule; returns how far the honest voters finalized. */
async function run(steps: number[]): Promise<number> {
  const { clients, voters, pending, deliver, importInto, checkSafety, close } = await honestVoters();
  const imported = clients.map(() => [0, 0]); // blocks of each fork each voter has
  const daveVoted = new Set<bigint>();
  const tip = (f: number) => ref(forks[f][Math.max(1, ...imported.map((x) => x[f])) - 1]);
  const act = (step: number) => {
    const kind = step % 4;
    const x = Math.floor(step / 4);
    if (kind <= 1 && pending.length) {
      deliver(pending.splice(x % pending.length, 1)[0]);
    } else if (kind === 2) {
      const v = x % 3;
      const f = Math.floor(x / 3) % 2;
      if (imported[v][f] < FORK_LENGTH) importInto(v, forks[f][imported[v][f]++]);
      else voters[v].progress();
    } else {
      // Dave votes for both forks in the highest round he has heard of, each voter hearing one fork first
      const round = voters.reduce((m, v) => (v.currentRound > m ? v.currentRound : m), 1n);
      if (daveVoted.has(round)) return;
      daveVoted.add(round);
      for (const to of [0, 1, 2]) {
        const order = (x >> to) & 1 ? [0, 1] : [1, 0];
        for (const kind of ['Prevote', 'Precommit'] as const) for (const f of order) pending.push({ to, wire: daveVote(kind, tip(f), round) });
      }
    }
  };
  for (const v of voters) v.progress();
  for (const step of steps) { act(step); checkSafety(); }
  // then every block and message arrives, Dave still voting both ways
  for (let v = 0; v < 3; v++) for (let f = 0; f < 2; f++) for (let i = 0; i < FORK_LENGTH; i++) act(4 * (v + 3 * f) + 2);
  for (let guard = 0; guard < 5000 && pending.length; guard++) { act(guard % 50 === 0 ? 3 + 4 * guard : 0); checkSafety(); }
  const finalized = Math.max(...clients.map((c) => c.finalizedBlock().number));
  await close();
  return finalized;
}

describe('GRANDPA with an equivocating voter', () => {
  it('a voter that saw Dave precommit the other fork still builds on what Bob finalized', async () => {
    const { clients, voters, pending, deliver, importInto, checkSafety, close } = await honestVoters();
    const [A, B, C] = [0, 1, 2];
    const [X, Y] = forks;
    const dv = (to: number, kind: 'Prevote' | 'Precommit', b: BuiltBlock, round: bigint) => deliver({ to, wire: daveVote(kind, ref(b), round) });
    /** Delivers the honest votes waiting for `to`. */
    const inbox = (to: number) => { for (const d of pending.filter((x) => x.to === to)) { pending.splice(pending.indexOf(d), 1); deliver(d); } };
    // round 1: Alice and Bob prevote X1, Charlie Y1 (he knows X1 too); then fork Y grows longer for Alice and Charlie
    importInto(A, X[0]);
    importInto(B, X[0]);
    importInto(C, Y[0], X[0]);
    for (const v of voters) v.progress();
    importInto(A, Y[0], Y[1]);
    importInto(C, Y[1]);
    expect(clients[A].bestHash()).toEqual(Y[1].hash);
    // Dave prevotes both forks; Charlie hears only Y1 at first, so his prevote-GHOST is the common block
    for (const to of [B, A]) { dv(to, 'Prevote', X[0], 1n); dv(to, 'Prevote', Y[0], 1n); inbox(to); }
    dv(C, 'Prevote', Y[0], 1n);
    inbox(C);
    // Bob hears Dave precommit X1 and finalizes it (Alice, Bob, Dave); Alice hears Dave precommit Y1
    dv(B, 'Precommit', X[0], 1n);
    inbox(B);
    expect(clients[B].finalizedHash()).toEqual(X[0].hash);
    dv(A, 'Precommit', Y[0], 1n);
    inbox(A);
    dv(C, 'Precommit', Y[0], 1n);
    dv(C, 'Prevote', X[0], 1n);
    inbox(C);
    checkSafety();
    // round 2: Dave votes Y2 to Alice and Charlie, X1 to Bob. Whoever could see X1 finalized in
    // round 1 (its estimate) must not vote for fork Y, however long it is.
    for (const kind of ['Prevote', 'Precommit'] as const) {
      for (const to of [A, C]) dv(to, kind, Y[1], 2n);
      dv(B, kind, X[0], 2n);
      for (const to of [A, B, C, A, B, C]) inbox(to);
      checkSafety();
    }
    for (const c of clients) expect(c.finalizedHash()).toEqual(X[0].hash);
    await close();
  });

  it('never finalizes two conflicting blocks, whatever the delivery order', async () => {
    let progressed = 0;
    await fc.assert(fc.asyncProperty(fc.array(fc.nat({ max: 4000 }), { minLength: 20, maxLength: 200 }), async (steps) => {
      if ((await run(steps)) > common.header.number) progressed++;
    }), { numRuns: 40, seed: 7 });
    // not vacuous: the runs did finalize fork blocks while Dave equivocated
    expect(progressed).toBeGreaterThan(10);
    expect(equivocationLogs).toBeGreaterThan(10);
  }, 300_000);
});
