import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/** The phone fields SpiderIQ adds when `validate_phones` is on (spideriq-api.md §4.1). */
export interface PhoneValidation {
  phone_e164: string | null;
  phone_national: string | null;
  /** libphonenumber's type, e.g. `FIXED_LINE`, `MOBILE`, `FIXED_LINE_OR_MOBILE`, `TOLL_FREE`; null when unknown. */
  phone_type: string | null;
  phone_valid: boolean | null;
}

/** The fields when validation is off or there is no phone: all null, never guessed. */
export const NO_PHONE_VALIDATION: PhoneValidation = Object.freeze({
  phone_e164: null,
  phone_national: null,
  phone_type: null,
  phone_valid: null,
});

function asCountry(country: string | null | undefined): CountryCode | undefined {
  return country && /^[A-Za-z]{2}$/.test(country) ? (country.toUpperCase() as CountryCode) : undefined;
}

/**
 * Validates a listing's phone with libphonenumber-js ("max" metadata, needed for the number type),
 * reading a national number in the place's country. OSM may hold several numbers separated by `;`:
 * the first one is the listing's phone. A phone that does not parse or is not a possible number gets `phone_valid: false` and no E.164 form.
 */
export function validatePhone(phone: string | null | undefined, country?: string | null): PhoneValidation {
  const first = phone?.split(';')[0]?.trim();
  if (!first) return NO_PHONE_VALIDATION;
  const parsed = parsePhoneNumberFromString(first, asCountry(country));
  // An invalid number gets no E.164 form: "+155512" would look like a real number and mislead.
  if (!parsed || !parsed.isValid()) return { phone_e164: null, phone_national: null, phone_type: null, phone_valid: false };
  return {
    phone_e164: parsed.number,
    phone_national: parsed.formatNational(),
    phone_type: parsed.getType() ?? null,
    phone_valid: true,
  };
}
