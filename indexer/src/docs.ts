// GET /docs: Swagger UI (swagger-ui-dist, served from node_modules, no CDN) pointed at /openapi.json.
import express from 'express';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/** The directory of the installed swagger-ui-dist package. */
export const SWAGGER_UI_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** Static Swagger UI assets under /docs/ (its own index page and its petstore initializer are not served). */
export function docsAssets(): express.RequestHandler {
  const serve = express.static(SWAGGER_UI_DIR, { index: false, fallthrough: true, maxAge: '1h' });
  return (req, res, next) => {
    if (req.path === '/slmnet-init.js') { res.type('text/javascript').send(DOCS_INIT); return; }
    if (/^\/(index\.html|swagger-initializer\.js)$/.test(req.path) || req.path === '/') return next();
    serve(req, res, next);
  };
}

export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>SLMnet indexer API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/swagger-ui-standalone-preset.js"></script>
  <script src="/docs/slmnet-init.js"></script>
</body>
</html>
`;

/** The initializer, served as a file so that a Content-Security-Policy without inline scripts still works. */
export const DOCS_INIT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
});
`;
