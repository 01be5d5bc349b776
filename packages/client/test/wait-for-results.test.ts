import { afterEach, describe, expect, it } from 'vitest';
import {
  AbortedError,
  JobFailedError,
  JobNotFoundError,
  RateLimitedError,
  TimeoutError,
  createClient,
  waitForResults,
  type WaitProgress,
} from '../src/index.js';
import { sequence, startFakeApi, type FakeApi, type Handler } from './fake-api.js';
import { COMPLETED, FAILED, JOB_ID, NOT_FOUND, PROCESSING } from './fixtures.js';

const RESULTS = `GET /api/v1/jobs/${JOB_ID}/results`;
const pending = { status: 202, body: PROCESSING };
const done = { status: 200, body: COMPLETED };

let api: FakeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function serve(results: Handler) {
  api = await startFakeApi({ [RESULTS]: results });
  return createClient({ baseUrl: api.baseUrl, token: 'cli_x:sk_y:secret_z' });
}

describe('waitForResults (polling)', () => {
  it('polls through 202s and returns the 200 body', async () => {
    const client = await serve(sequence(pending, pending, done));
    const progress: WaitProgress[] = [];
    const results = await waitForResults(client, JOB_ID, { interval: 10, onProgress: (p) => progress.push(p) });
    expect(results).toEqual(COMPLETED);
    expect(api?.hits(RESULTS)).toBe(3);
    expect(progress.map((p) => [p.source, p.status])).toEqual([
      ['poll', 'processing'],
      ['poll', 'processing'],
    ]);
  });

  it('is also a method of the client', async () => {
    const client = await serve(sequence(pending, done));
    await expect(client.waitForResults(JOB_ID, { interval: 10 })).resolves.toEqual(COMPLETED);
  });

  it('throws JobNotFoundError on 404', async () => {
    const client = await serve(sequence({ status: 404, body: NOT_FOUND }));
    const error = await waitForResults(client, JOB_ID, { interval: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobNotFoundError);
    expect(error).toMatchObject({ jobId: JOB_ID, detail: 'Job not found', status: 404 });
  });

  it('throws JobFailedError on 410 with error_message and the final body', async () => {
    const client = await serve(sequence(pending, { status: 410, body: FAILED }));
    const error = (await waitForResults(client, JOB_ID, { interval: 10 }).catch((e: unknown) => e)) as JobFailedError;
    expect(error).toBeInstanceOf(JobFailedError);
    expect(error.error_message).toBe(FAILED.error_message);
    expect(error.body).toEqual(FAILED);
  });

  it('waits out a 429 for its Retry-After before asking again', async () => {
    const client = await serve(sequence({ status: 429, body: { detail: 'Rate limit exceeded' }, headers: { 'Retry-After': '1' } }, done));
    const started = performance.now();
    const results = await waitForResults(client, JOB_ID, { interval: 10 });
    expect(results).toEqual(COMPLETED);
    // The interval is 10 ms: only honouring Retry-After explains a gap of about a second.
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(api?.hits(RESULTS)).toBe(2);
  });

  it('throws RateLimitedError after maxRateLimitRetries', async () => {
    const client = await serve(sequence({ status: 429, body: { detail: 'Rate limit exceeded' }, headers: { 'Retry-After': '0' } }));
    const error = await waitForResults(client, JOB_ID, { interval: 10, maxRateLimitRetries: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ retryAfterMs: 0, status: 429 });
    expect(api?.hits(RESULTS)).toBe(3);
  });

  it('throws TimeoutError when the job never finishes', async () => {
    const client = await serve(sequence(pending));
    const error = await waitForResults(client, JOB_ID, { interval: 20, timeout: 150 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'timeout', timeoutMs: 150 });
    expect(api?.hits(RESULTS)).toBeGreaterThan(1);
  });

  it('times out a request that never answers', async () => {
    const client = await serve(() => undefined);
    await expect(waitForResults(client, JOB_ID, { timeout: 100 })).rejects.toBeInstanceOf(TimeoutError);
  });

  it.each([
    ['while sleeping between polls', sequence(pending)],
    ['while a request hangs', (() => undefined) satisfies Handler],
  ])('rejects with AbortedError when aborted %s', async (_name, handler) => {
    const client = await serve(handler);
    const controller = new AbortController();
    const reason = new Error('user left the page');
    setTimeout(() => controller.abort(reason), 60);
    const error = (await waitForResults(client, JOB_ID, { interval: 5_000, signal: controller.signal }).catch((e: unknown) => e)) as AbortedError;
    expect(error).toBeInstanceOf(AbortedError);
    expect(error.cause).toBe(reason);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const client = await serve(sequence(done));
    const error = await waitForResults(client, JOB_ID, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortedError);
  });
});
