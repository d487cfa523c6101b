// Metadata V14 and V15 built from the pallet declarations, encoded with
// @polkadot-api/substrate-bindings (byte-identical to frame-metadata).
import { metadata as metadataCodec } from '@polkadot-api/substrate-bindings';
import * as T from './codec/types.ts';
import { TypeRegistry } from './codec/registry.ts';
import { toHex } from './crypto.ts';
import { ExtraTy, SIGNED_EXTENSIONS, UncheckedExtrinsicTy } from './extrinsic.ts';
import type { AnyPallet } from './framework/pallet.ts';
import { hasherTag, type AnyItem } from './framework/storage.ts';
import { MultiAddress, MultiSignature } from './primitives.ts';

export interface ApiMethod { name: string; inputs: { name: string; ty: T.Ty<any> }[]; output: T.Ty<any>; docs?: string[] }
export interface ApiDecl { name: string; version: number; methods: ApiMethod[]; docs?: string[] }

export interface MetadataInput {
  pallets: AnyPallet[];
  RuntimeCall: T.Ty<any>;
  RuntimeEvent: T.Ty<any>;
  RuntimeError: T.Ty<any>;
  Runtime: T.Ty<any>;
  apis: ApiDecl[];
}

export const MAGIC = 0x6174656d; // "meta" as a little-endian u32

export function buildMetadata(input: MetadataInput, version: 14 | 15): Uint8Array {
  const reg = new TypeRegistry();
  const pallets = [...input.pallets].sort((a, b) => a.index - b.index).map((p) => palletMeta(reg, p, version));
  const extrinsicType = reg.id(UncheckedExtrinsicTy);
  const signedExtensions = SIGNED_EXTENSIONS.map((e) => ({ identifier: e.identifier, type: reg.id(e.ty), additionalSigned: reg.id(e.additional) }));
  const runtimeType = reg.id(input.Runtime);
  let body: any;
  if (version === 14) {
    body = { lookup: [], pallets, extrinsic: { type: extrinsicType, version: 4, signedExtensions }, type: runtimeType, apis: [] };
  } else {
    const apis = input.apis.map((a) => ({
      name: a.name, docs: a.docs ?? [],
      methods: a.methods.map((m) => ({ name: m.name, inputs: m.inputs.map((i) => ({ name: i.name, type: reg.id(i.ty) })), output: reg.id(m.output), docs: m.docs ?? [] })),
    }));
    body = {
      lookup: [], pallets,
      extrinsic: {
        version: 4, address: reg.id(MultiAddress), call: reg.id(input.RuntimeCall), signature: reg.id(MultiSignature),
        extra: reg.id(ExtraTy), signedExtensions,
      },
      type: runtimeType, apis,
      outerEnums: { call: reg.id(input.RuntimeCall), event: reg.id(input.RuntimeEvent), error: reg.id(input.RuntimeError) },
      custom: [],
    };
  }
  body.lookup = reg.entries;
  return metadataCodec.enc({ magicNumber: MAGIC, metadata: { tag: version === 14 ? 'v14' : 'v15', value: body } } as any);
}

function palletMeta(reg: TypeRegistry, p: AnyPallet, version: 14 | 15) {
  const items = Object.values(p.storage as Record<string, AnyItem>).map((item) => {
    const m = item.meta();
    const type = m.keyTy
      ? { tag: 'map', value: { hashers: m.hashers.map((h) => ({ tag: hasherTag(h), value: undefined })), key: reg.id(m.keyTy), value: reg.id(m.valueTy) } }
      : { tag: 'plain', value: reg.id(m.valueTy) };
    return { name: m.name, modifier: m.optional ? 0 : 1, type, fallback: toHex(m.fallback), docs: m.docs };
  });
  const constants = Object.entries(p.def.constants ?? {}).map(([name, c]) => ({
    name, type: reg.id(c.ty), value: toHex(c.ty.codec.enc(c.value)), docs: c.docs ?? [],
  }));
  return {
    name: p.name,
    storage: items.length ? { prefix: p.name, items } : undefined,
    calls: p.callTy ? reg.id(p.callTy) : undefined,
    events: p.eventTy ? reg.id(p.eventTy) : undefined,
    constants,
    errors: p.errorTy ? reg.id(p.errorTy) : undefined,
    index: p.index,
    docs: version === 15 ? (p.def.docs ?? []) : [],
  };
}
