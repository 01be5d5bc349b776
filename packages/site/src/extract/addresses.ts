import type { CheerioAPI } from 'cheerio';
import { visibleText, type DomNode, type PageDocument } from './document.js';
import { jsonLdStrings, jsonLdTypes, type JsonLdNode } from './jsonld.js';
import { addressesInText, isPlaceholderAddress, looksLikeAddress, stripCountry } from './address-text.js';
import { conventionalPostcode } from './address-formats.js';

export { addressesInText, looksLikeAddress, countryFromAddress, type AddressTextOptions } from './address-text.js';

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
  const country = clean(parts.country).toUpperCase();
  const postal = conventionalPostcode(country, clean(parts.postalCode));
  // A town or region alone ("Springfield, Illinois") is not a postal address.
  if (!street) return null;
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

const CONTACT_PATH = /contact|kontakt|contacto|contatti|contato|impressum|imprint|mentions|legal|about|uber-uns|über-uns|chi-siamo|quienes|sobre|location|find-us|visit|standort|anfahrt|adres|access|company|profile|会社|アクセス/i;
const BLOCK_SELECTOR = [
  'address', 'footer', '[role="contentinfo"]', '[class*="address" i]', '[class*="contact" i]', '[class*="location" i]',
  '[class*="footer" i]', '[id*="address" i]', '[id*="contact" i]', '[id*="footer" i]', '[class*="adres" i]', '[id*="adres" i]',
  '[class*="kontakt" i]', '[id*="kontakt" i]', '[class*="contatt" i]', '[id*="contatt" i]', '[class*="contato" i]',
  '[id*="contato" i]', '[class*="impressum" i]', '[id*="impressum" i]', '[class*="imprint" i]', '[id*="location" i]',
  '[class*="visit" i]', '[class*="store-info" i]',
].join(', ');
/** Headings that open a contact section even when its markup says nothing ("<h2>Kontakt</h2><p>Musterweg 12…"). */
const CONTACT_HEADING = /^\s*(?:contact(?: us)?|get in touch|find us|visit us|where to find us|our address|address|location|kontakt|anschrift|adresse|contacto|contáctanos|dirección|contatti|contattaci|indirizzo|contato|fale conosco|endereço|nous contacter|coordonnées|contact|adres|contacten|контакты|контакти|адрес|адреса|our locations?|locate us|how to find us|ubicación|dónde estamos|địa chỉ|liên hệ|thông tin liên hệ|alamat|hubungi kami|お問い合わせ|アクセス|会社概要|所在地|住所|اتصل بنا|تواصل معنا)\s*[:.!]?\s*$/iu;

function isHomePath(path: string): boolean {
  return /^\/(?:index\.html?|[a-z]{2}(?:-[a-z]{2})?\/?)?$/i.test(path);
}

/** The address blocks of a page, outermost only (a footer's inner `.contact` adds nothing but a second walk). */
function addressBlocks($: CheerioAPI): DomNode[] {
  const picked = new Set<unknown>();
  $(BLOCK_SELECTOR).each((_, el) => {
    picked.add(el);
  });
  $('h1, h2, h3, h4, h5, h6').each((_, el) => {
    if (CONTACT_HEADING.test($(el).text()) && el.parent) picked.add(el.parent);
  });
  const out: DomNode[] = [];
  for (const el of picked) {
    let inside = false;
    for (let cur = (el as DomNode).parent; cur; cur = cur.parent) {
      if (picked.has(cur)) {
        inside = true;
        break;
      }
    }
    if (!inside) out.push(el as DomNode);
  }
  return out;
}

/**
 * Extracts postal addresses from one page: JSON-LD `PostalAddress`, microdata, microformats
 * (h-card/adr), and plain text (`address-text.ts`) in `<address>`, footer, contact and imprint
 * blocks and sections under a contact heading; on a contact, imprint, about or home page the whole
 * text too, where an address must start its line. One line each, deduped by `sameAddress`,
 * structured sources first.
 */
export function extractAddresses(doc: PageDocument, jsonld: readonly JsonLdNode[]): string[] {
  const { $ } = doc;
  const structured = [...fromJsonLd(jsonld), ...fromMicrodata($), ...fromMicroformats($)];
  const blocks = addressBlocks($);
  const textual = blocks.flatMap((b) => addressesInText(visibleText([b]), { block: true }));
  // An `<address>` element says outright that it holds one, even without a house number (read on its own, also inside a footer).
  $('address').each((_, el) => {
    textual.push(...addressesInText(visibleText([el as unknown as DomNode]), { block: true, addressElement: true }));
  });
  if (CONTACT_PATH.test(doc.url.pathname) || isHomePath(doc.url.pathname)) textual.push(...addressesInText(doc.text, { strict: true }));
  return dedupeAddresses([...structured, ...textual].filter((a) => !isPlaceholderAddress(a)));
}
