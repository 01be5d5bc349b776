import { describe, expect, it } from 'vitest';
import { workingHoursFromOsm } from '../../src/hours/osm.js';

const CLOSED = { Monday: 'Closed', Tuesday: 'Closed', Wednesday: 'Closed', Thursday: 'Closed', Friday: 'Closed', Saturday: 'Closed', Sunday: 'Closed' };
const ALWAYS = 'Open 24 hours';

describe('workingHoursFromOsm', () => {
  it.each<[string, Record<string, string>]>([
    ['24/7', { Monday: ALWAYS, Tuesday: ALWAYS, Wednesday: ALWAYS, Thursday: ALWAYS, Friday: ALWAYS, Saturday: ALWAYS, Sunday: ALWAYS }],
    ['Mo-Fr 08:00-12:00,13:00-17:30', { ...CLOSED, Monday: '8:00 AM-12:00 PM, 1:00-5:30 PM', Tuesday: '8:00 AM-12:00 PM, 1:00-5:30 PM', Wednesday: '8:00 AM-12:00 PM, 1:00-5:30 PM', Thursday: '8:00 AM-12:00 PM, 1:00-5:30 PM', Friday: '8:00 AM-12:00 PM, 1:00-5:30 PM' }],
    ['Fr-Sa 18:00-02:00', { ...CLOSED, Friday: '6:00 PM-2:00 AM', Saturday: '6:00 PM-2:00 AM' }],
    ['Su 22:00-03:00', { ...CLOSED, Sunday: '10:00 PM-3:00 AM' }],
    ['Mo-Su 00:00-24:00', { Monday: ALWAYS, Tuesday: ALWAYS, Wednesday: ALWAYS, Thursday: ALWAYS, Friday: ALWAYS, Saturday: ALWAYS, Sunday: ALWAYS }],
    ['Tu-Su 17:00-22:00; Mo off; PH off', { Monday: 'Closed', Tuesday: '5:00-10:00 PM', Wednesday: '5:00-10:00 PM', Thursday: '5:00-10:00 PM', Friday: '5:00-10:00 PM', Saturday: '5:00-10:00 PM', Sunday: '5:00-10:00 PM' }],
    ['Mo-Fr 08:00-12:00 || "by appointment"', { ...CLOSED, Monday: '8:00 AM-12:00 PM', Tuesday: '8:00 AM-12:00 PM', Wednesday: '8:00 AM-12:00 PM', Thursday: '8:00 AM-12:00 PM', Friday: '8:00 AM-12:00 PM' }],
  ])('%s', (value, expected) => {
    expect(workingHoursFromOsm(value)).toEqual(expected);
  });

  it('reads the §6.5 value: a later Sunday rule replaces the overnight tail of Saturday', () => {
    const hours = workingHoursFromOsm('Tu-Th 17:00-22:00; Fr 11:30-14:30,17:00-23:00; Sa 17:00-24:30; Su 12:00-21:00; Mo off');
    expect(hours).toMatchObject({ Monday: 'Closed', Friday: '11:30 AM-2:30 PM, 5:00-11:00 PM', Sunday: '12:00-9:00 PM' });
    expect(hours?.Saturday).toMatch(/^5:00 PM-12:00 AM$/);
  });

  it.each([[''], [undefined], ['not a schedule at all ###']])('is null for %j', (value) => {
    expect(workingHoursFromOsm(value)).toBeNull();
  });
});
