import { compendiumSection } from './compendium/build.js';
import type { CompendiumOptions, CompendiumSection } from './compendium/build.js';
import { parsePage } from './extract/document.js';
import { extractPage } from './extract/page.js';
import type { PageExtraction } from './extract/page.js';

/** One fetched page to reduce: its final URL and HTML, and the compendium settings when the compendium is on. */
export interface PageWork {
  url: string;
  html: string;
  title?: string;
  compendium: Pick<CompendiumOptions, 'cleanup_level' | 'priority_sections'> | null;
}

/** All a job keeps of a page: its contacts and, with the compendium on, its markdown blocks. */
export interface PageWorkResult {
  extraction: PageExtraction;
  section: CompendiumSection | null;
}

/**
 * Reduces one page: it is parsed once, and that one DOM is read by every extractor and then by the
 * compendium (which never changes it). Pure; the CPU-heavy part of a crawl, so the handler may run
 * it on a worker thread (`PagePool`).
 */
export function processPage(work: PageWork): PageWorkResult {
  const doc = parsePage(work.html, work.url);
  const extraction = extractPage({ url: work.url, html: work.html }, doc);
  const section = work.compendium
    ? compendiumSection({ url: work.url, html: work.html, ...(work.title ? { title: work.title } : {}), root: doc.root }, work.compendium)
    : null;
  return { extraction, section };
}
