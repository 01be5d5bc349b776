import { JobError } from '@spideriq/jobs';
import type { JobHandler } from '@spideriq/jobs';
import { MapsDataSchema, SiteDataSchema, SpiderMapsPayloadSchema, SpiderSitePayloadSchema, SOCIAL_PLATFORMS, mapsQueryText } from '@spideriq/schema';
import type { MapsData, SiteData, SpiderMapsPayload, SpiderSitePayload } from '@spideriq/schema';
import type { RegisterEngines } from '@spideriq/server';

/** Every run a test handler starts, in order (priority and re-run tests read it). */
export const runLog: string[] = [];

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

/** A valid, flat SiteData for a URL. */
export function siteData(url: string, pages = 1): SiteData {
  return SiteDataSchema.parse({
    url,
    pages_crawled: pages,
    crawl_status: 'success',
    emails: ['contact@example.org'],
    phones: ['+1 415-555-0123'],
    addresses: [],
    ...Object.fromEntries(SOCIAL_PLATFORMS.map((p) => [p, null])),
    markdown_compendium: null,
    compendium: null,
    company_vitals: null,
    pain_points: null,
    lead_scoring: null,
    team_members: [],
    personalization_hooks: null,
    metadata: { spa_enabled: false, sitemap_used: false, browser_rendering_available: false, crawl_strategy: 'bestfirst', total_emails_found: 1, total_phones_found: 1 },
  });
}

/**
 * A stand-in spiderSite handler steered by the URL's host, so API tests do not depend on crawling:
 * `ok.test` completes, `slow.test/?ms=N` takes N ms (reporting progress), `fail.test` fails for good,
 * `flaky.test` throws a retryable error, `hang.test` ignores its abort signal forever.
 */
export const testSiteHandler: JobHandler<SpiderSitePayload, SiteData> = {
  type: 'spiderSite',
  payloadSchema: SpiderSitePayloadSchema,
  async run(payload, ctx) {
    const url = new URL(payload.url);
    runLog.push(payload.url);
    switch (url.hostname) {
      case 'slow.test': {
        const total = Number(url.searchParams.get('ms') ?? '500');
        for (let done = 0, page = 1; done < total; done += 50, page++) {
          await sleep(Math.min(50, total - done), ctx.signal);
          ctx.progress({ pages_crawled: page, total: Math.ceil(total / 50), message: `${url.origin}/page-${page}` });
        }
        return siteData(payload.url, Math.ceil(total / 50));
      }
      case 'fail.test':
        throw new JobError('Failed to connect to target URL: connection refused', { code: 'fetch_failed' });
      case 'flaky.test':
        throw new Error(`flaky attempt ${ctx.attempt}`);
      case 'hang.test':
        return new Promise<SiteData>(() => undefined);
      default:
        return siteData(payload.url);
    }
  },
};

/** A stand-in spiderMaps handler: one listing named after the query. */
export const testMapsHandler: JobHandler<SpiderMapsPayload, MapsData> = {
  type: 'spiderMaps',
  payloadSchema: SpiderMapsPayloadSchema,
  async run(payload) {
    const query = mapsQueryText(payload);
    return MapsDataSchema.parse({
      query,
      results_count: 1,
      businesses: [
        {
          name: `Result for ${query}`,
          place_id: 'test:1',
          rating: null,
          reviews_count: null,
          address: '1 Test Street',
          phone: null,
          website: null,
          categories: ['plumber'],
          coordinates: { latitude: 30.27, longitude: -97.74 },
          link: null,
          business_status: 'OPERATIONAL',
          price_range: null,
          working_hours: null,
        },
      ],
      metadata: { max_results: payload.max_results ?? 20, extract_reviews: false, extract_photos: false, language: payload.lang ?? 'en' },
    });
  },
};

/** Registers the two stand-in handlers. */
export const registerTestEngines: RegisterEngines = (registry) => {
  registry.register(testSiteHandler, SiteDataSchema);
  registry.register(testMapsHandler, MapsDataSchema);
};
