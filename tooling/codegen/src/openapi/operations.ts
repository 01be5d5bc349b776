import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import {
  CancelJobResponseSchema,
  EventStreamQuerySchema,
  FormatQuerySchema,
  HealthResponseSchema,
  HttpErrorSchema,
  InfoResponseSchema,
  JobIdSchema,
  JobListResponseSchema,
  JobResultsSchema,
  JobStatusResponseSchema,
  ListJobsQuerySchema,
  QueueStatsResponseSchema,
  SubmitJobRequestSchema,
  SubmitJobResponseSchema,
  SubmitMapsRequestSchema,
  SubmitSiteRequestSchema,
} from '@spideriq/schema';
import { z, type ZodType } from 'zod';
import type { SeedExample } from '@spideriq/schema/examples';
import { streamEvents } from '../stream-events.js';
import { authenticatedErrors, formattedContent, rateLimitHeaders, ref } from './responses.js';

/** The tags of the document, in display order, with their descriptions. */
export const TAGS = [
  { name: 'Jobs', description: 'Submit any job type, poll its status, fetch its results, list and cancel jobs.' },
  { name: 'SpiderSite', description: 'Crawl a website: contacts, 14 social profiles, a markdown compendium and optional AI analysis.' },
  { name: 'SpiderMaps', description: 'Search business listings: name, address, phone, rating, hours, coordinates.' },
  { name: 'System', description: 'Public health, queue statistics and server information. No token needed.' },
  { name: 'Events', description: 'Server-sent job events. The full message catalogue is in the AsyncAPI document.' },
] as const;

/** The id path parameter of the per-job operations. */
const JobPathSchema = z.object({ job_id: JobIdSchema });

/** Named examples of a response, keyed for the `examples` map. */
type NamedExamples = Record<string, { summary: string; value: unknown }>;

function examplesFor(seed: readonly SeedExample[], status: SeedExample['status']): NamedExamples {
  const picked = seed.filter((example) => example.status === status);
  if (picked.length === 0) throw new Error(`the seed has no ${status} example`);
  return Object.fromEntries(picked.map((example) => [exampleKey(example.name), { summary: example.name, value: example.body }]));
}

/** `SpiderSite - Full CHAMP` → `spiderSiteFullChamp`: a key that is a valid component-like name. */
export function exampleKey(name: string): string {
  const words = name.replace(/\([^)]*\)/g, ' ').split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((word, i) => (i === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())).join('');
}

function json(schema: ZodType | { $ref: string }) {
  return { 'application/json': { schema } };
}

const submitErrors = () => ({ '413': ref('responses', 'PayloadTooLarge'), ...authenticatedErrors() });

function submit(operationId: string, path: string, tag: string, summary: string, description: string, body: ZodType): RouteConfig {
  return {
    method: 'post',
    path,
    operationId,
    tags: [tag],
    summary,
    description,
    request: { body: { required: true, content: json(body) } },
    responses: {
      '201': {
        description:
          'The job is queued. When the same client sent an identical payload in the last 24 hours, the existing `job_id` comes back with `from_cache: true`.',
        headers: rateLimitHeaders(),
        content: json(SubmitJobResponseSchema),
      },
      ...submitErrors(),
    },
  };
}

/**
 * Every core operation of spideriq-api.md §1.1 with its real status codes. `seed` supplies the named
 * examples of the results operation (the contract's published examples in `packages/schema/examples/`).
 */
export function coreOperations(seed: readonly SeedExample[]): RouteConfig[] {
  const events = streamEvents();
  return [
    submit(
      'submitSiteJob',
      '/api/v1/jobs/spiderSite/submit',
      'SpiderSite',
      'Submit a spiderSite job',
      'Queue a website crawl. Only `payload.url` is required; `mode` picks a preset and explicit fields override it.',
      SubmitSiteRequestSchema,
    ),
    submit(
      'submitMapsJob',
      '/api/v1/jobs/spiderMaps/submit',
      'SpiderMaps',
      'Submit a spiderMaps job',
      'Queue a business-listing search. `payload.search_query` (or its alias `query`) is required.',
      SubmitMapsRequestSchema,
    ),
    submit(
      'submitJob',
      '/api/v1/jobs/submit',
      'Jobs',
      'Submit a job of any type',
      'The generic submit: `type` in the body chooses the job type, and `payload` is that type’s payload.',
      SubmitJobRequestSchema,
    ),
    {
      method: 'get',
      path: '/api/v1/jobs/{job_id}/status',
      operationId: 'getJobStatus',
      tags: ['Jobs'],
      summary: 'Get a job’s status',
      description: 'Poll every 2-5 seconds until the status is terminal (`completed`, `failed` or `cancelled`), or follow the event stream instead.',
      request: { params: JobPathSchema, query: FormatQuerySchema },
      responses: {
        '200': { description: 'The job’s status.', headers: rateLimitHeaders(), content: formattedContent(JobStatusResponseSchema) },
        '404': ref('responses', 'JobNotFound'),
        ...authenticatedErrors(),
      },
    },
    {
      method: 'get',
      path: '/api/v1/jobs/{job_id}/results',
      operationId: 'getJobResults',
      tags: ['Jobs'],
      summary: 'Get a job’s results',
      description:
        'The status code says where the job is: 200 completed, 202 still queued or processing (poll again), 410 failed or cancelled, 404 unknown. The body is flat and every field is always present: fields that do not apply are null (or `[]`).',
      request: { params: JobPathSchema, query: FormatQuerySchema },
      responses: {
        '200': {
          description: 'The job completed: `data` holds its results.',
          headers: rateLimitHeaders(),
          content: formattedContent(JobResultsSchema, { examples: examplesFor(seed, 200) }),
        },
        '202': {
          description: 'The job is queued or processing: `data` is null and `message` says to poll again.',
          headers: rateLimitHeaders(),
          content: formattedContent(JobResultsSchema, { examples: examplesFor(seed, 202) }),
        },
        '404': {
          description: 'No job with this id belongs to the client.',
          headers: rateLimitHeaders(),
          content: { 'application/json': { schema: HttpErrorSchema, examples: examplesFor(seed, 404) } },
        },
        '410': {
          description: 'The job failed or was cancelled: `error_message` (and `error`, the same text) says why.',
          headers: rateLimitHeaders(),
          content: { 'application/json': { schema: JobResultsSchema, examples: examplesFor(seed, 410) } },
        },
        ...authenticatedErrors(),
      },
    },
    {
      method: 'get',
      path: '/api/v1/jobs/list',
      operationId: 'listJobs',
      tags: ['Jobs'],
      summary: 'List jobs',
      description: 'The client’s jobs, newest first by default, paginated and filterable by status and type.',
      request: { query: ListJobsQuerySchema },
      responses: {
        '200': { description: 'A page of jobs.', headers: rateLimitHeaders(), content: formattedContent(JobListResponseSchema) },
        ...authenticatedErrors(),
      },
    },
    {
      method: 'delete',
      path: '/api/v1/jobs/{job_id}',
      operationId: 'cancelJob',
      tags: ['Jobs'],
      summary: 'Cancel a job',
      description: 'A queued job leaves the queue; a processing job is stopped and its partial results are discarded.',
      request: { params: JobPathSchema },
      responses: {
        '200': { description: 'The job is cancelled.', headers: rateLimitHeaders(), content: json(CancelJobResponseSchema) },
        '400': {
          description: 'The job is already `completed`, `failed` or `cancelled`.',
          headers: rateLimitHeaders(),
          content: { 'application/json': { schema: HttpErrorSchema, example: { detail: 'Job is already completed and cannot be cancelled' } } },
        },
        '404': ref('responses', 'JobNotFound'),
        ...authenticatedErrors(),
      },
    },
    {
      method: 'get',
      path: '/api/v1/system/health',
      operationId: 'getHealth',
      tags: ['System'],
      summary: 'Service health',
      description: 'Public. 200 while healthy or degraded, 503 when a critical service (database, queue, storage) is down.',
      security: [],
      request: { query: FormatQuerySchema },
      responses: {
        '200': { description: 'Healthy or degraded.', content: formattedContent(HealthResponseSchema) },
        '422': ref('responses', 'InvalidFormat'),
        '503': {
          description: 'Unhealthy: `issues` says what is down.',
          content: {
            'application/json': {
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
        },
      },
    },
    {
      method: 'get',
      path: '/api/v1/system/queue-stats',
      operationId: 'getQueueStats',
      tags: ['System'],
      summary: 'Queue statistics',
      description: 'Public. Jobs per queue and state, workers per pool, and throughput.',
      security: [],
      request: { query: FormatQuerySchema },
      responses: {
        '200': { description: 'Queue and worker counts.', content: formattedContent(QueueStatsResponseSchema) },
        '422': ref('responses', 'InvalidFormat'),
      },
    },
    {
      method: 'get',
      path: '/api/v1/system/info',
      operationId: 'getSystemInfo',
      tags: ['System'],
      summary: 'Server information',
      description: 'Public. Version, job types, formats, features and limits of this server.',
      security: [],
      request: { query: FormatQuerySchema },
      responses: {
        '200': { description: 'Server information.', content: formattedContent(InfoResponseSchema) },
        '422': ref('responses', 'InvalidFormat'),
      },
    },
    {
      method: 'get',
      path: '/api/v1/events/stream',
      operationId: 'streamEvents',
      tags: ['Events'],
      summary: 'Stream job events (SSE)',
      description: [
        'A `text/event-stream` of the client’s job events. EventSource cannot send headers, so the token goes in `?token=`; `job_id` narrows the stream to one job.',
        '',
        'Each event is an `event: <name>` line, a `data: <json>` line and a blank line; the JSON repeats the name in its `event` field. The stream opens with `connected`, sends `heartbeat` every 30 seconds, and carries `job.queued`, `job.processing`, `job.progress`, `job.completed`, `job.failed` and `job.cancelled`. Delivery is best effort with no replay: after a reconnect, read the job’s status.',
        '',
        'The message schemas are in the AsyncAPI document (`asyncapi.yaml`). This is the one GET without `?format=`: the stream is always SSE.',
      ].join('\n'),
      security: [{ sseToken: [] }],
      request: { query: EventStreamQuerySchema },
      responses: {
        '200': {
          description: 'The event stream. It stays open; each message is framed as `event: <name>\\ndata: <json>\\n\\n`.',
          headers: rateLimitHeaders(),
          content: {
            'text/event-stream': {
              schema: {
                type: 'string',
                contentMediaType: 'text/event-stream',
                description:
                  'Server-sent events. `contentSchema` is the JSON of one event’s `data:` line, discriminated by `event`; the AsyncAPI document describes every message.',
                contentSchema: {
                  oneOf: events.map((e) => ref('schemas', e.component)),
                  discriminator: { propertyName: 'event', mapping: Object.fromEntries(events.map((e) => [e.event, ref('schemas', e.component).$ref])) },
                },
              },
              example:
                'event: connected\ndata: {"event":"connected","client_id":"cli_upxjrhfj3dzqmyf3","message":"Connected to the SpiderIQ event stream"}\n\nevent: job.queued\ndata: {"event":"job.queued","job_id":"550e8400-e29b-41d4-a716-446655440000","type":"spiderSite","priority":0,"created_at":"2025-10-27T14:30:02Z"}\n\n',
            },
          },
        },
        '404': ref('responses', 'JobNotFound'),
        ...authenticatedErrors(),
      },
    },
  ];
}
