import { SpiderMapsPayloadSchema, SpiderSitePayloadSchema } from '@spideriq/schema';
import type { JobType } from '@spideriq/schema';
import type { z } from 'zod';
import { describeFields } from './field-spec.js';
import type { FieldSpec } from './field-spec.js';

/** One job type's form: the payload schema it validates with and the fields it shows. */
export interface JobForm {
  readonly type: JobType;
  readonly title: string;
  readonly schema: z.ZodType;
  readonly fields: readonly FieldSpec[];
}

/**
 * The fields each form shows. Only the paths are chosen here; labels, inputs, bounds, enum members and
 * help text come from the payload schemas, which the server validates with too.
 */
export const JOB_FORMS: Readonly<Record<JobType, JobForm>> = {
  spiderSite: {
    type: 'spiderSite',
    title: 'Crawl a website',
    schema: SpiderSitePayloadSchema,
    fields: describeFields(SpiderSitePayloadSchema, [['url'], ['mode'], ['max_pages'], ['crawl_strategy'], ['compendium', 'cleanup_level']]),
  },
  spiderMaps: {
    type: 'spiderMaps',
    title: 'Search business listings',
    schema: SpiderMapsPayloadSchema,
    fields: describeFields(SpiderMapsPayloadSchema, [['search_query'], ['max_results'], ['lang']]),
  },
};
