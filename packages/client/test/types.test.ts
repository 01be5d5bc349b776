import { describe, expectTypeOf, it } from 'vitest';
import type { components } from '../src/generated/openapi.js';
import {
  createClient,
  type JobProgressEvent,
  type JobResults,
  type JobStatus,
  type JobStreamEvent,
  type SubmitSiteRequest,
} from '../src/index.js';

// Checked by `pnpm typecheck` (tsc over test/): the public types are the generated ones, not copies.
describe('types derive from the generated OpenAPI', () => {
  it('reuses the generated component types', () => {
    expectTypeOf<JobResults>().toEqualTypeOf<components['schemas']['JobResults']>();
    expectTypeOf<JobProgressEvent>().toEqualTypeOf<components['schemas']['JobProgressEvent']>();
    expectTypeOf<JobStatus>().toEqualTypeOf<'queued' | 'processing' | 'completed' | 'failed' | 'cancelled'>();
  });

  it('narrows stream events on their name', () => {
    const handle = (event: JobStreamEvent): number | null => (event.event === 'job.progress' ? event.pages_crawled : null);
    expectTypeOf(handle).returns.toEqualTypeOf<number | null>();
  });

  it('rejects bodies the API would refuse', () => {
    const client = createClient({ baseUrl: 'http://127.0.0.1:1' });
    const ok: SubmitSiteRequest = { payload: { url: 'https://example.com' } };
    expectTypeOf(client.submitSite).parameter(0).toEqualTypeOf<SubmitSiteRequest>();
    // @ts-expect-error url is required
    const missingUrl: SubmitSiteRequest = { payload: {} };
    // @ts-expect-error webhook_events are the terminal job events
    const badEvent: SubmitSiteRequest = { payload: { url: 'https://example.com' }, webhook_url: 'https://h.example/', webhook_events: ['job.progress'] };
    expectTypeOf(badEvent).toBeObject();
    // @ts-expect-error crawl_strategy is an enum
    const badStrategy: SubmitSiteRequest = { payload: { url: 'https://example.com', crawl_strategy: 'random' } };
    expectTypeOf([ok, missingUrl, badStrategy]).toBeArray();
  });
});
