import { gunzipSync } from 'node:zlib';
import { FetchError } from '../fetch/fetch-error.js';
import type { HttpClient } from '../fetch/http-client.js';
import { parseSitemap } from './sitemap.js';

/** Where to look and how far to go. */
export interface SitemapDiscoveryOptions {
  origin: string;
  /** `Sitemap:` lines from robots.txt; when empty, `/sitemap.xml` is tried. */
  robotsSitemaps: readonly string[];
  /** Only sitemaps and pages on the crawled site are used. */
  inScope(url: string): boolean;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Stop collecting page URLs after this many. */
  maxUrls: number;
  /** Sitemap files fetched at most (index fan-out is bounded by this). */
  maxSitemaps?: number;
  maxBytes?: number;
}

/** Page URLs found and the sitemap files they came from. */
export interface SitemapDiscovery {
  urls: string[];
  sitemaps: string[];
}

function gunzipIfNeeded(body: Buffer, maxBytes: number): Buffer {
  if (body[0] === 0x1f && body[1] === 0x8b) return gunzipSync(body, { maxOutputLength: maxBytes });
  return body;
}

/**
 * Finds the site's pages from its sitemaps: robots.txt `Sitemap:` entries (or `/sitemap.xml`), following
 * sitemap indexes breadth-first and reading gzip-compressed files (`.xml.gz`, served as
 * `application/gzip` or with `Content-Encoding: gzip`). Missing or broken sitemaps yield nothing,
 * never an error: the crawl falls back to link discovery.
 */
export async function discoverSitemapUrls(client: HttpClient, options: SitemapDiscoveryOptions): Promise<SitemapDiscovery> {
  const maxSitemaps = options.maxSitemaps ?? 20;
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const queue = options.robotsSitemaps.length > 0 ? [...options.robotsSitemaps] : [new URL('/sitemap.xml', options.origin).href];
  const seen = new Set<string>();
  const urls = new Set<string>();
  const used: string[] = [];
  while (queue.length > 0 && seen.size < maxSitemaps && urls.size < options.maxUrls) {
    const sitemapUrl = queue.shift()!;
    if (seen.has(sitemapUrl) || !options.inScope(sitemapUrl)) continue;
    seen.add(sitemapUrl);
    let text: string;
    try {
      const res = await client.fetch(sitemapUrl, {
        timeoutMs: options.timeoutMs,
        signal: options.signal,
        accept: 'application/xml,text/xml,application/gzip,text/plain;q=0.8,*/*;q=0.5',
      });
      if (res.status < 200 || res.status >= 300) continue;
      text = gunzipIfNeeded(res.body, maxBytes).toString('utf8');
    } catch (error) {
      if (error instanceof FetchError && error.code === 'aborted') throw error;
      continue;
    }
    const parsed = parseSitemap(text);
    if (parsed.urls.length === 0) continue;
    used.push(sitemapUrl);
    if (parsed.kind === 'index') {
      queue.push(...parsed.urls);
      continue;
    }
    for (const url of parsed.urls) {
      if (urls.size >= options.maxUrls) break;
      if (options.inScope(url)) urls.add(url);
    }
  }
  return { urls: [...urls], sitemaps: used };
}
