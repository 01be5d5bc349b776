import { JobError } from '@spideriq/jobs/handler';
import type { Clock, Sleep } from '../http/clock.js';
import { fetchWithRetry, type RetryPolicy } from '../http/retry.js';
import type { IntervalLimiter } from './limiter.js';

/** A geocoded "where": the area to search in and the country for phone numbers. */
export interface GeocodedArea {
  displayName: string;
  latitude: number;
  longitude: number;
  /** South, west, north, east. */
  bbox: [number, number, number, number];
  osmType: 'node' | 'way' | 'relation' | null;
  osmId: number | null;
  /** ISO 3166-1 alpha-2, upper case; null when Nominatim gave none. */
  countryCode: string | null;
}

/** One entry of Nominatim's `format=jsonv2` answer (lat/lon and bbox are strings). */
export interface NominatimPlace {
  osm_type?: string;
  osm_id?: number;
  lat?: string;
  lon?: string;
  display_name?: string;
  boundingbox?: [string, string, string, string];
  address?: { country_code?: string; [part: string]: string | undefined };
}

/** What the geocoder needs. */
export interface NominatimConfig {
  baseUrl: string;
  userAgent: string;
  fetch: typeof fetch;
  clock: Clock;
  sleep: Sleep;
  retry: RetryPolicy;
  limiter: IntervalLimiter;
  /** How long a geocode stays cached; the usage policy asks clients to cache. Default 24 h. */
  cacheTtlMs?: number;
  /** Most cached places; the oldest is dropped first. Default 1000. */
  cacheSize?: number;
}

/** Reads the first Nominatim result into an area; null when there is none or it lacks coordinates. */
export function areaFromNominatim(places: readonly NominatimPlace[]): GeocodedArea | null {
  const place = places[0];
  if (!place) return null;
  const latitude = Number(place.lat);
  const longitude = Number(place.lon);
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  const [south, north, west, east] = (place.boundingbox ?? []).map(Number);
  const bbox: [number, number, number, number] =
    [south, west, north, east].every((n) => typeof n === 'number' && Number.isFinite(n))
      ? [south as number, west as number, north as number, east as number]
      : [latitude - 0.05, longitude - 0.05, latitude + 0.05, longitude + 0.05];
  const osmType = place.osm_type === 'node' || place.osm_type === 'way' || place.osm_type === 'relation' ? place.osm_type : null;
  return {
    displayName: place.display_name ?? '',
    latitude,
    longitude,
    bbox,
    osmType,
    osmId: typeof place.osm_id === 'number' ? place.osm_id : null,
    countryCode: place.address?.country_code ? place.address.country_code.toUpperCase() : null,
  };
}

/**
 * Geocodes the "where" of a query with Nominatim `search`, following the public instance's usage
 * policy (maps-providers.md §3.1): every request waits its turn on the shared 1 request/s limiter,
 * carries an identifying User-Agent, and answers are cached (including "no such place").
 */
export class NominatimGeocoder {
  private readonly cache = new Map<string, { area: GeocodedArea | null; expires: number }>();
  private readonly baseUrl: string;

  constructor(private readonly config: NominatimConfig) {
    this.baseUrl = config.baseUrl.replace(/\/+$/, '');
  }

  /** The area for `where`, or null when Nominatim knows no such place. */
  async geocode(where: string, language: string, signal: AbortSignal): Promise<GeocodedArea | null> {
    const key = `${language}|${where.trim().toLowerCase()}`;
    const now = this.config.clock();
    const cached = this.cache.get(key);
    if (cached && cached.expires > now) return cached.area;
    const area = await this.request(where, language, signal);
    this.cache.delete(key);
    this.cache.set(key, { area, expires: now + (this.config.cacheTtlMs ?? 24 * 60 * 60 * 1_000) });
    const limit = this.config.cacheSize ?? 1_000;
    while (this.cache.size > limit) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
    return area;
  }

  private async request(where: string, language: string, signal: AbortSignal): Promise<GeocodedArea | null> {
    const params = new URLSearchParams({ q: where, format: 'jsonv2', limit: '1', addressdetails: '1', 'accept-language': language });
    const url = `${this.baseUrl}/search?${params.toString()}`;
    const send = (): Promise<Response> =>
      this.config.limiter.run(
        () => this.config.fetch(url, { headers: { 'User-Agent': this.config.userAgent, Accept: 'application/json' }, signal }),
        signal,
      );
    const outcome = await fetchWithRetry(send, { policy: this.config.retry, now: this.config.clock, sleep: this.config.sleep, signal });
    if (outcome.failure) {
      const detail = outcome.failure.kind === 'status' ? `HTTP ${outcome.failure.response.status}` : String(outcome.failure.error);
      throw new JobError(
        `Nominatim at ${this.baseUrl} is unavailable (${detail}) after ${outcome.failure.attempts} attempts: retry later, or set SPIDERIQ_NOMINATIM_URL to another instance.`,
        { code: 'provider_unavailable', cause: outcome.failure.kind === 'network' ? outcome.failure.error : undefined },
      );
    }
    const { response } = outcome;
    if (!response.ok) {
      const hint =
        response.status === 403
          ? 'the instance refused this client: set a User-Agent that names your deployment and a contact, or set SPIDERIQ_NOMINATIM_URL to your own instance'
          : 'check SPIDERIQ_NOMINATIM_URL';
      throw new JobError(`Nominatim at ${this.baseUrl} answered HTTP ${response.status}: ${hint}.`, { code: 'provider_rejected' });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new JobError(`Nominatim at ${this.baseUrl} did not answer JSON: check SPIDERIQ_NOMINATIM_URL.`, { code: 'provider_unavailable', cause: error });
    }
    return Array.isArray(body) ? areaFromNominatim(body as NominatimPlace[]) : null;
  }
}
