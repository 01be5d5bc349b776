import { z } from 'zod';

/** The job types this server runs. */
export const JobTypeSchema = z
  .enum(['spiderSite', 'spiderMaps'])
  .meta({ description: 'Job type: `spiderSite` crawls a website, `spiderMaps` searches business listings.', example: 'spiderSite' });
export type JobType = z.infer<typeof JobTypeSchema>;

/** Lifecycle: queued → processing → completed | failed; queued | processing → cancelled. */
export const JobStatusSchema = z
  .enum(['queued', 'processing', 'completed', 'failed', 'cancelled'])
  .meta({ description: 'Job status. `completed`, `failed` and `cancelled` are terminal.', example: 'completed' });
export type JobStatus = z.infer<typeof JobStatusSchema>;

/** Job identifiers are UUIDs. */
export const JobIdSchema = z
  .uuid()
  .meta({ description: 'The unique identifier of the job (UUID).', example: '550e8400-e29b-41d4-a716-446655440000' });

/** An ISO 8601 timestamp in UTC. */
export const TimestampSchema = z
  .string()
  .meta({ description: 'ISO 8601 timestamp (UTC).', example: '2025-10-27T14:30:15Z' });

/** Queue priority; higher runs first, equal priorities run first in, first out. */
export const PrioritySchema = z
  .int()
  .min(0)
  .max(10)
  .meta({ description: 'Queue priority from 0 to 10. Higher runs first; equal priorities run in submission order.', example: 0 });

/** The response formats every GET offers. */
export const FormatSchema = z
  .enum(['json', 'yaml', 'md'])
  .meta({
    description:
      'Response format. `json` (default), `yaml` (same shape, null fields dropped, fewer tokens) or `md` (Markdown for people and agents).',
    example: 'yaml',
  });
export type Format = z.infer<typeof FormatSchema>;

/** `?format=` on every GET. */
export const FormatQuerySchema = z.object({ format: FormatSchema.optional() });
export type FormatQuery = z.infer<typeof FormatQuerySchema>;

/** An absolute http(s) URL. */
export const HttpUrlSchema = z
  .string()
  .min(1)
  .max(2048)
  .refine((value) => /^https?:\/\/[^\s/?#]+/i.test(value) && URL.canParse(value), {
    message: 'must be an absolute http:// or https:// URL, including the scheme',
  });
