import OpeningHours from 'opening_hours';
import { weekHours, type WeekInterval, type WorkingHours } from './week.js';

const MINUTE_MS = 60_000;
const DAY = 24 * 60;
const WEEK = 7 * DAY;
/**
 * Monday 2024-01-08 00:00 local time is the reference week. It has no daylight-saving change in any
 * zone, and with no country passed to the library public-holiday rules (`PH off`) never apply, so the
 * result is the place's regular week (maps-providers.md §3.4).
 */
const REFERENCE_MONDAY = { year: 2024, month: 0, day: 8 };

/** Where the place is, so `sunrise`/`sunset` rules are evaluated for the right latitude. */
export interface OsmHoursLocation {
  latitude: number;
  longitude: number;
}

/**
 * Parses an OSM `opening_hours` value with the `opening_hours` library into `working_hours`.
 * Intervals in "unknown" state (a fallback such as `|| "by appointment"`) are not counted as open.
 * Returns null when the value does not parse: an unreadable tag is unknown hours, not "Closed".
 */
export function workingHoursFromOsm(value: string | null | undefined, location?: OsmHoursLocation | null): WorkingHours | null {
  if (!value || value.trim() === '') return null;
  let parsed: OpeningHours;
  try {
    const nominatim = location
      ? { lat: location.latitude, lon: location.longitude, address: { country_code: '', state: '' } }
      : null;
    parsed = new OpeningHours(value.trim(), nominatim, 0);
  } catch {
    return null;
  }
  const { year, month, day } = REFERENCE_MONDAY;
  const monday = new Date(year, month, day);
  // Start on the Sunday before so an overnight shift from that Sunday is seen opening before Monday.
  const from = new Date(year, month, day - 1);
  const to = new Date(year, month, day + 8);
  const intervals: WeekInterval[] = [];
  for (const [start, end, unknown] of parsed.getOpenIntervals(from, to)) {
    if (unknown) continue;
    const startMinute = Math.round((start.getTime() - monday.getTime()) / MINUTE_MS);
    const endMinute = Math.round((end.getTime() - monday.getTime()) / MINUTE_MS);
    if (startMinute >= WEEK) continue;
    const long = endMinute - startMinute >= DAY;
    // The tail of an overnight shift that opened on the Sunday before belongs to that Sunday.
    if (startMinute < 0 && !long) continue;
    intervals.push({ start: Math.max(startMinute, 0), end: long ? Math.min(endMinute, WEEK) : endMinute });
  }
  return weekHours(intervals);
}
