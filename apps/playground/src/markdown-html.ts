import { Marked } from 'marked';
import type { Tokens } from 'marked';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Only web, mail and in-page links are followed; `javascript:`, `data:` and the rest become plain text. */
export function isSafeHref(href: string): boolean {
  const trimmed = href.trim();
  return /^(https?:|mailto:|tel:|#)/i.test(trimmed) || !/^[a-z][a-z0-9+.-]*:/i.test(trimmed);
}

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    // Crawled pages end up in the compendium: any raw HTML in it is shown as text, never parsed.
    html({ text }: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link): string {
      const text = this.parser.parseInline(tokens);
      if (!isSafeHref(href)) return text;
      const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(href)}"${titleAttribute} rel="noopener noreferrer nofollow" target="_blank">${text}</a>`;
    },
    // Remote images would load third-party content into the page: show the alt text and the address instead.
    image({ href, text }: Tokens.Image): string {
      return `<span class="md-image">[image: ${escapeHtml(text || href)}]</span>`;
    },
  },
});

/**
 * Markdown → HTML for the preview tab, with raw HTML escaped, unsafe links disarmed and images not
 * loaded, so a hostile page's text cannot run script in the playground.
 */
export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
