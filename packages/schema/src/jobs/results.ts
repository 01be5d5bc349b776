import { z } from 'zod';
import { JobIdSchema, JobStatusSchema, TimestampSchema } from '../primitives.js';
import { SiteDataSchema } from '../site/data.js';
import { MapsDataSchema } from '../maps/data.js';
import { ErrorCodeFieldSchema } from './error-code.js';

const head = {
  success: z.boolean().meta({ description: 'True only when the job completed.' }),
  job_id: JobIdSchema,
};
const envelope = {
  status: JobStatusSchema,
  processing_time_seconds: z.number().nullable().meta({ description: 'Time taken to process the job (null if not finished).' }),
  worker_id: z.string().nullable().meta({ description: 'Worker that processed the job.' }),
  completed_at: TimestampSchema.nullable().meta({ description: 'When the job finished (ISO 8601).' }),
  message: z.string().nullable().meta({ description: 'Context about the job state, for example while it is processing.' }),
};
const failure = {
  error_message: z.string().nullable().meta({ description: 'Why the job failed or was cancelled (null otherwise).' }),
  error_code: ErrorCodeFieldSchema,
  error: z.string().optional().meta({ description: 'Only on 410: the same text as `error_message`, for clients that read `error`.' }),
};

/** Results of a spiderSite job. */
export const SiteJobResultsSchema = z
  .object({ ...head, type: z.literal('spiderSite'), ...envelope, data: SiteDataSchema.nullable(), ...failure })
  .meta({ description: 'Results of a spiderSite job.' });
export type SiteJobResults = z.infer<typeof SiteJobResultsSchema>;

/** Results of a spiderMaps job. */
export const MapsJobResultsSchema = z
  .object({ ...head, type: z.literal('spiderMaps'), ...envelope, data: MapsDataSchema.nullable(), ...failure })
  .meta({ description: 'Results of a spiderMaps job.' });
export type MapsJobResults = z.infer<typeof MapsJobResultsSchema>;

/**
 * `GET /api/v1/jobs/{job_id}/results`: 200 completed, 202 queued or processing, 410 failed or cancelled.
 * Every field is always present (null when it does not apply).
 */
export const JobResultsSchema = z
  .discriminatedUnion('type', [SiteJobResultsSchema, MapsJobResultsSchema])
  .meta({
    description: 'Job results. `data` is null until the job completes.',
    example: {
      success: false,
      job_id: '550e8400-e29b-41d4-a716-446655440000',
      type: 'spiderSite',
      status: 'processing',
      processing_time_seconds: null,
      worker_id: null,
      completed_at: null,
      message: 'Job is still being processed. Please poll again in a few seconds.',
      data: null,
      error_message: null,
    },
  });
export type JobResults = z.infer<typeof JobResultsSchema>;
