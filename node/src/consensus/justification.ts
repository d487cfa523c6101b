// GRANDPA wire formats (finality-grandpa / sc-consensus-grandpa) and the
// justification verifier. Pure: no client, no keystore.
//
//   Message        = enum { 0 Prevote, 1 Precommit, 2 PrimaryPropose }{ target_hash H256, target_number u32 }
//   signed payload = SCALE(message, round u64, set_id u64)            (45 bytes for a precommit)
//   Justification  = round u64 ++ Commit{ target_hash, target_number u32,
//                    Vec<{ target_hash, target_number, signature[64], id[32] }> }
//                    ++ votes_ancestries Vec<Header>
import { verifyEd25519 } from '@slmnet/runtime-spec';
import { concatBytes, decodeCompact, DecodeError, encodeCompact, hex, readU32, readU64, sameBytes, u32le, u64le } from '../db/codec.ts';
import { decodeHeaderPrefix, encodeHeader, headerHash, type Header } from '../chain/header.ts';

export const GRANDPA_ENGINE_ID = new Uint8Array([0x46, 0x52, 0x4e, 0x4b]); // 'FRNK'

export type VoteKind = 'Prevote' | 'Precommit' | 'PrimaryPropose';
const KIND_INDEX: Record<VoteKind, number> = { Prevote: 0, Precommit: 1, PrimaryPropose: 2 };

export interface VoteTarget { hash: Uint8Array; number: number }
export interface Message { kind: VoteKind; target: VoteTarget }
export interface SignedPrecommit { target: VoteTarget; signature: Uint8Array; id: Uint8Array }
export interface Commit { target: VoteTarget; precommits: SignedPrecommit[] }
export interface Justification { round: bigint; commit: Commit; votesAncestries: Header[] }
/** GRANDPA authority: ed25519 public key and weight. */
export type Authority = [Uint8Array, bigint];

/** n − ⌊(n − 1)/3⌋ of the total weight (1→1, 3→3, 4→3, 7→5). */
export function threshold(totalWeight: bigint): bigint {
  if (totalWeight <= 0n) return 0n;
  return totalWeight - (totalWeight - 1n) / 3n;
}

export const encodeTarget = (t: VoteTarget): Uint8Array => concatBytes([t.hash, u32le(t.number)]);
export const encodeMessage = (m: Message): Uint8Array => concatBytes([Uint8Array.of(KIND_INDEX[m.kind]), encodeTarget(m.target)]);

/** The bytes a voter signs: SCALE(message, round, set_id). */
export const signedPayload = (m: Message, round: bigint, setId: bigint): Uint8Array =>
  concatBytes([encodeMessage(m), u64le(round), u64le(setId)]);

export function encodeJustification(j: Justification): Uint8Array {
  return concatBytes([
    u64le(j.round),
    encodeTarget(j.commit.target),
    encodeCompact(j.commit.precommits.length),
    ...j.commit.precommits.map((p) => concatBytes([encodeTarget(p.target), p.signature, p.id])),
    encodeCompact(j.votesAncestries.length),
    ...j.votesAncestries.map(encodeHeader),
  ]);
}

function take(b: Uint8Array, off: number, n: number): Uint8Array {
  if (off + n > b.length) throw new DecodeError('justification: out of data');
  return b.slice(off, off + n);
}

export function decodeJustification(b: Uint8Array): Justification {
  let off = 0;
  const round = readU64(b, off); off += 8;
  const target = { hash: take(b, off, 32), number: readU32(b, off + 32) }; off += 36;
  const [count, cn] = decodeCompact(b, off); off += cn;
  if (count * 132 > b.length - off) throw new DecodeError('justification: precommit count exceeds data');
  const precommits: SignedPrecommit[] = [];
  for (let i = 0; i < count; i++) {
    const t = { hash: take(b, off, 32), number: readU32(b, off + 32) }; off += 36;
    const signature = take(b, off, 64); off += 64;
    const id = take(b, off, 32); off += 32;
    precommits.push({ target: t, signature, id });
  }
  const [hc, hn] = decodeCompact(b, off); off += hn;
  const votesAncestries: Header[] = [];
  for (let i = 0; i < hc; i++) {
    const [h, n] = decodeHeaderPrefix(b, off); off += n;
    votesAncestries.push(h);
  }
  if (off !== b.length) throw new DecodeError(`justification: ${b.length - off} trailing bytes`);
  return { round, commit: { target, precommits }, votesAncestries };
}

export class JustificationError extends Error {}

/**
 * Checks a justification against an authority set: every signature valid and
 * by a set member, every precommit on the target or a descendant proven by
 * `votes_ancestries` (all of them used), and threshold weight of distinct
 * voters. Returns the decoded justification; throws JustificationError.
 */
export function verifyJustification(
  bytes: Uint8Array,
  authorities: Authority[],
  setId: bigint,
  expected?: VoteTarget,
): Justification {
  let j: Justification;
  try { j = decodeJustification(bytes); } catch (e) { throw new JustificationError(`undecodable justification: ${(e as Error).message}`); }
  const target = j.commit.target;
  if (expected && (!sameBytes(expected.hash, target.hash) || expected.number !== target.number)) {
    throw new JustificationError(`justification targets #${target.number} (${hex(target.hash)}), expected #${expected.number} (${hex(expected.hash)})`);
  }
  const weights = new Map<string, bigint>();
  let total = 0n;
  for (const [id, w] of authorities) { weights.set(hex(id), w); total += w; }
  if (total === 0n) throw new JustificationError('empty authority set');

  const ancestry = new Map<string, Header>();
  for (const h of j.votesAncestries) ancestry.set(hex(headerHash(h)), h);
  const used = new Set<string>();

  const voted = new Set<string>();
  let weight = 0n;
  for (const p of j.commit.precommits) {
    const id = hex(p.id);
    const w = weights.get(id);
    if (w === undefined) throw new JustificationError(`precommit by ${id}, which is not in authority set ${setId}`);
    const payload = signedPayload({ kind: 'Precommit', target: p.target }, j.round, setId);
    const ok = verifyEd25519(payload, p.signature, p.id);
    if (!ok) throw new JustificationError(`invalid signature for precommit by ${id} in round ${j.round}, set ${setId}`);
    // the precommit must be on the commit target or on a descendant of it
    let cur = p.target;
    while (!sameBytes(cur.hash, target.hash)) {
      if (cur.number <= target.number) throw new JustificationError(`precommit by ${id} for #${p.target.number} does not descend from the commit target`);
      const key = hex(cur.hash);
      const h = ancestry.get(key);
      if (!h) throw new JustificationError(`missing ancestry header ${key} for precommit by ${id}`);
      if (h.number !== cur.number) throw new JustificationError(`ancestry header ${key} has number ${h.number}, precommit says ${cur.number}`);
      used.add(key);
      cur = { hash: h.parent_hash, number: h.number - 1 };
    }
    if (cur.number !== target.number) throw new JustificationError('precommit target number inconsistent with the commit target');
    if (voted.has(id)) continue; // an equivocating voter counts once
    voted.add(id);
    weight += w;
  }
  if (used.size !== ancestry.size) throw new JustificationError('invalid precommit ancestries in grandpa justification with unused headers');
  const need = threshold(total);
  if (weight < need) throw new JustificationError(`precommit weight ${weight} is below the threshold ${need} of ${total}`);
  return j;
}

// ---- finality proof (grandpa_proveFinality) ----------------------------------------

/** FinalityProof { block: H256, justification: Vec<u8>, unknown_headers: Vec<Header> }. */
export function encodeFinalityProof(block: Uint8Array, justification: Uint8Array, unknownHeaders: Header[]): Uint8Array {
  return concatBytes([
    block, encodeCompact(justification.length), justification,
    encodeCompact(unknownHeaders.length), ...unknownHeaders.map(encodeHeader),
  ]);
}

export function decodeFinalityProof(b: Uint8Array): { block: Uint8Array; justification: Uint8Array; unknownHeaders: Header[] } {
  let off = 0;
  const block = take(b, off, 32); off += 32;
  const [jl, jn] = decodeCompact(b, off); off += jn;
  const justification = take(b, off, jl); off += jl;
  const [hc, hn] = decodeCompact(b, off); off += hn;
  const unknownHeaders: Header[] = [];
  for (let i = 0; i < hc; i++) { const [h, n] = decodeHeaderPrefix(b, off); off += n; unknownHeaders.push(h); }
  if (off !== b.length) throw new DecodeError('finality proof: trailing bytes');
  return { block, justification, unknownHeaders };
}
