import type { DomNode } from '../extract/document.js';
import { parseHtml } from '../extract/document.js';
import { decodeCloudflareEmail } from '../extract/cloudflare-email.js';
import { gfmRule } from './gfm.js';
import type { PageContent } from './main-content.js';

/** How images are treated: kept, kept only with alt text, or dropped. */
export type ImagePolicy = 'keep' | 'with-alt' | 'drop';

/** Options of the HTML → markdown conversion. */
export interface MarkdownOptions {
  images: ImagePolicy;
  /** Replace links by their text (used by `minimal`). */
  dropLinks: boolean;
  /** Resolve relative link and image targets against this URL (the page's), so the markdown reads out of context. */
  baseUrl?: string;
}

/** A domhandler node with the sibling links the converter reads. */
export type MdNode = DomNode & { prev?: MdNode | null; next?: MdNode | null; parent?: MdNode | null; children?: MdNode[] };

// Turndown's element classes (turndown 7.2), so the output reads as it did with turndown.
const BLOCK = new Set([
  'address', 'article', 'aside', 'audio', 'blockquote', 'body', 'canvas', 'center', 'dd', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'isindex', 'li', 'main', 'menu', 'nav', 'noframes', 'noscript', 'ol', 'output', 'p', 'pre',
  'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const VOID = new Set(['area', 'base', 'br', 'col', 'command', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const MEANINGFUL_WHEN_BLANK = new Set(['a', 'table', 'thead', 'tbody', 'tfoot', 'th', 'td', 'iframe', 'script', 'audio', 'video']);
/** Never reach the output, whatever the cleanup level. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'canvas', 'svg', 'button', 'select', 'input', 'textarea']);

/**
 * Turndown's escapes, in its order. Escaping only ever inserts backslashes, so an escape whose
 * character the text does not contain (or, for one anchored at the start, does not start with)
 * cannot match at its turn either: `applies` reads that off the text as it came.
 */
const ESCAPES: ReadonlyArray<{ pattern: RegExp; replacement: string; applies: (text: string) => boolean }> = [
  { pattern: /\\/g, replacement: '\\\\', applies: (t) => t.includes('\\') },
  { pattern: /\*/g, replacement: '\\*', applies: (t) => t.includes('*') },
  { pattern: /^-/g, replacement: '\\-', applies: (t) => t.startsWith('-') },
  { pattern: /^\+ /g, replacement: '\\+ ', applies: (t) => t.startsWith('+') },
  { pattern: /^(=+)/g, replacement: '\\$1', applies: (t) => t.startsWith('=') },
  { pattern: /^(#{1,6}) /g, replacement: '\\$1 ', applies: (t) => t.startsWith('#') },
  { pattern: /`/g, replacement: '\\`', applies: (t) => t.includes('`') },
  { pattern: /^~~~/g, replacement: '\\~~~', applies: (t) => t.startsWith('~') },
  { pattern: /\[/g, replacement: '\\[', applies: (t) => t.includes('[') },
  { pattern: /\]/g, replacement: '\\]', applies: (t) => t.includes(']') },
  { pattern: /^>/g, replacement: '\\>', applies: (t) => t.startsWith('>') },
  { pattern: /_/g, replacement: '\\_', applies: (t) => t.includes('_') },
  { pattern: /^(\d+)\. /g, replacement: '$1\\. ', applies: (t) => t.charCodeAt(0) >= 48 && t.charCodeAt(0) <= 57 },
];
/** A character some escape acts on (a leading digit is tested apart: `|^\d` in the pattern made it try at every position). */
const NEEDS_ESCAPE = /[\\*\-+=#`~[\]>_]/;

/** Turndown's `escape`: backslashes before what markdown would read as syntax. */
export function escapeMarkdown(text: string): string {
  const first = text.charCodeAt(0);
  if (!(first >= 48 && first <= 57) && !NEEDS_ESCAPE.test(text)) return text;
  let out = text;
  for (const { pattern, replacement, applies } of ESCAPES) if (applies(text)) out = out.replace(pattern, replacement);
  return out;
}

const isElement = (node: MdNode): boolean => node.attribs !== undefined && node.name !== undefined;

/** The address behind a Cloudflare `data-cfemail` element, which the converter reads as that text. */
function cloudflareText(el: MdNode): string | null {
  const hex = el.attribs?.['data-cfemail'];
  return hex === undefined ? null : decodeCloudflareEmail(hex);
}

/**
 * One conversion: turndown's algorithm (a whitespace-collapsing pass, then every node replaced by
 * its rule and the pieces joined with at most one blank line between blocks) over the shared
 * domhandler tree, reading omitted elements as absent instead of cloning and pruning the tree.
 */
class Conversion {
  /** Collapsed text of every text node outside `<pre>`; null for one the collapse removed. */
  readonly #text = new Map<MdNode, string | null>();

  constructor(
    readonly options: MarkdownOptions,
    readonly omit: (element: DomNode) => boolean,
  ) {}

  /** Whether a node takes part in the output at all (turndown would have removed it from its clone). */
  present(node: MdNode): boolean {
    if (isElement(node)) return !this.omit(node);
    if (node.type === 'text') return this.#text.get(node) !== null;
    return false;
  }

  /** The text of a text node as the converter sees it (collapsed, or raw inside `<pre>`). */
  textOf(node: MdNode): string {
    const collapsed = this.#text.get(node);
    return collapsed === undefined ? (node.data ?? '') : (collapsed ?? '');
  }

  /** `textContent` of a node as turndown's collapsed clone has it. */
  textContent(node: MdNode): string {
    if (node.type === 'text') return this.textOf(node);
    if (!isElement(node) || this.omit(node)) return '';
    const cf = cloudflareText(node);
    if (cf !== null) return this.#text.get(node) ?? '';
    let out = '';
    for (const child of node.children ?? []) out += this.textContent(child);
    return out;
  }

  /** Turndown's `collapseWhitespace` over the given roots, in document order, recorded in `#text`. */
  collapse(roots: readonly MdNode[]): void {
    const texts = this.#text;
    let prevText: MdNode | null = null;
    // The collapsed text recorded for `prevText`, kept here so it is not looked up again.
    let prevValue = '';
    let keepLeadingWs = false;
    const visit = (node: MdNode): void => {
      let cf: string | null = null;
      if (isElement(node)) {
        if (this.omit(node)) return;
        cf = cloudflareText(node);
      }
      if (node.type === 'text' || cf !== null) {
        let text = collapseRuns(cf ?? node.data ?? '');
        if ((!prevText || prevValue.endsWith(' ')) && !keepLeadingWs && text.charCodeAt(0) === 32) text = text.slice(1);
        if (!text) {
          texts.set(node, null);
          return;
        }
        texts.set(node, text);
        prevText = node;
        prevValue = text;
        return;
      }
      if (!isElement(node)) return;
      const name = node.name!;
      if (BLOCK.has(name) || name === 'br') {
        if (prevText && prevValue.endsWith(' ')) texts.set(prevText, prevValue.slice(0, -1));
        prevText = null;
        keepLeadingWs = false;
      } else if (VOID.has(name) || name === 'pre') {
        prevText = null;
        keepLeadingWs = true;
      } else if (prevText) {
        keepLeadingWs = false;
      }
      if (name === 'pre') return;
      const children = node.children;
      if (children) for (let i = 0; i < children.length; i++) visit(children[i]!);
    };
    for (const root of roots) visit(root);
    if (prevText) {
      const last = prevValue.endsWith(' ') ? prevValue.slice(0, -1) : prevValue;
      texts.set(prevText, last || null);
    }
  }

  /** Turndown's `process`: the children's replacements joined. */
  process(nodes: readonly MdNode[], parentIsCode: boolean): string {
    const output: string[] = [];
    for (const node of nodes) {
      let replacement = '';
      if (node.type === 'text') {
        const text = this.#text.get(node);
        if (text === null) continue;
        const value = text ?? node.data ?? '';
        replacement = parentIsCode ? value : escapeMarkdown(value);
      } else if (isElement(node)) {
        if (this.omit(node)) continue;
        const cf = cloudflareText(node);
        if (cf !== null) {
          const text = this.#text.get(node);
          if (text === null) continue;
          replacement = escapeMarkdown(text ?? cf);
        } else {
          replacement = this.replacementFor(node, parentIsCode);
        }
      } else {
        continue;
      }
      join(output, replacement);
    }
    return output.join('');
  }

  replacementFor(node: MdNode, parentIsCode: boolean): string {
    const name = node.name!;
    const isCode = name === 'code' || parentIsCode;
    let content = this.process(node.children ?? [], isCode);
    const block = BLOCK.has(name);
    const { leading, trailing } = block ? { leading: '', trailing: '' } : this.flankingWhitespace(node);
    if (leading || trailing) content = content.trim();
    return leading + this.rule(node, content, block) + trailing;
  }

  rule(node: MdNode, content: string, block: boolean): string {
    const name = node.name!;
    if (this.isBlank(node, content)) return block ? '\n\n' : '';
    const links = !this.options.dropLinks;
    const gfm = gfmRule(node, content);
    if (gfm !== null) return gfm;
    switch (name) {
      case 'img':
        return this.image(node);
      case 'p':
        return `\n\n${content}\n\n`;
      case 'br':
        return '  \n';
      case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6':
        return `\n\n${'#'.repeat(Number(name[1]))} ${content}\n\n`;
      case 'blockquote':
        return `\n\n${trimNewlines(content).replace(/^/gm, '> ')}\n\n`;
      case 'ul': case 'ol': {
        const parent = node.parent;
        return parent?.name === 'li' && lastElementChild(parent) === node ? `\n${content}` : `\n\n${content}\n\n`;
      }
      case 'li':
        return listItem(node, content);
      case 'pre': {
        const first = node.children?.[0];
        if (first?.name === 'code') return fencedCode(first, this);
        break;
      }
      case 'hr':
        return '\n\n---\n\n';
      case 'a': {
        const href = this.href(node);
        // a Cloudflare-protected link reads "[email protected]": it says the address instead
        if (href?.startsWith('mailto:') && href !== node.attribs!.href && /email\s*protected/i.test(content)) content = escapeMarkdown(href.slice(7));
        if (links && href) {
          const title = cleanAttribute(node.attribs!.title).replace(/"/g, '\\"');
          return `[${content}](${escapeLinkDestination(this.absolute(href))}${title ? ` "${title}"` : ''})`;
        }
        break;
      }
      case 'em': case 'i':
        return content.trim() ? `_${content}_` : '';
      case 'strong': case 'b':
        return content.trim() ? `**${content}**` : '';
      case 'code': {
        const parent = node.parent;
        const alone = parent?.name === 'pre' && !node.prev && !node.next;
        if (!alone) return inlineCode(content);
        break;
      }
      default:
        if (DROPPED.has(name)) return '';
    }
    return block ? `\n\n${content}\n\n` : content;
  }

  image(node: MdNode): string {
    const { src = '', alt: rawAlt } = node.attribs!;
    const alt = (rawAlt ?? '').replace(/\s+/g, ' ').trim();
    if (this.options.images === 'drop' || !src || src.startsWith('data:')) return '';
    if (this.options.images === 'with-alt' && !alt) return '';
    return `![${alt.replace(/[[\]]/g, '')}](${this.absolute(src)})`;
  }

  /** A relative target resolved against `baseUrl`; absolute ones (`https:`, `mailto:`…), fragments and unparsable ones are left as written. */
  absolute(target: string): string {
    const base = this.options.baseUrl;
    if (!base || target.startsWith('#') || /^[a-z][a-z\d+.-]*:/i.test(target)) return target;
    try {
      return new URL(target.trim(), base).href;
    } catch {
      return target;
    }
  }

  /** A link's target, with Cloudflare-protected `mailto:` links put back; null when it has none. */
  href(node: MdNode): string | null {
    const href = node.attribs!.href;
    if (!href) return null;
    if (!href.includes('/cdn-cgi/l/email-protection')) return href;
    const email = decodeCloudflareEmail(href.split('#')[1] ?? '');
    return email ? `mailto:${email}` : href.includes('#') ? href : null;
  }

  /** Turndown's blank rule: an element with only whitespace and nothing that means something empty. */
  isBlank(node: MdNode, content: string): boolean {
    if (content.trim() !== '') return false;
    const name = node.name!;
    if (VOID.has(name) || MEANINGFUL_WHEN_BLANK.has(name)) return false;
    if (/\S/.test(this.textContent(node))) return false;
    const hasMeaningful = (list: readonly MdNode[]): boolean =>
      list.some((child) => isElement(child) && (VOID.has(child.name!) || MEANINGFUL_WHEN_BLANK.has(child.name!) || hasMeaningful(child.children ?? [])));
    return !hasMeaningful(node.children ?? []);
  }

  /** Turndown's `flankingWhitespace`: an inline element's edge whitespace moves outside its markup. */
  flankingWhitespace(node: MdNode): { leading: string; trailing: string } {
    const text = this.textContent(node);
    const m = /^(([ \t\r\n]*)(\s*))(?:(?=\S)[\s\S]*\S)?((\s*?)([ \t\r\n]*))$/.exec(text)!;
    let leading = m[1]!;
    let trailing = m[4]!;
    if (m[2] && this.flanked(node, 'left')) leading = m[3]!;
    if (m[6] && this.flanked(node, 'right')) trailing = m[5]!;
    return { leading, trailing };
  }

  flanked(node: MdNode, side: 'left' | 'right'): boolean {
    let sibling = side === 'left' ? node.prev : node.next;
    while (sibling && !this.present(sibling)) sibling = side === 'left' ? sibling.prev : sibling.next;
    if (!sibling) return false;
    const test = (s: string): boolean => (side === 'left' ? s.endsWith(' ') : s.startsWith(' '));
    if (sibling.type === 'text') return test(this.textOf(sibling));
    if (isElement(sibling) && !BLOCK.has(sibling.name!)) return test(this.textContent(sibling));
    return false;
  }
}

/** A run of spaces, tabs and line breaks that is not already one space. */
const RUN_TO_COLLAPSE = /[\t\n\r][ \t\n\r]*| [ \t\n\r]+/g;

/** `text.replace(/[ \r\n\t]+/g, ' ')`: runs of spaces, tabs and line breaks become one space (a lone space is left where it is). */
export function collapseRuns(text: string): string {
  return text.replace(RUN_TO_COLLAPSE, ' ');
}

function trimNewlines(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '\n') start++;
  while (end > start && text[end - 1] === '\n') end--;
  return text.slice(start, end);
}

/** Turndown's `join`: at most one blank line between two pieces, taken from either side's newlines. */
function join(output: string[], replacement: string): void {
  const tail = output.pop() ?? '';
  let end = tail.length;
  while (end > 0 && tail.charCodeAt(end - 1) === 10) end--;
  let start = 0;
  while (start < replacement.length && replacement.charCodeAt(start) === 10) start++;
  const s1 = end === tail.length ? tail : tail.slice(0, end);
  const s2 = start === 0 ? replacement : replacement.slice(start);
  const newlines = Math.max(tail.length - end, start);
  const separator = '\n\n'.slice(0, newlines);
  if (s1) output.push(s1);
  if (separator) output.push(separator);
  if (s2) output.push(s2);
}

function elementChildren(node: MdNode): MdNode[] {
  return (node.children ?? []).filter(isElement);
}

function lastElementChild(node: MdNode): MdNode | undefined {
  return elementChildren(node).at(-1);
}

function listItem(node: MdNode, content: string): string {
  let prefix = '-   ';
  const parent = node.parent;
  if (parent?.name === 'ol') {
    const start = parent.attribs!.start;
    const index = elementChildren(parent).indexOf(node);
    prefix = `${start ? Number(start) + index : index + 1}.  `;
  }
  const paragraph = content.endsWith('\n');
  const body = (trimNewlines(content) + (paragraph ? '\n' : '')).replace(/\n/g, `\n${' '.repeat(prefix.length)}`);
  return prefix + body + (node.next ? '\n' : '');
}

function fencedCode(code: MdNode, conversion: Conversion): string {
  const language = /language-(\S+)/.exec(code.attribs!.class ?? '')?.[1] ?? '';
  const text = conversion.textContent(code);
  let size = 3;
  for (const match of text.matchAll(/^`{3,}/gm)) if (match[0].length >= size) size = match[0].length + 1;
  const fence = '`'.repeat(size);
  return `\n\n${fence}${language}\n${text.replace(/\n$/, '')}\n${fence}\n\n`;
}

function inlineCode(content: string): string {
  if (!content) return '';
  const code = content.replace(/\r?\n|\r/g, ' ');
  const extraSpace = /^`|^ .*?[^ ].* $|`$/.test(code) ? ' ' : '';
  let delimiter = '`';
  const runs: string[] = code.match(/`+/gm) ?? [];
  while (runs.includes(delimiter)) delimiter += '`';
  return delimiter + extraSpace + code + extraSpace + delimiter;
}

function cleanAttribute(value: string | undefined): string {
  return value ? value.replace(/(\n+\s*)+/g, '\n') : '';
}

function escapeLinkDestination(destination: string): string {
  const escaped = destination.replace(/([<>()])/g, '\\$1');
  return escaped.includes(' ') ? `<${escaped}>` : escaped;
}

/**
 * Converts an HTML fragment, or a page's chosen content over its already-parsed DOM (which skips a
 * parse), to GitHub-flavoured markdown: ATX headings (the hierarchy is kept), fenced code blocks
 * with their `language-*`, `-` bullets, pipe tables, `~~strike~~`. Scripts, styles and forms never
 * reach the output; Cloudflare-protected addresses come out as the address.
 *
 * It follows turndown 7.2's rules, which this engine used before; it is written over the
 * domhandler tree the extractors already share because turndown needs a browser-like DOM (a
 * second parse of every page with linkedom, plus a clone), which was most of the per-page CPU.
 */
export function htmlToMarkdown(html: string | PageContent, options: MarkdownOptions): string {
  const content: PageContent =
    typeof html === 'string' ? { roots: parseHtml(html).children ?? [], omit: () => false } : html;
  const conversion = new Conversion(options, content.omit);
  const roots = content.roots as readonly MdNode[];
  conversion.collapse(roots);
  // Turndown also strips leading newlines and trailing blanks first; the final trim() removes both ends' blanks anyway.
  return trimLineEnds(conversion.process(roots, false))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * `text.replace(/[ \t]+\n/g, '\n')`, read back from each line break: cheaper than a pattern that
 * starts at every space of the text.
 */
export function trimLineEnds(text: string): string {
  let out = '';
  // Start of the text not yet copied to `out` (a line break, or 0).
  let from = 0;
  for (let at = text.indexOf('\n', 1); at !== -1; at = text.indexOf('\n', at + 1)) {
    let start = at;
    for (let c = text.charCodeAt(start - 1); start > from && (c === 32 || c === 9); c = text.charCodeAt(--start - 1));
    if (start < at) {
      out += text.slice(from, start);
      from = at;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}
