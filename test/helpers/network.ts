// A local network of real slmnet-node processes for end-to-end tests: a chain
// spec with the chosen validators as Aura and GRANDPA authorities (like
// Zombienet's), sha256(name) node keys, and either a bootnode or, with
// `reservedOnly`, an explicit mesh that tests can cut and heal over RPC.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ensureChainSpec } from '../../scripts/local-network.ts';
import { peerIdFromNodeKey } from '../../node/src/node-key.ts';
import { freePort, removeDir, rpc, startNode, tempDir, waitFor, type RunningNode } from './node.ts';

export interface NetNode extends RunningNode { name: string; peerId: string; p2pAddr: string; validator: boolean }

export interface NetworkOptions {
  /** Node names (alice … ferdie); the validators among them are the chain's authorities. */
  nodes: string[];
  validators: string[];
  /** Connect only through reserved peers (every other node), so `split` can cut the mesh. */
  reservedOnly?: boolean;
  /** Extra flags per node name. */
  args?: Record<string, string[]>;
}

export interface TestNetwork {
  nodes: NetNode[];
  node(name: string): NetNode;
  /** Cuts every connection between the two groups (reserved-only networks). */
  split(a: string[], b: string[]): Promise<void>;
  /** Reconnects the two groups. */
  join(a: string[], b: string[]): Promise<void>;
  /** Starts one more (non-validator) node that knows the first node as its bootnode. */
  addNode(name: string, args?: string[]): Promise<NetNode>;
  stop(): Promise<void>;
}

export async function startNetwork(o: NetworkOptions): Promise<TestNetwork> {
  const dir = tempDir('slmnet-net-');
  const spec = join(dir, 'chain-spec.json');
  await ensureChainSpec(spec, o.validators);
  const planNode = async (name: string) => {
    const key = createHash('sha256').update(name).digest('hex');
    const peerId = peerIdFromNodeKey(Buffer.from(key, 'hex'));
    const port = await freePort();
    return { name, key, peerId, port, p2pAddr: `/ip4/127.0.0.1/tcp/${port}/p2p/${peerId}` };
  };
  const plan = await Promise.all(o.nodes.map(planNode));
  const nodes: NetNode[] = [];
  const stop = async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    for (const n of nodes) removeDir(n.basePath);
    removeDir(dir);
  };
  const launch = async (p: (typeof plan)[number], validator: boolean, peers: string[], extra: string[]) => {
    const n = await startNode({
      dev: false,
      args: ['--chain', spec, '--name', p.name, '--node-key', p.key, '--listen-addr', `/ip4/127.0.0.1/tcp/${p.port}`,
        ...(validator ? [`--${p.name}`] : []), ...peers, ...extra],
    });
    const running = Object.assign(n, { name: p.name, peerId: p.peerId, p2pAddr: p.p2pAddr, validator });
    nodes.push(running);
    return running;
  };
  try {
    for (const p of plan) {
      const peers = o.reservedOnly
        ? ['--reserved-only', '--reserved-nodes', ...plan.filter((q) => q !== p).map((q) => q.p2pAddr)]
        : p === plan[0] ? [] : ['--bootnodes', plan[0].p2pAddr];
      await launch(p, o.validators.includes(p.name), peers, o.args?.[p.name] ?? []);
    }
  } catch (e) {
    await stop();
    throw e;
  }
  const node = (name: string) => nodes.find((n) => n.name === name)!;
  const eachPair = async (a: string[], b: string[], f: (from: NetNode, to: NetNode) => Promise<unknown>) => {
    for (const x of a) for (const y of b) { await f(node(x), node(y)); await f(node(y), node(x)); }
  };
  return {
    nodes, node, stop,
    split: async (a, b) => {
      await eachPair(a, b, (from, to) => rpc(from.httpUrl, 'system_removeReservedPeer', [to.peerId]));
      for (const x of [...a, ...b]) {
        const others = new Set((a.includes(x) ? b : a).map((n) => node(n).peerId));
        await waitFor(async () => ((await rpc(node(x).httpUrl, 'system_peers')).result.some((p: { peerId: string }) => others.has(p.peerId)) ? undefined : true), `${x} to drop the other side`, 15_000);
      }
    },
    join: (a, b) => eachPair(a, b, (from, to) => rpc(from.httpUrl, 'system_addReservedPeer', [to.p2pAddr])),
    addNode: async (name, args = []) => launch(await planNode(name), false, ['--bootnodes', plan[0].p2pAddr], args),
  };
}

export async function header(n: RunningNode, hash?: string): Promise<{ number: number; hash: string; parentHash: string }> {
  const h = (await rpc(n.httpUrl, 'chain_getHeader', hash ? [hash] : [])).result;
  const number = parseInt(h.number, 16);
  return { number, hash: hash ?? (await rpc(n.httpUrl, 'chain_getBlockHash', [number])).result, parentHash: h.parentHash };
}

export async function finalizedHead(n: RunningNode): Promise<{ number: number; hash: string }> {
  return header(n, (await rpc(n.httpUrl, 'chain_getFinalizedHead')).result);
}

export const canonicalHash = async (n: RunningNode, number: number): Promise<string> => (await rpc(n.httpUrl, 'chain_getBlockHash', [number])).result;
