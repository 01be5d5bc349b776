import { textOf, type PageDocument } from './document.js';

/** One JSON-LD object (any node with properties), as found anywhere in a page's graph. */
export type JsonLdNode = Readonly<Record<string, unknown>>;

/**
 * Reads every `application/ld+json` block and flattens it to a list of objects (top-level
 * arrays, `@graph` and nested values all included), so extractors can look for a property
 * without caring how the publisher nested it. Broken blocks are skipped: one bad plugin must not
 * hide the rest of the page. A lenient second parse strips comments, CDATA and trailing commas.
 */
export function readJsonLd(doc: PageDocument): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  for (const el of doc.tagged('script')) {
    if (el.attribs?.type?.toLowerCase() !== 'application/ld+json') continue;
    const parsed = parseLenient(textOf(el));
    if (parsed !== undefined) collect(parsed, nodes, 0);
  }
  return nodes;
}

function parseLenient(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    const cleaned = raw
      .replace(/<!\[CDATA\[|\]\]>/g, '')
      .replace(/^\s*<!--|-->\s*$/g, '')
      .replace(/,\s*([}\]])/g, '$1')
      .replace(/[\u0000-\u001f]+/g, ' ');
    try {
      return JSON.parse(cleaned);
    } catch {
      return undefined;
    }
  }
}

function collect(value: unknown, into: JsonLdNode[], depth: number): void {
  if (depth > 12 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into, depth + 1);
    return;
  }
  const node = value as Record<string, unknown>;
  into.push(node);
  for (const child of Object.values(node)) collect(child, into, depth + 1);
}

/** The `@type` values of a node, without any `schema:` / URL prefix. */
export function jsonLdTypes(node: JsonLdNode): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, ''));
}

/** String values of a property, accepting a string, an array or `{ '@value' | '@id' | url }`. */
export function jsonLdStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(jsonLdStrings);
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of ['@value', 'url', '@id', 'contentUrl', 'name']) {
      if (typeof obj[key] === 'string') return [obj[key] as string];
    }
  }
  return [];
}

/** All values of a property across every node, e.g. every `telephone` in the page's graph. */
export function jsonLdProperty(nodes: readonly JsonLdNode[], key: string): string[] {
  return nodes.flatMap((node) => (key in node ? jsonLdStrings(node[key]) : []));
}
