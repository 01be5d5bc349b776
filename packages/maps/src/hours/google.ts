import { WEEKDAYS, weekHours, type WeekInterval, type WorkingHours } from './week.js';

/** A point of a Places API (New) `OpeningHours.Period`: `day` 0 = Sunday … 6 = Saturday, local time. */
export interface GooglePeriodPoint {
  day?: number;
  hour?: number;
  minute?: number;
}

/** Places API (New) `OpeningHours` (the parts used here). Proto3 JSON omits unset fields. */
export interface GoogleOpeningHours {
  openNow?: boolean;
  periods?: Array<{ open?: GooglePeriodPoint; close?: GooglePeriodPoint }>;
  weekdayDescriptions?: string[];
}

const DAY = 24 * 60;
const WEEK = 7 * DAY;

/** Minutes from Monday 00:00; Google counts days from Sunday. */
function toWeekMinute(point: GooglePeriodPoint): number {
  const mondayBasedDay = ((point.day ?? 0) + 6) % 7;
  return mondayBasedDay * DAY + (point.hour ?? 0) * 60 + (point.minute ?? 0);
}

/**
 * Builds `working_hours` from Google's structured `periods` (maps-providers.md §1.2): an overnight
 * period stays on its opening day, the single close-less period means open 24/7, and an
 * empty-but-present `periods` array means never open. Without periods it falls back to the localised
 * `weekdayDescriptions`; with neither the hours are unknown (null).
 */
export function workingHoursFromGoogle(hours: GoogleOpeningHours | null | undefined): WorkingHours | null {
  if (!hours) return null;
  if (Array.isArray(hours.periods)) {
    const intervals: WeekInterval[] = [];
    for (const period of hours.periods) {
      if (!period.open) continue;
      const start = toWeekMinute(period.open);
      if (!period.close) {
        intervals.push({ start, end: start + WEEK });
        continue;
      }
      let end = toWeekMinute(period.close);
      if (end <= start) end += WEEK;
      intervals.push({ start, end });
    }
    return weekHours(intervals);
  }
  return workingHoursFromDescriptions(hours.weekdayDescriptions);
}

/** Normalises Google's display strings: en/em dashes, thin and narrow no-break spaces, lower-case am/pm. */
export function normaliseHoursText(text: string): string {
  return text
    .replace(/[\u2009\u202f\u00a0]/g, ' ')
    .replace(/\s*[\u2013\u2014]\s*/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/\b(am|pm)\b/gi, (m) => m.toUpperCase())
    .trim();
}

/** Parses `["Monday: 11:30 AM – 10:00 PM", …]` (Monday first) into the day map; null unless all seven are there. */
export function workingHoursFromDescriptions(descriptions: readonly string[] | null | undefined): WorkingHours | null {
  if (!descriptions || descriptions.length !== 7) return null;
  const result = {} as WorkingHours;
  for (const [index, day] of WEEKDAYS.entries()) {
    const line = descriptions[index] ?? '';
    const colon = line.indexOf(': ');
    result[day] = normaliseHoursText(colon >= 0 ? line.slice(colon + 2) : line);
  }
  return result;
}
