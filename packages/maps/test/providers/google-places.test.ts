import { JobError } from '@spideriq/jobs';
import { MapsDataSchema } from '@spideriq/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { createMapsHandler } from '../../src/handler.js';
import type { MapsEngineOptions } from '../../src/options.js';
import { googleError, startFakeGooglePlaces, type FakeGooglePlacesOptions } from '@spideriq/testkit';
import type { RunningFake } from '@spideriq/testkit';
import { testContext } from '../support/context.js';
import { fakeTime, type FakeTime } from '../support/fake-time.js';

let fake: RunningFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(fakeOptions: FakeGooglePlacesOptions = {}, engine: Partial<MapsEngineOptions> = {}): Promise<{ fake: RunningFake; time: FakeTime; options: MapsEngineOptions }> {
  fake = await startFakeGooglePlaces(fakeOptions);
  const time = fakeTime();
  return { fake, time, options: { googleApiKey: 'TEST_KEY', googleBaseUrl: fake.url, clock: time.clock, sleep: time.sleep, ...engine } };
}

const FULL_MASK =
  'places.id,places.displayName,places.formattedAddress,places.location,places.types,places.primaryTypeDisplayName,places.googleMapsUri,places.businessStatus,places.rating,places.userRatingCount,places.priceLevel,places.websiteUri,places.nationalPhoneNumber,places.regularOpeningHours,places.internationalPhoneNumber,nextPageToken';

describe('google-places provider: the request', () => {
  it('POSTs Text Search with the key, a field mask sized to the options, and the JSON body', async () => {
    const { fake, options } = await setup();
    await createMapsHandler(options).run({ search_query: 'italian restaurants in Boston', max_results: 5, lang: 'it' }, testContext());
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/places:searchText');
    expect(request?.headers['x-goog-api-key']).toBe('TEST_KEY');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-goog-fieldmask']).toBe(FULL_MASK);
    expect(JSON.parse(request?.body ?? '')).toEqual({ textQuery: 'italian restaurants in Boston', languageCode: 'it', pageSize: 5 });
  });

  it('leaves the international number out of the mask when phones are not validated, and never asks for reviews in the search', async () => {
    const { fake, options } = await setup();
    await createMapsHandler(options).run({ search_query: 'pizza in Boston', max_results: 1, validate_phones: false, extract_reviews: true }, testContext());
    const mask = fake.requests[0]?.headers['x-goog-fieldmask'] ?? '';
    expect(mask).not.toContain('internationalPhoneNumber');
    expect(mask).not.toContain('reviews');
    expect(mask).not.toContain('photos');
    expect(mask.split(',')).toContain('nextPageToken');
  });

  it('joins location into the query', async () => {
    const { fake, options } = await setup();
    const data = await createMapsHandler(options).run({ query: 'plumbers', location: 'Austin, TX', max_results: 1 }, testContext());
    expect(JSON.parse(fake.requests[0]?.body ?? '').textQuery).toBe('plumbers in Austin, TX');
    expect(data.query).toBe('plumbers in Austin, TX');
  });
});

describe('google-places provider: pagination', () => {
  it('follows nextPageToken over three pages and cuts max_results mid-page', async () => {
    const { fake, options } = await setup();
    const ctx = testContext();
    const data = await createMapsHandler(options).run({ search_query: 'restaurants in Boston', max_results: 50 }, ctx);
    expect(fake.requests).toHaveLength(3);
    const bodies = fake.requests.map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(bodies.map((b) => b.pageSize)).toEqual([20, 20, 20]);
    expect(bodies[0]).not.toHaveProperty('pageToken');
    expect(typeof bodies[1]?.pageToken).toBe('string');
    expect(typeof bodies[2]?.pageToken).toBe('string');
    expect(data.results_count).toBe(50);
    expect(data.businesses.at(-1)?.name).toBe('North End Kitchen 050');
    expect(new Set(data.businesses.map((b) => b.place_id)).size).toBe(50);
    expect(ctx.updates.at(-1)).toEqual({ results_found: 50, total: 50 });
    expect(ctx.updates.filter((u) => u.results_found !== undefined).map((u) => u.results_found)).toEqual(Array.from({ length: 51 }, (_, i) => i));
  });

  it('stops where Google stops, at 60, even when 100 are asked for', async () => {
    const { fake, options } = await setup();
    const data = await createMapsHandler(options).run({ search_query: 'restaurants in Boston', max_results: 100 }, testContext());
    expect(fake.requests).toHaveLength(3);
    expect(data.results_count).toBe(60);
    expect(data.metadata.max_results).toBe(100);
  });

  it('asks for one page only when max_results fits in it', async () => {
    const { fake, options } = await setup();
    const data = await createMapsHandler(options).run({ search_query: 'restaurants in Boston', max_results: 20 }, testContext());
    expect(fake.requests).toHaveLength(1);
    expect(data.results_count).toBe(20);
  });

  it('deduplicates a place Google repeats across pages', async () => {
    const { TRATTORIA_FIORELLA, fillerPlace } = await import('@spideriq/testkit');
    const places = [TRATTORIA_FIORELLA, fillerPlace(3), TRATTORIA_FIORELLA, fillerPlace(4)];
    const { options } = await setup({ places });
    const data = await createMapsHandler(options).run({ search_query: 'x in Boston', max_results: 2 }, testContext());
    expect(data.businesses.map((b) => b.name)).toEqual(['Trattoria Fiorella', 'North End Kitchen 003']);
  });
});

describe('google-places provider: the result', () => {
  it('maps §6.1 to the seed shape, with phones validated and nothing invented for missing fields', async () => {
    const { options } = await setup();
    const data = await createMapsHandler(options).run({ search_query: 'italian restaurants in Boston', max_results: 2 }, testContext());
    expect(MapsDataSchema.parse(data)).toEqual(data);
    expect(data.businesses[0]).toEqual({
      name: 'Trattoria Fiorella',
      place_id: 'ChIJq7Xk3Ydw44kR0bPz1mVfQ2s',
      rating: 4.6,
      reviews_count: 1287,
      address: '112 Salem St, Boston, MA 02113, USA',
      phone: '(617) 555-0142',
      website: 'https://trattoriafiorella.example.com/',
      categories: ['Italian Restaurant', 'Restaurant'],
      coordinates: { latitude: 42.3637418, longitude: -71.0554126 },
      link: 'https://maps.google.com/?cid=7710224470919823361',
      business_status: 'OPERATIONAL',
      price_range: '$$',
      working_hours: {
        Monday: 'Closed',
        Tuesday: '5:00-10:00 PM',
        Wednesday: '5:00-10:00 PM',
        Thursday: '5:00-10:00 PM',
        Friday: '11:30 AM-2:30 PM, 5:00-11:00 PM',
        Saturday: '5:00 PM-12:30 AM',
        Sunday: '12:00-9:00 PM',
      },
      phone_e164: '+16175550142',
      phone_national: '(617) 555-0142',
      phone_type: 'FIXED_LINE_OR_MOBILE',
      phone_valid: true,
      reviews: null,
      photos: null,
      source: 'google-places',
    });
    expect(data.businesses[1]).toMatchObject({
      name: 'Forno Sette',
      rating: null,
      reviews_count: null,
      phone: null,
      website: null,
      price_range: null,
      working_hours: null,
      business_status: 'CLOSED_TEMPORARILY',
      categories: ['Pizza Restaurant', 'Italian restaurant', 'Restaurant'],
      phone_e164: null,
      phone_valid: null,
    });
    expect(data.metadata).toEqual({
      max_results: 2,
      extract_reviews: false,
      extract_photos: false,
      language: 'en',
      provider: 'google-places',
      phone_validation: { total: 1, valid: 1, invalid: 0 },
    });
  });

  it('fetches reviews and photos with Place Details only when asked, with a prefix-less mask', async () => {
    const { fake, options } = await setup();
    const data = await createMapsHandler(options).run({ search_query: 'italian restaurants in Boston', max_results: 2, extract_reviews: true, extract_photos: true }, testContext());
    const details = fake.requests.filter((r) => r.method === 'GET');
    expect(details.map((r) => r.url)).toEqual(['/v1/places/ChIJq7Xk3Ydw44kR0bPz1mVfQ2s?languageCode=en', '/v1/places/ChIJ0dY8n4Nw44kRw2LqW0aE9Zc?languageCode=en']);
    expect(details[0]?.headers['x-goog-fieldmask']).toBe('id,reviews,photos');
    expect(details[0]?.headers['x-goog-api-key']).toBe('TEST_KEY');
    expect(data.businesses[0]?.reviews).toEqual([
      { author: 'Jordan P.', rating: 5, text: 'Handmade pappardelle was outstanding and the staff were lovely.', time: '2026-02-14T19:02:11.482913Z', language: 'en' },
    ]);
    expect(data.businesses[0]?.photos).toEqual([
      { url: 'places/ChIJq7Xk3Ydw44kR0bPz1mVfQ2s/photos/AUy1YQ0EXAMPLEPHOTOREF', width: 4032, height: 3024, attribution: 'Trattoria Fiorella' },
    ]);
    expect(data.businesses[1]?.reviews).toEqual([]);
    expect(data.metadata.extract_reviews).toBe(true);
    expect(JSON.stringify(data)).not.toContain('TEST_KEY');
  });

  it('asks Place Details for reviews alone when photos are not wanted', async () => {
    const { fake, options } = await setup();
    const data = await createMapsHandler(options).run({ search_query: 'x in Boston', max_results: 1, extract_reviews: true }, testContext());
    expect(fake.requests[1]?.headers['x-goog-fieldmask']).toBe('id,reviews');
    expect(data.businesses[0]?.photos).toBeNull();
  });
});

const KEY_INVALID_MESSAGE = 'API key not valid. Please pass a valid API key.';

describe('google-places provider: errors', () => {
  it('fails at once on a bad key, saying which variable to fix', async () => {
    const { fake, options } = await setup({}, { googleApiKey: 'WRONG' });
    const run = createMapsHandler(options).run({ search_query: 'x in Boston' }, testContext());
    await expect(run).rejects.toBeInstanceOf(JobError);
    await expect(run).rejects.toMatchObject({
      code: 'provider_rejected',
      retryable: false,
      message: `Google Places API rejected the API key (API_KEY_INVALID): check SPIDERIQ_GOOGLE_PLACES_API_KEY. Google said: ${KEY_INVALID_MESSAGE}`,
    });
    expect(fake.requests).toHaveLength(1);
  });

  it.each([
    ['SERVICE_DISABLED', 'enable "Places API (New)" in Google Cloud Console'],
    ['API_KEY_SERVICE_BLOCKED', "allow \"Places API (New)\" in the key's API restrictions"],
    ['BILLING_DISABLED', 'enable billing'],
  ])('fails at once on 403 %s with the fix', async (reason, hint) => {
    const { fake, time, options } = await setup({ intercept: () => googleError(403, 'PERMISSION_DENIED', 'Permission denied.', reason) });
    const run = createMapsHandler(options).run({ search_query: 'x in Boston' }, testContext());
    await expect(run).rejects.toMatchObject({ code: 'provider_rejected', retryable: false });
    await expect(run).rejects.toThrow(hint);
    await expect(run).rejects.toThrow('Google said: Permission denied.');
    expect(fake.requests).toHaveLength(1);
    expect(time.sleeps).toEqual([]);
  });

  it('fails at once on another 400, quoting Google', async () => {
    const { fake, options } = await setup({ intercept: () => googleError(400, 'INVALID_ARGUMENT', 'Invalid language_code.') });
    await expect(createMapsHandler(options).run({ search_query: 'x in Boston' }, testContext())).rejects.toThrow(
      'Google Places API rejected the request (INVALID_ARGUMENT). Google said: Invalid language_code.',
    );
    expect(fake.requests).toHaveLength(1);
  });

  it('retries a 429, honouring Retry-After, then succeeds', async () => {
    const quota = { ...googleError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded.', 'RATE_LIMIT_EXCEEDED'), headers: { 'Retry-After': '7' } };
    const { fake, time, options } = await setup({ intercept: (_r, i) => (i < 2 ? quota : undefined) });
    const data = await createMapsHandler(options).run({ search_query: 'x in Boston', max_results: 3 }, testContext());
    expect(data.results_count).toBe(3);
    expect(fake.requests).toHaveLength(3);
    expect(time.sleeps).toEqual([7_000, 7_000]);
  });

  it('backs off exponentially on 5xx and then fails clearly', async () => {
    const { fake, time, options } = await setup({ intercept: () => googleError(503, 'UNAVAILABLE', 'The service is currently unavailable.') });
    const run = createMapsHandler(options).run({ search_query: 'x in Boston' }, testContext());
    await expect(run).rejects.toMatchObject({
      code: 'provider_unavailable',
      message: 'Google Places API is unavailable (HTTP 503 UNAVAILABLE) after 4 attempts: retry later. Google said: The service is currently unavailable.',
    });
    expect(fake.requests).toHaveLength(4);
    expect(time.sleeps).toEqual([1_000, 2_000, 4_000]);
  });

  it('fails clearly when the quota stays exhausted', async () => {
    const { options } = await setup({ intercept: () => googleError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded.', 'RATE_LIMIT_EXCEEDED') }, { retry: { retries: 1 } });
    await expect(createMapsHandler(options).run({ search_query: 'x in Boston' }, testContext())).rejects.toThrow(
      'Google Places API quota exceeded (RESOURCE_EXHAUSTED/RATE_LIMIT_EXCEEDED) after 2 attempts: raise the Places API (New) quota in Google Cloud Console or retry later.',
    );
  });

  it('reports an unreachable base URL after retrying', async () => {
    const { options, time } = await setup();
    await fake?.close();
    fake = undefined;
    await expect(createMapsHandler({ ...options, retry: { retries: 2 } }).run({ search_query: 'x in Boston' }, testContext())).rejects.toMatchObject({
      code: 'provider_unavailable',
      message: expect.stringContaining('Could not reach Google Places API at http://127.0.0.1:') as unknown as string,
    });
    expect(time.sleeps).toEqual([1_000, 2_000]);
  });

  it('turns an abort into a cancelled job', async () => {
    const controller = new AbortController();
    const { options } = await setup({
      intercept: () => {
        controller.abort(new Error('cancelled by user'));
        return undefined;
      },
    });
    await expect(createMapsHandler(options).run({ search_query: 'x in Boston', max_results: 50 }, testContext(controller.signal))).rejects.toMatchObject({
      code: 'cancelled',
    });
  });
});
