import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthResponseSchema, InfoResponseSchema, JobEventSchema, QueueStatsResponseSchema } from '@spideriq/schema';
import { OPENAPI_PATH, ASYNCAPI_PATH } from '../src/routes/static.js';
import { startTestServer, waitForStatus } from '@spideriq/testkit/server';
import type { TestServer } from '@spideriq/testkit/server';
import { registerTestEngines } from '@spideriq/testkit/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(registerTestEngines, { SPIDERIQ_WORKERS_SITE: '1', SPIDERIQ_SSE_HEARTBEAT_SECONDS: '1' });
});
afterAll(() => server.close());

/** Reads SSE events until `until` returns true or the stream ends. */
async function readEvents(res: Response, until: (names: string[]) => boolean, timeoutMs = 5000): Promise<{ event: string; data: Record<string, unknown> }[]> {
  const events: { event: string; data: Record<string, unknown> }[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const timer = setTimeout(() => void reader.cancel(), timeoutMs);
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(frame)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
      }
      if (until(events.map((e) => e.event))) break;
    }
  } finally {
    clearTimeout(timer);
    await reader.cancel().catch(() => undefined);
  }
  return events;
}

describe('system', () => {
  it('reports health with real checks', async () => {
    const res = await server.api('/api/v1/system/health', { token: null });
    expect(res.status).toBe(200);
    const body = HealthResponseSchema.parse(await res.json());
    expect(body).toMatchObject({ status: 'healthy', services: { database: 'up', storage: 'up', workers: { spider_site: 1, spider_maps: 2, total: 3, available: true } }, issues: [] });
  });

  it('answers 503 unhealthy when the store is down', async () => {
    const broken = await startTestServer(registerTestEngines);
    await broken.runtime.store.close();
    const res = await broken.api('/api/v1/system/health', { token: null });
    expect(res.status).toBe(503);
    const body = HealthResponseSchema.parse(await res.json());
    expect(body.status).toBe('unhealthy');
    expect(body.services.database).toBe('down');
    expect(body.issues.join(' ')).toMatch(/database/);
    await broken.runtime.pool.stop(0);
  });

  it('counts queued and processing jobs per queue', async () => {
    const idle = await startTestServer(registerTestEngines, { SPIDERIQ_WORKERS_SITE: '0', SPIDERIQ_WORKERS_MAPS: '0' });
    try {
      for (let i = 0; i < 3; i++) await idle.api('/api/v1/jobs/spiderSite/submit', { method: 'POST', body: JSON.stringify({ payload: { url: `https://ok.test/${i}` } }) });
      await idle.api('/api/v1/jobs/spiderMaps/submit', { method: 'POST', body: JSON.stringify({ payload: { search_query: 'bakeries in Porto' } }) });
      const stats = QueueStatsResponseSchema.parse(await (await idle.api('/api/v1/system/queue-stats', { token: null })).json());
      expect(stats.queues).toEqual({ spider_site: { queued: 3, processing: 0, total: 3 }, spider_maps: { queued: 1, processing: 0, total: 1 } });
      const health = HealthResponseSchema.parse(await (await idle.api('/api/v1/system/health', { token: null })).json());
      expect(health.status).toBe('degraded');
    } finally {
      await idle.close();
    }
  });

  it('describes the server in /info', async () => {
    const info = InfoResponseSchema.parse(await (await server.api('/api/v1/system/info', { token: null })).json());
    expect(info.job_types).toEqual(['spiderSite', 'spiderMaps']);
    expect(info.limits).toMatchObject({ rate_limit_per_minute: 100000, max_pages: 50, priority: { min: 0, max: 10 }, max_attempts: 3 });
  });

  it('serves the committed OpenAPI and AsyncAPI documents byte for byte', async () => {
    const openapi = await server.api('/openapi.json', { token: null });
    expect(openapi.headers.get('content-type')).toMatch(/application\/json/);
    expect(await openapi.text()).toBe(readFileSync(OPENAPI_PATH, 'utf8'));
    expect(await (await server.api('/asyncapi.yaml', { token: null })).text()).toBe(readFileSync(ASYNCAPI_PATH, 'utf8'));
  });
});

describe('event stream', () => {
  it('streams a job from its current state through progress to its terminal event, then closes', async () => {
    const submitted = (await (await server.api('/api/v1/jobs/spiderSite/submit', { method: 'POST', body: JSON.stringify({ payload: { url: 'https://slow.test/?ms=300&sse' } }) })).json()) as { job_id: string };
    const res = await fetch(`${server.url}/api/v1/events/stream?token=${encodeURIComponent(server.tokens[0]!)}&job_id=${submitted.job_id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = await readEvents(res, (names) => names.includes('job.completed'));
    const names = events.map((e) => e.event);
    expect(names[0]).toBe('connected');
    expect(names).toContain('job.progress');
    expect(names.at(-1)).toBe('job.completed');
    for (const { event, data } of events) {
      expect(data.event).toBe(event);
      expect(JobEventSchema.safeParse(data).success, event).toBe(true);
    }
    const pages = events.filter((e) => e.event === 'job.progress').map((e) => e.data.pages_crawled as number);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
  });

  it('sends the terminal event at once for a finished job, and shows a client only its own jobs', async () => {
    const mine = (await (await server.api('/api/v1/jobs/spiderSite/submit', { method: 'POST', body: JSON.stringify({ payload: { url: 'https://fail.test/sse' } }) })).json()) as { job_id: string };
    await waitForStatus(server, mine.job_id, ['failed']);
    const events = await readEvents(await fetch(`${server.url}/api/v1/events/stream?token=${encodeURIComponent(server.tokens[0]!)}&job_id=${mine.job_id}`), (n) => n.includes('job.failed'));
    expect(events.map((e) => e.event)).toEqual(['connected', 'job.failed']);
    expect(events[1]!.data.error_message).toMatch(/connection refused/);

    const other = await fetch(`${server.url}/api/v1/events/stream?token=${encodeURIComponent(server.tokens[1]!)}&job_id=${mine.job_id}`);
    expect(other.status).toBe(404);
    expect((await fetch(`${server.url}/api/v1/events/stream`)).status).toBe(401);

    // The account-wide stream of client 2 sees a heartbeat but none of client 1's events.
    const stream = fetch(`${server.url}/api/v1/events/stream?token=${encodeURIComponent(server.tokens[1]!)}`);
    await server.api('/api/v1/jobs/spiderSite/submit', { method: 'POST', body: JSON.stringify({ payload: { url: 'https://ok.test/sse-isolation' } }) });
    const seen = await readEvents(await stream, (n) => n.includes('heartbeat'), 3000);
    expect(seen.map((e) => e.event)).toEqual(['connected', 'heartbeat']);
  });
});
