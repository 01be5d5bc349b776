import { JobError } from '@spideriq/jobs/handler';
import { completeness, listingFromOsmElement } from '../osm/element.js';
import type { NominatimGeocoder } from '../osm/nominatim.js';
import { runOverpass, type OverpassConfig } from '../osm/overpass.js';
import { buildOverpassQuery } from '../osm/overpass-query.js';
import { tagsForWhat } from '../osm/tags.js';
import { splitQuery } from '../query.js';
import type { MapsProvider, MapsSearch, ProviderListing } from './provider.js';

/**
 * Keyless open data: Nominatim geocodes the "where", Overpass finds POIs by tag inside it
 * (maps-providers.md §3). Rating, review count, price and reviews/photos do not exist in OSM and stay null.
 */
export class OsmProvider implements MapsProvider {
  readonly id = 'osm' as const;

  constructor(
    private readonly geocoder: NominatimGeocoder,
    private readonly overpass: OverpassConfig,
  ) {}

  async *search(search: MapsSearch, signal: AbortSignal): AsyncGenerator<ProviderListing> {
    const { what, where } = splitQuery(search.query, search.language);
    if (where === null) {
      throw new JobError(
        `The osm provider needs a place to search in: write the query as "{what} in {where}", e.g. "plumbers in Austin, TX" (got "${search.query}").`,
        { code: 'invalid_payload' },
      );
    }
    const area = await this.geocoder.geocode(where, search.language, signal);
    if (area === null) {
      throw new JobError(`Nominatim found no place matching "${where}": check the place after "in" in search_query (e.g. "plumbers in Austin, TX").`, {
        code: 'invalid_payload',
      });
    }
    const { filters } = tagsForWhat(what);
    // Ask for a little more than needed: a node and its building may both be tagged and deduplicate to one.
    const limit = Math.min(Math.ceil(search.maxResults * 1.5) + 5, 500);
    const elements = await runOverpass(this.overpass, buildOverpassQuery(filters, area, limit), signal);
    // Richest listings first, so when the handler drops a duplicate it keeps the better-tagged twin.
    const listings = elements
      .map((element) => listingFromOsmElement(element, area.countryCode, search.language))
      .filter((listing): listing is ProviderListing => listing !== null)
      .map((listing, index) => ({ listing, index, score: completeness(listing) }))
      .sort((a, b) => b.score - a.score || a.index - b.index);
    for (const { listing } of listings) yield listing;
  }
}
