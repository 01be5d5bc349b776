import { JobError } from '@spideriq/jobs/handler';
import { exhaustedGoogleError, permanentGoogleError, readGoogleError } from '../google/errors.js';
import { detailsFieldMask, searchFieldMask } from '../google/field-mask.js';
import {
  listingFromGooglePlace,
  photosFromGoogle,
  reviewsFromGoogle,
  type GooglePlace,
  type GoogleSearchTextResponse,
} from '../google/place.js';
import type { Clock, Sleep } from '../http/clock.js';
import { fetchWithRetry, type RetryPolicy } from '../http/retry.js';
import type { MapsProvider, MapsSearch, ProviderListing } from './provider.js';

/** Text Search (New) returns at most 20 places per page… */
export const GOOGLE_PAGE_SIZE = 20;
/** …and at most 60 per query (maps-providers.md §1.4). */
export const GOOGLE_MAX_RESULTS_PER_QUERY = 60;

/** What the Google Places provider needs; the engine fills it from `MapsEngineOptions`. */
export interface GooglePlacesConfig {
  apiKey: string;
  baseUrl: string;
  fetch: typeof fetch;
  clock: Clock;
  sleep: Sleep;
  retry: RetryPolicy;
}

/**
 * Places API (New) over plain fetch (the official SDK needs Node 22): Text Search with a field mask
 * sized to the options, `nextPageToken` pagination, and Place Details for reviews and photos.
 */
export class GooglePlacesProvider implements MapsProvider {
  readonly id = 'google-places' as const;
  private readonly baseUrl: string;

  constructor(private readonly config: GooglePlacesConfig) {
    this.baseUrl = config.baseUrl.replace(/\/+$/, '');
  }

  /**
   * Pages through Text Search. The page size stays the same on every page, because Google rejects a
   * `pageToken` sent with changed parameters; the consumer stops reading at `max_results`.
   */
  async *search(search: MapsSearch, signal: AbortSignal): AsyncGenerator<ProviderListing> {
    const pageSize = Math.min(GOOGLE_PAGE_SIZE, search.maxResults);
    const fieldMask = searchFieldMask({ validatePhones: search.validatePhones });
    const maxPages = Math.ceil(GOOGLE_MAX_RESULTS_PER_QUERY / pageSize);
    let pageToken: string | undefined;
    for (let page = 0; page < maxPages; page += 1) {
      const body = { textQuery: search.query, languageCode: search.language, pageSize, ...(pageToken ? { pageToken } : {}) };
      const response = await this.call<GoogleSearchTextResponse>(
        `${this.baseUrl}/v1/places:searchText`,
        { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } },
        fieldMask,
        signal,
      );
      for (const place of response.places ?? []) {
        const listing = listingFromGooglePlace(place);
        if (listing) yield listing;
      }
      pageToken = response.nextPageToken;
      if (!pageToken) return;
    }
  }

  /** Fetches reviews and/or photos with Place Details (New); Google caps them at 5 and 10. */
  async enrich(listing: ProviderListing, search: MapsSearch, signal: AbortSignal): Promise<ProviderListing> {
    const placeId = listing.business.place_id;
    if (!placeId || (!search.extractReviews && !search.extractPhotos)) return listing;
    const query = new URLSearchParams({ languageCode: search.language });
    const place = await this.call<GooglePlace>(
      `${this.baseUrl}/v1/places/${encodeURIComponent(placeId)}?${query.toString()}`,
      { method: 'GET' },
      detailsFieldMask({ reviews: search.extractReviews, photos: search.extractPhotos }),
      signal,
    );
    return {
      ...listing,
      business: {
        ...listing.business,
        reviews: search.extractReviews ? reviewsFromGoogle(place.reviews) : listing.business.reviews,
        photos: search.extractPhotos ? photosFromGoogle(place.photos) : listing.business.photos,
      },
    };
  }

  private async call<T>(url: string, init: RequestInit, fieldMask: string, signal: AbortSignal): Promise<T> {
    const headers = { ...(init.headers as Record<string, string> | undefined), 'X-Goog-Api-Key': this.config.apiKey, 'X-Goog-FieldMask': fieldMask };
    const outcome = await fetchWithRetry(() => this.config.fetch(url, { ...init, headers, signal }), {
      policy: this.config.retry,
      now: this.config.clock,
      sleep: this.config.sleep,
      signal,
    });
    if (outcome.failure) throw await exhaustedGoogleError(outcome.failure, this.baseUrl);
    const { response } = outcome;
    if (!response.ok) throw permanentGoogleError(await readGoogleError(response));
    try {
      return (await response.json()) as T;
    } catch (error) {
      throw new JobError(`Google Places API at ${this.baseUrl} answered HTTP ${response.status} with a body that is not JSON: check SPIDERIQ_GOOGLE_PLACES_BASE_URL.`, {
        code: 'provider_unavailable',
        cause: error,
      });
    }
  }
}
