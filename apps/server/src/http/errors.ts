import type { ZodError } from 'zod';
import type { ValidationIssue } from '@spideriq/schema';

/** An error answered to the client as `{"detail": ...}` with its status. Mapped to HTTP in app.ts only. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503,
    readonly detail: string | ValidationIssue[],
    readonly headers: Record<string, string> = {},
    options?: { cause?: unknown },
  ) {
    super(typeof detail === 'string' ? detail : detail.map((d) => `${d.loc.join('.')}: ${d.msg}`).join('; '), options);
  }
}

/** A 422 in FastAPI's shape, from a zod error at the given request location. */
export function validationError(error: ZodError, location: 'body' | 'query' | 'path'): ApiError {
  const detail: ValidationIssue[] = error.issues.map((issue) => ({
    loc: [location, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))],
    msg: issue.message,
    type: issue.code,
  }));
  return new ApiError(422, detail);
}

/** Common answers. */
export const notFound = (what = 'Job') => new ApiError(404, `${what} not found`);

/** Socket errors and PostgreSQL SQLSTATEs (class 08 connection exception, 57P admin shutdown) that mean "down", not "bug". */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
const UNAVAILABLE_MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Cannot use a pool after calling end|Client has encountered a connection error/i;

/**
 * Whether an error means the database (or another backing service) cannot be reached: the answer is then
 * 503 with a `detail`, never 500, and the client may retry.
 */
export function isServiceUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (UNAVAILABLE_MESSAGES.test(e.message)) return true;
    if (e instanceof AggregateError && e.errors.some(isServiceUnavailable)) return true;
  }
  return false;
}
