import { describe, expect, it } from 'vitest';
import { framePage, parsePage, relevance, selectPages, tokenCount } from '../src/index.js';
import { FEATURES } from '../src/features.js';

const page = (path: string, title: string, words: number) =>
  parsePage({ url: `https://co.example${path}`, html: `<html><head><title>${title}</title></head><body><p>${Array.from({ length: words }, (_, i) => `word${i}`).join(' ')}</p></body></html>` });

describe('relevance', () => {
  it.each([
    ['team page for team_members', '/team', 'Our team', 'team_members', 6],
    ['German about page for team_members (secondary)', '/ueber-uns', 'Über uns', 'team_members', 3],
    ['blog post for pain_points', '/blog/scaling', 'Why we struggle', 'pain_points', 4],
    ['home page for company_vitals', '/', 'Home', 'company_vitals', 5],
    ['unrelated page', '/legal/cookies', 'Cookies', 'pain_points', 0],
  ] as const)('%s', (_name, path, title, field, want) => {
    expect(relevance({ url: `https://co.example${path}`, title }, FEATURES[field], 'https://co.example/')).toBe(want);
  });
});

describe('selectPages', () => {
  it('puts the most relevant page first and keeps within the budget, cutting the first page that does not fit', () => {
    const pages = [page('/', 'Home', 300), page('/news/a', 'News', 300), page('/team', 'Team', 300), page('/careers', 'Careers', 3000)];
    const score = (p: ReturnType<typeof page>) => relevance(p, FEATURES.pain_points, 'https://co.example/');
    const budget = 1200;
    const selection = selectPages(pages, score, budget, framePage);
    expect(selection.pages[0]!.url).toMatch(/\/(news\/a|careers)$/);
    expect(selection.tokens).toBeLessThanOrEqual(budget);
    expect(selection.tokens).toBe(selection.pages.reduce((sum, p) => sum + tokenCount(framePage(p)), 0));
    expect(selection.pages.at(-1)!.truncated).toBe(true);
  });

  it('takes every page whole when they fit', () => {
    const pages = [page('/', 'Home', 20), page('/about', 'About', 20)];
    const selection = selectPages(pages, () => 0, 6000, framePage);
    expect(selection.pages.map((p) => p.truncated)).toEqual([false, false]);
    expect(selection.pages.map((p) => p.url)).toEqual(['https://co.example/', 'https://co.example/about']);
  });

  it('skips a remainder smaller than the minimum instead of sending a useless scrap', () => {
    const pages = [page('/a', 'A', 100), page('/b', 'B', 1000)];
    const first = tokenCount(framePage(pages[0]!));
    const selection = selectPages(pages, () => 0, first + 50, framePage);
    expect(selection.pages.map((p) => p.url)).toEqual(['https://co.example/a']);
  });
});
