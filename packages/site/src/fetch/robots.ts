import { createRequire } from 'node:module';

interface ParsedRobots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}

// robots-parser is CommonJS with a hand-written default-export declaration that NodeNext cannot call.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => ParsedRobots;
import type { HttpClient } from './http-client.js';
import { FetchError } from './fetch-error.js';

/** What robots.txt lets this crawler do on one origin. */
export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** `Crawl-delay` for our group in milliseconds, or null when none is set. */
  crawlDelayMs: number | null;
  /** `Sitemap:` lines, absolute URLs. */
  sitemaps: string[];
  /** How the rules were obtained, for the job metadata. */
  source: 'file' | 'missing' | 'unreachable';
  /** Why the file could not be read, when `source` is `unreachable`. */
  error?: string;
}

/** Rules for a site without a robots.txt (4xx): everything is allowed (RFC 9309 §2.3.1.3). */
export const ALLOW_ALL: RobotsRules = { isAllowed: () => true, crawlDelayMs: null, sitemaps: [], source: 'missing' };

/** Parses robots.txt text for our product token (pure; robots-parser does the grouping and matching). */
export function parseRobots(robotsUrl: string, text: string, productToken: string): RobotsRules {
  const robot = robotsParser(robotsUrl, text);
  const delay = robot.getCrawlDelay(productToken);
  return {
    isAllowed: (url) => robot.isAllowed(url, productToken) !== false,
    crawlDelayMs: typeof delay === 'number' && Number.isFinite(delay) && delay > 0 ? delay * 1000 : null,
    sitemaps: robot.getSitemaps(),
    source: 'file',
  };
}

/**
 * Fetches and parses `<origin>/robots.txt`. 4xx means no rules; a server error or an unreachable file
 * means "disallow everything" for now, as RFC 9309 §2.3.1.4 requires, so an outage never turns into
 * a crawl the owner asked us not to make.
 */
export async function loadRobots(
  client: HttpClient,
  origin: string,
  options: { productToken: string; timeoutMs: number; signal?: AbortSignal },
): Promise<RobotsRules> {
  const robotsUrl = new URL('/robots.txt', origin).href;
  try {
    const res = await client.fetch(robotsUrl, { timeoutMs: options.timeoutMs, signal: options.signal, accept: 'text/plain,*/*;q=0.5' });
    if (res.status >= 200 && res.status < 300) return parseRobots(res.url, res.body.toString('utf8'), options.productToken);
    if (res.status >= 400 && res.status < 500) return ALLOW_ALL;
    return { isAllowed: () => false, crawlDelayMs: null, sitemaps: [], source: 'unreachable', error: `HTTP ${res.status}` };
  } catch (error) {
    if (error instanceof FetchError && (error.code === 'blocked_url' || error.code === 'aborted')) throw error;
    if (error instanceof FetchError && error.code === 'too_large') return ALLOW_ALL;
    const reason = error instanceof Error ? error.message : String(error);
    return { isAllowed: () => false, crawlDelayMs: null, sitemaps: [], source: 'unreachable', error: reason };
  }
}
