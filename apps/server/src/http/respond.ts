import type { Context } from 'hono';
import type { z } from 'zod';
import { FormatSchema } from '@spideriq/schema';
import type { Format } from '@spideriq/schema';
import { contentTypeOf, render } from '@spideriq/formats';
import type { AppEnv } from '../app.js';
import { ApiError } from './errors.js';

/** The `?format=` of a GET: json by default, 422 for anything but json, yaml or md. */
export function requestedFormat(c: Context): Format {
  const raw = c.req.query('format');
  if (raw === undefined) return 'json';
  const parsed = FormatSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ApiError(422, [{ loc: ['query', 'format'], msg: "Input should be 'json', 'yaml' or 'md'", type: 'enum' }]);
  }
  return parsed.data;
}

/**
 * Sends a body with the request's own headers (request id, rate limits). They are collected in a plain
 * object and handed to the Response as is: `c.header()` or several headers through `c.body()` build a
 * fetch `Headers` per request, and the Node adapter then converts it back, which is measurably slower.
 */
export function send(c: Context<AppEnv>, status: number, body: string | Uint8Array<ArrayBuffer>, contentType: string, extra?: Record<string, string>): Response {
  const headers = c.get('headers');
  if (extra) Object.assign(headers, extra);
  headers['Content-Type'] = contentType;
  return new Response(body, { status, headers });
}

/** Answers a body in the requested format, rendered from its schema. */
export function respond(c: Context<AppEnv>, status: number, body: unknown, schema: z.ZodType, format: Format = 'json', extra?: Record<string, string>): Response {
  const text = format === 'json' ? JSON.stringify(body) : render(body, format, schema);
  return send(c, status, text, contentTypeOf(format), extra);
}
