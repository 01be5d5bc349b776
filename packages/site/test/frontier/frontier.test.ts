import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Frontier } from '../../src/frontier/frontier.js';
import type { FrontierStrategy } from '../../src/frontier/frontier.js';
import { containsKeyword, scoreLink } from '../../src/frontier/link-score.js';
import { extractLinks } from '../../src/frontier/links.js';
import { looksLikeNonHtml } from '../../src/frontier/non-html.js';
import { dedupeKey, normalizeUrl } from '../../src/frontier/normalize-url.js';
import { sameSite } from '../../src/frontier/scope.js';
import { TARGET_VOCABULARY, foldText, keywordsFor } from '../../src/frontier/target-pages.js';

const TARGETS = ['contact', 'about', 'team', 'news', 'blog'];

describe('Frontier ordering', () => {
  const seed = (strategy: FrontierStrategy): Frontier => {
    const f = new Frontier(strategy);
    f.push({ url: 'https://a.com/', depth: 0, score: 0, source: 'start' });
    f.push({ url: 'https://a.com/products', depth: 1, score: 1, source: 'link' });
    f.push({ url: 'https://a.com/kontakt', depth: 1, score: 20, source: 'link' });
    f.push({ url: 'https://a.com/products/x', depth: 2, score: 0, source: 'link' });
    f.push({ url: 'https://a.com/about', depth: 1, score: 15, source: 'link' });
    return f;
  };
  const drain = (f: Frontier): string[] => {
    const out: string[] = [];
    for (let e = f.pop(); e; e = f.pop()) out.push(new URL(e.url).pathname);
    return out;
  };
  it.each([
    ['bestfirst', ['/', '/kontakt', '/about', '/products', '/products/x']],
    ['bfs', ['/', '/products', '/kontakt', '/products/x', '/about']],
    ['dfs', ['/', '/about', '/products/x', '/kontakt', '/products']],
  ] as const)('%s', (strategy, order) => {
    expect(drain(seed(strategy))).toEqual(order);
  });

  it('deduplicates trailing slashes, www and tracking parameters', () => {
    const f = new Frontier('bfs');
    expect(f.push({ url: normalizeUrl('https://a.com/about/')!, depth: 1, score: 0, source: 'link' })).toBe(true);
    expect(f.push({ url: normalizeUrl('https://www.a.com/about')!, depth: 1, score: 0, source: 'link' })).toBe(false);
    expect(f.push({ url: normalizeUrl('https://a.com/about?utm_source=x#team')!, depth: 1, score: 0, source: 'link' })).toBe(false);
    expect(f.size).toBe(1);
  });

  it('follows no links in sitemap-only mode', () => {
    const f = new Frontier('sitemap');
    expect(f.push({ url: 'https://a.com/x', depth: 1, score: 0, source: 'link' })).toBe(false);
    expect(f.push({ url: 'https://a.com/y', depth: 1, score: 0, source: 'sitemap' })).toBe(true);
  });
});

describe('scoreLink', () => {
  it.each([
    ['https://a.de/kontakt', 'Kontakt'],
    ['https://a.de/ueber-uns', ''],
    ['https://a.de/%C3%BCber-uns', ''],
    ['https://a.es/contacto', ''],
    ['https://a.it/chi-siamo', ''],
    ['https://a.fr/qui-sommes-nous', ''],
    ['https://a.fr/equipe', 'Notre équipe'],
    ['https://a.pt/fale-conosco', ''],
    ['https://a.pl/o-nas', ''],
    ['https://a.nl/over-ons', ''],
    ['https://a.se/om-oss', ''],
    ['https://a.fi/yhteystiedot', ''],
    ['https://a.tr/iletisim', ''],
    ['https://a.ru/kontakty', ''],
    ['https://a.jp/page?id=1', 'お問い合わせ'],
    ['https://a.cn/lianxi', '联系我们'],
    ['https://a.de/impressum', 'Impressum'],
  ])('%s (%s) outranks a product page', (url, text) => {
    expect(scoreLink(url, text, TARGETS)).toBeGreaterThan(scoreLink('https://a.com/products/widget', 'Widget', TARGETS));
  });

  it('ranks earlier targets higher and shallow paths over deep ones', () => {
    expect(scoreLink('https://a.com/contact', 'Contact', TARGETS)).toBeGreaterThan(scoreLink('https://a.com/blog', 'Blog', TARGETS));
    expect(scoreLink('https://a.com/contact', '', TARGETS)).toBeGreaterThan(scoreLink('https://a.com/blog/2020/05/contact', '', TARGETS));
  });

  it('matches whole words for short keywords', () => {
    expect(containsKeyword('/wireless', 'wir')).toBe(false);
    expect(containsKeyword('/kontaktformular', 'kontakt')).toBe(true);
  });

  it('scores a link as trying every keyword in turn does', () => {
    // The score written plainly: each keyword of each target, in order, searched in the path and the text.
    const plainScore = (url: URL, anchorText: string, targets: readonly string[]): number => {
      let path = url.pathname;
      try {
        path = decodeURIComponent(path);
      } catch {
        // as scoreLink: the raw path
      }
      const foldedPath = foldText(`${path} ${url.search}`);
      const text = foldText(anchorText);
      let best = 0;
      targets.forEach((target, index) => {
        let hit = 0;
        for (const keyword of keywordsFor(target)) {
          if (containsKeyword(foldedPath, keyword)) hit = Math.max(hit, 10);
          if (text && containsKeyword(text, keyword)) hit = Math.max(hit, hit >= 10 ? 14 : 6);
        }
        best = Math.max(best, hit * (1 + (targets.length - index) / Math.max(1, targets.length)));
      });
      return best - url.pathname.split('/').filter(Boolean).length * 0.5 - (url.search ? 1 : 0);
    };
    const targets = ['contact', 'about', 'team', 'news', 'blog'];
    const words = [...new Set(targets.flatMap((t) => keywordsFor(t)))].slice(0, 400);
    const part = fc.oneof(fc.constantFrom(...words), fc.constantFrom('x', 'ab', 'co', 'us', '2024', 'über', 'Kontakt', 'お問い合わせ'));
    const joined = (sep: fc.Arbitrary<string>) => fc.tuple(fc.array(part, { maxLength: 4 }), sep).map(([p, s]) => p.join(s));
    fc.assert(
      fc.property(joined(fc.constantFrom('/', '-', '')), joined(fc.constantFrom(' ', '-', '')), fc.boolean(), (path, text, query) => {
        const url = new URL(`https://example.com/${encodeURI(path)}${query ? '?p=1' : ''}`);
        expect(scoreLink(url, text, targets)).toBe(plainScore(url, text, targets));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads word edges as the pattern rule says: no [a-z0-9] before, and none after a keyword under 5 letters', () => {
    // The rule written as patterns, each occurrence tried: what containsKeyword must agree with.
    const byPattern = (folded: string, keyword: string): boolean => {
      for (let at = folded.indexOf(keyword); at !== -1; at = folded.indexOf(keyword, at + 1)) {
        const before = at === 0 ? '' : folded[at - 1]!;
        const after = folded[at + keyword.length] ?? '';
        if (!/[a-z0-9]/.test(before) && (keyword.length >= 5 || !/[a-z0-9]/.test(after))) return true;
      }
      return false;
    };
    const chars = fc.constantFrom('a', 'b', '1', '-', '/', 'é', 'Z');
    const text = (min: number, max: number) => fc.array(chars, { minLength: min, maxLength: max }).map((a) => a.join(''));
    const keyword = fc.array(fc.constantFrom('a', 'b', '-'), { minLength: 1, maxLength: 7 }).map((a) => a.join(''));
    fc.assert(
      // The keyword is put in the text, between random neighbours, so every edge case comes up.
      fc.property(text(0, 8), keyword, text(0, 8), (before, word, after) => {
        const folded = `${before}${word}${after}`;
        expect(containsKeyword(folded, word)).toBe(byPattern(folded, word));
      }),
      { numRuns: 5000 },
    );
  });

  it('knows page names in at least 36 languages', () => {
    const withContact = Object.values(TARGET_VOCABULARY).filter((v) => (v.contact?.length ?? 0) > 0);
    expect(withContact.length).toBeGreaterThanOrEqual(36);
    expect(keywordsFor('about')).toContain('uber-uns');
    expect(keywordsFor('pricing')).toEqual(['pricing']);
  });
});

describe('URL helpers', () => {
  it.each([
    ['HTTP://Example.COM:80/a?b=2&a=1&utm_medium=x#frag', 'http://example.com/a?a=1&b=2'],
    ['/team', 'https://a.com/team'],
    ['mailto:x@a.com', null],
    ['javascript:void(0)', null],
    ['tel:+4930123', null],
  ])('normalizeUrl(%s) = %s', (href, expected) => {
    expect(normalizeUrl(href, 'https://a.com/x')).toBe(expected);
  });

  it('keys ignore www and trailing slashes', () => {
    expect(dedupeKey('https://www.a.com/x/')).toBe(dedupeKey('https://a.com/x'));
  });

  it.each([
    ['https://www.shop.example.co.uk/a', 'https://example.co.uk/', true],
    ['https://blog.example.com/', 'https://example.com/', true],
    ['https://example.org/', 'https://example.com/', false],
    ['http://127.0.0.1:8080/a', 'http://127.0.0.1:8080/', true],
    ['http://127.0.0.1:9090/a', 'http://127.0.0.1:8080/', false],
  ])('sameSite(%s, %s) = %s', (a, b, expected) => {
    expect(sameSite(a, b)).toBe(expected);
  });

  it.each([
    ['https://a.com/brochure.PDF', true],
    ['https://a.com/logo.png?v=2', true],
    ['https://a.com/about.html', false],
    ['https://a.com/v1.2/contact', false],
  ])('looksLikeNonHtml(%s) = %s', (url, expected) => {
    expect(looksLikeNonHtml(url)).toBe(expected);
  });

  it('extracts hrefs, anchor text and the base URL', () => {
    const html = `<base href="https://a.com/sub/"><a class="x" href="kontakt.html">Kon<b>takt</b></a>
      <a href='/about?x=1&amp;y=2'>About &amp; us</a><a href=#top>top</a><a name="n">no href</a>`;
    expect(extractLinks(html)).toEqual({
      base: 'https://a.com/sub/',
      links: [
        { href: 'kontakt.html', text: 'Kon takt' },
        { href: '/about?x=1&y=2', text: 'About & us' },
      ],
    });
  });
});
