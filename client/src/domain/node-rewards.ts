// NodeRewards: nodes prove their ed25519 identity when registering and in every heartbeat, and
// that they store the content in answers to storage challenges.
import type { ApiPromise } from '@polkadot/api';
import { stringToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, decodeAddress, ed25519PairFromSeed, ed25519Sign } from '@polkadot/util-crypto';
import { chunkProof } from '@slmnet/runtime-spec/merkle';
import { bytesOf } from '../content.ts';
import { eventOf, type TxResult } from '../submit.ts';
import { big, run, type Ctx, type Tx } from './tx.ts';

export type NodeKind = 'Storage' | 'Compute' | 'Validator';

/** A node's identity key (libp2p ed25519). */
export interface NodeKey {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

/** A node key from a 32-byte seed, or from any text (hashed into a seed: handy for demos, not for production). */
export const nodeKeyFromSeed = (seed: Uint8Array | string): NodeKey =>
  ed25519PairFromSeed(typeof seed === 'string' ? blake2AsU8a(stringToU8a(seed), 256) : seed);

/** The libp2p peer id of an ed25519 key: identity multihash of its protobuf-encoded public key. */
export const peerIdOf = (publicKey: Uint8Array): Uint8Array => u8aConcat(Uint8Array.of(0x00, 0x24, 0x08, 0x01, 0x12, 0x20), publicKey);

const genesisOf = (api: ApiPromise) => api.genesisHash.toU8a();

/** The node key's consent to being operated by `operator`: signs b"slmnet/register" ++ genesis ++ operator. */
export const registrationProof = (api: ApiPromise, key: NodeKey, operator: string): Uint8Array =>
  ed25519Sign(u8aConcat(stringToU8a('slmnet/register'), genesisOf(api), decodeAddress(operator)), key);

/** Signs b"slmnet/heartbeat" ++ genesis ++ SCALE u32 node ++ SCALE u32 at_block. */
export const heartbeatSignature = (api: ApiPromise, key: NodeKey, node: number, atBlock: number): Uint8Array =>
  ed25519Sign(u8aConcat(stringToU8a('slmnet/heartbeat'), genesisOf(api), api.createType('u32', node).toU8a(), api.createType('u32', atBlock).toU8a()), key);

export const registerNodeTx = (api: ApiPromise, operator: string, kind: NodeKind, key: NodeKey, bond: bigint): Tx =>
  // hex peer id: a raw Uint8Array for `Bytes` would be read as already length-prefixed
  api.tx.nodeRewards.registerNode(kind, u8aToHex(peerIdOf(key.publicKey)), bond, u8aToHex(registrationProof(api, key, operator)));

export async function registerNode(ctx: Ctx, kind: NodeKind, key: NodeKey, bond: bigint): Promise<TxResult & { node: number }> {
  const r = await run(ctx, registerNodeTx(ctx.api, ctx.signer.address, kind, key, bond));
  return { ...r, node: Number(eventOf(r, 'nodeRewards', 'NodeRegistered').node) };
}

/** A heartbeat at `atBlock` (default: the best block now). */
export async function heartbeatTx(api: ApiPromise, node: number, key: NodeKey, atBlock?: number): Promise<Tx> {
  const at = atBlock ?? (await api.rpc.chain.getHeader()).number.toNumber();
  return api.tx.nodeRewards.heartbeat(node, at, u8aToHex(heartbeatSignature(api, key, node, at)));
}

export async function heartbeat(ctx: Ctx, node: number, key: NodeKey, atBlock?: number): Promise<TxResult & { era: number; points: number }> {
  const r = await run(ctx, await heartbeatTx(ctx.api, node, key, atBlock));
  const e = eventOf(r, 'nodeRewards', 'Heartbeat');
  return { ...r, era: Number(e.era), points: Number(e.points) };
}

/** Pays out the signer's node and block-author rewards. */
export async function claimNodeRewards(ctx: Ctx): Promise<TxResult & { amount: bigint }> {
  const r = await run(ctx, ctx.api.tx.nodeRewards.claim());
  return { ...r, amount: big(eventOf(r, 'nodeRewards', 'RewardsClaimed').amount) };
}

/** The answer to a storage challenge: chunk `chunk` of the content's bytes and its Merkle path to the contribution's chunks root. */
export function answerChallengeTx(api: ApiPromise, challenge: bigint | number, content: Uint8Array | string, chunk: number): Tx {
  const answer = chunkProof(bytesOf(content), chunk);
  return api.tx.nodeRewards.answerChallenge(challenge, u8aToHex(answer.chunk), answer.proof.map((h) => u8aToHex(h)));
}

/** Answers a storage challenge (signed by the challenged node's operator) before its deadline. */
export const answerChallenge = (ctx: Ctx, challenge: bigint | number, content: Uint8Array | string, chunk: number): Promise<TxResult> =>
  run(ctx, answerChallengeTx(ctx.api, challenge, content, chunk));
