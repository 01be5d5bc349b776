import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import type { AppEnv } from '../app.js';
import type { Runtime } from '../runtime.js';
import { ApiError } from '../http/errors.js';
import { readStatic } from '../http/static-files.js';
import { send } from '../http/respond.js';

const require = createRequire(import.meta.url);

/** The committed contracts, served byte for byte (a test compares `/openapi.json` with the file). */
export const OPENAPI_PATH = require.resolve('@spideriq/schema/openapi.json');
export const ASYNCAPI_PATH = require.resolve('@spideriq/schema/asyncapi.yaml');

/** The contracts, the compendium artifacts, the docs site at `/docs` and the playground at `/`. */
export function staticRoutes(runtime: Runtime): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const openapi = new Uint8Array(readFileSync(OPENAPI_PATH));
  const asyncapi = new Uint8Array(readFileSync(ASYNCAPI_PATH));

  routes.get('/openapi.json', (c) => send(c, 200, openapi, 'application/json; charset=utf-8'));
  routes.get('/asyncapi.yaml', (c) => send(c, 200, asyncapi, 'application/yaml; charset=utf-8'));

  routes.get('/artifacts/*', async (c) => {
    const key = c.req.path.slice('/artifacts/'.length).split('/').map(decodeURIComponent).join('/');
    const artifact = await runtime.storage.get(key);
    if (!artifact) throw new ApiError(404, 'Artifact not found');
    return send(c, 200, artifact.body as Uint8Array<ArrayBuffer>, artifact.contentType, {
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Content-Disposition': `inline; filename="${key.split('/').pop()}"`,
    });
  });

  routes.get('/docs', (c) => c.redirect('/docs/', 301));
  routes.get('/docs/*', async (c) => {
    const file = await readStatic(runtime.config.docsDir, c.req.path.slice('/docs'.length));
    if (!file) throw new ApiError(404, 'Docs page not found. Build the docs site with `pnpm run docs`.');
    return send(c, 200, file.body as Uint8Array<ArrayBuffer>, file.type);
  });

  routes.get('/*', async (c) => {
    if (c.req.path.startsWith('/api/')) throw new ApiError(404, 'Not Found');
    const file = (await readStatic(runtime.config.playgroundDir, c.req.path)) ?? (await readStatic(runtime.config.playgroundDir, '/'));
    if (!file) {
      return c.html(
        `<!doctype html><title>SpiderIQ</title><h1>SpiderIQ API</h1><p>The playground is not built (<code>pnpm build</code>). ` +
          `See <a href="/docs/">/docs</a>, <a href="/openapi.json">/openapi.json</a> and <a href="/api/v1/system/health">/api/v1/system/health</a>.</p>`,
      );
    }
    return send(c, 200, file.body as Uint8Array<ArrayBuffer>, file.type);
  });
  return routes;
}
