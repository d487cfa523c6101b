// Assigns portable type ids (scale-info PortableRegistry) to self-describing types.
import type { Ty, TypeDef } from './types.ts';

export interface LookupEntry {
  id: number;
  path: string[];
  params: { name: string; type: number | undefined }[];
  def: any; // @polkadot-api/substrate-bindings metadata lookup def
  docs: string[];
}

/**
 * Named types are identified by path + type params (like Rust type identity);
 * anonymous ones by structure, so `vec(u8)` declared twice gets one id.
 */
export class TypeRegistry {
  readonly entries: LookupEntry[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly byTy = new Map<Ty<any>, number>();

  id(ty: Ty<any>): number {
    const known = this.byTy.get(ty);
    if (known !== undefined) return known;
    const key = this.key(ty);
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.entries.length;
      this.byKey.set(key, id);
      const entry: LookupEntry = { id, path: ty.path, params: [], def: undefined, docs: ty.docs };
      this.entries.push(entry);
      // reserve first: children may refer back to us
      entry.params = ty.params.map((p) => ({ name: p.name, type: p.ty ? this.id(p.ty) : undefined }));
      entry.def = this.portableDef(ty.def());
    }
    this.byTy.set(ty, id);
    return id;
  }

  private key(ty: Ty<any>): string {
    if (ty.path.length > 0) {
      return `${ty.path.join('::')}<${ty.params.map((p) => (p.ty ? this.id(p.ty) : '_')).join(',')}>`;
    }
    const d = ty.def();
    switch (d.kind) {
      case 'primitive': return d.prim;
      case 'compact': return `Compact<${this.id(d.inner)}>`;
      case 'sequence': return `Vec<${this.id(d.inner)}>`;
      case 'array': return `[${this.id(d.inner)};${d.len}]`;
      case 'tuple': return `(${d.items.map((t) => this.id(t)).join(',')})`;
      default: throw new Error('anonymous composite/variant types need a path');
    }
  }

  private portableDef(d: TypeDef): any {
    const fields = (fs: { name?: string; ty: Ty<any>; typeName?: string; docs?: string[] }[]) =>
      fs.map((f) => ({ name: f.name, type: this.id(f.ty), typeName: f.typeName, docs: f.docs ?? [] }));
    switch (d.kind) {
      case 'primitive': return { tag: 'primitive', value: { tag: d.prim, value: undefined } };
      case 'compact': return { tag: 'compact', value: this.id(d.inner) };
      case 'sequence': return { tag: 'sequence', value: this.id(d.inner) };
      case 'array': return { tag: 'array', value: { len: d.len, type: this.id(d.inner) } };
      case 'tuple': return { tag: 'tuple', value: d.items.map((t) => this.id(t)) };
      case 'composite': return { tag: 'composite', value: fields(d.fields) };
      case 'variant': return {
        tag: 'variant',
        value: d.variants.map((v) => ({ name: v.name, index: v.index, fields: fields(v.fields), docs: v.docs ?? [] })),
      };
    }
  }
}
