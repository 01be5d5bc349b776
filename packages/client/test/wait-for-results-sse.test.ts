import { afterEach, describe, expect, it } from 'vitest';
import { JobFailedError, StreamError, TimeoutError, createClient, waitForResults, type WaitProgress } from '../src/index.js';
import { send, sseFrame, startFakeApi, type FakeApi, type Handler } from './fake-api.js';
import { COMPLETED, FAILED, JOB_ID, PROCESSING } from './fixtures.js';

const RESULTS = `GET /api/v1/jobs/${JOB_ID}/results`;
const STREAM = 'GET /api/v1/events/stream';
const progress = { job_id: JOB_ID, type: 'spiderSite', pages_crawled: 3, results_found: null, total: 10, message: null, timestamp: '2025-10-27T14:30:08Z' };
const completed = { job_id: JOB_ID, type: 'spiderSite', processing_time_seconds: 12.4, completed_at: '2025-10-27T14:30:15Z' };
const failed = { job_id: JOB_ID, type: 'spiderSite', error_message: FAILED.error_message, completed_at: '2025-10-27T14:50:00Z' };
// Polling with this interval would blow the 5 s timeout: passing proves the stream did the waiting.
const NO_POLLING = { via: 'sse', interval: 60_000, timeout: 5_000 } as const;

let api: FakeApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** A job that finishes when the stream says so: results answer 202 until `state.finished`. */
function job(outcome: 'completed' | 'failed' = 'completed') {
  const state = { finished: false };
  const results: Handler = (_req, res) => {
    if (!state.finished) send(res, { status: 202, body: PROCESSING });
    else if (outcome === 'completed') send(res, { status: 200, body: COMPLETED });
    else send(res, { status: 410, body: FAILED });
  };
  return { state, results };
}

async function serve(routes: Record<string, Handler>) {
  api = await startFakeApi(routes);
  return createClient({ baseUrl: api.baseUrl, token: 'cli_x:sk_y:secret_z' });
}

describe('waitForResults via SSE', () => {
  it('follows progress events and fetches the results on job.completed', async () => {
    const { state, results } = job();
    const client = await serve({
      [RESULTS]: results,
      [STREAM]: (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        res.write(sseFrame('connected', { client_id: 'cli_x', message: 'Connected' }));
        setTimeout(() => res.write(sseFrame('job.progress', progress)), 100);
        setTimeout(() => {
          state.finished = true;
          res.write(sseFrame('job.completed', completed));
        }, 250);
      },
    });
    const seen: WaitProgress[] = [];
    const body = await waitForResults(client, JOB_ID, { ...NO_POLLING, onProgress: (p) => seen.push(p) });
    expect(body).toEqual(COMPLETED);
    expect(seen).toEqual([{ source: 'sse', status: 'processing', event: { event: 'job.progress', ...progress } }]);
    // One catch-up request when the stream opened, one after job.completed.
    expect(api?.hits(RESULTS)).toBe(2);
  });

  it('throws JobFailedError with the 410 body on job.failed', async () => {
    const { state, results } = job('failed');
    const client = await serve({
      [RESULTS]: results,
      [STREAM]: (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        setTimeout(() => {
          state.finished = true;
          res.write(sseFrame('job.failed', failed));
        }, 30);
      },
    });
    const error = (await waitForResults(client, JOB_ID, NO_POLLING).catch((e: unknown) => e)) as JobFailedError;
    expect(error).toBeInstanceOf(JobFailedError);
    expect(error.error_message).toBe(FAILED.error_message);
    expect(error.body).toEqual(FAILED);
  });

  it('returns at once when the job finished before the stream opened', async () => {
    const { state, results } = job();
    state.finished = true;
    const client = await serve({
      [RESULTS]: results,
      [STREAM]: (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        res.write(sseFrame('connected', { client_id: 'cli_x', message: 'Connected' }));
      },
    });
    await expect(waitForResults(client, JOB_ID, NO_POLLING)).resolves.toEqual(COMPLETED);
  });

  it('ignores events of other jobs', async () => {
    const { state, results } = job();
    const other = { ...completed, job_id: '00000000-0000-4000-8000-000000000000' };
    const client = await serve({
      [RESULTS]: results,
      [STREAM]: (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        res.write(sseFrame('job.completed', other));
        setTimeout(() => {
          state.finished = true;
          res.write(sseFrame('job.completed', completed));
        }, 30);
      },
    });
    await expect(waitForResults(client, JOB_ID, NO_POLLING)).resolves.toEqual(COMPLETED);
    expect(api?.hits(RESULTS)).toBe(2);
  });

  it.each([
    ['answers 500', ((_req, res) => send(res, { status: 500, body: { detail: 'Event stream unavailable' } })) satisfies Handler],
    ['answers JSON instead of an event stream', ((_req, res) => send(res, { status: 200, body: {} })) satisfies Handler],
    ['breaks off mid-stream', ((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write(sseFrame('job.progress', progress));
      setTimeout(() => res.destroy(), 20);
    }) satisfies Handler],
    ['ends before the job does', ((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.end(sseFrame('job.progress', progress));
    }) satisfies Handler],
    ['sends garbage', ((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write('event: job.progress\ndata: <html>\n\n');
    }) satisfies Handler],
  ])('falls back to polling when the stream %s', async (_name, stream) => {
    let polls = 0;
    const client = await serve({
      [RESULTS]: (_req, res) => {
        polls += 1;
        send(res, polls < 3 ? { status: 202, body: PROCESSING } : { status: 200, body: COMPLETED });
      },
      [STREAM]: stream,
    });
    const streamErrors: StreamError[] = [];
    const body = await waitForResults(client, JOB_ID, { via: 'sse', interval: 10, timeout: 5_000, onStreamError: (e) => streamErrors.push(e) });
    expect(body).toEqual(COMPLETED);
    expect(streamErrors).toHaveLength(1);
    expect(streamErrors[0]).toBeInstanceOf(StreamError);
    expect(polls).toBeGreaterThanOrEqual(3);
  });

  it('times out a silent stream', async () => {
    const client = await serve({
      [RESULTS]: (_req, res) => send(res, { status: 202, body: PROCESSING }),
      [STREAM]: (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        res.write(': connected\n\n');
      },
    });
    await expect(waitForResults(client, JOB_ID, { via: 'sse', timeout: 150 })).rejects.toBeInstanceOf(TimeoutError);
  });
});
