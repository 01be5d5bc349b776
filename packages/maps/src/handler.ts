import { JobError, type JobContext, type JobHandler } from '@spideriq/jobs/handler';
import { MapsDataSchema, SpiderMapsPayloadSchema, mapsQueryText, type Business, type MapsData, type SpiderMapsPayload } from '@spideriq/schema';
import { Deduplicator } from './dedupe.js';
import { createProvider } from './engine.js';
import { countPhoneValidation, toBusiness } from './normalise.js';
import type { MapsEngineOptions } from './options.js';
import type { MapsSearch } from './providers/provider.js';

/** Payload defaults (spideriq-api.md §4.1). */
export const DEFAULT_MAX_RESULTS = 20;
/** Default result language. */
export const DEFAULT_LANGUAGE = 'en';

/** Applies the payload defaults. */
export function searchFromPayload(payload: SpiderMapsPayload): MapsSearch {
  return {
    query: mapsQueryText(payload),
    maxResults: payload.max_results ?? DEFAULT_MAX_RESULTS,
    language: payload.lang ?? DEFAULT_LANGUAGE,
    extractReviews: payload.extract_reviews ?? false,
    extractPhotos: payload.extract_photos ?? false,
    validatePhones: payload.validate_phones ?? true,
  };
}

function cancelled(cause: unknown): JobError {
  return new JobError('The job was cancelled before the search finished.', { code: 'cancelled', cause });
}

/**
 * The `spiderMaps` job handler: runs the configured provider, deduplicates (by place id, and by name
 * plus nearby coordinates), stops at `max_results`, validates phones and reports progress. The
 * provider is built here, so a bad configuration fails at start-up with a `MapsConfigError`.
 */
export function createMapsHandler(options: MapsEngineOptions): JobHandler<SpiderMapsPayload, MapsData> {
  const provider = createProvider(options);
  return {
    type: 'spiderMaps',
    payloadSchema: SpiderMapsPayloadSchema,
    async run(payload: SpiderMapsPayload, ctx: JobContext): Promise<MapsData> {
      const search = searchFromPayload(payload);
      const { signal } = ctx;
      const businesses: Business[] = [];
      const deduplicator = new Deduplicator();
      const wantsExtras = search.extractReviews || search.extractPhotos;
      ctx.progress({ results_found: 0, total: search.maxResults, message: `Searching ${provider.id} for "${search.query}"` });
      try {
        signal.throwIfAborted();
        for await (const found of provider.search(search, signal)) {
          signal.throwIfAborted();
          if (!deduplicator.accept(found.business)) continue;
          const listing = wantsExtras && provider.enrich ? await provider.enrich(found, search, signal) : found;
          businesses.push(toBusiness(listing, search.validatePhones));
          ctx.progress({ results_found: businesses.length, total: search.maxResults });
          if (businesses.length >= search.maxResults) break;
        }
      } catch (error) {
        if (signal.aborted) throw cancelled(error);
        if (error instanceof JobError) throw error;
        throw new JobError(`The ${provider.id} search failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`, {
          code: 'internal',
          cause: error,
        });
      }
      ctx.logger.info({ provider: provider.id, results: businesses.length }, 'spiderMaps search finished');
      return MapsDataSchema.parse({
        query: search.query,
        results_count: businesses.length,
        businesses,
        metadata: {
          max_results: search.maxResults,
          extract_reviews: search.extractReviews,
          extract_photos: search.extractPhotos,
          language: search.language,
          provider: provider.id,
          phone_validation: search.validatePhones ? countPhoneValidation(businesses) : null,
        },
      });
    },
  };
}
