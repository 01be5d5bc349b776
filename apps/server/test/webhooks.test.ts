import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { JobCancelledEventSchema, JobCompletedEventSchema, JobFailedEventSchema, JobWebhooksResponseSchema, WebhookSecretResponseSchema } from '@spideriq/schema';
import type { JobWebhooksResponse } from '@spideriq/schema';
import { registerTestEngines, startTestServer, waitForStatus } from '@spideriq/testkit/server';
import type { TestServer } from '@spideriq/testkit/server';
import { startWebhookReceiver } from './support/webhook-receiver.js';
import type { ReceivedWebhook } from './support/webhook-receiver.js';

const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

/** Retries after 0.2, 0.4, 0.8 and 1.6 s (±20 % jitter): five attempts in about 3 s. */
const SCHEDULE_MS = [200, 400, 800, 1600];
const FAST = {
  SPIDERIQ_ALLOW_PRIVATE_NETWORKS: 'true',
  SPIDERIQ_WEBHOOK_RETRY_SECONDS: SCHEDULE_MS.map((ms) => ms / 1000).join(','),
  SPIDERIQ_WEBHOOK_TIMEOUT_SECONDS: '0.5',
  SPIDERIQ_WEBHOOK_POLL_SECONDS: '0.1',
};

const submit = async (server: TestServer, body: object, path = '/api/v1/jobs/spiderSite/submit') => {
  const res = await server.api(path, { method: 'POST', body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};
const secretOf = async (server: TestServer, token?: string) =>
  WebhookSecretResponseSchema.parse(await (await server.api('/api/v1/webhooks/secret', token ? { token } : {})).json()).secret;
const webhooksOf = async (server: TestServer, jobId: string): Promise<JobWebhooksResponse> => {
  const res = await server.api(`/api/v1/jobs/${jobId}/webhooks`);
  expect(res.status).toBe(200);
  return JobWebhooksResponseSchema.parse(await res.json());
};
async function settled(server: TestServer, jobId: string, timeoutMs = 15_000): Promise<JobWebhooksResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await webhooksOf(server, jobId);
    if (view.deliveries.length > 0 && view.deliveries.every((d) => d.status !== 'pending')) return view;
    if (Date.now() > deadline) throw new Error(`webhooks of ${jobId} still pending: ${JSON.stringify(view)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
/** Verifies with the `standardwebhooks` reference verifier; returns the parsed body. */
const verified = (secret: string, hook: ReceivedWebhook) => new Webhook(secret).verify(hook.body, hook.headers) as Record<string, unknown>;

describe('signed webhooks, retried until delivered', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(registerTestEngines, FAST);
    closers.push(server.close);
  });

  it('retries a failing receiver on the schedule with one webhook-id, every attempt verifiable, and the body is job.completed with the results', async () => {
    const receiver = await startWebhookReceiver((n) => (n <= 2 ? 503 : 200));
    closers.push(receiver.close);
    const { body: job } = await submit(server, { payload: { url: 'https://ok.test/retried' }, webhook_url: receiver.url });
    const hooks = await receiver.waitFor(3);
    const secret = await secretOf(server);
    expect(secret).toMatch(/^whsec_/);

    const ids = new Set(hooks.map((h) => h.headers['webhook-id']));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^msg_[0-9a-f]{32}$/);
    for (const hook of hooks) {
      expect(hook.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
      expect(Math.abs(Number(hook.headers['webhook-timestamp']) * 1000 - hook.at)).toBeLessThan(5000);
      expect(hook.headers['content-type']).toBe('application/json');
    }
    const event = JobCompletedEventSchema.parse(verified(secret, hooks[2]!));
    expect(event).toMatchObject({ event: 'job.completed', job_id: job.job_id, type: 'spiderSite' });
    expect(event.results).toMatchObject({ job_id: job.job_id, status: 'completed', success: true });
    expect((event.results!.data as { emails: string[] }).emails).toEqual(['contact@example.org']);
    expect(JSON.parse(hooks[0]!.body)).toEqual(JSON.parse(hooks[2]!.body));

    // A tampered body or a wrong secret fails verification.
    expect(() => new Webhook(secret).verify(hooks[2]!.body.replace('ok.test', 'evil.test'), hooks[2]!.headers)).toThrow();
    expect(() => new Webhook('whsec_' + Buffer.from('x'.repeat(32)).toString('base64')).verify(hooks[2]!.body, hooks[2]!.headers)).toThrow();

    // Timing: each pause is the scheduled one ±20 % (plus the sweep's own latency).
    const gaps = [hooks[1]!.at - hooks[0]!.at, hooks[2]!.at - hooks[1]!.at];
    gaps.forEach((gap, i) => {
      expect(gap, `pause ${i + 1}`).toBeGreaterThanOrEqual(SCHEDULE_MS[i]! * 0.8 - 20);
      expect(gap, `pause ${i + 1}`).toBeLessThanOrEqual(SCHEDULE_MS[i]! * 1.2 + 250);
    });

    const view = await settled(server, job.job_id);
    expect(view.subscriptions).toEqual([{ url: receiver.url, events: ['job.completed', 'job.failed', 'job.cancelled'], created_at: expect.any(String) }]);
    expect(view.deliveries).toHaveLength(1);
    const [delivery] = view.deliveries;
    expect(delivery).toMatchObject({ webhook_id: [...ids][0], event: 'job.completed', url: receiver.url, status: 'delivered', next_attempt_at: null });
    expect(delivery!.attempts.map((a) => [a.attempt, a.status_code, a.error])).toEqual([
      [1, 503, 'HTTP 503'],
      [2, 503, 'HTTP 503'],
      [3, 200, null],
    ]);
    expect(receiver.received).toHaveLength(3);
  });

  it('gives up after the schedule (5 attempts), counting a receiver that never answers as failed', async () => {
    const receiver = await startWebhookReceiver((n) => (n === 1 ? 'hang' : 500));
    closers.push(receiver.close);
    const { body: job } = await submit(server, { payload: { url: 'https://fail.test/exhausted' }, webhook_url: receiver.url });
    const view = await settled(server, job.job_id, 20_000);
    const [delivery] = view.deliveries;
    expect(delivery).toMatchObject({ event: 'job.failed', status: 'failed', next_attempt_at: null });
    expect(delivery!.attempts.map((a) => a.status_code)).toEqual([null, 500, 500, 500, 500]);
    expect(delivery!.attempts[0]!.error).toBe('No answer within 500 ms');
    expect(receiver.received).toHaveLength(5);
    expect(new Set(receiver.received.map((h) => h.headers['webhook-id'])).size).toBe(1);
    const event = JobFailedEventSchema.parse(verified(await secretOf(server), receiver.received[4]!));
    expect(event.error_message).toBe('Failed to connect to target URL: connection refused');
  });

  it('sends job.cancelled, and nothing for an event the subscription did not ask for', async () => {
    const receiver = await startWebhookReceiver();
    closers.push(receiver.close);
    const { body: slow } = await submit(server, { payload: { url: 'https://slow.test/?ms=5000' }, webhook_url: receiver.url, webhook_events: ['job.cancelled'] });
    await waitForStatus(server, slow.job_id, ['processing']);
    expect((await server.api(`/api/v1/jobs/${slow.job_id}`, { method: 'DELETE' })).status).toBe(200);
    const [hook] = await receiver.waitFor(1);
    expect(JobCancelledEventSchema.parse(verified(await secretOf(server), hook!))).toMatchObject({ event: 'job.cancelled', job_id: slow.job_id });

    const { body: quiet } = await submit(server, { payload: { url: 'https://ok.test/quiet' }, webhook_url: receiver.url, webhook_events: ['job.failed'] });
    await waitForStatus(server, quiet.job_id, ['completed']);
    await new Promise((r) => setTimeout(r, 400));
    const view = await webhooksOf(server, quiet.job_id);
    expect(view.subscriptions[0]!.events).toEqual(['job.failed']);
    expect(view.deliveries).toEqual([]);
    expect(receiver.received).toHaveLength(1);
  });

  it('keeps the webhook out of the dedup key: a cached job gets the new webhook too', async () => {
    const first = await startWebhookReceiver();
    const second = await startWebhookReceiver();
    closers.push(first.close, second.close);
    const payload = { url: 'https://ok.test/dedup' };
    const a = await submit(server, { payload, webhook_url: first.url });
    await first.waitFor(1);
    const b = await submit(server, { payload, webhook_url: second.url });
    expect(b.body).toMatchObject({ job_id: a.body.job_id, from_cache: true });
    const [hook] = await second.waitFor(1);
    expect(JSON.parse(hook!.body)).toMatchObject({ event: 'job.completed', job_id: a.body.job_id });
    expect((await webhooksOf(server, a.body.job_id)).deliveries.map((d) => d.url).sort()).toEqual([first.url, second.url].sort());
  });

  it('rotates the secret: the previous one still verifies during the grace period, and each client has its own', async () => {
    const before = await secretOf(server);
    const rotated = await server.api('/api/v1/webhooks/secret/rotate', { method: 'POST' });
    expect(rotated.status).toBe(200);
    const after = WebhookSecretResponseSchema.parse(await rotated.json());
    expect(after.secret).not.toBe(before);
    expect(Date.parse(after.previous_secret_expires_at!)).toBeGreaterThan(Date.now() + 23 * 3600_000);
    expect(await secretOf(server)).toBe(after.secret);
    expect(await secretOf(server, server.tokens[1])).not.toBe(after.secret);

    const receiver = await startWebhookReceiver();
    closers.push(receiver.close);
    await submit(server, { payload: { url: 'https://ok.test/rotated' }, webhook_url: receiver.url });
    const [hook] = await receiver.waitFor(1);
    expect(hook!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(verified(after.secret, hook!)).toMatchObject({ event: 'job.completed' });
    expect(verified(before, hook!)).toMatchObject({ event: 'job.completed' });
    expect((await server.api('/api/v1/webhooks/secret', { token: null })).status).toBe(401);
  });

  it('takes webhook fields on the generic and the maps submit too, and 404s another client’s job webhooks', async () => {
    const receiver = await startWebhookReceiver();
    closers.push(receiver.close);
    const generic = await submit(server, { type: 'spiderSite', payload: { url: 'https://ok.test/generic' }, webhook_url: receiver.url }, '/api/v1/jobs/submit');
    const maps = await submit(server, { payload: { search_query: 'plumbers in Austin, TX' }, webhook_url: receiver.url }, '/api/v1/jobs/spiderMaps/submit');
    expect([generic.status, maps.status]).toEqual([201, 201]);
    const hooks = await receiver.waitFor(2);
    expect(hooks.map((h) => JSON.parse(h.body).job_id).sort()).toEqual([generic.body.job_id, maps.body.job_id].sort());
    expect((await server.api(`/api/v1/jobs/${maps.body.job_id}/webhooks`, { token: server.tokens[1] })).status).toBe(404);
  });
});

describe('webhook URLs and the SSRF guard', () => {
  let guarded: TestServer;
  beforeAll(async () => {
    guarded = await startTestServer(registerTestEngines);
    closers.push(guarded.close);
  });

  it.each([
    ['loopback', 'http://127.0.0.1:9/hook', /loopback address is not allowed/],
    ['private', 'http://10.1.2.3/hook', /private address is not allowed/],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/', /cloud-metadata address is not allowed/],
    ['host name resolving to loopback', 'http://localhost:9/hook', /localhost resolves to .* loopback address is not allowed|loopback address \(localhost resolves to/],
  ])('refuses a %s webhook URL at submit with 422 at body.webhook_url', async (_name, url, msg) => {
    const res = await submit(guarded, { payload: { url: 'https://ok.test/' }, webhook_url: url });
    expect(res.status).toBe(422);
    expect(res.body.detail).toEqual([{ loc: ['body', 'webhook_url'], msg: expect.stringMatching(msg), type: 'blocked_url' }]);
  });

  it.each([
    ['a non-http URL', { webhook_url: 'ftp://hooks.example.com/' }, ['body', 'webhook_url']],
    ['an unknown event', { webhook_url: 'https://hooks.example.com/', webhook_events: ['job.progress'] }, ['body', 'webhook_events', 0]],
    ['events without a URL', { webhook_events: ['job.completed'] }, ['body', 'webhook_events']],
    ['credentials in the URL', { webhook_url: 'https://user:pw@hooks.example.com/' }, ['body', 'webhook_url']],
  ])('refuses %s with 422', async (_name, fields, loc) => {
    const res = await submit(guarded, { payload: { url: 'https://ok.test/' }, ...fields });
    expect(res.status).toBe(422);
    expect(res.body.detail[0].loc).toEqual(loc);
  });
});
