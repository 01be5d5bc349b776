import type { Clock, Sleep } from './http/clock.js';
import type { RetryPolicy } from './http/retry.js';
import type { IntervalLimiter } from './osm/limiter.js';
import type { ProviderId } from './providers/provider.js';

/** Public Places API (New) endpoint. */
export const DEFAULT_GOOGLE_BASE_URL = 'https://places.googleapis.com';
/** Public OSMF Nominatim instance (usage policy: 1 request/s, identifying User-Agent). */
export const DEFAULT_NOMINATIM_URL = 'https://nominatim.openstreetmap.org';
/** Public Overpass instance's interpreter endpoint. */
export const DEFAULT_OVERPASS_URL = 'https://overpass-api.de/api/interpreter';
/** Identifies the software; deployments should add a contact (the public instances ask for one). */
export const DEFAULT_USER_AGENT = 'SpiderIQ-maps/0.1 (self-hosted; +https://github.com/spideriq-oss/spideriq)';

/**
 * Configuration of the SpiderMaps engine. The server builds it once from the environment
 * (`SPIDERIQ_MAPS_PROVIDER`, `SPIDERIQ_GOOGLE_PLACES_API_KEY`, … see the README); nothing in this
 * package reads `process.env`.
 */
export interface MapsEngineOptions {
  /** Forces a provider. Default: `google-places` when `googleApiKey` is set, else `osm`. */
  provider?: ProviderId;
  /** Places API (New) key (`SPIDERIQ_GOOGLE_PLACES_API_KEY`). */
  googleApiKey?: string;
  /** Default `https://places.googleapis.com` (`SPIDERIQ_GOOGLE_PLACES_BASE_URL`). */
  googleBaseUrl?: string;
  /** Nominatim base URL, without `/search` (`SPIDERIQ_NOMINATIM_URL`). */
  nominatimUrl?: string;
  /** Overpass interpreter URL, e.g. `https://overpass-api.de/api/interpreter` (`SPIDERIQ_OVERPASS_URL`). */
  overpassUrl?: string;
  /** Sent to Nominatim and Overpass; should name your deployment and a contact. */
  userAgent?: string;
  /** HTTP client; default the global fetch. */
  fetch?: typeof fetch;
  /** Injected time, for tests. */
  clock?: Clock;
  /** Injected waiting, for tests (backoff and the Nominatim limiter wait through it). */
  sleep?: Sleep;
  /** Backoff for HTTP 429/5xx and dropped connections. */
  retry?: Partial<RetryPolicy>;
  /**
   * The Nominatim limiter. Default: the process-wide one, or a private one on the injected
   * clock/sleep when those are given (so tests never wait in real time).
   */
  nominatimLimiter?: IntervalLimiter;
}
