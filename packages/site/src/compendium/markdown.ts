import TurndownService from 'turndown';
import { gfm } from './gfm.js';

/** How images are treated: kept, kept only with alt text, or dropped. */
export type ImagePolicy = 'keep' | 'with-alt' | 'drop';

/** Options of the HTML → markdown conversion. */
export interface MarkdownOptions {
  images: ImagePolicy;
  /** Replace links by their text (used by `minimal`). */
  dropLinks: boolean;
}

/**
 * Converts an HTML fragment (or the children of a DOM element, which skips a re-parse) to GitHub-flavoured markdown: ATX headings (the hierarchy is kept),
 * fenced code blocks with their `language-*`, `-` bullets, pipe tables. Scripts, styles and forms
 * never reach the output.
 */
export function htmlToMarkdown(html: string | TurndownService.Node, options: MarkdownOptions): string {
  return serviceFor(options)
    .turndown(html)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One configured converter per option set: building turndown's rule table per page showed up in profiles. */
const services = new Map<string, TurndownService>();

function serviceFor(options: MarkdownOptions): TurndownService {
  const key = `${options.images}:${options.dropLinks}`;
  let service = services.get(key);
  if (!service) {
    service = createService(options);
    services.set(key, service);
  }
  return service;
}

function createService(options: MarkdownOptions): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '_',
    hr: '---',
  });
  service.use(gfm);
  service.remove(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'canvas', 'svg' as keyof HTMLElementTagNameMap, 'button', 'select', 'input', 'textarea']);
  service.addRule('images', {
    filter: 'img',
    replacement(_content, node) {
      const el = node as HTMLElement;
      const src = el.getAttribute('src') ?? '';
      const alt = (el.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
      if (options.images === 'drop' || !src || src.startsWith('data:')) return '';
      if (options.images === 'with-alt' && !alt) return '';
      return `![${alt.replace(/[[\]]/g, '')}](${src})`;
    },
  });
  if (options.dropLinks) {
    service.addRule('linkText', { filter: 'a', replacement: (content) => content });
  }
  return service;
}
