import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '@spideriq/schema';
import type { Hono } from 'hono';
import { createApp, type AppEnv } from '../src/app.js';
import { arbitraryFrom, registerTestEngines, startTestServer, waitForStatus, type JsonSchema, type TestServer } from '@spideriq/testkit/server';

/**
 * The committed OpenAPI document against the server, over generated requests: a request the document
 * says is valid is never refused (400/413/422), and a request the server refuses never validates
 * against the document. The document is the oracle a client in any language is generated from.
 */
const require = createRequire(import.meta.url);
type Parameter = { name: string; in: 'query' | 'path'; required?: boolean; schema: JsonSchema };
type OperationObject = { operationId: string; parameters?: Parameter[]; requestBody?: { content: { 'application/json': { schema: JsonSchema } } } };
const document = JSON.parse(readFileSync(require.resolve('@spideriq/schema/openapi.json'), 'utf8')) as {
  components: { schemas: Record<string, JsonSchema> };
  paths: Record<string, Record<string, OperationObject>>;
};
const BASE = 'https://spideriq.invalid/openapi.json';
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ $id: BASE, components: document.components });
const absolute = (schema: JsonSchema) => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${BASE}#/components/`)) as object;
const resolveRef = (ref: string) => document.components.schemas[ref.replace('#/components/schemas/', '')]!;

/** At least this many generated requests per operation (the issue asks for 1,000). */
const RUNS = Number(process.env.SPEC_AGREEMENT_RUNS ?? 1000);
const REFUSED = new Set([400, 413, 422]);

let server: TestServer;
let app: Hono<AppEnv>;
let jobId: string;
beforeAll(async () => {
  // No workers: generated jobs are stored, never run. Private networks allowed: the SSRF guard's address
  // policy on `webhook_url` is a deployment setting the document cannot state, and with it on a generated
  // host name would be looked up in DNS at submit.
  server = await startTestServer(registerTestEngines, { SPIDERIQ_WORKERS_SITE: '0', SPIDERIQ_WORKERS_MAPS: '0', SPIDERIQ_ALLOW_PRIVATE_NETWORKS: 'true' });
  app = createApp(server.runtime);
  const res = await server.api('/api/v1/jobs/spiderSite/submit', { method: 'POST', body: JSON.stringify({ payload: { url: 'https://ok.test/' } }) });
  jobId = ((await res.json()) as { job_id: string }).job_id;
  await waitForStatus(server, jobId, ['queued']);
});
afterAll(() => server.close());

interface Case {
  query: Record<string, unknown>;
  body?: unknown;
}

/** The operations with a body or a query, from the committed document. */
const targets = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods)
    .filter(([, op]) => op.requestBody || op.parameters?.some((p) => p.in === 'query'))
    .map(([method, op]) => ({ path, method, op })),
);

describe('the committed OpenAPI document and the server agree on every generated request', () => {
  it('covers every operation of the table with a body or a query', () => {
    const withInputs = Object.values(operations).filter((op) => 'body' in op || 'query' in op).map((op) => op.operationId);
    expect(targets.map((t) => t.op.operationId).sort()).toEqual([...withInputs].sort());
  });

  it.each(targets.map((t) => [t.op.operationId, t] as const))('%s: zero disagreements', async (operationId, { path, method, op }) => {
    const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
    const querySchema: JsonSchema = {
      type: 'object',
      properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema])),
      required: queryParams.filter((p) => p.required).map((p) => p.name),
    };
    const bodySchema = op.requestBody?.content['application/json'].schema;
    const validateQuery = ajv.compile(absolute(querySchema));
    const validateBody = bodySchema ? ajv.compile(absolute(bodySchema)) : null;
    const arbitrary: fc.Arbitrary<Case> = fc.record({
      query: arbitraryFrom(querySchema, resolveRef, queryParams.length ? 0.15 : 0) as fc.Arbitrary<Record<string, unknown>>,
      ...(bodySchema ? { body: arbitraryFrom(bodySchema, resolveRef) } : {}),
    });

    const disagreements: Array<{ case: Case; status: number; specValid: boolean; answer: string }> = [];
    let valid = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, async (generated) => {
        // The query string itself is always a set of names and values: only its values can be wrong.
        const query = typeof generated.query === 'object' && generated.query !== null && !Array.isArray(generated.query) ? generated.query : {};
        // The event stream authenticates with its query token: send the real one, as a client would.
        if (operationId === 'streamEvents' && 'token' in query) query.token = server.tokens[0];
        const specValid = validateQuery(query) && (!validateBody || validateBody(generated.body));
        const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();
        const url = `${path.replace('{job_id}', jobId)}${search ? `?${search}` : ''}`;
        const res = await app.request(url, {
          method: method.toUpperCase(),
          headers: { authorization: `Bearer ${server.tokens[0]}`, 'content-type': 'application/json' },
          ...(bodySchema ? { body: JSON.stringify(generated.body) ?? 'null' } : {}),
        });
        const answer = res.headers.get('content-type')?.includes('event-stream') ? (await res.body?.cancel(), 'stream') : await res.text();
        const refused = REFUSED.has(res.status);
        if (res.status >= 500 || refused === specValid) disagreements.push({ case: generated, status: res.status, specValid, answer: answer.slice(0, 300) });
        if (specValid) valid++;
      }),
      { numRuns: RUNS, seed: Number(process.env.SPEC_AGREEMENT_SEED ?? 20261202) },
    );
    expect(disagreements.slice(0, 5)).toEqual([]);
    // Both sides of the rules were reached: valid requests and refused ones.
    // (2 %: the submit bodies' optional webhook fields, with their own pattern and rule, make a random body valid less often.)
    expect(valid).toBeGreaterThan(RUNS * 0.02);
    expect(RUNS - valid).toBeGreaterThan(RUNS * 0.05);
  }, 600_000);
});
