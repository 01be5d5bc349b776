import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalJobEventBus, SqliteJobStore } from '@spideriq/jobs';
import type { JobRecord } from '@spideriq/jobs';
import { WebhookDispatcher } from '../src/webhooks/dispatcher.js';
import type { WebhookRequest } from '../src/webhooks/sender.js';

/** The poll is an hour away: whatever is delivered here was woken by the job's terminal event. */
const POLL_MS = 3_600_000;

describe('webhook dispatcher: which terminal events wake a sweep', () => {
  let store: SqliteJobStore;
  let bus: LocalJobEventBus;
  let sent: WebhookRequest[];
  let sweeps: number;
  let dispatcher: WebhookDispatcher;
  beforeEach(() => {
    store = new SqliteJobStore({ path: join(mkdtempSync(join(tmpdir(), 'siq-disp-')), 'db.sqlite'), maxAttempts: 3 });
    bus = new LocalJobEventBus();
    sent = [];
    sweeps = 0;
    const dueEvents = store.webhooks.dueEvents.bind(store.webhooks);
    store.webhooks.dueEvents = (limit) => (sweeps++, dueEvents(limit));
  });
  afterEach(async () => {
    await dispatcher.stop();
    await store.close();
  });

  const start = () => {
    dispatcher = new WebhookDispatcher({
      store,
      bus,
      logger: pino({ level: 'silent' }),
      sender: async (request) => (sent.push(request), { statusCode: 204 }),
      scheduleMs: [100],
      timeoutMs: 1000,
      pollMs: POLL_MS,
    });
    dispatcher.start();
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
  const job = async (clientId: string) =>
    (await store.createJob({ id: randomUUID(), clientId, type: 'spiderSite', payload: { url: `https://x.test/${randomUUID()}` }, priority: 0, dedupKey: null }, new Date())).job;
  const subscribe = (j: JobRecord) =>
    store.webhooks.subscribe({ id: randomUUID(), jobId: j.id, clientId: j.clientId, url: 'https://hooks.test/', events: ['job.completed'], createdAt: new Date().toISOString() });
  const complete = async (j: JobRecord) => {
    const claimed = (await store.claim('w', ['spiderSite'], 10_000, new Date()))!;
    expect(claimed.job.id).toBe(j.id);
    await store.complete(j.id, claimed.leaseToken, { ok: true }, new Date());
    bus.publish({ clientId: j.clientId, event: { event: 'job.completed', job_id: j.id, type: 'spiderSite', processing_time_seconds: 0, completed_at: new Date().toISOString() } });
  };

  it('a client without webhooks: its jobs end without a sweep; a watched client: delivered at once', async () => {
    start();
    await settle();
    const before = sweeps;
    await complete(await job('cli_plain'));
    await settle();
    expect(sweeps).toBe(before);

    dispatcher.watch('cli_hooks');
    const hooked = await job('cli_hooks');
    await subscribe(hooked);
    await complete(hooked);
    await settle();
    expect(sweeps).toBeGreaterThan(before);
    expect(sent.map((r) => JSON.parse(r.body).job_id)).toEqual([hooked.id]);
  });

  it('a subscription stored before it started (another process, or a restart): its job is delivered on its event', async () => {
    const hooked = await job('cli_elsewhere');
    await subscribe(hooked);
    start();
    await settle();
    await complete(hooked);
    await settle();
    expect(sent.map((r) => JSON.parse(r.body).job_id)).toEqual([hooked.id]);
  });
});
