// Decodes one block, with the metadata of its own runtime version, into the rows the indexer stores.
import type { ApiPromise } from '@polkadot/api';
import type { Codec } from '@polkadot/types/types';
import type { DispatchError, Header } from '@polkadot/types/interfaces';
import { dispatchErrorName } from '@slmnet/client';
import { decodeDomain, type DomainRows } from './domain.ts';

export interface BlockRow {
  number: number; hash: string; parentHash: string; stateRoot: string; extrinsicsRoot: string;
  author: string | null; timestamp: Date | null; specVersion: number; extrinsicCount: number; eventCount: number;
}
export interface ExtrinsicRow {
  index: number; hash: string; signer: string | null; pallet: string; call: string; args: unknown;
  fee: string | null; tip: string | null; success: boolean; error: string | null;
}
export interface EventRow { index: number; phase: string; extrinsicIndex: number | null; pallet: string; name: string; data: unknown }
export interface TransferRow { eventIndex: number; extrinsicIndex: number | null; from: string; to: string; amount: string }
export interface DecodedBlock { block: BlockRow; extrinsics: ExtrinsicRow[]; events: EventRow[]; transfers: TransferRow[]; domain: DomainRows }

/** Plain JSON of a value: integers beyond 2^53 as decimal strings (toPrimitive gives those as strings already). */
const plain = (c: Codec): unknown => c.toPrimitive();

/** The Aura authority (as an SS58 address) of the block's slot: authorities[slot % count] in the parent's state; null at genesis. */
async function auraAuthor(api: ApiPromise, header: Header): Promise<string | null> {
  const pre = header.digest.logs.find((l) => l.isPreRuntime && l.asPreRuntime[0].toString() === 'aura');
  if (!pre) return null;
  const parent = await api.at(header.parentHash);
  if (!parent.query.aura) return null;
  const authorities = await parent.query.aura.authorities();
  if (!authorities.length) return null;
  const slot = parent.registry.createType('u64', pre.asPreRuntime[1].toU8a(true)).toBigInt();
  return parent.registry.createType('AccountId32', authorities[Number(slot % BigInt(authorities.length))].toU8a()).toString();
}

export async function decodeBlock(api: ApiPromise, hash: string): Promise<DecodedBlock> {
  // chain_getBlock is historic in @polkadot/rpc-core: its extrinsics decode with the registry of this block's spec version, as api.at does
  const [signed, at] = await Promise.all([api.rpc.chain.getBlock(hash), api.at(hash)]);
  const records = await at.query.system.events();
  const [version, author, domain] = await Promise.all([
    api.rpc.state.getRuntimeVersion(hash),
    auraAuthor(api, signed.block.header),
    decodeDomain(at, records, signed.block.header.number.toNumber()),
  ]);
  const { header, extrinsics } = signed.block;
  const registry = at.registry;
  const events: EventRow[] = records.map((r, index) => {
    const { event, phase } = r;
    const names = event.data.names;
    const data = names ? Object.fromEntries(names.map((n, i) => [n, plain(event.data[i])])) : event.data.map(plain);
    return {
      index, phase: phase.type, extrinsicIndex: phase.isApplyExtrinsic ? phase.asApplyExtrinsic.toNumber() : null,
      pallet: event.section, name: event.method, data,
    };
  });
  const ofExtrinsic = (i: number) => records.filter((r) => r.phase.isApplyExtrinsic && r.phase.asApplyExtrinsic.toNumber() === i).map((r) => r.event);
  let timestamp: Date | null = null;
  const rows: ExtrinsicRow[] = extrinsics.map((ext, index) => {
    const { section, method } = ext.method;
    if (section === 'timestamp' && method === 'set') timestamp = new Date(Number(ext.method.args[0].toString()));
    const evs = ofExtrinsic(index);
    const paid = evs.find((e) => e.section === 'transactionPayment' && e.method === 'TransactionFeePaid');
    const failed = evs.find((e) => e.section === 'system' && e.method === 'ExtrinsicFailed');
    const argNames = ext.method.meta.args.map((a) => a.name.toString());
    return {
      index, hash: ext.hash.toHex(), signer: ext.isSigned ? ext.signer.toString() : null,
      pallet: section, call: method,
      args: Object.fromEntries(ext.method.args.map((a, i) => [argNames[i], plain(a)])),
      fee: paid ? paid.data[1].toString() : null, tip: paid ? paid.data[2].toString() : null,
      success: !failed, error: failed ? dispatchErrorName(registry, failed.data[0] as DispatchError).name : null,
    };
  });
  const transfers: TransferRow[] = records.flatMap((r, eventIndex) => r.event.section === 'balances' && r.event.method === 'Transfer'
    ? [{
      eventIndex, extrinsicIndex: r.phase.isApplyExtrinsic ? r.phase.asApplyExtrinsic.toNumber() : null,
      from: r.event.data[0].toString(), to: r.event.data[1].toString(), amount: r.event.data[2].toString(),
    }]
    : []);
  return {
    block: {
      number: header.number.toNumber(), hash: header.hash.toHex(), parentHash: header.parentHash.toHex(),
      stateRoot: header.stateRoot.toHex(), extrinsicsRoot: header.extrinsicsRoot.toHex(), author, timestamp,
      specVersion: version.specVersion.toNumber(), extrinsicCount: extrinsics.length, eventCount: records.length,
    },
    extrinsics: rows, events, transfers, domain,
  };
}
