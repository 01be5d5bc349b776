import type { SiteData, SiteMetadata, SpiderSitePayload } from '@spideriq/schema';
import type { RequestedAi } from './options.js';

/** What the crawl hands to an analyser (the AI features) once every page is fetched. */
export interface SiteAnalysisInput {
  url: string;
  payload: SpiderSitePayload;
  requested: RequestedAi;
  /** Every page crawled successfully, with its HTML; empty when no AI feature was requested (the job does not keep HTML it will not use). */
  pages: ReadonlyArray<{ url: string; html: string; title?: string }>;
  /** The compendium's markdown (also when it is not inlined in the response), or null. */
  compendium: string | null;
  /** The extracted contacts, which `validate_with_llm` may thin out (its answer comes back in `fields`). */
  contacts: Pick<SiteData, 'emails' | 'phones' | 'phone_details' | 'addresses'>;
  signal: AbortSignal;
}

/** Result fields to merge into `data` (company_vitals, team_members…, a custom prompt's field, validated contacts) and the AI metadata. */
export interface SiteAnalysis {
  fields: Record<string, unknown>;
  metadata: Partial<Pick<SiteMetadata, 'ai' | 'ai_usage' | 'ai_errors' | 'ai_sources' | 'ai_pages' | 'ai_grounding' | 'ai_validation'>>;
}

/**
 * The optional hook the server injects (the `@spideriq/intel` engine), so the site engine needs no
 * model code: without it the AI fields keep the seed's null / `[]`.
 */
export type SiteAnalyser = (input: SiteAnalysisInput) => Promise<SiteAnalysis>;
