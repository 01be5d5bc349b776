import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type SpiderIQClient } from '../src/index.js';
import { sequence, startFakeApi, type FakeApi } from './fake-api.js';
import { COMPLETED, JOB_ID, PROCESSING } from './fixtures.js';

const TOKEN = 'cli_upxjrhfj3dzqmyf3:sk_abc:secret_def';
const submitted = { job_id: JOB_ID, type: 'spiderSite', status: 'queued', created_at: '2025-10-27T14:30:02Z', from_cache: false, message: 'Job submitted successfully' };
const cancelled = { success: true, job_id: JOB_ID, status: 'cancelled', message: 'Job cancelled successfully' };
const list = { total: 0, page: 2, page_size: 10, total_pages: 0, jobs: [] };
const health = { status: 'healthy' };
const webhooks = { job_id: JOB_ID, subscriptions: [], deliveries: [] };
const secret = { secret: 'whsec_abc', created_at: '2025-10-27T14:30:02Z', previous_secret_expires_at: null };

let api: FakeApi;
let client: SpiderIQClient;

beforeAll(async () => {
  api = await startFakeApi({
    'POST /api/v1/jobs/spiderSite/submit': sequence({ status: 201, body: submitted }),
    'POST /api/v1/jobs/spiderMaps/submit': sequence({ status: 201, body: { ...submitted, type: 'spiderMaps' } }),
    'POST /api/v1/jobs/submit': sequence({ status: 201, body: submitted }),
    [`GET /api/v1/jobs/${JOB_ID}/status`]: sequence({ status: 200, body: { job_id: JOB_ID, status: 'processing' } }),
    [`GET /api/v1/jobs/${JOB_ID}/results`]: sequence({ status: 202, body: PROCESSING }, { status: 200, body: COMPLETED }),
    'GET /api/v1/jobs/list': sequence({ status: 200, body: list }),
    [`DELETE /api/v1/jobs/${JOB_ID}`]: sequence({ status: 200, body: cancelled }),
    [`GET /api/v1/jobs/${JOB_ID}/webhooks`]: sequence({ status: 200, body: webhooks }),
    'GET /api/v1/webhooks/secret': sequence({ status: 200, body: secret }),
    'POST /api/v1/webhooks/secret/rotate': sequence({ status: 200, body: secret }),
    'GET /api/v1/system/health': sequence({ status: 200, body: health }),
    'GET /api/v1/system/queue-stats': sequence({ status: 200, body: { queues: [] } }),
    'GET /api/v1/system/info': sequence({ status: 200, body: { name: 'SpiderIQ (open source)' } }),
  });
  client = createClient({ baseUrl: `${api.baseUrl}/`, token: TOKEN, headers: { 'X-Trace': 'on' } });
});
afterAll(() => api.close());

function last() {
  const request = api.requests.at(-1);
  if (request === undefined) throw new Error('no request recorded');
  return request;
}

describe('createClient', () => {
  it.each([
    ['submitSite', () => client.submitSite({ payload: { url: 'https://example.com' }, priority: 5 }), 'POST', '/api/v1/jobs/spiderSite/submit', submitted],
    ['submitMaps', () => client.submitMaps({ payload: { query: 'coffee in Berlin' } }), 'POST', '/api/v1/jobs/spiderMaps/submit', { ...submitted, type: 'spiderMaps' }],
    ['submit', () => client.submit({ type: 'spiderSite', payload: { url: 'https://example.com' } }), 'POST', '/api/v1/jobs/submit', submitted],
    ['status', () => client.status(JOB_ID), 'GET', `/api/v1/jobs/${JOB_ID}/status`, { job_id: JOB_ID, status: 'processing' }],
    ['cancel', () => client.cancel(JOB_ID), 'DELETE', `/api/v1/jobs/${JOB_ID}`, cancelled],
    ['jobWebhooks', () => client.jobWebhooks(JOB_ID), 'GET', `/api/v1/jobs/${JOB_ID}/webhooks`, webhooks],
    ['webhookSecret', () => client.webhookSecret(), 'GET', '/api/v1/webhooks/secret', secret],
    ['rotateWebhookSecret', () => client.rotateWebhookSecret(), 'POST', '/api/v1/webhooks/secret/rotate', secret],
    ['health', () => client.health(), 'GET', '/api/v1/system/health', health],
    ['queueStats', () => client.queueStats(), 'GET', '/api/v1/system/queue-stats', { queues: [] }],
    ['info', () => client.info(), 'GET', '/api/v1/system/info', { name: 'SpiderIQ (open source)' }],
  ] as const)('%s calls its route and returns the parsed body', async (_name, call, method, path, want) => {
    await expect(call()).resolves.toEqual(want);
    expect(last()).toMatchObject({ method, path });
    expect(last().headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(last().headers['x-trace']).toBe('on');
  });

  it('sends the webhook fields of a submit body', async () => {
    await client.submitSite({ payload: { url: 'https://example.com' }, webhook_url: 'https://hooks.example.com/x', webhook_events: ['job.completed'] });
    expect(JSON.parse(last().body)).toMatchObject({ webhook_url: 'https://hooks.example.com/x', webhook_events: ['job.completed'] });
  });

  it('sends submit bodies as JSON', async () => {
    await client.submitSite({ payload: { url: 'https://example.com', max_pages: 5 } });
    expect(last().headers['content-type']).toBe('application/json');
    expect(JSON.parse(last().body)).toEqual({ payload: { url: 'https://example.com', max_pages: 5 } });
  });

  it('serialises the list query', async () => {
    await client.list({ page: 2, page_size: 10, status_filter: 'completed' });
    expect(Object.fromEntries(last().query)).toEqual({ page: '2', page_size: '10', status_filter: 'completed' });
  });

  it('returns the 202 body while pending and the 200 body when done', async () => {
    await expect(client.results(JOB_ID)).resolves.toMatchObject({ status: 'processing', data: null });
    await expect(client.results(JOB_ID)).resolves.toEqual(COMPLETED);
  });

  it('sends no Authorization header without a token', async () => {
    await createClient({ baseUrl: api.baseUrl }).health();
    expect(last().headers['authorization']).toBeUndefined();
  });

  it('uses the injected fetch', async () => {
    const seen: string[] = [];
    const custom = createClient({
      baseUrl: api.baseUrl,
      fetch: (request) => {
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
        return fetch(request);
      },
    });
    await custom.health();
    expect(seen).toEqual(['GET /api/v1/system/health']);
  });

  it('exposes the typed openapi-fetch client as raw', async () => {
    const { data, response } = await client.raw.GET('/api/v1/system/health');
    expect(response.status).toBe(200);
    expect(data).toEqual(health);
  });

  it.each([
    ['yaml', 'application/yaml', 'success: true\njob_id: 550e8400-e29b-41d4-a716-446655440000\n'],
    ['md', 'text/markdown', '# Job 550e8400\n\n- **Status:** completed\n'],
  ] as const)('resultsText asks for ?format=%s and returns the text as sent', async (format, type, text) => {
    const server = await startFakeApi({
      [`GET /api/v1/jobs/${JOB_ID}/results`]: (_req, res) => {
        res.writeHead(200, { 'Content-Type': type });
        res.end(text);
      },
    });
    try {
      const textClient = createClient({ baseUrl: server.baseUrl, token: TOKEN });
      await expect(textClient.resultsText(JOB_ID, format)).resolves.toBe(text);
      expect(server.requests[0]?.query.get('format')).toBe(format);
      expect(server.requests[0]?.headers['accept']).toBe(type);
    } finally {
      await server.close();
    }
  });
});
