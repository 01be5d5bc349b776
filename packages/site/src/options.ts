import type { CleanupLevel, CrawlStrategy, ExtractionStrategy, SiteMode, SpiderSitePayload } from '@spideriq/schema';

/** Compendium settings after defaults, preset and overrides were applied (spideriq-api.md §3.4). */
export interface ResolvedCompendiumOptions {
  enabled: boolean;
  cleanup_level: CleanupLevel;
  max_chars: number;
  include_in_response: boolean;
  remove_duplicates: boolean;
  separator: string;
  priority_sections: string[];
}

/** AI features a job asked for; they stay unfulfilled until a model is configured. */
export interface RequestedAi {
  extract_team: boolean;
  extract_company_info: boolean;
  extract_pain_points: boolean;
  lead_scoring: boolean;
  custom_ai_prompt: boolean;
  validate_with_llm: boolean;
}

/** Every crawl setting of one job, fully resolved. */
export interface ResolvedSiteOptions {
  url: string;
  mode: SiteMode | null;
  max_pages: number;
  crawl_strategy: CrawlStrategy;
  target_pages: string[];
  /** Seconds. */
  timeout: number;
  enable_spa: boolean;
  /** Seconds. */
  spa_timeout: number;
  strategies: ExtractionStrategy[];
  compendium: ResolvedCompendiumOptions;
  ai: RequestedAi;
}

interface Preset {
  max_pages: number;
  strategies: ExtractionStrategy[];
  compendium: Partial<ResolvedCompendiumOptions>;
  ai: Partial<RequestedAi>;
}

const ALL_STRATEGIES: ExtractionStrategy[] = ['css', 'jsonld', 'regex', 'microformat'];

/** The mode presets of spideriq-api.md §3.3. */
export const MODE_PRESETS: Record<SiteMode, Preset> = {
  contacts: { max_pages: 5, strategies: ['css', 'jsonld', 'regex'], compendium: { enabled: false }, ai: {} },
  compendium: { max_pages: 10, strategies: ['css'], compendium: { enabled: true, cleanup_level: 'fit', max_chars: 100_000 }, ai: {} },
  leads: {
    max_pages: 50,
    strategies: ALL_STRATEGIES,
    compendium: { enabled: true, cleanup_level: 'fit', max_chars: 100_000 },
    ai: { extract_team: true, extract_company_info: true, extract_pain_points: true },
  },
  full: {
    max_pages: 100,
    strategies: ALL_STRATEGIES,
    compendium: { enabled: true, cleanup_level: 'raw', max_chars: 200_000 },
    ai: { extract_team: true, extract_company_info: true, extract_pain_points: true, lead_scoring: true, validate_with_llm: true },
  },
};

/** Defaults when neither the payload, the overrides nor a mode say otherwise (spideriq-api.md §3.2, §3.4). */
export const SITE_DEFAULTS = {
  max_pages: 10,
  crawl_strategy: 'bestfirst' as CrawlStrategy,
  target_pages: ['contact', 'about', 'team', 'news', 'blog'],
  timeout: 30,
  enable_spa: true,
  spa_timeout: 30,
  strategies: ALL_STRATEGIES,
  compendium: {
    enabled: true,
    cleanup_level: 'fit' as CleanupLevel,
    max_chars: 100_000,
    include_in_response: true,
    remove_duplicates: true,
    separator: '\n\n---\n\n',
    priority_sections: ['main', 'article', 'content'],
  } satisfies ResolvedCompendiumOptions,
};

function pick<T>(...values: Array<T | undefined>): T {
  for (const value of values) if (value !== undefined) return value;
  throw new Error('pick() needs a defined fallback');
}

/**
 * Resolves a payload into concrete settings. Precedence, per field: the payload's own field, then
 * `overrides`, then the mode preset, then the default. So `{mode:"contacts", max_pages: 8}` crawls 8
 * pages and `{mode:"full"}` crawls 100 (the only way past the payload's cap of 50).
 */
export function resolveSiteOptions(payload: SpiderSitePayload): ResolvedSiteOptions {
  const preset = payload.mode ? MODE_PRESETS[payload.mode] : undefined;
  const o = payload.overrides ?? {};
  const pc = payload.compendium ?? {};
  const oc = o.compendium ?? {};
  const prc = preset?.compendium ?? {};
  const dc = SITE_DEFAULTS.compendium;
  const flag = (name: 'extract_team' | 'extract_company_info' | 'extract_pain_points'): boolean =>
    pick(payload[name], o[name], preset?.ai[name], false);
  return {
    url: payload.url,
    mode: payload.mode ?? null,
    max_pages: pick(payload.max_pages, o.max_pages, preset?.max_pages, SITE_DEFAULTS.max_pages),
    crawl_strategy: pick(payload.crawl_strategy, o.crawl_strategy, SITE_DEFAULTS.crawl_strategy),
    target_pages: pick(payload.target_pages, o.target_pages, SITE_DEFAULTS.target_pages),
    timeout: pick(payload.timeout, o.timeout, SITE_DEFAULTS.timeout),
    enable_spa: pick(payload.enable_spa, o.enable_spa, SITE_DEFAULTS.enable_spa),
    spa_timeout: pick(payload.spa_timeout, o.spa_timeout, SITE_DEFAULTS.spa_timeout),
    strategies: pick(o.strategies, preset?.strategies, SITE_DEFAULTS.strategies),
    compendium: {
      enabled: pick(pc.enabled, oc.enabled, prc.enabled, dc.enabled),
      cleanup_level: pick(pc.cleanup_level, oc.cleanup_level, prc.cleanup_level, dc.cleanup_level),
      max_chars: pick(pc.max_chars, oc.max_chars, prc.max_chars, dc.max_chars),
      include_in_response: pick(pc.include_in_response, oc.include_in_response, prc.include_in_response, dc.include_in_response),
      remove_duplicates: pick(pc.remove_duplicates, oc.remove_duplicates, prc.remove_duplicates, dc.remove_duplicates),
      separator: pick(pc.separator, oc.separator, prc.separator, dc.separator),
      priority_sections: pick(pc.priority_sections, oc.priority_sections, prc.priority_sections, dc.priority_sections),
    },
    ai: {
      extract_team: flag('extract_team'),
      extract_company_info: flag('extract_company_info'),
      extract_pain_points: flag('extract_pain_points'),
      lead_scoring: Boolean(payload.product_description && payload.icp_description) || Boolean(preset?.ai.lead_scoring),
      custom_ai_prompt: Boolean(payload.custom_ai_prompt?.enabled),
      validate_with_llm: Boolean(preset?.ai.validate_with_llm),
    },
  };
}
