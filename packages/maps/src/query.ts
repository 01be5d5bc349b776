/**
 * Splits a free-text maps query into the business ("what") and the place ("where").
 *
 * Users write "plumbers in Austin, TX", "Zahnarzt in Berlin", "restaurantes en Madrid" or
 * "plombier à Lyon". The keyless OSM provider must geocode the place on its own, so the split
 * matters there; Google receives the query verbatim.
 */
export interface SplitQuery {
  /** The business part, for example "plumbers". Never empty. */
  what: string;
  /** The place part, for example "Austin, TX"; null when the query names no place. */
  where: string | null;
}

/**
 * Separators that are unambiguous in any language (none is a common word inside a business name),
 * longest first so "près de" wins over a shorter match.
 */
const UNIVERSAL_SEPARATORS = [
  'in the area of',
  'près de',
  'pres de',
  'cerca de',
  'perto de',
  'vicino a',
  'in der nähe von',
  'around',
  'near',
  'nahe',
  'bei',
  'in',
  'en',
  'em',
  'à',
];

/** Separators that only mean "in" in one language; "a" is an English article, so it needs `lang`. */
const LANGUAGE_SEPARATORS: Record<string, string[]> = {
  it: ['a'],
  es: ['a'],
  pt: ['no', 'na'],
  nl: ['bij'],
  fr: ['au', 'aux'],
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Splits on the LAST separator surrounded by spaces, because the place is the tail of the query
 * ("bed and breakfast in a barn in Vermont" → where = "Vermont"). A query with no separator has no place.
 */
export function splitQuery(query: string, lang = 'en'): SplitQuery {
  const text = query.trim().replace(/\s+/g, ' ');
  const language = lang.toLowerCase().split(/[-_]/)[0] ?? 'en';
  const separators = [...UNIVERSAL_SEPARATORS, ...(LANGUAGE_SEPARATORS[language] ?? [])];
  const pattern = new RegExp(`\\s(${separators.map(escapeRegExp).join('|')})\\s`, 'giu');
  let last: { index: number; length: number } | null = null;
  for (const match of text.matchAll(pattern)) {
    const what = text.slice(0, match.index).trim();
    if (what.length > 0) last = { index: match.index, length: match[0].length };
  }
  if (last === null) return { what: text, where: null };
  const where = text.slice(last.index + last.length).trim();
  return { what: text.slice(0, last.index).trim(), where: where.length > 0 ? where : null };
}
