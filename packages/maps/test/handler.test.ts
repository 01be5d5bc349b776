import { SpiderMapsPayloadSchema } from '@spideriq/schema';
import { describe, expect, it } from 'vitest';
import { createProvider, resolveProviderId } from '../src/engine.js';
import { MapsConfigError } from '../src/errors.js';
import { createMapsHandler, searchFromPayload } from '../src/handler.js';

describe('createMapsHandler', () => {
  it('registers as spiderMaps with the schema payload validator', () => {
    const handler = createMapsHandler({ nominatimUrl: 'http://127.0.0.1:9', overpassUrl: 'http://127.0.0.1:9/api/interpreter' });
    expect(handler.type).toBe('spiderMaps');
    expect(handler.payloadSchema).toBe(SpiderMapsPayloadSchema);
  });

  it.each([
    [{}, 'osm'],
    [{ googleApiKey: 'k' }, 'google-places'],
    [{ googleApiKey: 'k', provider: 'osm' as const }, 'osm'],
    [{ provider: 'osm' as const }, 'osm'],
  ])('resolveProviderId(%j) = %s', (options, expected) => {
    expect(resolveProviderId(options)).toBe(expected);
  });

  it('refuses a forced google-places without a key at start-up', () => {
    expect(() => createProvider({ provider: 'google-places' })).toThrow(MapsConfigError);
    expect(() => createProvider({ provider: 'google-places' })).toThrow('set SPIDERIQ_GOOGLE_PLACES_API_KEY');
  });

  it('refuses an unknown provider and a bad URL, naming the variable', () => {
    expect(() => createProvider({ provider: 'bing' as 'osm' })).toThrow('SPIDERIQ_MAPS_PROVIDER');
    expect(() => createProvider({ googleApiKey: 'k', googleBaseUrl: 'places.googleapis.com' })).toThrow('SPIDERIQ_GOOGLE_PLACES_BASE_URL must be an http(s) URL');
    expect(() => createProvider({ overpassUrl: 'ftp://x' })).toThrow('SPIDERIQ_OVERPASS_URL');
  });

  it('applies the payload defaults', () => {
    expect(searchFromPayload({ search_query: 'plumbers in Austin' })).toEqual({
      query: 'plumbers in Austin',
      maxResults: 20,
      language: 'en',
      extractReviews: false,
      extractPhotos: false,
      validatePhones: true,
    });
    expect(searchFromPayload({ query: 'cafes', search_query: 'bars in Rome', location: 'Italy' }).query).toBe('bars in Rome in Italy');
  });

  it.each([[{}], [{ search_query: '' }], [{ search_query: 'x', max_results: 0 }], [{ search_query: 'x', max_results: 101 }]])(
    'the payload schema rejects %j (the API answers 422)',
    (payload) => {
      expect(SpiderMapsPayloadSchema.safeParse(payload).success).toBe(false);
    },
  );
});
