import type { PhoneDetail as SchemaPhoneDetail } from '@spideriq/schema';
import {
  parsePhoneNumberFromString,
  findPhoneNumbersInText,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import { parse as parseDomain } from 'tldts';
import type { PageDocument } from './document.js';
import { PRIVACY_PATH, isThirdPartyEmail } from './emails.js';
import { hostSectionText, occurrences } from './host-sections.js';
import { jsonLdProperty, type JsonLdNode } from './jsonld.js';
import { memoize } from '../memo.js';
import { itempropValues } from './microdata.js';

/**
 * A validated phone number in every format a caller may want (the seed's v2.12 `phone_details`): the
 * schema's `PhoneDetail`, where the extractor always fills the three formats.
 */
export type PhoneDetail = SchemaPhoneDetail & { e164: string; national: string; international: string };

/** A text line that holds enough digits for a phone number, with the line before it (where a label may sit). */
export interface PhoneLine {
  previous: string;
  line: string;
  /** Its line number in the page text. */
  at: number;
}

/**
 * What a page without an inferable region could not read: its `tel:`/JSON-LD values and its
 * number-bearing lines, kept so the crawl can read them under the region its other pages give
 * (see `placeDeferredPhones`).
 */
export interface DeferredPhones {
  trusted: string[];
  lines: PhoneLine[];
}

/** Phones found on one page: `found` holds every distinct candidate (E.164 or digits) before validation. */
export interface PhoneExtraction {
  phones: PhoneDetail[];
  found: string[];
  /** Set when the page gave no region: the national-format candidates, to be read once the site's region is known. */
  deferred: DeferredPhones | null;
}

/** Words that introduce a phone number, in the languages our target sites use. */
const PHONE_WORDS = [
  'tel', 'telefon', 'telefone', 'teléfono', 'telefono', 'téléphone', 'telephone', 'telefoon', 'tél', 'phone',
  'phone number', 'call', 'call us', 'ring us', 'mobile', 'mobil', 'mob', 'cell', 'cellulare', 'cellular', 'celular',
  'handy', 'móvil', 'movil', 'portable', 'whats ?app', 'hotline', 'durchwahl', 'zentrale', 'rufnummer', 'telefonnummer',
  'sekretariat', 'fon', 'llámanos', 'llamanos', 'chiamaci', 'appelez(?:-nous)?', 'ligue', 'ligue para', 'anrufen',
  'bel ons', 'numéro', 'número', 'numero', 'office', 'main line', 'direct', 'reservations?', 'prenotazioni',
  'reservas', 'bookings?', 'emergency line', 'toll[- ]free', 'contact', 'contacto', 'contato',
];
const PHONE_LABEL = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${PHONE_WORDS.join('|')})(?![\p{L}])`,
  'iu',
);
/** One-letter labels ("T: 030…", "M. 0171…") only count right before the number. */
const SHORT_LABEL = /(?:^|[^\p{L}])(?:t|p|ph|m|tlf|mob|cel)\s*[.:]\s*$/iu;
const FAX_LABEL = /(?:^|[^\p{L}])(?:fax|telefax|téléc(?:opie)?|telecopia)\.?\s*[:.]?\s*$/iu;
const DATE = /^\s*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\s*$/;
/**
 * Words that introduce a number that is not a phone: tax, company-register, bank and order
 * numbers in the languages of our target sites (VAT, USt-IdNr, SIRET, P.IVA, CNPJ, ABN, GSTIN…).
 */
const ID_CONTEXT = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${[
    'iban', 'bic', 'swift', 'vat', 'vat no', 'ust', 'ust-id', 'ust-idnr', 'ust\\.?-?id\\.?-?nr', 'steuernummer', 'st\\.?-?nr', 'hrb', 'hra',
    'handelsregister', 'registergericht', 'amtsgericht', 'siret', 'siren', 'rcs', 'tva', 'ape', 'naf', 'nif', 'cif', 'nie', 'p\\.?\\s?iva',
    'partita iva', 'c\\.?f', 'codice fiscale', 'rea', 'cnpj', 'cpf', 'abn', 'acn', 'gst', 'gstin', 'pan', 'cin', 'trn', 'kvk', 'btw',
    'krs', 'nip', 'regon', 'ein', 'company no', 'company number', 'reg\\.? no', 'registration', 'registered number', 'account',
    'acct', 'konto', 'kto', 'blz', 'sort code', 'routing', 'order', 'invoice', 'isbn', 'ref', 'reference', 'licen[cs]e', 'lic\\.?',
    'umsatzsteuer[\\p{L}-]*', '[\\p{L}-]*identifikationsnummer', 'steuer-?nr\\.?', 'tax id', 'tax no', 'sirene', 'inn', 'ogrn', 'kpp', 'єдрпоу', 'инн', 'огрн', 'кпп', '法人番号', '登録番号',
  ].join('|')})(?![\p{L}])[^\p{Ll}\n]{0,30}$`,
  'iu',
);
/** The North American way of writing a number. */
const NANP_SHAPE = /^\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}$/;
const NANP = new Set(['US', 'CA', 'PR', 'VI', 'GU', 'AS', 'MP', 'BS', 'BB', 'JM', 'TT', 'DO', 'BM', 'KY', 'AG', 'DM', 'GD', 'KN', 'LC', 'VC', 'AI', 'MS', 'TC', 'VG', 'SX']);

/**
 * Template and dummy numbers: seven or more equal digits in a row (+55 0000 0000, 555-5555555),
 * two runs of three equal digits at the end (777 111 222) or a run of the digits in order
 * (123-456-7890, 0123 456789).
 */
export function isPlaceholderNumber(nationalNumber: string): boolean {
  if (/(\d)\1{6,}/.test(nationalNumber)) return true;
  // Two runs of three at the end (777 111 222, 555 666): a template's number, not an exchange's.
  if (/(\d)\1\1(\d)\2\2$/.test(nationalNumber)) return true;
  if (/^(\d)\1+$/.test(nationalNumber.slice(-7))) return true;
  return nationalNumber.length >= 9 && ('01234567890'.includes(nationalNumber) || '9876543210'.includes(nationalNumber));
}

/**
 * A country whose national numbers carry a trunk prefix (0 in most of Europe, Australia, Japan,
 * India…) sees a number written without it: it was read under the wrong country, as "(480)
 * 555-0123" would be on a German page.
 */
function readUnderWrongCountry(raw: string, number: PhoneNumber): boolean {
  return number.formatNational().startsWith('0') && !/^\(?0/.test(raw.trim());
}

/**
 * Whether a number without a label is written the way the page's country writes phone numbers:
 * national form with separators, with the trunk prefix where the country has one (06 12 34 56 78,
 * 0412 345 678, 06-1234-5678, (02) 9130 4567), the (480) 555-0123 shape on a North American page,
 * and at least two separators elsewhere (347 123 4567, 912 345 678).
 */
function nationalShape(raw: string, number: PhoneNumber, region: CountryCode | null): boolean {
  const text = raw.trim();
  if (!region || number.country !== region || !/[\s().\/-]/.test(text)) return false;
  if (NANP.has(region)) return NANP_SHAPE.test(text);
  if (number.formatNational().startsWith('0')) return /^\(?0/.test(text);
  return (text.match(/[\s().\/-]+/g) ?? []).length >= 2;
}

const PRICE_AROUND = /[$€£¥₹]|\b(?:usd|eur|gbp|chf|aud|brl|r\$)\b/i;

function toDetail(raw: string, number: PhoneNumber): PhoneDetail {
  const type = number.getType();
  return {
    raw: raw.replace(/\s+/g, ' ').trim(),
    e164: number.number,
    national: number.formatNational(),
    international: number.formatInternational(),
    country_code: number.country ?? null,
    type: type ?? null,
    valid: number.isValid(),
  };
}

/**
 * Parses one candidate. Structured sources (`tel:`, JSON-LD) are trusted to be phone numbers,
 * so a possible-but-unverifiable number is kept with `valid: false`; text matches must be valid.
 */
export const parsePhone = memoize(
  readPhone,
  (raw, region, trusted) => (raw.length <= 200 ? `${region ?? '-'}${trusted ? 't' : 'u'}${raw}` : null),
  (detail) => detail && { ...detail },
);

function readPhone(raw: string, region: CountryCode | null, trusted: boolean): PhoneDetail | null {
  let value = raw;
  try {
    value = decodeURIComponent(raw);
  } catch {
    // keep raw
  }
  value = value.replace(/^(?:tel|callto|sms):(?:\/\/)?/i, '').split(/[?;]/)[0]!.trim();
  if (DATE.test(value)) return null;
  const digits = value.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return null;
  const normalised = value.replace(/^00(?=[1-9])/, '+').replace(/\(0\)/g, '');
  const number = parsePhoneNumberFromString(normalised, region ? { defaultCountry: region } : undefined);
  if (!number || isPlaceholderNumber(number.nationalNumber)) return null;
  if (number.isValid()) return toDetail(value, number);
  return trusted && number.isPossible() ? toDetail(value, number) : null;
}

/** The lines of a text that hold seven or more digits, each with the line before it. */
export function phoneLines(text: string): PhoneLine[] {
  const lines = text.split('\n');
  const out: PhoneLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (/(?:\d\D{0,3}){7}/.test(lines[i]!)) out.push({ previous: i > 0 ? lines[i - 1]! : '', line: lines[i]!, at: i });
  }
  return out;
}

/** How text numbers are read: under the page's region, or (no region at all) only in the North American shape. */
interface ReadOptions {
  /** Keep only "(503) 593-9954"-shaped numbers, read as North American: a site that names no country but writes its numbers so. */
  nanpOnly?: boolean;
}

/** "(503) 593-9954": the area code in brackets, the North American way and no other country's. */
const NANP_BRACKETS = /^\(\d{3}\)[\s.-]?\d{3}[\s.-]\d{4}$/;

/**
 * Finds numbers in visible text with libphonenumber's own finder (`findPhoneNumbersInText`, at its
 * strict `VALID` leniency) under the page's region. A number counts when a phone label precedes it
 * on the same line (or the line before), when it is written in international form (`+44…`,
 * `0049…`), or when it is written the way the region writes phone numbers (see `nationalShape`).
 * Fax numbers, dates, prices, placeholders, numbers after a tax, register or bank label, numbers
 * glued to other digits, and North American shapes read under another country are rejected.
 */
export function phonesInText(text: string, region: CountryCode | null): PhoneDetail[] {
  return phonesInLines(phoneLines(text), region);
}

/** {@link phonesInText} over lines already picked by {@link phoneLines}. */
export function phonesInLines(lines: readonly PhoneLine[], region: CountryCode | null, options: ReadOptions = {}): PhoneDetail[] {
  return lines.flatMap((line) => phonesInLine(line.line, line.previous, region, options.nanpOnly ?? false));
}

/** One line's numbers (with the line before it); a site's header and footer lines recur on every page, so the answers are remembered. */
const phonesInLine = memoize(
  (text: string, previous: string, region: CountryCode | null, nanpOnly: boolean) => readLine(text, previous, region, { nanpOnly }),
  (text, previous, region, nanpOnly) => (text.length + previous.length <= 2000 ? `${region ?? '-'}${nanpOnly ? 'n' : 'a'}${previous}\u0000${text}` : null),
  (found) => found.map((detail) => ({ ...detail })),
);

/** The numbers of one line, as {@link phonesInLines} describes. */
function readLine(text: string, previous: string, region: CountryCode | null, options: ReadOptions): PhoneDetail[] {
  const out: PhoneDetail[] = [];
  // "0049 30…" and "(+91) 93…" are international numbers; "0060" inside a digit group (an IBAN) is not.
  // Typographic dashes (`&dash;`, `&ndash;`, U+2212) separate digit groups as "-" does.
  const line = text.replace(/[\u2010-\u2015\u2212]/g, '-').replace(/(^|[^\d+\s]\s?|[^\d\s]\s)00(?=[1-9][\d\s().-]{7,})/g, '$1+').replace(/\(\+(\d{1,3})\)\s?/g, '+$1 ');
  // The finder's default leniency is `VALID` (its typings do not list the option): only numbers
  // that are valid for their country are matched, as Google's PhoneNumberMatcher does.
  const matches = findPhoneNumbersInText(line, region ? { defaultCountry: region } : {});
  for (const match of matches) {
    const before = line.slice(0, match.startsAt);
    const after = line.slice(match.endsAt);
    const raw = line.slice(match.startsAt, match.endsAt);
    if (FAX_LABEL.test(before) || (before.trim() === '' && FAX_LABEL.test(previous))) continue;
    if (PRICE_AROUND.test(before.slice(-4)) || PRICE_AROUND.test(after.slice(0, 4))) continue;
    if (/\d[/.-]?$/.test(before) || /^[/.-]?\d/.test(after) || /[A-Z]{2}\d{2}\s?$/.test(before)) continue;
    if (DATE.test(raw) || ID_CONTEXT.test(before.slice(-40)) || (before.trim() === '' && ID_CONTEXT.test(previous.slice(-60)))) continue;
    if (!match.number.isValid() || isPlaceholderNumber(match.number.nationalNumber)) continue;
    const international = /^\s*(?:\+|00)[1-9]/.test(raw);
    if (options.nanpOnly && (international || !NANP_BRACKETS.test(raw.trim()))) continue;
    if (!international && readUnderWrongCountry(raw, match.number)) continue;
    const near = before.slice(-40);
    const labelled = PHONE_LABEL.test(near) || SHORT_LABEL.test(before) || (before.trim() === '' && PHONE_LABEL.test(previous.slice(-40)));
    if (!labelled && !international && !nationalShape(raw, match.number, region)) continue;
    out.push(toDetail(raw, match.number));
  }
  return out;
}

const EMAIL_IN_LINE = /[a-z0-9._%+-]+@(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}/giu;

/**
 * On a privacy page, the lines within three of an email at another organisation's domain
 * ("Aufsichtsbehörde … Telefon: 0431 … E-Mail: mail@datenschutzzentrum.de") are that
 * organisation's contact block, so their numbers are dropped. The site's own domain and
 * free-mail addresses do not count as another organisation's.
 */
export function withoutForeignBlocks(lines: readonly PhoneLine[], text: string, url: URL): PhoneLine[] {
  if (!PRIVACY_PATH.test(url.pathname) || lines.length === 0) return [...lines];
  const own = parseDomain(url.hostname).domain;
  const all = text.split('\n');
  const foreign = all.map((line) => (line.match(EMAIL_IN_LINE) ?? []).some((email) => isThirdPartyEmail(email, own)));
  const near = (at: number): boolean => foreign.slice(Math.max(0, at - 3), at + 4).includes(true);
  return lines.filter((l) => !near(l.at));
}

/**
 * Extracts phone numbers from one page: `tel:`/`callto:` links, JSON-LD and microdata
 * `telephone`, and labelled numbers in the visible text. Deduped by E.164.
 */
export function extractPhones(
  doc: PageDocument,
  jsonld: readonly JsonLdNode[],
  region: CountryCode | null,
): PhoneExtraction {
  const trusted: string[] = [];
  for (const el of doc.tagged('a')) {
    const href = el.attribs!.href;
    if (href !== undefined && /^\s*(?:tel|callto):/i.test(href)) trusted.push(href.trim());
  }
  trusted.push(...jsonLdProperty(jsonld, 'telephone'), ...itempropValues(doc, 'telephone'));

  const byE164 = new Map<string, PhoneDetail>();
  const found = new Set<string>();
  const add = (detail: PhoneDetail | null): void => {
    if (!detail) return;
    found.add(detail.e164);
    // Only valid numbers are reported: a `tel:` link with a number libphonenumber cannot place
    // ("tel:26706336" without its area code) is counted as found but not returned.
    if (!detail.valid) return;
    const existing = byE164.get(detail.e164);
    if (!existing || (!existing.valid && detail.valid)) byE164.set(detail.e164, detail);
  };
  for (const raw of trusted) {
    const detail = parsePhone(raw, region, true);
    if (!detail) found.add(raw.replace(/\D/g, ''));
    add(detail);
  }
  // Lines of a legal notice's hosting section carry the host's or the designer's number.
  const host = hostSectionText(doc);
  const onlyInHostSection = (line: string): boolean => host !== '' && occurrences(host, line) > 0 && occurrences(host, line) >= occurrences(doc.text, line);
  const lines = withoutForeignBlocks(phoneLines(doc.text), doc.text, doc.url).filter((l) => !onlyInHostSection(l.line.trim()));
  for (const detail of phonesInLines(lines, region)) add(detail);
  found.delete('');
  return { phones: [...byE164.values()], found: [...found], deferred: region ? null : { trusted, lines } };
}

/**
 * Reads what a region-less page deferred, once the crawl knows the site's region (the one most of
 * its pages gave): its `tel:` values and text numbers under that region. A site that gives no
 * region anywhere still has its "(503) 593-9954" numbers read as North American.
 */
export function placeDeferredPhones(deferred: DeferredPhones, region: CountryCode | null): PhoneDetail[] {
  if (!region) return phonesInLines(deferred.lines, 'US', { nanpOnly: true });
  const out: PhoneDetail[] = [];
  for (const raw of deferred.trusted) {
    const detail = parsePhone(raw, region, true);
    if (detail?.valid) out.push(detail);
  }
  const byE164 = new Map<string, PhoneDetail>();
  for (const detail of [...out, ...phonesInLines(deferred.lines, region)]) if (!byE164.has(detail.e164)) byE164.set(detail.e164, detail);
  return [...byE164.values()];
}
