// The p2p messages and their byte layout (length-prefixed frames carry one
// message each; real Substrate wire compatibility is not a goal).
import { DATANETS_LIMITS } from '@slmnet/runtime-spec';
import { Reader, WireError, Writer } from './wire.ts';

export { WireError };

/** Substrate's role bits as sent in the handshake. */
export const ROLE_FULL = 1;
export const ROLE_AUTHORITY = 4;
export const roleNames = (roles: number): string => (roles & ROLE_AUTHORITY ? 'AUTHORITY' : roles & ROLE_FULL ? 'FULL' : 'LIGHT');

/** The protocol names, specific to a chain so that nodes of other chains fail protocol negotiation. */
export function protocolNames(genesisHash: Uint8Array): { notifications: string; sync: string; content: string } {
  const g = Buffer.from(genesisHash).toString('hex');
  return { notifications: `/${g}/notifications/1`, sync: `/${g}/sync/1`, content: `/${g}/slmnet/content/1` };
}

export const MAX_NOTIFICATION_BYTES = 16 * 1024 * 1024;
export const MAX_REQUEST_BYTES = 1024;
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** At most this many blocks in one block response. */
export const MAX_BLOCKS_PER_RESPONSE = 128;
const MAX_ADDRS = 32;
const MAX_PEERS_LISTED = 64;
const MAX_TXS = 10_000;
const MAX_BODY = 100_000;

export interface Status {
  roles: number;
  genesisHash: Uint8Array;
  bestNumber: number;
  bestHash: Uint8Array;
  /** Addresses the sender can be dialled at (for peer exchange). */
  listenAddrs: string[];
}

export interface PeerRecord { peerId: string; addrs: string[] }

export type Notification =
  | { kind: 'status'; status: Status }
  | { kind: 'block-announce'; header: Uint8Array; isBest: boolean }
  | { kind: 'transactions'; xts: Uint8Array[] }
  | { kind: 'grandpa'; data: Uint8Array }
  | { kind: 'peers'; peers: PeerRecord[] }
  | { kind: 'justification'; hash: Uint8Array; justification: Uint8Array };

const TAGS = ['status', 'block-announce', 'transactions', 'grandpa', 'peers', 'justification'] as const;

const hash32 = (r: Reader) => r.raw(32);

export function encodeNotification(n: Notification): Uint8Array {
  const w = new Writer().u8(TAGS.indexOf(n.kind));
  switch (n.kind) {
    case 'status': {
      const s = n.status;
      w.u8(s.roles).raw(s.genesisHash).u32(s.bestNumber).raw(s.bestHash).vec(s.listenAddrs, (w, a) => w.str(a));
      break;
    }
    case 'block-announce': w.bytes(n.header).u8(n.isBest ? 1 : 0); break;
    case 'transactions': w.vec(n.xts, (w, x) => w.bytes(x)); break;
    case 'grandpa': w.bytes(n.data); break;
    case 'peers': w.vec(n.peers, (w, p) => w.str(p.peerId).vec(p.addrs, (w, a) => w.str(a))); break;
    case 'justification': w.raw(n.hash).bytes(n.justification); break;
  }
  return w.finish();
}

/** Throws WireError for anything malformed. */
export function decodeNotification(b: Uint8Array): Notification {
  const r = new Reader(b);
  const tag = TAGS[r.u8()];
  let n: Notification;
  switch (tag) {
    case 'status':
      n = { kind: tag, status: { roles: r.u8(), genesisHash: hash32(r), bestNumber: r.u32(), bestHash: hash32(r), listenAddrs: r.vec(MAX_ADDRS, (r) => r.str()) } };
      break;
    case 'block-announce': n = { kind: tag, header: r.bytes(64 * 1024), isBest: r.bool() }; break;
    case 'transactions': n = { kind: tag, xts: r.vec(MAX_TXS, (r) => r.bytes()) }; break;
    case 'grandpa': n = { kind: tag, data: r.bytes(64 * 1024) }; break;
    case 'peers': n = { kind: tag, peers: r.vec(MAX_PEERS_LISTED, (r) => ({ peerId: r.str(128), addrs: r.vec(MAX_ADDRS, (r) => r.str()) })) }; break;
    case 'justification': n = { kind: tag, hash: hash32(r), justification: r.bytes(1024 * 1024) }; break;
    default: throw new WireError('unknown notification tag');
  }
  r.end();
  return n;
}

// ---- block requests ------------------------------------------------------------

export const FIELD_HEADER = 1;
export const FIELD_BODY = 2;
export const FIELD_JUSTIFICATION = 4;

export interface BlockRequest {
  from: { hash: Uint8Array } | { number: number };
  direction: 'ascending' | 'descending';
  max: number;
  /** FIELD_* bits. */
  fields: number;
}

export interface BlockData {
  hash: Uint8Array;
  header?: Uint8Array;
  body?: Uint8Array[];
  justification?: Uint8Array;
}

export function encodeBlockRequest(q: BlockRequest): Uint8Array {
  const w = new Writer();
  if ('hash' in q.from) w.u8(0).raw(q.from.hash);
  else w.u8(1).u32(q.from.number);
  return w.u8(q.direction === 'ascending' ? 0 : 1).u32(q.max).u8(q.fields).finish();
}

export function decodeBlockRequest(b: Uint8Array): BlockRequest {
  const r = new Reader(b);
  const kind = r.u8();
  if (kind > 1) throw new WireError(`bad block request origin ${kind}`);
  const from = kind === 0 ? { hash: r.raw(32) } : { number: r.u32() };
  const dir = r.u8();
  if (dir > 1) throw new WireError(`bad direction ${dir}`);
  const q: BlockRequest = { from, direction: dir === 0 ? 'ascending' : 'descending', max: r.u32(), fields: r.u8() };
  r.end();
  return q;
}

export function encodeBlockResponse(blocks: BlockData[]): Uint8Array {
  return new Writer().vec(blocks, (w, b) => {
    w.raw(b.hash).option(b.header, (w, h) => w.bytes(h)).option(b.body, (w, xs) => w.vec(xs, (w, x) => w.bytes(x))).option(b.justification, (w, j) => w.bytes(j));
  }).finish();
}

export function decodeBlockResponse(b: Uint8Array): BlockData[] {
  const r = new Reader(b);
  const blocks = r.vec(MAX_BLOCKS_PER_RESPONSE, (r) => ({
    hash: r.raw(32),
    header: r.option((r) => r.bytes(64 * 1024)),
    body: r.option((r) => r.vec(MAX_BODY, (r) => r.bytes())),
    justification: r.option((r) => r.bytes(1024 * 1024)),
  }));
  r.end();
  return blocks;
}

// ---- content requests --------------------------------------------------------------

/** A content response: option tag, u32 length, then at most the runtime's MaxContentSize bytes. */
export const MAX_CONTENT_RESPONSE_BYTES = DATANETS_LIMITS.MaxContentSize + 5;

/** The request is the blob's blake2-256 hash. */
export const encodeContentRequest = (hash: Uint8Array): Uint8Array => new Writer().raw(hash).finish();

export function decodeContentRequest(b: Uint8Array): Uint8Array {
  const r = new Reader(b);
  const hash = r.raw(32);
  r.end();
  return hash;
}

/** The blob, or nothing when the peer does not have it. */
export const encodeContentResponse = (blob: Uint8Array | undefined): Uint8Array => new Writer().option(blob, (w, b) => w.bytes(b)).finish();

export function decodeContentResponse(b: Uint8Array): Uint8Array | undefined {
  const r = new Reader(b);
  const blob = r.option((r) => r.bytes(DATANETS_LIMITS.MaxContentSize));
  r.end();
  return blob;
}
