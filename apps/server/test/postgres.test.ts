import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, waitForStatus } from '@spideriq/testkit/server';
import { registerTestEngines } from '@spideriq/testkit/server';
import { startWebhookReceiver } from './support/webhook-receiver.js';
import { Webhook } from 'standardwebhooks';

const PG_URL = process.env.SPIDERIQ_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `srv_${randomUUID().replace(/-/g, '').slice(0, 12)}`;

afterAll(async () => {
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; DROP SCHEMA IF EXISTS "${schema}_queue" CASCADE`);
  await admin.end();
});

describe('the server on PostgreSQL (SPIDERIQ_DATABASE_URL)', () => {
  it('runs the same job lifecycle, and two servers on one database share the queue', async () => {
    const env = { SPIDERIQ_DATABASE_URL: PG_URL, SPIDERIQ_DATABASE_SCHEMA: schema };
    const a = await startTestServer(registerTestEngines, { ...env, SPIDERIQ_WORKERS_SITE: '0' });
    try {
      const res = await a.api('/api/v1/jobs/spiderSite/submit', { method: 'POST', body: JSON.stringify({ payload: { url: 'https://ok.test/pg' } }) });
      expect(res.status).toBe(201);
      const { job_id } = (await res.json()) as { job_id: string };
      const health = (await (await a.api('/api/v1/system/health', { token: null })).json()) as { services: { database: string } };
      expect(health.services.database).toBe('up');
      // A second process-like runtime with workers, same database and the same client token, runs the job.
      const b = await startTestServer(registerTestEngines, { ...env, SPIDERIQ_BOOTSTRAP_TOKEN: a.tokens[0]! }, 0);
      try {
        await waitForStatus(a, job_id, ['completed'], 15_000);
        const results = await a.api(`/api/v1/jobs/${job_id}/results`);
        expect(results.status).toBe(200);
        expect(((await results.json()) as { worker_id: string }).worker_id).toMatch(/^spider-site-main-/);
      } finally {
        await b.close();
      }
    } finally {
      await a.close();
    }
  });

  it('shares webhook deliveries between two servers: each attempt is sent once, retries survive either', async () => {
    const receiver = await startWebhookReceiver((n) => (n === 1 ? 500 : 204));
    const env = {
      SPIDERIQ_DATABASE_URL: PG_URL,
      SPIDERIQ_DATABASE_SCHEMA: schema,
      SPIDERIQ_ALLOW_PRIVATE_NETWORKS: 'true',
      SPIDERIQ_WEBHOOK_RETRY_SECONDS: '0.3,0.3,0.3,0.3',
      SPIDERIQ_WEBHOOK_POLL_SECONDS: '0.05',
    };
    const a = await startTestServer(registerTestEngines, env);
    const b = await startTestServer(registerTestEngines, { ...env, SPIDERIQ_BOOTSTRAP_TOKEN: a.tokens[0]! }, 0);
    try {
      const res = await a.api('/api/v1/jobs/spiderSite/submit', { method: 'POST', body: JSON.stringify({ payload: { url: 'https://ok.test/pg-hook' }, webhook_url: receiver.url }) });
      const { job_id } = (await res.json()) as { job_id: string };
      const hooks = await receiver.waitFor(2);
      await new Promise((r) => setTimeout(r, 800));
      expect(receiver.received).toHaveLength(2);
      expect(new Set(hooks.map((h) => h.headers['webhook-id'])).size).toBe(1);
      const secret = ((await (await b.api('/api/v1/webhooks/secret', { token: a.tokens[0]! })).json()) as { secret: string }).secret;
      expect(new Webhook(secret).verify(hooks[1]!.body, hooks[1]!.headers)).toMatchObject({ event: 'job.completed', job_id });
      const view = (await (await b.api(`/api/v1/jobs/${job_id}/webhooks`, { token: a.tokens[0]! })).json()) as { deliveries: { status: string; attempts: { status_code: number }[] }[] };
      expect(view.deliveries).toHaveLength(1);
      expect(view.deliveries[0]).toMatchObject({ status: 'delivered' });
      expect(view.deliveries[0]!.attempts.map((x) => x.status_code)).toEqual([500, 204]);
    } finally {
      await b.close();
      await a.close();
      await receiver.close();
    }
  });

  it('stops start-up with a clear message when the database is unreachable', async () => {
    await expect(startTestServer(registerTestEngines, { SPIDERIQ_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' })).rejects.toThrow(/SPIDERIQ_DATABASE_URL/);
  });
});
