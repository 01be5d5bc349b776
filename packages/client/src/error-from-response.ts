import {
  AuthError,
  JobFailedError,
  JobNotFoundError,
  RateLimitedError,
  SpiderIQError,
  ValidationError,
} from './errors.js';
import type { JobResults, ValidationIssue } from './models.js';
import { parseRetryAfter } from '@spideriq/schema/http';

/** What was being asked when the error answer came back, so 404 and 410 can name the job. */
export interface ErrorContext {
  /** Set on job routes: a 404 then means "this job", not "this route". */
  jobId?: string;
}

/**
 * The one place that turns a non-2xx answer into a typed error.
 * `body` is what openapi-fetch parsed: JSON when it could, the raw text otherwise.
 */
export function errorFromResponse(response: Response, body: unknown, context: ErrorContext = {}): SpiderIQError {
  const { status } = response;
  const detail = detailText(body);
  if (status === 401 || status === 403) return new AuthError(status, detail);
  if (status === 422) return new ValidationError(validationIssues(body));
  if (status === 429) return new RateLimitedError(parseRetryAfter(response.headers.get('Retry-After')), detail);
  if (status === 404 && context.jobId !== undefined) return new JobNotFoundError(context.jobId, detail);
  if (status === 410 && context.jobId !== undefined) {
    return new JobFailedError(context.jobId, isResultsBody(body) ? body : null, detail);
  }
  const code = status === 404 ? 'not_found' : 'http';
  return new SpiderIQError(detail ?? `HTTP ${status} ${response.statusText}`.trim(), code, { status, detail });
}

function detailText(body: unknown): string | null {
  if (typeof body === 'string') return body === '' ? null : body;
  if (isRecord(body) && typeof body['detail'] === 'string') return body['detail'];
  return null;
}

function validationIssues(body: unknown): ValidationIssue[] {
  if (!isRecord(body)) return [];
  const detail = body['detail'];
  if (typeof detail === 'string') return [{ loc: [], msg: detail, type: 'value_error' }];
  if (!Array.isArray(detail)) return [];
  return detail.filter(
    (issue): issue is ValidationIssue =>
      isRecord(issue) && Array.isArray(issue['loc']) && typeof issue['msg'] === 'string' && typeof issue['type'] === 'string',
  );
}

function isResultsBody(body: unknown): body is JobResults {
  return isRecord(body) && typeof body['job_id'] === 'string' && typeof body['status'] === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
