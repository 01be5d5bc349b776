/** Query parameters that only track campaigns or sessions; two URLs differing only in them are one page. */
const TRACKING_PARAMS = /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|yclid|igshid|ref_src|sessionid|phpsessid|jsessionid|sid)$/i;

/**
 * Resolves `href` against `base` and returns the canonical form the crawler stores: http(s) only, no
 * fragment, no default port, no tracking parameters, remaining parameters sorted. Returns null for
 * anything that is not a crawlable web URL (mailto:, javascript:, data:, malformed).
 */
export function normalizeUrl(href: string, base?: string | URL): string | null {
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
export function dedupeKey(normalized: string): string {
  const url = new URL(normalized);
  const host = url.hostname.startsWith('www.') ? url.hostname.slice(4) : url.hostname;
  let path = url.pathname;
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return `${host}${url.port ? `:${url.port}` : ''}${path}${url.search}`;
}
