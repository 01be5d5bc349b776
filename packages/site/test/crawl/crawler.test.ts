import { afterEach, describe, expect, it } from 'vitest';
import { crawlSite } from '../../src/crawl/crawler.js';
import type { CrawlOptions } from '../../src/crawl/crawler.js';
import { HttpClient } from '../../src/fetch/http-client.js';
import { startLocalServer } from '@spideriq/testkit';
import type { LocalServer } from '@spideriq/testkit';

const page = (title: string, links: string[]): string =>
  `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1><p>${'Some text about the company. '.repeat(20)}</p>${links
    .map((l) => `<a href="${l}">${l.replace(/\W+/g, ' ')}</a>`)
    .join(' ')}</body></html>`;

function site(robots: string, sitemap: boolean): (origin: () => string) => Record<string, [string, string, number?]> {
  return (origin) => ({
    '/robots.txt': ['text/plain', robots + (sitemap ? `\nSitemap: ${origin()}/sitemap.xml\n` : '')],
    [sitemap ? '/sitemap.xml' : '/no-sitemap']: [
      'application/xml',
      `<urlset><url><loc>${origin()}/</loc></url><url><loc>${origin()}/products/a</loc></url><url><loc>${origin()}/ueber-uns</loc></url></urlset>`,
    ],
    '/': ['text/html', page('Home', ['/products/a', '/products/b', '/kontakt', '/private/secret', '/brochure.pdf', 'https://elsewhere.example/', '/download', 'mailto:x@y.z'])],
    '/products/a': ['text/html', page('A', ['/products/b', '/products/c'])],
    '/products/b': ['text/html', page('B', ['/products/c'])],
    '/products/c': ['text/html', page('C', ['/broken'])],
    '/kontakt': ['text/html', page('Kontakt', ['/'])],
    '/ueber-uns': ['text/html', page('Über uns', ['/team'])],
    '/team': ['text/html', page('Team', [])],
    '/private/secret': ['text/html', page('Secret', [])],
    '/download': ['application/pdf', '%PDF-1.4'],
    '/broken': ['text/html', 'oops', 500],
  });
}

let server: LocalServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(build: ReturnType<typeof site>): Promise<LocalServer> {
  let origin = '';
  const s = await startLocalServer((req, res) => {
    const entry = build(() => origin)[(req.url ?? '/').split('?')[0]!];
    if (!entry) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(entry[2] ?? 200, { 'content-type': entry[0] });
    res.end(entry[1]);
  });
  origin = s.origin;
  return s;
}

function options(overrides: Partial<CrawlOptions> & { startUrl: string; http: HttpClient }): CrawlOptions {
  return {
    maxPages: 20,
    strategy: 'bestfirst',
    targetPages: ['contact', 'about', 'team', 'news', 'blog'],
    timeoutMs: 3000,
    concurrency: 1,
    productToken: 'SpiderIQ',
    enableSpa: false,
    spaTimeoutMs: 3000,
    ...overrides,
  };
}

describe('crawlSite', () => {
  it('obeys robots.txt, seeds from the sitemap, stays on site, skips non-HTML and visits contact pages first', async () => {
    server = await serve(site('User-agent: *\nDisallow: /private/', true));
    const http = new HttpClient({ userAgent: 't', allowPrivateNetworks: true, retries: 0 });
    const order: string[] = [];
    const summary = await crawlSite(
      options({ startUrl: `${server.origin}/`, http, onPage: (p) => void order.push(new URL(p.url).pathname) }),
    );
    await http.close();
    expect(server.requests).not.toContain('/private/secret');
    expect(server.requests).not.toContain('/brochure.pdf');
    expect(order.slice(0, 4)).toEqual(['/', '/kontakt', '/ueber-uns', '/team']);
    expect(summary.sitemapUsed).toBe(true);
    expect(summary.strategyUsed).toBe('sitemap');
    expect(summary.robots.source).toBe('file');
    const download = summary.pages.find((p) => p.url.endsWith('/download'));
    expect(download?.skipped).toBe(true);
    const broken = summary.pages.find((p) => p.url.endsWith('/broken'));
    expect(broken).toMatchObject({ status: 500, error: 'HTTP 500', skipped: false });
    expect(summary.pagesCrawled).toBe(7);
    expect(summary.pagesFailed).toBe(1);
    expect(new Set(server.requests.filter((r) => r !== '/robots.txt' && r !== '/sitemap.xml')).size).toBe(
      server.requests.filter((r) => r !== '/robots.txt' && r !== '/sitemap.xml').length,
    );
  });

  it.each([
    ['bfs', ['/', '/products/a', '/products/b', '/kontakt']],
    ['dfs', ['/', '/download', '/private/secret', '/kontakt']],
  ] as const)('walks links %s when there is no sitemap', async (strategy, firstFour) => {
    server = await serve(site('User-agent: *\nDisallow: /private/', false));
    const http = new HttpClient({ userAgent: 't', allowPrivateNetworks: true, retries: 0 });
    const order: string[] = [];
    const summary = await crawlSite(
      options({ startUrl: `${server.origin}/`, http, strategy, onPage: (p) => void order.push(new URL(p.url).pathname) }),
    );
    await http.close();
    expect(summary.sitemapUsed).toBe(false);
    expect(summary.strategyUsed).toBe(strategy);
    expect(order.slice(0, 4)).toEqual(firstFour);
  });

  it('never fetches more than max_pages pages', async () => {
    server = await serve(site('', true));
    const http = new HttpClient({ userAgent: 't', allowPrivateNetworks: true, retries: 0 });
    const summary = await crawlSite(options({ startUrl: `${server.origin}/`, http, maxPages: 3, concurrency: 3 }));
    await http.close();
    expect(summary.pages.filter((p) => !p.skipped)).toHaveLength(3);
    const pageRequests = server.requests.filter((r) => !['/robots.txt', '/sitemap.xml', '/download'].includes(r));
    expect(pageRequests).toHaveLength(3);
  });

  it('honours Crawl-delay between page requests', async () => {
    server = await serve(site('User-agent: *\nCrawl-delay: 0.3', false));
    const http = new HttpClient({ userAgent: 't', allowPrivateNetworks: true, retries: 0 });
    const started = Date.now();
    await crawlSite(options({ startUrl: `${server.origin}/`, http, maxPages: 3, concurrency: 4, useSitemap: false }));
    await http.close();
    // robots.txt, then three pages spaced 300 ms apart.
    expect(Date.now() - started).toBeGreaterThanOrEqual(580);
  });

  it('stops promptly when the job signal fires', async () => {
    server = await serve(site('User-agent: *\nCrawl-delay: 5', false));
    const http = new HttpClient({ userAgent: 't', allowPrivateNetworks: true, retries: 0 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('cancelled')), 200);
    const started = Date.now();
    const summary = await crawlSite(options({ startUrl: `${server.origin}/`, http, signal: controller.signal }));
    await http.close();
    expect(summary.aborted).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(summary.pages).toHaveLength(1);
  });
});

describe('crawlSite scope', () => {
  it('follows a start page that redirects to another domain and adopts it as the site', async () => {
    const target = await startLocalServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(req.url === '/' ? page('New home', ['/kontakt']) : page('Kontakt', []));
    });
    server = await startLocalServer((_req, res) => {
      res.writeHead(301, { location: `http://localhost:${target.port}/` });
      res.end();
    });
    const http = new HttpClient({ userAgent: 't', allowPrivateNetworks: true, retries: 0, resolver: async () => [{ address: '127.0.0.1', family: 4 }] });
    const summary = await crawlSite(options({ startUrl: `${server.origin}/`, http, useSitemap: false, respectRobots: false }));
    await http.close();
    await target.close();
    expect(summary.pagesCrawled).toBe(2);
    expect(summary.pages.map((p) => p.finalUrl)).toEqual([`http://localhost:${target.port}/`, `http://localhost:${target.port}/kontakt`]);
  });
});
