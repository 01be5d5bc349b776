import { z } from 'zod';
import { TimestampSchema } from '../primitives.js';

const queueCounts = z.object({ queued: z.int(), processing: z.int(), total: z.int() });
const workerCounts = z.object({ active: z.int(), idle: z.int(), total: z.int() });

/** `GET /api/v1/system/queue-stats`. */
export const QueueStatsResponseSchema = z
  .object({
    timestamp: TimestampSchema,
    queues: z.object({ spider_site: queueCounts, spider_maps: queueCounts }),
    workers: z.object({ spider_site: workerCounts, spider_maps: workerCounts }),
    processing: z.object({
      jobs_last_hour: z.int(),
      jobs_last_24h: z.int(),
      avg_processing_time: z.number().nullable().meta({ description: 'Mean seconds per completed job in the last 24 hours.' }),
      current_rate: z.number().meta({ description: 'Jobs finished per minute over the last 10 minutes.' }),
    }),
  })
  .meta({
    description: 'Queue and worker counts.',
    example: {
      timestamp: '2025-10-27T14:30:15Z',
      queues: { spider_site: { queued: 23, processing: 4, total: 27 }, spider_maps: { queued: 0, processing: 1, total: 1 } },
      workers: { spider_site: { active: 4, idle: 0, total: 4 }, spider_maps: { active: 1, idle: 1, total: 2 } },
      processing: { jobs_last_hour: 342, jobs_last_24h: 2807, avg_processing_time: 12.5, current_rate: 5.7 },
    },
  });
export type QueueStatsResponse = z.infer<typeof QueueStatsResponseSchema>;
