import { describe, expect, it } from 'vitest';
import { areaFromNominatim } from '../../src/osm/nominatim.js';
import { buildOverpassQuery, overpassAreaId, quoteQl } from '../../src/osm/overpass-query.js';
import { tagsForWhat } from '../../src/osm/tags.js';
import { NOMINATIM_BERLIN_NODE, NOMINATIM_BOSTON } from '@spideriq/testkit';

describe('buildOverpassQuery', () => {
  it('queries the boundary area of a relation, one statement per alternative, with center output', () => {
    const area = areaFromNominatim([NOMINATIM_BOSTON]);
    if (!area) throw new Error('fixture should geocode');
    const query = buildOverpassQuery(tagsForWhat('italian restaurants').filters, area, 30);
    expect(query).toBe(
      [
        '[out:json][timeout:60];',
        'area(id:3602315704)->.a;',
        '(',
        '  nwr["amenity"="restaurant"]["cuisine"~"(^|;)\\\\s*italian\\\\s*(;|$)",i]["name"](area.a);',
        ');',
        'out center tags 30;',
      ].join('\n'),
    );
  });

  it('falls back to the bounding box (south, west, north, east) for a node', () => {
    const area = areaFromNominatim([NOMINATIM_BERLIN_NODE]);
    if (!area) throw new Error('fixture should geocode');
    const query = buildOverpassQuery(tagsForWhat('Zahnarzt').filters, area, 10);
    expect(query).not.toContain('area(');
    expect(query).toContain('nwr["amenity"="dentist"]["name"](52.3570365,13.2288599,52.6770365,13.5488599);');
    expect(query).toContain('nwr["healthcare"="dentist"]["name"](52.3570365,13.2288599,52.6770365,13.5488599);');
  });

  it.each([
    [{ osmType: 'relation' as const, osmId: 2315704 }, 3602315704],
    [{ osmType: 'way' as const, osmId: 100 }, 2400000100],
    [{ osmType: 'node' as const, osmId: 100 }, null],
    [{ osmType: null, osmId: null }, null],
  ])('overpassAreaId(%j) = %s', (area, expected) => {
    expect(overpassAreaId(area)).toBe(expected);
  });

  it('escapes quotes and backslashes in literals', () => {
    expect(quoteQl('Joe\'s "Best" \\ Pizza')).toBe('"Joe\'s \\"Best\\" \\\\ Pizza"');
  });
});

describe('areaFromNominatim', () => {
  it('reads string coordinates and reorders the bounding box', () => {
    expect(areaFromNominatim([NOMINATIM_BOSTON])).toEqual({
      displayName: 'Boston, Suffolk County, Massachusetts, United States',
      latitude: 42.3554334,
      longitude: -71.060511,
      bbox: [42.2279112, -71.191249, 42.400847, -70.8044881],
      osmType: 'relation',
      osmId: 2315704,
      countryCode: 'US',
    });
  });

  it('is null for no result', () => {
    expect(areaFromNominatim([])).toBeNull();
  });
});
