// The OpenAPI document is valid OpenAPI 3 (@apidevtools/swagger-parser), and every path and operation in it is requested by
// some test: each route, with {param} standing for any one path segment, must appear as a request path in a string or
// template literal of the indexer's test files (indexer/test/*.test.ts and the e2e test/indexer*.test.ts).
import { describe, expect, it } from 'vitest';
import SwaggerParser from '@apidevtools/swagger-parser';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OPENAPI } from '../src/openapi.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const testFiles = () => [
  ...readdirSync(join(ROOT, 'indexer/test')).filter((f) => f.endsWith('.test.ts')).map((f) => join(ROOT, 'indexer/test', f)),
  ...readdirSync(join(ROOT, 'test')).filter((f) => /^indexer.*\.test\.ts$/.test(f)).map((f) => join(ROOT, 'test', f)),
].filter((f) => !f.endsWith('openapi.test.ts'));

/** A request of `route` in test source: after a quote, backtick or `${base}`, ending at a quote, backtick or `?`. */
export const routeRequest = (route: string) =>
  new RegExp(`[\`'"}]${route.replace(/\./g, '\\.').replace(/\{\w+\}/g, '(?:\\$\\{[^}]*\\}|[^/?\'"\`\\s$])+')}[?'"\`]`);

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3 document', async () => {
    const doc = JSON.parse(JSON.stringify(OPENAPI));
    const api = await SwaggerParser.validate(doc);
    expect(api.info.title).toBe('SLMnet indexer');
    expect('openapi' in api && api.openapi).toBe('3.0.3');
  });

  it('refuses a broken copy (the validator is not a no-op)', async () => {
    const doc = JSON.parse(JSON.stringify(OPENAPI));
    doc.paths['/blocks'].get.responses[200].content['application/json'].schema.$ref = '#/components/schemas/Missing';
    await expect(SwaggerParser.validate(doc)).rejects.toThrow(/Missing/);
  });

  it('declares only GET operations, and each is requested by some test', () => {
    const sources = testFiles().map((f) => [f, readFileSync(f, 'utf8')] as const);
    expect(sources.length).toBeGreaterThan(5);
    for (const [route, ops] of Object.entries(OPENAPI.paths)) {
      expect([route, Object.keys(ops)]).toEqual([route, ['get']]);
      const re = routeRequest(route);
      const by = sources.filter(([, text]) => re.test(text)).map(([f]) => f.slice(ROOT.length + 1));
      expect([route, by.length > 0]).toEqual([route, true]);
    }
  });

  it('the route matcher matches requests and nothing else', () => {
    const re = routeRequest('/blocks/{id}');
    expect(re.test("get('/blocks/12')")).toBe(true);
    expect(re.test('ok(`/blocks/${hash}`)')).toBe(true);
    expect(re.test('fetch(`${api.url}/blocks/${n}?x=1`)')).toBe(true);
    expect(re.test("get('/blocks?limit=2')")).toBe(false);
    expect(re.test("get('/blocks/1/extra')")).toBe(false);
    expect(routeRequest('/blocks').test("get('/blocks/1')")).toBe(false);
    expect(routeRequest('/accounts/{address}/transfers').test('ok(`/accounts/${bob.address}/transfers`)')).toBe(true);
    expect(routeRequest('/openapi.json').test("'/openapiXjson'")).toBe(false);
  });
});
