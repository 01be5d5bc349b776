import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations, routePath } from '@spideriq/schema';
import { createApp } from '../src/app.js';
import { registerTestEngines, startTestServer, type TestServer } from '@spideriq/testkit/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(registerTestEngines);
});
afterAll(() => server.close());

/** The API routes the app really serves: method + path, middleware entries and non-API routes left out. */
function servedApiRoutes(): string[] {
  const app = createApp(server.runtime);
  const keys = app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL').map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)].sort();
}

describe('the operation table and the server’s routes', () => {
  const table = Object.values(operations).map((op) => `${op.method.toUpperCase()} ${routePath(op.path)}`).sort();

  it('serve exactly the same method + path pairs', () => {
    expect(servedApiRoutes()).toEqual(table);
  });

  it('key every operation by its own operationId', () => {
    for (const [key, op] of Object.entries(operations)) expect(op.operationId).toBe(key);
  });

  it('never state one method + path twice', () => {
    expect(new Set(table).size).toBe(table.length);
  });

  it.each(Object.values(operations).map((op) => [op.operationId, op] as const))('%s answers through its route, not the 404 fallback', async (_id, op) => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    // The event stream without `job_id` stays open: ask for an unknown job's stream instead.
    const path = op.path.replace('{job_id}', unknown) + (op.operationId === 'streamEvents' ? `?job_id=${unknown}` : '');
    const res = await server.api(path, { method: op.method.toUpperCase(), ...('body' in op ? { body: '{}' } : {}) });
    const text = await res.text();
    // The app-level fallback says `Not Found`; an operation's own 404 names the job.
    expect(text).not.toBe('{"detail":"Not Found"}');
    expect(res.status).toBeLessThan(500);
  });
});
