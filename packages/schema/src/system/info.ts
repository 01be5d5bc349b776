import { z } from 'zod';
import { JobTypeSchema } from '../primitives.js';

/** `GET /api/v1/system/info`. */
export const InfoResponseSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    api_version: z.literal('v1'),
    job_types: z.array(JobTypeSchema),
    formats: z.array(z.string()),
    features: z.array(z.string()),
    limits: z.object({
      rate_limit_per_minute: z.int(),
      rate_limit_burst: z.int(),
      max_pages: z.int(),
      max_results: z.int(),
      max_body_bytes: z.int(),
      priority: z.object({ min: z.int(), max: z.int() }),
      max_attempts: z.int(),
    }),
  })
  .meta({
    description: 'Server version, job types and limits.',
    example: {
      name: 'SpiderIQ (open source)',
      version: '0.1.0',
      api_version: 'v1',
      job_types: ['spiderSite', 'spiderMaps'],
      formats: ['json', 'yaml', 'md'],
      features: ['sse', 'dedup-24h', 'compendium'],
      limits: { rate_limit_per_minute: 100, rate_limit_burst: 20, max_pages: 50, max_results: 100, max_body_bytes: 1048576, priority: { min: 0, max: 10 }, max_attempts: 3 },
    },
  });
export type InfoResponse = z.infer<typeof InfoResponseSchema>;
