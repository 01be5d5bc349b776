import { load, type CheerioAPI } from 'cheerio';

/**
 * A parsed page shared by every extractor, so the HTML is parsed once per page.
 * `text` is the visible text with block boundaries kept as newlines, because phone labels,
 * addresses and obfuscated emails are recognised line by line.
 */
export interface PageDocument {
  readonly $: CheerioAPI;
  readonly url: URL;
  /** Visible text of the whole page (scripts, styles and templates removed). */
  readonly text: string;
  /** The `<html lang>` value, lowercased, or null. */
  readonly lang: string | null;
}

/** Minimal structural view of a domhandler node; keeps domhandler out of our public types. */
export interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  parent?: DomNode | null;
}

const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'canvas']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'option', 'button', 'label',
]);

/**
 * htmlparser2 in HTML mode instead of cheerio's default parse5: several times faster and lighter on
 * large pages, and the extractors only query the tree. It does not invent `<html>`/`<head>`/`<body>`
 * or `<tbody>` the way a browser does, which no extractor relies on.
 */
export const PARSE_OPTIONS = { xml: { xmlMode: false, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true } } as const;

/** Parses HTML for extraction. The URL is the page's final URL (after redirects). */
export function parsePage(html: string, url: string): PageDocument {
  const $ = load(html, PARSE_OPTIONS);
  const lang = ($('html').attr('lang') ?? '').trim().toLowerCase() || null;
  const root = $.root()[0] as unknown as DomNode;
  return { $, url: new URL(url), text: visibleText([root]), lang };
}

/**
 * Visible text of the given nodes: text nodes joined, a newline at every block boundary, runs of
 * spaces collapsed. Cheerio's `.text()` glues `Tel:<br>030…` into one token, which breaks labels.
 */
export function visibleText(nodes: readonly DomNode[]): string {
  const out: string[] = [];
  const walk = (node: DomNode): void => {
    if (node.type === 'text') {
      out.push(node.data ?? '');
      return;
    }
    if (node.type === 'comment' || node.type === 'directive') return;
    const name = node.name?.toLowerCase();
    if (name && INVISIBLE.has(name)) return;
    if (node.attribs && ('hidden' in node.attribs || /display\s*:\s*none/i.test(node.attribs.style ?? ''))) return;
    const block = name !== undefined && BLOCK.has(name);
    if (block) out.push('\n');
    for (const child of node.children ?? []) walk(child);
    if (block) out.push('\n');
  };
  for (const node of nodes) walk(node);
  return out
    .join('')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[ \t\f\v\r]+/g, ' ')
    .replace(/ *\n[ \n]*/g, '\n')
    .trim();
}

/** Where on the page an element sits: site chrome (header/footer/nav) or the content. */
export type PageRegion = 'header' | 'footer' | 'nav' | 'aside' | 'content';

const REGION_CLASS = /(^|[\s_-])(footer|header|masthead|site-footer|site-header|navbar|topbar|social|follow)([\s_-]|$)/i;

/** Classifies an element by its closest landmark ancestor, used to prefer a site's own social profiles. */
export function regionOf(node: DomNode): PageRegion {
  for (let cur: DomNode | null | undefined = node; cur; cur = cur.parent) {
    const name = cur.name?.toLowerCase();
    const role = cur.attribs?.role?.toLowerCase();
    if (name === 'footer' || role === 'contentinfo') return 'footer';
    if (name === 'header' || role === 'banner') return 'header';
    if (name === 'nav' || role === 'navigation') return 'nav';
    if (name === 'aside' || role === 'complementary') return 'aside';
    const cls = `${cur.attribs?.class ?? ''} ${cur.attribs?.id ?? ''}`;
    if (cls.trim() && REGION_CLASS.test(cls)) {
      return /header|masthead|navbar|topbar/i.test(cls) ? 'header' : 'footer';
    }
  }
  return 'content';
}

/** Resolves a possibly relative URL against the page, or null when it is not a usable URL. */
export function resolveUrl(href: string | undefined, base: URL): URL | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base);
  } catch {
    return null;
  }
}
