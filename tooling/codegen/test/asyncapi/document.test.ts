import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { components, JobEventSchema } from '@spideriq/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { payloadSchema } from '../../src/asyncapi/document.js';
import { ASYNCAPI_PATH, REPO_ROOT } from '../../src/artifacts.js';

const text = readFileSync(resolve(REPO_ROOT, ASYNCAPI_PATH), 'utf8');
const JOB_EVENTS = ['job.queued', 'job.processing', 'job.progress', 'job.completed', 'job.failed', 'job.cancelled'];

type Parsed = Awaited<ReturnType<Parser['parse']>>;
let parsed: Parsed;

beforeAll(async () => {
  parsed = await new Parser().parse(text);
}, 60_000);

describe('the committed AsyncAPI document', () => {
  it('parses with @asyncapi/parser with zero errors', () => {
    const errors = parsed.diagnostics.filter((d) => d.severity === 0).map((d) => `${d.code}: ${d.message} at ${d.path.join('.')}`);
    expect(errors).toEqual([]);
    expect(parsed.document?.version()).toBe('3.0.0');
  });

  it('lists the six job events and the two connection events on the stream, and the terminal ones on the webhooks channel', () => {
    const channels = parsed.document!.channels().all();
    expect(channels.map((c) => c.address())).toEqual(['/api/v1/events/stream', '{webhook_url}']);
    const names = channels[0]!.messages().all().map((m) => m.name());
    expect(names).toEqual(['connected', 'heartbeat', ...JOB_EVENTS]);
    expect(channels[1]!.messages().all().map((m) => m.name())).toEqual(['job.completed', 'job.failed', 'job.cancelled']);
    const raw = parse(text) as any;
    expect(raw.operations.sendWebhooks).toMatchObject({ action: 'send', bindings: { http: { method: 'POST' } } });
    expect(raw.components.schemas.StandardWebhookHeaders.required).toEqual(['webhook-id', 'webhook-timestamp', 'webhook-signature']);
  });

  it('documents the token query parameter and the SSE framing', () => {
    const raw = parse(text) as any;
    const query = raw.operations.receiveJobEvents.bindings.http.query;
    // Optional in the schema: a client that can send `Authorization: Bearer` needs no query token.
    expect(query.required ?? []).toEqual([]);
    expect(Object.keys(query.properties)).toEqual(['token', 'job_id']);
    expect(raw.components.securitySchemes.token).toMatchObject({ type: 'httpApiKey', in: 'query', name: 'token' });
    expect(raw.info.description).toContain('event: job.completed\ndata: {');
    expect(raw.channels.jobEvents.description).toContain('`event: <name>` line, a `data: <json>` line');
  });

  it.each(JobEventSchema.options.map((option) => [option.shape.event.value, option] as const))(
    '%s: the payload is the JSON Schema of the zod model, and accepts its example',
    (event, option) => {
      const raw = parse(text) as any;
      const name = Object.entries(components).find(([, schema]) => schema === option)![0];
      expect(raw.components.schemas[name]).toEqual(payloadSchema(option));
      const message = Object.values(raw.components.messages as Record<string, any>).find((m) => m.name === event);
      expect(message.payload).toEqual({ $ref: `#/components/schemas/${name}` });
      const ajv = new Ajv.default({ strict: false });
      addFormats.default(ajv);
      const validate = ajv.compile(raw.components.schemas[name]);
      expect(validate(message.examples[0].payload)).toBe(true);
      expect(validate({ ...message.examples[0].payload, event: 'job.other' })).toBe(false);
      expect(option.parse(message.examples[0].payload)).toEqual(message.examples[0].payload);
    },
  );
});
