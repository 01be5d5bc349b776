import type { PageInput } from '../../src/index.js';
import { TECHSTART_PAGES } from '@spideriq/testkit';

/** The TechStart fixture as crawled pages, without a crawl. */
export function techstartPages(base = 'https://techstart.example/'): PageInput[] {
  return Object.entries(TECHSTART_PAGES).map(([path, html]) => ({ url: new URL(path, base).href, html }));
}
