import type { z } from 'zod';

/** HTTP methods the API uses. */
export type HttpMethod = 'get' | 'post' | 'delete';

/**
 * Who may call an operation: `bearer` needs `Authorization: Bearer …` (and is rate limited),
 * `bearer-or-query` also takes the token as `?token=` (the event stream: EventSource cannot send
 * headers), `public` needs nothing.
 */
export type OperationAuth = 'bearer' | 'bearer-or-query' | 'public';

/**
 * How a response body is sent: `json`; `formatted` (JSON, YAML or Markdown chosen by `?format=`);
 * `event-stream` (server-sent events).
 */
export type MediaKind = 'json' | 'formatted' | 'event-stream';

/** The error responses documented once and shared by name. */
export type SharedResponseName = 'JobNotFound';

/** The tags operations are grouped under, in display order. */
export const OPERATION_TAGS = [
  { name: 'Jobs', description: 'Submit any job type, poll its status, fetch its results, list and cancel jobs.' },
  { name: 'SpiderSite', description: 'Crawl a website: contacts, 14 social profiles, a markdown compendium and optional AI analysis.' },
  { name: 'SpiderMaps', description: 'Search business listings: name, address, phone, rating, hours, coordinates.' },
  { name: 'System', description: 'Public health, queue statistics and server information. No token needed.' },
  { name: 'Events', description: 'Server-sent job events. The full message catalogue is in the AsyncAPI document.' },
  {
    name: 'Webhooks',
    description:
      'Extension: signed push delivery. Give `webhook_url` (and optionally `webhook_events`) when submitting; the job’s terminal event is POSTed there, signed per Standard Webhooks with your secret, and retried with backoff until a 2xx.',
  },
] as const;

/** One tag name. */
export type OperationTag = (typeof OPERATION_TAGS)[number]['name'];

/** One documented answer of an operation. */
export interface OperationResponse {
  description: string;
  /** The body's model (an event stream's is the model of one event's `data:` line). */
  schema: z.ZodType;
  /** Default `json`. */
  media?: MediaKind;
  /** `seed`: the contract's published examples of this status are this response's named examples. */
  examples?: 'seed';
  /** One example body. */
  example?: unknown;
  /** Documented once under this shared name instead of inline. */
  shared?: SharedResponseName;
}

/** The statuses an operation may document itself (401/403/413/422/429 follow from auth and body). */
export type DocumentedStatus = 200 | 201 | 202 | 400 | 404 | 410 | 503;

/**
 * One operation of the API: everything the OpenAPI document and the server's routes need. Codegen
 * renders it; the server registers it, parses its inputs with these schemas and renders its answers
 * with them.
 */
export interface Operation {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI template, e.g. `/api/v1/jobs/{job_id}/status`. */
  path: string;
  tag: OperationTag;
  summary: string;
  description: string;
  auth: OperationAuth;
  /**
   * Path parameters. A value that fails this schema names no resource: the server answers 404, and the
   * document's `pattern`/`format` says which values can name one.
   */
  params?: z.ZodObject;
  /** Query parameters (strings on the wire). */
  query?: z.ZodObject;
  /** The JSON (or YAML) request body. */
  body?: z.ZodType;
  responses: Partial<Record<DocumentedStatus, OperationResponse>>;
}

/** Declares an operation, keeping its literal types for the server's typed handlers. */
export function defineOperation<const T extends Operation>(operation: T): T {
  return operation;
}

/** The parsed inputs a handler of `T` receives. */
export interface OperationInput<T extends Operation> {
  params: T['params'] extends z.ZodObject ? z.output<T['params']> : Record<string, never>;
  query: T['query'] extends z.ZodObject ? z.output<T['query']> : Record<string, never>;
  body: T['body'] extends z.ZodType ? z.output<T['body']> : undefined;
}

/** The Hono/Express-style route of an OpenAPI path template: `{job_id}` → `:job_id`. */
export function routePath(path: string): string {
  return path.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, ':$1');
}
