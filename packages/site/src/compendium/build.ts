import { blockKey, splitBlocks } from './blocks.js';
import { CitationRegistry, toCitations } from './citations.js';
import { parseHtml, type DomNode } from '../extract/document.js';
import { fitContent, minimalContent, rawContent, type PageContent } from './main-content.js';
import { htmlToMarkdown, type MarkdownOptions } from './markdown.js';
import { estimateTokens } from './tokens.js';

/** How much of each page the compendium keeps (spideriq-api.md §3.4). */
export type CleanupLevel = 'raw' | 'fit' | 'citations' | 'minimal';

/** One crawled page as the compendium needs it. */
export interface CompendiumPage {
  url: string;
  html: string;
  title?: string;
  /** The page already parsed (the extractors' DOM, `PageDocument.$.root()`), so it is not parsed twice. Read, never changed. */
  root?: DomNode;
}

/** The compendium options of the payload, with defaults already applied. */
export interface CompendiumOptions {
  cleanup_level: CleanupLevel;
  remove_duplicates: boolean;
  separator: string;
  max_chars: number;
  priority_sections: string[];
}

/** The markdown and the figures the result's `compendium` object reports. */
export interface Compendium {
  markdown: string;
  chars: number;
  estimated_tokens: number;
  cleanup_level: CleanupLevel;
  truncated: boolean;
}

const MARKDOWN_OPTIONS: Record<CleanupLevel, MarkdownOptions> = {
  raw: { images: 'keep', dropLinks: false },
  fit: { images: 'with-alt', dropLinks: false },
  citations: { images: 'with-alt', dropLinks: false },
  minimal: { images: 'drop', dropLinks: true },
};

function pageTitle(page: CompendiumPage): string {
  const fromHtml = page.html.match(/<title[^>]*>([\s\S]*?)<\/title>/i)?.[1];
  const title = (page.title ?? fromHtml ?? '')
    .replace(/&amp;/g, '&')
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
  return title || page.url;
}

function contentFor(page: CompendiumPage, options: Pick<CompendiumOptions, 'cleanup_level' | 'priority_sections'>): PageContent {
  const root = page.root ?? parseHtml(page.html);
  switch (options.cleanup_level) {
    case 'raw':
      return rawContent(root);
    case 'minimal':
      return minimalContent(root, options.priority_sections);
    default:
      return fitContent(root);
  }
}

/** One page converted to markdown blocks: all the compendium keeps of a page, so its HTML can be let go. */
export interface CompendiumSection {
  url: string;
  title: string;
  blocks: string[];
  /** `blockKey` of each block, computed with the page (on a page worker thread) rather than when the compendium is assembled. */
  keys: number[];
}

/**
 * Converts one page for the compendium (its cleanup level's content as markdown blocks). The
 * handler calls this as each page arrives, so a job holds markdown rather than every page's HTML.
 */
export function compendiumSection(page: CompendiumPage, options: Pick<CompendiumOptions, 'cleanup_level' | 'priority_sections'>): CompendiumSection {
  const level = MARKDOWN_OPTIONS[options.cleanup_level];
  const markdown = htmlToMarkdown(contentFor(page, options), options.cleanup_level === 'raw' ? level : { ...level, baseUrl: page.url });
  const blocks = splitBlocks(markdown);
  return { url: page.url, title: pageTitle(page), blocks, keys: blocks.map(blockKey) };
}

/**
 * Builds one markdown document from a crawl's pages. Each page becomes a section headed by its
 * title and source URL; with `remove_duplicates` a block already emitted by an earlier page
 * (header, footer, cookie banner, repeated call-to-action) is left out, which answers Firecrawl
 * #334; `citations` numbers the links across the whole document; the result is cut at the last
 * whole block that fits `max_chars`, never inside a table or code block. Pure: no I/O.
 */
export function buildCompendium(pages: readonly CompendiumPage[], options: CompendiumOptions): Compendium {
  return assembleCompendium(
    pages.map((page) => compendiumSection(page, options)),
    options,
  );
}

/** `buildCompendium` from pages already converted by `compendiumSection`, in crawl order. Pure. */
export function assembleCompendium(pages: readonly CompendiumSection[], options: CompendiumOptions): Compendium {
  const registry = new CitationRegistry();
  const seen = new Set<number>();
  const sections: string[][] = [];
  for (const page of pages) {
    let blocks = page.blocks;
    if (options.remove_duplicates) {
      blocks = blocks.filter((_block, i) => {
        const key = page.keys[i]!;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    }
    if (blocks.length === 0) continue;
    if (options.cleanup_level === 'citations') blocks = splitBlocks(toCitations(blocks.join('\n\n'), registry, page.url));
    sections.push([`# ${page.title}`, `Source: ${page.url}`, ...blocks]);
  }

  let markdown = '';
  let truncated = false;
  outer: for (const [s, section] of sections.entries()) {
    for (const [b, block] of section.entries()) {
      const joiner = markdown === '' ? '' : b === 0 && s > 0 ? options.separator : '\n\n';
      if (markdown.length + joiner.length + block.length > options.max_chars) {
        truncated = true;
        if (markdown === '') markdown = cutAtWhitespace(block, options.max_chars);
        break outer;
      }
      markdown += joiner + block;
    }
  }
  return {
    markdown,
    chars: markdown.length,
    estimated_tokens: estimateTokens(markdown),
    cleanup_level: options.cleanup_level,
    truncated,
  };
}

function cutAtWhitespace(text: string, max: number): string {
  const slice = text.slice(0, max);
  const at = Math.max(slice.lastIndexOf('\n'), slice.lastIndexOf(' '));
  return (at > max / 2 ? slice.slice(0, at) : slice).trimEnd();
}
