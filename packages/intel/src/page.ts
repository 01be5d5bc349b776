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

const BLOCKS = 'p,div,section,article,li,h1,h2,h3,h4,h5,h6,tr,br,header,footer,figcaption,dd,dt,address,blockquote';

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
  const body = load(page.html);
  body('script,style,noscript,template,svg,iframe,head').remove();
  body(BLOCKS).each((_, el) => {
    body(el).prepend('\n').append('\n');
  });
  const text = (body('body').length ? body('body').text() : body.root().text())
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return { url: page.url, title, text, hrefs, html: page.html, $ };
}
