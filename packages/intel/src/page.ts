import { load } from 'cheerio';
import type { CheerioAPI } from 'cheerio';

/** One crawled page as the site handler hands it over. */
export interface PageInput {
  url: string;
  html: string;
  title?: string;
}

/** A page parsed once, for prompts, grounding and the deterministic extractors. */
export interface ParsedPage {
  url: string;
  title: string;
  /** Visible text, one block a line. */
  text: string;
  /** Every link target on the page, absolute where it parsed. */
  hrefs: string[];
  html: string;
  $: CheerioAPI;
}

const BLOCKS = new Set('p,div,section,article,li,ul,ol,h1,h2,h3,h4,h5,h6,tr,td,th,br,header,footer,nav,main,aside,figure,figcaption,dd,dt,address,blockquote,table'.split(','));
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'head']);

/** The slice of domhandler's node shape the text walk reads. */
export interface DomNode {
  type: string;
  data?: string;
  name?: string;
  children?: DomNode[];
}

/** Visible text with a line break around every block element, read in one walk without changing the document. */
export function visibleText(root: DomNode): string {
  const parts: string[] = [];
  const walk = (node: DomNode): void => {
    if (node.type === 'text') parts.push(node.data ?? '');
    else if (node.type === 'tag' || node.type === 'root' || node.type === 'script' || node.type === 'style') {
      if (node.name && HIDDEN.has(node.name)) return;
      const block = node.name !== undefined && BLOCKS.has(node.name);
      if (block) parts.push('\n');
      node.children?.forEach(walk);
      if (block) parts.push('\n');
    }
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Parses a crawled page's HTML (cheerio) into its visible text, its links and a queryable document. */
export function parsePage(page: PageInput): ParsedPage {
  const $ = load(page.html);
  const hrefs: string[] = [];
  $('a[href]').each((_, el) => {
    const href = $(el).attr('href') ?? '';
    try {
      hrefs.push(new URL(href, page.url).href);
    } catch {
      hrefs.push(href);
    }
  });
  const title = (page.title ?? $('title').first().text()).replace(/\s+/g, ' ').trim();
  const text = visibleText(($('body').get(0) ?? $.root().get(0)) as unknown as DomNode);
  return { url: page.url, title, text, hrefs, html: page.html, $ };
}
