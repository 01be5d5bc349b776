import type { GeocodedArea } from './nominatim.js';
import type { TagCondition, TagFilter } from './tags.js';

/** Overpass area ids are the relation id + 3 600 000 000, or the way id + 2 400 000 000 (maps-providers.md §3.2). */
export function overpassAreaId(area: Pick<GeocodedArea, 'osmType' | 'osmId'>): number | null {
  if (area.osmId === null) return null;
  if (area.osmType === 'relation') return 3_600_000_000 + area.osmId;
  if (area.osmType === 'way') return 2_400_000_000 + area.osmId;
  return null;
}

/** Quotes an Overpass QL string literal. */
export function quoteQl(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function condition(c: TagCondition): string {
  return c.match === 'exact' ? `[${quoteQl(c.key)}=${quoteQl(c.value)}]` : `[${quoteQl(c.key)}~${quoteQl(c.value)},i]`;
}

/**
 * Builds the Overpass QL for POIs matching any filter inside the area: the boundary's area when
 * Nominatim returned a relation or way, else its bounding box. Only named POIs are asked for (an
 * unnamed one cannot be a listing), and `out center tags` gives ways and relations a point.
 */
export function buildOverpassQuery(filters: readonly TagFilter[], area: GeocodedArea, limit: number, timeoutSeconds = 60): string {
  const areaId = overpassAreaId(area);
  const scope = areaId !== null ? '(area.a)' : `(${area.bbox.join(',')})`;
  const lines = [`[out:json][timeout:${timeoutSeconds}];`];
  if (areaId !== null) lines.push(`area(id:${areaId})->.a;`);
  lines.push('(');
  for (const filter of filters) {
    const named = filter.some((c) => c.key === 'name') ? '' : '["name"]';
    lines.push(`  nwr${filter.map(condition).join('')}${named}${scope};`);
  }
  lines.push(');');
  lines.push(`out center tags ${limit};`);
  return lines.join('\n');
}
