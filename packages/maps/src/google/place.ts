import type { Business } from '@spideriq/schema';
import { googleCategories } from '../categories.js';
import { workingHoursFromGoogle, type GoogleOpeningHours } from '../hours/google.js';
import { priceRangeFromGoogle } from '../price.js';
import type { ProviderListing } from '../providers/provider.js';

/** `{text, languageCode}` as Places API (New) sends localised strings. */
export interface LocalizedText {
  text?: string;
  languageCode?: string;
}

/** A Places API (New) review (maps-providers.md §1.2). */
export interface GoogleReview {
  name?: string;
  relativePublishTimeDescription?: string;
  rating?: number;
  text?: LocalizedText;
  originalText?: LocalizedText;
  authorAttribution?: { displayName?: string; uri?: string; photoUri?: string };
  publishTime?: string;
}

/** A Places API (New) photo reference. */
export interface GooglePhoto {
  name?: string;
  widthPx?: number;
  heightPx?: number;
  authorAttributions?: Array<{ displayName?: string; uri?: string }>;
}

/** The `Place` fields this engine reads. Proto3 JSON omits unset fields, so every one may be missing. */
export interface GooglePlace {
  id?: string;
  displayName?: LocalizedText;
  formattedAddress?: string;
  location?: { latitude?: number; longitude?: number };
  types?: string[];
  primaryType?: string;
  primaryTypeDisplayName?: LocalizedText;
  googleMapsUri?: string;
  businessStatus?: string;
  rating?: number;
  userRatingCount?: number;
  priceLevel?: string;
  websiteUri?: string;
  nationalPhoneNumber?: string;
  internationalPhoneNumber?: string;
  regularOpeningHours?: GoogleOpeningHours;
  reviews?: GoogleReview[];
  photos?: GooglePhoto[];
}

/** `SearchTextResponse`. */
export interface GoogleSearchTextResponse {
  places?: GooglePlace[];
  nextPageToken?: string;
}

const BUSINESS_STATUSES = new Set(['OPERATIONAL', 'CLOSED_TEMPORARILY', 'CLOSED_PERMANENTLY']);

/** Maps Google reviews to the schema's review (author, rating, text, ISO time, language). */
export function reviewsFromGoogle(reviews: readonly GoogleReview[] | undefined): NonNullable<Business['reviews']> {
  return (reviews ?? []).map((review) => ({
    author: review.authorAttribution?.displayName ?? null,
    rating: typeof review.rating === 'number' ? review.rating : null,
    text: review.text?.text ?? review.originalText?.text ?? null,
    time: review.publishTime ?? null,
    language: review.text?.languageCode ?? review.originalText?.languageCode ?? null,
  }));
}

/**
 * Maps Google photos to the schema's photo. `url` is the photo's resource name
 * (`places/{id}/photos/{ref}`): turning it into bytes needs the API key (Place Photos), which must
 * never appear in a job result.
 */
export function photosFromGoogle(photos: readonly GooglePhoto[] | undefined): NonNullable<Business['photos']> {
  return (photos ?? [])
    .filter((photo): photo is GooglePhoto & { name: string } => typeof photo.name === 'string')
    .map((photo) => ({
      url: photo.name,
      width: photo.widthPx ?? null,
      height: photo.heightPx ?? null,
      attribution: photo.authorAttributions?.[0]?.displayName ?? null,
    }));
}

/**
 * Maps a `Place` to a listing (maps-providers.md §5). A field Google did not send is null: a place
 * with no reviews has no rating, never a placeholder. Returns null for a place without id or name.
 */
export function listingFromGooglePlace(place: GooglePlace): ProviderListing | null {
  const name = place.displayName?.text?.trim();
  if (!place.id || !name) return null;
  const { latitude, longitude } = place.location ?? {};
  const coordinates = typeof latitude === 'number' && typeof longitude === 'number' ? { latitude, longitude } : null;
  const status = place.businessStatus && BUSINESS_STATUSES.has(place.businessStatus) ? place.businessStatus : null;
  return {
    business: {
      name,
      place_id: place.id,
      rating: typeof place.rating === 'number' ? place.rating : null,
      reviews_count: typeof place.userRatingCount === 'number' ? place.userRatingCount : null,
      address: place.formattedAddress ?? null,
      phone: place.nationalPhoneNumber ?? place.internationalPhoneNumber ?? null,
      website: place.websiteUri ?? null,
      categories: googleCategories(place.primaryTypeDisplayName?.text, place.types),
      coordinates,
      link: place.googleMapsUri ?? null,
      business_status: status,
      price_range: priceRangeFromGoogle(place.priceLevel),
      working_hours: workingHoursFromGoogle(place.regularOpeningHours),
      reviews: null,
      photos: null,
      source: 'google-places',
    },
    phoneForValidation: place.internationalPhoneNumber ?? place.nationalPhoneNumber ?? null,
    country: null,
  };
}
