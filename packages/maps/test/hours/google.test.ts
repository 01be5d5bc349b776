import { describe, expect, it } from 'vitest';
import { normaliseHoursText, workingHoursFromDescriptions, workingHoursFromGoogle, type GoogleOpeningHours } from '../../src/hours/google.js';
import { TRATTORIA_FIORELLA } from '@spideriq/testkit';

const CLOSED_WEEK = { Monday: 'Closed', Tuesday: 'Closed', Wednesday: 'Closed', Thursday: 'Closed', Friday: 'Closed', Saturday: 'Closed', Sunday: 'Closed' };
const ALWAYS = 'Open 24 hours';
const ALWAYS_WEEK = { Monday: ALWAYS, Tuesday: ALWAYS, Wednesday: ALWAYS, Thursday: ALWAYS, Friday: ALWAYS, Saturday: ALWAYS, Sunday: ALWAYS };

const p = (openDay: number, openHour: number, openMinute: number, closeDay: number, closeHour: number, closeMinute: number) => ({
  open: { day: openDay, hour: openHour, minute: openMinute },
  close: { day: closeDay, hour: closeHour, minute: closeMinute },
});

describe('workingHoursFromGoogle', () => {
  it('builds the §6.1 expectation: split shifts on Friday, overnight Saturday, closed Monday', () => {
    expect(workingHoursFromGoogle(TRATTORIA_FIORELLA.regularOpeningHours)).toEqual({
      Monday: 'Closed',
      Tuesday: '5:00-10:00 PM',
      Wednesday: '5:00-10:00 PM',
      Thursday: '5:00-10:00 PM',
      Friday: '11:30 AM-2:30 PM, 5:00-11:00 PM',
      Saturday: '5:00 PM-12:30 AM',
      Sunday: '12:00-9:00 PM',
    });
  });

  it.each<[string, GoogleOpeningHours, Record<string, string>]>([
    ['24/7 is one period without close', { periods: [{ open: { day: 0, hour: 0, minute: 0 } }] }, ALWAYS_WEEK],
    ['empty periods mean never open', { periods: [] }, CLOSED_WEEK],
    [
      'midnight-to-midnight periods are open 24 hours',
      { periods: [p(1, 0, 0, 2, 0, 0), p(2, 0, 0, 3, 0, 0)] },
      { ...CLOSED_WEEK, Monday: ALWAYS, Tuesday: ALWAYS },
    ],
    [
      'an overnight bar stays on its opening day, Sunday wrapping to Monday',
      { periods: [p(0, 20, 0, 1, 2, 0), p(5, 18, 0, 6, 3, 30)] },
      { ...CLOSED_WEEK, Sunday: '8:00 PM-2:00 AM', Friday: '6:00 PM-3:30 AM' },
    ],
    [
      'split shifts with morning and afternoon',
      { periods: [p(1, 8, 0, 1, 12, 0), p(1, 13, 0, 1, 17, 30)] },
      { ...CLOSED_WEEK, Monday: '8:00 AM-12:00 PM, 1:00-5:30 PM' },
    ],
    [
      'a period closing at midnight',
      { periods: [p(3, 18, 0, 4, 0, 0)] },
      { ...CLOSED_WEEK, Wednesday: '6:00 PM-12:00 AM' },
    ],
    ['morning-only shift shares AM', { periods: [p(6, 6, 5, 6, 11, 45)] }, { ...CLOSED_WEEK, Saturday: '6:05-11:45 AM' }],
    [
      'a period longer than a day is split at midnights',
      { periods: [p(1, 8, 0, 3, 18, 0)] },
      { ...CLOSED_WEEK, Monday: '8:00 AM-12:00 AM', Tuesday: ALWAYS, Wednesday: '12:00 AM-6:00 PM' },
    ],
  ])('%s', (_name, hours, expected) => {
    expect(workingHoursFromGoogle(hours)).toEqual(expected);
  });

  it('is null when Google sent no hours (never "Closed")', () => {
    expect(workingHoursFromGoogle(undefined)).toBeNull();
    expect(workingHoursFromGoogle({})).toBeNull();
  });

  it('falls back to weekdayDescriptions, normalising thin spaces and dashes', () => {
    const { weekdayDescriptions } = TRATTORIA_FIORELLA.regularOpeningHours ?? {};
    expect(workingHoursFromGoogle({ weekdayDescriptions })).toEqual({
      Monday: 'Closed',
      Tuesday: '5:00-10:00 PM',
      Wednesday: '5:00-10:00 PM',
      Thursday: '5:00-10:00 PM',
      Friday: '11:30 AM-2:30 PM, 5:00-11:00 PM',
      Saturday: '5:00 PM-12:30 AM',
      Sunday: '12:00-9:00 PM',
    });
  });

  it('rejects descriptions that are not seven days', () => {
    expect(workingHoursFromDescriptions(['Monday: Closed'])).toBeNull();
  });

  it.each([
    ['11:30\u202fam\u2009\u2013\u200910:00\u202fpm', '11:30 AM-10:00 PM'],
    ['5\u00a0–\u00a010 PM', '5-10 PM'],
    ['Open 24 hours', 'Open 24 hours'],
  ])('normaliseHoursText(%j) = %j', (input, expected) => {
    expect(normaliseHoursText(input)).toBe(expected);
  });
});
