import type { Hono, MiddlewareHandler } from 'hono';
import type { Format, Operation } from '@spideriq/schema';
import { operations, routePath } from '@spideriq/schema';
import type { AppEnv } from '../app.js';
import type { Runtime } from '../runtime.js';
import { authenticate } from '../http/authenticate.js';
import { readBody } from '../http/body.js';
import { notFound, validationError } from '../http/errors.js';
import { requestedFormat, respond } from '../http/respond.js';
import type { Handlers, OperationHandler } from './handler.js';

/** True when any answer of the operation is negotiated with `?format=`. */
const offersFormats = (operation: Operation) => Object.values(operation.responses).some((r) => r?.media === 'formatted');

/**
 * Registers every operation of the table on `app`: authentication from its `auth`, then the path (a
 * value its schema refuses names no resource: 404), the query and the body parsed with its schemas
 * (422 in FastAPI's shape), the handler, and the answer rendered in the negotiated format with the
 * schema the table gives for that status. Returns the routes registered, for the parity test.
 */
export function registerOperations(app: Hono<AppEnv>, runtime: Runtime, handlers: Handlers): Array<{ method: string; path: string; operationId: string }> {
  const bearer = authenticate(runtime);
  const bearerOrQuery = authenticate(runtime, { allowQueryToken: true });
  const registered: Array<{ method: string; path: string; operationId: string }> = [];
  for (const [operationId, operation] of Object.entries(operations) as Array<[keyof Handlers, Operation]>) {
    const handler = handlers[operationId] as OperationHandler<Operation> | undefined;
    if (!handler) throw new Error(`operation ${operationId} has no handler`);
    const negotiated = offersFormats(operation);
    const middleware: MiddlewareHandler<AppEnv>[] =
      operation.auth === 'bearer' ? [bearer] : operation.auth === 'bearer-or-query' ? [bearerOrQuery] : [];
    const path = routePath(operation.path);
    app.on(operation.method.toUpperCase(), [path], ...middleware, async (c) => {
      const format: Format = negotiated ? requestedFormat(c) : 'json';
      let params: unknown = {};
      if (operation.params) {
        const parsed = operation.params.safeParse(c.req.param());
        if (!parsed.success) throw notFound();
        params = parsed.data;
      }
      let query: unknown = {};
      if (operation.query) {
        const parsed = operation.query.safeParse(c.req.query());
        if (!parsed.success) throw validationError(parsed.error, 'query');
        query = parsed.data;
      }
      let body: unknown;
      if (operation.body) {
        const parsed = operation.body.safeParse(await readBody(c));
        if (!parsed.success) throw validationError(parsed.error, 'body');
        body = parsed.data;
      }
      const client = operation.auth === 'public' ? null : c.get('client');
      const reply = await handler({ params, query, body, client, format, c } as never);
      if (reply instanceof Response) return reply;
      const response = operation.responses[reply.status as keyof Operation['responses']];
      if (!response) throw new Error(`${operationId} answered ${reply.status}, which the operation table does not document`);
      return respond(c, reply.status, reply.body, response.schema, response.media === 'formatted' ? format : 'json', reply.headers);
    });
    registered.push({ method: operation.method.toUpperCase(), path, operationId });
  }
  return registered;
}
