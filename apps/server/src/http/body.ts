import type { Context } from 'hono';
import { parse as parseYaml } from 'yaml';
import { ApiError } from './errors.js';

/** The largest request body accepted. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a JSON (or YAML, by Content-Type) request body. Oversized bodies get 413, unparsable ones 422
 * in FastAPI's shape; nothing here can produce a 5xx.
 */
export async function readBody(c: Context): Promise<unknown> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const buffer = await c.req.arrayBuffer().catch((cause: unknown) => {
    throw new ApiError(400, 'Could not read the request body', {}, { cause });
  });
  if (buffer.byteLength > MAX_BODY_BYTES) throw tooLarge();
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buffer);
  if (text.trim() === '') throw new ApiError(422, [{ loc: ['body'], msg: 'Field required: the request needs a JSON body', type: 'missing' }]);
  const type = c.req.header('content-type') ?? '';
  try {
    return /yaml/i.test(type) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    const msg = /yaml/i.test(type) ? 'YAML decode error' : 'JSON decode error';
    throw new ApiError(422, [{ loc: ['body'], msg: `${msg}: ${(error as Error).message}`, type: 'json_invalid' }]);
  }
}

const tooLarge = () => new ApiError(413, `Request body is larger than the ${MAX_BODY_BYTES / 1024 / 1024} MiB limit`);
