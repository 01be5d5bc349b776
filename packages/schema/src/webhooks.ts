import { z } from 'zod';
import { HTTP_URL_PATTERN, JobIdSchema, TimestampSchema } from './primitives.js';
import { requires } from './rules.js';

/** The job events a webhook can be sent for: the terminal ones (the body is the AsyncAPI event of the same name). */
export const WebhookEventNameSchema = z
  .enum(['job.completed', 'job.failed', 'job.cancelled'])
  .meta({ description: 'A terminal job event; the webhook body is that event as the event stream defines it.', example: 'job.completed' });
export type WebhookEventName = z.infer<typeof WebhookEventNameSchema>;

/** The events a webhook is sent for when `webhook_events` is left out. */
export const DEFAULT_WEBHOOK_EVENTS = ['job.completed', 'job.failed', 'job.cancelled'] as const satisfies readonly WebhookEventName[];

const USERINFO = '(?:[^\\s/?#@\\[\\]\\\\]+@)?';
if (!HTTP_URL_PATTERN.source.includes(USERINFO)) throw new Error('HTTP_URL_PATTERN changed: update the webhook URL pattern');

/** An absolute http(s) URL as {@link HTTP_URL_PATTERN} has it, without `user:password@` (a webhook never sends credentials that way). */
export const WEBHOOK_URL_PATTERN = new RegExp(HTTP_URL_PATTERN.source.replace(USERINFO, ''));

const WebhookUrlSchema = z
  .string()
  .min(1)
  .max(2048)
  .regex(WEBHOOK_URL_PATTERN, 'must be an absolute http:// or https:// URL with a host name or IPv4 address, without credentials');

/**
 * Extension: the webhook fields every submit body takes beside `payload` and `priority`. They are not part of
 * the 24-hour dedup key: resubmitting a cached job with a webhook subscribes that webhook to the existing job.
 */
export const webhookRequestFields = {
  webhook_url: WebhookUrlSchema.optional().meta({
    description:
      'Extension: POST the job’s events here, signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with your secret from `GET /api/v1/webhooks/secret`, retried until a 2xx. Private and cloud-metadata addresses are refused unless the server allows private networks.',
    example: 'https://crm.example.com/hooks/spideriq',
  }),
  webhook_events: z
    .array(WebhookEventNameSchema)
    .min(1)
    .max(3)
    .optional()
    .meta({ description: 'Extension: which events to send. Default `["job.completed","job.failed","job.cancelled"]`. Needs `webhook_url`.', example: ['job.completed'] }),
};

/** `webhook_events` means nothing without `webhook_url`. */
export const WEBHOOK_EVENTS_NEED_URL = requires('webhook_events', 'webhook_url', 'webhook_events needs a webhook_url');

/** One delivery attempt of a webhook. */
export const WebhookAttemptSchema = z
  .object({
    attempt: z.int().min(1),
    attempted_at: TimestampSchema,
    status_code: z.int().nullable().meta({ description: 'HTTP status the receiver answered; null when no answer came (timeout, refused, network).' }),
    error: z.string().nullable().meta({ description: 'Why the attempt failed; null when it succeeded.' }),
    duration_ms: z.int().min(0),
  })
  .meta({ description: 'A delivery attempt.' });
export type WebhookAttempt = z.infer<typeof WebhookAttemptSchema>;

/** One event sent (or being sent) to one webhook URL, with every attempt. */
export const WebhookDeliverySchema = z
  .object({
    webhook_id: z.string().meta({ description: 'The `webhook-id` header: the same on every attempt, so receivers can drop duplicates.', example: 'msg_2b1f0c5e8d9a4f7e9c3b6a1d0e4f5a6b' }),
    event: WebhookEventNameSchema,
    url: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']).meta({ description: '`pending` while attempts remain, `delivered` after a 2xx, `failed` when every attempt failed.' }),
    attempts: z.array(WebhookAttemptSchema),
    next_attempt_at: TimestampSchema.nullable().meta({ description: 'When the next attempt is due; null once delivered or failed.' }),
    created_at: TimestampSchema,
  })
  .meta({ description: 'A webhook delivery.' });
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

/** `GET /api/v1/jobs/{job_id}/webhooks`. */
export const JobWebhooksResponseSchema = z
  .object({
    job_id: JobIdSchema,
    subscriptions: z.array(z.object({ url: z.string(), events: z.array(WebhookEventNameSchema), created_at: TimestampSchema })),
    deliveries: z.array(WebhookDeliverySchema),
  })
  .meta({
    description: 'Extension: the job’s webhooks and every delivery attempt.',
    example: {
      job_id: '550e8400-e29b-41d4-a716-446655440000',
      subscriptions: [{ url: 'https://crm.example.com/hooks/spideriq', events: ['job.completed', 'job.failed', 'job.cancelled'], created_at: '2025-10-27T14:30:02Z' }],
      deliveries: [
        {
          webhook_id: 'msg_2b1f0c5e8d9a4f7e9c3b6a1d0e4f5a6b',
          event: 'job.completed',
          url: 'https://crm.example.com/hooks/spideriq',
          status: 'delivered',
          attempts: [
            { attempt: 1, attempted_at: '2025-10-27T14:30:15Z', status_code: 503, error: 'HTTP 503', duration_ms: 41 },
            { attempt: 2, attempted_at: '2025-10-27T14:30:20Z', status_code: 200, error: null, duration_ms: 38 },
          ],
          next_attempt_at: null,
          created_at: '2025-10-27T14:30:15Z',
        },
      ],
    },
  });
export type JobWebhooksResponse = z.infer<typeof JobWebhooksResponseSchema>;

/** `GET /api/v1/webhooks/secret` and its rotation. */
export const WebhookSecretResponseSchema = z
  .object({
    secret: z.string().regex(/^whsec_[A-Za-z0-9+/=]+$/).meta({ description: 'Your signing secret (Standard Webhooks `whsec_` + base64). Pass it to a Standard Webhooks verifier.' }),
    created_at: TimestampSchema,
    previous_secret_expires_at: TimestampSchema.nullable().meta({
      description: 'After a rotation, deliveries are signed with both the new and the previous secret until this time, so receivers can switch without missing one.',
    }),
  })
  .meta({
    description: 'Extension: the client’s webhook signing secret.',
    example: { secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', created_at: '2025-10-27T14:30:02Z', previous_secret_expires_at: null },
  });
export type WebhookSecretResponse = z.infer<typeof WebhookSecretResponseSchema>;
