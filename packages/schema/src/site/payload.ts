import { z } from 'zod';
import { WEBHOOK_EVENTS_NEED_URL, webhookRequestFields } from '../webhooks.js';
import { HttpUrlSchema, PrioritySchema } from '../primitives.js';
import { forbiddenCombination, nonBlankOneOfWhen, nonBlankString, requiredTogether, withRules } from '../rules.js';

/** Preset bundles of crawl options (spideriq-api.md §3.3). */
export const SiteModeSchema = z
  .enum(['contacts', 'compendium', 'leads', 'full'])
  .meta({
    description:
      'Preset: `contacts` (5 pages, no compendium), `compendium` (10 pages, fit compendium), `leads` (50 pages, compendium, AI team/company/pain points), `full` (100 pages, raw compendium, all AI). Explicit fields and `overrides` win over the preset.',
    example: 'contacts',
  });
export type SiteMode = z.infer<typeof SiteModeSchema>;

/** How pages are discovered once the sitemap (if any) has seeded the frontier. */
export const CrawlStrategySchema = z
  .enum(['bestfirst', 'bfs', 'dfs', 'sitemap'])
  .meta({
    description:
      '`bestfirst` (default) scores links by `target_pages`; `bfs` and `dfs` walk the link graph; `sitemap` crawls only sitemap URLs. Sitemap-first is automatic when a sitemap exists.',
    example: 'bestfirst',
  });
export type CrawlStrategy = z.infer<typeof CrawlStrategySchema>;

/** How much of each page the compendium keeps. */
export const CleanupLevelSchema = z
  .enum(['raw', 'fit', 'citations', 'minimal'])
  .meta({
    description:
      '`raw` keeps everything; `fit` keeps the main content (strips navigation and ads); `citations` is `fit` with links as numbered references; `minimal` keeps only priority sections.',
    example: 'fit',
  });
export type CleanupLevel = z.infer<typeof CleanupLevelSchema>;

/** Contact extraction strategies a mode enables. */
export const ExtractionStrategySchema = z
  .enum(['css', 'jsonld', 'regex', 'microformat'])
  .meta({ description: 'Extraction strategy: selectors and mailto/tel links, Schema.org JSON-LD, plain-text patterns, or hCard microformats.' });
export type ExtractionStrategy = z.infer<typeof ExtractionStrategySchema>;

/** Options of the markdown compendium (spideriq-api.md §3.4). */
export const CompendiumOptionsSchema = z
  .object({
    enabled: z.boolean().optional().meta({ description: 'Build the compendium. Default: true (false in `contacts` mode).' }),
    cleanup_level: CleanupLevelSchema.optional(),
    max_chars: z.int().min(1000).max(1_000_000).optional().meta({ description: 'Truncate beyond this many characters (1,000-1,000,000). Default 100,000.' }),
    include_in_response: z.boolean().optional().meta({ description: 'Inline the markdown in `markdown_compendium`. When false, only the download URL and metadata are returned. Default true.' }),
    remove_duplicates: z.boolean().optional().meta({ description: 'Drop blocks repeated across pages (headers, footers, cookie banners). Default true.' }),
    separator: z.string().max(100).optional().meta({ description: 'Text placed between pages. Default `\\n\\n---\\n\\n`.' }),
    priority_sections: z.array(nonBlankString(1, 100)).max(20).optional().meta({ description: 'Regions to prefer, as element names or ids/classes. Default `["main","article","content"]`.' }),
  })
  .meta({ description: 'Markdown compendium options.', example: { enabled: true, cleanup_level: 'fit', max_chars: 100000 } });
export type CompendiumOptions = z.infer<typeof CompendiumOptionsSchema>;

/** A custom prompt run over the compendium (spideriq-api.md §3.5). */
export const CustomAiPromptSchema = withRules(
  z
    .object({
      enabled: z.boolean().default(false),
      system_prompt: z.string().max(2000).optional(),
      user_prompt: z.string().max(4000).optional(),
      json_schema: z.record(z.string(), z.unknown()).optional().meta({ description: 'JSON Schema the answer must follow.' }),
      output_field_name: z.string().regex(/^[a-z_][a-z0-9_]{0,63}$/).optional().meta({ description: 'Key of the answer in `data`. Default `custom_analysis`.' }),
      model: z.string().max(100).optional(),
      temperature: z.number().min(0).max(2).optional(),
      max_tokens: z.int().min(100).max(16000).optional(),
    })
    .meta({ description: 'Custom AI prompt over the compendium. Accepted; it runs once an LLM endpoint is configured.' }),
  [nonBlankOneOfWhen({ enabled: true }, ['system_prompt', 'user_prompt'], 'an enabled custom_ai_prompt needs a system_prompt or a user_prompt that is not blank')],
);

const crawlOptionFields = {
  crawl_strategy: CrawlStrategySchema.optional(),
  target_pages: z
    .array(nonBlankString(1, 100))
    .max(50)
    .optional()
    .meta({ description: 'Page types to visit first, matched in 36+ languages (kontakt, contacto, impressum, über-uns…). Default `["contact","about","team","news","blog"]`.' }),
  timeout: z.int().min(10).max(120).optional().meta({ description: 'Per-page HTTP timeout in seconds (10-120). Default 30.' }),
  enable_spa: z.boolean().optional().meta({ description: 'Detect JavaScript-heavy pages and render them in a headless browser. Default true.' }),
  spa_timeout: z.int().min(10).max(120).optional().meta({ description: 'Per-page browser rendering timeout in seconds (10-120). Default 30.' }),
  extract_team: z.boolean().optional().meta({ description: 'AI: extract team members. With no model configured, JSON-LD Person, h-card and team-card markup still fill it.' }),
  extract_company_info: z.boolean().optional().meta({ description: 'AI: extract company vitals. With no model configured, JSON-LD and og:/meta tags still fill `name` and `summary`.' }),
  extract_pain_points: z.boolean().optional().meta({ description: 'AI: infer pain points. Needs an LLM endpoint (`SPIDERIQ_LLM_BASE_URL`).' }),
};

/** Per-request changes to the mode preset. */
export const SiteOverridesSchema = z
  .object({
    ...crawlOptionFields,
    max_pages: z.int().min(1).max(100).optional().meta({ description: 'Page budget (1-100).' }),
    strategies: z.array(ExtractionStrategySchema).min(1).optional(),
    compendium: CompendiumOptionsSchema.optional(),
  })
  .meta({ description: 'Changes to the mode preset, for example `{"max_pages": 20, "strategies": ["css","regex"]}`.' });

/** The spiderSite job payload (spideriq-api.md §3.2). */
export const SpiderSitePayloadSchema = withRules(
  z
    .object({
      url: HttpUrlSchema.meta({ description: 'The website to crawl, with its scheme (1-2048 characters).', example: 'https://example.com' }),
      mode: SiteModeSchema.optional(),
      overrides: SiteOverridesSchema.optional(),
      max_pages: z.int().min(1).max(50).optional().meta({ description: 'Pages to crawl (1-50). Default 10, or the mode preset.' }),
      ...crawlOptionFields,
      product_description: nonBlankString(1, 1024).optional().meta({ description: 'Your product, for CHAMP lead scoring. Requires `icp_description`.' }),
      icp_description: nonBlankString(1, 1024).optional().meta({ description: 'Your ideal customer profile, for CHAMP lead scoring. Requires `product_description`.' }),
      compendium: CompendiumOptionsSchema.optional(),
      custom_ai_prompt: CustomAiPromptSchema.optional(),
      fuzziq_enabled: z.boolean().optional().meta({ description: 'Accepted for compatibility; has no effect here.' }),
      fuzziq_unique_only: z.boolean().optional().meta({ description: 'Accepted for compatibility; has no effect here.' }),
      test: z.boolean().optional().meta({ description: 'Bypass the 24-hour duplicate-submission cache.' }),
    })
    .meta({
      description: 'What to crawl and extract. Only `url` is required.',
      example: { url: 'https://example.com', mode: 'contacts', max_pages: 5 },
    }),
  [
    requiredTogether(['product_description', 'icp_description'], 'lead scoring needs both product_description and icp_description'),
    forbiddenCombination({ custom_ai_prompt: { enabled: true }, compendium: { enabled: false } }, 'custom_ai_prompt needs the compendium enabled', ['custom_ai_prompt']),
  ],
);
export type SpiderSitePayload = z.infer<typeof SpiderSitePayloadSchema>;

/** Body of `POST /api/v1/jobs/spiderSite/submit`. */
export const SubmitSiteRequestSchema = withRules(
  z
    .object({ payload: SpiderSitePayloadSchema, priority: PrioritySchema.default(0), ...webhookRequestFields })
    .meta({ description: 'Submit a spiderSite job.', example: { payload: { url: 'https://example.com' }, priority: 0 } }),
  [WEBHOOK_EVENTS_NEED_URL],
);
export type SubmitSiteRequest = z.infer<typeof SubmitSiteRequestSchema>;
