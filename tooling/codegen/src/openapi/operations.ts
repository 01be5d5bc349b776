import type { ResponseConfig, RouteConfig, ZodContentObject } from '@asteasolutions/zod-to-openapi';
import { OPERATION_TAGS, operations } from '@spideriq/schema';
import type { DocumentedStatus, Operation, OperationResponse } from '@spideriq/schema';
import type { SeedExample } from '@spideriq/schema/examples';
import { streamEvents } from '../stream-events.js';
import { authenticatedErrors, formattedContent, rateLimitHeaders, ref } from './responses.js';

/** The tags of the document, in display order, with their descriptions. */
export const TAGS = OPERATION_TAGS;

/** Named examples of a response, keyed for the `examples` map. */
type NamedExamples = Record<string, { summary: string; value: unknown }>;

function examplesFor(seed: readonly SeedExample[], status: number): NamedExamples {
  const picked = seed.filter((example) => example.status === status);
  if (picked.length === 0) throw new Error(`the seed has no ${status} example`);
  return Object.fromEntries(picked.map((example) => [exampleKey(example.name), { summary: example.name, value: example.body }]));
}

/** `SpiderSite - Full CHAMP` → `spiderSiteFullChamp`: a key that is a valid component-like name. */
export function exampleKey(name: string): string {
  const words = name.replace(/\([^)]*\)/g, ' ').split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((word, i) => (i === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())).join('');
}

/** The event-stream body: a string whose `contentSchema` is one event's `data:` JSON, by `event`. */
function eventStreamContent(example: unknown): ZodContentObject {
  const events = streamEvents();
  return {
    'text/event-stream': {
      schema: {
        type: 'string',
        contentMediaType: 'text/event-stream',
        description:
          'Server-sent events. `contentSchema` is the JSON of one event’s `data:` line, discriminated by `event`; the AsyncAPI document describes every message.',
        contentSchema: {
          oneOf: events.map((e) => ref('schemas', e.component)),
          discriminator: { propertyName: 'event', mapping: Object.fromEntries(events.map((e) => [e.event, ref('schemas', e.component).$ref])) },
        },
      } as never,
      ...(example === undefined ? {} : { example }),
    },
  };
}

function responseConfig(operation: Operation, status: DocumentedStatus, response: OperationResponse, seed: readonly SeedExample[]): ResponseConfig | { $ref: string } {
  if (response.shared) return ref('responses', response.shared);
  const withExamples = {
    ...(response.examples === 'seed' ? { examples: examplesFor(seed, status) } : {}),
    ...(response.example !== undefined ? { example: response.example } : {}),
  };
  const media = response.media ?? 'json';
  const content: ZodContentObject =
    media === 'event-stream'
      ? eventStreamContent(response.example)
      : media === 'formatted'
        ? formattedContent(response.schema, withExamples)
        : { 'application/json': { schema: response.schema, ...withExamples } };
  return {
    description: response.description,
    ...(operation.auth === 'public' ? {} : { headers: rateLimitHeaders() }),
    content,
  };
}

/**
 * The OpenAPI route of one table entry. What the table implies is added here: an authenticated
 * operation documents 401/403/422/429 (and rate-limit headers), a body 413, a public operation with a
 * query 422.
 */
function routeOf(operation: Operation, seed: readonly SeedExample[]): RouteConfig {
  const responses: RouteConfig['responses'] = {};
  for (const [code, response] of Object.entries(operation.responses)) {
    if (response) responses[code] = responseConfig(operation, Number(code) as DocumentedStatus, response, seed) as ResponseConfig;
  }
  if (operation.body) responses['413'] = ref('responses', 'PayloadTooLarge') as never;
  if (operation.auth === 'public') {
    if (operation.query) responses['422'] = ref('responses', 'InvalidFormat') as never;
  } else {
    Object.assign(responses, authenticatedErrors());
  }
  const request: RouteConfig['request'] = {
    ...(operation.params ? { params: operation.params } : {}),
    ...(operation.query ? { query: operation.query } : {}),
    ...(operation.body ? { body: { required: true, content: { 'application/json': { schema: operation.body } } } } : {}),
  };
  return {
    method: operation.method,
    path: operation.path,
    operationId: operation.operationId,
    tags: [operation.tag],
    summary: operation.summary,
    description: operation.description,
    ...(operation.auth === 'public' ? { security: [] } : operation.auth === 'bearer-or-query' ? { security: [{ sseToken: [] }] } : {}),
    ...(Object.keys(request).length ? { request } : {}),
    responses,
  };
}

/**
 * Every operation of the table (`@spideriq/schema`'s `operations`) as an OpenAPI route. `seed` supplies
 * the named examples of the results operation (the contract's published examples in
 * `packages/schema/examples/`).
 */
export function coreOperations(seed: readonly SeedExample[]): RouteConfig[] {
  return Object.values(operations).map((operation) => routeOf(operation as Operation, seed));
}
