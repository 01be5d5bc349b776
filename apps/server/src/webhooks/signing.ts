import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { WebhookSecretRecord } from '@spideriq/jobs';

/** A new signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The secrets a delivery is signed with now: the current one, and the previous one during a rotation's grace period. */
export function signingSecrets(record: WebhookSecretRecord, now: Date): string[] {
  const previousValid = record.previousSecret !== null && record.previousExpiresAt !== null && Date.parse(record.previousExpiresAt) > now.getTime();
  return previousValid ? [record.secret, record.previousSecret!] : [record.secret];
}

/**
 * The three Standard Webhooks headers for one attempt, signed by the `standardwebhooks` reference
 * implementation. Several secrets give several space-separated `v1,` signatures; a verifier accepts any.
 */
export function signatureHeaders(secrets: readonly string[], webhookId: string, timestamp: Date, body: string): Record<string, string> {
  const signature = secrets.map((secret) => new Webhook(secret).sign(webhookId, timestamp, body)).join(' ');
  return {
    'webhook-id': webhookId,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': signature,
  };
}
