import { z } from 'zod';
import { TimestampSchema } from '../primitives.js';

const up = z.enum(['up', 'down']);

/** `GET /api/v1/system/health`: 200 healthy or degraded, 503 unhealthy. */
export const HealthResponseSchema = z
  .object({
    status: z.enum(['healthy', 'degraded', 'unhealthy']),
    timestamp: TimestampSchema,
    version: z.string(),
    services: z.object({
      database: up.meta({ description: 'The job store answers a query.' }),
      queue: up.meta({ description: 'Jobs can be claimed.' }),
      storage: up.meta({ description: 'The artifact storage is writable.' }),
      workers: z.object({
        spider_site: z.int(),
        spider_maps: z.int(),
        total: z.int(),
        available: z.boolean().meta({ description: 'At least one worker is alive and polling.' }),
      }),
    }),
    issues: z.array(z.string()).meta({ description: 'What is wrong, when not healthy.' }),
  })
  .meta({
    description: 'Service health.',
    example: {
      status: 'healthy',
      timestamp: '2025-10-27T14:30:15Z',
      version: '0.1.0',
      services: { database: 'up', queue: 'up', storage: 'up', workers: { spider_site: 2, spider_maps: 2, total: 4, available: true } },
      issues: [],
    },
  });
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
