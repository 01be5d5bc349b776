import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeaseQueueStore, NewWebhookDelivery, WebhookSubscriptionRecord } from '../src/index.js';
import { backends } from './support/backends.js';

const t0 = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe.each(backends)('%s webhook store', (_name, open) => {
  let store: LeaseQueueStore;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dispose } = await open());
  });
  afterEach(async () => {
    await store.close();
    await dispose();
  });

  const newJob = async () => (await store.createJob({ id: randomUUID(), clientId: 'cli_a', type: 'spiderSite', payload: { url: 'https://x.test/' }, priority: 0, dedupKey: null }, t0)).job;
  const subscription = (jobId: string, url = 'https://hooks.test/a', events: WebhookSubscriptionRecord['events'] = ['job.completed', 'job.failed']): WebhookSubscriptionRecord => ({
    id: randomUUID(),
    jobId,
    clientId: 'cli_a',
    url,
    events,
    createdAt: t0.toISOString(),
  });
  const delivery = (s: WebhookSubscriptionRecord, event: NewWebhookDelivery['event'] = 'job.completed'): NewWebhookDelivery => ({
    id: `msg_${randomUUID().replace(/-/g, '')}`,
    subscriptionId: s.id,
    jobId: s.jobId,
    clientId: s.clientId,
    event,
    url: s.url,
    body: JSON.stringify({ event, job_id: s.jobId }),
    createdAt: t0.toISOString(),
    nextAttemptAt: t0.toISOString(),
  });
  const finish = async (jobId: string) => {
    const claimed = (await store.claim('w', ['spiderSite'], 10_000, t0))!;
    expect(claimed.job.id).toBe(jobId);
    await store.complete(jobId, claimed.leaseToken, { ok: true }, at(10));
  };

  it('reports a subscription due only once its job is terminal, with the event the state means and whether it was wanted', async () => {
    const job = await newJob();
    const wanted = subscription(job.id);
    const unwanted = subscription(job.id, 'https://hooks.test/b', ['job.failed']);
    await store.webhooks.subscribe(wanted);
    await store.webhooks.subscribe(unwanted);
    await store.webhooks.subscribe({ ...subscription(job.id), id: randomUUID() }); // same URL again: the first stands
    expect(await store.webhooks.dueEvents(10)).toEqual([]);
    await finish(job.id);
    const due = await store.webhooks.dueEvents(10);
    expect(due.map((d) => [d.subscription.url, d.event, d.wanted]).sort()).toEqual([
      ['https://hooks.test/a', 'job.completed', true],
      ['https://hooks.test/b', 'job.completed', false],
    ]);
    expect(due.find((d) => d.wanted)!.subscription).toEqual(wanted);
  });

  it('names the clients with an unsettled subscription, once each, until it is settled', async () => {
    expect(await store.webhooks.clientsWithOpenSubscriptions()).toEqual([]);
    const job = await newJob();
    const s = subscription(job.id);
    await store.webhooks.subscribe(s);
    await store.webhooks.subscribe(subscription(job.id, 'https://hooks.test/b'));
    expect(await store.webhooks.clientsWithOpenSubscriptions()).toEqual(['cli_a']);
    await finish(job.id);
    for (const due of await store.webhooks.dueEvents(10)) await store.webhooks.settle(due.subscription.id, null);
    expect(await store.webhooks.clientsWithOpenSubscriptions()).toEqual([]);
  });

  it('settles a subscription once: a second dispatcher creates nothing', async () => {
    const job = await newJob();
    const s = subscription(job.id);
    await store.webhooks.subscribe(s);
    await finish(job.id);
    expect(await store.webhooks.settle(s.id, delivery(s))).toBe(true);
    expect(await store.webhooks.settle(s.id, delivery(s))).toBe(false);
    expect(await store.webhooks.dueEvents(10)).toEqual([]);
    expect(await store.webhooks.deliveriesOf(job.id)).toHaveLength(1);
  });

  it('claims due deliveries under a lease, records attempts, and settles them', async () => {
    const job = await newJob();
    const s = subscription(job.id);
    await store.webhooks.subscribe(s);
    await finish(job.id);
    const d = delivery(s);
    await store.webhooks.settle(s.id, d);

    const first = await store.webhooks.claimDue(t0, 30_000, 10);
    expect(first.map((x) => [x.id, x.status, x.attempts, x.body])).toEqual([[d.id, 'pending', 0, d.body]]);
    // Leased: nobody else gets it until the lease runs out.
    expect(await store.webhooks.claimDue(at(29_000), 30_000, 10)).toEqual([]);
    await store.webhooks.recordAttempt({ deliveryId: d.id, attempt: 1, attemptedAt: t0.toISOString(), statusCode: 503, error: 'HTTP 503', durationMs: 12 }, 'pending', at(5_000));
    expect(await store.webhooks.claimDue(at(4_999), 30_000, 10)).toEqual([]);
    const second = await store.webhooks.claimDue(at(5_000), 30_000, 10);
    expect(second.map((x) => [x.id, x.attempts])).toEqual([[d.id, 1]]);
    await store.webhooks.recordAttempt({ deliveryId: d.id, attempt: 2, attemptedAt: at(5_000).toISOString(), statusCode: 204, error: null, durationMs: 8 }, 'delivered', null);
    expect(await store.webhooks.claimDue(at(10_000_000), 30_000, 10)).toEqual([]);

    const [shown] = await store.webhooks.deliveriesOf(job.id);
    expect(shown!.delivery).toMatchObject({ id: d.id, status: 'delivered', attempts: 2, nextAttemptAt: null, event: 'job.completed', url: s.url });
    expect(shown!.attempts).toEqual([
      { deliveryId: d.id, attempt: 1, attemptedAt: t0.toISOString(), statusCode: 503, error: 'HTTP 503', durationMs: 12 },
      { deliveryId: d.id, attempt: 2, attemptedAt: at(5_000).toISOString(), statusCode: 204, error: null, durationMs: 8 },
    ]);
    expect(await store.webhooks.subscriptionsOf(job.id)).toEqual([s]);
  });

  it('keeps one secret per client; a rotation keeps the previous one until it expires', async () => {
    expect(await store.webhooks.getSecret('cli_a')).toBeNull();
    const first = await store.webhooks.createSecret('cli_a', 'whsec_one', t0);
    expect(first).toEqual({ clientId: 'cli_a', secret: 'whsec_one', createdAt: t0.toISOString(), previousSecret: null, previousExpiresAt: null });
    expect((await store.webhooks.createSecret('cli_a', 'whsec_other', at(1))).secret).toBe('whsec_one');
    const rotated = await store.webhooks.rotateSecret('cli_a', 'whsec_two', at(1000), at(86_400_000));
    expect(rotated).toEqual({ clientId: 'cli_a', secret: 'whsec_two', createdAt: at(1000).toISOString(), previousSecret: 'whsec_one', previousExpiresAt: at(86_400_000).toISOString() });
  });
});
