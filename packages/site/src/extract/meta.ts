import type { PageMeta } from '@spideriq/schema';
import { isElement, textOf, type PageDocument } from './document.js';

/** A page's head metadata, kept as the documented `meta` extension of the result (the schema's `PageMeta`). */
export type { PageMeta };

/** Reads `<title>`, the meta description and the Open Graph properties (first value of each wins). */
export function extractMeta(doc: PageDocument): PageMeta {
  const og: Record<string, string> = {};
  const metas = doc.tagged('meta');
  for (const el of metas) {
    const a = el.attribs!;
    if (!(a.property?.toLowerCase().startsWith('og:') || a.name?.toLowerCase().startsWith('og:'))) continue;
    const key = (a.property ?? a.name ?? '').toLowerCase();
    const value = (a.content ?? '').trim();
    const name = key.slice(3);
    if (name && value && !(name in og)) og[name] = value;
  }
  const clean = (s: string | undefined): string | null => s?.replace(/\s+/g, ' ').trim() || null;
  const titles = doc.tagged('title');
  const headTitle = titles.find((el) => el.parent?.name === 'head' && isElement(el.parent));
  return {
    title: clean(textOf(headTitle)) ?? clean(textOf(titles[0])) ?? og.title ?? null,
    description: clean(metas.find((el) => el.attribs!.name?.toLowerCase() === 'description')?.attribs!.content) ?? og.description ?? null,
    og,
  };
}
