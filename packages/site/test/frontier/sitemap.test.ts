import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../src/fetch/http-client.js';
import { parseSitemap } from '../../src/frontier/sitemap.js';
import { discoverSitemapUrls } from '../../src/frontier/sitemap-discovery.js';
import { sameSite } from '../../src/frontier/scope.js';
import { startLocalServer, staticSite } from '@spideriq/testkit';
import type { LocalServer } from '@spideriq/testkit';

const urlset = (urls: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls
    .map((u) => `<url><loc>${u}</loc><lastmod>2024-01-01</lastmod></url>`)
    .join('')}</urlset>`;
const index = (urls: string[]): string =>
  `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((u) => `<sitemap><loc>${u}</loc></sitemap>`).join('')}</sitemapindex>`;

describe('parseSitemap', () => {
  it.each([
    ['urlset', urlset(['https://a.com/', 'https://a.com/kontakt']), { kind: 'urlset', urls: ['https://a.com/', 'https://a.com/kontakt'] }],
    ['single url', urlset(['https://a.com/only']), { kind: 'urlset', urls: ['https://a.com/only'] }],
    ['index', index(['https://a.com/s1.xml', 'https://a.com/s2.xml.gz']), { kind: 'index', urls: ['https://a.com/s1.xml', 'https://a.com/s2.xml.gz'] }],
    ['entities', urlset(['https://a.com/?a=1&amp;b=2']), { kind: 'urlset', urls: ['https://a.com/?a=1&b=2'] }],
    ['plain text', 'https://a.com/a\nnot a url\nhttps://a.com/b\n', { kind: 'urlset', urls: ['https://a.com/a', 'https://a.com/b'] }],
    ['garbage', '<html><body>404</body></html>', { kind: 'urlset', urls: [] }],
  ])('%s', (_name, text, expected) => {
    expect(parseSitemap(text)).toEqual(expected);
  });
});

describe('discoverSitemapUrls', () => {
  let server: LocalServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('follows robots Sitemap: lines through an index into plain and gzipped sitemaps, keeping the site only', async () => {
    let origin = '';
    server = await startLocalServer((req, res) =>
      staticSite({
        '/sitemap_index.xml': { type: 'application/xml', body: index([`${origin}/pages.xml`, `${origin}/posts.xml.gz`, 'https://other.example/s.xml']) },
        '/pages.xml': { type: 'application/xml', body: urlset([`${origin}/`, `${origin}/contact`, 'https://elsewhere.example/x']) },
        '/posts.xml.gz': { type: 'application/gzip', body: gzipSync(urlset([`${origin}/blog/1`, `${origin}/blog/2`])) },
      })(req, res),
    );
    origin = server.origin;
    const client = new HttpClient({ userAgent: 't', allowPrivateNetworks: true });
    const found = await discoverSitemapUrls(client, {
      origin,
      robotsSitemaps: [`${origin}/sitemap_index.xml`],
      inScope: (u) => sameSite(u, origin),
      timeoutMs: 2000,
      maxUrls: 100,
    });
    await client.close();
    expect(found.urls).toEqual([`${origin}/`, `${origin}/contact`, `${origin}/blog/1`, `${origin}/blog/2`]);
    expect(found.sitemaps).toHaveLength(3);
    expect(server.requests).not.toContain('/sitemap.xml');
  });

  it('tries /sitemap.xml when robots.txt names none, and survives a missing one', async () => {
    server = await startLocalServer(staticSite({}));
    const client = new HttpClient({ userAgent: 't', allowPrivateNetworks: true, retries: 0 });
    const found = await discoverSitemapUrls(client, { origin: server.origin, robotsSitemaps: [], inScope: () => true, timeoutMs: 2000, maxUrls: 10 });
    await client.close();
    expect(found).toEqual({ urls: [], sitemaps: [] });
    expect(server.requests).toEqual(['/sitemap.xml']);
  });
});
