import { addressesInText } from './address-text.js';
import { phonesInText } from './phones.js';

/**
 * One line in each shape the address patterns tell apart (street then postcode-first town, a
 * postcode-last town with a state, 〒, a P.O. box) and phone numbers in national and international
 * form: enough for every table and pattern to be read and compiled.
 */
const LATIN_ADDRESSES = ['Musterweg 12, 47051 Duisburg', '1234 E Main Rd, Tucson, AZ 85701', '4 High Street, Ashford, Kent, TN23 1AA', 'P.O. Box 1234, Dubai'];
/**
 * V8 compiles a pattern for one-byte (Latin-1) and two-byte text separately, and only once it has
 * run it (the first runs are interpreted): so the samples are read as both kinds of string, twice.
 */
const SAMPLE_ADDRESSES = [LATIN_ADDRESSES.join('\n'), [...LATIN_ADDRESSES, '〒530-0001 大阪府大阪市北区梅田1-1-1'].join('\n')];
const SAMPLE_PHONES = 'Call 020 7946 0000 or +1 520 555 0134';

/**
 * Loads the extractors' heavy tables now rather than on the first page that needs them: the
 * per-country address formats (62 data files), the postcode-and-town patterns built from them and
 * the phone metadata. V8 compiles a pattern when it first runs, and these are large (one per
 * country, with every state's name), so they are run once here too. A thread that serves a
 * server's jobs calls this before it says it is ready; what it returns is thrown away.
 */
export function prepareExtractors(): void {
  for (let run = 0; run < 2; run++) {
    for (const sample of SAMPLE_ADDRESSES) addressesInText(sample);
    phonesInText(SAMPLE_PHONES, 'GB');
    phonesInText(`${SAMPLE_PHONES} – Tel.`, 'GB');
  }
}
