/** The `$`…`$$$$` scale SpiderIQ reports as `price_range`. */
export type PriceRange = '$' | '$$' | '$$$' | '$$$$';

const GOOGLE_PRICE_LEVELS: Record<string, PriceRange> = {
  PRICE_LEVEL_INEXPENSIVE: '$',
  PRICE_LEVEL_MODERATE: '$$',
  PRICE_LEVEL_EXPENSIVE: '$$$',
  PRICE_LEVEL_VERY_EXPENSIVE: '$$$$',
};

/**
 * Maps Google's `priceLevel` enum to the `$` scale. FREE and UNSPECIFIED have no place on that scale,
 * so they become null rather than a made-up `$` (maps-providers.md §5).
 */
export function priceRangeFromGoogle(priceLevel: string | null | undefined): PriceRange | null {
  if (!priceLevel) return null;
  return GOOGLE_PRICE_LEVELS[priceLevel] ?? null;
}
