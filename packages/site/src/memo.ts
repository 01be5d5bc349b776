/**
 * A pure function's results, remembered for inputs seen before. A site repeats its header, footer and
 * navigation on every page, so the same address block, phone lines and links are read again and again; each
 * memo keeps its latest `limit` answers (oldest dropped first). `key` returns null for inputs
 * not worth remembering (a long unique text). Results are copied out, so a caller may change its copy.
 */
export function memoize<A extends unknown[], R>(
  fn: (...args: A) => R,
  key: (...args: A) => string | null,
  copy: (result: R) => R,
  limit = 2000,
): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args: A): R => {
    const k = key(...args);
    if (k === null) return fn(...args);
    const hit = cache.get(k);
    if (hit !== undefined) {
      cache.delete(k);
      cache.set(k, hit);
      return copy(hit);
    }
    const result = fn(...args);
    cache.set(k, result);
    if (cache.size > limit) cache.delete(cache.keys().next().value!);
    return copy(result);
  };
}
