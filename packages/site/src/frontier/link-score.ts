import { foldText, keywordsFor } from './target-pages.js';

const ASCII = /^[\x00-\x7f]+$/;

/** `[a-z0-9]`: what a keyword must not touch on the side where it has to be a whole word. */
const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/** Whether an ASCII keyword found at `at` stands as a word: at a word start, and at a word end unless it has 5 letters or more. */
function standsAsWord(folded: string, keyword: string, at: number): boolean {
  if (at > 0 && isWordChar(folded.charCodeAt(at - 1))) return false;
  const end = at + keyword.length;
  return keyword.length >= 5 || end === folded.length || !isWordChar(folded.charCodeAt(end));
}

function containsWord(folded: string, keyword: string): boolean {
  for (let at = folded.indexOf(keyword); at !== -1; at = folded.indexOf(keyword, at + 1)) if (standsAsWord(folded, keyword, at)) return true;
  return false;
}

/**
 * Whether folded text contains a keyword as a word: ASCII keywords must start at a word boundary
 * (and short ones must also end at one, so `wir` never matches `wire`), while keywords in scripts
 * without separators (CJK, Thai) match as substrings.
 */
export function containsKeyword(folded: string, keyword: string): boolean {
  return ASCII.test(keyword) ? containsWord(folded, keyword) : folded.includes(keyword);
}

/**
 * A target's keywords, found by where they may start rather than one search each: an ASCII keyword
 * (almost all of them; a target has up to a hundred, in many languages) can only start at a word start,
 * so each word start of the text looks up the keywords beginning with its two letters. The rest (CJK,
 * Thai) are looked for anywhere. Built once per target.
 */
interface KeywordIndex {
  byPrefix: Map<string, Array<{ keyword: string; order: number }>>;
  anywhere: Array<{ keyword: string; order: number }>;
}

const indexes = new Map<string, KeywordIndex>();

function indexFor(target: string): KeywordIndex {
  let index = indexes.get(target);
  if (!index) {
    index = { byPrefix: new Map(), anywhere: [] };
    keywordsFor(target).forEach((keyword, order) => {
      if (!ASCII.test(keyword)) return index!.anywhere.push({ keyword, order });
      const prefix = keyword.slice(0, 2);
      const list = index!.byPrefix.get(prefix);
      if (list) list.push({ keyword, order });
      else index!.byPrefix.set(prefix, [{ keyword, order }]);
    });
    indexes.set(target, index);
  }
  return index;
}

/** The positions (in `keywordsFor` order) of the target's keywords that `containsKeyword` finds in `folded`; null for none, as for most links. */
function keywordsIn(folded: string, index: KeywordIndex): Set<number> | null {
  let found: Set<number> | null = null;
  for (let at = 0; at + 1 < folded.length; at++) {
    if (at > 0 && isWordChar(folded.charCodeAt(at - 1))) continue;
    const candidates = index.byPrefix.get(folded.slice(at, at + 2));
    if (!candidates) continue;
    for (const { keyword, order } of candidates) if (folded.startsWith(keyword, at) && standsAsWord(folded, keyword, at)) (found ??= new Set()).add(order);
  }
  for (const { keyword, order } of index.anywhere) if (folded.includes(keyword)) (found ??= new Set()).add(order);
  return found;
}

function foldedPath(url: URL): string {
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep the raw path when it is not valid percent-encoding
  }
  return foldText(`${path} ${url.search}`);
}

/**
 * How much a link looks like one of the wanted pages: a match in the URL path counts more than one in
 * the link text, earlier `target_pages` entries count more than later ones, and deep paths lose a little
 * so `/contact` beats `/blog/2019/how-to-contact-a-plumber`.
 */
export function scoreLink(url: string | URL, anchorText: string, targets: readonly string[]): number {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  const path = foldedPath(parsed);
  const text = foldText(anchorText);
  let best = 0;
  targets.forEach((target, index) => {
    const weight = 1 + (targets.length - index) / Math.max(1, targets.length);
    const keywords = indexFor(target);
    const inPath = keywordsIn(path, keywords);
    const inText = text ? keywordsIn(text, keywords) : null;
    if (!inPath && !inText) return;
    // Keyword by keyword, in order: a path match counts 10, a text match 6, or 14 after a path match.
    let hit = 0;
    for (const order of [...new Set([...(inPath ?? []), ...(inText ?? [])])].sort((a, b) => a - b)) {
      if (inPath?.has(order)) hit = Math.max(hit, 10);
      if (inText?.has(order)) hit = Math.max(hit, hit >= 10 ? 14 : 6);
    }
    best = Math.max(best, hit * weight);
  });
  const depth = parsed.pathname.split('/').filter(Boolean).length;
  return best - depth * 0.5 - (parsed.search ? 1 : 0);
}
