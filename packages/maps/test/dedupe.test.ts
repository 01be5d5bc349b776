import { describe, expect, it } from 'vitest';
import { comparableName, dedupe, distanceMetres } from '../src/dedupe.js';

const at = (latitude: number, longitude: number) => ({ latitude, longitude });

describe('dedupe', () => {
  it('drops a repeated place id', () => {
    const listings = [
      { name: 'A', place_id: 'p1', coordinates: at(1, 1) },
      { name: 'B', place_id: 'p1', coordinates: at(2, 2) },
    ];
    expect(dedupe(listings).map((l) => l.name)).toEqual(['A']);
  });

  it('drops the same name nearby even with another id (a node and its building)', () => {
    const listings = [
      { name: 'Trattoria Fiorella', place_id: 'osm:node/1', coordinates: at(42.3637402, -71.055419) },
      { name: 'trattoria  fiorella', place_id: 'osm:way/2', coordinates: at(42.3638, -71.0556) },
      { name: 'Trattoria Fiorella', place_id: 'osm:node/3', coordinates: at(42.4, -71.1) },
    ];
    expect(dedupe(listings).map((l) => l.place_id)).toEqual(['osm:node/1', 'osm:node/3']);
  });

  it('keeps different names at the same spot, and listings without coordinates', () => {
    const listings = [
      { name: 'Cafe A', place_id: null, coordinates: at(1, 1) },
      { name: 'Cafe B', place_id: null, coordinates: at(1, 1) },
      { name: 'Cafe A', place_id: null, coordinates: null },
    ];
    expect(dedupe(listings)).toHaveLength(3);
  });

  it('measures distance with the haversine formula', () => {
    expect(distanceMetres(at(0, 0), at(0, 1))).toBeCloseTo(111_195, -2);
    expect(distanceMetres(at(42.3637402, -71.055419), at(42.3638, -71.0556))).toBeLessThan(20);
  });

  it.each([
    ['Café Müller', 'cafe muller'],
    ["Joe's Pizza & Co.", 'joe s pizza co'],
  ])('comparableName(%j) = %j', (input, expected) => {
    expect(comparableName(input)).toBe(expected);
  });
});
