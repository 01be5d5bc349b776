import { AuthError, JobFailedError, JobNotFoundError, RateLimitedError, SpiderIQError, TimeoutError, ValidationError } from '@spideriq/client';

/** An error as the playground shows it: a title, a sentence, and messages for the form's fields. */
export interface ErrorReport {
  /** Short heading, e.g. `Invalid token (401)`. */
  readonly title: string;
  /** One or two sentences a person can act on. Never a stack trace. */
  readonly message: string;
  /** Server-side validation issues, each with its location (`payload.max_pages`) to file next to a field. */
  readonly issues: readonly { readonly location: readonly (string | number)[]; readonly message: string }[];
  /** From a 429: how long the server asked to wait, in milliseconds. */
  readonly retryAfterMs: number | null;
}

const report = (title: string, message: string, extra: Partial<ErrorReport> = {}): ErrorReport => ({
  title,
  message,
  issues: [],
  retryAfterMs: null,
  ...extra,
});

/**
 * Turns anything thrown by the client into a readable report, switching on the typed errors of
 * `@spideriq/client` (401/403, 422 with field messages, 429 with its wait, 410 with `error_message`).
 */
export function describeError(error: unknown): ErrorReport {
  if (error instanceof AuthError) {
    return error.status === 403
      ? report('Access forbidden (403)', `${sentence(error.detail ?? 'This client is not active')} Ask the server admin to re-activate it.`)
      : report('Invalid token (401)', `${sentence(error.detail ?? 'The server did not accept the token')} Check the token field: it is client_id:api_key:api_secret.`);
  }
  if (error instanceof ValidationError) {
    const issues = error.issues.map((issue) => ({ location: issue.loc, message: issue.msg }));
    const lines = error.issues.map((issue) => `${locationText(issue.loc)}${issue.msg}`);
    return report('The server rejected the request (422)', lines.length > 0 ? lines.join('\n') : 'Validation failed.', { issues });
  }
  if (error instanceof RateLimitedError) {
    const wait = error.retryAfterMs === null ? 'a moment' : `${Math.max(1, Math.ceil(error.retryAfterMs / 1000))} s`;
    return report('Rate limited (429)', `Too many requests. Try again in ${wait}.`, { retryAfterMs: error.retryAfterMs });
  }
  if (error instanceof JobFailedError) {
    const cancelled = error.body?.status === 'cancelled';
    return report(
      cancelled ? 'Job cancelled (410)' : 'Job failed (410)',
      error.errorMessage ?? (cancelled ? 'The job was cancelled before it finished.' : 'The job failed without a reason.'),
    );
  }
  if (error instanceof JobNotFoundError) return report('Job not found (404)', `No job ${error.jobId} for this token.`);
  if (error instanceof TimeoutError) return report('Still running', `No result after ${Math.round(error.timeoutMs / 1000)} s. The job keeps running; find it in the jobs list.`);
  if (error instanceof SpiderIQError) {
    if (error.code === 'network') return report('Server unreachable', 'Could not reach the SpiderIQ server. Is it running?');
    if (error.code === 'aborted') return report('Stopped', 'Stopped waiting for the job.');
    return report(error.status === null ? 'Request failed' : `Request failed (${error.status})`, error.detail ?? error.message);
  }
  return report('Unexpected error', error instanceof Error ? error.message : String(error));
}

/** The API's `detail` with a closing full stop, so a hint can follow it. */
function sentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

/** `['body', 'payload', 'max_pages']` → `payload.max_pages: `. */
function locationText(location: readonly (string | number)[]): string {
  const path = location.filter((part, index) => !(index === 0 && part === 'body'));
  return path.length === 0 ? '' : `${path.join('.')}: `;
}
