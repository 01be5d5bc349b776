import type { ParsedPage } from './page.js';
import { tokenCount, truncateToTokens } from './tokens.js';

/** A page chosen for a prompt, with the text that fits. */
export interface SelectedPage {
  url: string;
  title: string;
  text: string;
  tokens: number;
  truncated: boolean;
}

/** The pages of one prompt and what they cost. */
export interface PageSelection {
  pages: SelectedPage[];
  tokens: number;
}

/** How relevant a page is to a feature: URL path words weigh most, then the title; 0 = unrelated. */
export function relevance(page: Pick<ParsedPage, 'url' | 'title'>, words: { keywords: RegExp; secondary?: RegExp; homeBonus: number }, homeUrl: string): number {
  let path = '';
  try {
    path = decodeURIComponent(new URL(page.url).pathname).toLowerCase();
  } catch {
    path = page.url.toLowerCase();
  }
  const title = page.title.toLowerCase();
  let score = 0;
  if (words.keywords.test(path)) score += 4;
  if (words.keywords.test(title)) score += 2;
  if (words.secondary?.test(path)) score += 2;
  if (words.secondary?.test(title)) score += 1;
  const isHome = path === '/' || path === '' || page.url.replace(/\/$/, '') === homeUrl.replace(/\/$/, '');
  if (isHome) score += words.homeBonus;
  return score;
}

/** Tokens one page costs in a prompt, its delimiters included. */
export type PageCost = (page: SelectedPage) => number;

/**
 * Picks pages for a prompt within `budget` tokens (counted with o200k): the most relevant first,
 * then the rest in crawl order; the first page that does not fit is cut to the tokens left (when at
 * least `minTokens` remain) and selection stops. Pure: same pages, same budget, same prompt.
 */
export function selectPages(
  pages: readonly ParsedPage[],
  score: (page: ParsedPage) => number,
  budget: number,
  frame: (page: { url: string; title: string; text: string }) => string,
  minTokens = 150,
): PageSelection {
  const ranked = pages
    .map((page, order) => ({ page, order, score: score(page) }))
    .filter((entry) => entry.page.text.length > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const chosen: SelectedPage[] = [];
  let used = 0;
  for (const { page } of ranked) {
    const full = frame(page);
    const cost = tokenCount(full);
    if (used + cost <= budget) {
      chosen.push({ url: page.url, title: page.title, text: page.text, tokens: cost, truncated: false });
      used += cost;
      continue;
    }
    const overhead = tokenCount(frame({ ...page, text: '' }));
    const left = budget - used - overhead;
    if (left >= minTokens) {
      // Tokens at the cut can merge with the frame's: shrink until the framed page really fits.
      let allowed = left;
      let text = truncateToTokens(page.text, allowed);
      let tokens = tokenCount(frame({ ...page, text }));
      while (used + tokens > budget && allowed > 0) {
        allowed -= used + tokens - budget;
        text = truncateToTokens(page.text, allowed);
        tokens = tokenCount(frame({ ...page, text }));
      }
      chosen.push({ url: page.url, title: page.title, text, tokens, truncated: true });
      used += tokens;
    }
    break;
  }
  return { pages: chosen, tokens: used };
}
