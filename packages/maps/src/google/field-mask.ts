/**
 * `X-Goog-FieldMask` values. Google bills a request at the highest tier of any field in its mask
 * (maps-providers.md §1.5), so the masks ask only for what the options need.
 */

/** Fields every search needs for the seed's `Business` (Pro and Enterprise tiers). */
const SEARCH_FIELDS = [
  'id',
  'displayName',
  'formattedAddress',
  'location',
  'types',
  'primaryTypeDisplayName',
  'googleMapsUri',
  'businessStatus',
  'rating',
  'userRatingCount',
  'priceLevel',
  'websiteUri',
  'nationalPhoneNumber',
  'regularOpeningHours',
] as const;

/**
 * Text Search (New) mask. The international number is only requested when phones are validated,
 * because it is what carries the country code. Reviews and photos are not in it: they come from
 * Place Details for the listings actually returned, so a search stays below the Atmosphere tier.
 */
export function searchFieldMask(options: { validatePhones: boolean }): string {
  const fields: string[] = [...SEARCH_FIELDS];
  if (options.validatePhones) fields.push('internationalPhoneNumber');
  return [...fields.map((f) => `places.${f}`), 'nextPageToken'].join(',');
}

/** Place Details (New) mask (no `places.` prefix) for the extras a job asked for. */
export function detailsFieldMask(options: { reviews: boolean; photos: boolean }): string {
  const fields = ['id'];
  if (options.reviews) fields.push('reviews');
  if (options.photos) fields.push('photos');
  return fields.join(',');
}
