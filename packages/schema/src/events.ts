import { z } from 'zod';
import { JobIdSchema, JobTypeSchema, TimestampSchema } from './primitives.js';
import { JobResultsSchema } from './jobs/results.js';

/** Sent once when the stream opens. */
export const ConnectedEventSchema = z
  .object({ event: z.literal('connected'), client_id: z.string(), message: z.string() })
  .meta({ description: 'The stream is open.', example: { event: 'connected', client_id: 'cli_upxjrhfj3dzqmyf3', message: 'Connected to the SpiderIQ event stream' } });

/** Keeps proxies from closing an idle stream. */
export const HeartbeatEventSchema = z
  .object({ event: z.literal('heartbeat'), timestamp: TimestampSchema })
  .meta({ description: 'Sent every 30 seconds.', example: { event: 'heartbeat', timestamp: '2025-10-27T14:30:15Z' } });

/** A job entered the queue. */
export const JobQueuedEventSchema = z
  .object({ event: z.literal('job.queued'), job_id: JobIdSchema, type: JobTypeSchema, priority: z.int(), created_at: TimestampSchema })
  .meta({ description: 'A job was queued.', example: { event: 'job.queued', job_id: '550e8400-e29b-41d4-a716-446655440000', type: 'spiderSite', priority: 0, created_at: '2025-10-27T14:30:02Z' } });

/** A worker started the job. */
export const JobProcessingEventSchema = z
  .object({ event: z.literal('job.processing'), job_id: JobIdSchema, type: JobTypeSchema, worker_id: z.string(), attempt: z.int(), started_at: TimestampSchema })
  .meta({ description: 'A worker started the job.', example: { event: 'job.processing', job_id: '550e8400-e29b-41d4-a716-446655440000', type: 'spiderSite', worker_id: 'spider-site-main-1', attempt: 1, started_at: '2025-10-27T14:30:03Z' } });

/** The worker made progress. */
export const JobProgressEventSchema = z
  .object({
    event: z.literal('job.progress'),
    job_id: JobIdSchema,
    type: JobTypeSchema,
    pages_crawled: z.int().nullable(),
    results_found: z.int().nullable(),
    total: z.int().nullable(),
    message: z.string().nullable(),
    timestamp: TimestampSchema,
  })
  .meta({ description: 'Progress: pages crawled or listings found.', example: { event: 'job.progress', job_id: '550e8400-e29b-41d4-a716-446655440000', type: 'spiderSite', pages_crawled: 3, results_found: null, total: 10, message: 'https://example.com/contact', timestamp: '2025-10-27T14:30:08Z' } });

/** Terminal: results are ready. */
export const JobCompletedEventSchema = z
  .object({
    event: z.literal('job.completed'),
    job_id: JobIdSchema,
    type: JobTypeSchema,
    processing_time_seconds: z.number(),
    completed_at: TimestampSchema,
    results: JobResultsSchema.optional().meta({
      description: 'Webhooks only (extension): the job’s results envelope, as `GET /results` answers it, so the receiver needs no second request. The event stream leaves it out.',
    }),
  })
  .meta({ description: 'The job completed; fetch its results (webhooks carry them in `results`).', example: { event: 'job.completed', job_id: '550e8400-e29b-41d4-a716-446655440000', type: 'spiderSite', processing_time_seconds: 12.4, completed_at: '2025-10-27T14:30:15Z' } });

/** Terminal: the job failed after its attempts. */
export const JobFailedEventSchema = z
  .object({ event: z.literal('job.failed'), job_id: JobIdSchema, type: JobTypeSchema, error_message: z.string(), completed_at: TimestampSchema })
  .meta({ description: 'The job failed.', example: { event: 'job.failed', job_id: '550e8400-e29b-41d4-a716-446655440000', type: 'spiderSite', error_message: 'Failed to connect to target URL: Connection timeout after 30s', completed_at: '2025-10-27T14:50:00Z' } });

/** Terminal: the job was cancelled. */
export const JobCancelledEventSchema = z
  .object({ event: z.literal('job.cancelled'), job_id: JobIdSchema, type: JobTypeSchema, cancelled_at: TimestampSchema })
  .meta({ description: 'The job was cancelled.', example: { event: 'job.cancelled', job_id: '550e8400-e29b-41d4-a716-446655440000', type: 'spiderSite', cancelled_at: '2025-10-27T14:31:00Z' } });

/** Every event of the job stream, discriminated by `event` (also the SSE `event:` line). */
export const JobEventSchema = z.discriminatedUnion('event', [
  ConnectedEventSchema,
  HeartbeatEventSchema,
  JobQueuedEventSchema,
  JobProcessingEventSchema,
  JobProgressEventSchema,
  JobCompletedEventSchema,
  JobFailedEventSchema,
  JobCancelledEventSchema,
]);
export type JobEvent = z.infer<typeof JobEventSchema>;
export type JobEventName = JobEvent['event'];

/** Events after which a job's stream has nothing more to say. */
export const TERMINAL_EVENTS = ['job.completed', 'job.failed', 'job.cancelled'] as const satisfies readonly JobEventName[];

/** Query of `GET /api/v1/events/stream`. */
export const EventStreamQuerySchema = z.object({
  token: z.string().optional().meta({ description: 'The three-part token, for clients that cannot send an `Authorization` header (EventSource). Either this or the header is required.' }),
  job_id: JobIdSchema.optional().meta({ description: 'Only this job’s events. Without it: every job of the client.' }),
});
