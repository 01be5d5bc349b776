import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/fetch/http-client.js';
import { HostPoliteness } from '../../src/fetch/politeness.js';
import { loadRobots, parseRobots } from '../../src/fetch/robots.js';
import { startLocalServer, staticSite } from '@spideriq/testkit';
import type { LocalServer } from '@spideriq/testkit';

const ROBOTS = `
User-agent: *
Disallow: /private/
Crawl-delay: 1

User-agent: SpiderIQ
Disallow: /admin
Allow: /admin/contact
Crawl-delay: 0.2

Sitemap: https://example.com/sitemap_index.xml
`;

describe('parseRobots', () => {
  const rules = parseRobots('https://example.com/robots.txt', ROBOTS, 'SpiderIQ');
  it.each([
    ['https://example.com/', true],
    ['https://example.com/admin/users', false],
    ['https://example.com/admin/contact', true],
    // Our own group applies, not the * group.
    ['https://example.com/private/x', true],
  ])('%s allowed: %s', (url, allowed) => {
    expect(rules.isAllowed(url)).toBe(allowed);
  });
  it('reads our Crawl-delay and the Sitemap lines', () => {
    expect(rules.crawlDelayMs).toBe(200);
    expect(rules.sitemaps).toEqual(['https://example.com/sitemap_index.xml']);
  });
  it('falls back to the * group for other crawlers', () => {
    const other = parseRobots('https://example.com/robots.txt', ROBOTS, 'OtherBot');
    expect(other.isAllowed('https://example.com/private/x')).toBe(false);
    expect(other.crawlDelayMs).toBe(1000);
  });
});

describe('loadRobots', () => {
  let server: LocalServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });
  const client = (): HttpClient => new HttpClient({ userAgent: 't', allowPrivateNetworks: true, retries: 0 });

  it.each([
    [404, 'missing', true],
    [403, 'missing', true],
    [503, 'unreachable', false],
  ])('a robots.txt answering %i is treated as %s', async (status, source, allowed) => {
    server = await startLocalServer(staticSite({ '/robots.txt': { status, body: 'x', type: 'text/plain' } }));
    const c = client();
    const rules = await loadRobots(c, server.origin, { productToken: 'SpiderIQ', timeoutMs: 2000 });
    await c.close();
    expect(rules.source).toBe(source);
    expect(rules.isAllowed(`${server.origin}/page`)).toBe(allowed);
  });
});

describe('HostPoliteness', () => {
  it('spaces request starts on one host by the crawl delay and runs them one at a time', async () => {
    const gate = new HostPoliteness({ maxConcurrentPerHost: 4, defaultDelayMs: 0, maxDelayMs: 10_000 });
    expect(gate.setCrawlDelay('a.test', 150)).toBe(150);
    const starts: number[] = [];
    await Promise.all(
      [0, 1, 2].map(async () => {
        const release = await gate.acquire('a.test');
        starts.push(Date.now());
        release();
      }),
    );
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(140);
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(140);
  });

  it('clamps an excessive Crawl-delay', () => {
    const gate = new HostPoliteness({ maxConcurrentPerHost: 2, defaultDelayMs: 0, maxDelayMs: 5_000 });
    expect(gate.setCrawlDelay('b.test', 120_000)).toBe(5_000);
  });

  it('allows up to the per-host limit at once without a delay', async () => {
    const gate = new HostPoliteness({ maxConcurrentPerHost: 2, defaultDelayMs: 0, maxDelayMs: 0 });
    const first = await gate.acquire('c.test');
    const second = await gate.acquire('c.test');
    let third = false;
    const pending = gate.acquire('c.test').then((release) => {
      third = true;
      return release;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(third).toBe(false);
    first();
    (await pending)();
    expect(third).toBe(true);
    second();
  });
});
