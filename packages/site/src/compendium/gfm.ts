import type { MdNode } from './markdown.js';

const isElement = (node: MdNode): boolean => node.attribs !== undefined && node.name !== undefined;
const span = (node: MdNode): number => Number(node.attribs!.colspan ?? 1) || 1;

function elementSiblingsBefore(node: MdNode): MdNode[] {
  const out: MdNode[] = [];
  for (let sib = node.prev; sib; sib = sib.prev) if (isElement(sib)) out.push(sib);
  return out;
}

function cellIndex(node: MdNode): number {
  return elementSiblingsBefore(node).reduce((index, sib) => index + span(sib), 0);
}

function isHeadingRow(row: MdNode): boolean {
  const parent = row.parent;
  if (parent?.name === 'thead') return true;
  const cells = (row.children ?? []).filter(isElement);
  const firstRow = parent !== null && parent !== undefined && elementSiblingsBefore(row).length === 0;
  if (!firstRow || cells.length === 0) return false;
  // the first row is the header when it is all <th>, or when the table has no <thead> and no <th> row at all
  if (cells.every((c) => c.name === 'th')) return true;
  const table = parent.name === 'table' ? parent : parent.parent;
  const hasHead = (table?.children ?? []).some((n) => n.name === 'thead');
  return !hasHead && elementSiblingsBefore(parent).length === 0;
}

/**
 * GitHub-flavoured markdown rules: pipe tables (the first row becomes the header when a table has
 * none, because GFM requires one; `colspan` is padded with empty cells) and `~~strike~~`. Returns
 * null for an element these rules do not cover. Written here instead of depending on
 * turndown-plugin-gfm, which is unmaintained and keeps header-less tables as raw HTML (Crawl4AI
 * #1964 shows how much losing tables costs).
 */
export function gfmRule(node: MdNode, content: string): string | null {
  switch (node.name) {
    case 'th':
    case 'td': {
      const width = Math.max(1, Math.min(20, span(node)));
      const text = content.replace(/\n+/g, ' ').replace(/\|/g, '\\|').trim();
      const first = cellIndex(node) === 0 ? '| ' : ' ';
      return `${first}${text} |${' |'.repeat(width - 1)}`;
    }
    case 'tr': {
      if (!isHeadingRow(node)) return `\n${content}`;
      const width = (node.children ?? []).filter(isElement).reduce((n, c) => n + span(c), 0);
      return `\n${content}\n|${' --- |'.repeat(width)}`;
    }
    case 'thead':
    case 'tbody':
    case 'tfoot':
      return content;
    case 'table':
      return `\n\n${content.replace(/\n+/g, '\n').trim()}\n\n`;
    case 'del':
    case 's':
    case 'strike':
      return `~~${content}~~`;
    default:
      return null;
  }
}
