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
    estimated_tokens: z.int().nullable().meta({ description: 'Estimated tokens of the markdown for the o200k tokenizer (GPT-4o family), from its words, digits and punctuation; usually within 35% of the real count.' }),
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
  .meta({
    description: 'Personalization data for outreach (null if not available).',
    example: {
      company_name: 'TechStart Solutions',
      decision_maker: 'Mike Chen (VP of Customer Success)',
      key_challenge: 'Manual ticket triage consuming 40% of support team time',
      urgency_signal: 'Q1 2025 initiative mentioned in recent blog',
      personalization_angle: 'Show how automation can free up 40% of support team capacity',
    },
  });

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

/** Where a field's value came from (extension: `metadata.ai_sources`). */
export const AiSourceSchema = z
  .enum(['llm', 'jsonld', 'microformats', 'markup', 'meta'])
  .meta({ description: '`llm` (the configured model), `jsonld` (Schema.org JSON-LD), `microformats` (h-card), `markup` (team-card HTML) or `meta` (og: and meta tags).' });
export type AiSource = z.infer<typeof AiSourceSchema>;

/** Token usage the model endpoint reported, summed over the job (extension: `metadata.ai_usage`). */
export const AiUsageSchema = z
  .object({
    prompt_tokens: z.int().min(0),
    completion_tokens: z.int().min(0),
    total_tokens: z.int().min(0),
    requests: z.int().min(0).meta({ description: 'Chat-completion requests sent, repairs and retries included.' }),
  })
  .meta({
    description: "Tokens the model endpoint reported, summed over the job's requests.",
    example: { prompt_tokens: 10240, completion_tokens: 612, total_tokens: 10852, requests: 4 },
  });
export type AiUsage = z.infer<typeof AiUsageSchema>;

/** Why one AI feature produced nothing (extension: `metadata.ai_errors.<field>`). */
export const AiErrorSchema = z
  .object({
    code: z
      .enum(['timeout', 'rate_limited', 'provider_error', 'invalid_output', 'token_cap', 'no_pages', 'unsupported', 'invalid_request'])
      .meta({ description: '`timeout`, `rate_limited`, `provider_error` (5xx or refused), `invalid_output` (no valid answer after the repair retry), `token_cap` (`SPIDERIQ_LLM_MAX_TOKENS_PER_JOB` reached), `no_pages`, `unsupported` or `invalid_request`.' }),
    message: z.string(),
  })
  .meta({ description: 'Why an AI feature left its field null (or `[]`).', example: { code: 'timeout', message: 'The model did not answer within 60000 ms' } });
export type AiError = z.infer<typeof AiErrorSchema>;

/** What grounding removed from the model's answers (extension: `metadata.ai_grounding`). */
export const AiGroundingSchema = z
  .object({
    dropped_people: z.int().min(0).meta({ description: 'Team members whose name appears on no crawled page.' }),
    dropped_emails: z.int().min(0).meta({ description: 'Emails removed because no crawled page contains them.' }),
    dropped_linkedin: z.int().min(0).meta({ description: 'LinkedIn URLs removed because no crawled page contains them.' }),
  })
  .meta({ description: 'Values the model gave that no crawled page supports, removed and counted.', example: { dropped_people: 1, dropped_emails: 0, dropped_linkedin: 2 } });
export type AiGrounding = z.infer<typeof AiGroundingSchema>;

/** Why the model judged an extracted contact a false positive (`validate_with_llm`). */
export const ContactRejectionReasonSchema = z
  .enum(['example', 'not_a_contact', 'third_party', 'malformed'])
  .meta({ description: '`example` (a placeholder or demo value), `not_a_contact` (a file name, version, ID, date or price read as one), `third_party` (someone else\'s: the web agency, a platform, another business) or `malformed` (incomplete or garbled).' });
export type ContactRejectionReason = z.infer<typeof ContactRejectionReasonSchema>;

/** What `validate_with_llm` checked and removed (extension: `metadata.ai_validation`). */
export const AiContactValidationSchema = z
  .object({
    checked: z.int().min(0).meta({ description: 'Emails, phones and addresses the model was shown.' }),
    removed: z
      .array(z.object({ kind: z.enum(['email', 'phone', 'address']), value: z.string(), reason: ContactRejectionReasonSchema }))
      .meta({ description: 'The contacts taken out of `emails`, `phones` (and `phone_details`) and `addresses`, with the reason.' }),
  })
  .meta({
    description: 'LLM contact validation: the model may only remove extracted contacts, never add or change one.',
    example: { checked: 5, removed: [{ kind: 'email', value: 'john.doe@example.com', reason: 'example' }] },
  });
export type AiContactValidation = z.infer<typeof AiContactValidationSchema>;

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
    ai_usage: AiUsageSchema.nullable().default(null).meta({ description: 'Tokens reported by the model endpoint over the job (null when no request was sent).' }),
    ai_errors: z
      .record(z.string(), AiErrorSchema)
      .default({})
      .meta({ description: 'Per result field (`company_vitals`, `team_members`, `pain_points`, `lead_scoring`, the custom prompt field…), why its AI feature failed or was skipped.' }),
    ai_sources: z
      .record(z.string(), AiSourceSchema)
      .default({})
      .meta({ description: 'Per filled field (`company_vitals.name`, `team_members`…), the source of its value.', example: { 'company_vitals.name': 'jsonld', team_members: 'llm' } }),
    ai_pages: z
      .record(z.string(), z.array(z.string()))
      .default({})
      .meta({ description: 'Per result field, the URLs of the pages its prompt was built from.' }),
    ai_grounding: AiGroundingSchema.nullable().default(null),
    ai_validation: AiContactValidationSchema.nullable().default(null).meta({ description: 'What `validate_with_llm` removed (null when it did not run).' }),
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
  .catchall(z.unknown())
  .meta({ description: 'spiderSite result data (flat). A custom AI prompt adds its answer under its `output_field_name` (default `custom_analysis`).' });
export type SiteData = z.infer<typeof SiteDataSchema>;
