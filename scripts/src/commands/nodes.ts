// NodeRewards: register a node (its key signs the operator account), heartbeats, bonds, claims, open challenges.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { eventOf, heartbeatTx, nodeKeyFromSeed, registerNodeTx, type NodeKey, type NodeKind } from '@slmnet/client';
import { action, type CliState } from '../command.ts';
import { UserError } from '../errors.ts';
import { addressArg, amountArg, choiceArg, parseIntArg } from '../parse.ts';

const KINDS: readonly NodeKind[] = ['Storage', 'Compute', 'Validator'];
const nid = (s: string) => parseIntArg('node id', s, 2 ** 32 - 1);

/** The node's ed25519 key: --node-seed 0x<32 bytes> (or any text, hashed: demos only) or --node-key-file with that seed. */
function nodeKey(o: { nodeSeed?: string; nodeKeyFile?: string }): NodeKey {
  const seed = o.nodeSeed ?? (o.nodeKeyFile ? readFileSync(o.nodeKeyFile, 'utf8').trim() : undefined);
  if (seed === undefined) throw new UserError('need the node key: --node-seed <0x32-byte seed|text> or --node-key-file <file>');
  if (seed.startsWith('0x')) {
    if (!/^0x[0-9a-fA-F]{64}$/.test(seed)) throw new UserError('bad node seed: expected 0x and 64 hex digits');
    return nodeKeyFromSeed(Uint8Array.from(Buffer.from(seed.slice(2), 'hex')));
  }
  return nodeKeyFromSeed(seed);
}

export function registerNodes(program: Command, st: CliState): void {
  const n = program.command('node').description('node operators: register, heartbeat, bond, unbond, withdraw, claim, show, challenges');
  const keyOpts = (c: Command) => c.option('--node-seed <seed>', "the node's ed25519 seed (0x + 64 hex) or text to hash into one").option('--node-key-file <file>', 'file holding the 0x seed');
  keyOpts(n.command('register').description('register a node operated by the signer (bond held; the node key signs the registration)')
    .argument('<kind>', KINDS.join('|'))
    .option('--bond <amount>', 'bond (default: the min_bond parameter)'))
    .action(action(st, async (s, ks: string, o: { bond?: string; nodeSeed?: string; nodeKeyFile?: string }) => {
      const kind = choiceArg('kind', ks, KINDS);
      const key = nodeKey(o);
      const explicit = o.bond === undefined ? undefined : amountArg(o.bond);
      const signer = await s.signer();
      const api = await s.api();
      const bond = explicit ?? (await api.query.nodeRewards.params()).minBond.toBigInt();
      const r = await s.send(registerNodeTx(api, signer.address, kind, key, bond), bond);
      const e = eventOf(r, 'nodeRewards', 'NodeRegistered');
      s.printTx(r, { node: e.node, peerId: e.peer_id ?? e.peerId });
    }));
  keyOpts(n.command('heartbeat').description("send a heartbeat signed by the node's key").argument('<node>')
    .option('--at <block>', 'block number signed (default: the best block)'))
    .action(action(st, async (s, ns: string, o: { at?: string; nodeSeed?: string; nodeKeyFile?: string }) => {
      const node = nid(ns);
      const key = nodeKey(o);
      const at = o.at === undefined ? undefined : parseIntArg('--at', o.at, 2 ** 32 - 1);
      await s.signer();
      const r = await s.send(await heartbeatTx(await s.api(), node, key, at));
      const e = eventOf(r, 'nodeRewards', 'Heartbeat');
      s.printTx(r, { node, era: e.era, points: e.points });
    }));
  n.command('bond-more').description("add to an active node's bond").argument('<node>').argument('<amount>')
    .action(action(st, async (s, ns: string, am: string) => {
      const node = nid(ns);
      const amount = amountArg(am);
      await s.signer();
      s.printTx(await s.send((await s.api()).tx.nodeRewards.bondMore(node, amount), amount), { node });
    }));
  for (const [cmd, call, desc] of [['unbond', 'unbond', 'deregister a node (bond withdrawable after the unbonding period)'], ['withdraw', 'withdrawUnbonded', 'release the bond of an unbonded node']] as const) {
    n.command(cmd).description(desc).argument('<node>')
      .action(action(st, async (s, ns: string) => {
        const node = nid(ns);
        await s.signer();
        s.printTx(await s.send((await s.api()).tx.nodeRewards[call](node)), { node });
      }));
  }
  n.command('claim').description('claim node and block-author rewards')
    .action(action(st, async (s) => {
      await s.signer();
      const r = await s.send((await s.api()).tx.nodeRewards.claim());
      s.printTx(r, { amount: eventOf(r, 'nodeRewards', 'RewardsClaimed').amount });
    }));
  n.command('show').description('a node (NodeRewardsApi.node)').argument('<node>')
    .action(action(st, async (s, ns: string) => {
      const node = nid(ns);
      const v = await (await s.api()).call.nodeRewardsApi.node(node);
      if (v.isNone) throw new UserError(`no node ${node}`);
      s.print({ id: node, ...(v.unwrap().toPrimitive() as object) });
    }));
  n.command('list').description('nodes of an operator (NodeRewardsApi.operatorNodes), or all active nodes').argument('[operator]')
    .action(action(st, async (s, w?: string) => {
      const api = await s.api();
      const ids = w ? await api.call.nodeRewardsApi.operatorNodes(addressArg(w)) : await api.query.nodeRewards.activeNodes();
      s.print(ids.toPrimitive());
    }));
  n.command('challenges').description("a node's open storage challenges (NodeRewardsApi.openChallenges): what its operator must answer, and by which block").argument('<node>')
    .action(action(st, async (s, ns: string) => {
      const node = nid(ns);
      const api = await s.api();
      if ((await api.call.nodeRewardsApi.node(node)).isNone) throw new UserError(`no node ${node}`);
      const open = await api.call.nodeRewardsApi.openChallenges(node);
      s.print(open.map(([id, c]) => ({ challenge: id.toPrimitive(), ...(c.toPrimitive() as object) })));
    }));
}
