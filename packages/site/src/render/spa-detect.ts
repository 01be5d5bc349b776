import { isSpace } from '../js-space.js';

/** Why a page was (or was not) judged to need a browser. */
export interface SpaVerdict {
  isSpa: boolean;
  /** Visible text length of the served HTML, scripts and styles excluded. */
  textLength: number;
  /** Framework or builder markers seen: `next`, `nuxt`, `angular`, `react-root`, `wix`, … */
  markers: string[];
  /** An empty mount point such as `<div id="root"></div>` was present. */
  emptyMountPoint: boolean;
  /** Why the page needs a browser, when it does: `empty-shell`, `app-shell`, `noscript`, `framework`, `empty-slot`, `missing-section`, `empty-contact-page`. */
  reason: string | null;
}

/** What else is known about the page: its URL, so an empty contact page can be told from an empty blog tag page. */
export interface SpaDetectOptions {
  url?: string;
}

const MARKERS: Array<[string, RegExp]> = [
  ['next', /id=["']__NEXT_DATA__["']|\/_next\/static\//i],
  ['nuxt', /window\.__NUXT__|id=["']__nuxt["']|\/_nuxt\//i],
  ['angular', /\bng-version=|<app-root\b/i],
  ['vue', /\bdata-v-app\b|id=["']app["'][^>]*>\s*<\/div>/i],
  ['svelte', /\bsvelte-[a-z0-9]+\b|__sveltekit/i],
  ['gatsby', /id=["']___gatsby["']/i],
  ['ember', /\bember-application\b|ember-cli/i],
  ['shopify', /cdn\.shopify\.com|Shopify\.theme/i],
  ['wix', /static\.parastorage\.com|wix-thunderbolt|X-Wix-/i],
  ['squarespace', /static1\.squarespace\.com|Static\.SQUARESPACE_CONTEXT/i],
  ['webflow', /data-wf-page|webflow\.js/i],
];

const MOUNT_POINT = /<(div|main|section)\b[^>]*\bid=["'](root|app|__next|__nuxt|___gatsby|svelte|main-app|application)["'][^>]*>\s*<\/\1>|<app-root\b[^>]*>\s*<\/app-root>/i;
/** A mount point with something in it (a "Loading…" text, a server-rendered header): the app still fills it in. */
const APP_ROOT = /<(?:div|main|section)\b[^>]*\bid=["'](?:root|app|__next|__nuxt|___gatsby|svelte|main-app|application|q-app|ember-app)["']|<app-root\b|\bdata-reactroot\b|\bdata-server-rendered\b|\bng-app\b/i;
/** A script bundle: an ES module entry or a hashed build chunk (`main.4f2a9c1e.js`, `app-BX12.js`, `chunk-vendors.js`). */
const BUNDLE = /<script\b[^>]*\btype=["']module["'][^>]*\bsrc=|<script\b[^>]*\bsrc=["'][^"']*(?:\b(?:main|app|bundle|index|runtime|vendors?|chunk|polyfills)[.-][\w.-]*\.js|\.[0-9a-f]{8,}\.js|\/_next\/|\/_nuxt\/|\/assets\/index-[\w-]+\.js)/i;
/** "Please enable JavaScript", in the languages our target sites use. */
const NOSCRIPT_JS = /<noscript\b[^>]*>(?:(?!<\/noscript>)[\s\S]){0,400}?(?:enable|activate|turn on|allow|aktivieren|einschalten|activer|activez|habilitar|habilite|activa|attiva|abilita|ativar|ative|inschakelen|włącz|включите|увімкніть|有効|启用|開啟)(?:(?!<\/noscript>)[\s\S]){0,120}?java\s?script|<noscript\b[^>]*>(?:(?!<\/noscript>)[\s\S]){0,200}?java\s?script(?:(?!<\/noscript>)[\s\S]){0,120}?(?:aktivieren|activer|habilitar|attivare|ativar|inschakelen|включ|увімкн|有効)/i;
/**
 * An empty slot that a script fills with a shared partial: `<footer></footer>`, `<div id="footer"></div>`,
 * `<div id="site-header-mount"></div>`, `<section id="kontakt"></section>`, `<div data-partial="footer">`,
 * `<div w3-include-html="footer.html">`. The header, footer and contact block are where the contacts are.
 */
const EMPTY_SLOT = new RegExp(
  String.raw`<(footer|header)\b[^>]*>\s*</\1>|<(div|section|aside|nav|main)\b[^>]*\b(?:id|class)=["'][^"']*(?:footer|header|contact|kontakt|contacto|contatti|contato|impressum|site-include|mount)[^"']*["'][^>]*>\s*</\2>|<[a-z]+\b[^>]*\b(?:data-partial|data-include|w3-include-html|data-include-html|hx-get)=["'][^"']*["'][^>]*>\s*</[a-z]+>`,
  'i',
);
/** A link to the page's own footer or contact section (`href="#footer"`, `href="index.html#kontakt"`). */
const SECTION_LINK = /\bhref=["']([^"'#\s]*)#(footer|contacts?|kontakt|contacto|contatti|contato|impressum)["']/gi;
/** What every `SECTION_LINK` match holds, found by its `#` (rare in markup) rather than at every `href`. */
const SECTION_FRAGMENT = /#(?:footer|contact|kontakt|contatt|contato|impressum)/i;

/**
 * Whether the page links to a footer or contact section of itself that its HTML does not contain:
 * a script writes that section in (a `fetch('footer.html')` appended to the body, with no empty slot).
 */
function linksToMissingSection(html: string, url: string | undefined): boolean {
  if (!SECTION_FRAGMENT.test(html)) return false;
  const page = url ? safeUrl(url) : null;
  const samePage = (href: string): boolean => {
    if (href === '') return true;
    if (!page) return false;
    const target = safeUrl(href, page.href);
    const path = (u: URL): string => u.pathname.replace(/\/index\.html?$/i, '/');
    return target !== null && target.origin === page.origin && path(target) === path(page);
  };
  // The section must be in the markup: a script's template string holding `id="footer"` is what writes it.
  let markup: string | null = null;
  for (const [, href, id] of html.matchAll(SECTION_LINK)) {
    if (!samePage(href!)) continue;
    markup ??= html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, ' ');
    if (!new RegExp(`\\bid=["']${id}["']`, 'i').test(markup)) return true;
  }
  return false;
}

function safeUrl(href: string, base?: string): URL | null {
  try {
    return new URL(href, base);
  } catch {
    return null;
  }
}

/**
 * Signs that the served HTML already carries contact details: a link, an email (one character of a
 * local part is enough to know there is one, and reading just one keeps the scan linear), a phone.
 * The local part's character is a lookbehind, so the email part is tried only at `@`, `&`, `[` and `(`,
 * not at every word character (the same answer; no measurable gain on the bench's pages).
 */
const CONTACT_SIGNALS = /mailto:|tel:|(?<=[\w.+-])(?:@|&#0?64;|\[at\]|\(at\))[\w-]+\.[a-z]{2,}|(?:\+|00)\d[\d\s().-]{7,}\d|\b0\d[\d\s().\/-]{6,}\d/gi;

/** A script or style block, its contents not shown on the page. */
const CODE_BLOCK = /<(script|style)\b[\s\S]*?<\/\1\s*>/gi;

/**
 * Whether a contact signal appears outside the page's script and style blocks. Reads the page from
 * the start and stops at the first such signal (in the header, on most pages), looking for the next
 * block only when a signal is found past the last one, instead of copying the page without its blocks.
 * No signal can contain a `<`, so none straddles a block's edge.
 */
function hasContactSignal(html: string): boolean {
  CONTACT_SIGNALS.lastIndex = 0;
  let blockStart = -1;
  let blockEnd = 0;
  for (let m = CONTACT_SIGNALS.exec(html); m; m = CONTACT_SIGNALS.exec(html)) {
    while (blockEnd >= 0 && blockEnd <= m.index) {
      CODE_BLOCK.lastIndex = blockEnd;
      const block = CODE_BLOCK.exec(html);
      blockStart = block ? block.index : -1;
      blockEnd = block ? CODE_BLOCK.lastIndex : -1;
    }
    if (blockEnd < 0 || m.index < blockStart) return true;
    CONTACT_SIGNALS.lastIndex = blockEnd;
  }
  return false;
}
const CONTACT_URL = /contact|kontakt|contacto|contatti|contato|impressum|imprint|mentions|about|uber-uns|über-uns|chi-siamo|nosotros|sobre|location|standort|anfahrt|お問い合わせ|会社概要|контакт/i;

/** The opening `<body>` tag; the body runs from it to the last `</body>` after it (a greedy `<body\b[^>]*>([\s\S]*)<\/body>`). */
const BODY_OPEN = /<body\b[^>]*>/i;
/** A script, style, template or SVG block starting exactly here (sticky), read as one space. */
const HIDDEN_BLOCK = /<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/iy;

/** `[a-z#0-9]`, either case. */
function isEntityChar(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 35;
}

/** Where the last `</body>` (any case) at or after `from` starts, or -1. */
function lastBodyClose(html: string, from: number): number {
  for (let at = html.lastIndexOf('</', html.length - 7); at >= from; at = at > 0 ? html.lastIndexOf('</', at - 1) : -1) {
    if (html.charCodeAt(at + 6) === 62 /* > */ && html.slice(at + 2, at + 6).toLowerCase() === 'body') return at;
  }
  return -1;
}

/** The page's body, as the greedy body pattern captures it, or the whole page when it has none. */
function bodyOf(html: string): string {
  const open = BODY_OPEN.exec(html);
  if (!open) return html;
  const start = open.index + open[0].length;
  const close = lastBodyClose(html, start);
  return close < 0 ? html : html.slice(start, close);
}

/** Where the hidden block starting at `at` ends, or -1 when none starts there (only `<s…`, `<n…`, `<t…` can). */
function hiddenBlockEnd(text: string, at: number): number {
  const first = text.charCodeAt(at + 1) | 32;
  if (first !== 115 /* s */ && first !== 110 /* n */ && first !== 116 /* t */) return -1;
  HIDDEN_BLOCK.lastIndex = at;
  return HIDDEN_BLOCK.test(text) ? HIDDEN_BLOCK.lastIndex : -1;
}

/**
 * Where the tag opened by the `<` at `at` ends (after its `>`), reading every hidden block that starts
 * inside it as removed first (they are, in the plain passes), or -1 when no `>` closes it.
 */
function tagEnd(text: string, at: number): number {
  let close = text.indexOf('>', at + 1);
  for (let lt = text.indexOf('<', at + 1); close >= 0 && lt >= 0 && lt < close; ) {
    const end = hiddenBlockEnd(text, lt);
    if (end < 0) {
      lt = text.indexOf('<', lt + 1);
      continue;
    }
    close = text.indexOf('>', end);
    lt = text.indexOf('<', end);
  }
  return close < 0 ? -1 : close + 1;
}

/**
 * The length of the body's visible text, scripts, styles, templates and SVG excluded, with every tag
 * and character reference read as a space and every run of spaces counted as one, ends trimmed; or
 * `cap` when it is at least that long (the decision only compares it with thresholds below the cap).
 * Counted in one scan that stops at the cap, without building the text: the same as removing the
 * hidden blocks, then `<[^>]*>`, then `&[a-z#0-9]+;`, then collapsing `\s+` and trimming (the tests
 * hold it to that). A hidden block is looked for only where the scan meets a `<`, so a page whose
 * first part already has the text is not read to its end.
 */
function visibleTextLength(html: string, cap = Infinity): number {
  const text = bodyOf(html);
  let length = 0;
  let started = false;
  let space = false;
  const n = text.length;
  for (let i = 0; i < n && length < cap; ) {
    const c = text.charCodeAt(i);
    if (c === 60 /* < */) {
      const hidden = hiddenBlockEnd(text, i);
      const end = hidden >= 0 ? hidden : tagEnd(text, i);
      if (end >= 0) {
        space = true;
        i = end;
        continue;
      }
    } else if (c === 38 /* & */) {
      let j = i + 1;
      while (j < n && isEntityChar(text.charCodeAt(j))) j++;
      if (j > i + 1 && j < n && text.charCodeAt(j) === 59 /* ; */) {
        space = true;
        i = j + 1;
        continue;
      }
    }
    if (isSpace(c)) space = true;
    else {
      if (space && started) length++;
      length++;
      started = true;
      space = false;
    }
    i++;
  }
  return Math.min(length, cap);
}

/** The text of the page's main content (without header, nav and footer), where a contact page's details would be. */
function mainTextLength(html: string): number {
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/i.exec(html)?.[1];
  const content = main ?? html.replace(/<(header|nav|footer)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  return visibleTextLength(`<body>${content}</body>`);
}

function isContactUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return CONTACT_URL.test(decodeURIComponent(new URL(url).pathname));
  } catch {
    return false;
  }
}

/**
 * Decides from the served HTML whether the page only shows its content after JavaScript runs:
 * - `empty-shell`: a near-empty body with an empty mount point, a framework marker or only scripts;
 * - `app-shell`: an app root and a script bundle, with little text and no contact details yet
 *   (a server-rendered header and a "Loading…" text are not the page);
 * - `noscript`: a "please enable JavaScript" notice, with little text and no contact details;
 * - `framework`: a framework or site-builder marker with little server-rendered text;
 * - `empty-slot`: an empty header, footer or contact slot that a script fills with a shared partial,
 *   and no contact details elsewhere in the HTML;
 * - `missing-section`: a link to the page's own `#footer` or `#contact` section, which the HTML does
 *   not contain while scripts run (the section is appended by a script; a WhatsApp button elsewhere
 *   on the page does not make the footer's email and phone less missing);
 * - `empty-contact-page`: a contact, imprint or about page whose main content is nearly empty and
 *   has no contact details, while scripts run on it (a form or map widget filled in later).
 * Pages with substantial server-rendered text or with contact details already in the HTML are left
 * to plain HTTP even when they use a framework (Next.js SSR, Shopify).
 */
export function detectSpa(html: string, options: SpaDetectOptions = {}): SpaVerdict {
  const facts = new PageFacts(html, options.url);
  const reason = spaReason(facts);
  return { isSpa: reason !== null, textLength: facts.textLength, markers: facts.markers, emptyMountPoint: facts.emptyMountPoint, reason };
}

/** `detectSpa(html, options).isSpa`, reading only the facts its decision needs (the crawler asks this of every page). */
export function needsBrowser(html: string, options: SpaDetectOptions = {}): boolean {
  return spaReason(new PageFacts(html, options.url)) !== null;
}

/** Any of `MARKERS`, in one pass. */
const ANY_MARKER = new RegExp(MARKERS.map(([, pattern]) => pattern.source).join('|'), 'i');

/** The longest visible text the rules tell apart: any page with at least this much is "long". */
const LONG_TEXT = 1500;

/** What `spaReason` reads of a page, each measured on first use. */
class PageFacts {
  #textLength?: number;
  #shortTextLength?: number;
  #markers?: string[];
  #anyMarker?: boolean;
  #emptyMountPoint?: boolean;
  #noscript?: boolean;
  #scripts?: boolean;
  #contacts?: boolean;

  constructor(
    readonly html: string,
    readonly url: string | undefined,
  ) {}

  get textLength(): number {
    return (this.#textLength ??= visibleTextLength(this.html));
  }
  /** `min(textLength, LONG_TEXT)`: all the rules need, and on most pages found in the body's first part. */
  get shortTextLength(): number {
    return (this.#shortTextLength ??= this.#textLength === undefined ? visibleTextLength(this.html, LONG_TEXT) : Math.min(this.#textLength, LONG_TEXT));
  }
  get markers(): string[] {
    return (this.#markers ??= MARKERS.filter(([, pattern]) => pattern.test(this.html)).map(([name]) => name));
  }
  get anyMarker(): boolean {
    return (this.#anyMarker ??= this.#markers ? this.#markers.length > 0 : ANY_MARKER.test(this.html));
  }
  get emptyMountPoint(): boolean {
    return (this.#emptyMountPoint ??= MOUNT_POINT.test(this.html));
  }
  get noscript(): boolean {
    return (this.#noscript ??= NOSCRIPT_JS.test(this.html));
  }
  get scripts(): boolean {
    return (this.#scripts ??= /<script\b[^>]*\bsrc=/i.test(this.html));
  }
  get contacts(): boolean {
    return (this.#contacts ??= hasContactSignal(this.html));
  }
}

/**
 * The rules above, in order; each condition reads its cheapest facts first (`contacts` stops at the
 * first contact, which most pages have early; `EMPTY_SLOT` reads every tag of a page without one).
 */
function spaReason(f: PageFacts): string | null {
  const length = f.shortTextLength;
  if ((length < 250 && (f.emptyMountPoint || f.noscript || f.anyMarker)) || (length < 600 && f.emptyMountPoint) || (length < 50 && f.scripts)) return 'empty-shell';
  if (length < 400 && f.anyMarker) return 'framework';
  if (length < LONG_TEXT && APP_ROOT.test(f.html) && BUNDLE.test(f.html) && !f.contacts) return 'app-shell';
  if (length < LONG_TEXT && f.noscript && !f.contacts) return 'noscript';
  if (!f.scripts) return null;
  if (!f.contacts && EMPTY_SLOT.test(f.html)) return 'empty-slot';
  if (linksToMissingSection(f.html, f.url)) return 'missing-section';
  if (isContactUrl(f.url) && !f.contacts && mainTextLength(f.html) < 200) return 'empty-contact-page';
  return null;
}
