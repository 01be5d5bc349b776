import { getCountries, type CountryCode } from 'libphonenumber-js/max';
import { parse as parseDomain } from 'tldts';

const KNOWN = new Set<string>(getCountries());
/** `.uk` is GB; ccTLDs used as generic domains (`.io`, `.ai`, `.co`…) say nothing about the country. */
const TLD_ALIASES: Record<string, string> = {
  uk: 'GB', eu: '', su: '', io: '', ai: '', co: '', me: '', tv: '', fm: '', ly: '', gg: '', to: '', sh: '', ws: '', cc: '', la: '', app: '', dev: '',
};
/** Languages spoken mainly in one country, for `<html lang="de">` without a region subtag. */
const LANGUAGE_COUNTRY: Record<string, string> = {
  de: 'DE', fr: 'FR', it: 'IT', es: 'ES', nl: 'NL', pl: 'PL', sv: 'SE', da: 'DK', nb: 'NO', no: 'NO', fi: 'FI',
  cs: 'CZ', sk: 'SK', hu: 'HU', ro: 'RO', bg: 'BG', el: 'GR', hr: 'HR', sl: 'SI', et: 'EE', lv: 'LV', lt: 'LT',
  ja: 'JP', ko: 'KR', tr: 'TR', uk: 'UA', he: 'IL', th: 'TH', vi: 'VN', id: 'ID', pt: 'PT', ga: 'IE', is: 'IS',
};
const COUNTRY_NAMES: Record<string, string> = {
  'united states': 'US', usa: 'US', 'u.s.a.': 'US', 'united kingdom': 'GB', uk: 'GB', england: 'GB', scotland: 'GB',
  wales: 'GB', deutschland: 'DE', germany: 'DE', france: 'FR', italia: 'IT', italy: 'IT', españa: 'ES', spain: 'ES',
  australia: 'AU', brasil: 'BR', brazil: 'BR', canada: 'CA', portugal: 'PT', nederland: 'NL', netherlands: 'NL',
  österreich: 'AT', austria: 'AT', schweiz: 'CH', suisse: 'CH', switzerland: 'CH', ireland: 'IE', belgique: 'BE',
  belgium: 'BE', méxico: 'MX', mexico: 'MX', 'new zealand': 'NZ', india: 'IN',
};

/** Signals a page gives about its country, from strongest to weakest. */
export interface RegionHints {
  /** A country from structured data or a parsed address (ISO code or name). */
  addressCountry?: string | null;
  /** The page URL, whose ccTLD names a country (`.de`, `.co.uk`, `.com.au`). */
  url?: string | null;
  /** `<html lang>` such as `en-GB` or `de`. */
  lang?: string | null;
  /** `hreflang` values of alternate links. */
  hreflang?: readonly string[];
  /** The page's visible text: a country it names (and no other) is the weakest hint. */
  text?: string | null;
}

/**
 * Country names that are also common words, given names or US states ("Georgia", "Jordan",
 * "Chad", "Turkey", "Jersey"): a page naming them says nothing about where it is.
 */
const AMBIGUOUS_NAMES = new Set(['GE', 'JO', 'TD', 'TR', 'JE', 'GG', 'IM', 'CN', 'NE', 'GN', 'DM', 'PA', 'ML', 'TG', 'SN', 'ST', 'VA', 'MO', 'BV', 'HM', 'UM', 'AQ', 'AC', 'TA', 'XK', 'CW']);
const namePatterns = new Map<string, RegExp | null>();
const nameCodes = new Map<string, Map<string, CountryCode>>();

/** Every country libphonenumber knows, by its name in `language` (Intl.DisplayNames, from ICU) and in English. */
function countryNamePattern(language: string): { re: RegExp; codes: Map<string, CountryCode> } | null {
  if (!namePatterns.has(language)) {
    const codes = new Map<string, CountryCode>();
    for (const locale of new Set(['en', language])) {
      let names: Intl.DisplayNames;
      try {
        names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
      } catch {
        continue;
      }
      for (const code of KNOWN) {
        if (AMBIGUOUS_NAMES.has(code)) continue;
        const name = names.of(code);
        if (name && name.length >= 4 && !/[()&]/.test(name)) codes.set(name.toLowerCase(), code as CountryCode);
      }
    }
    const alternatives = [...codes.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    namePatterns.set(language, alternatives.length ? new RegExp(`(?<![\\p{L}])(?:${alternatives.join('|')})(?![\\p{L}])`, 'giu') : null);
    nameCodes.set(language, codes);
  }
  const re = namePatterns.get(language);
  return re ? { re, codes: nameCodes.get(language)! } : null;
}

/**
 * The country a page's text names: the one named beside a postcode ("Jawa Barat, Indonesia 40152")
 * if only one is, else the only one named at all ("students in Uganda"); null when it names none or
 * several ("we ship to France, Spain and Italy"). Names are matched in English and in the page's language.
 */
export function countryNamedIn(text: string, lang?: string | null): CountryCode | null {
  const language = (lang ?? 'en').toLowerCase().split(/[-_]/)[0] || 'en';
  const pattern = countryNamePattern(language);
  if (!pattern) return null;
  const named = new Set<CountryCode>();
  const withPostcode = new Set<CountryCode>();
  pattern.re.lastIndex = 0;
  for (const match of text.matchAll(pattern.re)) {
    const code = pattern.codes.get(match[0].toLowerCase());
    if (!code) continue;
    named.add(code);
    const around = text.slice(Math.max(0, match.index - 12), match.index + match[0].length + 12);
    if (/(?<!\d)\d{4,6}(?!\d)/.test(around)) withPostcode.add(code);
  }
  const only = (set: Set<CountryCode>): CountryCode | null => (set.size === 1 ? [...set][0]! : null);
  return only(withPostcode) ?? only(named);
}

/** An ISO 3166 code from a country name or code, if libphonenumber knows it. */
export function countryFromName(value: string | null | undefined): CountryCode | null {
  if (!value) return null;
  const clean = value.trim();
  if (/^[a-z]{2}$/i.test(clean)) {
    const code = clean.toUpperCase() === 'UK' ? 'GB' : clean.toUpperCase();
    return KNOWN.has(code) ? (code as CountryCode) : null;
  }
  const code = COUNTRY_NAMES[clean.toLowerCase()];
  return code && KNOWN.has(code) ? (code as CountryCode) : null;
}

function fromTld(url: string): CountryCode | null {
  const suffix = parseDomain(url).publicSuffix;
  const tld = suffix?.split('.').pop()?.toLowerCase();
  if (!tld || tld.length !== 2) return null;
  const code = tld in TLD_ALIASES ? TLD_ALIASES[tld] : tld.toUpperCase();
  return code && KNOWN.has(code) ? (code as CountryCode) : null;
}

function fromLang(lang: string): CountryCode | null {
  const [language, region] = lang.toLowerCase().split(/[-_]/);
  if (region && region.length === 2 && KNOWN.has(region.toUpperCase())) return region.toUpperCase() as CountryCode;
  const code = language ? LANGUAGE_COUNTRY[language] : undefined;
  return code ? (code as CountryCode) : null;
}

/**
 * The default region for parsing national-format phone numbers. Address beats ccTLD beats
 * language: a `.com` site in English says little, a postal address says a lot. `en` alone maps to
 * no country on purpose (US, GB, AU and others all use it); numbers with `+CC` need no region.
 * Last comes the one country the text names, for a `.com` or `github.io` page in English whose
 * footer reads "…, Indonesia 40152".
 */
export function inferRegion(hints: RegionHints): CountryCode | null {
  return (
    countryFromName(hints.addressCountry) ??
    (hints.url ? fromTld(hints.url) : null) ??
    (hints.lang ? fromLang(hints.lang) : null) ??
    (hints.hreflang ?? []).map(fromLang).find((c): c is CountryCode => c !== null) ??
    (hints.text ? countryNamedIn(hints.text, hints.lang) : null)
  );
}
