import type { DomNode, PageDocument } from './document.js';
import { nextElement, textOf, visibleText } from './document.js';

/**
 * Headings of a legal notice's hosting section ("Hébergeur", "Hébergement", "Hosting", "Webhoster",
 * "Alojamiento", "Hosting provider"): what follows names the host, or the designer who hosts the
 * site, with their own address, phone and email.
 */
const HOST_HEADING = /h[ée]bergeu?r|h[ée]bergement|\bhosting\b|\bhoster\b|webhost|alojamiento|hospedagem|\bhost(?:ed by| provider)\b/i;

/**
 * The visible text of every section a hosting heading opens (its following siblings up to the next
 * heading), one string for the page. Contacts that appear only there belong to the host or the
 * designer, never to the company (corpus/README.md: hosting providers and a web designer named as
 * editor are third parties).
 */
export function hostSectionText(doc: PageDocument): string {
  let text = hostTexts.get(doc);
  if (text === undefined) hostTexts.set(doc, (text = readHostSections(doc)));
  return text;
}

/** Emails and phones both ask, so each page's hosting sections are read once. */
const hostTexts = new WeakMap<PageDocument, string>();

function readHostSections(doc: PageDocument): string {
  const parts: string[] = [];
  for (const heading of doc.elements) {
    if (!isHeading(heading) || !HOST_HEADING.test(textOf(heading))) continue;
    const nodes: DomNode[] = [];
    for (let next = nextElement(heading); next && !isHeading(next); next = nextElement(next)) nodes.push(next);
    parts.push(visibleText(nodes));
  }
  return parts.join('\n');
}

/** `<h1>` to `<h6>`. */
export function isHeading(el: DomNode): boolean {
  return el.name !== undefined && el.name.length === 2 && el.name[0] === 'h' && el.name[1]! >= '1' && el.name[1]! <= '6';
}

/** How often `needle` occurs in `haystack` (case-insensitive). */
export function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  return haystack.toLowerCase().split(needle.toLowerCase()).length - 1;
}
