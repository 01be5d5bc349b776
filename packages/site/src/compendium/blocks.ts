import { isSpace } from '../js-space.js';
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
 * A block's identity for duplicate detection: case, whitespace and link targets ignored. It is read as
 * `block.toLowerCase()` with every `](target)` cut to `]`, every run of `\s` one space and the ends
 * trimmed, and what that reading gives is hashed, in one pass that builds no string, to a 53-bit number
 * (a safe integer): sent from a page thread with the page and compared in a `Set`, it costs a number,
 * not a second copy of the text. Two different blocks share a key with a chance of about n²/2⁵⁴ for n
 * blocks in a crawl (one in fifty million at 20,000 blocks), where a block would then be left out.
 * A site's header, footer and calls-to-action come back on every page, so the keys of recent blocks are kept.
 */
export const blockKey: (block: string) => number = memoize(readBlockKey, (block) => block, (key) => key, 2000);

function readBlockKey(block: string): number {
  const text = block.toLowerCase();
  // Two 32-bit FNV-1a hashes with different offsets and primes, folded into 53 bits at the end.
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  const mix = (c: number): void => {
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  };
  let started = false;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      space = started;
      continue;
    }
    if (space) mix(32);
    space = false;
    started = true;
    mix(c);
    if (c === 93 /* ] */ && text.charCodeAt(i + 1) === 40 /* ( */) {
      const close = text.indexOf(')', i + 2);
      if (close >= 0) i = close;
    }
  }
  h2 ^= h2 >>> 15;
  h2 = Math.imul(h2, 0x85ebca6b);
  h2 ^= h2 >>> 13;
  return (h1 >>> 0) * 0x200000 + (h2 >>> 11);
}
