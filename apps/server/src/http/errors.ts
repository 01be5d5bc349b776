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
