// The OpenAPI 3 document: the one declaration of the API's routes and parameters (the server registers and validates from it).
export const MAX_LIMIT = 100;

export type Schema =
  | { type: 'integer'; minimum: number; maximum?: number; default?: number }
  | { type: 'boolean' }
  | { type: 'string'; pattern: string };

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
  responses: Record<string, { description: string; content?: { 'application/json': { schema: object } } }>;
}

const json = (description: string, ref = 'Object') => ({ description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
const errors = { 400: json('a bad parameter (named in error.param)', 'Error'), 404: json('unknown id or route', 'Error') };
const list = (summary: string, operationId: string, filters: Parameter[], extra: Parameter[] = []): Operation => ({
  operationId, summary,
  parameters: [
    { name: 'limit', in: 'query', description: `page size (larger values are clamped to ${MAX_LIMIT})`, schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 20 }, 'x-clamp': true },
    { name: 'offset', in: 'query', description: 'rows to skip', schema: { type: 'integer', minimum: 0, default: 0 } },
    ...extra, ...filters,
  ],
  responses: { 200: json('a page, newest first', 'Page'), ...errors },
});

const NAME = '^\\w{1,64}$';
const ADDRESS = '^(0x[0-9a-fA-F]{64}|[1-9A-HJ-NP-Za-km-z]{40,60})$';
const query = (name: string, description: string, schema: Schema): Parameter => ({ name, in: 'query', description, schema });
const path = (name: string, description: string, pattern: string): Parameter => ({ name, in: 'path', required: true, description, schema: { type: 'string', pattern } });

export const OPENAPI = {
  openapi: '3.0.3',
  info: { title: 'SLMnet indexer', version: '0.1.0', description: 'Blocks, extrinsics, events and transfers of an SLMnet chain. Errors are {"error":{"message","param"}}.' },
  paths: {
    '/health': { get: { operationId: 'health', summary: 'indexed height, chain head and finalized block, lag', parameters: [], responses: { 200: json('status') } } },
    '/openapi.json': { get: { operationId: 'openapi', summary: 'this document', parameters: [], responses: { 200: json('the OpenAPI document') } } },
    '/blocks': {
      get: list('blocks, newest first; page with offset or with cursor (the nextCursor of the previous page)', 'listBlocks', [],
        [query('cursor', 'return blocks below this number', { type: 'integer', minimum: 0 })]),
    },
    '/blocks/{id}': {
      get: { operationId: 'getBlock', summary: 'one block', parameters: [path('id', 'block number or 0x hash', '^(\\d{1,10}|0x[0-9a-fA-F]{64})$')], responses: { 200: json('the block'), ...errors } },
    },
    '/extrinsics': {
      get: list('extrinsics, newest first', 'listExtrinsics', [
        query('signer', 'SS58 address or 0x account id', { type: 'string', pattern: ADDRESS }),
        query('pallet', 'pallet as in the metadata, e.g. balances', { type: 'string', pattern: NAME }),
        query('call', 'call as in the metadata, e.g. transferKeepAlive', { type: 'string', pattern: NAME }),
        query('success', 'whether the dispatch succeeded', { type: 'boolean' }),
      ]),
    },
    '/extrinsics/{id}': {
      get: { operationId: 'getExtrinsic', summary: 'one extrinsic with its events', parameters: [path('id', '0x hash or <block>-<index>', '^(0x[0-9a-fA-F]{64}|\\d{1,10}-\\d{1,10})$')], responses: { 200: json('the extrinsic'), ...errors } },
    },
    '/events': {
      get: list('events, newest first', 'listEvents', [
        query('pallet', 'pallet as in the metadata, e.g. balances', { type: 'string', pattern: NAME }),
        query('name', 'event name, e.g. Transfer', { type: 'string', pattern: NAME }),
        query('block', 'block number', { type: 'integer', minimum: 0 }),
      ]),
    },
    '/accounts/{address}/transfers': {
      get: list('transfers from or to an account, newest first', 'accountTransfers', [path('address', 'SS58 address or 0x account id', ADDRESS)]),
    },
  } satisfies Record<string, { get: Operation }>,
  components: {
    schemas: {
      Object: { type: 'object' },
      Page: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { type: 'object' } }, nextCursor: { type: 'integer', nullable: true } } },
      Error: {
        type: 'object', required: ['error'],
        properties: { error: { type: 'object', required: ['message'], properties: { message: { type: 'string' }, param: { type: 'string' } } } },
      },
    },
  },
};

