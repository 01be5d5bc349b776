import type { DomNode } from '../extract/document.js';
import { isSpace } from '../js-space.js';

/**
 * What the markdown converter reads of a page: the nodes converted, in order, and the elements left
 * out with everything inside them. The page's DOM is the extractors' DOM (parsed once, see
 * `parsePage`), so nothing here changes it: content is chosen by leaving nodes out, not by removing them.
 */
export interface PageContent {
  readonly roots: readonly DomNode[];
  readonly omit: (element: DomNode) => boolean;
}

/** Elements no cleanup level keeps: they are not visible content. */
const INVISIBLE = new Set(['head', 'script', 'style', 'noscript', 'template', 'iframe', 'svg']);
/** Site chrome that `fit`, `citations` and `minimal` leave out (Firecrawl's onlyMainContent list). */
const CHROME_TAGS = new Set([...INVISIBLE, 'form', 'header', 'footer', 'nav', 'aside']);
const CHROME_ROLES = new Set(['banner', 'navigation', 'contentinfo', 'complementary']);
const HIDDEN_CLASSES = /(^|\s)(sr-only|visually-hidden|screen-reader-text)(\s|$)/;
/** Cookie banners, share bars and similar widgets, recognised by class or id. */
const NOISE = /(^|[\s_-])(cookie|consent|gdpr|cmp|newsletter|popup|modal|share|sharing|social|advert|ads?|banner-ad|breadcrumbs?|skip-link|announcement-bar)([\s_-]|$)/i;
const NEVER_NOISE = new Set(['html', 'body', 'main']);

/** Below this many characters of de-chromed text a page is used whole: it has no "main part" to find. */
const SHORT_PAGE = 1500;
/** The main landmark is used alone when it holds at least this share of the de-chromed text. */
const MAIN_SHARE = 0.6;

const isElement = (node: DomNode): boolean => node.attribs !== undefined && node.name !== undefined;

function invisible(el: DomNode): boolean {
  return INVISIBLE.has(el.name!);
}

function chrome(el: DomNode, keepHeader: boolean): boolean {
  const name = el.name!;
  if (CHROME_TAGS.has(name)) return !(keepHeader && name === 'header');
  const attribs = el.attribs!;
  const role = attribs.role;
  if (role !== undefined && CHROME_ROLES.has(role) && !(keepHeader && role === 'banner')) return true;
  if (attribs['aria-hidden'] === 'true' || 'hidden' in attribs) return true;
  return attribs.class !== undefined && HIDDEN_CLASSES.test(attribs.class);
}

function noise(el: DomNode): boolean {
  const { class: cls, id } = el.attribs!;
  if (cls === undefined && id === undefined) return false;
  return !NEVER_NOISE.has(el.name!) && NOISE.test(`${cls ?? ''} ${id ?? ''}`);
}

/** The children of `<body>`, or of the document when the HTML is a fragment without one. */
function bodyChildren(root: DomNode): readonly DomNode[] {
  const find = (nodes: readonly DomNode[], depth: number): DomNode | null => {
    for (const node of nodes) {
      if (node.name === 'body') return node;
      if (depth < 2 && node.name === 'html' && node.children) {
        const found = find(node.children, depth + 1);
        if (found) return found;
      }
    }
    return null;
  };
  return (find(root.children ?? [], 0) ?? root).children ?? [];
}

/** Calls `visit` for every element under `nodes` that is not omitted, outermost first; `visit` returns true to skip inside. */
function eachElement(nodes: readonly DomNode[], omit: (el: DomNode) => boolean, visit: (el: DomNode) => boolean): void {
  for (const node of nodes) {
    if (!isElement(node) || omit(node)) continue;
    if (!visit(node) && node.children) eachElement(node.children, omit, visit);
  }
}

/** What a stretch of text adds to a count already under way: its collapsed length and its blanks at either end. */
export interface TextSpan {
  /** Length with blank runs collapsed to one space and the ends trimmed. */
  length: number;
  /** A blank comes before its first visible character (or it is all blanks). */
  leading: boolean;
  /** A blank comes after its last visible character. */
  trailing: boolean;
}

const blank = (c: number): boolean => (c > 32 && c < 127 ? false : isSpace(c));
/** Two or more blanks in a row (`\s` is `isSpace`). */
const BLANK_RUN = /\s{2,}/g;

/**
 * Reads the nodes' text (`text.replace(/\s+/g, ' ').trim()`) without building it, stopping once the
 * length reaches `cap`; `known` is a node whose span was read already, taken whole instead of walked
 * again. It walks with an explicit stack; in a text node it looks at the blanks at either end and
 * lets a pattern find the runs of blanks between.
 */
export function readSpan(nodes: readonly DomNode[], omit: (el: DomNode) => boolean, cap: number, known?: { node: DomNode; span: TextSpan }): TextSpan {
  let length = 0;
  let gap = false;
  let leading = false;
  const stack: DomNode[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === known?.node) {
      const span = known.span;
      if (span.leading) {
        if (length === 0) leading = true;
        else gap = true;
      }
      if (span.length > 0) {
        length += span.length + (gap ? 1 : 0);
        gap = span.trailing;
      }
    } else if (node.type === 'text') {
      const text = node.data ?? '';
      const end = text.length;
      let first = 0;
      while (first < end && blank(text.charCodeAt(first))) first++;
      if (first > 0) {
        if (length === 0) leading = true;
        else gap = true;
      }
      if (first < end) {
        let last = end - 1;
        while (blank(text.charCodeAt(last))) last--;
        // Between the first and the last visible character each run of blanks counts once: only runs
        // of two or more change the length, and the native pattern finds them without a loop here.
        let inner = last - first + 1;
        BLANK_RUN.lastIndex = first;
        for (let run = BLANK_RUN.exec(text); run !== null && run.index < last; run = BLANK_RUN.exec(text)) inner -= run[0].length - 1;
        length += inner + (gap ? 1 : 0);
        gap = last < end - 1;
      }
    } else if (node.children && !(isElement(node) && omit(node))) {
      const children = node.children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
    if (length >= cap) return { length: cap, leading, trailing: gap };
  }
  return { length, leading, trailing: gap };
}

/**
 * The length of the nodes' text with whitespace runs collapsed and the ends trimmed
 * (`text.replace(/\s+/g, ' ').trim().length`), counted without building the text; or `cap` once it
 * reaches that (a caller comparing with a threshold stops reading there).
 */
export function textLength(nodes: readonly DomNode[], omit: (el: DomNode) => boolean, cap = Infinity): number {
  return readSpan(nodes, omit, cap).length;
}

/** The `raw` content: the page body without scripts, styles and similar invisible elements. */
export function rawContent(root: DomNode): PageContent {
  return { roots: bodyChildren(root), omit: invisible };
}

const fitOmit = (el: DomNode): boolean => chrome(el, false) || noise(el);

/**
 * The page's main content (`fit`): the body without its chrome (header, footer, nav, aside, forms,
 * hidden and screen-reader-only elements, cookie/share/newsletter widgets). On a long page the
 * `<main>` (or `role="main"`, or a single `<article>`) is used alone when it holds most of that
 * text. Short pages (a contact page, a price list) are kept whole, so they never come back empty
 * (Firecrawl #540, #289). What is repeated on every page beyond that (a call-to-action, opening
 * hours) is what `remove_duplicates` drops across the compendium, which is how a site's
 * boilerplate is best recognised; per-page article scoring (Readability) cost half of the
 * per-page CPU and chose worse on brochure pages.
 */
export function fitContent(root: DomNode): PageContent {
  const body = bodyChildren(root);
  const mains: DomNode[] = [];
  const articles: DomNode[] = [];
  eachElement(body, fitOmit, (el) => {
    if (el.name === 'main' || el.attribs!.role === 'main') {
      mains.push(el);
      return true;
    }
    if (el.name === 'article') articles.push(el);
    return false;
  });
  const main = mains.length === 1 ? mains[0]! : mains.length === 0 && articles.length === 1 ? articles[0]! : null;
  // Without a main part the page is used whole, however long; with one, the page's text is read only
  // as far as it takes to know whether the main part is most of it (the page holds the main part's
  // text, so it is never shorter).
  if (!main) return { roots: body, omit: fitOmit };
  const span = readSpan([main], fitOmit, Infinity);
  const inMain = span.length;
  const enough = Math.max(SHORT_PAGE, Math.ceil(inMain / MAIN_SHARE) + 1);
  const whole = readSpan(body, fitOmit, enough, { node: main, span }).length;
  if (whole >= SHORT_PAGE && whole < enough && inMain >= MAIN_SHARE * whole) return { roots: [main], omit: fitOmit };
  return { roots: body, omit: fitOmit };
}

const minimalOmit = (el: DomNode): boolean => chrome(el, true) || noise(el);

/**
 * Only the priority sections (`minimal`): the first of `sections` that matches, tried as an
 * element name, an `#id`, a `.class`, a `[role]` and a class fragment (outermost matches only, so
 * nested ones are not repeated); falling back to `fit`.
 */
export function minimalContent(root: DomNode, sections: readonly string[]): PageContent {
  const body = bodyChildren(root);
  for (const name of sections) {
    const safe = name.replace(/[^\w-]/g, '');
    if (!safe) continue;
    const tag = safe.toLowerCase();
    const found: DomNode[] = [];
    eachElement(body, minimalOmit, (el) => {
      const { id, class: cls, role } = el.attribs!;
      const hit = el.name === tag || id === safe || role === safe || (cls !== undefined && cls.includes(safe));
      if (hit) found.push(el);
      return hit;
    });
    if (textLength(found, minimalOmit, 1) > 0) return { roots: found, omit: minimalOmit };
  }
  return fitContent(root);
}
