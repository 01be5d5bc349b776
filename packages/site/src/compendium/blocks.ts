import { memoize } from '../memo.js';

/**
 * Splits markdown into blocks separated by blank lines, keeping fenced code blocks whole even when
 * they contain blank lines (Crawl4AI #2110: never cut or dedupe inside code).
 */
export function splitBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const marker = line.match(/^\s*(`{3,}|~{3,})/)?.[1];
    if (fence) {
      current.push(line);
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
      continue;
    }
    if (marker) fence = marker;
    if (!fence && line.trim() === '') {
      if (current.length) blocks.push(current.join('\n'));
      current = [];
      continue;
    }
    current.push(line);
  }
  if (current.length) blocks.push(current.join('\n'));
  return blocks;
}

/**
 * A block's identity for duplicate detection: case, whitespace and link targets ignored. A site's
 * header, footer and calls-to-action come back on every page, so the keys of recent blocks are kept.
 */
export const blockKey: (block: string) => string = memoize(readBlockKey, (block) => block, (key) => key, 2000);

function readBlockKey(block: string): string {
  return block
    .toLowerCase()
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\s+/g, ' ')
    .trim();
}
