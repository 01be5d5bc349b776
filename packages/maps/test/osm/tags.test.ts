import { describe, expect, it } from 'vitest';
import { tagsForWhat, type TagFilter } from '../../src/osm/tags.js';

const exact = (key: string, value: string) => ({ key, value, match: 'exact' as const });
const cuisine = (value: string) => ({ key: 'cuisine', value: `(^|;)\\s*${value}\\s*(;|$)`, match: 'regex' as const });

describe('tagsForWhat', () => {
  it.each<[string, TagFilter[]]>([
    ['plumbers', [[exact('craft', 'plumber')]]],
    ['Klempner', [[exact('craft', 'plumber')]]],
    ['plombier', [[exact('craft', 'plumber')]]],
    ['fontaneros', [[exact('craft', 'plumber')]]],
    ['restaurants', [[exact('amenity', 'restaurant')]]],
    ['restaurantes', [[exact('amenity', 'restaurant')]]],
    ['dentist', [[exact('amenity', 'dentist')], [exact('healthcare', 'dentist')]]],
    ['Zahnarzt', [[exact('amenity', 'dentist')], [exact('healthcare', 'dentist')]]],
    ['dentistes', [[exact('amenity', 'dentist')], [exact('healthcare', 'dentist')]]],
    ['pharmacies', [[exact('amenity', 'pharmacy')], [exact('healthcare', 'pharmacy')]]],
    ['Apotheken', [[exact('amenity', 'pharmacy')], [exact('healthcare', 'pharmacy')]]],
    ['coffee shops', [[exact('amenity', 'cafe')]]],
    ['gyms', [[exact('leisure', 'fitness_centre')]]],
    ['hotels', [[exact('tourism', 'hotel')]]],
    ['italian restaurants', [[exact('amenity', 'restaurant'), cuisine('italian')]]],
    ['sushi', [[exact('amenity', 'restaurant'), cuisine('sushi')], [exact('amenity', 'fast_food'), cuisine('sushi')]]],
  ])('%s', (what, filters) => {
    const result = tagsForWhat(what);
    expect(result.nameFallback).toBe(false);
    expect(result.filters).toEqual(filters);
  });

  it('falls back to a case-insensitive name match, escaping regex characters', () => {
    expect(tagsForWhat('Acme Widgets (HQ)')).toEqual({
      filters: [[{ key: 'name', value: 'Acme Widgets \\(HQ\\)', match: 'regex' }]],
      nameFallback: true,
    });
  });
});
