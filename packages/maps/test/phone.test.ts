import { describe, expect, it } from 'vitest';
import { validatePhone } from '../src/phone.js';

describe('validatePhone', () => {
  it.each([
    ['+1 617-555-0142', null, { phone_e164: '+16175550142', phone_national: '(617) 555-0142', phone_type: 'FIXED_LINE_OR_MOBILE', phone_valid: true }],
    ['(617) 555-0142', 'US', { phone_e164: '+16175550142', phone_national: '(617) 555-0142', phone_type: 'FIXED_LINE_OR_MOBILE', phone_valid: true }],
    ['030 901820', 'DE', { phone_e164: '+4930901820', phone_national: '030 901820', phone_type: 'FIXED_LINE', phone_valid: true }],
    ['+1 800 555 1234', 'us', { phone_e164: '+18005551234', phone_national: '(800) 555-1234', phone_type: 'TOLL_FREE', phone_valid: true }],
    ['+1 512-555-0101;+1 512-555-0102', null, { phone_e164: '+15125550101', phone_national: '(512) 555-0101', phone_type: 'FIXED_LINE_OR_MOBILE', phone_valid: true }],
  ])('%s in %s', (phone, country, expected) => {
    expect(validatePhone(phone, country)).toEqual(expected);
  });

  it('marks a number that does not parse as invalid without inventing fields', () => {
    expect(validatePhone('555-12', 'US')).toEqual({ phone_e164: null, phone_national: null, phone_type: null, phone_valid: false });
  });

  it('marks a parseable but impossible number as invalid', () => {
    const result = validatePhone('+1 123 456 7890', null);
    expect(result.phone_valid).toBe(false);
    expect(result.phone_type).toBeNull();
  });

  it('cannot read a national number without a country', () => {
    expect(validatePhone('(617) 555-0142', null).phone_valid).toBe(false);
  });

  it('is all null when there is no phone', () => {
    expect(validatePhone(null, 'US')).toEqual({ phone_e164: null, phone_national: null, phone_type: null, phone_valid: null });
  });
});
