/** A link found in a page, with its visible text for scoring. */
export interface PageLink {
  href: string;
  text: string;
}

const ANCHOR = /<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
const BASE = /<base\b[^>]*\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
const TAG = /<[^>]*>/g;
const ENTITY = /&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi;

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (_, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16) || 32);
    if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10) || 32);
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }[lower] ?? '';
  });
}

/**
 * The `<a href>` links of a page and the `<base href>` to resolve them against. A single regex pass
 * instead of a DOM parse: the crawler needs only hrefs and anchor texts, and this keeps link discovery
 * cheap on large pages (the extractors parse the DOM once, separately).
 */
export function extractLinks(html: string): { base: string | null; links: PageLink[] } {
  const baseMatch = BASE.exec(html);
  const base = baseMatch ? decodeEntities(baseMatch[1] ?? baseMatch[2] ?? baseMatch[3] ?? '') || null : null;
  const links: PageLink[] = [];
  for (const match of html.matchAll(ANCHOR)) {
    const attrs = match[1] ?? '';
    const href = HREF.exec(attrs);
    if (!href) continue;
    const value = decodeEntities(href[1] ?? href[2] ?? href[3] ?? '').trim();
    if (!value || value.startsWith('#')) continue;
    const text = decodeEntities((match[2] ?? '').replace(TAG, ' ')).replace(/\s+/g, ' ').trim().slice(0, 200);
    links.push({ href: value, text });
  }
  return { base, links };
}
