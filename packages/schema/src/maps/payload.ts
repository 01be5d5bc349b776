import { z } from 'zod';
import { WEBHOOK_EVENTS_NEED_URL, webhookRequestFields } from '../webhooks.js';
import { PrioritySchema } from '../primitives.js';
import { nonBlankString, requiredOneOf, withRules } from '../rules.js';

const query = nonBlankString(1, 500);

/** The spiderMaps job payload (spideriq-api.md §4.1). */
export const SpiderMapsPayloadSchema = withRules(
  z
    .object({
      search_query: query.optional().meta({ description: '"{what} in {where}", for example `plumbers in Austin, TX`.', example: 'italian restaurants in Boston' }),
      query: query.optional().meta({ description: 'Alias of `search_query` (which wins when both are sent).' }),
      location: nonBlankString(1, 200).optional().meta({ description: 'Where to search; joined as "{query} in {location}".' }),
      max_results: z.int().min(1).max(100).optional().meta({ description: 'Listings to return (1-100). Default 20.' }),
      lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2})?$/, 'must be a language code such as en or pt-BR').optional().meta({ description: 'Result language. Default `en`.' }),
      extract_reviews: z.boolean().optional().meta({ description: 'Add review snippets to each listing.' }),
      extract_photos: z.boolean().optional().meta({ description: 'Add photo references to each listing.' }),
      validate_phones: z.boolean().optional().meta({ description: 'Parse phones with libphonenumber (`phone_e164`…). Default true.' }),
      fuzziq_enabled: z.boolean().optional().meta({ description: 'Accepted for compatibility; has no effect here.' }),
      fuzziq_unique_only: z.boolean().optional().meta({ description: 'Accepted for compatibility; has no effect here.' }),
      test: z.boolean().optional().meta({ description: 'Bypass the 24-hour duplicate-submission cache.' }),
    })
    .meta({ description: 'What to search for.', example: { search_query: 'italian restaurants in Boston', max_results: 20, lang: 'en' } }),
  [requiredOneOf(['search_query', 'query'], 'search_query (or query) is required')],
);
export type SpiderMapsPayload = z.infer<typeof SpiderMapsPayloadSchema>;

/** The effective query text of a maps payload: search_query, else query, with location appended. */
export function mapsQueryText(payload: Pick<SpiderMapsPayload, 'search_query' | 'query' | 'location'>): string {
  const base = (payload.search_query ?? payload.query ?? '').trim();
  return payload.location ? `${base} in ${payload.location.trim()}` : base;
}

/** Body of `POST /api/v1/jobs/spiderMaps/submit`. */
export const SubmitMapsRequestSchema = withRules(
  z
    .object({ payload: SpiderMapsPayloadSchema, priority: PrioritySchema.default(0), ...webhookRequestFields })
    .meta({ description: 'Submit a spiderMaps job.', example: { payload: { search_query: 'plumbers in Austin, TX', max_results: 20 }, priority: 0 } }),
  [WEBHOOK_EVENTS_NEED_URL],
);
export type SubmitMapsRequest = z.infer<typeof SubmitMapsRequestSchema>;
