import type { Runtime } from '../runtime.js';
import type { Handlers } from '../operations/handler.js';
import { generateWebhookSecret } from '../webhooks/signing.js';
import { webhookSecretView } from '../views/webhook-views.js';

/** How long deliveries stay signed with the previous secret after a rotation, so receivers can switch over. */
export const ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

/** The handlers of `/api/v1/webhooks/*` (extension): the client's signing secret, and its rotation. */
export function webhookHandlers(runtime: Runtime): Pick<Handlers, 'getWebhookSecret' | 'rotateWebhookSecret'> {
  const { webhooks } = runtime.store;
  return {
    async getWebhookSecret({ client }) {
      const now = new Date();
      const record = (await webhooks.getSecret(client.id)) ?? (await webhooks.createSecret(client.id, generateWebhookSecret(), now));
      return { status: 200, body: webhookSecretView(record, now) };
    },
    async rotateWebhookSecret({ client }) {
      const now = new Date();
      const record = await webhooks.rotateSecret(client.id, generateWebhookSecret(), now, new Date(now.getTime() + ROTATION_GRACE_MS));
      return { status: 200, body: webhookSecretView(record, now) };
    },
  };
}
