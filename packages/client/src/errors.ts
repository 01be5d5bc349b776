import type { JobErrorCode, JobResults, ValidationIssue } from './models.js';

/** Machine-readable kind of every error the client throws; switch on it instead of on class names. */
export type SpiderIQErrorCode =
  | 'http'
  | 'network'
  | 'auth'
  | 'validation'
  | 'not_found'
  | 'job_not_found'
  | 'job_failed'
  | 'rate_limited'
  | 'timeout'
  | 'aborted'
  | 'stream';

/** What every error carries besides its message. */
export interface SpiderIQErrorOptions {
  /** HTTP status of the answer, or null when no answer arrived (network, timeout, abort). */
  status?: number | null;
  /** The `detail` sentence of the API's error body, when it sent one. */
  detail?: string | null;
  /** The underlying error (a fetch TypeError, the abort reason, the stream failure). */
  cause?: unknown;
}

/**
 * Base of every error thrown by `@spideriq/client`, so one `instanceof` check catches them all.
 * Subclasses narrow `code`; `status` and `detail` come straight from the API's answer.
 */
export class SpiderIQError extends Error {
  override name = 'SpiderIQError';
  /** What kind of failure this is. */
  readonly code: SpiderIQErrorCode;
  /** HTTP status, or null when no answer arrived. */
  readonly status: number | null;
  /** The API's `detail` sentence, or null. */
  readonly detail: string | null;

  constructor(message: string, code: SpiderIQErrorCode = 'http', options: SpiderIQErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status ?? null;
    this.detail = options.detail ?? null;
  }
}

/** 401 (missing or malformed token) or 403 (inactive account): retrying will not help. */
export class AuthError extends SpiderIQError {
  override name = 'AuthError';
  declare readonly code: 'auth';

  constructor(status: 401 | 403, detail: string | null) {
    super(detail ?? (status === 401 ? 'Authentication failed' : 'Access forbidden'), 'auth', { status, detail });
  }
}

/** 422: the request broke the schema; `issues` lists every failed check with its location. */
export class ValidationError extends SpiderIQError {
  override name = 'ValidationError';
  declare readonly code: 'validation';
  /** FastAPI's `detail` list: where (`loc`), what (`msg`) and the kind of check (`type`). */
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    const summary = issues.map((issue) => `${issue.loc.join('.')}: ${issue.msg}`).join('; ');
    super(summary === '' ? 'Validation failed' : `Validation failed: ${summary}`, 'validation', { status: 422, detail: summary });
    this.issues = issues;
  }
}

/** 404 on a job route: the id is unknown to the server or belongs to another client. */
export class JobNotFoundError extends SpiderIQError {
  override name = 'JobNotFoundError';
  declare readonly code: 'job_not_found';
  /** The id that was asked for. */
  readonly jobId: string;

  constructor(jobId: string, detail: string | null) {
    super(detail ?? `Job ${jobId} not found`, 'job_not_found', { status: 404, detail });
    this.jobId = jobId;
  }
}

/** 410 from the results route: the job failed or was cancelled and will never have results. */
export class JobFailedError extends SpiderIQError {
  override name = 'JobFailedError';
  declare readonly code: 'job_failed';
  /** The job that failed. */
  readonly jobId: string;
  /** Why it failed, from the body's `error_message` (null if the server gave no reason). */
  readonly errorMessage: string | null;
  /**
   * The engine's machine-readable reason, from the body's `error_code` (`fetch_failed`, `blocked_url`,
   * `cancelled`, …): branch on this, not on the wording of `errorMessage`. Null when the server sent none.
   */
  readonly errorCode: JobErrorCode | null;
  /** The final results envelope as the server sent it (status `failed` or `cancelled`). */
  readonly body: JobResults | null;

  constructor(jobId: string, body: JobResults | null, detail: string | null = null) {
    const errorMessage = body?.error_message ?? detail;
    const state = body?.status === 'cancelled' ? 'was cancelled' : 'failed';
    super(errorMessage === null ? `Job ${jobId} ${state}` : `Job ${jobId} ${state}: ${errorMessage}`, 'job_failed', {
      status: 410,
      detail,
    });
    this.jobId = jobId;
    this.errorMessage = errorMessage;
    this.errorCode = body?.error_code ?? null;
    this.body = body;
  }

  /** Same text as `errorMessage`, under the API's own field name. */
  get error_message(): string | null {
    return this.errorMessage;
  }

  /** Same value as `errorCode`, under the API's own field name. */
  get error_code(): JobErrorCode | null {
    return this.errorCode;
  }
}

/** 429 after the client used up its retries; `retryAfterMs` is the server's last `Retry-After`. */
export class RateLimitedError extends SpiderIQError {
  override name = 'RateLimitedError';
  declare readonly code: 'rate_limited';
  /** How long the server asked to wait, in milliseconds (null without a usable `Retry-After`). */
  readonly retryAfterMs: number | null;

  constructor(retryAfterMs: number | null, detail: string | null) {
    super(detail ?? 'Rate limit exceeded', 'rate_limited', { status: 429, detail });
    this.retryAfterMs = retryAfterMs;
  }
}

/** `waitForResults` ran out of time before the job reached a terminal state. */
export class TimeoutError extends SpiderIQError {
  override name = 'TimeoutError';
  declare readonly code: 'timeout';
  /** The budget that ran out, in milliseconds. */
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`Timed out after ${timeoutMs} ms`, 'timeout');
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's AbortSignal fired; `cause` is the signal's reason. */
export class AbortedError extends SpiderIQError {
  override name = 'AbortedError';
  declare readonly code: 'aborted';

  constructor(reason: unknown) {
    super('The operation was aborted', 'aborted', { cause: reason });
  }
}

/** The event stream could not be opened or broke off; `waitForResults` falls back to polling on it. */
export class StreamError extends SpiderIQError {
  override name = 'StreamError';
  declare readonly code: 'stream';

  constructor(message: string, options: SpiderIQErrorOptions = {}) {
    super(message, 'stream', options);
  }
}
