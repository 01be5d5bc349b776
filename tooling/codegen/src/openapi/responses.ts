import type { ResponseConfig, ZodContentObject, ZodMediaTypeObject } from '@asteasolutions/zod-to-openapi';
import { INVALID_TOKEN_DETAIL } from '@spideriq/schema';
import type { ZodType } from 'zod';

/** A `$ref` to a component of the given kind. */
export function ref(kind: 'schemas' | 'responses' | 'headers' | 'parameters', name: string): { $ref: string } {
  return { $ref: `#/components/${kind}/${name}` };
}

/** The rate-limit headers (spideriq-api.md §2.4), defined once in `components.headers`. */
export const RATE_LIMIT_HEADERS = {
  'X-RateLimit-Limit': {
    description: 'Requests allowed per minute for this client (default 100, with a burst of 20).',
    schema: { type: 'integer', minimum: 0 },
    example: 100,
  },
  'X-RateLimit-Remaining': {
    description: 'Requests left in the current window.',
    schema: { type: 'integer', minimum: 0 },
    example: 97,
  },
  'X-RateLimit-Reset': {
    description: 'When the window resets, as a Unix timestamp in seconds.',
    schema: { type: 'integer', minimum: 0 },
    example: 1761575475,
  },
} as const;

/** The `Retry-After` header of a 429. */
export const RETRY_AFTER_HEADER = {
  description: 'Seconds to wait before retrying.',
  schema: { type: 'integer', minimum: 0 },
  example: 12,
} as const;

/** `$ref`s to the rate-limit headers, for the responses of an authenticated operation. */
export function rateLimitHeaders(): Record<string, { $ref: string }> {
  return Object.fromEntries(Object.keys(RATE_LIMIT_HEADERS).map((name) => [name, ref('headers', name)]));
}

const HTTP_ERROR = ref('schemas', 'HttpError');

function errorResponse(description: string, detail: string, headers?: ResponseConfig['headers']): ResponseConfig {
  return {
    description,
    ...(headers ? { headers } : {}),
    content: { 'application/json': { schema: HTTP_ERROR, example: { detail } } },
  };
}

/**
 * The shared error responses, by component name. Authenticated operations `$ref` the first four; the
 * others are reused where they apply.
 */
export const ERROR_RESPONSES = {
  Unauthorized: errorResponse(
    'The token is missing, malformed or unknown. No rate-limit headers: the client is not known yet.',
    INVALID_TOKEN_DETAIL,
  ),
  Forbidden: errorResponse('The client account is inactive (disabled by an administrator).', 'Client account is inactive'),
  ValidationFailed: {
    description: 'The request failed validation: every issue, FastAPI style (`detail: [{loc, msg, type}]`).',
    headers: rateLimitHeaders(),
    content: { 'application/json': { schema: ref('schemas', 'ValidationError') } },
  } satisfies ResponseConfig,
  RateLimited: errorResponse(
    'Too many requests: wait `Retry-After` seconds.',
    'Rate limit exceeded. Retry after 12 seconds.',
    { 'Retry-After': ref('headers', 'Retry-After'), ...rateLimitHeaders() },
  ),
  JobNotFound: errorResponse('No job with this id belongs to the client.', 'Job not found', rateLimitHeaders()),
  PayloadTooLarge: errorResponse('The request body is larger than 1 MiB.', 'Request body too large: the limit is 1048576 bytes'),
  InvalidFormat: {
    description: 'A query parameter is invalid, for example `format` is not `json`, `yaml` or `md`.',
    content: { 'application/json': { schema: ref('schemas', 'ValidationError') } },
  } satisfies ResponseConfig,
} as const;

/** `$ref`s to the four error responses every authenticated operation documents. */
export function authenticatedErrors(): Record<'401' | '403' | '422' | '429', { $ref: string }> {
  return {
    '401': ref('responses', 'Unauthorized'),
    '403': ref('responses', 'Forbidden'),
    '422': ref('responses', 'ValidationFailed'),
    '429': ref('responses', 'RateLimited'),
  };
}

/** The media types every GET offers, selected with `?format=`. */
export const FORMAT_MEDIA_TYPES = ['application/json', 'application/yaml', 'text/markdown'] as const;

/**
 * The content of a GET's success response in its three formats. YAML is described as a string rather
 * than the JSON model because it drops null fields, so it would not validate against a model whose
 * nullable fields are required.
 */
export function formattedContent(schema: ZodType, json: Omit<ZodMediaTypeObject, 'schema'> = {}): ZodContentObject {
  return {
    'application/json': { schema, ...json },
    'application/yaml': {
      schema: {
        type: 'string',
        description:
          '`?format=yaml`: the same object as the JSON, serialised as YAML with null fields dropped. Parsing it and restoring the nulls gives the JSON back.',
      },
    },
    'text/markdown': {
      schema: {
        type: 'string',
        description: '`?format=md`: Markdown for people and agents: headings, short lists, tables for object lists, every non-null value.',
      },
    },
  };
}
