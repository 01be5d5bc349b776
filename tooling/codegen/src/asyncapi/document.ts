import { EventStreamQuerySchema, WebhookEventNameSchema } from '@spideriq/schema';
import { z, type ZodType } from 'zod';
import { streamEvents } from '../stream-events.js';

/** What the document needs from outside. */
export interface AsyncApiInput {
  /** `version` of packages/schema/package.json: the contract's version. */
  version: string;
}

/** A JSON Schema object as emitted for AsyncAPI payloads. */
export type JsonSchema = Record<string, unknown>;

/** An AsyncAPI 3.0 document (plain JSON, serialised as YAML). */
export type AsyncApiDocument = Record<string, unknown> & { asyncapi: '3.0.0' };

/** The address of the SSE stream. */
export const STREAM_ADDRESS = '/api/v1/events/stream';

const FRAMING = `The stream is [server-sent events](https://html.spec.whatwg.org/multipage/server-sent-events.html) over HTTP: \`GET ${STREAM_ADDRESS}\` with \`Accept: text/event-stream\`. Each message is framed as an \`event:\` line with the message name, a \`data:\` line with the JSON payload on one line, and a blank line:

\`\`\`
event: job.completed
data: {"event":"job.completed","job_id":"550e8400-e29b-41d4-a716-446655440000","type":"spiderSite","processing_time_seconds":12.4,"completed_at":"2025-10-27T14:30:15Z"}

\`\`\`

The payload repeats the name in its \`event\` field, so a client that reads only \`data:\` lines can still tell messages apart. In a browser: \`new EventSource(url).addEventListener('job.completed', (e) => JSON.parse(e.data))\`.`;

const DESCRIPTION = `Job events of the SpiderIQ API (open source), pushed as server-sent events.

${FRAMING}

The stream opens with \`connected\` and sends \`heartbeat\` every 30 seconds. Job messages follow each job through its life: \`job.queued\` → \`job.processing\` → \`job.progress\`… → one of \`job.completed\`, \`job.failed\` or \`job.cancelled\`. Without \`job_id\` the stream carries every job of the client.

Delivery is best effort and there is no replay: after a reconnect, read the job's status (\`GET /api/v1/jobs/{job_id}/status\`) before relying on the stream again.

**Webhooks (extension).** The same terminal messages are also POSTed to the \`webhook_url\` given at submit (channel \`webhooks\`): one message per request, the JSON body being the payload below (\`job.completed\` also carries the job's \`results\` envelope). Each request is signed per [Standard Webhooks](https://www.standardwebhooks.com/) (\`webhook-id\`, \`webhook-timestamp\`, \`webhook-signature\`) with the client's secret from \`GET /api/v1/webhooks/secret\`, and retried with jittered backoff until the receiver answers 2xx, with the same \`webhook-id\` on every attempt: delivery is at least once, so drop duplicates by \`webhook-id\`.

Generated from the zod models in \`@spideriq/schema\`; do not edit by hand.`;

/**
 * JSON Schema (draft-07, the base of AsyncAPI Schema) for a zod model. The models' single `example`
 * becomes JSON Schema's `examples` array; `$schema` is dropped because the payload sits inside the document.
 */
export function payloadSchema(schema: ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: 'draft-7',
    // Input mode leaves `additionalProperties` open, so a consumer keeps working when a field is added.
    io: 'input',
    override: (ctx) => {
      const node = ctx.jsonSchema as JsonSchema;
      if ('example' in node) {
        node['examples'] = [node['example']];
        delete node['example'];
      }
      // `z.int()` is bounded to safe integers and `z.uuid()` carries its regex; `type`/`format` say it.
      if (node['minimum'] === Number.MIN_SAFE_INTEGER) delete node['minimum'];
      if (node['maximum'] === Number.MAX_SAFE_INTEGER) delete node['maximum'];
      if (node['format'] === 'uuid') delete node['pattern'];
    },
  }) as JsonSchema;
  delete json['$schema'];
  return json;
}

/** `JobQueuedEvent` → `jobQueued`: the key of a message in the channel and in components. */
function messageKey(component: string): string {
  const base = component.replace(/Event$/, '');
  return base.charAt(0).toLowerCase() + base.slice(1);
}

function exampleOf(schema: ZodType): unknown {
  return (schema.meta() as { example?: unknown } | undefined)?.example;
}

/**
 * Builds the AsyncAPI 3.0 document of the job event stream: one channel at the SSE address, one
 * receive operation whose HTTP binding documents the `token` and `job_id` query, and one message per
 * event with its payload schema generated from the same zod model the server emits.
 */
export function buildAsyncApiDocument(input: AsyncApiInput): AsyncApiDocument {
  const events = streamEvents();
  const schemas = Object.fromEntries(events.map((e) => [e.component, payloadSchema(e.schema)]));
  const messages = Object.fromEntries(
    events.map((e) => {
      const meta = (e.schema.meta() ?? {}) as { description?: string };
      const example = exampleOf(e.schema);
      return [
        messageKey(e.component),
        {
          name: e.event,
          title: e.event,
          summary: meta.description ?? e.event,
          description: `Framed as \`event: ${e.event}\` and a \`data:\` line with this payload as JSON.`,
          contentType: 'application/json',
          payload: { $ref: `#/components/schemas/${e.component}` },
          ...(example === undefined ? {} : { examples: [{ name: messageKey(e.component), payload: example }] }),
        },
      ];
    }),
  );
  const query = payloadSchema(EventStreamQuerySchema);
  const webhookEvents = new Set<string>(WebhookEventNameSchema.options);
  const webhookMessages = Object.fromEntries(
    events
      .filter((e) => webhookEvents.has(e.event))
      .map((e) => [
        `webhook${e.component.replace(/Event$/, '')}`,
        {
          name: e.event,
          title: `${e.event} (webhook)`,
          summary: `POSTed to the webhook URL when the job reaches this state.`,
          contentType: 'application/json',
          headers: { $ref: '#/components/schemas/StandardWebhookHeaders' },
          payload: { $ref: `#/components/schemas/${e.component}` },
        },
      ]),
  );
  return {
    asyncapi: '3.0.0',
    id: 'urn:spideriq:oss:job-events',
    info: {
      title: 'SpiderIQ job events (open source)',
      version: input.version,
      description: DESCRIPTION,
      license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
      tags: [{ name: 'Events' }],
    },
    servers: {
      local: {
        host: '127.0.0.1:8080',
        protocol: 'http',
        description: 'A local server (`pnpm start`).',
        security: [{ $ref: '#/components/securitySchemes/token' }],
      },
    },
    defaultContentType: 'application/json',
    channels: {
      jobEvents: {
        address: STREAM_ADDRESS,
        title: 'Job events',
        description:
          'One server-sent event stream per connection. Each message is an `event: <name>` line, a `data: <json>` line and a blank line. Query: `token` is the three-part token (required unless the request sends `Authorization: Bearer`, which EventSource cannot); `job_id` (optional) narrows the stream to one job.',
        messages: Object.fromEntries(Object.keys(messages).map((key) => [key, { $ref: `#/components/messages/${key}` }])),
      },
      webhooks: {
        address: '{webhook_url}',
        title: 'Webhooks (extension)',
        description: 'The `webhook_url` of a submit body. One signed POST per terminal event the subscription asked for (`webhook_events`), retried until a 2xx.',
        parameters: { webhook_url: { description: 'The `webhook_url` given at submit (an absolute http(s) URL; private and metadata addresses are refused).' } },
        messages: Object.fromEntries(Object.keys(webhookMessages).map((key) => [key, { $ref: `#/components/messages/${key}` }])),
      },
    },
    operations: {
      receiveJobEvents: {
        action: 'receive',
        channel: { $ref: '#/channels/jobEvents' },
        title: 'Receive job events',
        summary: 'Open the stream and receive the client’s job events.',
        description:
          'The client opens the stream with a GET and keeps it open; the server sends each event as it happens. Unknown `token` → 401, disabled client → 403, a malformed `job_id` → 422, an unknown one (or another client’s job) → 404, before the stream starts.',
        bindings: { http: { method: 'GET', query, bindingVersion: '0.3.0' } },
        messages: Object.keys(messages).map((key) => ({ $ref: `#/channels/jobEvents/messages/${key}` })),
      },
      sendWebhooks: {
        action: 'send',
        channel: { $ref: '#/channels/webhooks' },
        title: 'Send webhooks',
        summary: 'The server POSTs each terminal job event to the job’s webhook URL.',
        description:
          'At least once: a non-2xx answer or no answer within the timeout is retried with jittered backoff (5 s, 30 s, 2 min, 10 min, … about 23 hours in all), the same `webhook-id` on every attempt. The attempts are listed by `GET /api/v1/jobs/{job_id}/webhooks`.',
        bindings: { http: { method: 'POST', bindingVersion: '0.3.0' } },
        messages: Object.keys(webhookMessages).map((key) => ({ $ref: `#/channels/webhooks/messages/${key}` })),
      },
    },
    components: {
      schemas: {
        ...schemas,
        StandardWebhookHeaders: {
          type: 'object',
          description: 'The Standard Webhooks headers; verify them with a Standard Webhooks library and the client’s `whsec_…` secret.',
          properties: {
            'webhook-id': { type: 'string', description: 'The delivery’s id (`msg_…`), the same on every retry.' },
            'webhook-timestamp': { type: 'string', description: 'Unix seconds of this attempt; refuse old ones (replays).' },
            'webhook-signature': { type: 'string', description: '`v1,<base64 HMAC-SHA256>` of `{webhook-id}.{webhook-timestamp}.{body}`; space-separated when signed with two secrets during a rotation.' },
          },
          required: ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
        },
      },
      messages: { ...messages, ...webhookMessages },
      securitySchemes: {
        token: {
          type: 'httpApiKey',
          name: 'token',
          in: 'query',
          description:
            'The three-part token `cli_…:sk_…:secret_…` (the same as the REST API’s bearer token), in `?token=` because EventSource cannot send headers. The server stores only hashes of the key and secret.',
        },
      },
    },
  };
}
