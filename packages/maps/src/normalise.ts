import type { Business } from '@spideriq/schema';
import { NO_PHONE_VALIDATION, validatePhone } from './phone.js';
import type { ProviderListing } from './providers/provider.js';

/** `metadata.phone_validation`: how many listings had a phone, and how many of those parse as valid. */
export interface PhoneValidationCounts {
  total: number;
  valid: number;
  invalid: number;
}

/**
 * Completes a provider's listing into the schema's `Business`: the phone-validation fields are
 * filled the same way for every provider, or left null when `validate_phones` is off.
 */
export function toBusiness(listing: ProviderListing, validatePhones: boolean): Business {
  const phone = validatePhones ? validatePhone(listing.phoneForValidation, listing.country) : NO_PHONE_VALIDATION;
  return { ...listing.business, ...phone };
}

/** Counts over the returned listings; a listing without a phone is not counted. */
export function countPhoneValidation(businesses: readonly Business[]): PhoneValidationCounts {
  const withPhone = businesses.filter((b) => b.phone_valid !== null);
  const valid = withPhone.filter((b) => b.phone_valid === true).length;
  return { total: withPhone.length, valid, invalid: withPhone.length - valid };
}
