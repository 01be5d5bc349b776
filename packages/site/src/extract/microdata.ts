import type { CheerioAPI } from 'cheerio';

/**
 * Values of a schema.org microdata property (`itemprop`), read the way the spec says:
 * `content` first, then `href`/`src`, then the text. See https://html.spec.whatwg.org/#values
 */
export function itempropValues($: CheerioAPI, name: string, scope?: Parameters<CheerioAPI>[0]): string[] {
  const found = scope ? $(scope).find(`[itemprop~="${name}"]`) : $(`[itemprop~="${name}"]`);
  const values: string[] = [];
  found.each((_, el) => {
    const $el = $(el);
    const value = $el.attr('content') ?? $el.attr('href') ?? $el.attr('src') ?? $el.text();
    const clean = value.replace(/\s+/g, ' ').trim();
    if (clean) values.push(clean);
  });
  return values;
}
