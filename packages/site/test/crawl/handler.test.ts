import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { JobError } from '@spideriq/jobs';
import type { ArtifactStorage, JobContext, JobProgress, StoredArtifact } from '@spideriq/jobs';
import { SiteDataSchema, SpiderSitePayloadSchema } from '@spideriq/schema';
import type { SpiderSitePayload } from '@spideriq/schema';
import { createSiteHandler } from '../../src/handler.js';
import type { SiteEngineOptions } from '../../src/handler.js';
import { serveFixtureSite } from '@spideriq/testkit';
import { loadFixtureSite } from '@spideriq/testkit';
import { startLocalServer } from '@spideriq/testkit';
import type { LocalServer } from '@spideriq/testkit';
import { recordingConnector, tableResolver } from '../support/net-doubles.js';

class MemoryStorage implements ArtifactStorage {
  readonly files = new Map<string, { body: Uint8Array; contentType: string }>();
  async put(key: string, body: string | Uint8Array, contentType: string): Promise<StoredArtifact> {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    this.files.set(key, { body: bytes, contentType });
    return {
      key,
      url: `http://files.test/${key}`,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.byteLength,
      contentType,
      location: 'local',
    };
  }
  async get(key: string): Promise<{ body: Uint8Array; contentType: string } | null> {
    return this.files.get(key) ?? null;
  }
}

function context(signal: AbortSignal = new AbortController().signal): JobContext & { events: JobProgress[]; storage: MemoryStorage } {
  const events: JobProgress[] = [];
  const noop = (): void => undefined;
  return {
    jobId: 'job-123',
    clientId: 'client-ab12',
    attempt: 1,
    signal,
    progress: (update) => void events.push(update),
    storage: new MemoryStorage(),
    logger: { debug: noop, info: noop, warn: noop, error: noop },
    events,
  };
}

const BASE: SiteEngineOptions = { version: '0.1.0', publicUrl: 'http://localhost:8000', allowPrivateNetworks: true, chromiumPath: null };
const payload = (input: Record<string, unknown>): SpiderSitePayload => SpiderSitePayloadSchema.parse(input);

const SHELL = (title: string, body: string): string =>
  `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title>
<meta name="description" content="Emergency plumbers in Leeds"><meta property="og:title" content="Leeds Pipe Co"></head><body>
<header><a href="/"><img src="/logo.png" alt="Leeds Pipe Co logo" class="logo"></a><nav><a href="/">Home</a> <a href="/services">Services</a> <a href="/contact">Contact</a> <a href="/gone">Old page</a></nav></header>
<main>${body}</main><footer><p>Leeds Pipe Co Ltd · 12 Kirkgate, Leeds LS1 6BY</p>
<a href="https://www.facebook.com/leedspipeco">Facebook</a> <a href="https://www.facebook.com/sharer/sharer.php?u=x">Share</a>
<a href="https://www.linkedin.com/company/leeds-pipe-co">LinkedIn</a></footer></body></html>`;

const SITE: Record<string, [number, string]> = {
  '/robots.txt': [200, 'User-agent: *\nAllow: /\n'],
  '/': [200, SHELL('Leeds Pipe Co | Plumbers', `<h1>Plumbers in Leeds</h1><p>${'Fast, friendly, fixed-price plumbing. '.repeat(20)}</p>`)],
  '/services': [200, SHELL('Services', `<h1>Services</h1><p>${'Boilers, leaks, bathrooms. '.repeat(20)}</p>`)],
  '/contact': [
    200,
    SHELL(
      'Contact us',
      `<h1>Contact</h1><p>Call <a href="tel:+441132345678">0113 234 5678</a> or email <a href="mailto:hello@leedspipe.co.uk">hello@leedspipe.co.uk</a>.</p>
<p>${'We answer within the hour. '.repeat(10)}</p>`,
    ),
  ],
  '/gone': [500, 'server error'],
};

let server: LocalServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function serveSite(): Promise<LocalServer> {
  return startLocalServer((req, res) => {
    const [status, body] = SITE[(req.url ?? '/').split('?')[0]!] ?? [404, 'not found'];
    res.writeHead(status, { 'content-type': req.url === '/robots.txt' ? 'text/plain' : 'text/html; charset=utf-8' });
    res.end(body);
  });
}

describe('spiderSite handler', () => {
  const handler = createSiteHandler(BASE);
  afterAll(() => handler.close());

  it('crawls a local site over real HTTP and returns the flat data with a stored compendium', async () => {
    server = await serveSite();
    const ctx = context();
    const data = await handler.run(payload({ url: `${server.origin}/`, max_pages: 10, extract_team: true }), ctx);

    expect(() => SiteDataSchema.parse(data)).not.toThrow();
    expect(data.url).toBe(`${server.origin}/`);
    expect(data.pages_crawled).toBe(3);
    expect(data.crawl_status).toBe('partial');
    expect(data.emails).toEqual(['hello@leedspipe.co.uk']);
    expect(data.phones).toHaveLength(1);
    expect(data.phone_details[0]).toMatchObject({ e164: '+441132345678', country_code: 'GB', valid: true });
    expect(data.facebook).toMatch(/facebook\.com\/leedspipeco$/);
    expect(data.linkedin).toMatch(/linkedin\.com\/company\/leeds-pipe-co/);
    expect(data.twitter).toBeNull();
    expect(data.meta?.title).toBe('Leeds Pipe Co | Plumbers');

    // Compendium: stored under <clientId>/compendiums/<jobId>.md, and described truthfully.
    const stored = ctx.storage.files.get('client-ab12/compendiums/job-123.md');
    expect(stored?.contentType).toBe('text/markdown; charset=utf-8');
    const markdown = Buffer.from(stored!.body).toString('utf8');
    expect(data.markdown_compendium).toBe(markdown);
    expect(markdown).toContain('Plumbers in Leeds');
    expect(data.compendium).toMatchObject({
      available: true,
      cleanup_level: 'fit',
      storage_location: 'local',
      filename: 'compendiums/job-123.md',
      download_url: 'http://files.test/client-ab12/compendiums/job-123.md',
      size_bytes: stored!.body.byteLength,
      content_hash: createHash('sha256').update(stored!.body).digest('hex'),
    });
    expect(data.compendium?.estimated_tokens).toBeGreaterThan(0);

    // Metadata: every page with its status, the strategy, and an honest AI note.
    expect(data.metadata.crawl_strategy).toBe('bestfirst');
    expect(data.metadata.sitemap_used).toBe(false);
    expect(data.metadata.browser_rendering_available).toBe(false);
    expect(data.metadata.pages.map((p) => [new URL(p.url).pathname, p.status])).toEqual(
      expect.arrayContaining([
        ['/', 200],
        ['/contact', 200],
        ['/gone', 500],
      ]),
    );
    expect(data.metadata.pages.find((p) => p.status === 500)?.error).toBe('HTTP 500');
    expect(data.metadata.ai).toMatchObject({ configured: false, requested: ['extract_team'] });
    expect(data.metadata.ai?.message).toMatch(/No AI model is configured/);
    expect(data.team_members).toEqual([]);
    expect(data.company_vitals).toBeNull();

    // Progress: one event per page, counting up to the page budget.
    expect(ctx.events).toHaveLength(4);
    expect(ctx.events.map((e) => e.pages_crawled)).toEqual([1, 2, 3, 4]);
    expect(ctx.events.every((e) => e.total === 10)).toBe(true);
  });

  it('visits contact pages first under a tight page budget (mode contacts: no compendium)', async () => {
    server = await serveSite();
    const ctx = context();
    const data = await handler.run(payload({ url: `${server.origin}/`, mode: 'contacts', max_pages: 2 }), ctx);
    expect(data.metadata.pages.map((p) => new URL(p.url).pathname)).toEqual(['/', '/contact']);
    expect(data.crawl_status).toBe('success');
    expect(data.emails).toEqual(['hello@leedspipe.co.uk']);
    expect(data.compendium?.available).toBe(false);
    expect(data.markdown_compendium).toBeNull();
    expect(ctx.storage.files.size).toBe(0);
    expect(data.metadata.mode).toBe('contacts');
  });

  it('keeps the markdown out of the response when include_in_response is false', async () => {
    server = await serveSite();
    const ctx = context();
    const data = await handler.run(payload({ url: `${server.origin}/`, max_pages: 1, compendium: { include_in_response: false } }), ctx);
    expect(data.markdown_compendium).toBeNull();
    expect(data.compendium?.available).toBe(true);
    expect(ctx.storage.files.size).toBe(1);
  });

  it('fails with fetch_failed when the start URL never answers', async () => {
    // Port 1 on loopback: connection refused, no packet leaves the machine.
    const error = await handler.run(payload({ url: 'http://127.0.0.1:1/' }), context()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobError);
    expect((error as JobError).code).toBe('fetch_failed');
    expect((error as JobError).retryable).toBe(false);
    expect((error as JobError).message).toMatch(/127\.0\.0\.1:1.*ECONNREFUSED/);
  });

  it('fails with invalid_url, before any request, for a host with malformed punycode', async () => {
    const error = await handler.run(payload({ url: 'http://xn--a.example/' }), context()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobError);
    expect((error as JobError).code).toBe('invalid_url');
    expect((error as JobError).retryable).toBe(false);
  });

  it('stops promptly with cancelled when the job signal fires', async () => {
    server = await startLocalServer((req, res) => {
      if (req.url === '/robots.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('User-agent: *\nCrawl-delay: 5\n');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(SITE['/']![1]);
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('cancelled by user')), 300);
    const started = Date.now();
    const error = await handler.run(payload({ url: `${server.origin}/`, max_pages: 10 }), context(controller.signal)).catch((e: unknown) => e);
    expect((error as JobError).code).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('crawls a fixture site and finds its contacts', async () => {
    const fixture = loadFixtureSite('law-firm-de');
    const served = await serveFixtureSite('law-firm-de');
    try {
      const data = await handler.run(payload({ url: served.url, max_pages: 10 }), context());
      expect(data.crawl_status).toBe('success');
      expect(data.pages_crawled).toBeGreaterThanOrEqual(4);
      expect(new Set(data.emails)).toEqual(new Set(fixture.expected.emails));
      expect(data.linkedin).toBe(fixture.expected.linkedin);
    } finally {
      await served.close();
    }
  });
});

describe('spiderSite handler SSRF refusals (guard on)', () => {
  const resolver = tableResolver({ 'intranet.test': ['127.0.0.1'], 'public.test': ['93.184.216.34'] });

  it.each([
    ['loopback', 'http://127.0.0.1:8080/'],
    ['10/8', 'http://10.1.2.3/'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['IPv6 loopback', 'http://[::1]/'],
    ['hostname resolving to 127.0.0.1', 'http://intranet.test/'],
  ])('refuses %s with blocked_url before any connection', async (_name, url) => {
    const connector = recordingConnector();
    const handler = createSiteHandler({ ...BASE, allowPrivateNetworks: false, resolver, connector });
    const error = await handler.run(payload({ url }), context()).catch((e: unknown) => e);
    await handler.close();
    expect(error).toBeInstanceOf(JobError);
    expect((error as JobError).code).toBe('blocked_url');
    expect((error as JobError).retryable).toBe(false);
    expect((error as JobError).message).toMatch(/^Refused /);
    expect(connector.calls).toHaveLength(0);
  });

  it('refuses a redirect to a private address', async () => {
    server = await startLocalServer((req, res) => {
      res.writeHead(301, { location: 'http://192.168.1.1/router' });
      res.end();
    });
    const connector = recordingConnector(server.port);
    const handler = createSiteHandler({ ...BASE, allowPrivateNetworks: false, resolver, connector });
    const error = await handler.run(payload({ url: `http://public.test:${server.port}/` }), context()).catch((e: unknown) => e);
    await handler.close();
    expect((error as JobError).code).toBe('blocked_url');
    expect((error as JobError).message).toMatch(/192\.168\.1\.1/);
    expect(connector.calls.every((c) => c.hostname === '93.184.216.34')).toBe(true);
  });
});

describe('spiderSite handler with Chromium', () => {
  const hasChromium = existsSync('/usr/bin/chromium');
  if (!hasChromium) console.warn('[handler] /usr/bin/chromium is absent: skipping the rendered-SPA job test');

  it.skipIf(!hasChromium)('renders a JavaScript-only site and extracts what the script wrote', async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><title>App</title></head><body><div id="root"></div><script>
        document.getElementById('root').innerHTML = '<h1>Studio Nova</h1><p>Write to <a href="mailto:hello@studionova.io">hello@studionova.io</a></p>';
      </script></body></html>`);
    });
    const handler = createSiteHandler({ ...BASE, chromiumPath: '/usr/bin/chromium' });
    try {
      const data = await handler.run(payload({ url: `${server.origin}/`, max_pages: 1 }), context());
      expect(data.metadata.browser_rendering_available).toBe(true);
      expect(data.metadata.pages[0]?.rendered).toBe(true);
      expect(data.emails).toEqual(['hello@studionova.io']);
      expect(data.markdown_compendium).toContain('Studio Nova');
    } finally {
      await handler.close();
    }
  });
});
