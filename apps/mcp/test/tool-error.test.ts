import { describe, expect, it } from 'vitest';
import { AuthError, JobFailedError, JobNotFoundError, RateLimitedError, SpiderIQError, ValidationError } from '@spideriq/client';
import { describeError, toolError } from '../src/tool-error.js';

const ID = '550e8400-e29b-41d4-a716-446655440000';

describe('tool errors speak the API’s words', () => {
  it.each([
    [
      '422 lists every field',
      new ValidationError([
        { loc: ['body', 'payload', 'url'], msg: 'must be an absolute http:// or https:// URL', type: 'custom' },
        { loc: ['body', 'payload', 'max_pages'], msg: 'Too big: expected number to be <=50', type: 'too_big' },
      ]),
      ['HTTP 422', '- body.payload.url: must be an absolute http:// or https:// URL [custom]', '- body.payload.max_pages: Too big'],
    ],
    ['404 names the job', new JobNotFoundError(ID, 'Job not found'), [`Job ${ID} not found (HTTP 404): Job not found`]],
    [
      '410 carries the job’s error',
      new JobFailedError(ID, null, 'Failed to connect to target URL: Connection timeout after 30s'),
      [`Job ${ID} failed (HTTP 410): Failed to connect to target URL: Connection timeout after 30s`],
    ],
    [
      '429 says when to retry',
      new RateLimitedError(12_000, 'Rate limit exceeded: 100 requests per minute. Retry in 12 s.'),
      ['HTTP 429', 'Retry in 12 s.', 'Retry after 12 s.'],
    ],
    ['401', new AuthError(401, 'Invalid API credentials'), ['(HTTP 401): Invalid API credentials']],
    ['network', new SpiderIQError('Network error: connect ECONNREFUSED', 'network'), ['failed: Network error: connect ECONNREFUSED']],
    ['anything else', new Error('boom'), ['The tool failed: boom']],
  ])('%s', (_name, error, fragments) => {
    const text = describeError(error);
    for (const fragment of fragments) expect(text).toContain(fragment);
    expect(toolError(error)).toEqual({ isError: true, content: [{ type: 'text', text }] });
  });
});
