import { CommanderError } from 'commander';
import { AbortedError, AuthError, JobFailedError, RateLimitedError, SpiderIQError, TimeoutError, ValidationError } from '@spideriq/client';
import type { JobErrorCode } from '@spideriq/client';

/** What the failed command was doing, to make the message concrete. */
export interface ErrorScene {
  /** The server it talked to, when the connection was resolved. */
  apiUrl: string | null;
  /** `--timeout`, in seconds. */
  timeoutSeconds: number | null;
}

/** What the user is told on stderr when a command fails; null when it was already said (commander). */
export function errorMessage(error: unknown, { apiUrl, timeoutSeconds }: ErrorScene): string | null {
  if (error instanceof CommanderError) return null;
  if (error instanceof ValidationError) {
    const lines = error.issues.map((issue) => `  ${issue.loc.join('.') || '(request)'}: ${issue.msg}`);
    return ['The API rejected the request (422):', ...lines].join('\n');
  }
  if (error instanceof AuthError) {
    return `${error.message} (HTTP ${error.status}). Check --token, SPIDERIQ_TOKEN or \`spideriq login\`.`;
  }
  if (error instanceof RateLimitedError) {
    const wait = error.retryAfterMs === null ? '' : `; the server asks to wait ${Math.ceil(error.retryAfterMs / 1000)}s`;
    return `${error.message}${wait}. Try again later, or allow more with --retries and --timeout.`;
  }
  if (error instanceof TimeoutError) {
    return timeoutSeconds === null ? `${error.message} (--timeout).` : `Timed out after ${timeoutSeconds}s (--timeout).`;
  }
  if (error instanceof AbortedError) return 'Interrupted.';
  if (error instanceof JobFailedError && error.errorCode !== null) {
    const hint = JOB_ERROR_HINTS[error.errorCode];
    return `${error.message} [${error.errorCode}]${hint ? `\n${hint}` : ''}`;
  }
  if (error instanceof SpiderIQError && error.code === 'network') {
    return `Cannot reach ${apiUrl ?? 'the server'} (${rootCause(error)}). Is the server running? Set --api-url or SPIDERIQ_API_URL.`;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** What to do next, for the failure codes where the user can act on it. */
const JOB_ERROR_HINTS: Partial<Record<JobErrorCode, string>> = {
  blocked_url: 'The server refuses private, loopback and link-local addresses; use a public URL.',
  invalid_url: 'Check the URL: it must be http(s) with a valid host name.',
  fetch_failed: 'The site could not be fetched; check that it is up, or retry later.',
  provider_rejected: 'The maps provider refused the request: check the server’s provider key and the query.',
  provider_unavailable: 'The maps provider is unavailable; retry later.',
  timeout: 'The job ran out of time; retry, or ask for less (fewer pages or results).',
};

/** The innermost cause's message, where Node puts the useful part (`connect ECONNREFUSED …`). */
function rootCause(error: Error): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? current.message : String(current);
}
