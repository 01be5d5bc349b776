import type { CheerioAPI } from 'cheerio';
import { visibleText, type DomNode, type PageDocument } from './document.js';
import { jsonLdStrings, jsonLdTypes, type JsonLdNode } from './jsonld.js';

/** The parts of a postal address, as schema.org `PostalAddress` and microformats `adr` name them. */
export interface AddressParts {
  street?: string | undefined;
  locality?: string | undefined;
  region?: string | undefined;
  postalCode?: string | undefined;
  country?: string | undefined;
}

const US_STYLE = new Set(['US', 'USA', 'CA', 'AU', 'UNITED STATES', 'CANADA', 'AUSTRALIA']);

/**
 * Formats address parts as one line in the country's usual order: "street, city, ST 12345" for
 * the US, Canada and Australia, "street, 12345 city" elsewhere. The country is left out, as in the
 * seed's example, because it is implied by the site and would only make duplicates harder to spot.
 */
export function formatAddress(parts: AddressParts): string | null {
  const clean = (v: string | undefined): string => (v ?? '').replace(/\s+/g, ' ').replace(/^[,\s]+|[,\s]+$/g, '').trim();
  const street = clean(parts.street);
  const locality = clean(parts.locality);
  const region = clean(parts.region);
  const postal = clean(parts.postalCode);
  const country = clean(parts.country).toUpperCase();
  if (!street && !locality) return null;
  let tail: string[];
  if (US_STYLE.has(country) || (!country && /^[A-Z]{2,3}$/.test(region) && /^\d{4,5}(-\d{4})?$/.test(postal))) {
    tail = [locality, [region, postal].filter(Boolean).join(' ')];
  } else if (/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i.test(postal)) {
    tail = [locality, postal];
  } else {
    tail = [[postal, locality].filter(Boolean).join(' '), region && region !== locality ? region : ''];
  }
  const line = [street, ...tail].filter(Boolean).join(', ');
  return line || null;
}

function numericTokens(address: string): string[] {
  const tokens = address.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9]+/g) ?? [];
  return [...new Set(tokens.filter((t) => /\d/.test(t)))];
}

/**
 * Whether two one-line addresses name the same place regardless of formatting: the tokens that
 * contain digits (house number, postcode, unit) of one are all in the other, and there are at least
 * two of them, so "Via Roma 12, 20121 Milano" equals "Via Roma, 12 - 20121 Milano (MI)" and
 * "500 W 2nd St, Austin, TX 78701" equals the same with ", Suite 1900", but "14 Station Road" and
 * "16 Station Road" in the same postcode stay apart.
 */
export function sameAddress(a: string, b: string): boolean {
  const left = numericTokens(a);
  const right = numericTokens(b);
  const [small, large] = left.length <= right.length ? [left, new Set(right)] : [right, new Set(left)];
  if (small.length < 2) return a.toLowerCase().replace(/\W+/g, '') === b.toLowerCase().replace(/\W+/g, '');
  return small.every((t) => large.has(t));
}

/** Adds addresses to a list unless an equivalent one is already there (first one wins). */
export function dedupeAddresses(addresses: Iterable<string>): string[] {
  const out: string[] = [];
  for (const address of addresses) if (!out.some((kept) => sameAddress(kept, address))) out.push(address);
  return out;
}

function fromJsonLd(nodes: readonly JsonLdNode[]): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    if (jsonLdTypes(node).includes('PostalAddress')) {
      const str = (k: string): string | undefined => jsonLdStrings(node[k])[0];
      const line = formatAddress({
        street: str('streetAddress'),
        locality: str('addressLocality'),
        region: str('addressRegion'),
        postalCode: str('postalCode'),
        country: str('addressCountry'),
      });
      if (line) out.push(line);
    } else if (typeof node.address === 'string' && looksLikeAddress(node.address)) {
      out.push(stripCountry(node.address.replace(/\s*\n\s*/g, ', ').replace(/\s+/g, ' ').trim()));
    }
  }
  return out;
}

function partsIn($: CheerioAPI, scope: Parameters<CheerioAPI>[0], map: Record<keyof AddressParts, string>): AddressParts {
  const read = (selector: string): string | undefined => {
    const el = $(scope).find(selector).first();
    if (!el.length) return undefined;
    return (el.attr('content') ?? visibleText([el[0] as unknown as DomNode]).replace(/\n/g, ', ')).trim() || undefined;
  };
  return {
    street: read(map.street),
    locality: read(map.locality),
    region: read(map.region),
    postalCode: read(map.postalCode),
    country: read(map.country),
  };
}

function fromMicrodata($: CheerioAPI): string[] {
  const out: string[] = [];
  $('[itemtype*="PostalAddress" i]').each((_, el) => {
    const line = formatAddress(
      partsIn($, el, {
        street: '[itemprop="streetAddress"]',
        locality: '[itemprop="addressLocality"]',
        region: '[itemprop="addressRegion"]',
        postalCode: '[itemprop="postalCode"]',
        country: '[itemprop="addressCountry"]',
      }),
    );
    if (line) out.push(line);
  });
  return out;
}

function fromMicroformats($: CheerioAPI): string[] {
  const out: string[] = [];
  $('.h-adr, .adr, .h-card .p-adr').each((_, el) => {
    const line = formatAddress(
      partsIn($, el, {
        street: '.p-street-address, .street-address',
        locality: '.p-locality, .locality',
        region: '.p-region, .region',
        postalCode: '.p-postal-code, .postal-code',
        country: '.p-country-name, .country-name',
      }),
    );
    if (line) out.push(line);
  });
  return out;
}

const STREET_WORDS = String.raw`(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|way|court|ct|place|pl|parade|pde|highway|hwy|parkway|pkwy|terrace|close|crescent|square|sq|row|mews|gardens)`;
const STREET_PATTERNS: readonly RegExp[] = [
  // 123 Main Street / 12-14 High St, Unit 4
  new RegExp(String.raw`\b\d{1,5}[a-z]?(?:[-–]\d{1,5}[a-z]?)?\s+(?:[\p{L}\p{N}'.-]+\s+){0,4}${STREET_WORDS}\b\.?`, 'iu'),
  // Hauptstraße 5 / Lindenweg 12a / Karl-Marx-Allee 3
  /[\p{L}.-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|markt|steig)\s+\d{1,4}\s?[a-z]?\b/iu,
  // Via Roma 12 / Calle Mayor 5 / Rua Augusta, 100 / Avenida Paulista, 1578
  /\b(?:via|viale|piazza|corso|largo|vicolo|calle|avenida|av\.|avda\.?|plaza|paseo|carrer|rua|travessa|praça|alameda|rodovia|estrada)\s+(?:[\p{L}'.]+\s+){0,5}[\p{L}'.]+,?\s+(?:n[º°.]?\s*)?\d{1,5}\b/iu,
  // 12 rue de la Paix / 3 bis avenue Foch
  /\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|quai|cours|route)\s+[\p{L}' -]+/iu,
];
const POSTAL_PATTERNS: readonly RegExp[] = [
  /\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b/, // US: TX 78701
  /\b(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)\s+\d{4}\b/, // AU
  /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/, // UK postcode
  /\b\d{5}-\d{3}\b/, // BR CEP
  /(?:^|[\s,–-])\d{5}\s+[\p{Lu}][\p{L}.'-]+/u, // DE/FR/IT/ES: 10115 Berlin
  /\b\d{4}\s?[A-Z]{2}\b\s+[\p{Lu}]/u, // NL: 1012 AB Amsterdam
  /(?:^|[\s,])\d{4}\s+[\p{Lu}][\p{L}.'-]+/u, // AT/CH/BE/DK: 1010 Wien
];

/** Whether a free-text line reads like a postal address (a street and a postcode). */
export function looksLikeAddress(text: string): boolean {
  return STREET_PATTERNS.some((re) => re.test(text)) && POSTAL_PATTERNS.some((re) => re.test(text));
}

const NOT_ADDRESS_LINE = /@|https?:|www\.|^\s*(?:tel|phone|fax|e-?mail|mail|t|f|e|p|m)\s*[:.]|\+\d{2}|\(\d{3}\)\s*\d{3}|opening|hours|öffnungszeiten|orari|horario|horaires|©|copyright/i;
const ADDRESS_LABEL = /^\s*(?:address|adresse|anschrift|dirección|direccion|indirizzo|endereço|endereco|sede|studio|office|our office|visit us(?: at)?|find us(?: at)?|located at|we are at|kanzlei|standort|workshop)\s*[:\-–]?\s*/i;
const UNIT_PREFIX = /^(?:(?:shop|unit|suite|level|floor|apt|ste)\.?\s*\d+[a-z]?\s*[,/]?\s*)$/i;

/** Where the street part starts in a line, or -1. */
function streetStart(line: string): number {
  let best = -1;
  for (const re of STREET_PATTERNS) {
    const m = re.exec(line);
    if (m && (best === -1 || m.index < best)) best = m.index + (m[0].length - m[0].trimStart().length);
  }
  return best;
}

function postalEnd(text: string): number {
  let end = -1;
  for (const re of POSTAL_PATTERNS) {
    const m = re.exec(text);
    if (m) end = Math.max(end, m.index + m[0].length);
  }
  return end;
}

function cleanLine(line: string): string {
  return line
    .replace(/\s*[|·•]\s*/g, ', ')
    .replace(/\s+-\s+(?=\d)/g, ', ')
    .replace(/\s+/g, ' ')
    .replace(/^[,\s]+|[,\s]+$/g, '');
}

/**
 * Finds addresses written as text: a line with a street pattern, joined with the following line(s)
 * until a postcode appears (at most two more lines), and cut after the postcode. Lines with emails,
 * phones, URLs or opening hours end the block, so contact details never leak into the address.
 * In `strict` mode (a whole contact or legal page) the street must start its line, after an
 * address label or a unit ("Shop 3,"): an address inside a sentence ("Zuständige Kammer:
 * Rechtsanwaltskammer Berlin, Littenstraße 9…", "Hébergement : OVH, 2 rue Kellermann…") usually
 * belongs to someone else. In block mode (footer, `<address>`, contact widgets) a short name may
 * precede the street and is dropped.
 */
export function addressesInText(text: string, strict = false): string[] {
  const lines = text.split('\n').flatMap((l) => l.split(/\s+[|·•]\s+/)).map((l) => l.trim()).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(ADDRESS_LABEL, '');
    if (line.length > 160 || NOT_ADDRESS_LINE.test(line)) continue;
    const start = streetStart(line);
    if (start < 0) continue;
    const prefix = line.slice(0, start);
    const unit = UNIT_PREFIX.test(prefix.trim()) ? prefix : '';
    if (strict && prefix.trim() && !unit) continue;
    if (!strict && !unit && (prefix.includes(':') || prefix.trim().split(/\s+/).length > 6)) continue;
    const parts = [cleanLine(unit + line.slice(start))];
    let j = i;
    while (postalEnd(parts.join(', ')) < 0 && j < i + 2 && j + 1 < lines.length) {
      j++;
      const next = lines[j]!;
      if (next.length > 80 || NOT_ADDRESS_LINE.test(next)) break;
      parts.push(cleanLine(next));
    }
    const joined = parts.filter(Boolean).join(', ');
    const end = postalEnd(joined);
    if (end > 0) {
      out.push(stripCountry(joined.slice(0, end)));
      i = j;
    }
  }
  return out;
}

function stripCountry(line: string): string {
  return line
    .replace(/,\s*(?:united states|usa|united kingdom|uk|deutschland|germany|france|italia|italy|españa|spain|australia|brasil|brazil|portugal|österreich|schweiz)\.?$/i, '')
    .replace(/[.,\s]+$/, '');
}

const CONTACT_PATH = /contact|kontakt|contacto|contatti|contato|impressum|imprint|mentions|legal|about|uber-uns|über-uns|chi-siamo|quienes|sobre|location|find-us|visit|standort|anfahrt/i;
const BLOCK_SELECTOR = [
  'address', 'footer', '[role="contentinfo"]', '[class*="address" i]', '[class*="contact" i]', '[class*="location" i]',
  '[class*="footer" i]', '[id*="address" i]', '[id*="contact" i]', '[id*="footer" i]', '[class*="adresse" i]',
].join(', ');

/**
 * Extracts postal addresses from one page: JSON-LD `PostalAddress`, microdata, microformats
 * (h-card/adr), `<address>`, and text in footer/contact blocks (the whole page on a contact,
 * imprint or about page). One line each, deduped by `addressKey`, structured sources first.
 */
export function extractAddresses(doc: PageDocument, jsonld: readonly JsonLdNode[]): string[] {
  const { $ } = doc;
  const structured = [...fromJsonLd(jsonld), ...fromMicrodata($), ...fromMicroformats($)];
  const blocks: DomNode[] = [];
  $(BLOCK_SELECTOR).each((_, el) => {
    blocks.push(el as unknown as DomNode);
  });
  const textual = blocks.flatMap((b) => addressesInText(visibleText([b])));
  if (CONTACT_PATH.test(doc.url.pathname)) textual.push(...addressesInText(doc.text, true));
  return dedupeAddresses([...structured, ...textual]);
}

/** A country implied by an address's postcode format, used to pick the phone region. */
export function countryFromAddress(address: string): string | null {
  if (/\b(?:NSW|VIC|QLD|TAS|ACT)\s+\d{4}\b/.test(address)) return 'AU';
  if (/\b\d{5}-\d{3}\b/.test(address)) return 'BR';
  if (/\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b/.test(address)) return 'US';
  if (/\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/.test(address)) return 'GB';
  return null;
}
