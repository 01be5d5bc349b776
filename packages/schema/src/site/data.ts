import { z } from 'zod';
import { CleanupLevelSchema, CrawlStrategySchema } from './payload.js';
import { socialFields } from './socials.js';

/** One validated phone number (extension: `phone_details`). */
export const PhoneDetailSchema = z
  .object({
    raw: z.string().meta({ description: 'The number as it appeared on the page.' }),
    e164: z.string().nullable().meta({ description: 'E.164 form, for example `+14155550123`.' }),
    national: z.string().nullable(),
    international: z.string().nullable(),
    country_code: z.string().nullable().meta({ description: 'ISO 3166-1 alpha-2 country.' }),
    type: z.string().nullable().meta({ description: 'libphonenumber type: MOBILE, FIXED_LINE, TOLL_FREE…' }),
    valid: z.boolean(),
  })
  .meta({
    description: 'A phone number parsed and validated with libphonenumber.',
    example: { raw: '(555) 123-4567', e164: '+15551234567', national: '(555) 123-4567', international: '+1 555 123 4567', country_code: 'US', type: 'FIXED_LINE_OR_MOBILE', valid: true },
  });
export type PhoneDetail = z.infer<typeof PhoneDetailSchema>;

/** Compendium metadata and storage (spideriq-api.md §3.4, §11.11). */
export const CompendiumInfoSchema = z
  .object({
    available: z.boolean().meta({ description: 'Whether a compendium was built.' }),
    chars: z.int().nullable().meta({ description: 'Length of the markdown in characters.' }),
    cleanup_level: CleanupLevelSchema.nullable(),
    storage_location: z.string().nullable().meta({ description: 'Storage backend that holds the file (`local` or `s3`).' }),
    download_url: z.string().nullable().meta({ description: 'Permanent, unguessable URL of the markdown file.' }),
    filename: z.string().nullable(),
    size_bytes: z.int().nullable(),
    content_hash: z.string().nullable().meta({ description: 'sha256 of the markdown file (hex).' }),
    estimated_tokens: z.int().nullable().meta({ description: 'Tokens of the markdown, counted with the o200k tokenizer.' }),
  })
  .meta({
    description: 'Compendium metadata and storage information.',
    example: {
      available: true,
      chars: 8450,
      cleanup_level: 'fit',
      storage_location: 'spidermedia',
      download_url: 'https://media.spideriq.ai/client-xxx/compendiums/550e8400-e29b-41d4-a716-446655440000.md',
      filename: 'compendiums/550e8400-e29b-41d4-a716-446655440000.md',
      size_bytes: 8450,
      content_hash: 'a1b2c3d4e5f6...',
      estimated_tokens: 2100,
    },
  });
export type CompendiumInfo = z.infer<typeof CompendiumInfoSchema>;

/** AI company summary. */
export const CompanyVitalsSchema = z
  .object({
    name: z.string().nullable(),
    summary: z.string().nullable(),
    industry: z.string().nullable(),
    services: z.array(z.string()),
    target_audience: z.string().nullable(),
  })
  .meta({
    description: 'Company information extracted with AI (null if `extract_company_info` is off).',
    example: {
      name: 'TechStart Solutions',
      summary: 'AI-powered customer support automation for SaaS companies',
      industry: 'B2B SaaS',
      services: ['AI Chatbots', 'Support Ticket Automation', 'Customer Analytics'],
      target_audience: 'Mid-market SaaS companies with 50-500 employees',
    },
  });

/** One person found on the site. */
export const TeamMemberSchema = z
  .object({
    name: z.string(),
    title: z.string().nullable(),
    email: z.string().nullable(),
    linkedin: z.string().nullable(),
  })
  .meta({
    description: 'A team member found with AI extraction.',
    example: { name: 'Sarah Johnson', title: 'CEO & Founder', email: 'sarah@techstart.com', linkedin: 'https://linkedin.com/in/sarahjohnson' },
  });

/** CHAMP lead scoring. */
export const LeadScoringSchema = z
  .object({
    icp_fit_score: z.number().min(0).max(1).meta({ description: 'Fit with the ideal customer profile, 0 to 1.' }),
    champ_analysis: z.object({
      challenges: z.array(z.string()),
      authority: z.string().nullable(),
      money: z.string().nullable(),
      prioritization: z.string().nullable(),
    }),
  })
  .meta({
    description: 'CHAMP framework lead scoring (null unless both product and ICP descriptions are given).',
    example: {
      icp_fit_score: 0.85,
      champ_analysis: {
        challenges: ['Manual ticket triage consuming 40% of support team time'],
        authority: 'VP of Customer Success leads vendor selection',
        money: 'Series B funded',
        prioritization: 'High',
      },
    },
  });

/** Outreach personalization data. */
export const PersonalizationHooksSchema = z
  .object({
    company_name: z.string().nullable(),
    decision_maker: z.string().nullable(),
    key_challenge: z.string().nullable(),
    urgency_signal: z.string().nullable(),
    personalization_angle: z.string().nullable(),
  })
  .meta({ description: 'Personalization data for outreach (null if not available).' });

/** The site's logo (extension). */
export const LogoSchema = z
  .object({
    url: z.string(),
    source: z.string().meta({ description: 'Where it was found: `jsonld`, `og:image`, `img`, `icon`…' }),
  })
  .meta({ description: 'The company logo.', example: { url: 'https://example.com/logo.svg', source: 'jsonld' } });
export type Logo = z.infer<typeof LogoSchema>;

/** The landing page's head tags (extension). */
export const PageMetaSchema = z
  .object({
    title: z.string().nullable(),
    description: z.string().nullable(),
    og: z.record(z.string(), z.string()).meta({ description: 'Open Graph tags without the `og:` prefix.' }),
  })
  .meta({ description: 'Title, description and Open Graph tags of the submitted page.', example: { title: 'Example Company', description: 'Leading provider of…', og: { title: 'Example' } } });
export type PageMeta = z.infer<typeof PageMetaSchema>;

/** One fetched page, for `metadata.pages` (extension). */
export const CrawledPageSchema = z
  .object({
    url: z.string(),
    status: z.int().nullable().meta({ description: 'HTTP status, or null when no response came.' }),
    bytes: z.int(),
    time_ms: z.int(),
    rendered: z.boolean().meta({ description: 'Rendered in the headless browser.' }),
    error: z.string().nullable(),
  })
  .meta({ description: 'A page the crawler fetched.' });

/** Crawl metadata and statistics. */
export const SiteMetadataSchema = z
  .object({
    spa_enabled: z.boolean(),
    sitemap_used: z.boolean(),
    browser_rendering_available: z.boolean(),
    crawl_strategy: CrawlStrategySchema,
    total_emails_found: z.int().meta({ description: 'Emails found before filtering.' }),
    total_phones_found: z.int(),
    mode: z.string().nullable().default(null).meta({ description: 'The mode preset that applied.' }),
    pages: z.array(CrawledPageSchema).default([]).meta({ description: 'Every page fetched, with its status, size, time and whether it was rendered.' }),
    ai: z
      .object({ configured: z.boolean(), requested: z.array(z.string()), message: z.string().nullable() })
      .nullable()
      .default(null)
      .meta({ description: 'Whether AI features were requested and whether a model is configured.' }),
  })
  .meta({
    description: 'Crawl metadata and statistics.',
    example: { spa_enabled: true, sitemap_used: true, browser_rendering_available: true, crawl_strategy: 'sitemap', total_emails_found: 2, total_phones_found: 1 },
  });
export type SiteMetadata = z.infer<typeof SiteMetadataSchema>;

/**
 * The flat spiderSite result (`data`). Every field is always present; the 14 socials sit at the top level.
 * Fields with a default are extensions beyond SpiderIQ's documented model.
 */
export const SiteDataSchema = z
  .object({
    url: z.string().meta({ description: 'Website URL that was crawled.' }),
    pages_crawled: z.int().meta({ description: 'Number of pages successfully crawled.' }),
    crawl_status: z.enum(['success', 'partial', 'failed']).meta({ description: '`success`, `partial` (some pages failed) or `failed`.' }),
    emails: z.array(z.string()).meta({ description: 'Email addresses found (tracking and noise addresses removed).' }),
    phones: z.array(z.string()).meta({ description: 'Phone numbers found, in international format.' }),
    phone_details: z.array(PhoneDetailSchema).default([]).meta({ description: 'Extension: each phone parsed and validated.' }),
    addresses: z.array(z.string()).meta({ description: 'Physical addresses found, one line each.' }),
    ...socialFields,
    logo: LogoSchema.nullable().default(null),
    meta: PageMetaSchema.nullable().default(null),
    markdown_compendium: z.string().nullable().meta({ description: 'Markdown of the site (when the compendium is enabled and included inline).' }),
    compendium: CompendiumInfoSchema.nullable(),
    company_vitals: CompanyVitalsSchema.nullable(),
    pain_points: z.array(z.string()).nullable().meta({ description: 'Business pain points identified by AI (null if not enabled).' }),
    lead_scoring: LeadScoringSchema.nullable(),
    team_members: z.array(TeamMemberSchema).meta({ description: 'Team members found with AI (empty if not enabled).' }),
    personalization_hooks: PersonalizationHooksSchema.nullable(),
    metadata: SiteMetadataSchema,
  })
  .meta({ description: 'spiderSite result data (flat).' });
export type SiteData = z.infer<typeof SiteDataSchema>;
