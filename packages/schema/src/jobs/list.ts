import { z } from 'zod';
import { JobIdSchema, JobStatusSchema, JobTypeSchema, TimestampSchema, FormatSchema } from '../primitives.js';

/** Query of `GET /api/v1/jobs/list`. Values arrive as strings and are coerced. */
export const ListJobsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1).meta({ description: 'Page number, from 1.' }),
  page_size: z.coerce.number().int().min(1).max(100).default(50).meta({ description: 'Jobs per page (1-100).' }),
  status_filter: JobStatusSchema.optional(),
  type_filter: JobTypeSchema.optional(),
  sort_by: z.enum(['created_at', 'updated_at', 'status', 'priority']).default('created_at').meta({ description: 'Field to sort by.' }),
  sort_order: z.enum(['asc', 'desc']).default('desc').meta({ description: 'Sort direction.' }),
  format: FormatSchema.optional(),
});
export type ListJobsQuery = z.infer<typeof ListJobsQuerySchema>;

/** One row of the job list. */
export const JobSummarySchema = z
  .object({
    job_id: JobIdSchema,
    type: JobTypeSchema,
    status: JobStatusSchema,
    url: z.string().nullable().meta({ description: 'The crawled URL (spiderSite).' }),
    query: z.string().nullable().default(null).meta({ description: 'Extension: the search query (spiderMaps).' }),
    priority: z.int().default(0),
    created_at: TimestampSchema,
    updated_at: TimestampSchema,
    worker_id: z.string().nullable(),
  })
  .meta({ description: 'A job in the list.' });
export type JobSummary = z.infer<typeof JobSummarySchema>;

/** `GET /api/v1/jobs/list`. */
export const JobListResponseSchema = z
  .object({
    total: z.int(),
    page: z.int(),
    page_size: z.int(),
    total_pages: z.int(),
    jobs: z.array(JobSummarySchema),
  })
  .meta({
    description: 'A page of the client’s jobs.',
    example: {
      total: 1,
      page: 1,
      page_size: 50,
      total_pages: 1,
      jobs: [
        {
          job_id: '550e8400-e29b-41d4-a716-446655440000',
          type: 'spiderSite',
          status: 'completed',
          url: 'https://example.com',
          query: null,
          priority: 0,
          created_at: '2025-10-27T14:30:02Z',
          updated_at: '2025-10-27T14:30:15Z',
          worker_id: 'spider-site-main-1',
        },
      ],
    },
  });
export type JobListResponse = z.infer<typeof JobListResponseSchema>;

/** `DELETE /api/v1/jobs/{job_id}`. */
export const CancelJobResponseSchema = z
  .object({
    success: z.literal(true),
    job_id: JobIdSchema,
    status: z.literal('cancelled'),
    message: z.string(),
  })
  .meta({
    description: 'The job was cancelled.',
    example: { success: true, job_id: '550e8400-e29b-41d4-a716-446655440000', status: 'cancelled', message: 'Job cancelled successfully' },
  });
export type CancelJobResponse = z.infer<typeof CancelJobResponseSchema>;
