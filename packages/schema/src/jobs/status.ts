import { z } from 'zod';
import { ErrorCodeFieldSchema } from './error-code.js';
import { JobIdSchema, JobStatusSchema, JobTypeSchema, TimestampSchema } from '../primitives.js';

/** Live progress of a running job (extension). */
export const JobProgressSchema = z
  .object({
    pages_crawled: z.int().nullable(),
    results_found: z.int().nullable(),
    total: z.int().nullable(),
    message: z.string().nullable(),
    updated_at: TimestampSchema,
  })
  .meta({ description: 'Progress reported by the worker.' });
export type JobProgressInfo = z.infer<typeof JobProgressSchema>;

/** `GET /api/v1/jobs/{job_id}/status`. */
export const JobStatusResponseSchema = z
  .object({
    success: z.boolean().meta({ description: 'False when the job failed or was cancelled.' }),
    job_id: JobIdSchema,
    type: JobTypeSchema,
    status: JobStatusSchema,
    created_at: TimestampSchema,
    updated_at: TimestampSchema,
    worker_id: z.string().nullable(),
    priority: z.int().default(0).meta({ description: 'Extension: queue priority.' }),
    /** Extension: latest progress (null before the job starts), saved at most every 250 ms while the job runs. */
    progress: JobProgressSchema.nullable().default(null),
    error_code: ErrorCodeFieldSchema,
  })
  .meta({
    description: 'Job status.',
    example: {
      success: true,
      job_id: '550e8400-e29b-41d4-a716-446655440000',
      type: 'spiderSite',
      status: 'processing',
      created_at: '2025-10-27T14:30:02Z',
      updated_at: '2025-10-27T14:30:05Z',
      worker_id: 'spider-site-main-1',
    },
  });
export type JobStatusResponse = z.infer<typeof JobStatusResponseSchema>;
