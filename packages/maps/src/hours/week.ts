/**
 * The shared core of both hours parsers: a list of open intervals on a reference week becomes the
 * seven-day map SpiderIQ reports as `working_hours` (maps-providers.md §5, "Hours strings").
 */

/** English day names in the order of the map, Monday first like Google's `weekdayDescriptions`. */
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** One of the seven keys of `working_hours`. */
export type Weekday = (typeof WEEKDAYS)[number];

/** Day → "5:00-10:00 PM" / "11:30 AM-2:30 PM, 5:00-11:00 PM" / "Open 24 hours" / "Closed". */
export type WorkingHours = Record<Weekday, string>;

/**
 * An open interval in minutes from Monday 00:00 of a reference week. `end` may pass the end of the
 * day (an overnight shift) or of the week.
 */
export interface WeekInterval {
  start: number;
  end: number;
}

const DAY = 24 * 60;
const WEEK = 7 * DAY;

function dayOf(minute: number): number {
  return Math.floor((((minute % WEEK) + WEEK) % WEEK) / DAY);
}

function clock(minuteOfDay: number): { text: string; meridiem: 'AM' | 'PM' } {
  const m = ((minuteOfDay % DAY) + DAY) % DAY;
  const hour24 = Math.floor(m / 60);
  const minute = m % 60;
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  return { text: `${hour12}:${String(minute).padStart(2, '0')}`, meridiem: hour24 < 12 ? 'AM' : 'PM' };
}

/** "5:00-10:00 PM" when both ends share a meridiem, else "11:30 AM-2:30 PM"; `end` may pass midnight. */
export function formatInterval(startOfDay: number, endOfDay: number): string {
  const from = clock(startOfDay);
  const to = clock(endOfDay);
  const sameHalfDay = from.meridiem === to.meridiem && endOfDay - startOfDay < DAY / 2 && endOfDay <= DAY;
  return sameHalfDay ? `${from.text}-${to.text} ${to.meridiem}` : `${from.text} ${from.meridiem}-${to.text} ${to.meridiem}`;
}

/**
 * Attributes each interval to the day it opens (an overnight shift stays on its opening day, as Google
 * shows it); an interval of a day or more is split at midnights so fully covered days read
 * "Open 24 hours". Days with no interval read "Closed".
 */
export function weekHours(intervals: readonly WeekInterval[]): WorkingHours {
  const pieces: WeekInterval[][] = WEEKDAYS.map(() => []);
  for (const { start, end } of intervals) {
    if (end <= start) continue;
    if (end - start < DAY) {
      const day = dayOf(start);
      const dayStart = start - ((((start % DAY) + DAY) % DAY));
      pieces[day]?.push({ start: start - dayStart, end: end - dayStart });
      continue;
    }
    let cursor = start;
    while (cursor < end) {
      const dayStart = cursor - ((((cursor % DAY) + DAY) % DAY));
      const pieceEnd = Math.min(end, dayStart + DAY);
      pieces[dayOf(cursor)]?.push({ start: cursor - dayStart, end: pieceEnd - dayStart });
      cursor = pieceEnd;
    }
  }
  const result = {} as WorkingHours;
  WEEKDAYS.forEach((name, index) => {
    const merged = mergeIntervals(pieces[index] ?? []);
    if (merged.length === 0) result[name] = 'Closed';
    else if (merged.some((p) => p.start <= 0 && p.end >= DAY)) result[name] = 'Open 24 hours';
    else result[name] = merged.map((p) => formatInterval(p.start, p.end)).join(', ');
  });
  return result;
}

function mergeIntervals(intervals: WeekInterval[]): WeekInterval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged: WeekInterval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}
