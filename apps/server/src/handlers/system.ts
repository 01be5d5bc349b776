import type { HealthResponse, InfoResponse, QueueStatsResponse } from '@spideriq/schema';
import type { Runtime } from '../runtime.js';
import { MAX_BODY_BYTES } from '../http/body.js';
import type { Handlers } from '../operations/handler.js';

const outcome = async (check: () => Promise<unknown>): Promise<string | null> => {
  try {
    await check();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

/** The handlers of `/api/v1/system/*`: public health, queue statistics and server information. */
export function systemHandlers(runtime: Runtime): Pick<Handlers, 'getHealth' | 'getQueueStats' | 'getSystemInfo'> {
  return {
    getHealth: async () => {
      const [dbError, storageError] = await Promise.all([outcome(() => runtime.store.ping()), outcome(() => runtime.storage.check())]);
      const workers = runtime.pool.status();
      const count = (type: string) => workers.byType[type]?.total ?? 0;
      const issues: string[] = [];
      if (dbError) issues.push(`database: ${dbError}`);
      if (storageError) issues.push(`storage: ${storageError}`);
      const totalWorkers = count('spiderSite') + count('spiderMaps');
      if (!workers.alive || totalWorkers === 0) issues.push('workers: no worker is polling the queue');
      const status: HealthResponse['status'] = dbError ? 'unhealthy' : issues.length ? 'degraded' : 'healthy';
      const body: HealthResponse = {
        status,
        timestamp: new Date().toISOString(),
        version: runtime.version,
        services: {
          database: dbError ? 'down' : 'up',
          queue: dbError ? 'down' : 'up',
          storage: storageError ? 'down' : 'up',
          workers: { spider_site: count('spiderSite'), spider_maps: count('spiderMaps'), total: totalWorkers, available: workers.alive && totalWorkers > 0 },
        },
        issues,
      };
      return { status: status === 'unhealthy' ? 503 : 200, body };
    },

    getQueueStats: async () => {
      const stats = await runtime.store.stats(new Date());
      const workers = runtime.pool.status().byType;
      const w = (type: string) => workers[type] ?? { active: 0, idle: 0, total: 0 };
      const q = (type: 'spiderSite' | 'spiderMaps') => ({ ...stats.byType[type], total: stats.byType[type].queued + stats.byType[type].processing });
      const body: QueueStatsResponse = {
        timestamp: new Date().toISOString(),
        queues: { spider_site: q('spiderSite'), spider_maps: q('spiderMaps') },
        workers: { spider_site: w('spiderSite'), spider_maps: w('spiderMaps') },
        processing: {
          jobs_last_hour: stats.finishedLastHour,
          jobs_last_24h: stats.finishedLast24h,
          avg_processing_time: stats.avgProcessingSeconds,
          current_rate: Math.round((stats.finishedLast10m / 10) * 100) / 100,
        },
      };
      return { status: 200, body };
    },

    getSystemInfo: () => {
      const body: InfoResponse = {
        name: 'SpiderIQ (open source)',
        version: runtime.version,
        api_version: 'v1',
        job_types: runtime.registry.types(),
        formats: ['json', 'yaml', 'md'],
        features: ['sse-events', 'dedup-24h', 'priority-queue', 'compendium', 'ssrf-guard', 'robots-txt', 'spa-rendering', 'phone-validation'],
        limits: {
          rate_limit_per_minute: runtime.config.rateLimit.perMinute,
          rate_limit_burst: runtime.config.rateLimit.burst,
          max_pages: 50,
          max_results: 100,
          max_body_bytes: MAX_BODY_BYTES,
          priority: { min: 0, max: 10 },
          max_attempts: runtime.config.maxAttempts,
        },
      };
      return { status: 200, body };
    },
  };
}
