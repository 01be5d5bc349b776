/** The parts of a listing that decide whether two listings are the same business. */
export interface DedupeKey {
  name: string;
  place_id: string | null;
  coordinates: { latitude: number; longitude: number } | null;
}

/** Two listings with the same name closer than this are one business (a node and its building, say). */
export const NEARBY_METRES = 100;

const EARTH_RADIUS_METRES = 6_371_000;

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Lower case, accents and punctuation removed: "Café Müller" and "cafe muller" compare equal. */
export function comparableName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Remembers accepted listings and rejects repeats: the same place id, or the same name within
 * `NEARBY_METRES`. Stateful so listings can stream through it page by page.
 */
export class Deduplicator {
  private readonly ids = new Set<string>();
  private readonly seen = new Map<string, Array<{ latitude: number; longitude: number }>>();

  /** True (and remembered) when the listing is new; false for a duplicate. */
  accept(listing: DedupeKey): boolean {
    if (listing.place_id !== null && this.ids.has(listing.place_id)) return false;
    const name = comparableName(listing.name);
    const places = this.seen.get(name) ?? [];
    const here = listing.coordinates;
    if (here && places.some((there) => distanceMetres(here, there) < NEARBY_METRES)) return false;
    if (listing.place_id !== null) this.ids.add(listing.place_id);
    if (here) this.seen.set(name, [...places, here]);
    return true;
  }
}

/** Drops repeats from a list, keeping the first (best-ranked) occurrence. */
export function dedupe<T extends DedupeKey>(listings: readonly T[]): T[] {
  const deduplicator = new Deduplicator();
  return listings.filter((listing) => deduplicator.accept(listing));
}
