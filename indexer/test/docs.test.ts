// GET /docs: Swagger UI from the local swagger-ui-dist (no CDN), pointed at /openapi.json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../src/db.ts';
import { SWAGGER_UI_DIR } from '../src/docs.ts';
import { fixtureDb, serve, type TestServer } from './fixture.ts';

let db: Database;
let api: TestServer;
beforeAll(async () => {
  db = await fixtureDb();
  api = await serve(db);
});
afterAll(async () => {
  await api?.close();
  await db?.close();
});

describe('GET /docs', () => {
  it('serves the Swagger UI page, which loads only local assets', async () => {
    const r = await fetch(`${api.url}/docs`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await r.text();
    expect(html).toContain('<div id="swagger-ui"></div>');
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual(['/docs/swagger-ui.css', '/docs/favicon-32x32.png', '/docs/swagger-ui-bundle.js', '/docs/swagger-ui-standalone-preset.js', '/docs/slmnet-init.js']);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('serves each asset: the swagger-ui-dist 5.35.0 files, and an initializer pointed at /openapi.json', async () => {
    expect(JSON.parse(readFileSync(join(SWAGGER_UI_DIR, 'package.json'), 'utf8')).version).toBe('5.35.0');
    for (const [file, type] of [['swagger-ui.css', /^text\/css/], ['swagger-ui-bundle.js', /javascript/], ['swagger-ui-standalone-preset.js', /javascript/], ['favicon-32x32.png', /^image\/png/]] as const) {
      const r = await fetch(`${api.url}/docs/${file}`);
      expect([file, r.status]).toEqual([file, 200]);
      expect(r.headers.get('content-type')).toMatch(type);
      expect(Buffer.from(await r.arrayBuffer()).equals(readFileSync(join(SWAGGER_UI_DIR, file)))).toBe(true);
    }
    const init = await fetch(`${api.url}/docs/slmnet-init.js`);
    expect(init.headers.get('content-type')).toMatch(/javascript/);
    const js = await init.text();
    expect(js).toContain("url: '/openapi.json'");
    expect(js).toContain('SwaggerUIBundle(');
    expect((await fetch(`${api.url}/openapi.json`)).status).toBe(200);
  });

  it("does not serve the package's own petstore page or unknown files", async () => {
    for (const path of ['/docs/index.html', '/docs/swagger-initializer.js', '/docs/nope.js', '/docs/%2e%2e/package.json', '/docs/..%2fpackage.json']) {
      const r = await fetch(`${api.url}${path}`);
      expect([path, r.status]).toEqual([path, 404]);
    }
    expect((await (await fetch(`${api.url}/docs/`)).text())).toContain('swagger-ui-bundle.js');
  });
});
