import { AuthError, JobFailedError, JobNotFoundError, RateLimitedError, SpiderIQError, TimeoutError, ValidationError } from '@spideriq/client';
import type { JobResults } from '@spideriq/client';
import { describe, expect, it } from 'vitest';
import { describeError } from '../src/error-message.ts';

const failed = (status: 'failed' | 'cancelled', error_message: string | null): JobResults => ({
  success: false,
  job_id: '550e8400-e29b-41d4-a716-446655440000',
  type: 'spiderSite',
  status,
  processing_time_seconds: null,
  worker_id: null,
  completed_at: null,
  message: null,
  data: null,
  error_message,
});

describe('describeError', () => {
  it.each([
    ['401', new AuthError(401, 'Invalid API credentials'), 'Invalid token (401)', /Invalid API credentials\. Check the token field/],
    ['403', new AuthError(403, 'Client account is inactive'), 'Access forbidden (403)', /inactive/],
    ['422', new ValidationError([{ loc: ['body', 'payload', 'max_pages'], msg: 'Too big: expected number to be <=50', type: 'too_big' }]), 'The server rejected the request (422)', /^payload\.max_pages: Too big/],
    ['429', new RateLimitedError(12_300, 'Rate limit exceeded'), 'Rate limited (429)', /Try again in 13 s\./],
    ['429 without Retry-After', new RateLimitedError(null, null), 'Rate limited (429)', /Try again in a moment\./],
    ['410 failed', new JobFailedError('j', failed('failed', 'Failed to connect to target URL: connection refused')), 'Job failed (410)', /^Failed to connect to target URL: connection refused$/],
    ['410 cancelled', new JobFailedError('j', failed('cancelled', 'Job cancelled by client')), 'Job cancelled (410)', /^Job cancelled by client$/],
    ['404', new JobNotFoundError('abc', null), 'Job not found (404)', /abc/],
    ['timeout', new TimeoutError(600_000), 'Still running', /600 s/],
    ['network', new SpiderIQError('Network error: fetch failed', 'network'), 'Server unreachable', /Is it running\?/],
    ['500', new SpiderIQError('Internal Server Error', 'http', { status: 500, detail: 'Internal Server Error' }), 'Request failed (500)', /Internal Server Error/],
    ['anything else', new TypeError('x is undefined'), 'Unexpected error', /^x is undefined$/],
  ])('%s', (_name, error, title, message) => {
    const report = describeError(error);
    expect(report.title).toBe(title);
    expect(report.message).toMatch(message);
    // A readable message, never a stack trace.
    expect(report.message).not.toMatch(/\n\s+at /);
  });

  it('keeps 422 locations so the form can put each message next to its field', () => {
    const report = describeError(new ValidationError([{ loc: ['body', 'payload', 'url'], msg: 'must be an absolute http:// or https:// URL', type: 'custom' }]));
    expect(report.issues).toEqual([{ location: ['body', 'payload', 'url'], message: 'must be an absolute http:// or https:// URL' }]);
  });

  it('keeps the 429 wait', () => {
    expect(describeError(new RateLimitedError(5000, null)).retryAfterMs).toBe(5000);
  });
});
