import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthError,
  JobFailedError,
  JobNotFoundError,
  RateLimitedError,
  SpiderIQError,
  ValidationError,
  createClient,
  type SpiderIQClient,
} from '../src/index.js';
import { sequence, startFakeApi, type FakeApi } from './fake-api.js';
import { FAILED, JOB_ID, NOT_FOUND } from './fixtures.js';

const RESULTS = `GET /api/v1/jobs/${JOB_ID}/results`;
const issue = { loc: ['body', 'payload', 'max_pages'], msg: 'Too big: expected number to be <=50', type: 'too_big' };

// Each case answers the results route with one status and checks the class, code, status and detail.
const cases = [
  { name: '401 is an AuthError', status: 401, body: { detail: 'Invalid authentication token format. Expected: client_id:api_key:api_secret' }, type: AuthError, code: 'auth' },
  { name: '403 is an AuthError', status: 403, body: { detail: 'Client account is inactive' }, type: AuthError, code: 'auth' },
  { name: '422 is a ValidationError', status: 422, body: { detail: [issue] }, type: ValidationError, code: 'validation' },
  { name: '404 on a job route is a JobNotFoundError', status: 404, body: NOT_FOUND, type: JobNotFoundError, code: 'job_not_found' },
  { name: '410 is a JobFailedError', status: 410, body: FAILED, type: JobFailedError, code: 'job_failed' },
  { name: '429 is a RateLimitedError', status: 429, body: { detail: 'Rate limit exceeded' }, type: RateLimitedError, code: 'rate_limited' },
  { name: '500 is a plain SpiderIQError', status: 500, body: { detail: 'Internal server error' }, type: SpiderIQError, code: 'http' },
] as const;

let api: FakeApi;
let client: SpiderIQClient;
let current: (typeof cases)[number] = cases[0];

beforeAll(async () => {
  api = await startFakeApi({
    [RESULTS]: (req, res) => {
      res.writeHead(current.status, { 'Content-Type': 'application/json', 'Retry-After': '7' });
      res.end(JSON.stringify(current.body));
    },
    'POST /api/v1/jobs/spiderSite/submit': sequence({ status: 422, body: { detail: [issue] } }),
    'GET /api/v1/system/info': sequence({ status: 404, body: { detail: 'Not Found' } }),
  });
  client = createClient({ baseUrl: api.baseUrl, token: 'cli_x:sk_y:secret_z' });
});
afterAll(() => api.close());

describe('errorFromResponse through the client', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    current = testCase;
    const error = await client.results(JOB_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(testCase.type);
    expect(error).toBeInstanceOf(SpiderIQError);
    expect(error).toMatchObject({ code: testCase.code, status: testCase.status, name: testCase.type.name });
  });

  it('keeps the detail sentence of a 401', async () => {
    current = cases[0];
    const error = (await client.results(JOB_ID).catch((e: unknown) => e)) as AuthError;
    expect(error.detail).toBe(cases[0].body.detail);
    expect(error.message).toBe(cases[0].body.detail);
  });

  it('carries the 410 error_message and the final body', async () => {
    current = cases[4];
    const error = (await client.results(JOB_ID).catch((e: unknown) => e)) as JobFailedError;
    expect(error.errorMessage).toBe('Failed to connect to target URL: Connection timeout after 30s');
    expect(error.error_message).toBe(error.errorMessage);
    expect(error.body).toEqual(FAILED);
    expect(error.jobId).toBe(JOB_ID);
    // The seed's example predates error_code: the error says so with null, not a guess.
    expect(error.errorCode).toBeNull();
  });

  it('carries the 410 error_code', async () => {
    current = { ...cases[4], body: { ...FAILED, error_code: 'fetch_failed' } } as never;
    const error = (await client.results(JOB_ID).catch((e: unknown) => e)) as JobFailedError;
    expect(error.errorCode).toBe('fetch_failed');
    expect(error.error_code).toBe('fetch_failed');
    expect(error.code).toBe('job_failed');
  });

  it('reads Retry-After into retryAfterMs', async () => {
    current = cases[5];
    const error = (await client.results(JOB_ID).catch((e: unknown) => e)) as RateLimitedError;
    expect(error.retryAfterMs).toBe(7000);
  });

  it('carries the 422 detail list', async () => {
    const error = (await client.submitSite({ payload: { url: 'https://example.com', max_pages: 99 } }).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toEqual([issue]);
    expect(error.message).toContain('body.payload.max_pages');
  });

  it('calls a 404 off a job route not_found', async () => {
    const error = await client.info().catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(JobNotFoundError);
    expect(error).toMatchObject({ code: 'not_found', status: 404, detail: 'Not Found' });
  });

  it('reports a refused connection as a network error with its cause', async () => {
    const closed = await startFakeApi({});
    const baseUrl = closed.baseUrl;
    await closed.close();
    const error = (await createClient({ baseUrl }).health().catch((e: unknown) => e)) as SpiderIQError;
    expect(error).toBeInstanceOf(SpiderIQError);
    expect(error.code).toBe('network');
    expect(error.status).toBeNull();
    expect(error.cause).toBeInstanceOf(Error);
  });
});
