// The `sort` query parameter of list operations: declared per list in the OpenAPI document as an enum of allowed values
// (`field` ascending, `-field` descending), validated like any parameter, and turned into an ORDER BY from the declaration
// only (the request's value selects one of the declared clauses; no request text reaches the SQL).
import type { Parameter } from './oas.ts';

export interface SortSpec {
  /** Sort field (as named in the responses) → the SQL expressions it orders by, most significant first. */
  fields: Record<string, string[]>;
  /** Columns that identify a row, appended as tie-breaks (same direction) so that pages are stable. */
  unique: string[];
  /** The value used when `sort` is absent, e.g. `-number`. */
  default: string;
  /** Columns that can be NULL: sorted NULLS LAST in both directions. Only these: a DESC NULLS LAST on any other column
   * would stop PostgreSQL from reading a plain (NULLS FIRST when descending) index in order, and sort the whole table. */
  nullable?: string[];
}

const IDENT = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

/** A checked sort declaration: every expression is a plain (optionally qualified) column name and the default is one of its values. */
export function defineSort(spec: SortSpec): SortSpec {
  for (const col of [...Object.values(spec.fields).flat(), ...spec.unique]) {
    if (!IDENT.test(col)) throw new Error(`sort column ${JSON.stringify(col)} is not a plain column name`);
  }
  if (!sortValues(spec).includes(spec.default)) throw new Error(`sort default ${spec.default} is not one of its fields`);
  return spec;
}

/** The allowed values: each field ascending and descending (`-field`). */
export function sortValues(spec: SortSpec): string[] {
  return Object.keys(spec.fields).flatMap((f) => [f, `-${f}`]);
}

/** The OpenAPI `sort` query parameter of a list: an enum of the allowed values with the default. */
export function sortParameter(spec: SortSpec): Parameter {
  return {
    name: 'sort', in: 'query',
    description: `order of the items: a field, ascending, or -field, descending (default ${spec.default}); ties are broken by ${spec.unique.join(', ')}`,
    schema: { type: 'string', enum: sortValues(spec), default: spec.default },
  };
}

/** `ORDER BY …` for a validated `sort` value (the default when undefined); throws on a value the spec does not declare. */
export function orderBy(spec: SortSpec, value: unknown = spec.default): string {
  const v = String(value);
  const desc = v.startsWith('-');
  const cols = spec.fields[desc ? v.slice(1) : v];
  if (!cols || !Object.hasOwn(spec.fields, desc ? v.slice(1) : v)) throw new Error(`sort value ${JSON.stringify(v)} is not declared`);
  const all = [...cols, ...spec.unique.filter((c) => !cols.includes(c))];
  return `ORDER BY ${all.map((c) => `${c} ${desc ? 'DESC' : 'ASC'}${spec.nullable?.includes(c) ? ' NULLS LAST' : ''}`).join(', ')}`;
}

/** Whether `value` sorts descending. */
export const descending = (value: unknown): boolean => String(value).startsWith('-');
