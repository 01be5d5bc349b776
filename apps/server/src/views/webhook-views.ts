import type { JobWebhooksResponse, WebhookSecretResponse } from '@spideriq/schema';
import type { WebhookAttemptRecord, WebhookDeliveryRecord, WebhookSecretRecord, WebhookSubscriptionRecord } from '@spideriq/jobs';

/** `GET /api/v1/jobs/{job_id}/webhooks`. */
export function jobWebhooksView(
  jobId: string,
  subscriptions: WebhookSubscriptionRecord[],
  deliveries: { delivery: WebhookDeliveryRecord; attempts: WebhookAttemptRecord[] }[],
): JobWebhooksResponse {
  return {
    job_id: jobId,
    subscriptions: subscriptions.map((s) => ({ url: s.url, events: s.events, created_at: s.createdAt })),
    deliveries: deliveries.map(({ delivery, attempts }) => ({
      webhook_id: delivery.id,
      event: delivery.event,
      url: delivery.url,
      status: delivery.status,
      attempts: attempts.map((a) => ({ attempt: a.attempt, attempted_at: a.attemptedAt, status_code: a.statusCode, error: a.error, duration_ms: a.durationMs })),
      next_attempt_at: delivery.status === 'pending' ? delivery.nextAttemptAt : null,
      created_at: delivery.createdAt,
    })),
  };
}

/** `GET /api/v1/webhooks/secret` and its rotation. */
export function webhookSecretView(record: WebhookSecretRecord, now: Date): WebhookSecretResponse {
  const previousValid = record.previousExpiresAt !== null && Date.parse(record.previousExpiresAt) > now.getTime();
  return { secret: record.secret, created_at: record.createdAt, previous_secret_expires_at: previousValid ? record.previousExpiresAt : null };
}
