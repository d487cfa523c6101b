// The OpenAPI 3 document: the one declaration of the API's routes and parameters (the server registers and validates from it).
import { DOMAIN_PATHS } from './domain-api.ts';
import { ADDRESS, errors, json, limited, list, NAME, path, query, type Operation } from './oas.ts';
import { defineSort } from './sort.ts';

export { MAX_LIMIT, type Operation, type Parameter, type Schema } from './oas.ts';

/** The `sort` values of the chain lists (see sort.ts); the unique key breaks ties. */
export const BLOCK_SORT = defineSort({
  fields: { number: ['number'], timestamp: ['timestamp'], extrinsic_count: ['extrinsic_count'], event_count: ['event_count'] },
  unique: ['number'], default: '-number', nullable: ['timestamp'],
});
export const EXTRINSIC_SORT = defineSort({ fields: { block_number: ['block_number'], fee: ['fee'], pallet: ['pallet', 'call'] }, unique: ['block_number', 'index'], default: '-block_number', nullable: ['fee'] });
export const EVENT_SORT = defineSort({ fields: { block_number: ['block_number'], pallet: ['pallet', 'name'] }, unique: ['block_number', 'index'], default: '-block_number' });

export const OPENAPI = {
  openapi: '3.0.3',
  info: { title: 'SLMnet indexer', version: '0.1.0', description: 'Blocks, extrinsics, events and transfers of an SLMnet chain, its datanets, contributions, models, inferences, attributions, earnings, nodes and rewards, and aggregates for charts. Errors are {"error":{"message","param"}}.' },
  paths: {
    '/health': { get: { operationId: 'health', summary: 'indexed height, chain head and finalized block, lag', parameters: [], responses: { 200: json('status'), ...limited } } },
    '/openapi.json': { get: { operationId: 'openapi', summary: 'this document', parameters: [], responses: { 200: json('the OpenAPI document'), ...limited } } },
    '/docs': {
      get: { operationId: 'docs', summary: 'interactive documentation of this API (Swagger UI)', parameters: [], responses: { 200: { description: 'Swagger UI', content: { 'text/html': { schema: { type: 'string' } } } }, ...limited } },
    },
    '/search': {
      get: {
        operationId: 'search',
        summary: 'find blocks, extrinsics, accounts, datanets, models, contributions, inferences and nodes by number, hash, address, id or name prefix',
        parameters: [{
          name: 'q', in: 'query', required: true,
          description: 'a block number or hash, an extrinsic hash or <block>-<index>, an SS58 address or 0x account id, an id (narrowed by datanet:, model:, contribution:, inference:, node:, block:, extrinsic:, account:), a content/input/output hash, or the start of a datanet or model name; 1 to 128 characters',
          schema: { type: 'string', pattern: '^.{1,128}$' },
        }],
        responses: { 200: json('matches, exact ones first (empty when nothing matches)', 'SearchResult'), ...errors },
      },
    },
    '/live': {
      get: {
        operationId: 'live',
        summary: 'Server-Sent Events: `block` (number, hash, extrinsicCount, eventCount, transfers) after each stored block, `finalized` (number) when finality advances, `rollback` (from) when a retracted fork is deleted; a `: heartbeat` comment every 15 s',
        parameters: [],
        responses: {
          200: { description: 'an event stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
          503: json('too many open streams', 'Error'), ...limited,
        },
      },
    },
    '/blocks': {
      get: list('blocks, newest first; page with offset or with cursor (the nextCursor of the previous page)', 'listBlocks', [],
        [query('cursor', 'return blocks below this number (above it with sort=number; only with sort number or -number)', { type: 'integer', minimum: 0 })], BLOCK_SORT),
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
        query('block', 'block number', { type: 'integer', minimum: 0 }),
      ], [], EXTRINSIC_SORT),
    },
    '/extrinsics/{id}': {
      get: { operationId: 'getExtrinsic', summary: 'one extrinsic with its events', parameters: [path('id', '0x hash or <block>-<index>', '^(0x[0-9a-fA-F]{64}|\\d{1,10}-\\d{1,10})$')], responses: { 200: json('the extrinsic'), ...errors } },
    },
    '/events': {
      get: list('events, newest first', 'listEvents', [
        query('pallet', 'pallet as in the metadata, e.g. balances', { type: 'string', pattern: NAME }),
        query('name', 'event name, e.g. Transfer', { type: 'string', pattern: NAME }),
        query('block', 'block number', { type: 'integer', minimum: 0 }),
      ], [], EVENT_SORT),
    },
    '/accounts/{address}/transfers': {
      get: list('transfers from or to an account, newest first', 'accountTransfers', [path('address', 'SS58 address or 0x account id', ADDRESS)]),
    },
    ...DOMAIN_PATHS,
  } satisfies Record<string, { get: Operation }>,
  components: {
    schemas: {
      Object: { type: 'object' },
      SearchResult: {
        type: 'object', required: ['items'],
        properties: {
          items: {
            type: 'array',
            items: {
              type: 'object', required: ['kind', 'id', 'label', 'match'],
              properties: {
                kind: { type: 'string', enum: ['block', 'extrinsic', 'account', 'datanet', 'model', 'contribution', 'inference', 'node'] },
                id: { type: 'string' }, label: { type: 'string' }, match: { type: 'string' },
              },
            },
          },
        },
      },
      Page: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { type: 'object' } }, nextCursor: { type: 'integer', nullable: true } } },
      Error: {
        type: 'object', required: ['error'],
        properties: { error: { type: 'object', required: ['message'], properties: { message: { type: 'string' }, param: { type: 'string' } } } },
      },
    },
  },
};

