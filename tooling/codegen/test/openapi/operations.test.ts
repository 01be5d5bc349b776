import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { INVALID_TOKEN_DETAIL } from '@spideriq/schema';
import { describe, expect, it } from 'vitest';
import { OPENAPI_PATH, REPO_ROOT } from '../../src/artifacts.js';

type Ref = { $ref: string };
type Response = { description: string; headers?: Record<string, Ref>; content?: Record<string, { schema: any; example?: unknown }> };
type Operation = {
  operationId: string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required?: boolean; schema: any }>;
  responses: Record<string, Response | Ref>;
};
const document = JSON.parse(readFileSync(resolve(REPO_ROOT, OPENAPI_PATH), 'utf8')) as any;

const operations: Array<{ method: string; path: string; op: Operation }> = Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(
  ([path, item]) => Object.entries(item).map(([method, op]) => ({ method, path, op })),
);
const resolveResponse = (response: Response | Ref): Response =>
  '$ref' in response ? document.components.responses[response.$ref.replace('#/components/responses/', '')] : response;
const authenticated = operations.filter(({ op }) => op.security === undefined || op.security.length > 0);
const gets = operations.filter(({ method, op }) => method === 'get' && op.operationId !== 'streamEvents');
const RATE_LIMIT = ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];

describe('the OpenAPI document', () => {
  it.each<[string, string, string, string[]]>([
    ['submitSiteJob', 'post', '/api/v1/jobs/spiderSite/submit', ['201', '401', '403', '413', '422', '429']],
    ['submitMapsJob', 'post', '/api/v1/jobs/spiderMaps/submit', ['201', '401', '403', '413', '422', '429']],
    ['submitJob', 'post', '/api/v1/jobs/submit', ['201', '401', '403', '413', '422', '429']],
    ['getJobStatus', 'get', '/api/v1/jobs/{job_id}/status', ['200', '401', '403', '404', '422', '429']],
    ['getJobResults', 'get', '/api/v1/jobs/{job_id}/results', ['200', '202', '401', '403', '404', '410', '422', '429']],
    ['listJobs', 'get', '/api/v1/jobs/list', ['200', '401', '403', '422', '429']],
    ['cancelJob', 'delete', '/api/v1/jobs/{job_id}', ['200', '400', '401', '403', '404', '422', '429']],
    ['getHealth', 'get', '/api/v1/system/health', ['200', '422', '503']],
    ['getQueueStats', 'get', '/api/v1/system/queue-stats', ['200', '422']],
    ['getSystemInfo', 'get', '/api/v1/system/info', ['200', '422']],
    ['streamEvents', 'get', '/api/v1/events/stream', ['200', '401', '403', '404', '422', '429']],
    ['getJobWebhooks', 'get', '/api/v1/jobs/{job_id}/webhooks', ['200', '401', '403', '404', '422', '429']],
    ['getWebhookSecret', 'get', '/api/v1/webhooks/secret', ['200', '401', '403', '422', '429']],
    ['rotateWebhookSecret', 'post', '/api/v1/webhooks/secret/rotate', ['200', '401', '403', '422', '429']],
  ])('%s is %s %s with status codes %j', (operationId, method, path, statuses) => {
    const op = document.paths[path]?.[method] as Operation | undefined;
    expect(op?.operationId).toBe(operationId);
    expect(Object.keys(op!.responses).sort()).toEqual(statuses);
  });

  it('has exactly the eleven core operations and the three webhook extensions', () => {
    expect(operations).toHaveLength(14);
  });

  it('keeps the system endpoints public and everything else behind bearerAuth', () => {
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    expect(operations.filter(({ op }) => op.security?.length === 0).map(({ op }) => op.operationId)).toEqual(['getHealth', 'getQueueStats', 'getSystemInfo']);
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.components.securitySchemes.bearerAuth.description).toMatch(/cli_….*sk_….*secret_…/s);
    expect(document.components.securitySchemes.bearerAuth.description).toContain('?token=');
  });

  it.each(authenticated.map(({ op }) => [op.operationId, op] as const))('%s documents 401, 403, 422 and 429 with the error schemas', (_id, op) => {
    const [unauthorized, forbidden, invalid, limited] = ['401', '403', '422', '429'].map((s) => resolveResponse(op.responses[s]!));
    expect(unauthorized!.content!['application/json']).toEqual({ schema: { $ref: '#/components/schemas/HttpError' }, example: { detail: INVALID_TOKEN_DETAIL } });
    expect(forbidden!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/HttpError' });
    expect(invalid!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/ValidationError' });
    expect(limited!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/HttpError' });
    expect(limited!.headers!['Retry-After']).toEqual({ $ref: '#/components/headers/Retry-After' });
  });

  it.each(authenticated.map(({ op }) => [op.operationId, op] as const))('%s sends the rate-limit headers on every response after authentication', (_id, op) => {
    const after = Object.entries(op.responses).filter(([status]) => !['401', '403', '413'].includes(status));
    expect(after.length).toBeGreaterThan(2);
    for (const [, response] of after) {
      const headers = resolveResponse(response).headers ?? {};
      for (const name of RATE_LIMIT) expect(headers[name]).toEqual({ $ref: `#/components/headers/${name}` });
    }
  });

  it('defines the rate-limit headers once, with X-RateLimit-Reset in unix seconds', () => {
    expect(Object.keys(document.components.headers)).toEqual([...RATE_LIMIT, 'Retry-After']);
    expect(document.components.headers['X-RateLimit-Reset'].description).toMatch(/Unix timestamp in seconds/);
  });

  it.each(gets.map(({ op }) => [op.operationId, op] as const))('%s takes ?format=json|yaml|md and offers the three content types', (_id, op) => {
    const format = op.parameters?.find((p) => p.name === 'format');
    expect(format).toMatchObject({ in: 'query', required: false });
    expect(format!.schema.enum).toEqual(['json', 'yaml', 'md']);
    const successes = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
    expect(successes.length).toBeGreaterThan(0);
    for (const [, response] of successes) {
      const content = resolveResponse(response).content!;
      expect(Object.keys(content)).toEqual(['application/json', 'application/yaml', 'text/markdown']);
      expect(content['text/markdown']!.schema.type).toBe('string');
    }
  });

  it('streams events as text/event-stream with the token and job_id query', () => {
    const op = document.paths['/api/v1/events/stream'].get as Operation;
    expect(op.parameters!.map((p) => [p.name, p.in, p.required])).toEqual([
      ['token', 'query', false],
      ['job_id', 'query', false],
    ]);
    expect(Object.keys((op.responses['200'] as Response).content!)).toEqual(['text/event-stream']);
  });

  it('describes the server and the contract version', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBe('SpiderIQ API (open source)');
    const schemaPackage = JSON.parse(readFileSync(resolve(REPO_ROOT, 'packages/schema/package.json'), 'utf8'));
    expect(document.info.version).toBe(schemaPackage.version);
    expect(document.servers).toEqual([{ url: 'http://127.0.0.1:8080', description: expect.any(String) }]);
    expect(document.tags.map((t: { name: string }) => t.name)).toEqual(['Jobs', 'SpiderSite', 'SpiderMaps', 'System', 'Events', 'Webhooks']);
  });
});
