import { XMLParser } from 'fast-xml-parser';

/** A parsed sitemap: page URLs (`urlset`) or more sitemaps (`sitemapindex`). */
export interface ParsedSitemap {
  kind: 'urlset' | 'index';
  urls: string[];
}

const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, processEntities: true, parseTagValue: false });

function locs(entries: unknown): string[] {
  const list = Array.isArray(entries) ? entries : entries === undefined ? [] : [entries];
  const out: string[] = [];
  for (const entry of list) {
    const loc = (entry as { loc?: unknown } | null)?.loc;
    if (typeof loc === 'string' && loc.trim()) out.push(loc.trim());
  }
  return out;
}

/**
 * Parses sitemap text (sitemaps.org protocol): an XML `urlset` or `sitemapindex`, or the plain-text
 * format with one URL per line. Anything else yields an empty `urlset`.
 */
export function parseSitemap(text: string): ParsedSitemap {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('<')) {
    const urls = trimmed
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => /^https?:\/\//i.test(line));
    return { kind: 'urlset', urls };
  }
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(trimmed) as Record<string, unknown>;
  } catch {
    return { kind: 'urlset', urls: [] };
  }
  const index = doc['sitemapindex'] as { sitemap?: unknown } | undefined;
  if (index) return { kind: 'index', urls: locs(index.sitemap) };
  const urlset = doc['urlset'] as { url?: unknown } | undefined;
  return { kind: 'urlset', urls: urlset ? locs(urlset.url) : [] };
}
