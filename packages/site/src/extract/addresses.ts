import { attrIncludes, descendants, hasAncestor, hasWord, textOf, visibleText, type DomNode, type PageDocument } from './document.js';
import { isHeading } from './host-sections.js';
import { jsonLdStrings, jsonLdTypes, type JsonLdNode } from './jsonld.js';
import { addressesInText, isPlaceholderAddress, looksLikeAddress, stripCountry } from './address-text.js';
import { conventionalPostcode } from './address-formats.js';
import { memoize } from '../memo.js';

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

/** Which element inside an address block holds each part: a microdata property or microformats class names. */
type PartTests = Record<keyof AddressParts, (el: DomNode) => boolean>;

function partsIn(scope: DomNode, tests: PartTests): AddressParts {
  const inside = descendants(scope);
  const read = (test: (el: DomNode) => boolean): string | undefined => {
    const el = inside.find(test);
    if (!el) return undefined;
    return (el.attribs!.content ?? visibleText([el]).replace(/\n/g, ', ')).trim() || undefined;
  };
  return {
    street: read(tests.street),
    locality: read(tests.locality),
    region: read(tests.region),
    postalCode: read(tests.postalCode),
    country: read(tests.country),
  };
}

const itemprop = (name: string) => (el: DomNode): boolean => el.attribs!.itemprop === name;
const MICRODATA_PARTS: PartTests = {
  street: itemprop('streetAddress'),
  locality: itemprop('addressLocality'),
  region: itemprop('addressRegion'),
  postalCode: itemprop('postalCode'),
  country: itemprop('addressCountry'),
};
const classes = (...names: string[]) => (el: DomNode): boolean => names.some((name) => hasWord(el, 'class', name));
const MICROFORMAT_PARTS: PartTests = {
  street: classes('p-street-address', 'street-address'),
  locality: classes('p-locality', 'locality'),
  region: classes('p-region', 'region'),
  postalCode: classes('p-postal-code', 'postal-code'),
  country: classes('p-country-name', 'country-name'),
};

function fromMicrodata(doc: PageDocument): string[] {
  const out: string[] = [];
  for (const el of doc.elements) {
    if (!attrIncludes(el, 'itemtype', 'postaladdress')) continue;
    const line = formatAddress(partsIn(el, MICRODATA_PARTS));
    if (line) out.push(line);
  }
  return out;
}

/** `.h-adr, .adr, .h-card .p-adr`. */
function isMicroformatAddress(el: DomNode): boolean {
  return hasWord(el, 'class', 'h-adr') || hasWord(el, 'class', 'adr') || (hasWord(el, 'class', 'p-adr') && hasAncestor(el, (a) => hasWord(a, 'class', 'h-card')));
}

function fromMicroformats(doc: PageDocument): string[] {
  const out: string[] = [];
  for (const el of doc.elements) {
    if (!isMicroformatAddress(el)) continue;
    const line = formatAddress(partsIn(el, MICROFORMAT_PARTS));
    if (line) out.push(line);
  }
  return out;
}

const CONTACT_PATH = /contact|kontakt|contacto|contatti|contato|impressum|imprint|mentions|legal|about|uber-uns|über-uns|chi-siamo|quienes|sobre|location|find-us|visit|standort|anfahrt|adres|access|company|profile|会社|アクセス/i;
/** Words in a class name that mark an address block ("footer-contact", "store-info", "kontakt-box"). */
const BLOCK_CLASS_WORDS = ['address', 'contact', 'location', 'footer', 'adres', 'kontakt', 'contatt', 'contato', 'impressum', 'imprint', 'visit', 'store-info'];
/** The same for ids. */
const BLOCK_ID_WORDS = ['address', 'contact', 'footer', 'adres', 'kontakt', 'contatt', 'contato', 'impressum', 'location'];

/** `<address>`, `<footer>`, `role="contentinfo"`, or a class or id naming an address, contact, footer or imprint block. */
function isAddressBlock(el: DomNode): boolean {
  if (el.name === 'address' || el.name === 'footer' || el.attribs!.role === 'contentinfo') return true;
  const cls = el.attribs!.class?.toLowerCase();
  if (cls && BLOCK_CLASS_WORDS.some((w) => cls.includes(w))) return true;
  const id = el.attribs!.id?.toLowerCase();
  return id !== undefined && BLOCK_ID_WORDS.some((w) => id.includes(w));
}
/** Headings that open a contact section even when its markup says nothing ("<h2>Kontakt</h2><p>Musterweg 12…"). */
const CONTACT_HEADING = /^\s*(?:contact(?: us)?|get in touch|find us|visit us|where to find us|our address|address|location|kontakt|anschrift|adresse|contacto|contáctanos|dirección|contatti|contattaci|indirizzo|contato|fale conosco|endereço|nous contacter|coordonnées|contact|adres|contacten|контакты|контакти|адрес|адреса|our locations?|locate us|how to find us|ubicación|dónde estamos|địa chỉ|liên hệ|thông tin liên hệ|alamat|hubungi kami|お問い合わせ|アクセス|会社概要|所在地|住所|اتصل بنا|تواصل معنا)\s*[:.!]?\s*$/iu;

function isHomePath(path: string): boolean {
  return /^\/(?:index\.html?|[a-z]{2}(?:-[a-z]{2})?\/?)?$/i.test(path);
}

/** The address blocks of a page, outermost only (a footer's inner `.contact` adds nothing but a second walk). */
function addressBlocks(doc: PageDocument): DomNode[] {
  const picked = new Set<DomNode>();
  for (const el of doc.elements) if (isAddressBlock(el)) picked.add(el);
  for (const el of doc.elements) {
    if (isHeading(el) && el.parent && CONTACT_HEADING.test(textOf(el))) picked.add(el.parent);
  }
  const out: DomNode[] = [];
  for (const el of picked) {
    let inside = false;
    for (let cur = el.parent; cur; cur = cur.parent) {
      if (picked.has(cur)) {
        inside = true;
        break;
      }
    }
    if (!inside) out.push(el);
  }
  return out;
}

/** `addressesInText` over a block; a site's footer is the same block on every page, so its answer is remembered. */
const addressesInBlock = memoize(
  (text: string, addressElement: boolean) => addressesInText(text, { block: true, addressElement }),
  (text, addressElement) => (text.length <= 4000 ? `${addressElement ? 'a' : 'b'}${text}` : null),
  (found) => [...found],
);

/**
 * Extracts postal addresses from one page: JSON-LD `PostalAddress`, microdata, microformats
 * (h-card/adr), and plain text (`address-text.ts`) in `<address>`, footer, contact and imprint
 * blocks and sections under a contact heading; on a contact, imprint, about or home page the whole
 * text too, where an address must start its line. One line each, deduped by `sameAddress`,
 * structured sources first.
 */
export function extractAddresses(doc: PageDocument, jsonld: readonly JsonLdNode[]): string[] {
  const structured = [...fromJsonLd(jsonld), ...fromMicrodata(doc), ...fromMicroformats(doc)];
  const blocks = addressBlocks(doc);
  const textual = blocks.flatMap((b) => addressesInBlock(visibleText([b]), false));
  // An `<address>` element says outright that it holds one, even without a house number (read on its own, also inside a footer).
  for (const el of doc.tagged('address')) textual.push(...addressesInBlock(visibleText([el]), true));
  if (CONTACT_PATH.test(doc.url.pathname) || isHomePath(doc.url.pathname)) textual.push(...addressesInText(doc.text, { strict: true }));
  return dedupeAddresses([...structured, ...textual].filter((a) => !isPlaceholderAddress(a)));
}
