import { memoize } from '../memo.js';

/** Query parameters that only track campaigns or sessions; two URLs differing only in them are one page. */
const TRACKING_PARAMS = /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|yclid|igshid|ref_src|sessionid|phpsessid|jsessionid|sid)$/i;

/**
 * Resolves `href` against `base` and returns the canonical form the crawler stores: http(s) only, no
 * fragment, no default port, no tracking parameters, remaining parameters sorted. Returns null for
 * anything that is not a crawlable web URL (mailto:, javascript:, data:, malformed).
 */
export const normalizeUrl: (href: string, base?: string | URL) => string | null = memoize(readUrl, resolutionKey, (url) => url, 5000);

/** `scheme://authority` at the start of an http(s) URL string: what ends it for the URL parser ends it here. */
const AUTHORITY = /^https?:\/\/[^/\\?#]*/i;

/**
 * What `href` resolved against `base` depends on, as a memo key: an absolute http(s) URL and a path
 * from the root (`/about`) only on the base's scheme and authority (a base's path, query and
 * fragment never fail to parse), so the nav links of every page of a site share one entry; any other
 * link on the whole base. Length-prefixed, so no two inputs share a key.
 */
function resolutionKey(href: string, base?: string | URL): string | null {
  if (base === undefined) return `-${href}`;
  if (typeof base !== 'string') return null;
  const authority = href.startsWith('/') || /^https?:\/\//i.test(href) ? AUTHORITY.exec(base)?.[0] : undefined;
  const context = authority ?? base;
  return `${context.length}:${context}${href}`;
}

function readUrl(href: string, base?: string | URL): string | null {
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  if (url.search) {
    const kept = [...url.searchParams.entries()].filter(([name]) => !TRACKING_PARAMS.test(name));
    kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    url.search = new URLSearchParams(kept).toString();
  }
  return url.href;
}

/**
 * The key two URLs are deduplicated on: the normalised URL without a trailing slash on the path
 * (`/about` and `/about/` are almost always one page) and without a leading `www.`.
 */
export const dedupeKey: (normalized: string) => string = memoize(readDedupeKey, (url) => url, (key) => key, 5000);

function readDedupeKey(normalized: string): string {
  const url = new URL(normalized);
  const host = url.hostname.startsWith('www.') ? url.hostname.slice(4) : url.hostname;
  let path = url.pathname;
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return `${host}${url.port ? `:${url.port}` : ''}${path}${url.search}`;
}
