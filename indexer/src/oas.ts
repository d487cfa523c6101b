// Building blocks of the OpenAPI document (types, responses, list operations, parameters), shared by its chain and domain parts.
import { sortParameter, type SortSpec } from './sort.ts';

export const MAX_LIMIT = 100;

export type Schema =
  | { type: 'integer'; minimum: number; maximum?: number; default?: number }
  | { type: 'boolean' }
  | { type: 'string'; pattern: string }
  | { type: 'string'; enum: string[]; default?: string };

export interface Parameter {
  name: string;
  in: 'query' | 'path';
  required?: boolean;
  description: string;
  schema: Schema;
  /** Values above `maximum` are clamped to it rather than refused (page sizes). */
  'x-clamp'?: boolean;
}

export interface Operation {
  operationId: string;
  summary: string;
  parameters: Parameter[];
  responses: Record<string, { description: string; headers?: Record<string, object>; content?: Record<string, { schema: object }> }>;
}

export const json = (description: string, ref = 'Object') => ({ description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
export const limited = {
  429: { ...json('too many requests from this address', 'Error'), headers: { 'Retry-After': { description: 'seconds until the limit resets', schema: { type: 'integer' } } } },
};
export const errors = { 400: json('a bad parameter (named in error.param)', 'Error'), 404: json('unknown id or route', 'Error'), ...limited };
export const list = (summary: string, operationId: string, filters: Parameter[], extra: Parameter[] = [], sort?: SortSpec): Operation => ({
  operationId, summary,
  parameters: [
    { name: 'limit', in: 'query', description: `page size (larger values are clamped to ${MAX_LIMIT})`, schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 20 }, 'x-clamp': true },
    { name: 'offset', in: 'query', description: 'rows to skip', schema: { type: 'integer', minimum: 0, default: 0 } },
    ...extra, ...(sort ? [sortParameter(sort)] : []), ...filters,
  ],
  responses: { 200: json('a page, newest first', 'Page'), ...errors },
});

export const NAME = '^\\w{1,64}$';
export const ADDRESS = '^(0x[0-9a-fA-F]{64}|[1-9A-HJ-NP-Za-km-z]{40,60})$';
export const query = (name: string, description: string, schema: Schema): Parameter => ({ name, in: 'query', description, schema });
export const path = (name: string, description: string, pattern: string): Parameter => ({ name, in: 'path', required: true, description, schema: { type: 'string', pattern } });

