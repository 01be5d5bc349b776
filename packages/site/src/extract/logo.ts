import type { Logo as SchemaLogo } from '@spideriq/schema';
import { attrIncludes, hasAncestor, hasWord, resolveUrl, type DomNode, type PageDocument } from './document.js';
import { jsonLdStrings, jsonLdTypes, type JsonLdNode } from './jsonld.js';

/** Where a logo came from, strongest first; kept so consumers can judge how far to trust it. */
export type LogoSource = 'jsonld' | 'header-img' | 'img' | 'apple-touch-icon' | 'icon' | 'og:image';

/** The site's logo and how it was found: the schema's `Logo`, with `source` narrowed to what this extractor reports. */
export type Logo = Omit<SchemaLogo, 'source'> & { source: LogoSource };

const ORG_TYPES = /Organization|Corporation|LocalBusiness|Restaurant|Store|Attorney|LegalService|Plumber|HomeAndConstructionBusiness|ProfessionalService|Brand|Dentist|MedicalBusiness|FoodEstablishment/i;

/** An image its markup calls a logo: by its own class, id, alt or file name, or inside a logo container or the home link. */
function markedAsLogo(img: DomNode): boolean {
  return (
    attrIncludes(img, 'class', 'logo') ||
    attrIncludes(img, 'id', 'logo') ||
    attrIncludes(img, 'alt', 'logo') ||
    attrIncludes(img, 'src', 'logo') ||
    hasAncestor(img, (el) => attrIncludes(el, 'class', 'logo') || attrIncludes(el, 'id', 'logo') || (el.name === 'a' && el.attribs?.rel?.toLowerCase() === 'home'))
  );
}

/**
 * Finds the logo: schema.org `logo` of an organisation, then an `<img>` marked as a logo in the
 * header, then any logo image, then touch/fav icons and finally `og:image` (often a photo, so last).
 */
export function extractLogo(doc: PageDocument, jsonld: readonly JsonLdNode[]): Logo | null {
  const base = doc.url;
  const abs = (href: string | undefined): string | null => {
    const url = resolveUrl(href, base);
    return url && (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'data:') ? url.href : null;
  };
  for (const node of jsonld) {
    if ('logo' in node && (jsonLdTypes(node).some((t) => ORG_TYPES.test(t)) || jsonLdTypes(node).length === 0)) {
      const url = abs(jsonLdStrings(node.logo)[0]);
      if (url) return { url, source: 'jsonld' };
    }
  }
  const images = doc.tagged('img');
  /** The first image passing `test` whose source resolves. */
  const logoImg = (test: (img: DomNode) => boolean): string | null => {
    for (const img of images) {
      if (!test(img)) continue;
      const a = img.attribs!;
      const url = abs(a.src ?? a['data-src'] ?? a.srcset?.split(/\s+/)[0]);
      if (url) return url;
    }
    return null;
  };
  const inHeader = (img: DomNode): boolean => hasAncestor(img, (el) => el.name === 'header' || el.attribs?.role === 'banner');
  const header = logoImg((img) => markedAsLogo(img) && inHeader(img)) ?? logoImg((img) => hasAncestor(img, (el) => el.name === 'header'));
  if (header) return { url: header, source: 'header-img' };
  const any = logoImg(markedAsLogo);
  if (any) return { url: any, source: 'img' };
  const links = doc.tagged('link');
  const touch = abs(links.find((el) => hasWord(el, 'rel', 'apple-touch-icon', true))?.attribs!.href);
  if (touch) return { url: touch, source: 'apple-touch-icon' };
  const icon = abs(links.find((el) => hasWord(el, 'rel', 'icon', true))?.attribs!.href);
  if (icon) return { url: icon, source: 'icon' };
  const og = abs(doc.tagged('meta').find((el) => el.attribs!.property?.toLowerCase() === 'og:image')?.attribs!.content);
  return og ? { url: og, source: 'og:image' } : null;
}
