import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { parse as parseYaml } from 'yaml';
import { SiteDataSchema } from '@spideriq/schema';
import type { RegisterEngines } from '../src/runtime.js';
import { registerEngines } from '../src/engines.js';
import { registerTestEngines, startTestServer, testSiteHandler } from '@spideriq/testkit/server';
import type { TestServer } from '@spideriq/testkit/server';
import { call, ensureMcpBuilt, httpMcpClient, stdioMcpClient } from './support/mcp-client.js';
import { loadFixtureSite, serveFixtureSite, startFakeGooglePlaces } from '@spideriq/testkit';

const TOOLS = ['spideriq_crawl_site', 'spideriq_search_maps', 'spideriq_job_status', 'spideriq_job_results', 'spideriq_list_jobs', 'spideriq_cancel_job'];
const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

const expected = loadFixtureSite('plumber-uk').expected;

/** A raw HTTP request with any Host header (fetch cannot set one). */
function rawPost(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const INITIALIZE = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } });

describe('the MCP server over Streamable HTTP at /mcp, real engines, local fixture site', () => {
  let server: TestServer;
  let site: { url: string };
  let agent: Client;

  beforeAll(async () => {
    const fixture = await serveFixtureSite('plumber-uk');
    closers.push(fixture.close);
    site = fixture;
    const google = await startFakeGooglePlaces();
    closers.push(google.close);
    server = await startTestServer(registerEngines, {
      SPIDERIQ_ALLOW_PRIVATE_NETWORKS: 'true',
      SPIDERIQ_CHROMIUM_PATH: '/nonexistent/chromium',
      SPIDERIQ_GOOGLE_PLACES_API_KEY: 'TEST_KEY',
      SPIDERIQ_GOOGLE_PLACES_BASE_URL: google.url,
    });
    closers.push(server.close);
    agent = await httpMcpClient(server.url, server.tokens[0]!);
    closers.push(() => agent.close());
  });

  it('answers 401 without a Bearer token, and 403 to a Host header it does not serve (DNS rebinding)', async () => {
    const anonymous = await rawPost(`${server.url}/mcp`, {}, INITIALIZE);
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.body)).toEqual({ detail: expect.any(String) });
    const auth = { authorization: `Bearer ${server.tokens[0]}` };
    const rebound = await rawPost(`${server.url}/mcp`, { ...auth, host: 'evil.example:80' }, INITIALIZE);
    expect(rebound.status).toBe(403);
    expect(rebound.body).toContain('Invalid Host header');
    const ok = await rawPost(`${server.url}/mcp`, auth, INITIALIZE);
    expect(ok.status).toBe(200);
  });

  it('lists exactly the six tools, each with annotations, and schemas derived from the API schema', async () => {
    const { tools } = await agent.listTools();
    expect(tools.map((t) => t.name)).toEqual(TOOLS);
    const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
    for (const tool of tools) {
      expect(tool.annotations, tool.name).toMatchObject({ readOnlyHint: expect.any(Boolean), destructiveHint: expect.any(Boolean), openWorldHint: expect.any(Boolean) });
      expect(tool.outputSchema?.type, tool.name).toBe('object');
    }
    expect(byName['spideriq_cancel_job']!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(byName['spideriq_job_results']!.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false, openWorldHint: false });
    expect(byName['spideriq_crawl_site']!.annotations).toMatchObject({ readOnlyHint: false, openWorldHint: true });
    const crawl = byName['spideriq_crawl_site']!.inputSchema as { properties: Record<string, { enum?: string[]; maximum?: number }>; required?: string[] };
    // Payload fields come from SpiderSitePayloadSchema (same bounds), then the tool's own.
    expect(crawl.required).toEqual(['url']);
    expect(crawl.properties['max_pages']?.maximum).toBe(50);
    expect(crawl.properties['mode']?.enum).toEqual(['contacts', 'compendium', 'leads', 'full']);
    expect(Object.keys(crawl.properties)).toEqual(expect.arrayContaining(['url', 'compendium', 'format', 'max_chars', 'wait_seconds']));
    const maps = byName['spideriq_search_maps']!.inputSchema as { properties: Record<string, unknown> };
    expect(Object.keys(maps.properties)).toEqual(expect.arrayContaining(['search_query', 'max_results', 'format', 'max_chars', 'wait_seconds']));
  });

  let crawledJob = '';
  it('crawls the local site and answers Markdown by default, with the extracted emails', async () => {
    const result = await call(agent, 'spideriq_crawl_site', { url: site.url, mode: 'contacts', max_pages: 5, wait_seconds: 60 });
    expect(result.isError, result.text).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ type: 'spiderSite', status: 'completed', done: true, format: 'md', truncated: false, offset: 0 });
    crawledJob = (result.structuredContent as { job_id: string }).job_id;
    for (const email of expected.emails) expect(result.text).toContain(email);
    expect(result.text).toMatch(/^# /m);
  });

  it('reads the same results as JSON (structured, schema-valid) and as YAML', async () => {
    const json = await call(agent, 'spideriq_job_results', { job_id: crawledJob, format: 'json', max_chars: 1_000_000 });
    expect(json.isError).toBeFalsy();
    const structured = json.structuredContent as { results: { data: unknown }; total_chars: number };
    const data = SiteDataSchema.parse(structured.results.data);
    expect([...data.emails].sort()).toEqual([...expected.emails].sort());
    expect(JSON.parse(json.text)).toEqual(structured.results);

    const yaml = await call(agent, 'spideriq_job_results', { job_id: crawledJob, format: 'yaml', max_chars: 1_000_000 });
    expect((parseYaml(yaml.text) as { data: { emails: string[] } }).data.emails.sort()).toEqual([...expected.emails].sort());
    expect(yaml.structuredContent).not.toHaveProperty('results');
  });

  it('cuts a long answer at max_chars, says so, and the offsets it gives read the rest exactly', async () => {
    const whole = (await call(agent, 'spideriq_job_results', { job_id: crawledJob, format: 'md', max_chars: 1_000_000 })).text;
    expect(whole.length).toBeGreaterThan(1200);
    let offset = 0;
    let joined = '';
    for (let round = 0; round < 100; round++) {
      const part = await call(agent, 'spideriq_job_results', { job_id: crawledJob, format: 'md', max_chars: 500, offset });
      const out = part.structuredContent as { truncated: boolean; next_offset: number | null; returned_chars: number; total_chars: number };
      expect(out.total_chars).toBe(whole.length);
      joined += (part.content[0] as { text: string }).text;
      if (!out.truncated) break;
      expect(part.text).toContain(`"offset": ${out.next_offset}`);
      expect(part.text).toMatch(/\[Cut: characters \d+-\d+ of \d+ shown/);
      expect(out.returned_chars).toBeLessThanOrEqual(500);
      offset = out.next_offset!;
    }
    expect(joined).toBe(whole);
  });

  it('searches maps and answers the listings', async () => {
    const result = await call(agent, 'spideriq_search_maps', { search_query: 'italian restaurants in Boston', max_results: 3, format: 'yaml' });
    expect(result.isError, result.text).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ type: 'spiderMaps', status: 'completed', done: true });
    const body = parseYaml(result.text) as { data: { businesses: { name: string }[] } };
    expect(body.data.businesses.length).toBeGreaterThan(0);
    expect(body.data.businesses.length).toBeLessThanOrEqual(3);
  });

  it('lists jobs and reports a status, as structured content', async () => {
    const list = await call(agent, 'spideriq_list_jobs', { page_size: 10 });
    expect(list.isError).toBeFalsy();
    const page = list.structuredContent as { total: number; jobs: { job_id: string }[] };
    expect(page.total).toBe(2);
    expect(page.jobs.map((j) => j.job_id)).toContain(crawledJob);
    const status = await call(agent, 'spideriq_job_status', { job_id: crawledJob });
    expect(status.structuredContent).toMatchObject({ job_id: crawledJob, status: 'completed', success: true });
  });

  it('sees only its own client’s jobs: another token gets 404 for the same id', async () => {
    const other = await httpMcpClient(server.url, server.tokens[1]!);
    closers.push(() => other.close());
    const status = await call(other, 'spideriq_job_status', { job_id: crawledJob });
    expect(status.isError).toBe(true);
    expect(status.text).toContain('HTTP 404');
  });
});

/** The stand-in engines, with spiderMaps switched off so the API itself answers a 422. */
const siteOnly: RegisterEngines = (registry) => {
  registry.register(testSiteHandler, SiteDataSchema);
};

describe.each([
  ['Streamable HTTP', (server: TestServer, token: string) => httpMcpClient(server.url, token)],
  ['stdio (node apps/mcp/dist/main.js)', (server: TestServer, token: string) => stdioMcpClient(server.url, token)],
])('tool errors and bounded waits over %s', (_transport, connect) => {
  let server: TestServer;
  let agent: Client;

  beforeAll(async () => {
    ensureMcpBuilt();
    server = await startTestServer(siteOnly);
    closers.push(server.close);
    agent = await connect(server, server.tokens[0]!);
    closers.push(() => agent.close());
  });

  it('crawls (stand-in engine) and reads the results in each format', async () => {
    const md = await call(agent, 'spideriq_crawl_site', { url: 'https://ok.test/', wait_seconds: 10 });
    expect(md.isError, md.text).toBeFalsy();
    expect(md.text).toContain('contact@example.org');
    const jobId = (md.structuredContent as { job_id: string }).job_id;
    for (const format of ['json', 'yaml', 'md']) {
      const result = await call(agent, 'spideriq_job_results', { job_id: jobId, format });
      expect(result.isError).toBeFalsy();
      expect(result.text).toContain('contact@example.org');
    }
  });

  it('returns the job_id and status, not an error, when the job outlives wait_seconds; cancel then works once', async () => {
    const result = await call(agent, 'spideriq_crawl_site', { url: 'https://slow.test/?ms=5000', wait_seconds: 1 });
    expect(result.isError).toBeFalsy();
    const out = result.structuredContent as { job_id: string; status: string; done: boolean };
    expect(out.done).toBe(false);
    expect(['queued', 'processing']).toContain(out.status);
    expect(result.text).toContain(out.job_id);
    expect(result.text).toContain('spideriq_job_results');
    const pending = await call(agent, 'spideriq_job_results', { job_id: out.job_id });
    expect(pending.isError).toBeFalsy();
    expect(pending.structuredContent).toMatchObject({ done: false });

    const cancelled = await call(agent, 'spideriq_cancel_job', { job_id: out.job_id });
    expect(cancelled.structuredContent).toMatchObject({ success: true, status: 'cancelled' });
    const again = await call(agent, 'spideriq_cancel_job', { job_id: out.job_id });
    expect(again.isError).toBe(true);
    expect(again.text).toContain('Job cannot be cancelled: it was already cancelled');
    const gone = await call(agent, 'spideriq_job_results', { job_id: out.job_id });
    expect(gone.isError).toBe(true);
    expect(gone.text).toMatch(/was cancelled \(HTTP 410\)/);
  });

  it('answers a failed job as a tool error carrying the job’s own error (410)', async () => {
    const result = await call(agent, 'spideriq_crawl_site', { url: 'https://fail.test/', wait_seconds: 10 });
    expect(result.isError).toBe(true);
    expect(result.text).toContain('HTTP 410');
    expect(result.text).toContain('Failed to connect to target URL: connection refused');
  });

  it('answers the API’s 422 with its field details, the tool schema’s own checks, and 404, as tool errors', async () => {
    const disabled = await call(agent, 'spideriq_search_maps', { search_query: 'plumbers in Austin, TX' });
    expect(disabled.isError).toBe(true);
    expect(disabled.text).toContain('HTTP 422');
    expect(disabled.text).toContain('body.type: Job type spiderMaps is not enabled on this server');

    const badUrl = await call(agent, 'spideriq_crawl_site', { url: 'example.com', max_pages: 500 });
    expect(badUrl.isError).toBe(true);
    expect(badUrl.text).toMatch(/url/);
    expect(badUrl.text).toMatch(/max_pages/);

    const unknown = await call(agent, 'spideriq_job_status', { job_id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.isError).toBe(true);
    expect(unknown.text).toContain('not found (HTTP 404): Job not found');
    // The server is still serving after every error.
    expect((await agent.listTools()).tools).toHaveLength(6);
  });
});

describe('rate limits over stdio', () => {
  it('answers 429 as a tool error that says when to retry, and keeps serving', async () => {
    ensureMcpBuilt();
    const server = await startTestServer(registerTestEngines, { SPIDERIQ_RATE_LIMIT_PER_MINUTE: '1', SPIDERIQ_RATE_LIMIT_BURST: '2' });
    closers.push(server.close);
    const agent = await stdioMcpClient(server.url, server.tokens[0]!);
    closers.push(() => agent.close());
    const id = '00000000-0000-4000-8000-000000000000';
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await call(agent, 'spideriq_job_status', { job_id: id }));
    const limited = answers.find((a) => a.text.includes('HTTP 429'));
    expect(limited?.isError).toBe(true);
    expect(limited?.text).toMatch(/Rate limit exceeded: 1 requests per minute\. Retry in \d+ s\./);
    expect(limited?.text).toMatch(/Retry after \d+ s\./);
    expect((await agent.listTools()).tools).toHaveLength(6);
  });
});
