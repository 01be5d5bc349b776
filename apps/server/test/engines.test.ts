import { afterAll, describe, expect, it } from 'vitest';
import { JobResultsSchema, SiteDataSchema, SOCIAL_PLATFORMS, SpiderSitePayloadSchema } from '@spideriq/schema';
import { registerEngines } from '../src/engines.js';
import { siteData, startTestServer, waitForStatus } from '@spideriq/testkit/server';
import type { RegisterEngines } from '../src/runtime.js';
import type { TestServer } from '@spideriq/testkit/server';
import { loadFixtureSite, serveFixtureSite, startFakeGooglePlaces, startFakeNominatim, startFakeOverpass } from '@spideriq/testkit';

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

const submit = async (server: TestServer, path: string, payload: object) => {
  const res = await server.api(path, { method: 'POST', body: JSON.stringify({ payload }) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { job_id: string }).job_id;
};
const results = async (server: TestServer, id: string) => {
  const res = await server.api(`/api/v1/jobs/${id}/results`);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe('spiderSite over HTTP with the real engine', () => {
  it('crawls a local fixture site and returns its contacts in the flat shape, with a stored compendium', async () => {
    const site = await serveFixtureSite('plumber-uk');
    closers.push(site.close);
    const server = await startTestServer(registerEngines, { SPIDERIQ_ALLOW_PRIVATE_NETWORKS: 'true', SPIDERIQ_CHROMIUM_PATH: '/nonexistent/chromium' });
    closers.push(server.close);
    const id = await submit(server, '/api/v1/jobs/spiderSite/submit', { url: site.url, mode: 'compendium', max_pages: 5 });
    await waitForStatus(server, id, ['completed', 'failed'], 60_000);
    const { status, body } = await results(server, id);
    expect(status, JSON.stringify(body.error_message)).toBe(200);
    JobResultsSchema.parse(body);
    const expected = loadFixtureSite('plumber-uk').expected;
    const data = body.data;
    expect([...data.emails].sort()).toEqual([...expected.emails].sort());
    expect(data.phone_details.map((p: { e164: string }) => p.e164).sort()).toEqual([...expected.phones].sort());
    for (const platform of SOCIAL_PLATFORMS) expect(data[platform], platform).toBe(expected[platform]);
    expect(data.pages_crawled).toBeGreaterThan(1);
    expect(data.crawl_status).toBe('success');
    expect(data.metadata.browser_rendering_available).toBe(false);

    // The compendium is stored and served at its permanent URL, with a matching hash and size.
    expect(data.compendium).toMatchObject({ available: true, cleanup_level: 'fit', storage_location: 'local' });
    const file = await fetch(data.compendium.download_url);
    expect(file.status).toBe(200);
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.length).toBe(data.compendium.size_bytes);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(data.compendium.content_hash);
    expect(data.compendium.download_url).toMatch(new RegExp(`^${server.url}/artifacts/[0-9a-f]{32}/`));

    // Progress reached the status endpoint while it ran; the formats render the real result.
    const md = await (await server.api(`/api/v1/jobs/${id}/results?format=md`)).text();
    expect(md).toContain(expected.emails[0]);
  });

  it('refuses a private address when the SSRF guard is on, failing the job with a clear message', async () => {
    const site = await serveFixtureSite('plumber-uk');
    closers.push(site.close);
    const server = await startTestServer(registerEngines, { SPIDERIQ_CHROMIUM_PATH: '/nonexistent/chromium' });
    closers.push(server.close);
    const id = await submit(server, '/api/v1/jobs/spiderSite/submit', { url: site.url });
    await waitForStatus(server, id, ['failed'], 30_000);
    const { status, body } = await results(server, id);
    expect(status).toBe(410);
    expect(body.error_message).toMatch(/127\.0\.0\.1|loopback|private|not allowed|refused/i);
    expect(body.error).toBe(body.error_message);
    expect(body.error_code).toBe('blocked_url');
  });
});

describe('spiderMaps over HTTP with the real engine', () => {
  it('completes against the Google Places fake with the seed shape', async () => {
    const google = await startFakeGooglePlaces();
    closers.push(google.close);
    const server = await startTestServer(registerEngines, { SPIDERIQ_GOOGLE_PLACES_API_KEY: 'TEST_KEY', SPIDERIQ_GOOGLE_PLACES_BASE_URL: google.url });
    closers.push(server.close);
    const id = await submit(server, '/api/v1/jobs/spiderMaps/submit', { search_query: 'italian restaurants in Boston', max_results: 5 });
    await waitForStatus(server, id, ['completed', 'failed'], 30_000);
    const { status, body } = await results(server, id);
    expect(status, body.error_message).toBe(200);
    JobResultsSchema.parse(body);
    expect(body.data.metadata.provider).toBe('google-places');
    expect(body.data.results_count).toBe(body.data.businesses.length);
    expect(body.data.businesses.length).toBeGreaterThan(0);
    const business = body.data.businesses[0];
    for (const key of ['name', 'place_id', 'rating', 'reviews_count', 'address', 'phone', 'website', 'categories', 'coordinates', 'link', 'business_status', 'price_range', 'working_hours']) {
      expect(business, key).toHaveProperty(key);
    }
    expect(google.requests[0]!.headers['x-goog-api-key']).toBe('TEST_KEY');
  });

  it('fails with a 410 that says what to fix when the Google key is bad', async () => {
    const google = await startFakeGooglePlaces();
    closers.push(google.close);
    const server = await startTestServer(registerEngines, { SPIDERIQ_GOOGLE_PLACES_API_KEY: 'WRONG_KEY', SPIDERIQ_GOOGLE_PLACES_BASE_URL: google.url });
    closers.push(server.close);
    const id = await submit(server, '/api/v1/jobs/spiderMaps/submit', { search_query: 'plumbers in Austin, TX' });
    await waitForStatus(server, id, ['failed'], 30_000);
    const { status, body } = await results(server, id);
    expect(status).toBe(410);
    expect(body.error_message).toMatch(/SPIDERIQ_GOOGLE_PLACES_API_KEY/);
    expect(body.error_code).toBe('provider_rejected');
  });

  it('completes against the Nominatim and Overpass fakes without a key', async () => {
    const nominatim = await startFakeNominatim();
    const overpass = await startFakeOverpass();
    closers.push(nominatim.close, overpass.close);
    const server = await startTestServer(registerEngines, { SPIDERIQ_NOMINATIM_URL: nominatim.url, SPIDERIQ_OVERPASS_URL: `${overpass.url}/api/interpreter` });
    closers.push(server.close);
    const id = await submit(server, '/api/v1/jobs/spiderMaps/submit', { search_query: 'plumbers in Austin, TX', max_results: 10 });
    await waitForStatus(server, id, ['completed', 'failed'], 30_000);
    const { status, body } = await results(server, id);
    expect(status, body.error_message).toBe(200);
    JobResultsSchema.parse(body);
    expect(body.data.metadata.provider).toBe('osm');
    expect(body.data.businesses.length).toBeGreaterThan(0);
    expect(body.data.businesses.every((b: { rating: unknown; source: string }) => b.rating === null && b.source === 'osm')).toBe(true);
  });
});

describe('start-up waits for the engines', () => {
  it('serves only once every handler that loads something is ready, and refuses to start when one cannot', async () => {
    let loaded = false;
    const slow: RegisterEngines = (registry) => {
      registry.register(
        {
          type: 'spiderSite',
          payloadSchema: SpiderSitePayloadSchema,
          run: async (p) => siteData(p.url),
          ready: () => new Promise<void>((resolve) => setTimeout(() => resolve(void (loaded = true)), 200)),
        },
        SiteDataSchema,
      );
    };
    const server = await startTestServer(slow);
    closers.push(server.close);
    expect(loaded).toBe(true);
    const broken: RegisterEngines = (registry) => {
      registry.register({ type: 'spiderSite', payloadSchema: SpiderSitePayloadSchema, run: async (p) => siteData(p.url), ready: () => Promise.reject(new Error('no worker thread')) }, SiteDataSchema);
    };
    await expect(startTestServer(broken)).rejects.toThrow(/The job engines could not start: no worker thread/);
  });
});
