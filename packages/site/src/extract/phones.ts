import {
  parsePhoneNumberFromString,
  findPhoneNumbersInText,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import type { PageDocument } from './document.js';
import { jsonLdProperty, type JsonLdNode } from './jsonld.js';
import { itempropValues } from './microdata.js';

/** A validated phone number in every format a caller may want (the seed's v2.12 `phone_details`). */
export interface PhoneDetail {
  /** The text as found on the page. */
  raw: string;
  e164: string;
  national: string;
  international: string;
  /** ISO 3166-1 alpha-2 country of the number, or null for non-geographic numbers. */
  country_code: string | null;
  /** libphonenumber's type: `MOBILE`, `FIXED_LINE`, `FIXED_LINE_OR_MOBILE`, `TOLL_FREE`… or null when unknown. */
  type: string | null;
  valid: boolean;
}

/** Phones found on one page: `found` holds every distinct candidate (E.164 or digits) before validation. */
export interface PhoneExtraction {
  phones: PhoneDetail[];
  found: string[];
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
export function parsePhone(raw: string, region: CountryCode | null, trusted: boolean): PhoneDetail | null {
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
  if (!number) return null;
  if (number.isValid()) return toDetail(value, number);
  return trusted && number.isPossible() ? toDetail(value, number) : null;
}

/**
 * Finds numbers in visible text. A number counts when a phone label precedes it on the same
 * line (or the line before), or when it is written in international form (`+44…`, `0049…`).
 * Fax numbers, dates, prices and numbers glued to other digits (ids, postal codes) are rejected.
 */
export function phonesInText(text: string, region: CountryCode | null): PhoneDetail[] {
  const out: PhoneDetail[] = [];
  const lines = text.split('\n').map((l) => l.replace(/(^|[^\d+])00(?=[1-9][\d\s().-]{7,})/g, '$1+'));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!/\d{2}/.test(line)) continue;
    const previous = i > 0 ? lines[i - 1]! : '';
    const matches = findPhoneNumbersInText(line, region ? { defaultCountry: region } : {});
    for (const match of matches) {
      const before = line.slice(0, match.startsAt);
      const after = line.slice(match.endsAt);
      const raw = line.slice(match.startsAt, match.endsAt);
      if (FAX_LABEL.test(before) || (before.trim() === '' && FAX_LABEL.test(previous))) continue;
      if (PRICE_AROUND.test(before.slice(-4)) || PRICE_AROUND.test(after.slice(0, 4))) continue;
      if (/[\d]$/.test(before) || /^\d/.test(after)) continue;
      if (DATE.test(raw)) continue;
      const near = before.slice(-40);
      const labelled = PHONE_LABEL.test(near) || SHORT_LABEL.test(before) || (before.trim() === '' && PHONE_LABEL.test(previous.slice(-40)));
      const international = /^\s*(?:\+|00)[1-9]/.test(raw);
      if (!labelled && !international) continue;
      if (!match.number.isValid()) continue;
      out.push(toDetail(raw, match.number));
    }
  }
  return out;
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
  const { $ } = doc;
  const trusted: string[] = [];
  $('a[href]').each((_, el) => {
    const href = $(el).attr('href') ?? '';
    if (/^\s*(?:tel|callto):/i.test(href)) trusted.push(href.trim());
  });
  trusted.push(...jsonLdProperty(jsonld, 'telephone'), ...itempropValues($, 'telephone'));

  const byE164 = new Map<string, PhoneDetail>();
  const found = new Set<string>();
  const add = (detail: PhoneDetail | null): void => {
    if (!detail) return;
    found.add(detail.e164);
    const existing = byE164.get(detail.e164);
    if (!existing || (!existing.valid && detail.valid)) byE164.set(detail.e164, detail);
  };
  for (const raw of trusted) {
    const detail = parsePhone(raw, region, true);
    if (!detail) found.add(raw.replace(/\D/g, ''));
    add(detail);
  }
  for (const detail of phonesInText(doc.text, region)) add(detail);
  found.delete('');
  return { phones: [...byE164.values()], found: [...found] };
}
