/**
 * The User-Agent every request carries, `SpiderIQ/<version> (+<public url>)`, so site owners can see
 * who is crawling and where to read about it (the convention robots.txt authors expect).
 */
export function buildUserAgent(version: string, publicUrl: string): string {
  return `SpiderIQ/${version} (+${publicUrl})`;
}

/** The product token robots.txt groups are matched against. */
export const ROBOTS_PRODUCT_TOKEN = 'SpiderIQ';
