/**
 * Milliseconds to wait from a `Retry-After` header (RFC 9110 §10.2.3: delay-seconds or an HTTP-date).
 * Returns null when the header is missing or unreadable, so the caller picks its own back-off; a date
 * in the past means "now" (0). One parser for the client, the crawler and the maps providers.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP-date always names its weekday and month; this keeps `-1` from parsing as year -1.
  if (!/^[A-Za-z]{3}, /.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
