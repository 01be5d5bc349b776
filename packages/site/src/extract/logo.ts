import type { Logo as SchemaLogo } from '@spideriq/schema';
import type { PageDocument } from './document.js';
import { resolveUrl } from './document.js';
import { jsonLdStrings, jsonLdTypes, type JsonLdNode } from './jsonld.js';

/** Where a logo came from, strongest first; kept so consumers can judge how far to trust it. */
export type LogoSource = 'jsonld' | 'header-img' | 'img' | 'apple-touch-icon' | 'icon' | 'og:image';

/** The site's logo and how it was found: the schema's `Logo`, with `source` narrowed to what this extractor reports. */
export type Logo = Omit<SchemaLogo, 'source'> & { source: LogoSource };

const ORG_TYPES = /Organization|Corporation|LocalBusiness|Restaurant|Store|Attorney|LegalService|Plumber|HomeAndConstructionBusiness|ProfessionalService|Brand|Dentist|MedicalBusiness|FoodEstablishment/i;

/**
 * Finds the logo: schema.org `logo` of an organisation, then an `<img>` marked as a logo in the
 * header, then any logo image, then touch/fav icons and finally `og:image` (often a photo, so last).
 */
export function extractLogo(doc: PageDocument, jsonld: readonly JsonLdNode[]): Logo | null {
  const { $, url: base } = doc;
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
  const logoImg = (scope: string): string | null => {
    let found: string | null = null;
    $(scope).each((_, el) => {
      if (found) return;
      const $el = $(el);
      const src = $el.attr('src') ?? $el.attr('data-src') ?? $el.attr('srcset')?.split(/\s+/)[0];
      found = abs(src);
    });
    return found;
  };
  const marked = 'img[class*="logo" i], img[id*="logo" i], img[alt*="logo" i], img[src*="logo" i], [class*="logo" i] img, [id*="logo" i] img, a[rel="home"] img';
  const header = logoImg(`header :is(${marked}), [role="banner"] :is(${marked})`) ?? logoImg('header img');
  if (header) return { url: header, source: 'header-img' };
  const any = logoImg(marked);
  if (any) return { url: any, source: 'img' };
  const touch = abs($('link[rel~="apple-touch-icon" i]').attr('href'));
  if (touch) return { url: touch, source: 'apple-touch-icon' };
  const icon = abs($('link[rel~="icon" i]').attr('href'));
  if (icon) return { url: icon, source: 'icon' };
  const og = abs($('meta[property="og:image" i]').attr('content'));
  return og ? { url: og, source: 'og:image' } : null;
}
