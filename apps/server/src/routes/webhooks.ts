import { Hono } from 'hono';
import { WebhookSecretResponseSchema } from '@spideriq/schema';
import type { AppEnv } from '../app.js';
import type { Runtime } from '../runtime.js';
import { authenticate } from '../http/authenticate.js';
import { respond } from '../http/respond.js';
import { generateWebhookSecret } from '../webhooks/signing.js';
import { webhookSecretView } from '../views/webhook-views.js';

/** How long deliveries stay signed with the previous secret after a rotation, so receivers can switch over. */
export const ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

/** `/api/v1/webhooks/*` (extension): the client's signing secret, and its rotation. */
export function webhookRoutes(runtime: Runtime): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const auth = authenticate(runtime);
  const { webhooks } = runtime.store;

  routes.get('/secret', auth, async (c) => {
    const now = new Date();
    const clientId = c.get('client').id;
    const record = (await webhooks.getSecret(clientId)) ?? (await webhooks.createSecret(clientId, generateWebhookSecret(), now));
    return respond(c, 200, webhookSecretView(record, now), WebhookSecretResponseSchema);
  });

  routes.post('/secret/rotate', auth, async (c) => {
    const now = new Date();
    const record = await webhooks.rotateSecret(c.get('client').id, generateWebhookSecret(), now, new Date(now.getTime() + ROTATION_GRACE_MS));
    return respond(c, 200, webhookSecretView(record, now), WebhookSecretResponseSchema);
  });
  return routes;
}
