import type { Business } from '@spideriq/schema';

/** The providers this engine ships; `metadata.provider` reports which one answered. */
export type ProviderId = 'google-places' | 'osm';

/** Every provider id, for validating `SPIDERIQ_MAPS_PROVIDER`. */
export const PROVIDER_IDS: readonly ProviderId[] = ['google-places', 'osm'];

/** One search, with the payload's defaults applied. */
export interface MapsSearch {
  /** The full query text, e.g. "plumbers in Austin, TX". */
  query: string;
  maxResults: number;
  /** BCP-47 language code for names and localised fields. */
  language: string;
  extractReviews: boolean;
  extractPhotos: boolean;
  validatePhones: boolean;
}

/** The phone-validation fields, which `normalise.ts` fills in the same way for every provider. */
type PhoneFields = 'phone_e164' | 'phone_national' | 'phone_type' | 'phone_valid';

/** A listing as a provider returns it: a business without the phone-validation fields. */
export interface ProviderListing {
  business: Omit<Business, PhoneFields>;
  /** The number libphonenumber should validate (an international form when the provider has one). */
  phoneForValidation: string | null;
  /** ISO 3166-1 alpha-2 country of the place, to read a national phone number; null when unknown. */
  country: string | null;
}

/**
 * A source of business listings. `search` streams listings in the provider's ranking and fetches
 * further pages only as the consumer keeps reading, so stopping at `max_results` costs no extra
 * request. Errors are `JobError`s whose message tells the user what to fix.
 */
export interface MapsProvider {
  readonly id: ProviderId;
  search(search: MapsSearch, signal: AbortSignal): AsyncIterable<ProviderListing>;
  /** Adds reviews and photos to an accepted listing, when the provider keeps them apart. */
  enrich?(listing: ProviderListing, search: MapsSearch, signal: AbortSignal): Promise<ProviderListing>;
}
