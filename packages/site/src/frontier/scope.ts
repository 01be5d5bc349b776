import { getDomain } from 'tldts';
import { memoize } from '../memo.js';

/**
 * The site a URL belongs to: its registrable domain (`shop.example.co.uk` → `example.co.uk`, via the
 * Public Suffix List in tldts), or the bare host for IP addresses and single-label names like `localhost`.
 */
export function siteKey(url: string | URL): string {
  return typeof url === 'string' ? siteKeyOfString(url) : readSiteKey(url);
}

const siteKeyOfString = memoize((url: string) => readSiteKey(new URL(url)), (url) => url, (key) => key, 5000);

function readSiteKey(parsed: URL): string {
  const domain = getDomain(parsed.hostname, { allowPrivateDomains: true });
  return domain ?? parsed.host;
}

/** True when both URLs are on the same site, so `www.` and other subdomains stay in scope. */
export function sameSite(a: string | URL, b: string | URL): boolean {
  return siteKey(a) === siteKey(b);
}
