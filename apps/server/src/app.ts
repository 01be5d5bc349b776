import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { HttpErrorSchema, ValidationErrorSchema } from '@spideriq/schema';
import type { ClientRecord } from '@spideriq/jobs';
import { ApiError, isServiceUnavailable } from './http/errors.js';
import { requestedFormat, respond } from './http/respond.js';
import type { Runtime } from './runtime.js';
import { jobHandlers } from './handlers/jobs.js';
import { systemHandlers } from './handlers/system.js';
import { eventHandlers } from './handlers/events.js';
import { registerOperations } from './operations/register.js';
import { staticRoutes } from './routes/static.js';
import { mcpRoutes } from './routes/mcp.js';
import { webhookHandlers } from './handlers/webhooks.js';

/** Per-request values the middleware sets. */
export interface AppEnv {
  Variables: {
    client: ClientRecord;
    requestId: string;
    /** Headers every answer to this request carries (request id, rate limits); see `send`. */
    headers: Record<string, string>;
  };
}

/**
 * The HTTP application: routes over the runtime. All error-to-HTTP mapping happens here, in `onError`,
 * so a route never builds an error body itself, and nothing a client sends can produce a 5xx.
 */
export function createApp(runtime: Runtime): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const { logger } = runtime;

  app.use('*', async (c, next) => {
    const requestId = /^[\w-]{1,64}$/.test(c.req.header('x-request-id') ?? '') ? c.req.header('x-request-id')! : randomUUID();
    c.set('requestId', requestId);
    c.set('headers', { 'X-Request-Id': requestId });
    if (!runtime.logRequests) return next();
    const started = performance.now();
    await next();
    logger.debug({ requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });

  // Every API route comes from the operation table in @spideriq/schema, one handler per operation.
  registerOperations(app, runtime, { ...jobHandlers(runtime), ...systemHandlers(runtime), ...eventHandlers(runtime), ...webhookHandlers(runtime) });
  // Not REST: the MCP endpoint (Streamable HTTP), whose tools call the operations above in-process.
  app.route('/mcp', mcpRoutes(runtime, (request) => app.fetch(request)));
  app.route('/', staticRoutes(runtime));

  app.notFound((c) => errorResponse(c, new ApiError(404, 'Not Found')));
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    if (isServiceUnavailable(error)) {
      logger.warn({ err: error, requestId: c.get('requestId'), path: c.req.path }, 'database unavailable');
      return errorResponse(c, new ApiError(503, 'The database is unavailable; retry shortly', { 'Retry-After': '5' }));
    }
    logger.error({ err: error, requestId: c.get('requestId'), path: c.req.path }, 'unhandled error');
    return errorResponse(c, new ApiError(500, 'Internal server error'));
  });
  return app;
}

function errorResponse(c: Context<AppEnv>, error: ApiError): Response {
  const extra = error.status === 401 ? { ...error.headers, 'WWW-Authenticate': 'Bearer' } : error.headers;
  if (!c.get('headers')) c.set('headers', {});
  let format: ReturnType<typeof requestedFormat> = 'json';
  try {
    if (c.req.method === 'GET') format = requestedFormat(c);
  } catch {
    format = 'json';
  }
  const schema = typeof error.detail === 'string' ? HttpErrorSchema : ValidationErrorSchema;
  return respond(c, error.status, { detail: error.detail }, schema, format, extra);
}
