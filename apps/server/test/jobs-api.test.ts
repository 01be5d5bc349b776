import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobResultsSchema, SiteDataSchema, SubmitJobResponseSchema } from '@spideriq/schema';
import { parseYaml } from '@spideriq/formats';
import { startTestServer, waitForStatus } from '@spideriq/testkit/server';
import type { TestServer } from '@spideriq/testkit/server';
import { registerTestEngines, runLog } from '@spideriq/testkit/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(registerTestEngines, { SPIDERIQ_WORKERS_SITE: '2' });
});
afterAll(() => server.close());

const submitSite = async (payload: object, opts: { priority?: number; token?: string } = {}) => {
  const res = await server.api('/api/v1/jobs/spiderSite/submit', {
    method: 'POST',
    body: JSON.stringify({ payload, ...(opts.priority === undefined ? {} : { priority: opts.priority }) }),
    ...(opts.token ? { token: opts.token } : {}),
  });
  return { res, body: (await res.json()) as Record<string, unknown> };
};
const unique = () => `https://ok.test/${crypto.randomUUID()}`;

describe('submit', () => {
  it('answers 201 with the documented body for each submit route', async () => {
    const site = await submitSite({ url: unique() });
    expect(site.res.status).toBe(201);
    expect(SubmitJobResponseSchema.parse(site.body)).toMatchObject({ type: 'spiderSite', status: 'queued', from_cache: false, message: 'Job submitted successfully' });

    const maps = await server.api('/api/v1/jobs/spiderMaps/submit', { method: 'POST', body: JSON.stringify({ payload: { query: 'plumbers', location: 'Austin, TX' } }) });
    expect(maps.status).toBe(201);
    expect(await maps.json()).toMatchObject({ type: 'spiderMaps', status: 'queued' });

    const generic = await server.api('/api/v1/jobs/submit', { method: 'POST', body: JSON.stringify({ type: 'spiderMaps', payload: { search_query: 'dentists in Lyon' }, priority: 3 }) });
    expect(generic.status).toBe(201);
    const body = (await generic.json()) as { job_id: string };
    const done = await waitForStatus(server, body.job_id, ['completed']);
    expect(done).toMatchObject({ type: 'spiderMaps', priority: 3 });
    const results = (await (await server.api(`/api/v1/jobs/${body.job_id}/results`)).json()) as { data: { query: string } };
    expect(results.data.query).toBe('dentists in Lyon');
  });

  it('returns the same job for an identical payload within 24 h, unless test is set, and never across clients', async () => {
    const url = unique();
    const first = await submitSite({ url, max_pages: 3 });
    const again = await submitSite({ max_pages: 3, url });
    expect(again.body).toMatchObject({ job_id: first.body.job_id, from_cache: true });
    const withTest = await submitSite({ url, max_pages: 3, test: true });
    expect(withTest.body.job_id).not.toBe(first.body.job_id);
    const otherClient = await submitSite({ url, max_pages: 3 }, { token: server.tokens[1] });
    expect(otherClient.body).toMatchObject({ from_cache: false });
    expect(otherClient.body.job_id).not.toBe(first.body.job_id);
    const changed = await submitSite({ url, max_pages: 4 });
    expect(changed.body.from_cache).toBe(false);
  });
});

describe('results', () => {
  it('answers 200 with every field of the flat model once completed', async () => {
    const { body } = await submitSite({ url: unique() });
    await waitForStatus(server, String(body.job_id), ['completed']);
    const res = await server.api(`/api/v1/jobs/${body.job_id}/results`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const results = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(results)).toEqual(['success', 'job_id', 'type', 'status', 'processing_time_seconds', 'worker_id', 'completed_at', 'message', 'data', 'error_message', 'error_code']);
    expect(JobResultsSchema.parse(results)).toMatchObject({ success: true, status: 'completed', message: null, error_message: null, error_code: null });
    expect(Object.keys(results.data as object)).toEqual(Object.keys(SiteDataSchema.shape));
    expect(results.worker_id).toMatch(/^spider-site-main-\d$/);
    expect(typeof results.processing_time_seconds).toBe('number');
  });

  it('answers 202 with a message while queued or processing', async () => {
    const { body } = await submitSite({ url: 'https://slow.test/?ms=800', test: true });
    const res = await server.api(`/api/v1/jobs/${body.job_id}/results`);
    expect(res.status).toBe(202);
    const results = (await res.json()) as Record<string, unknown>;
    expect(results).toMatchObject({ success: false, data: null, error_message: null, error_code: null, completed_at: null });
    expect(String(results.message)).toMatch(/poll again/);
    await waitForStatus(server, String(body.job_id), ['completed']);
  });

  it('answers 410 with error_message and error when the job failed', async () => {
    const { body } = await submitSite({ url: 'https://fail.test/' });
    await waitForStatus(server, String(body.job_id), ['failed']);
    const res = await server.api(`/api/v1/jobs/${body.job_id}/results`);
    expect(res.status).toBe(410);
    const results = (await res.json()) as Record<string, unknown>;
    expect(results).toMatchObject({ success: false, status: 'failed', data: null, error_message: 'Failed to connect to target URL: connection refused', error_code: 'fetch_failed', error: 'Failed to connect to target URL: connection refused' });
    expect(JobResultsSchema.safeParse(results).success).toBe(true);
    const status = (await (await server.api(`/api/v1/jobs/${body.job_id}/status`)).json()) as Record<string, unknown>;
    expect(status).toMatchObject({ success: false, status: 'failed', error_code: 'fetch_failed' });
  });

  it('retries a retryable error up to three attempts, then fails with the last error', async () => {
    const { body } = await submitSite({ url: 'https://flaky.test/' });
    const status = await waitForStatus(server, String(body.job_id), ['failed']);
    expect(status.success).toBe(false);
    const results = (await (await server.api(`/api/v1/jobs/${body.job_id}/results`)).json()) as Record<string, unknown>;
    expect(results.error_message).toBe('Internal error: flaky attempt 3');
    expect(results.error_code).toBe('internal');
    expect(runLog.filter((u) => u === 'https://flaky.test/')).toHaveLength(3);
  });

  it.each([
    ['an unknown id', '00000000-0000-4000-8000-000000000000'],
    ['a non-UUID id', 'not-a-uuid'],
    ['a SQL-looking id', "1' OR '1'='1"],
  ])('answers 404 {"detail":"Job not found"} for %s', async (_name, id) => {
    for (const path of [`/api/v1/jobs/${encodeURIComponent(id)}/results`, `/api/v1/jobs/${encodeURIComponent(id)}/status`]) {
      const res = await server.api(path);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ detail: 'Job not found' });
    }
  });

  it('hides another client’s job as 404', async () => {
    const { body } = await submitSite({ url: unique() });
    for (const [method, path] of [
      ['GET', `/api/v1/jobs/${body.job_id}/results`],
      ['GET', `/api/v1/jobs/${body.job_id}/status`],
      ['DELETE', `/api/v1/jobs/${body.job_id}`],
    ] as const) {
      const res = await server.api(path, { method, token: server.tokens[1] });
      expect(res.status).toBe(404);
    }
    const list = (await (await server.api('/api/v1/jobs/list?page_size=100', { token: server.tokens[1] })).json()) as { jobs: { job_id: string }[] };
    expect(list.jobs.map((j) => j.job_id)).not.toContain(body.job_id);
  });
});

describe('formats', () => {
  it.each([
    ['json', /^application\/json/],
    ['yaml', /^application\/yaml/],
    ['md', /^text\/markdown/],
  ])('renders results, status and list as %s', async (format, type) => {
    const { body } = await submitSite({ url: unique() });
    await waitForStatus(server, String(body.job_id), ['completed']);
    for (const path of [`/api/v1/jobs/${body.job_id}/results`, `/api/v1/jobs/${body.job_id}/status`, '/api/v1/jobs/list', '/api/v1/system/health']) {
      const res = await server.api(`${path}?format=${format}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(type);
      const text = await res.text();
      expect(text.length).toBeGreaterThan(10);
      if (path.endsWith('/results')) expect(text).toContain(String(body.job_id));
    }
  });

  it('gives YAML that parses back to the JSON', async () => {
    const { body } = await submitSite({ url: unique() });
    await waitForStatus(server, String(body.job_id), ['completed']);
    const json = await (await server.api(`/api/v1/jobs/${body.job_id}/results`)).json();
    const yaml = await (await server.api(`/api/v1/jobs/${body.job_id}/results?format=yaml`)).text();
    expect(parseYaml(yaml, JobResultsSchema)).toEqual(json);
  });

  it('answers 422 for an unknown format, on error responses too', async () => {
    const res = await server.api('/api/v1/jobs/list?format=xml');
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ detail: [{ loc: ['query', 'format'], msg: "Input should be 'json', 'yaml' or 'md'", type: 'enum' }] });
    const notFound = await server.api('/api/v1/jobs/00000000-0000-4000-8000-000000000000/results?format=yaml');
    expect(notFound.status).toBe(404);
    expect(await notFound.text()).toContain('Job not found');
  });
});

describe('list', () => {
  it('pages, filters and sorts the client’s own jobs', async () => {
    const token = server.tokens[1]!;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(String((await submitSite({ url: unique() }, { token, priority: i })).body.job_id));
    const page = (await (await server.api('/api/v1/jobs/list?page=2&page_size=2&sort_by=priority&sort_order=asc&type_filter=spiderSite', { token })).json()) as Record<string, unknown>;
    expect(page).toMatchObject({ page: 2, page_size: 2 });
    expect(page.total as number).toBeGreaterThanOrEqual(5);
    expect(page.total_pages).toBe(Math.ceil((page.total as number) / 2));
    const none = (await (await server.api('/api/v1/jobs/list?status_filter=cancelled&type_filter=spiderMaps', { token })).json()) as Record<string, unknown>;
    expect(none).toMatchObject({ total: 0, total_pages: 0, jobs: [] });
    for (const bad of ['page=0', 'page_size=101', 'status_filter=done', 'sort_by=name', 'sort_order=up', 'page=abc']) {
      const res = await server.api(`/api/v1/jobs/list?${bad}`, { token });
      expect(res.status, bad).toBe(422);
      expect(((await res.json()) as { detail: { loc: string[] }[] }).detail[0]!.loc[0]).toBe('query');
    }
  });
});

describe('cancel', () => {
  it('cancels a queued job (200), then refuses a second cancel (400)', async () => {
    const blocker = await startTestServer(registerTestEngines, { SPIDERIQ_WORKERS_SITE: '0' });
    try {
      const res = await blocker.api('/api/v1/jobs/spiderSite/submit', { method: 'POST', body: JSON.stringify({ payload: { url: unique() } }) });
      const { job_id } = (await res.json()) as { job_id: string };
      const cancel = await blocker.api(`/api/v1/jobs/${job_id}`, { method: 'DELETE' });
      expect(cancel.status).toBe(200);
      expect(await cancel.json()).toEqual({ success: true, job_id, status: 'cancelled', message: 'Job cancelled successfully' });
      const again = await blocker.api(`/api/v1/jobs/${job_id}`, { method: 'DELETE' });
      expect(again.status).toBe(400);
      expect(await again.json()).toEqual({ detail: 'Job cannot be cancelled: it was already cancelled' });
      const results = await blocker.api(`/api/v1/jobs/${job_id}/results`);
      expect(results.status).toBe(410);
      expect(await results.json()).toMatchObject({ status: 'cancelled', error_message: 'Job was cancelled by the client', error_code: 'cancelled' });
      expect(await (await blocker.api(`/api/v1/jobs/${job_id}/status`)).json()).toMatchObject({ status: 'cancelled', error_code: 'cancelled' });
    } finally {
      await blocker.close();
    }
  });

  it('aborts a processing job within 2 s even if its handler ignores the signal, and drops its data', async () => {
    const { body } = await submitSite({ url: 'https://hang.test/' });
    await waitForStatus(server, String(body.job_id), ['processing']);
    const started = Date.now();
    const cancel = await server.api(`/api/v1/jobs/${body.job_id}`, { method: 'DELETE' });
    expect(cancel.status).toBe(200);
    // The worker is free again: a new job runs to completion on it.
    const next = await submitSite({ url: unique() });
    await waitForStatus(server, String(next.body.job_id), ['completed'], 2000);
    expect(Date.now() - started).toBeLessThan(2000);
    const results = await server.api(`/api/v1/jobs/${body.job_id}/results`);
    expect(results.status).toBe(410);
    expect(((await results.json()) as { data: unknown }).data).toBeNull();
  });

  it('refuses to cancel a completed or failed job with a reason', async () => {
    const ok = await submitSite({ url: unique() });
    await waitForStatus(server, String(ok.body.job_id), ['completed']);
    const res = await server.api(`/api/v1/jobs/${ok.body.job_id}`, { method: 'DELETE' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ detail: 'Job cannot be cancelled: it has already completed' });
    const failed = await submitSite({ url: 'https://fail.test/x' });
    await waitForStatus(server, String(failed.body.job_id), ['failed']);
    expect((await server.api(`/api/v1/jobs/${failed.body.job_id}`, { method: 'DELETE' })).status).toBe(400);
    expect((await server.api('/api/v1/jobs/00000000-0000-4000-8000-000000000000', { method: 'DELETE' })).status).toBe(404);
  });
});

describe('priority', () => {
  it('runs higher priority first and equal priorities first in, first out', async () => {
    const single = await startTestServer(registerTestEngines, { SPIDERIQ_WORKERS_SITE: '1' });
    try {
      const post = async (url: string, priority: number) =>
        ((await (await single.api('/api/v1/jobs/spiderSite/submit', { method: 'POST', body: JSON.stringify({ payload: { url }, priority }) })).json()) as { job_id: string }).job_id;
      const blocker = await post('https://slow.test/?ms=300&block', 0);
      await waitForStatus(single, blocker, ['processing']);
      const tag = crypto.randomUUID();
      const urls = [`https://ok.test/a-${tag}`, `https://ok.test/b-${tag}`, `https://ok.test/c-${tag}`, `https://ok.test/d-${tag}`];
      const ids = [await post(urls[0]!, 0), await post(urls[1]!, 5), await post(urls[2]!, 5), await post(urls[3]!, 10)];
      for (const id of ids) await waitForStatus(single, id, ['completed']);
      expect(runLog.filter((u) => u.includes(tag))).toEqual([urls[3], urls[1], urls[2], urls[0]]);
    } finally {
      await single.close();
    }
  });
});

describe('resultsJson', () => {
  it('gives the same bytes as serialising the results view', async () => {
    const { resultsJson, resultsView } = await import('../src/views/job-views.js');
    const { body } = await submitSite({ url: unique() });
    await waitForStatus(server, String(body.job_id), ['completed']);
    const job = (await server.runtime.store.getJob(String(body.job_id)))!;
    expect(resultsJson(job)).toBe(JSON.stringify(resultsView(job)));
    const failed = await submitSite({ url: 'https://fail.test/bytes' });
    await waitForStatus(server, String(failed.body.job_id), ['failed']);
    const failedJob = (await server.runtime.store.getJob(String(failed.body.job_id)))!;
    expect(resultsJson(failedJob)).toBe(JSON.stringify(resultsView(failedJob)));
  });
});
