import { MapsDataSchema } from '@spideriq/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { createMapsHandler } from '../../src/handler.js';
import { IntervalLimiter } from '../../src/osm/limiter.js';
import type { MapsEngineOptions } from '../../src/options.js';
import { OVERPASS_TIMEOUT_REMARK } from '@spideriq/testkit';
import type { RunningFake } from '@spideriq/testkit';
import { startFakeNominatim, type FakeNominatimOptions } from '@spideriq/testkit';
import { overpassQueryOf, startFakeOverpass, type FakeOverpassOptions } from '@spideriq/testkit';
import { testContext } from '../support/context.js';
import { fakeTime, type FakeTime } from '../support/fake-time.js';

const running: RunningFake[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((f) => f.close()));
});

const USER_AGENT = 'SpiderIQ-maps-tests/1.0 (maps@example.com)';

async function setup(
  overpassOptions: FakeOverpassOptions = {},
  nominatimOptions: FakeNominatimOptions = {},
  engine: Partial<MapsEngineOptions> = {},
): Promise<{ nominatim: RunningFake; overpass: RunningFake; time: FakeTime; options: MapsEngineOptions }> {
  const nominatim = await startFakeNominatim(nominatimOptions);
  const overpass = await startFakeOverpass(overpassOptions);
  running.push(nominatim, overpass);
  const time = fakeTime();
  return {
    nominatim,
    overpass,
    time,
    options: { nominatimUrl: nominatim.url, overpassUrl: `${overpass.url}/api/interpreter`, userAgent: USER_AGENT, clock: time.clock, sleep: time.sleep, ...engine },
  };
}

describe('osm provider', () => {
  it('is the default without a Google key, and maps §6.5 into the seed shape with nulls where OSM has nothing', async () => {
    const { nominatim, overpass, options } = await setup();
    const data = await createMapsHandler(options).run({ search_query: 'italian restaurants in Boston', max_results: 10 }, testContext());
    expect(MapsDataSchema.parse(data)).toEqual(data);
    expect(data.metadata.provider).toBe('osm');
    expect(nominatim.requests).toHaveLength(1);
    const geocode = new URL(nominatim.requests[0]?.url ?? '', 'http://x');
    expect(geocode.pathname).toBe('/search');
    expect(Object.fromEntries(geocode.searchParams)).toEqual({ q: 'Boston', format: 'jsonv2', limit: '1', addressdetails: '1', 'accept-language': 'en' });
    expect(nominatim.requests[0]?.headers['user-agent']).toBe(USER_AGENT);
    expect(overpass.requests[0]?.headers['user-agent']).toBe(USER_AGENT);
    expect(overpass.requests[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const query = overpassQueryOf(overpass.requests[0] ?? { method: '', url: '', headers: {}, body: '' });
    expect(query).toContain('area(id:3602315704)->.a;');
    expect(query).toContain('nwr["amenity"="restaurant"]["cuisine"~');
    expect(query).toContain('out center tags');
    // The building outline of Trattoria Fiorella is a duplicate of the node 20 m away.
    expect(data.businesses.map((b) => b.place_id)).toEqual(['osm:node/4416627001', 'osm:way/918273645']);
    expect(data.businesses[0]).toEqual({
      name: 'Trattoria Fiorella',
      place_id: 'osm:node/4416627001',
      rating: null,
      reviews_count: null,
      address: '112 Salem Street, Boston, MA 02113',
      phone: '+1 617-555-0142',
      website: 'https://trattoriafiorella.example.com/',
      categories: ['Restaurant', 'Italian', 'Pizza'],
      coordinates: { latitude: 42.3637402, longitude: -71.055419 },
      link: 'https://www.openstreetmap.org/node/4416627001',
      business_status: 'OPERATIONAL',
      price_range: null,
      working_hours: {
        Monday: 'Closed',
        Tuesday: '5:00-10:00 PM',
        Wednesday: '5:00-10:00 PM',
        Thursday: '5:00-10:00 PM',
        Friday: '11:30 AM-2:30 PM, 5:00-11:00 PM',
        Saturday: '5:00 PM-12:00 AM',
        Sunday: '12:00-9:00 PM',
      },
      phone_e164: '+16175550142',
      phone_national: '(617) 555-0142',
      phone_type: 'FIXED_LINE_OR_MOBILE',
      phone_valid: true,
      reviews: null,
      photos: null,
      source: 'osm',
    });
    expect(data.businesses[1]).toMatchObject({
      name: 'Osteria del Molo',
      address: null,
      phone: '+1 617 555 0199',
      website: 'https://osteriadelmolo.example.org',
      coordinates: { latitude: 42.365117, longitude: -71.0548823 },
      working_hours: null,
    });
  });

  it('finds plumbers in Austin, validates phones with the geocoded country, and counts invalid ones', async () => {
    const { options } = await setup();
    const ctx = testContext();
    const data = await createMapsHandler(options).run({ search_query: 'plumbers in Austin, TX' }, ctx);
    expect(data.businesses.map((b) => b.name)).toEqual(['Lone Star Plumbing Example', 'Emergency Drain Example', 'Bad Number Plumbing Example']);
    expect(data.businesses[1]).toMatchObject({ phone: '(512) 555-0177', phone_e164: '+15125550177', phone_valid: true });
    expect(data.businesses[1]?.working_hours?.Sunday).toBe('Open 24 hours');
    expect(data.businesses[2]).toMatchObject({ phone: '555-12', phone_e164: null, phone_valid: false });
    expect(data.metadata.phone_validation).toEqual({ total: 3, valid: 2, invalid: 1 });
    expect(ctx.updates.at(-1)).toEqual({ results_found: 3, total: 20 });
  });

  it('searches the bounding box when Nominatim returns a node, with German words', async () => {
    const { overpass, options } = await setup();
    const data = await createMapsHandler(options).run({ search_query: 'Zahnarzt in Berlin', lang: 'de' }, testContext());
    expect(overpassQueryOf(overpass.requests[0] ?? { method: '', url: '', headers: {}, body: '' })).toContain('(52.3570365,13.2288599,52.6770365,13.5488599)');
    expect(data.businesses[0]).toMatchObject({ name: 'Zahnarztpraxis Mitte Beispiel', address: 'Rosenthaler Straße 40, 10178 Berlin', phone_national: '030 901820', categories: ['Dentist'] });
  });

  it('fails with a clear message when Nominatim has no result', async () => {
    const { overpass, options } = await setup();
    await expect(createMapsHandler(options).run({ search_query: 'plumbers in Atlantis' }, testContext())).rejects.toMatchObject({
      code: 'invalid_payload',
      message: 'Nominatim found no place matching "Atlantis": check the place after "in" in search_query (e.g. "plumbers in Austin, TX").',
    });
    expect(overpass.requests).toHaveLength(0);
  });

  it('needs a place in the query', async () => {
    const { nominatim, options } = await setup();
    await expect(createMapsHandler(options).run({ search_query: 'plumbers' }, testContext())).rejects.toMatchObject({
      code: 'invalid_payload',
      message: expect.stringContaining('write the query as "{what} in {where}"') as unknown as string,
    });
    expect(nominatim.requests).toHaveLength(0);
  });

  it('fails on an Overpass remark delivered with HTTP 200 instead of returning a short list', async () => {
    const { options } = await setup({ remark: OVERPASS_TIMEOUT_REMARK });
    await expect(createMapsHandler(options).run({ search_query: 'restaurants in Boston' }, testContext())).rejects.toMatchObject({
      code: 'provider_unavailable',
      message: `Overpass could not finish the query: ${OVERPASS_TIMEOUT_REMARK} Retry later, search a smaller area, or set SPIDERIQ_OVERPASS_URL to a less busy instance.`,
    });
  });

  it('retries an overloaded Overpass (429, 504) and then succeeds', async () => {
    const { overpass, time, options } = await setup({
      intercept: (_r, i) => (i === 0 ? { status: 429, body: 'rate_limited', headers: { 'Retry-After': '3' } } : i === 1 ? { status: 504, body: 'Gateway Timeout' } : undefined),
    });
    const data = await createMapsHandler(options).run({ search_query: 'restaurants in Boston' }, testContext());
    expect(overpass.requests).toHaveLength(3);
    expect(time.sleeps).toContain(3_000);
    expect(data.results_count).toBeGreaterThan(0);
  });

  it('says how to fix a refused User-Agent', async () => {
    const { options } = await setup({}, { intercept: () => ({ status: 403, body: 'Access blocked' }) });
    await expect(createMapsHandler(options).run({ search_query: 'restaurants in Boston' }, testContext())).rejects.toThrow(
      'set a User-Agent that names your deployment and a contact',
    );
  });

  it('caches geocodes, including "no such place"', async () => {
    const { nominatim, options } = await setup();
    const handler = createMapsHandler(options);
    await handler.run({ search_query: 'restaurants in Boston' }, testContext());
    await handler.run({ search_query: 'cafes in boston' }, testContext());
    await expect(handler.run({ search_query: 'cafes in Atlantis' }, testContext())).rejects.toThrow('no place');
    await expect(handler.run({ search_query: 'bars in Atlantis' }, testContext())).rejects.toThrow('no place');
    expect(nominatim.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('q'))).toEqual(['Boston', 'Atlantis']);
  });

  it('keeps Nominatim at 1 request/s across concurrent jobs sharing one limiter', async () => {
    const { nominatim, time, options } = await setup();
    const starts: number[] = [];
    const limiter = new IntervalLimiter(1_000, time.clock, time.sleep);
    const recordingFetch: typeof fetch = (input, init) => {
      if (String(input).startsWith(nominatim.url)) starts.push(time.clock());
      return fetch(input, init);
    };
    const handlerA = createMapsHandler({ ...options, nominatimLimiter: limiter, fetch: recordingFetch });
    const handlerB = createMapsHandler({ ...options, nominatimLimiter: limiter, fetch: recordingFetch });
    await Promise.all([
      handlerA.run({ search_query: 'restaurants in Boston' }, testContext()),
      handlerB.run({ search_query: 'plumbers in Austin' }, testContext()),
      handlerA.run({ search_query: 'dentists in Berlin' }, testContext()),
    ]);
    expect(starts).toHaveLength(3);
    const sorted = [...starts].sort((a, b) => a - b);
    expect((sorted[1] ?? 0) - (sorted[0] ?? 0)).toBeGreaterThanOrEqual(1_000);
    expect((sorted[2] ?? 0) - (sorted[1] ?? 0)).toBeGreaterThanOrEqual(1_000);
  });
});
