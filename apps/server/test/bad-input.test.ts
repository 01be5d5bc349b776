import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '@spideriq/testkit/server';
import type { TestServer } from '@spideriq/testkit/server';
import { registerTestEngines } from '@spideriq/testkit/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(registerTestEngines);
});
afterAll(() => server.close());

const SITE = '/api/v1/jobs/spiderSite/submit';
const MAPS = '/api/v1/jobs/spiderMaps/submit';
const GENERIC = '/api/v1/jobs/submit';
const json = (value: unknown) => JSON.stringify(value);

describe('bad input never gives a 5xx', () => {
  it.each([
    ['malformed JSON', SITE, '{"payload": {"url": ', 422, 'body'],
    ['an empty body', SITE, '', 422, 'body'],
    ['a JSON array', SITE, '[]', 422, 'body'],
    ['a missing payload', SITE, json({ priority: 1 }), 422, 'payload'],
    ['a missing url', SITE, json({ payload: {} }), 422, 'url'],
    ['a url without a scheme', SITE, json({ payload: { url: 'example.com' } }), 422, 'url'],
    ['a ftp url', SITE, json({ payload: { url: 'ftp://example.com' } }), 422, 'url'],
    ['a url over 2048 chars', SITE, json({ payload: { url: `https://e.com/${'a'.repeat(2048)}` } }), 422, 'url'],
    ['max_pages 51', SITE, json({ payload: { url: 'https://e.com', max_pages: 51 } }), 422, 'max_pages'],
    ['max_pages 0', SITE, json({ payload: { url: 'https://e.com', max_pages: 0 } }), 422, 'max_pages'],
    ['max_pages as a string', SITE, json({ payload: { url: 'https://e.com', max_pages: 'ten' } }), 422, 'max_pages'],
    ['max_pages 2.5', SITE, json({ payload: { url: 'https://e.com', max_pages: 2.5 } }), 422, 'max_pages'],
    ['priority 11', SITE, json({ payload: { url: 'https://e.com' }, priority: 11 }), 422, 'priority'],
    ['priority -1', SITE, json({ payload: { url: 'https://e.com' }, priority: -1 }), 422, 'priority'],
    ['timeout 5', SITE, json({ payload: { url: 'https://e.com', timeout: 5 } }), 422, 'timeout'],
    ['an unknown mode', SITE, json({ payload: { url: 'https://e.com', mode: 'everything' } }), 422, 'mode'],
    ['an unknown strategy', SITE, json({ payload: { url: 'https://e.com', crawl_strategy: 'random' } }), 422, 'crawl_strategy'],
    ['product_description without icp_description', SITE, json({ payload: { url: 'https://e.com', product_description: 'CRM' } }), 422, 'icp_description'],
    ['icp_description without product_description', SITE, json({ payload: { url: 'https://e.com', icp_description: 'SMBs' } }), 422, 'product_description'],
    ['compendium max_chars 10', SITE, json({ payload: { url: 'https://e.com', compendium: { max_chars: 10 } } }), 422, 'max_chars'],
    ['an enabled custom prompt without prompts', SITE, json({ payload: { url: 'https://e.com', custom_ai_prompt: { enabled: true } } }), 422, 'custom_ai_prompt'],
    ['an empty maps query', MAPS, json({ payload: { search_query: '  ' } }), 422, 'search_query'],
    ['no maps query', MAPS, json({ payload: { max_results: 5 } }), 422, 'search_query'],
    ['max_results 101', MAPS, json({ payload: { search_query: 'cafes in Paris', max_results: 101 } }), 422, 'max_results'],
    ['max_results 0', MAPS, json({ payload: { search_query: 'cafes in Paris', max_results: 0 } }), 422, 'max_results'],
    ['an unknown job type', GENERIC, json({ type: 'spiderVerify', payload: {} }), 422, 'type'],
    ['a generic submit without type', GENERIC, json({ payload: { url: 'https://e.com' } }), 422, 'type'],
    ['a site payload sent as maps', GENERIC, json({ type: 'spiderMaps', payload: { url: 'https://e.com' } }), 422, 'search_query'],
  ])('%s → %i', async (_name, path, body, status, field) => {
    const res = await server.api(path, { method: 'POST', body });
    expect(res.status).toBe(status);
    const detail = ((await res.json()) as { detail: { loc: (string | number)[]; msg: string; type: string }[] }).detail;
    expect(Array.isArray(detail)).toBe(true);
    expect(detail.length).toBeGreaterThan(0);
    expect(detail.flatMap((d) => d.loc).map(String)).toContain(field);
    expect(detail.every((d) => d.loc[0] === 'body' && d.msg.length > 0 && d.type.length > 0)).toBe(true);
  });

  it('answers 413 for a body over 1 MiB', async () => {
    const res = await server.api(SITE, { method: 'POST', body: json({ payload: { url: 'https://e.com' }, pad: 'x'.repeat(1024 * 1024) }) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/1 MiB/);
  });

  it('accepts a YAML body', async () => {
    const res = await server.api(SITE, { method: 'POST', body: 'payload:\n  url: https://yaml.test/\npriority: 2\n', headers: { 'content-type': 'application/yaml' } });
    expect(res.status).toBe(201);
  });

  it.each([
    ['GET', '/api/v1/nope'],
    ['GET', '/api/v1/jobs/'],
    ['PUT', '/api/v1/jobs/spiderSite/submit'],
  ])('answers %s %s with a 4xx detail', async (method, path) => {
    const res = await server.api(path, { method });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await res.json()).toHaveProperty('detail');
  });

  it('loses nothing already accepted: the queue still runs after the bad requests', async () => {
    const res = await server.api(SITE, { method: 'POST', body: json({ payload: { url: 'https://ok.test/after-bad-input' } }) });
    expect(res.status).toBe(201);
    const stats = (await (await server.api('/api/v1/system/queue-stats')).json()) as { queues: { spider_site: { total: number } } };
    expect(stats.queues.spider_site.total).toBeGreaterThanOrEqual(0);
  });
});
