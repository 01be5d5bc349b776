import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { Context } from 'hono';
import {
  CancelJobResponseSchema,
  DEFAULT_WEBHOOK_EVENTS,
  JobIdSchema,
  JobListResponseSchema,
  JobWebhooksResponseSchema,
  JobResultsSchema,
  JobStatusResponseSchema,
  ListJobsQuerySchema,
  SubmitJobRequestSchema,
  SubmitJobResponseSchema,
  SubmitMapsRequestSchema,
  SubmitSiteRequestSchema,
} from '@spideriq/schema';
import type { JobType, SubmitJobResponse, WebhookEventName } from '@spideriq/schema';
import { dedupKey } from '@spideriq/jobs';
import type { JobRecord } from '@spideriq/jobs';
import type { ZodType } from 'zod';
import type { AppEnv } from '../app.js';
import type { Runtime } from '../runtime.js';
import { authenticate } from '../http/authenticate.js';
import { readBody } from '../http/body.js';
import { ApiError, notFound, validationError } from '../http/errors.js';
import { requestedFormat, respond, send } from '../http/respond.js';

const JSON_TYPE = 'application/json; charset=utf-8';
import { CompletedResultsCache } from '../views/results-cache.js';
import { resultsJson, resultsStatusCode, resultsView, statusView, summaryView } from '../views/job-views.js';
import { jobWebhooksView } from '../views/webhook-views.js';
import { checkWebhookUrl } from '../webhooks/webhook-url.js';

/** The webhook fields of a submit body (extension). */
interface WebhookRequest {
  webhook_url?: string | undefined;
  webhook_events?: WebhookEventName[] | undefined;
}

/** `/api/v1/jobs/*`: submit, status, results, list and cancel. */
export function jobRoutes(runtime: Runtime): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const completedResults = new CompletedResultsCache(64 * 1024 * 1024);
  // Authentication is attached per route, not as `use('*')`: a wildcard beside `/list` and `/:job_id/…`
  // forces Hono off its fast RegExpRouter.
  const auth = authenticate(runtime);

  const submit = async (c: Context<AppEnv>, type: JobType, payload: unknown, priority: number, webhook: WebhookRequest) => {
    if (!runtime.registry.get(type)) throw new ApiError(422, [{ loc: ['body', 'type'], msg: `Job type ${type} is not enabled on this server`, type: 'enum' }]);
    if (webhook.webhook_events && !webhook.webhook_url) {
      throw new ApiError(422, [{ loc: ['body', 'webhook_events'], msg: 'webhook_events needs a webhook_url', type: 'missing' }]);
    }
    if (webhook.webhook_url) await checkWebhookUrl(webhook.webhook_url, { allowPrivateNetworks: runtime.config.allowPrivateNetworks, resolver: runtime.resolver });
    const client = c.get('client');
    const now = new Date();
    // The webhook is not part of the dedup key: a cached job gets the new webhook subscribed to it.
    const { job, fromCache } = await runtime.store.createJob(
      { id: randomUUID(), clientId: client.id, type, payload, priority, dedupKey: dedupKey(client.id, type, payload) },
      now,
    );
    if (webhook.webhook_url) {
      const events = [...new Set(webhook.webhook_events ?? DEFAULT_WEBHOOK_EVENTS)];
      await runtime.store.webhooks.subscribe({ id: randomUUID(), jobId: job.id, clientId: client.id, url: webhook.webhook_url, events, createdAt: now.toISOString() });
      // A cached job may be finished already: its webhook is due now.
      if (fromCache) runtime.webhooks.wake();
    }
    if (!fromCache) {
      runtime.bus.publish({ clientId: client.id, event: { event: 'job.queued', job_id: job.id, type, priority, created_at: job.createdAt } });
    }
    const body: SubmitJobResponse = {
      job_id: job.id,
      type,
      status: job.status,
      created_at: job.createdAt,
      from_cache: fromCache,
      message: fromCache ? 'An identical job was submitted in the last 24 hours; returning it' : 'Job submitted successfully',
    };
    return respond(c, 201, body, SubmitJobResponseSchema);
  };

  const parseBody = async <T>(c: Context<AppEnv>, schema: ZodType<T>): Promise<T> => {
    const parsed = schema.safeParse(await readBody(c));
    if (!parsed.success) throw validationError(parsed.error, 'body');
    return parsed.data;
  };

  routes.post('/spiderSite/submit', auth, async (c) => {
    const body = await parseBody(c, SubmitSiteRequestSchema);
    return submit(c, 'spiderSite', body.payload, body.priority, body);
  });
  routes.post('/spiderMaps/submit', auth, async (c) => {
    const body = await parseBody(c, SubmitMapsRequestSchema);
    return submit(c, 'spiderMaps', body.payload, body.priority, body);
  });
  routes.post('/submit', auth, async (c) => {
    const body = await parseBody(c, SubmitJobRequestSchema);
    return submit(c, body.type, body.payload, body.priority, body);
  });

  routes.get('/list', auth, async (c) => {
    const format = requestedFormat(c);
    const parsed = ListJobsQuerySchema.safeParse(c.req.query());
    if (!parsed.success) throw validationError(parsed.error, 'query');
    const q = parsed.data;
    const { total, jobs } = await runtime.store.listJobs({
      clientId: c.get('client').id,
      status: q.status_filter,
      type: q.type_filter,
      sortBy: q.sort_by,
      sortOrder: q.sort_order,
      limit: q.page_size,
      offset: (q.page - 1) * q.page_size,
    });
    const body = { total, page: q.page, page_size: q.page_size, total_pages: Math.ceil(total / q.page_size), jobs: jobs.map(summaryView) };
    return respond(c, 200, body, JobListResponseSchema, format);
  });

  const ownJob = async (c: Context<AppEnv>): Promise<JobRecord> => {
    const id = c.req.param('job_id') ?? '';
    // A malformed id cannot name a job: 404, like an unknown one, and another client's job looks the same.
    if (!JobIdSchema.safeParse(id).success) throw notFound();
    const job = await runtime.store.getJob(id.toLowerCase());
    if (!job || job.clientId !== c.get('client').id) throw notFound();
    return job;
  };

  routes.get('/:job_id/status', auth, async (c) => {
    const format = requestedFormat(c);
    return respond(c, 200, statusView(await ownJob(c)), JobStatusResponseSchema, format);
  });

  routes.get('/:job_id/results', auth, async (c) => {
    const format = requestedFormat(c);
    if (format === 'json') {
      const cached = completedResults.get(c.req.param('job_id'));
      if (cached && cached.clientId === c.get('client').id) return send(c, 200, cached.body, JSON_TYPE);
    }
    const job = await ownJob(c);
    if (format === 'json') {
      const body = resultsJson(job);
      if (job.status === 'completed') completedResults.set(job.id, { clientId: job.clientId, body });
      return send(c, resultsStatusCode(job), body, JSON_TYPE);
    }
    return respond(c, resultsStatusCode(job), resultsView(job), JobResultsSchema, format);
  });

  routes.get('/:job_id/webhooks', auth, async (c) => {
    const format = requestedFormat(c);
    const job = await ownJob(c);
    const [subscriptions, deliveries] = await Promise.all([runtime.store.webhooks.subscriptionsOf(job.id), runtime.store.webhooks.deliveriesOf(job.id)]);
    return respond(c, 200, jobWebhooksView(job.id, subscriptions, deliveries), JobWebhooksResponseSchema, format);
  });

  routes.delete('/:job_id', auth, async (c) => {
    const job = await ownJob(c);
    const outcome = await runtime.store.cancel(job.id, c.get('client').id, new Date());
    if (outcome.outcome === 'not_found') throw notFound();
    if (outcome.outcome === 'terminal') {
      const why = { completed: 'it has already completed', failed: 'it has already failed', cancelled: 'it was already cancelled' } as const;
      throw new ApiError(400, `Job cannot be cancelled: ${why[outcome.job.status as keyof typeof why] ?? `it is ${outcome.job.status}`}`);
    }
    runtime.bus.publish({
      clientId: job.clientId,
      event: { event: 'job.cancelled', job_id: job.id, type: job.type, cancelled_at: outcome.job.updatedAt },
    });
    return respond(c, 200, { success: true, job_id: job.id, status: 'cancelled', message: 'Job cancelled successfully' }, CancelJobResponseSchema);
  });

  return routes;
}
