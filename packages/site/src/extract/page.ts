import type { CountryCode } from 'libphonenumber-js/max';
import { parsePage, type PageDocument } from './document.js';
import { readJsonLd, jsonLdProperty } from './jsonld.js';
import { extractEmails } from './emails.js';
import { extractPhones, type DeferredPhones, type PhoneDetail } from './phones.js';
import { extractAddresses, countryFromAddress } from './addresses.js';
import { extractSocialCandidates, type SocialCandidate } from './socials.js';
import { extractLogo, type Logo } from './logo.js';
import { extractMeta, type PageMeta } from './meta.js';
import { inferRegion } from './region.js';

/** What one page yields; `mergeExtractions` turns a crawl's pages into the result's contact fields. */
export interface PageExtraction {
  url: string;
  emails: string[];
  /** Every distinct email candidate before noise filtering (for `total_emails_found`). */
  emails_found: string[];
  phones: PhoneDetail[];
  /** Every distinct phone candidate before validation (for `total_phones_found`). */
  phones_found: string[];
  /** A region-less page's national-format candidates, read by `mergeExtractions` under the site's region. */
  phones_deferred: DeferredPhones | null;
  addresses: string[];
  socials: SocialCandidate[];
  logo: Logo | null;
  meta: PageMeta;
  /** The region used to read national-format phone numbers, or null. */
  region: CountryCode | null;
}

/** Input of `extractPage`: the final URL, the (decoded) HTML and optionally the response headers. */
export interface PageInput {
  url: string;
  html: string;
  headers?: Record<string, string>;
}

/**
 * Runs every extractor over one page. Pure: no I/O, the same input always gives the same output.
 * The phone region comes from the page itself (structured address country, ccTLD, `lang`,
 * `Content-Language`, `hreflang`, postcode format) because a crawl may span several languages.
 * `doc` is the page already parsed, when the caller shares that parse with the compendium.
 */
export function extractPage(input: PageInput, doc: PageDocument = parsePage(input.html, input.url)): PageExtraction {
  const jsonld = readJsonLd(doc);
  const addresses = extractAddresses(doc, jsonld);
  const hreflang: string[] = [];
  for (const el of doc.tagged('link')) {
    const value = el.attribs!.hreflang;
    if (el.attribs!.rel?.toLowerCase() === 'alternate' && value && value !== 'x-default') hreflang.push(value);
  }
  const contentLanguage = Object.entries(input.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-language')?.[1];
  const region = inferRegion({
    addressCountry:
      jsonLdProperty(jsonld, 'addressCountry')[0] ??
      doc.elements.find((el) => el.attribs!.itemprop === 'addressCountry')?.attribs!.content ??
      addresses.map(countryFromAddress).find((c) => c !== null) ??
      null,
    url: input.url,
    lang: doc.lang ?? contentLanguage?.split(',')[0]?.trim() ?? null,
    hreflang,
    text: doc.text,
  });
  const emails = extractEmails(doc, jsonld);
  const phones = extractPhones(doc, jsonld, region);
  return {
    url: doc.url.href,
    emails: emails.emails,
    emails_found: emails.found,
    phones: phones.phones,
    phones_found: phones.found,
    phones_deferred: phones.deferred,
    addresses,
    socials: extractSocialCandidates(doc, jsonld),
    logo: extractLogo(doc, jsonld),
    meta: extractMeta(doc),
    region,
  };
}
