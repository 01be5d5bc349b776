import { systemClock, systemSleep } from './http/clock.js';
import { DEFAULT_RETRY_POLICY } from './http/retry.js';
import { MapsConfigError } from './errors.js';
import { IntervalLimiter, processNominatimLimiter } from './osm/limiter.js';
import { NominatimGeocoder } from './osm/nominatim.js';
import {
  DEFAULT_GOOGLE_BASE_URL,
  DEFAULT_NOMINATIM_URL,
  DEFAULT_OVERPASS_URL,
  DEFAULT_USER_AGENT,
  type MapsEngineOptions,
} from './options.js';
import { GooglePlacesProvider } from './providers/google-places.js';
import { OsmProvider } from './providers/osm.js';
import { PROVIDER_IDS, type MapsProvider, type ProviderId } from './providers/provider.js';

/** The provider a configuration selects: the forced one, else Google when a key is set, else OSM. */
export function resolveProviderId(options: Pick<MapsEngineOptions, 'provider' | 'googleApiKey'>): ProviderId {
  if (options.provider !== undefined) {
    if (!PROVIDER_IDS.includes(options.provider)) {
      throw new MapsConfigError(`Unknown maps provider "${String(options.provider)}": set SPIDERIQ_MAPS_PROVIDER to one of ${PROVIDER_IDS.join(', ')}.`, {
        code: 'unknown_provider',
      });
    }
    return options.provider;
  }
  return options.googleApiKey ? 'google-places' : 'osm';
}

function checkUrl(value: string, variable: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`unsupported protocol ${url.protocol}`);
    return value;
  } catch (cause) {
    throw new MapsConfigError(`${variable} must be an http(s) URL (got "${value}").`, { code: 'invalid_url', cause });
  }
}

/**
 * Builds the configured provider. Configuration mistakes throw `MapsConfigError` here, at start-up,
 * instead of failing every job later.
 */
export function createProvider(options: MapsEngineOptions): MapsProvider {
  const id = resolveProviderId(options);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? systemSleep;
  const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  if (id === 'google-places') {
    if (!options.googleApiKey) {
      throw new MapsConfigError('The google-places provider needs an API key: set SPIDERIQ_GOOGLE_PLACES_API_KEY, or set SPIDERIQ_MAPS_PROVIDER=osm.', {
        code: 'missing_api_key',
      });
    }
    const baseUrl = checkUrl(options.googleBaseUrl ?? DEFAULT_GOOGLE_BASE_URL, 'SPIDERIQ_GOOGLE_PLACES_BASE_URL');
    return new GooglePlacesProvider({ apiKey: options.googleApiKey, baseUrl, fetch: fetchImpl, clock, sleep, retry });
  }
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const injectedTime = options.clock !== undefined || options.sleep !== undefined;
  const limiter = options.nominatimLimiter ?? (injectedTime ? new IntervalLimiter(1_000, clock, sleep) : processNominatimLimiter());
  const geocoder = new NominatimGeocoder({
    baseUrl: checkUrl(options.nominatimUrl ?? DEFAULT_NOMINATIM_URL, 'SPIDERIQ_NOMINATIM_URL'),
    userAgent,
    fetch: fetchImpl,
    clock,
    sleep,
    retry,
    limiter,
  });
  const overpassUrl = checkUrl(options.overpassUrl ?? DEFAULT_OVERPASS_URL, 'SPIDERIQ_OVERPASS_URL');
  return new OsmProvider(geocoder, { url: overpassUrl, userAgent, fetch: fetchImpl, clock, sleep, retry });
}
