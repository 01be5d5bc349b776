import { z } from 'zod';
import { HttpErrorSchema } from '../errors.js';
import { FormatQuerySchema, JobIdSchema } from '../primitives.js';
import { JobEventSchema, EventStreamQuerySchema } from '../events.js';
import { SubmitJobRequestSchema, SubmitJobResponseSchema } from '../jobs/submit.js';
import { SubmitSiteRequestSchema } from '../site/payload.js';
import { SubmitMapsRequestSchema } from '../maps/payload.js';
import { JobStatusResponseSchema } from '../jobs/status.js';
import { JobResultsSchema } from '../jobs/results.js';
import { CancelJobResponseSchema, JobListResponseSchema, ListJobsQuerySchema } from '../jobs/list.js';
import { HealthResponseSchema } from '../system/health.js';
import { QueueStatsResponseSchema } from '../system/queue-stats.js';
import { InfoResponseSchema } from '../system/info.js';
import { JobWebhooksResponseSchema, WebhookSecretResponseSchema } from '../webhooks.js';
import { defineOperation, type OperationResponse } from './operation.js';

/** The id path parameter of the per-job operations. */
export const JobPathSchema = z.object({ job_id: JobIdSchema });

const jobNotFound: OperationResponse = {
  description: 'No job with this id belongs to the client.',
  schema: HttpErrorSchema,
  example: { detail: 'Job not found' },
  shared: 'JobNotFound',
};

const submitted = (): OperationResponse => ({
  description:
    'The job is queued. When the same client sent an identical payload in the last 24 hours, the existing `job_id` comes back with `from_cache: true`.',
  schema: SubmitJobResponseSchema,
});

/**
 * Every operation of the API, keyed by operationId: the one place a path, a method, an input schema or
 * a response is stated. The OpenAPI document is generated from it (`pnpm gen`) and the server registers
 * its routes from it, with one handler per entry.
 */
export const operations = {
  submitSiteJob: defineOperation({
    operationId: 'submitSiteJob',
    method: 'post',
    path: '/api/v1/jobs/spiderSite/submit',
    tag: 'SpiderSite',
    summary: 'Submit a spiderSite job',
    description: 'Queue a website crawl. Only `payload.url` is required; `mode` picks a preset and explicit fields override it.',
    auth: 'bearer',
    body: SubmitSiteRequestSchema,
    responses: { 201: submitted() },
  }),
  submitMapsJob: defineOperation({
    operationId: 'submitMapsJob',
    method: 'post',
    path: '/api/v1/jobs/spiderMaps/submit',
    tag: 'SpiderMaps',
    summary: 'Submit a spiderMaps job',
    description: 'Queue a business-listing search. `payload.search_query` (or its alias `query`) is required.',
    auth: 'bearer',
    body: SubmitMapsRequestSchema,
    responses: { 201: submitted() },
  }),
  submitJob: defineOperation({
    operationId: 'submitJob',
    method: 'post',
    path: '/api/v1/jobs/submit',
    tag: 'Jobs',
    summary: 'Submit a job of any type',
    description: 'The generic submit: `type` in the body chooses the job type, and `payload` is that type’s payload.',
    auth: 'bearer',
    body: SubmitJobRequestSchema,
    responses: { 201: submitted() },
  }),
  getJobStatus: defineOperation({
    operationId: 'getJobStatus',
    method: 'get',
    path: '/api/v1/jobs/{job_id}/status',
    tag: 'Jobs',
    summary: 'Get a job’s status',
    description: 'Poll every 2-5 seconds until the status is terminal (`completed`, `failed` or `cancelled`), or follow the event stream instead. A running job’s `progress` is saved at most every 250 ms, so it may trail the stream’s `job.progress` events by that much.',
    auth: 'bearer',
    params: JobPathSchema,
    query: FormatQuerySchema,
    responses: {
      200: { description: 'The job’s status.', schema: JobStatusResponseSchema, media: 'formatted' },
      404: jobNotFound,
    },
  }),
  getJobResults: defineOperation({
    operationId: 'getJobResults',
    method: 'get',
    path: '/api/v1/jobs/{job_id}/results',
    tag: 'Jobs',
    summary: 'Get a job’s results',
    description:
      'The status code says where the job is: 200 completed, 202 still queued or processing (poll again), 410 failed or cancelled, 404 unknown. The body is flat and every field is always present: fields that do not apply are null (or `[]`).',
    auth: 'bearer',
    params: JobPathSchema,
    query: FormatQuerySchema,
    responses: {
      200: { description: 'The job completed: `data` holds its results.', schema: JobResultsSchema, media: 'formatted', examples: 'seed' },
      202: { description: 'The job is queued or processing: `data` is null and `message` says to poll again.', schema: JobResultsSchema, media: 'formatted', examples: 'seed' },
      404: { description: 'No job with this id belongs to the client.', schema: HttpErrorSchema, examples: 'seed' },
      410: {
        description: 'The job failed or was cancelled: `error_message` (and `error`, the same text) says why.',
        schema: JobResultsSchema,
        media: 'formatted',
        examples: 'seed',
      },
    },
  }),
  listJobs: defineOperation({
    operationId: 'listJobs',
    method: 'get',
    path: '/api/v1/jobs/list',
    tag: 'Jobs',
    summary: 'List jobs',
    description: 'The client’s jobs, newest first by default, paginated and filterable by status and type.',
    auth: 'bearer',
    query: ListJobsQuerySchema,
    responses: { 200: { description: 'A page of jobs.', schema: JobListResponseSchema, media: 'formatted' } },
  }),
  cancelJob: defineOperation({
    operationId: 'cancelJob',
    method: 'delete',
    path: '/api/v1/jobs/{job_id}',
    tag: 'Jobs',
    summary: 'Cancel a job',
    description: 'A queued job leaves the queue; a processing job is stopped and its partial results are discarded.',
    auth: 'bearer',
    params: JobPathSchema,
    responses: {
      200: { description: 'The job is cancelled.', schema: CancelJobResponseSchema },
      400: {
        description: 'The job is already `completed`, `failed` or `cancelled`.',
        schema: HttpErrorSchema,
        example: { detail: 'Job cannot be cancelled: it has already completed' },
      },
      404: jobNotFound,
    },
  }),
  getHealth: defineOperation({
    operationId: 'getHealth',
    method: 'get',
    path: '/api/v1/system/health',
    tag: 'System',
    summary: 'Service health',
    description: 'Public. 200 while healthy or degraded, 503 when a critical service (database, queue, storage) is down.',
    auth: 'public',
    query: FormatQuerySchema,
    responses: {
      200: { description: 'Healthy or degraded.', schema: HealthResponseSchema, media: 'formatted' },
      503: {
        description: 'Unhealthy: `issues` says what is down.',
        schema: HealthResponseSchema,
        example: {
          status: 'unhealthy',
          timestamp: '2025-10-27T14:30:15Z',
          version: '0.1.0',
          services: { database: 'down', queue: 'down', storage: 'up', workers: { spider_site: 0, spider_maps: 0, total: 0, available: false } },
          issues: ['database: SQLITE_CANTOPEN: unable to open database file'],
        },
      },
    },
  }),
  getQueueStats: defineOperation({
    operationId: 'getQueueStats',
    method: 'get',
    path: '/api/v1/system/queue-stats',
    tag: 'System',
    summary: 'Queue statistics',
    description: 'Public. Jobs per queue and state, workers per pool, and throughput.',
    auth: 'public',
    query: FormatQuerySchema,
    responses: { 200: { description: 'Queue and worker counts.', schema: QueueStatsResponseSchema, media: 'formatted' } },
  }),
  getSystemInfo: defineOperation({
    operationId: 'getSystemInfo',
    method: 'get',
    path: '/api/v1/system/info',
    tag: 'System',
    summary: 'Server information',
    description: 'Public. Version, job types, formats, features and limits of this server.',
    auth: 'public',
    query: FormatQuerySchema,
    responses: { 200: { description: 'Server information.', schema: InfoResponseSchema, media: 'formatted' } },
  }),
  streamEvents: defineOperation({
    operationId: 'streamEvents',
    method: 'get',
    path: '/api/v1/events/stream',
    tag: 'Events',
    summary: 'Stream job events (SSE)',
    description: [
      'A `text/event-stream` of the client’s job events. EventSource cannot send headers, so the token goes in `?token=`; `job_id` narrows the stream to one job.',
      '',
      'Each event is an `event: <name>` line, a `data: <json>` line and a blank line; the JSON repeats the name in its `event` field. The stream opens with `connected`, sends `heartbeat` every 30 seconds, and carries `job.queued`, `job.processing`, `job.progress`, `job.completed`, `job.failed` and `job.cancelled`. Delivery is best effort with no replay: after a reconnect, read the job’s status.',
      '',
      'The message schemas are in the AsyncAPI document (`asyncapi.yaml`). This is the one GET without `?format=`: the stream is always SSE.',
    ].join('\n'),
    auth: 'bearer-or-query',
    query: EventStreamQuerySchema,
    responses: {
      200: {
        description: 'The event stream. It stays open; each message is framed as `event: <name>\\ndata: <json>\\n\\n`.',
        schema: JobEventSchema,
        media: 'event-stream',
        example:
          'event: connected\ndata: {"event":"connected","client_id":"cli_upxjrhfj3dzqmyf3","message":"Connected to the SpiderIQ event stream"}\n\nevent: job.queued\ndata: {"event":"job.queued","job_id":"550e8400-e29b-41d4-a716-446655440000","type":"spiderSite","priority":0,"created_at":"2025-10-27T14:30:02Z"}\n\n',
      },
      404: jobNotFound,
    },
  }),
  getJobWebhooks: defineOperation({
    operationId: 'getJobWebhooks',
    method: 'get',
    path: '/api/v1/jobs/{job_id}/webhooks',
    tag: 'Webhooks',
    summary: 'Get a job’s webhook deliveries',
    description:
      'Extension. The webhooks subscribed to the job (`webhook_url` at submit) and every delivery with each attempt: when, the status code the receiver answered (null without an answer) and the error. `next_attempt_at` says when a pending delivery is retried.',
    auth: 'bearer',
    params: JobPathSchema,
    query: FormatQuerySchema,
    responses: {
      200: { description: 'The job’s webhooks and delivery attempts.', schema: JobWebhooksResponseSchema, media: 'formatted' },
      404: jobNotFound,
    },
  }),
  getWebhookSecret: defineOperation({
    operationId: 'getWebhookSecret',
    method: 'get',
    path: '/api/v1/webhooks/secret',
    tag: 'Webhooks',
    summary: 'Get the webhook signing secret',
    description:
      'Extension. The client’s own `whsec_…` secret (created on first use). Verify each delivery with a Standard Webhooks library: it checks `webhook-signature` (`v1,<base64 HMAC-SHA256>` of `{webhook-id}.{webhook-timestamp}.{body}`) and the timestamp’s age.',
    auth: 'bearer',
    query: FormatQuerySchema,
    responses: { 200: { description: 'The signing secret.', schema: WebhookSecretResponseSchema, media: 'formatted' } },
  }),
  rotateWebhookSecret: defineOperation({
    operationId: 'rotateWebhookSecret',
    method: 'post',
    path: '/api/v1/webhooks/secret/rotate',
    tag: 'Webhooks',
    summary: 'Rotate the webhook signing secret',
    description:
      'Extension. Replaces the secret. For 24 hours deliveries carry two signatures, one per secret (space-separated in `webhook-signature`), so a receiver can switch to the new one without missing a delivery.',
    auth: 'bearer',
    responses: { 200: { description: 'The new secret, and until when the previous one still signs.', schema: WebhookSecretResponseSchema } },
  }),
} as const;

/** The operationIds. */
export type OperationId = keyof typeof operations;
