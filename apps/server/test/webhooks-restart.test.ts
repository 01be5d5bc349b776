import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { generateToken } from '../src/auth/credentials.js';
import { startServerProcess } from '@spideriq/testkit/server';
import { startWebhookReceiver } from './support/webhook-receiver.js';

const children: ChildProcess[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const close of closers.splice(0)) await close();
});

describe('webhook deliveries survive a restart', () => {
  // Two server processes start under tsx: slow on a loaded machine, hence the long timeout.
  it('a delivery whose first attempt failed is retried, with the same webhook-id and secret, by the next process after kill -9', { timeout: 120_000 }, async () => {
    const receiver = await startWebhookReceiver((n) => (n === 1 ? 503 : 200));
    closers.push(receiver.close);
    const dataDir = mkdtempSync(join(tmpdir(), 'siq-webhook-restart-'));
    const token = generateToken().token;
    const env = {
      SPIDERIQ_DATA_DIR: dataDir,
      SPIDERIQ_BOOTSTRAP_TOKEN: token,
      SPIDERIQ_ALLOW_PRIVATE_NETWORKS: 'true',
      SPIDERIQ_WEBHOOK_RETRY_SECONDS: '2,2,2,2',
      SPIDERIQ_WEBHOOK_POLL_SECONDS: '0.1',
    };
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const first = await startServerProcess(env, children);
    const submitted = await fetch(`${first.url}/api/v1/jobs/spiderSite/submit`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ payload: { url: 'https://ok.test/restart' }, webhook_url: receiver.url }),
    });
    const jobId = ((await submitted.json()) as { job_id: string }).job_id;
    const secret = ((await (await fetch(`${first.url}/api/v1/webhooks/secret`, { headers })).json()) as { secret: string }).secret;
    const deadline = Date.now() + 10_000;
    for (;;) {
      const view = (await (await fetch(`${first.url}/api/v1/jobs/${jobId}/webhooks`, { headers })).json()) as { deliveries: { attempts: unknown[] }[] };
      if (view.deliveries[0]?.attempts.length === 1) break;
      if (Date.now() > deadline) throw new Error('the first attempt was never recorded');
      await new Promise((r) => setTimeout(r, 20));
    }
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    expect(receiver.received).toHaveLength(1);

    const second = await startServerProcess(env, children);
    const [attempt1, attempt2] = await receiver.waitFor(2, 15_000);
    expect(attempt2!.headers['webhook-id']).toBe(attempt1!.headers['webhook-id']);
    expect(new Webhook(secret).verify(attempt2!.body, attempt2!.headers)).toMatchObject({ event: 'job.completed', job_id: jobId });
    // The pause spans the restart: about the scheduled 2 s (±20 %), not a fresh first attempt.
    expect(attempt2!.at - attempt1!.at).toBeGreaterThanOrEqual(1600 - 20);

    let view: { deliveries: { status: string; attempts: { status_code: number | null }[] }[] } = { deliveries: [] };
    for (let i = 0; i < 100; i++) {
      view = (await (await fetch(`${second.url}/api/v1/jobs/${jobId}/webhooks`, { headers })).json()) as typeof view;
      if (view.deliveries[0]?.status === 'delivered') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(view.deliveries[0]).toMatchObject({ status: 'delivered' });
    expect(view.deliveries[0]!.attempts.map((a) => a.status_code)).toEqual([503, 200]);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received).toHaveLength(2);
  });
});
