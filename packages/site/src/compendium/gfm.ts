import type TurndownService from 'turndown';

type Node = TurndownService.Node;

function cellIndex(node: Node): number {
  let index = 0;
  for (let sib = node.previousSibling; sib; sib = sib.previousSibling) {
    if (sib.nodeType === 1) index += Number((sib as HTMLElement).getAttribute('colspan') ?? 1) || 1;
  }
  return index;
}

function isHeadingRow(row: Node): boolean {
  const parent = row.parentNode as HTMLElement | null;
  if (parent?.nodeName === 'THEAD') return true;
  const cells = Array.from(row.childNodes).filter((n) => n.nodeType === 1);
  const firstRow = parent?.firstElementChild === row;
  if (!firstRow || cells.length === 0) return false;
  // the first row is the header when it is all <th>, or when the table has no <thead> and no <th> row at all
  if (cells.every((c) => c.nodeName === 'TH')) return true;
  const table = row.parentNode?.nodeName === 'TABLE' ? row.parentNode : row.parentNode?.parentNode;
  const hasHead = Array.from(table?.childNodes ?? []).some((n) => n.nodeName === 'THEAD');
  return !hasHead && (parent?.previousElementSibling ?? null) === null;
}

/**
 * GitHub-flavoured markdown for turndown: pipe tables (the first row becomes the header when a
 * table has none, because GFM requires one; `colspan` is padded with empty cells) and `~~strike~~`.
 * Written here instead of depending on turndown-plugin-gfm, which is unmaintained and keeps
 * header-less tables as raw HTML (Crawl4AI #1964 shows how much losing tables costs).
 */
export function gfm(service: TurndownService): void {
  service.addRule('tableCell', {
    filter: ['th', 'td'],
    replacement(content, node) {
      const span = Math.max(1, Math.min(20, Number((node as HTMLElement).getAttribute('colspan') ?? 1) || 1));
      const text = content.replace(/\n+/g, ' ').replace(/\|/g, '\\|').trim();
      const first = cellIndex(node) === 0 ? '| ' : ' ';
      return `${first}${text} |${' |'.repeat(span - 1)}`;
    },
  });
  service.addRule('tableRow', {
    filter: 'tr',
    replacement(content, node) {
      if (!isHeadingRow(node)) return `\n${content}`;
      const cells = Array.from(node.childNodes).filter((n) => n.nodeType === 1);
      const width = cells.reduce((n, c) => n + (Number((c as HTMLElement).getAttribute('colspan') ?? 1) || 1), 0);
      return `\n${content}\n|${' --- |'.repeat(width)}`;
    },
  });
  service.addRule('tableSection', {
    filter: ['thead', 'tbody', 'tfoot'],
    replacement: (content) => content,
  });
  service.addRule('table', {
    filter: 'table',
    replacement: (content) => `\n\n${content.replace(/\n+/g, '\n').trim()}\n\n`,
  });
  service.addRule('strikethrough', {
    filter: ['del', 's', 'strike' as keyof HTMLElementTagNameMap],
    replacement: (content) => `~~${content}~~`,
  });
}
