/** Google types that say nothing about the business (maps-providers.md §5, "Categories"). */
const GENERIC_TYPES = new Set(['point_of_interest', 'establishment', 'food', 'store', 'health', 'premise']);

/** `italian_restaurant` → "Italian restaurant"; `fast_food` → "Fast food". */
export function humaniseType(type: string): string {
  const words = type.replace(/[_:]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Keeps the first spelling of each category, compared case-insensitively; drops empty ones. */
export function uniqueCategories(categories: ReadonlyArray<string | null | undefined>): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const category of categories) {
    const text = category?.trim();
    if (!text) continue;
    const key = text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(text);
  }
  return result;
}

/** Google categories: the localised primary type first, then the specific types, generic ones dropped. */
export function googleCategories(primaryDisplayName: string | null | undefined, types: readonly string[] | null | undefined): string[] {
  return uniqueCategories([primaryDisplayName, ...(types ?? []).filter((t) => !GENERIC_TYPES.has(t)).map(humaniseType)]);
}
