import type { FrontierStrategy } from '../frontier/frontier.js';

/** One page the crawler fetched (or tried to), as reported to callers and in `metadata.pages`. */
export interface CrawledPage {
  /** The URL that was requested. */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  status: number | null;
  /** Decompressed body bytes (of the rendered HTML when rendered). */
  bytes: number;
  timeMs: number;
  rendered: boolean;
  /** Why the page failed; null on success. */
  error: string | null;
  /** Fetched fine but not an HTML page (PDF, image…): neither a success nor a failure. */
  skipped: boolean;
  depth: number;
  /** The page's HTML when it succeeded; the crawler itself never keeps it. */
  html: string | null;
  contentType: string;
}

/** What a finished crawl reports besides its pages. */
export interface CrawlSummary {
  pages: Omit<CrawledPage, 'html'>[];
  /** Pages fetched successfully as HTML. */
  pagesCrawled: number;
  pagesFailed: number;
  sitemapUsed: boolean;
  /** `sitemap` when the sitemap seeded the frontier, else the link strategy used. */
  strategyUsed: FrontierStrategy;
  browserRenderingAvailable: boolean;
  spaPagesDetected: number;
  robots: { source: 'file' | 'missing' | 'unreachable' | 'ignored'; crawlDelayMs: number | null };
  /** True when the crawl stopped because the job's signal fired. */
  aborted: boolean;
}
