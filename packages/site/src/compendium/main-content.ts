import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeCloudflareEmail } from '../extract/cloudflare-email.js';

/** Site chrome and noise that `fit`, `citations` and `minimal` leave out (Firecrawl's onlyMainContent list, plus consent banners). */
const CHROME = [
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'form', 'header', 'footer', 'nav', 'aside',
  '[role="banner"]', '[role="navigation"]', '[role="contentinfo"]', '[role="complementary"]', '[aria-hidden="true"]',
  '[hidden]', '.sr-only', '.visually-hidden', '.screen-reader-text',
].join(', ');
const NOISE = /(^|[\s_-])(cookie|consent|gdpr|cmp|newsletter|popup|modal|share|sharing|social|advert|ads?|banner-ad|breadcrumbs?|skip-link|announcement-bar)([\s_-]|$)/i;

/** Below this many characters of de-chromed text a page is used whole (Readability is for articles). */
const SHORT_PAGE = 1500;

type Doc = ReturnType<typeof parseHTML>['document'];

function parse(html: string): Doc {
  // linkedom only builds <html>/<body> for full documents; wrap fragments so `body` always exists
  const inner = /<body[\s>]/i.test(html) ? html : `<head></head><body>${html}</body>`;
  const full = /<html[\s>]/i.test(html) ? html : `<!doctype html><html>${inner}</html>`;
  const doc = parseHTML(full).document;
  revealCloudflareEmails(doc);
  return doc;
}

/** Puts Cloudflare-protected addresses back, so the markdown says `hello@…` instead of `[email protected]`. */
function revealCloudflareEmails(doc: Doc): void {
  for (const el of Array.from(doc.querySelectorAll('[data-cfemail]'))) {
    const email = decodeCloudflareEmail(el.getAttribute('data-cfemail') ?? '');
    if (email) el.replaceWith(doc.createTextNode(email));
  }
  for (const a of Array.from(doc.querySelectorAll('a[href*="/cdn-cgi/l/email-protection"]'))) {
    const hex = (a.getAttribute('href') ?? '').split('#')[1] ?? '';
    const email = decodeCloudflareEmail(hex);
    if (email) {
      a.setAttribute('href', `mailto:${email}`);
      if (/email\s*protected/i.test(a.textContent ?? '')) a.textContent = email;
    } else if (!hex) {
      a.replaceWith(...Array.from(a.childNodes));
    }
  }
}

function removeAll(doc: Pick<Doc, 'querySelectorAll'>, selector: string): void {
  for (const el of Array.from(doc.querySelectorAll(selector))) el.remove();
}

/** Removes cookie banners, share bars and similar widgets by class/id; used by every level except `raw`. */
function removeNoise(doc: Doc): void {
  for (const el of Array.from(doc.querySelectorAll('[class], [id]'))) {
    const label = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (NOISE.test(label) && el.tagName !== 'BODY' && el.tagName !== 'HTML' && el.tagName !== 'MAIN') el.remove();
  }
}

type El = NonNullable<Doc['body']>;

/** Whether a UTF-16 code unit is JavaScript `\s` whitespace. */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * `text.replace(/\s+/g, ' ').trim().length` without building the collapsed copy: this runs on the
 * whole text of every page twice, and the copies showed up in profiles.
 */
function collapsedLength(text: string | null | undefined): number {
  if (!text) return 0;
  let length = 0;
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      gap = length > 0;
      continue;
    }
    length += gap ? 2 : 1;
    gap = false;
  }
  return length;
}

function textLength(html: string): number {
  return collapsedLength(parse(`<body>${html}</body>`).body?.textContent);
}

/**
 * The `raw` content as a DOM element (the page body with only scripts, styles and similar invisible
 * elements removed), so the markdown converter can walk it without serialising and re-parsing.
 */
export function rawContentNode(html: string): El | null {
  const doc = parse(html);
  removeAll(doc, 'script, style, noscript, template, iframe, svg');
  return doc.body ?? null;
}

/** The page body with only scripts, styles and similar invisible elements removed (`raw`). */
export function rawContent(html: string): string {
  return rawContentNode(html)?.innerHTML ?? '';
}

/**
 * `fitContent` as a DOM element whose children are the content. The page is parsed once: noise is removed from it, a copy of its
 * body loses the chrome (the fallback), and Readability reads the document itself, handing back its
 * article element rather than HTML (its `serializer` option), so nothing is parsed twice.
 */
export function fitContentNode(html: string, url: string): El | null {
  const doc = parse(html);
  removeNoise(doc);
  const fallback = (doc.body?.cloneNode(true) ?? null) as El | null;
  if (!fallback) return null;
  removeAll(fallback, CHROME);
  const fallbackLength = collapsedLength(fallback.textContent);
  if (fallbackLength < SHORT_PAGE) return fallback;
  let article: { content: El } | null = null;
  try {
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    doc.head?.appendChild(base);
    const parsed = new Readability(doc as unknown as Document, {
      keepClasses: true,
      charThreshold: 200,
      serializer: (el) => el,
    }).parse();
    article = parsed?.content ? { content: parsed.content as unknown as El } : null;
  } catch {
    article = null;
  }
  if (article && collapsedLength(article.content.textContent) >= 0.6 * fallbackLength) return article.content;
  return fallback;
}

/**
 * The page's main content (`fit`): the page without its chrome (header, footer, nav, aside, forms,
 * cookie/share banners), narrowed further by Mozilla Readability on long pages when Readability
 * kept at least 60% of that text. Short pages (a contact page, a price list) skip Readability,
 * which tends to keep one block of them, so they never come back empty (Firecrawl #540, #289).
 */
export function fitContent(html: string, url: string): string {
  const node = fitContentNode(html, url);
  return node?.innerHTML ?? '';
}

/** `minimalContent` as a DOM element whose children are the matched sections, falling back to `fit`. */
export function minimalContentNode(html: string, url: string, sections: readonly string[]): El | null {
  const doc = parse(html);
  removeAll(doc, CHROME.split(', ').filter((s) => s !== 'header').join(', '));
  removeNoise(doc);
  for (const name of sections) {
    const safe = name.replace(/[^\w-]/g, '');
    if (!safe) continue;
    const selector = [safe, `#${safe}`, `.${safe}`, `[role="${safe}"]`, `[class*="${safe}"]`].join(', ');
    let found: El[] = [];
    try {
      found = Array.from(doc.querySelectorAll(selector)) as unknown as El[];
    } catch {
      continue;
    }
    // keep only outermost matches so nested ones are not repeated
    const outer = found.filter((el) => !found.some((other) => other !== el && other.contains(el)));
    const html = outer.map((el) => el.outerHTML).join('\n');
    if (textLength(html) > 0) return parse(`<body>${html}</body>`).body ?? null;
  }
  return fitContentNode(html, url);
}

/**
 * Only the priority sections (`minimal`): the first of `sections` that matches, tried as an
 * element name, an `#id`, a `.class`, a `[role]` and a class fragment; falling back to `fit`.
 */
export function minimalContent(html: string, url: string, sections: readonly string[]): string {
  const node = minimalContentNode(html, url, sections);
  return node?.innerHTML ?? '';
}
