export { createSiteHandler } from './handler.js';
export type { SiteEngineOptions, SiteHandler } from './handler.js';
export type { SiteAnalyser, SiteAnalysis, SiteAnalysisInput } from './analysis.js';
export { MODE_PRESETS, SITE_DEFAULTS, resolveSiteOptions } from './options.js';
export type { RequestedAi, ResolvedCompendiumOptions, ResolvedSiteOptions } from './options.js';
export { crawlSite } from './crawl/index.js';
export type { CrawlOptions, CrawledPage, CrawlSummary } from './crawl/index.js';
export {
  DEFAULT_MAX_BODY_BYTES,
  FetchError,
  HttpClient,
  blockedAddressReason,
  buildUserAgent,
  checkUrl,
  defaultConnector,
  pinnedConnector,
  systemResolver,
} from './fetch/index.js';
export type { BlockedAddressReason, Connector, FetchErrorCode, FetchResult, HttpClientOptions, ResolvedAddress, Resolver } from './fetch/index.js';
export { BrowserRenderer, DEFAULT_CHROMIUM_PATH, detectSpa } from './render/index.js';
export type { SpaVerdict } from './render/index.js';
export { Frontier, normalizeUrl, scoreLink, TARGET_VOCABULARY } from './frontier/index.js';
export type { FrontierStrategy } from './frontier/index.js';
export { extractPage, mergeExtractions } from './extract/index.js';
export type { ContactFields, PageExtraction, PageInput } from './extract/index.js';
export { buildCompendium } from './compendium/index.js';
export type { Compendium, CompendiumOptions, CompendiumPage } from './compendium/index.js';
