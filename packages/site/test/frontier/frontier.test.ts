import { describe, expect, it } from 'vitest';
import { Frontier } from '../../src/frontier/frontier.js';
import type { FrontierStrategy } from '../../src/frontier/frontier.js';
import { containsKeyword, scoreLink } from '../../src/frontier/link-score.js';
import { extractLinks } from '../../src/frontier/links.js';
import { looksLikeNonHtml } from '../../src/frontier/non-html.js';
import { dedupeKey, normalizeUrl } from '../../src/frontier/normalize-url.js';
import { sameSite } from '../../src/frontier/scope.js';
import { TARGET_VOCABULARY, keywordsFor } from '../../src/frontier/target-pages.js';

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
