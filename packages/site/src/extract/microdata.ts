import { descendants, hasWord, textOf, type DomNode, type PageDocument } from './document.js';

/**
 * Values of a schema.org microdata property (`itemprop`), read the way the spec says:
 * `content` first, then `href`/`src`, then the text. See https://html.spec.whatwg.org/#values
 * With `scope`, only the elements inside it are read.
 */
export function itempropValues(doc: PageDocument, name: string, scope?: DomNode): string[] {
  const values: string[] = [];
  for (const el of scope ? descendants(scope) : doc.elements) {
    if (!hasWord(el, 'itemprop', name)) continue;
    const a = el.attribs!;
    const value = a.content ?? a.href ?? a.src ?? textOf(el);
    const clean = value.replace(/\s+/g, ' ').trim();
    if (clean) values.push(clean);
  }
  return values;
}
