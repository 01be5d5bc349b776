import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { seedExamples, type SeedExample } from '@spideriq/schema/examples';
import { OPENAPI_PATH, REPO_ROOT } from '../../src/artifacts.js';

// The committed document is the oracle: clients and docs are built from this file, not from memory.
const document = JSON.parse(readFileSync(resolve(REPO_ROOT, OPENAPI_PATH), 'utf8')) as {
  components: Record<string, unknown>;
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown; examples?: Record<string, { value: unknown }> }> }> }>>;
};
const BASE = 'https://spideriq.invalid/openapi.json';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema({ $id: BASE, components: document.components });

/** The JSON schema of getJobResults' response for a status, with its `#/components` refs made absolute. */
function responseValidator(status: number) {
  const media = document.paths['/api/v1/jobs/{job_id}/results']!['get']!.responses[String(status)]!.content!['application/json']!;
  const schema = JSON.parse(JSON.stringify(media.schema).replaceAll('"#/components/', `"${BASE}#/components/`)) as object;
  return ajv.compile(schema);
}

const seed = seedExamples();

type Mutation = [name: string, example: string, mutate: (body: any) => void];

describe('the seed examples against the generated OpenAPI (ajv, JSON Schema 2020-12)', () => {
  it.each(seed.map((example) => [example.name, example] as const))('%s validates against its status code’s response schema', (_name, example: SeedExample) => {
    const validate = responseValidator(example.status);
    const valid = validate(example.body);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(seed.map((example) => [example.name, example] as const))('%s is a named example of its response', (_name, example: SeedExample) => {
    const media = document.paths['/api/v1/jobs/{job_id}/results']!['get']!.responses[String(example.status)]!.content!['application/json']!;
    expect(Object.values(media.examples ?? {}).map((e) => e.value)).toContainEqual(example.body);
  });

  it.each<Mutation>([
    ['a field of the wrong type (pages_crawled: "five")', 'SpiderSite - Minimal', (body) => (body.data.pages_crawled = 'five')],
    ['a missing social field (reddit)', 'SpiderSite - Minimal', (body) => delete body.data.reddit],
    ['a missing top-level field (error_message)', 'SpiderSite - With AI', (body) => delete body.error_message],
    ['an unknown crawl_status', 'SpiderSite - Full CHAMP', (body) => (body.data.crawl_status = 'done')],
    ['lead_scoring with a string score', 'SpiderSite - Full CHAMP', (body) => (body.data.lead_scoring.icp_fit_score = 'high')],
    ['a business without a name', 'SpiderMaps', (body) => delete body.data.businesses[0].name],
    ['a business rating as a string', 'SpiderMaps', (body) => (body.data.businesses[0].rating = '4.6')],
    ['a 202 body without data', 'Processing (202)', (body) => delete body.data],
    ['a 410 body with a numeric error_message', 'Failed (410)', (body) => (body.error_message = 500)],
    ['a 404 detail that is not a string', 'Not Found (404)', (body) => (body.detail = ['Job not found'])],
    ['a 404 without detail', 'Not Found (404)', (body) => delete body.detail],
  ])('rejects %s', (_what, name, mutate) => {
    const example = seed.find((e) => e.name === name)!;
    const body = structuredClone(example.body);
    mutate(body);
    expect(responseValidator(example.status)(body)).toBe(false);
  });
});
