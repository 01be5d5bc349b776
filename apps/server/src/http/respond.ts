import type { Context } from 'hono';
import type { z } from 'zod';
import { FormatSchema } from '@spideriq/schema';
import type { Format } from '@spideriq/schema';
import { contentTypeOf, render } from '@spideriq/formats';
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

/** Answers a body in the requested format, rendered from its schema. */
export function respond(c: Context, status: number, body: unknown, schema: z.ZodType, format: Format = 'json'): Response {
  const text = format === 'json' ? JSON.stringify(body) : render(body, format, schema);
  return c.body(text, status as 200, { 'Content-Type': contentTypeOf(format) });
}
