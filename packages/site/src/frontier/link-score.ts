import { foldText, keywordsFor } from './target-pages.js';

const ASCII = /^[\x00-\x7f]+$/;

/**
 * Whether folded text contains a keyword as a word: ASCII keywords must start at a word boundary
 * (and short ones must also end at one, so `wir` never matches `wire`), while keywords in scripts
 * without separators (CJK, Thai) match as substrings.
 */
export function containsKeyword(folded: string, keyword: string): boolean {
  if (!ASCII.test(keyword)) return folded.includes(keyword);
  let from = 0;
  for (;;) {
    const at = folded.indexOf(keyword, from);
    if (at === -1) return false;
    const before = at === 0 ? '' : folded[at - 1]!;
    const after = folded[at + keyword.length] ?? '';
    const startsWord = before === '' || !/[a-z0-9]/.test(before);
    const endsWord = after === '' || !/[a-z0-9]/.test(after);
    if (startsWord && (endsWord || keyword.length >= 5)) return true;
    from = at + 1;
  }
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
    let hit = 0;
    for (const keyword of keywordsFor(target)) {
      if (containsKeyword(path, keyword)) hit = Math.max(hit, 10);
      if (text && containsKeyword(text, keyword)) hit = Math.max(hit, hit >= 10 ? 14 : 6);
    }
    best = Math.max(best, hit * weight);
  });
  const depth = parsed.pathname.split('/').filter(Boolean).length;
  return best - depth * 0.5 - (parsed.search ? 1 : 0);
}
