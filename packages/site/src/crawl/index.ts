export { crawlSite } from './crawler.js';
export type { CrawlOptions } from './crawler.js';
export type { CrawledPage, CrawlSummary } from './crawl-types.js';
