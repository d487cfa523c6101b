// Chain generator (`npm run chain:gen -- --blocks 10000 --base-path <dir>`): authors a long, busy
// chain in-process, as fast as the CPU allows, into a node database that `slmnet-node` opens as is.
//
// It uses the node's own code: Client.open (the LMDB store and trie under
// <base>/chains/<id>/db/full, genesis from the same chain spec), Client.buildBlock (Aura pre-digest,
// timestamp inherent, the runtime applying each extrinsic, state root, seal) and Client.importBuilt
// (the path the Aura worker imports its own blocks by). The clock is virtual: block k sits in slot
// s0 + k (a few slots are skipped at random, as when an author is offline), with the timestamp at the
// start of its slot, so consecutive timestamps are ≥ 2 s apart (MinimumPeriod is 1 s) and the last
// block's time is before now; each block is sealed by the Aura authority of its slot (the dev key
// among //Alice…//Ferdie that authorities[slot % n] names at the parent).
//
// Traffic, signed by the dev accounts and by `--users` generated accounts (mortal eras, consecutive
// nonces): balance transfers (keep-alive and allow-death, to known and to fresh accounts), datanet
// create, contribute, review (accept or reject), publish_version, system.remark_with_event, and a few
// calls that fail on purpose (a review by a non-curator: ExtrinsicFailed with Datanets.NotCurator).
// Finality: the node records finality as a pointer (Client.finalize → ChainStore.setFinalized, a
// justification is optional), so the generator finalizes as it goes and the head at the end.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { SingleBar } from 'cli-progress';
import { Keyring } from '@polkadot/keyring';
import { sr25519KeypairFromSeed, sr25519Sign, waitReady } from '@polkadot/wasm-crypto';
import {
  additionalSigned, blake2_256, composition, config, cryptoReady, encodeExtra, encodeExtrinsic, mortal, runtime, signingPayload, text, T,
} from '@slmnet/runtime-spec';
import { genesisStorage, loadChainSpec } from '../node/src/chain-spec.ts';
import { Client } from '../node/src/chain/client.ts';
import { configureLogging } from '../node/src/log.ts';

export interface ChainGenOptions {
  /** Blocks to author on top of genesis. */
  blocks: number;
  /** Node base path: the database goes to <basePath>/chains/<id>/db/full. */
  basePath: string;
  /** dev (Alice authors every slot) or local (Alice and Bob alternate); default dev. */
  chain?: string;
  /** Signed extrinsics per block, on average (default 10). */
  txPerBlock?: number;
  /** Generated accounts that sign besides the dev accounts (default 48). */
  users?: number;
  /** PRNG seed (default 1): the same options give the same chain, except timestamps. */
  seed?: number;
  /** Mark blocks finalized (default true). */
  finalize?: boolean;
  /** Progress bar on stderr (default: when stderr is a terminal); otherwise a line every 1000 blocks if `log` is given. */
  progress?: boolean;
  log?: (line: string) => void;
  /** "Now" for the virtual clock (ms); the last block's slot ends before it. Default Date.now(). */
  now?: number;
}

export interface ChainGenResult {
  chainId: string;
  dbPath: string;
  head: { number: number; hash: string };
  finalized: number;
  extrinsics: number;
  signed: number;
  failed: number;
  events: number;
  transfers: number;
  /** Count of each pallet.call included. */
  calls: Record<string, number>;
  firstTimestamp: number;
  lastTimestamp: number;
  ms: number;
}

const SLOT_MS = Number(config.SLOT_DURATION_MS);
const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
const hexOf = (b: Uint8Array) => '0x' + Buffer.from(b).toString('hex');

/** Deterministic PRNG (xorshift32). */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 2 ** 32; };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <X>(xs: X[]): X => xs[Math.floor(next() * xs.length)], chance: (p: number) => next() < p };
}

interface Account { name: string; pub: Uint8Array; sign: (msg: Uint8Array) => Uint8Array; nonce: number }
interface Datanet { id: number; owner: Account; accepted: number; open: boolean }
interface Pending { id: bigint; datanet: number; contributor: string; block: number }

const call = (pallet: string, name: string, args: Record<string, unknown>): Uint8Array =>
  composition.RuntimeCall.codec.enc({ tag: pallet, value: { tag: name, value: args } } as never);
const unit = (tag: string) => ({ tag, value: undefined });

const SYS = composition.byName.get('System')!.storage;
type EventRecord = { phase: { tag: string; value?: number }; event: { tag: string; value: { tag: string; value: Record<string, any> } } };

const TOPICS = ['medical Q&A', 'Rust snippets', 'Welsh phrases', 'legal clauses', 'chemistry notes', 'SQL queries', 'poetry', 'bird calls', 'tax forms', 'recipes'];
const LICENSES = ['CC-BY-4.0', 'CC0-1.0', 'MIT', 'Apache-2.0', 'CC-BY-SA-4.0'];

export async function generateChain(o: ChainGenOptions): Promise<ChainGenResult> {
  const t0 = performance.now();
  if (!Number.isSafeInteger(o.blocks) || o.blocks < 1) throw new Error(`--blocks must be a positive integer, got ${o.blocks}`);
  const txPerBlock = o.txPerBlock ?? 10;
  const nUsers = o.users ?? 48;
  const r = rng(o.seed ?? 1);
  configureLogging({ write: () => undefined }); // the node's own log lines would drown the progress bar
  await cryptoReady();
  await waitReady();

  const spec = loadChainSpec(o.chain ?? 'dev');
  const dbPath = join(resolve(o.basePath), 'chains', spec.id, 'db', 'full');
  mkdirSync(dbPath, { recursive: true });
  const client = await Client.open({ path: dbPath, runtime, genesisStorage: genesisStorage(spec), chainId: spec.id });
  try {
    if (client.bestBlock().number !== 0) {
      throw new Error(`${dbPath} already holds ${client.bestBlock().number} blocks: give an empty --base-path (the generator does not append)`);
    }
    const genesisHash = client.genesisHash;
    const keyring = new Keyring({ type: 'sr25519', ss58Format: config.SS58_PREFIX });
    const dev: Account[] = DEV_NAMES.map((n) => {
      const pair = keyring.addFromUri(`//${n}`);
      return { name: n, pub: pair.publicKey, sign: (m: Uint8Array) => pair.sign(m), nonce: 0 };
    });
    const users: Account[] = Array.from({ length: nUsers }, (_, i) => {
      const kp = sr25519KeypairFromSeed(blake2_256(text(`slmnet-chain-gen//user/${i}`)));
      const secret = kp.slice(0, 64);
      const pub = kp.slice(64);
      return { name: `user${i}`, pub, sign: (m: Uint8Array) => sr25519Sign(pub, secret, m), nonce: 0 };
    });
    const byPub = new Map([...dev, ...users].map((a) => [hexOf(a.pub), a]));
    const funded = new Set<Account>(dev);
    const toFund = [...users];
    let freshCounter = 0;

    // the virtual clock: a few skipped slots on the way, the last slot over before `now`
    const now = o.now ?? Date.now();
    const skipped = Array.from({ length: o.blocks }, () => r.chance(0.02));
    const slotsNeeded = o.blocks + skipped.filter(Boolean).length;
    let slot = BigInt(Math.floor(now / SLOT_MS) - slotsNeeded - 2);

    const datanets: Datanet[] = [];
    const pending: Pending[] = [];
    const pendingPerAccount = new Map<string, number>();
    let contentCounter = 0;
    const res: ChainGenResult = {
      chainId: spec.id, dbPath, head: { number: 0, hash: hexOf(genesisHash) }, finalized: 0, extrinsics: 0, signed: 0, failed: 0, events: 0, transfers: 0,
      calls: {}, firstTimestamp: 0, lastTimestamp: 0, ms: 0,
    };

    const bar = (o.progress ?? process.stderr.isTTY) ? new SingleBar({ format: 'generating {bar} {value}/{total} blocks | {rate} blocks/s | ETA {eta_formatted}', etaBuffer: 200 }) : undefined;
    bar?.start(o.blocks, 0, { rate: '0' });
    const tLoop = performance.now();

    let parent = genesisHash;
    for (let i = 0; i < o.blocks; i++) {
      slot += skipped[i] ? 2n : 1n;
      const parentNumber = client.bestBlock().number;
      const era = mortal(64n, BigInt(parentNumber));
      const additional = (nonce: number) => ({ extra: encodeExtra(era, nonce, 0n), add: additionalSigned(runtime.version.spec_version, runtime.version.transaction_version as number, genesisHash, parent) });
      const xts: Uint8Array[] = [];
      const sign = (who: Account, c: Uint8Array, label: string) => {
        const { extra, add } = additional(who.nonce);
        const sig = who.sign(signingPayload(c, extra, add));
        xts.push(encodeExtrinsic(c, { signer: who.pub, signature: { tag: 'Sr25519', value: sig }, extraBytes: extra }));
        who.nonce++;
        res.calls[label] = (res.calls[label] ?? 0) + 1;
      };
      const active = [...funded];
      const contributors = () => active.filter((a) => (pendingPerAccount.get(hexOf(a.pub)) ?? 0) < 48);

      // 1. fund the generated accounts first (16 a block), from the dev accounts
      for (let k = 0; k < 16 && toFund.length; k++) {
        const u = toFund.shift()!;
        sign(dev[k % dev.length], call('Balances', 'transfer_keep_alive', { dest: { tag: 'Id', value: u.pub }, value: 10_000n * config.UNIT }), 'balances.transferKeepAlive');
      }
      // 2. datanets: three at the start, then one every ~150 blocks or when the open ones fill up
      const openSets = datanets.filter((d) => d.open);
      if (i === 0 || r.chance(1 / 150) || openSets.length < 2) {
        const count = i === 0 ? 3 : 1;
        for (let k = 0; k < count; k++) {
          const owner = dev[r.int(0, 2)];
          const topic = r.pick(TOPICS);
          sign(owner, call('Datanets', 'create', {
            name: text(`${topic} #${datanets.length + k}`), metadata: text(JSON.stringify({ description: `Curated ${topic}`, lang: 'en' })),
            tags: [text(topic.split(' ')[0].toLowerCase()), text('demo')], kind: unit(r.pick(['Text', 'Code', 'Tabular'])), license: text(r.pick(LICENSES)),
            policy: unit('Open'), contribution_deposit: config.UNIT,
          }), 'datanets.create');
        }
      }
      const budget = Math.max(1, Math.round(txPerBlock * (0.6 + 0.8 * r.next())));
      let used = xts.length;
      // 3. reviews of contributions submitted in earlier blocks (the owner reviews; ~15% rejected)
      const ready = pending.filter((p) => p.block < parentNumber + 1);
      for (let k = 0; k < Math.min(ready.length, r.int(2, 4)) && used < budget; k++, used++) {
        const p = ready[k];
        const d = datanets.find((x) => x.id === p.datanet)!;
        const decision = r.chance(0.85) ? { tag: 'Accept', value: { quality: r.int(40, 100) } } : { tag: 'Reject', value: { reason: r.int(1, 5) } };
        sign(d.owner, call('Datanets', 'review', { contribution: p.id, decision }), 'datanets.review');
        pending.splice(pending.indexOf(p), 1);
        pendingPerAccount.set(p.contributor, (pendingPerAccount.get(p.contributor) ?? 1) - 1);
        if (decision.tag === 'Accept') d.accepted++;
        if (d.accepted >= 900) d.open = false;
      }
      // 4. contributions to the open datanets (never by the owner, who reviews them)
      const sets = datanets.filter((d) => d.open);
      for (let k = 0, n = r.int(2, 4); k < n && used < budget && sets.length; k++, used++) {
        const d = r.pick(sets);
        const who = r.pick(contributors().filter((a) => a !== d.owner));
        if (!who) break;
        const content = blake2_256(text(`content ${o.seed ?? 1}/${contentCounter++}`));
        sign(who, call('Datanets', 'contribute', {
          datanet: d.id, content_hash: content, size: r.int(200, 60_000), chunks_root: blake2_256(content),
          metadata: text(JSON.stringify({ title: `sample ${contentCounter}`, mime: 'text/plain' })), license: text(r.pick(LICENSES)),
        }), 'datanets.contribute');
        pendingPerAccount.set(hexOf(who.pub), (pendingPerAccount.get(hexOf(who.pub)) ?? 0) + 1);
      }
      // 5. a version now and then
      const publishable = datanets.filter((d) => d.accepted > 0);
      if (publishable.length && r.chance(1 / 25) && used < budget) {
        const d = r.pick(publishable);
        sign(d.owner, call('Datanets', 'publish_version', { datanet: d.id }), 'datanets.publishVersion');
        used++;
      }
      // 6. a failing call now and then: a review by someone who is no curator
      if (pending.length && r.chance(0.04)) {
        const p = pending[pending.length - 1];
        const owner = datanets.find((x) => x.id === p.datanet)!.owner;
        const who = r.pick(active.filter((a) => a !== owner && hexOf(a.pub) !== p.contributor && !datanets.some((d) => d.owner === a)));
        if (who) { sign(who, call('Datanets', 'review', { contribution: p.id, decision: { tag: 'Accept', value: { quality: 50 } } }), 'datanets.review'); used++; }
      }
      // 7. remarks
      if (r.chance(0.5) && used < budget) {
        sign(r.pick(active), call('System', 'remark_with_event', { remark: text(`gm #${parentNumber + 1} ${r.int(0, 1e6)}`) }), 'system.remarkWithEvent');
        used++;
      }
      // 8. transfers fill the block
      while (used < budget) {
        const from = r.pick(active);
        let dest: Uint8Array;
        let value: bigint;
        if (r.chance(0.1)) {
          dest = blake2_256(text(`slmnet-chain-gen//fresh/${freshCounter++}`)); // a new account
          value = config.UNIT / 10n + BigInt(r.int(0, 1e9));
        } else {
          let to = r.pick(active);
          if (to === from) to = active[(active.indexOf(from) + 1) % active.length];
          dest = to.pub;
          value = BigInt(r.int(1, 50_000)) * config.MILLI_UNIT;
        }
        const keepAlive = r.chance(0.8);
        sign(from, call('Balances', keepAlive ? 'transfer_keep_alive' : 'transfer_allow_death', { dest: { tag: 'Id', value: dest }, value }),
          keepAlive ? 'balances.transferKeepAlive' : 'balances.transferAllowDeath');
        used++;
      }

      // build, seal with the slot's author, import
      const authorities = client.auraAuthorities(parent);
      const authorPub = authorities[Number(slot % BigInt(authorities.length))];
      const author = dev.find((a) => Buffer.compare(Buffer.from(a.pub), Buffer.from(authorPub)) === 0);
      if (!author) throw new Error(`the Aura author of slot ${slot} (${hexOf(authorPub)}) is not a dev account: use --chain dev or local`);
      const invalid: string[] = [];
      const timestampMs = slot * BigInt(SLOT_MS);
      const block = await client.buildBlock({
        parent, slot, timestampMs, transactions: xts, seal: (h) => author.sign(h),
        onInvalid: (_xt, e) => { invalid.push('kind' in e ? `${e.type} ${e.kind}` : e.message); },
      });
      if (invalid.length || block.included.length !== xts.length) {
        throw new Error(`block #${block.header.number}: ${xts.length - block.included.length} of ${xts.length} extrinsics not included (${block.end}): ${invalid.join(', ')}`);
      }
      const imported = client.importBuilt(block);
      if (imported.status !== 'imported') throw new Error(`block #${block.header.number} not imported: ${JSON.stringify(imported)}`);
      parent = block.hash;
      const number = block.header.number;
      if (i === 0) res.firstTimestamp = Number(timestampMs);
      res.lastTimestamp = Number(timestampMs);
      res.extrinsics += block.extrinsics.length;
      res.signed += xts.length;

      // learn ids and outcomes from the block's events
      const raw = client.storage(parent, SYS.Events.key());
      const records = raw ? (T.decodeAll(SYS.Events.valueTy, raw) as EventRecord[]) : [];
      res.events += records.length;
      for (const { event } of records) {
        const name = `${event.tag}.${event.value.tag}`;
        const v = event.value.value;
        if (name === 'System.ExtrinsicFailed') res.failed++;
        else if (name === 'Balances.Transfer') res.transfers++;
        else if (name === 'Balances.Endowed' && byPub.has(hexOf(v.account))) funded.add(byPub.get(hexOf(v.account))!);
        else if (name === 'Datanets.DatanetCreated') datanets.push({ id: v.datanet, owner: byPub.get(hexOf(v.owner))!, accepted: 0, open: true });
        else if (name === 'Datanets.ContributionSubmitted') pending.push({ id: v.contribution, datanet: v.datanet, contributor: hexOf(v.contributor), block: number });
      }
      if (o.finalize !== false && number % 64 === 0) client.finalize(parent);
      res.head = { number, hash: hexOf(parent) };
      if (bar) bar.update(i + 1, { rate: ((i + 1) / ((performance.now() - tLoop) / 1000)).toFixed(0) });
      else if ((i + 1) % 1000 === 0) o.log?.(`generated ${i + 1}/${o.blocks} blocks (${((i + 1) / ((performance.now() - tLoop) / 1000)).toFixed(0)} blocks/s)`);
    }
    bar?.stop();
    if (o.finalize !== false) client.finalize(parent);
    res.finalized = client.finalizedBlock().number;
    res.ms = performance.now() - t0;
    return res;
  } finally {
    await client.close();
  }
}

const positive = (what: string) => (v: string) => {
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new InvalidArgumentError(`${what} must be a positive integer`);
  return Number(v);
};

export async function main(argv: string[]): Promise<void> {
  const o = new Command('chain-gen')
    .description('Author a long, busy SLMnet chain in-process (virtual clock, dev keys) into a node database that slmnet-node then serves.')
    .requiredOption('--blocks <n>', 'blocks to author on top of genesis', positive('--blocks'))
    .requiredOption('-d, --base-path <dir>', 'node base path (must not hold this chain yet); the node opens it with the same --chain and --base-path')
    .option('--chain <spec>', 'dev (Alice authors) or local (Alice and Bob alternate)', 'dev')
    .option('--tx-per-block <n>', 'signed extrinsics per block, on average', positive('--tx-per-block'), 10)
    .option('--users <n>', 'generated accounts signing besides Alice…Ferdie', positive('--users'), 48)
    .option('--seed <n>', 'PRNG seed', positive('--seed'), 1)
    .option('--no-finalize', 'leave the blocks unfinalized (by default every block is finalized, without justifications)')
    .addHelpText('after', `
Then serve it with a normal (non-validator) node:
  node --import tsx node/src/main.ts --chain dev --base-path <dir> --rpc-port 9944 --port 30444 --no-prometheus

A summary goes to <dir>/chain-gen.json; "npm run bench:indexer -- --chain-dir <dir>" reuses the chain.

Example: npm run chain:gen -- --blocks 10000 --base-path /tmp/chain10k`)
    .showHelpAfterError()
    .parse(argv, { from: 'user' })
    .opts<{ blocks: number; basePath: string; chain: string; txPerBlock: number; users: number; seed: number; finalize: boolean }>();
  const res = await generateChain({ ...o, log: (l) => console.error(l) });
  // what was generated, for `npm run bench:indexer -- --chain-dir <dir>` (which reuses the chain)
  writeFileSync(join(o.basePath, 'chain-gen.json'), JSON.stringify(res, null, 1));
  const s = res.ms / 1000;
  console.log(`generated ${res.head.number} blocks (${(res.head.number / s).toFixed(0)} blocks/s, ${s.toFixed(1)} s) into ${res.dbPath}`);
  console.log(`  head #${res.head.number} ${res.head.hash}, finalized #${res.finalized}`);
  console.log(`  ${res.extrinsics} extrinsics (${res.signed} signed, ${res.failed} failed), ${res.events} events, ${res.transfers} transfers`);
  console.log(`  time ${new Date(res.firstTimestamp).toISOString()} … ${new Date(res.lastTimestamp).toISOString()}`);
  console.log(`  calls: ${Object.entries(res.calls).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`serve it: node --import tsx node/src/main.ts --chain ${o.chain} --base-path ${o.basePath}`);
}

if (process.argv[1]?.endsWith('chain-gen.ts')) {
  try {
    await main(process.argv.slice(2));
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    process.exitCode = 1;
  }
}
