import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';

/**
 * A parsed page shared by every extractor, so the HTML is parsed once per page.
 * `text` is the visible text with block boundaries kept as newlines, because phone labels,
 * addresses and obfuscated emails are recognised line by line. The extractors read `elements`
 * (one walk at parse time) with plain predicates rather than running CSS selectors, each of which
 * would walk the whole tree again.
 */
export interface PageDocument {
  /** The parsed document (the htmlparser2/domhandler tree); read, never changed. */
  readonly root: DomNode;
  readonly url: URL;
  /** Visible text of the whole page (scripts, styles and templates removed). */
  readonly text: string;
  /** The `<html lang>` value, lowercased, or null. */
  readonly lang: string | null;
  /** Every element of the page, in document order. */
  readonly elements: readonly DomNode[];
  /** The elements with this (lowercase) tag name, in document order. */
  tagged(name: string): readonly DomNode[];
}

/** Minimal structural view of a domhandler node; keeps domhandler out of our public types. */
export interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  parent?: DomNode | null;
  next?: DomNode | null;
}

const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'canvas']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'option', 'button', 'label',
]);

/**
 * htmlparser2 in HTML mode instead of parse5: several times faster and lighter on large pages, and
 * the extractors only read the tree. It does not invent `<html>`/`<head>`/`<body>` or `<tbody>` the
 * way a browser does, which no extractor relies on.
 */
const PARSE_OPTIONS = { xmlMode: false, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true } as const;

/** The document tree of some HTML, parsed the way every extractor and the compendium read it. */
export function parseHtml(html: string): DomNode {
  return parseDocument(html, PARSE_OPTIONS) as unknown as DomNode;
}

/** Whether a node is an element (domhandler gives `<script>` and `<style>` types of their own). */
export function isElement(node: DomNode): boolean {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Parses HTML for extraction. The URL is the page's final URL (after redirects). */
export function parsePage(html: string, url: string): PageDocument {
  const root = parseHtml(html);
  const elements: DomNode[] = [];
  const walk = (node: DomNode): void => {
    for (const child of node.children ?? []) {
      if (!isElement(child)) continue;
      elements.push(child);
      walk(child);
    }
  };
  walk(root);
  let byTag: Map<string, DomNode[]> | null = null;
  const tagged = (name: string): readonly DomNode[] => {
    if (!byTag) {
      byTag = new Map();
      for (const el of elements) {
        const list = byTag.get(el.name!);
        if (list) list.push(el);
        else byTag.set(el.name!, [el]);
      }
    }
    return byTag.get(name) ?? [];
  };
  const lang = (tagged('html')[0]?.attribs?.lang ?? '').trim().toLowerCase() || null;
  return { root, url: new URL(url), text: visibleText([root]), lang, elements, tagged };
}

/** The text of a node and everything in it, scripts included (what cheerio's `.text()` gives). */
export function textOf(node: DomNode | null | undefined): string {
  return node ? textContent(node as never) : '';
}

/** An element's parent element, or null at the top of the document. */
export function parentElement(node: DomNode): DomNode | null {
  const parent = node.parent;
  return parent && isElement(parent) ? parent : null;
}

/** The next element among a node's siblings (text and comments skipped), or null. */
export function nextElement(node: DomNode): DomNode | null {
  let next = node.next ?? null;
  while (next && !isElement(next)) next = next.next ?? null;
  return next;
}

/** Whether an element sits inside another element that passes `test`. */
export function hasAncestor(node: DomNode, test: (el: DomNode) => boolean): boolean {
  for (let cur = parentElement(node); cur; cur = parentElement(cur)) if (test(cur)) return true;
  return false;
}

/** The element and every element inside it, in document order. */
export function descendants(node: DomNode): DomNode[] {
  const out: DomNode[] = [];
  const walk = (n: DomNode): void => {
    for (const child of n.children ?? []) {
      if (!isElement(child)) continue;
      out.push(child);
      walk(child);
    }
  };
  walk(node);
  return out;
}

/** Whether an attribute's whitespace-separated words include `word` (CSS `[name~="word"]`). */
export function hasWord(el: DomNode, name: string, word: string, ignoreCase = false): boolean {
  const raw = el.attribs?.[name];
  if (raw === undefined) return false;
  const value = ignoreCase ? raw.toLowerCase() : raw;
  const wanted = ignoreCase ? word.toLowerCase() : word;
  // Most attributes do not hold the word anywhere; only those that do are split into words.
  if (value === wanted) return true;
  return value.includes(wanted) && value.split(/\s+/).includes(wanted);
}

/** Whether an attribute contains `part`, ignoring case (CSS `[name*="part" i]`). */
export function attrIncludes(el: DomNode, name: string, part: string): boolean {
  return el.attribs?.[name]?.toLowerCase().includes(part) ?? false;
}

/**
 * Visible text of the given nodes: text nodes joined, a newline at every block boundary, runs of
 * spaces collapsed. Cheerio's `.text()` glues `Tel:<br>030…` into one token, which breaks labels.
 */
export function visibleText(nodes: readonly DomNode[]): string {
  const out: string[] = [];
  // A boundary right after another adds nothing: a run of blanks with a newline becomes one newline.
  const boundary = (): void => {
    if (out[out.length - 1] !== '\n') out.push('\n');
  };
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
    if (block) boundary();
    for (const child of node.children ?? []) walk(child);
    if (block) boundary();
  };
  for (const node of nodes) walk(node);
  return collapseBlanks(out.join(''));
}

/**
 * Non-breaking spaces become spaces, each run of blanks one space, and each run of blanks holding a
 * newline one newline; then the ends are trimmed. The patterns match only runs that change (a lone
 * space or newline is left where it is), which is most of the work on a page of running text; the
 * first pass reads a non-breaking space as a blank, so it maps and collapses in one go.
 */
export function collapseBlanks(text: string): string {
  return text
    .replace(/[ \t\f\v\r\u00a0\u2007\u202f]{2,}|[\t\f\v\r\u00a0\u2007\u202f]/g, ' ')
    .replace(/ +\n[ \n]*|\n[ \n]+/g, '\n')
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
