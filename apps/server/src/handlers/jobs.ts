import { randomUUID } from 'node:crypto';
import { DEFAULT_WEBHOOK_EVENTS } from '@spideriq/schema';
import type { JobType, SubmitJobResponse, WebhookEventName } from '@spideriq/schema';
import { dedupKey } from '@spideriq/jobs';
import type { ClientRecord, JobRecord } from '@spideriq/jobs';
import type { Runtime } from '../runtime.js';
import { ApiError, notFound } from '../http/errors.js';
import { respond, send } from '../http/respond.js';
import { JobResultsSchema } from '@spideriq/schema';
import type { Handlers, Reply } from '../operations/handler.js';
import { CompletedResultsCache } from '../views/results-cache.js';
import { resultsJson, resultsStatusCode, resultsView, statusView, summaryView } from '../views/job-views.js';
import { jobWebhooksView } from '../views/webhook-views.js';
import { checkWebhookUrl } from '../webhooks/webhook-url.js';

const JSON_TYPE = 'application/json; charset=utf-8';

type JobHandlers = Pick<Handlers, 'submitSiteJob' | 'submitMapsJob' | 'submitJob' | 'getJobStatus' | 'getJobResults' | 'listJobs' | 'cancelJob' | 'getJobWebhooks'>;

/** The webhook fields of a submit body (extension). */
interface WebhookRequest {
  webhook_url?: string | undefined;
  webhook_events?: WebhookEventName[] | undefined;
}

/** The handlers of `/api/v1/jobs/*`: submit, status, results, list, cancel, and a job's webhooks. */
export function jobHandlers(runtime: Runtime): JobHandlers {
  const completedResults = new CompletedResultsCache(64 * 1024 * 1024);

  const submit = async (client: ClientRecord, type: JobType, payload: unknown, priority: number, webhook: WebhookRequest): Promise<Reply> => {
    if (!runtime.registry.get(type)) throw new ApiError(422, [{ loc: ['body', 'type'], msg: `Job type ${type} is not enabled on this server`, type: 'enum' }]);
    if (webhook.webhook_url) await checkWebhookUrl(webhook.webhook_url, { allowPrivateNetworks: runtime.config.allowPrivateNetworks, resolver: runtime.resolver });
    const now = new Date();
    // The webhook is not part of the dedup key: a cached job gets the new webhook subscribed to it.
    const { job, fromCache } = await runtime.store.createJob(
      { id: randomUUID(), clientId: client.id, type, payload, priority, dedupKey: dedupKey(client.id, type, payload) },
      now,
    );
    if (webhook.webhook_url) {
      const events = [...new Set(webhook.webhook_events ?? DEFAULT_WEBHOOK_EVENTS)];
      runtime.webhooks.watch(client.id);
      await runtime.store.webhooks.subscribe({ id: randomUUID(), jobId: job.id, clientId: client.id, url: webhook.webhook_url, events, createdAt: now.toISOString() });
      // A cached job may be finished already: its webhook is due now.
      if (fromCache) runtime.webhooks.wake();
    }
    if (!fromCache) {
      // The row is the job: should the queue be unreachable now, the reconciler enqueues it later.
      await runtime.queue.enqueue(job).catch((error: unknown) => runtime.logger.warn({ err: error, jobId: job.id }, 'enqueue failed; the reconciler will retry'));
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
    return { status: 201, body };
  };

  /** The client's own job: another client's job looks exactly like an unknown one. */
  const ownJob = async (id: string, client: ClientRecord): Promise<JobRecord> => {
    const job = await runtime.store.getJob(id.toLowerCase());
    if (!job || job.clientId !== client.id) throw notFound();
    return job;
  };

  return {
    submitSiteJob: ({ client, body }) => submit(client, 'spiderSite', body.payload, body.priority, body),
    submitMapsJob: ({ client, body }) => submit(client, 'spiderMaps', body.payload, body.priority, body),
    submitJob: ({ client, body }) => submit(client, body.type, body.payload, body.priority, body),

    async listJobs({ client, query: q }) {
      const { total, jobs } = await runtime.store.listJobs({
        clientId: client.id,
        status: q.status_filter,
        type: q.type_filter,
        sortBy: q.sort_by,
        sortOrder: q.sort_order,
        limit: q.page_size,
        offset: (q.page - 1) * q.page_size,
      });
      return { status: 200, body: { total, page: q.page, page_size: q.page_size, total_pages: Math.ceil(total / q.page_size), jobs: jobs.map(summaryView) } };
    },

    async getJobStatus({ client, params }) {
      return { status: 200, body: statusView(await ownJob(params.job_id, client)) };
    },

    // The hot path: a completed job is immutable, so its JSON is served from memory, spliced once.
    async getJobResults({ c, client, params, format }) {
      if (format === 'json') {
        const cached = completedResults.get(params.job_id);
        if (cached && cached.clientId === client.id) return send(c, 200, cached.body, JSON_TYPE);
      }
      const job = await ownJob(params.job_id, client);
      if (format === 'json') {
        const body = resultsJson(job);
        if (job.status === 'completed') completedResults.set(job.id, { clientId: job.clientId, body });
        return send(c, resultsStatusCode(job), body, JSON_TYPE);
      }
      return respond(c, resultsStatusCode(job), resultsView(job), JobResultsSchema, format);
    },

    async getJobWebhooks({ client, params }) {
      const job = await ownJob(params.job_id, client);
      const [subscriptions, deliveries] = await Promise.all([runtime.store.webhooks.subscriptionsOf(job.id), runtime.store.webhooks.deliveriesOf(job.id)]);
      return { status: 200, body: jobWebhooksView(job.id, subscriptions, deliveries) };
    },

    async cancelJob({ client, params }) {
      const job = await ownJob(params.job_id, client);
      const outcome = await runtime.store.cancel(job.id, client.id, new Date());
      if (outcome.outcome === 'not_found') throw notFound();
      if (outcome.outcome === 'terminal') {
        const why = { completed: 'it has already completed', failed: 'it has already failed', cancelled: 'it was already cancelled' } as const;
        throw new ApiError(400, `Job cannot be cancelled: ${why[outcome.job.status as keyof typeof why] ?? `it is ${outcome.job.status}`}`);
      }
      if (!outcome.wasProcessing) {
        // Out of the queue's counts at once; a stale copy would be dropped by the worker anyway.
        await runtime.queue.remove(job).catch((error: unknown) => runtime.logger.warn({ err: error, jobId: job.id }, 'removing a cancelled job from the queue failed'));
      }
      runtime.bus.publish({
        clientId: job.clientId,
        event: { event: 'job.cancelled', job_id: job.id, type: job.type, cancelled_at: outcome.job.updatedAt },
      });
      return { status: 200, body: { success: true, job_id: job.id, status: 'cancelled', message: 'Job cancelled successfully' } };
    },
  };
}
