/**
 * A pure function's results, remembered for inputs seen before. A site repeats its header, footer and
 * navigation on every page, so the same address block, phone lines and links are read again and again.
 *
 * The memory is two generations of at most `limit` answers each: new answers go into the young one, a hit
 * in the old one is carried over to the young one, and when the young one is full it becomes the old one
 * (the previous old one is dropped). So what was used since the last turnover is always kept, a hit costs
 * one lookup (no reordering, as a strict LRU needs), and at most `2 × limit` answers are held.
 * `key` returns null for inputs not worth remembering (a long unique text). Results are copied out, so a
 * caller may change its copy.
 */
export function memoize<A extends unknown[], R>(
  fn: (...args: A) => R,
  key: (...args: A) => string | null,
  copy: (result: R) => R,
  limit = 2000,
): (...args: A) => R {
  let young = new Map<string, R>();
  let old = new Map<string, R>();
  const remember = (k: string, result: R): void => {
    young.set(k, result);
    if (young.size >= limit) {
      old = young;
      young = new Map();
    }
  };
  return (...args: A): R => {
    const k = key(...args);
    if (k === null) return fn(...args);
    const hit = young.get(k);
    if (hit !== undefined) return copy(hit);
    const older = old.get(k);
    if (older !== undefined) {
      remember(k, older);
      return copy(older);
    }
    const result = fn(...args);
    remember(k, result);
    return copy(result);
  };
}
