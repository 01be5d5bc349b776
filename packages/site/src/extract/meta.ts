import type { PageMeta } from '@spideriq/schema';
import type { PageDocument } from './document.js';

/** A page's head metadata, kept as the documented `meta` extension of the result (the schema's `PageMeta`). */
export type { PageMeta };

/** Reads `<title>`, the meta description and the Open Graph properties (first value of each wins). */
export function extractMeta(doc: PageDocument): PageMeta {
  const { $ } = doc;
  const og: Record<string, string> = {};
  $('meta[property^="og:" i], meta[name^="og:" i]').each((_, el) => {
    const key = ($(el).attr('property') ?? $(el).attr('name') ?? '').toLowerCase();
    const value = ($(el).attr('content') ?? '').trim();
    const name = key.slice(3);
    if (name && value && !(name in og)) og[name] = value;
  });
  const clean = (s: string | undefined): string | null => s?.replace(/\s+/g, ' ').trim() || null;
  return {
    title: clean($('head > title').first().text()) ?? clean($('title').first().text()) ?? og.title ?? null,
    description: clean($('meta[name="description" i]').attr('content')) ?? og.description ?? null,
    og,
  };
}
