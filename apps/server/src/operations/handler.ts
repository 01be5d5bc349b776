import type { Context } from 'hono';
import type { Format, Operation, OperationId, OperationInput, operations } from '@spideriq/schema';
import type { ClientRecord } from '@spideriq/jobs';
import type { AppEnv } from '../app.js';

/** What a handler answers: a status of its operation and a body its schema describes, or a ready Response. */
export interface Reply {
  status: number;
  body: unknown;
  /** Extra response headers (the request id and rate-limit headers are added anyway). */
  headers?: Record<string, string>;
}

/** The parsed request a handler of `T` receives. */
export interface HandlerRequest<T extends Operation> extends OperationInput<T> {
  /** The authenticated client (`public` operations have none). */
  client: T['auth'] extends 'public' ? null : ClientRecord;
  /** The negotiated `?format=` (json where the operation offers no other). */
  format: Format;
  /** The Hono context, for streaming answers and request headers. */
  c: Context<AppEnv>;
}

/** The handler of one operation. */
export type OperationHandler<T extends Operation> = (request: HandlerRequest<T>) => Reply | Response | Promise<Reply | Response>;

/** One handler per operation of the table: the compiler refuses a missing or unknown one. */
export type Handlers = { [K in OperationId]: OperationHandler<(typeof operations)[K]> };
