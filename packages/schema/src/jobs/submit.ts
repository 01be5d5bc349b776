import { z } from 'zod';
import { JobIdSchema, JobStatusSchema, JobTypeSchema, PrioritySchema, TimestampSchema } from '../primitives.js';
import { SpiderSitePayloadSchema } from '../site/payload.js';
import { SpiderMapsPayloadSchema } from '../maps/payload.js';
import { WEBHOOK_EVENTS_NEED_URL, webhookRequestFields } from '../webhooks.js';
import { withRules } from '../rules.js';

/** Body of the generic `POST /api/v1/jobs/submit`: the job type is chosen in the body. */
export const SubmitJobRequestSchema = z
  .discriminatedUnion('type', [
    withRules(z.object({ type: z.literal('spiderSite'), payload: SpiderSitePayloadSchema, priority: PrioritySchema.default(0), ...webhookRequestFields }), [WEBHOOK_EVENTS_NEED_URL]),
    withRules(z.object({ type: z.literal('spiderMaps'), payload: SpiderMapsPayloadSchema, priority: PrioritySchema.default(0), ...webhookRequestFields }), [WEBHOOK_EVENTS_NEED_URL]),
  ])
  .meta({
    description: 'Submit a job of any type.',
    example: { type: 'spiderSite', payload: { url: 'https://example.com' }, priority: 5 },
  });
export type SubmitJobRequest = z.infer<typeof SubmitJobRequestSchema>;

/** The 201 answer to every submit. */
export const SubmitJobResponseSchema = z
  .object({
    job_id: JobIdSchema,
    type: JobTypeSchema,
    status: JobStatusSchema.meta({ description: '`queued` for a new job; the existing job’s current status when `from_cache` is true.' }),
    created_at: TimestampSchema,
    from_cache: z
      .boolean()
      .meta({ description: 'True when this client submitted an identical payload in the last 24 hours: the same `job_id` is returned and no new job is created.' }),
    message: z.string(),
  })
  .meta({
    description: 'The job was accepted.',
    example: {
      job_id: '550e8400-e29b-41d4-a716-446655440000',
      type: 'spiderSite',
      status: 'queued',
      created_at: '2025-10-27T14:30:02Z',
      from_cache: false,
      message: 'Job submitted successfully',
    },
  });
export type SubmitJobResponse = z.infer<typeof SubmitJobResponseSchema>;
