import { humaniseType, uniqueCategories } from '../categories.js';
import { workingHoursFromOsm } from '../hours/osm.js';
import type { ProviderListing } from '../providers/provider.js';

/** One element of an Overpass `[out:json]` answer with `out center tags`. */
export interface OverpassElement {
  type: 'node' | 'way' | 'relation';
  id: number;
  lat?: number;
  lon?: number;
  center?: { lat: number; lon: number };
  tags?: Record<string, string>;
}

/** Keys whose value names what the place is, most specific first. */
const CATEGORY_KEYS = ['craft', 'shop', 'amenity', 'healthcare', 'tourism', 'office', 'leisure'];

/** Countries that write the house number before the street ("112 Salem Street"). */
const NUMBER_FIRST = new Set(['US', 'CA', 'GB', 'IE', 'AU', 'NZ', 'FR', 'LU', 'ZA', 'IN', 'SG', 'MY', 'PH']);

/**
 * Composes an address from `addr:*` tags (or `addr:full`). Without a street there is no address:
 * a city alone would pass for one and mislead.
 */
export function addressFromTags(tags: Record<string, string>, country: string | null): string | null {
  if (tags['addr:full']) return tags['addr:full'];
  const street = tags['addr:street'] ?? tags['addr:place'];
  if (!street) return null;
  const number = tags['addr:housenumber'];
  const numberFirst = country === null || NUMBER_FIRST.has(country);
  const line1 = number ? (numberFirst ? `${number} ${street}` : `${street} ${number}`) : street;
  const city = tags['addr:city'];
  const postcode = tags['addr:postcode'];
  const state = tags['addr:state'];
  const parts = [line1];
  if (numberFirst) {
    if (city) parts.push(city);
    const region = [state, postcode].filter(Boolean).join(' ');
    if (region) parts.push(region);
  } else {
    const locality = [postcode, city].filter(Boolean).join(' ');
    if (locality) parts.push(locality);
  }
  return parts.join(', ');
}

/** Categories from the tag values: `craft=plumber` → "Plumber", `cuisine=italian;pizza` → "Italian", "Pizza". */
export function categoriesFromTags(tags: Record<string, string>): string[] {
  const values = CATEGORY_KEYS.map((key) => tags[key]).filter((v): v is string => Boolean(v) && v !== 'yes');
  const cuisines = (tags.cuisine ?? '').split(';').map((c) => c.trim()).filter(Boolean);
  return uniqueCategories([...values, ...cuisines].map(humaniseType));
}

function firstValue(value: string | undefined): string | null {
  const first = value?.split(';')[0]?.trim();
  return first ? first : null;
}

/**
 * Maps an OSM element to a listing (maps-providers.md §3.3). OSM has no rating, review count or
 * price level, so those are null. A POI carries its function un-prefixed only while it operates
 * (a closed one is retagged `disused:*`/`was:*` and no longer matches), hence `OPERATIONAL`.
 */
export function listingFromOsmElement(element: OverpassElement, country: string | null, language: string): ProviderListing | null {
  const tags = element.tags ?? {};
  const name = (tags[`name:${language}`] ?? tags.name)?.trim();
  if (!name) return null;
  const lat = element.lat ?? element.center?.lat;
  const lon = element.lon ?? element.center?.lon;
  const coordinates = typeof lat === 'number' && typeof lon === 'number' ? { latitude: lat, longitude: lon } : null;
  const phone = firstValue(tags.phone ?? tags['contact:phone'] ?? tags['contact:mobile']);
  return {
    business: {
      name,
      place_id: `osm:${element.type}/${element.id}`,
      rating: null,
      reviews_count: null,
      address: addressFromTags(tags, country),
      phone,
      website: firstValue(tags.website ?? tags['contact:website'] ?? tags.url),
      categories: categoriesFromTags(tags),
      coordinates,
      link: `https://www.openstreetmap.org/${element.type}/${element.id}`,
      business_status: 'OPERATIONAL',
      price_range: null,
      working_hours: workingHoursFromOsm(tags.opening_hours, coordinates),
      reviews: null,
      photos: null,
      source: 'osm',
    },
    phoneForValidation: phone,
    country,
  };
}

/** How much contact data a listing has; Overpass returns elements by id, so this ranks them instead. */
export function completeness(listing: ProviderListing): number {
  const b = listing.business;
  return [b.phone, b.website, b.address, b.working_hours].filter((v) => v !== null).length;
}
