/** Numbered references shared across a whole compendium, so the same URL keeps the same number. */
export class CitationRegistry {
  readonly #numbers = new Map<string, number>();

  /** The number of a URL, allocating the next one on first use. */
  number(url: string): number {
    let n = this.#numbers.get(url);
    if (n === undefined) {
      n = this.#numbers.size + 1;
      this.#numbers.set(url, n);
    }
    return n;
  }
}

const LINK = /(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)>?(?:\s+"[^"]*")?\s*\)/g;

/**
 * Turns inline links into numbered citations, Crawl4AI's `markdown_with_citations` style but in
 * plain CommonMark: `[text](url)` becomes `text [3]`, and the section ends with `[3]: url`
 * definitions, so the text reads cleanly and any markdown renderer still links it. Images are left
 * alone; fragment-only and `javascript:` links lose their target.
 */
export function toCitations(markdown: string, registry: CitationRegistry, baseUrl: string): string {
  const used = new Map<number, string>();
  const body = markdown.replace(LINK, (whole, bang: string, text: string, href: string) => {
    if (bang) return whole;
    let url: string;
    try {
      url = new URL(href, baseUrl).href;
    } catch {
      return text;
    }
    if (href.startsWith('#') || !/^https?:|^mailto:|^tel:/i.test(url)) return text;
    const n = registry.number(url);
    used.set(n, url);
    return `${text} [${n}]`;
  });
  if (used.size === 0) return body;
  const refs = [...used.entries()].sort(([a], [b]) => a - b).map(([n, url]) => `[${n}]: ${url}`);
  return `${body}\n\n${refs.join('\n')}`;
}
