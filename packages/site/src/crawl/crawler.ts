import { FetchError } from '../fetch/fetch-error.js';
import type { HttpClient } from '../fetch/http-client.js';
import { decodeBody } from '../fetch/charset.js';
import { HostPoliteness } from '../fetch/politeness.js';
import { loadRobots } from '../fetch/robots.js';
import type { RobotsRules } from '../fetch/robots.js';
import { Frontier } from '../frontier/frontier.js';
import type { FrontierStrategy } from '../frontier/frontier.js';
import { extractLinks } from '../frontier/links.js';
import { scoreLink } from '../frontier/link-score.js';
import { isHtmlContentType, looksLikeNonHtml } from '../frontier/non-html.js';
import { normalizeUrl } from '../frontier/normalize-url.js';
import { sameSite } from '../frontier/scope.js';
import { discoverSitemapUrls } from '../frontier/sitemap-discovery.js';
import { needsBrowser } from '../render/spa-detect.js';
import type { RenderSession } from '../render/renderer.js';
import type { CrawledPage, CrawlSummary } from './crawl-types.js';

/** Everything one crawl needs; the I/O objects are passed in so tests and the bench can supply their own. */
export interface CrawlOptions {
  startUrl: string;
  http: HttpClient;
  maxPages: number;
  strategy: FrontierStrategy;
  targetPages: readonly string[];
  timeoutMs: number;
  /** Pages fetched at once (across the whole site; per-host politeness applies on top). */
  concurrency: number;
  productToken: string;
  respectRobots?: boolean;
  useSitemap?: boolean;
  enableSpa: boolean;
  spaTimeoutMs: number;
  /** Opens the job's browser context on first need; null when rendering is unavailable. */
  openRenderer?: () => Promise<RenderSession | null>;
  /** Pause between request starts on one host when robots.txt sets no Crawl-delay. */
  minDelayMs?: number;
  /** The longest Crawl-delay honoured as asked. */
  maxCrawlDelayMs?: number;
  signal?: AbortSignal;
  /** Called after each page, in completion order. May be async; the crawl waits for it. */
  onPage?: (page: CrawledPage, progress: { done: number; total: number }) => void | Promise<void>;
}

interface QueueEntry {
  url: string;
  depth: number;
}

function errorText(error: unknown): string {
  if (error instanceof FetchError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Crawls one site: robots.txt first (its Crawl-delay sets the pace), then the sitemap seeds the
 * frontier, then pages are fetched `concurrency` at a time in the frontier's order, staying on the
 * registrable domain, skipping non-HTML, rendering SPA pages in the browser when one is available.
 * Fails only when the start URL itself is refused (`FetchError` `blocked_url`) or the signal fires
 * before anything was fetched; page-level failures are recorded on the page.
 */
export async function crawlSite(options: CrawlOptions): Promise<CrawlSummary> {
  const { http, signal } = options;
  const start = normalizeUrl(options.startUrl);
  if (!start) throw new FetchError(`"${options.startUrl}" is not an http(s) URL`, { code: 'invalid_url', url: options.startUrl });
  const startOrigin = new URL(start).origin;
  const politeness = new HostPoliteness({
    maxConcurrentPerHost: options.concurrency,
    defaultDelayMs: options.minDelayMs ?? 0,
    maxDelayMs: options.maxCrawlDelayMs ?? 10_000,
  });
  const respectRobots = options.respectRobots ?? true;
  const robotsByOrigin = new Map<string, Promise<RobotsRules>>();
  const robotsFor = (origin: string): Promise<RobotsRules> => {
    let rules = robotsByOrigin.get(origin);
    if (!rules) {
      rules = loadRobots(http, origin, { productToken: options.productToken, timeoutMs: options.timeoutMs, signal }).then((r) => {
        politeness.setCrawlDelay(new URL(origin).host, r.crawlDelayMs);
        return r;
      });
      robotsByOrigin.set(origin, rules);
    }
    return rules;
  };

  // robots.txt is the first request, so an SSRF refusal of the start URL happens here, before any page.
  const startRobots: RobotsRules = respectRobots
    ? await robotsFor(startOrigin)
    : { isAllowed: () => true, crawlDelayMs: null, sitemaps: [], source: 'missing' };

  const frontier = new Frontier(options.strategy);
  frontier.push({ url: start, depth: 0, score: 0, source: 'start' });
  // The scope follows the start page if it redirects to another domain (a rebrand, a parked apex).
  let scope = start;
  const inScope = (url: string): boolean => sameSite(url, scope);
  let sitemapUsed = false;
  if (options.useSitemap ?? true) {
    const found = await discoverSitemapUrls(http, {
      origin: startOrigin,
      robotsSitemaps: startRobots.sitemaps,
      inScope,
      timeoutMs: options.timeoutMs,
      signal,
      maxUrls: Math.max(options.maxPages * 20, 1000),
    }).catch((error: unknown) => {
      if (error instanceof FetchError && error.code === 'aborted') throw error;
      return { urls: [], sitemaps: [] };
    });
    for (const raw of found.urls) {
      const url = normalizeUrl(raw);
      if (!url || looksLikeNonHtml(url)) continue;
      if (frontier.push({ url, depth: 1, score: scoreLink(url, '', options.targetPages) + 1, source: 'sitemap' })) sitemapUsed = true;
    }
  }

  const pages: Omit<CrawledPage, 'html'>[] = [];
  let attempted = 0;
  let crawled = 0;
  let failed = 0;
  let spaDetected = 0;
  let renderer: Promise<RenderSession | null> | null = null;
  let browserRenderingAvailable = options.openRenderer !== undefined;
  let aborted = false;
  let fatal: unknown = null;

  const renderPage = async (url: string): Promise<{ html: string; status: number | null; finalUrl: string } | null> => {
    if (!options.openRenderer) return null;
    renderer ??= options.openRenderer();
    const session = await renderer;
    if (!session) {
      browserRenderingAvailable = false;
      return null;
    }
    return session.render(url, { timeoutMs: options.spaTimeoutMs, signal });
  };

  const visit = async (entry: QueueEntry): Promise<CrawledPage> => {
    const page: CrawledPage = {
      url: entry.url,
      finalUrl: entry.url,
      status: null,
      bytes: 0,
      timeMs: 0,
      rendered: false,
      error: null,
      skipped: false,
      depth: entry.depth,
      html: null,
      contentType: '',
    };
    const started = performance.now();
    const target = new URL(entry.url);
    const rules = respectRobots ? await robotsFor(target.origin) : null;
    if (rules && !rules.isAllowed(entry.url)) {
      page.error = rules.source === 'unreachable' ? `robots.txt could not be read (${rules.error ?? 'unknown error'}), so nothing is crawled` : 'disallowed by robots.txt';
      page.skipped = entry.depth > 0;
      return page;
    }
    const release = await politeness.acquire(target.host, signal);
    try {
      const res = await http.fetch(entry.url, { timeoutMs: options.timeoutMs, signal });
      page.finalUrl = res.url;
      page.status = res.status;
      page.bytes = res.body.byteLength;
      page.contentType = res.contentType;
      if (res.url !== entry.url) frontier.markSeen(res.url);
      if (entry.depth === 0 && entry.url === start && !inScope(res.url)) scope = res.url;
      if (!inScope(res.url)) {
        page.error = `redirected off-site to ${res.url}`;
        page.skipped = entry.depth > 0;
      } else if (res.status >= 400) {
        page.error = `HTTP ${res.status}`;
      } else if (!isHtmlContentType(res.contentType)) {
        page.skipped = true;
        page.error = `not HTML (${res.contentType.split(';')[0]})`;
      } else {
        page.html = decodeBody(res.contentType, res.body).text;
      }
    } catch (error) {
      if (error instanceof FetchError && error.code === 'blocked_url' && entry.depth === 0) throw error;
      if (signal?.aborted) throw error;
      page.error = errorText(error);
    } finally {
      release();
    }
    if (page.html !== null && options.enableSpa && needsBrowser(page.html, { url: page.finalUrl })) {
      spaDetected++;
      try {
        const rendered = await renderPage(page.finalUrl);
        if (rendered) {
          page.html = rendered.html;
          page.rendered = true;
          page.bytes = Buffer.byteLength(rendered.html);
        }
      } catch (error) {
        if (signal?.aborted) throw error;
        // Keep the served HTML: a failed render is not a failed page.
      }
    }
    page.timeMs = Math.round(performance.now() - started);
    if (page.html !== null && options.strategy !== 'sitemap') {
      const { base, links } = extractLinks(page.html);
      const baseUrl = base ? (normalizeUrl(base, page.finalUrl) ?? page.finalUrl) : page.finalUrl;
      for (const link of links) {
        const url = normalizeUrl(link.href, baseUrl);
        // Most links of a site point at pages already queued (nav, footer): skip them before scoring.
        if (!url || frontier.has(url) || !inScope(url) || looksLikeNonHtml(url)) continue;
        frontier.push({ url, depth: entry.depth + 1, score: scoreLink(url, link.text, options.targetPages), source: 'link' });
      }
    }
    return page;
  };

  // Worker pool: each worker pops, visits, reports. A worker that finds the frontier empty waits for an
  // in-flight page to finish (it may add links) before giving up.
  let inFlight = 0;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const worker = async (): Promise<void> => {
    for (;;) {
      if (fatal !== null || signal?.aborted) return;
      if (attempted >= options.maxPages) return;
      const entry = frontier.pop();
      if (!entry) {
        if (inFlight === 0) return;
        await new Promise<void>((resolve) => {
          const previous = wake;
          wake = () => {
            previous?.();
            resolve();
          };
        });
        continue;
      }
      attempted++;
      inFlight++;
      try {
        const page = await visit(entry);
        if (page.skipped) {
          attempted--;
        } else if (page.error === null) crawled++;
        else failed++;
        const { html: _html, ...record } = page;
        pages.push(record);
        await options.onPage?.(page, { done: crawled + failed, total: options.maxPages });
      } catch (error) {
        if (signal?.aborted) aborted = true;
        else fatal = error;
      } finally {
        inFlight--;
        notify();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, () => worker()));
  } finally {
    // Close the job's browser context whatever happened, so no renderer outlives its job.
    if (renderer) await (await (renderer as Promise<RenderSession | null>).catch(() => null))?.close();
  }
  if (fatal !== null) throw fatal;
  if (signal?.aborted) aborted = true;

  return {
    pages,
    pagesCrawled: crawled,
    pagesFailed: failed,
    sitemapUsed,
    strategyUsed: sitemapUsed ? 'sitemap' : options.strategy,
    browserRenderingAvailable,
    spaPagesDetected: spaDetected,
    robots: { source: respectRobots ? startRobots.source : 'ignored', crawlDelayMs: startRobots.crawlDelayMs },
    aborted,
  };
}
