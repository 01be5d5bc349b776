import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { JobFailedError, JobNotFoundError, RateLimitedError, SpiderIQError, ValidationError } from '@spideriq/client';

/**
 * Turns whatever a tool call threw into a tool result the agent can read and act on (`isError: true`),
 * in the API's own words: a 422 lists every field issue with its location, a 410 carries the job's error,
 * a 429 says when to retry. Never rethrows, so no API answer can take the server down.
 */
export function toolError(error: unknown): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: describeError(error) }] };
}

/** The sentence an agent reads for an error. */
export function describeError(error: unknown): string {
  if (error instanceof ValidationError) {
    const lines = error.issues.map((issue) => `- ${issue.loc.join('.') || '(request)'}: ${issue.msg} [${issue.type}]`);
    return [`The SpiderIQ API rejected the request (HTTP 422). Fix these fields and call again:`, ...lines].join('\n');
  }
  if (error instanceof JobFailedError) {
    const state = error.body?.status === 'cancelled' ? 'was cancelled' : 'failed';
    return `Job ${error.jobId} ${state} (HTTP 410): ${error.errorMessage ?? 'no reason given'}. It has no results; submit a new job to try again.`;
  }
  if (error instanceof JobNotFoundError) {
    return `Job ${error.jobId} not found (HTTP 404): ${error.detail ?? 'unknown id'}. Check the job_id, or list jobs with spideriq_list_jobs.`;
  }
  if (error instanceof RateLimitedError) {
    const wait = error.retryAfterMs === null ? '' : ` Retry after ${Math.ceil(error.retryAfterMs / 1000)} s.`;
    return `Rate limited by the SpiderIQ API (HTTP 429): ${error.detail ?? error.message}${wait}`;
  }
  if (error instanceof SpiderIQError) {
    const status = error.status === null ? '' : ` (HTTP ${error.status})`;
    return `The SpiderIQ API call failed${status}: ${error.detail ?? error.message}`;
  }
  return `The tool failed: ${error instanceof Error ? error.message : String(error)}`;
}
