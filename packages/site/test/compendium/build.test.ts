import { describe, expect, it } from 'vitest';
import { buildCompendium, type CompendiumOptions } from '../../src/compendium/build.js';
import { loadFixtureSite } from '@spideriq/testkit';
import { compendiumSection } from '../../src/compendium/build.js';
import { parsePage, visibleText } from '../../src/extract/document.js';

const defaults: CompendiumOptions = { cleanup_level: 'fit', remove_duplicates: true, separator: '\n\n---\n\n', max_chars: 100_000, priority_sections: ['main', 'article', 'content'] };
const chrome = (body: string, title: string) =>
  `<html><head><title>${title}</title></head><body><header><nav><a href="/">Home</a> <a href="/about">About</a></nav></header><div class="cookie-banner">We use cookies to improve your experience. Accept?</div><main>${body}</main><footer><p>Acme Ltd · 1 Main St, Springfield, IL 62701 · Call us today on (217) 555-0100</p></footer></body></html>`;
const pages = [
  { url: 'https://acme.com/', html: chrome('<h1>Welcome</h1><p>We make anvils since 1949.</p><p>Order online today.</p>', 'Home') },
  { url: 'https://acme.com/about', html: chrome('<h1>About</h1><p>Family owned, three generations.</p><p>Order online today.</p>', 'About') },
];

describe('buildCompendium', () => {
  it('raw keeps the chrome; fit drops header, footer and cookie banner', () => {
    const raw = buildCompendium(pages, { ...defaults, cleanup_level: 'raw', remove_duplicates: false });
    const fit = buildCompendium(pages, defaults);
    expect(raw.markdown).toContain('1 Main St');
    expect(raw.markdown).toContain('cookies');
    expect(fit.markdown).not.toContain('1 Main St');
    expect(fit.markdown).not.toContain('cookies');
    expect(fit.markdown).toContain('We make anvils since 1949.');
    expect(fit.chars).toBeLessThan(raw.chars);
  });

  it('removes blocks repeated across pages only when asked', () => {
    const deduped = buildCompendium(pages, { ...defaults, cleanup_level: 'raw' });
    const kept = buildCompendium(pages, { ...defaults, cleanup_level: 'raw', remove_duplicates: false });
    const count = (s: string, needle: string) => s.split(needle).length - 1;
    expect(count(deduped.markdown, '1 Main St')).toBe(1);
    expect(count(kept.markdown, '1 Main St')).toBe(2);
    expect(count(deduped.markdown, 'Order online today.')).toBe(1);
    expect(deduped.markdown).toContain('Family owned');
  });

  it('puts the separator between pages and heads each with title and source', () => {
    const c = buildCompendium(pages, { ...defaults, separator: '\n\n=====\n\n' });
    expect(c.markdown.startsWith('# Home\n\nSource: https://acme.com/')).toBe(true);
    expect(c.markdown).toContain('\n\n=====\n\n# About\n\nSource: https://acme.com/about');
  });

  it('citations numbers the links', () => {
    const c = buildCompendium([{ url: 'https://acme.com/', html: '<main><p>Read <a href="/docs">the docs</a>.</p></main>' }], { ...defaults, cleanup_level: 'citations' });
    expect(c.markdown).toContain('Read the docs [1].');
    expect(c.markdown).toContain('[1]: https://acme.com/docs');
  });

  it('minimal keeps the priority section only, without links or images', () => {
    const html = '<body><div class="promo">Big sale banner text here</div><article><h2>Story</h2><p>Read <a href="/x">more</a> <img src="/a.png" alt="a"></p></article></body>';
    const c = buildCompendium([{ url: 'https://acme.com/', html }], { ...defaults, cleanup_level: 'minimal', priority_sections: ['article'] });
    expect(c.markdown).toContain('## Story');
    expect(c.markdown).toContain('Read more');
    expect(c.markdown).not.toContain('Big sale');
    expect(c.markdown).not.toContain('](');
  });

  it('truncates on a block boundary and says so', () => {
    const site = loadFixtureSite('agency-us');
    const full = buildCompendium(site.pages, defaults);
    const cut = buildCompendium(site.pages, { ...defaults, max_chars: 1000 });
    expect(full.truncated).toBe(false);
    expect(cut.truncated).toBe(true);
    expect(cut.chars).toBeLessThanOrEqual(1000);
    expect(full.markdown.startsWith(cut.markdown)).toBe(true);
    const next = full.markdown.slice(cut.chars);
    expect(next.startsWith('\n\n')).toBe(true); // the cut fell between blocks
  });

  it('estimates tokens and handles no pages', () => {
    const c = buildCompendium(pages, defaults);
    expect(c.estimated_tokens).toBeGreaterThan(10);
    expect(c.estimated_tokens).toBeLessThan(c.chars);
    expect(buildCompendium([], defaults)).toEqual({ markdown: '', chars: 0, estimated_tokens: 0, cleanup_level: 'fit', truncated: false });
  });

  it('fit keeps short pages whole, decodes Cloudflare emails and keeps tables and code', () => {
    const site = loadFixtureSite('agency-us');
    const c = buildCompendium(site.pages, defaults);
    expect(c.markdown).toContain('hello@brightlinedigital.com');
    expect(c.markdown).not.toContain('email protected');
    expect(c.markdown).toContain('```tsx');
    const menu = buildCompendium(loadFixtureSite('trattoria-it').pages, defaults);
    expect(menu.markdown).toContain('| Giorno | Pranzo | Cena |');
  });

  it('sizes follow raw > fit > minimal on every fixture site', () => {
    for (const name of ['trattoria-it', 'plumber-uk', 'shop-au']) {
      const site = loadFixtureSite(name);
      const size = (level: CompendiumOptions['cleanup_level']) => buildCompendium(site.pages, { ...defaults, cleanup_level: level }).chars;
      expect(size('raw'), name).toBeGreaterThan(size('fit'));
      expect(size('fit'), name).toBeGreaterThanOrEqual(size('minimal'));
    }
  });

  it('fit keeps only <main> on a long page when it holds most of the text, and resolves relative targets', () => {
    const long = '<p>' + 'Our bakery bakes bread every morning with local flour. '.repeat(40) + '</p>';
    const html = `<body><div class="intro">Opening offer for new customers only</div><main><h2>Bread</h2>${long}<p><a href="/order">Order</a> <img src="img/loaf.jpg" alt="Loaf"></p></main></body>`;
    const { blocks } = compendiumSection({ url: 'https://bakery.example/shop/', html }, defaults);
    expect(blocks[0]).toBe('## Bread');
    expect(blocks.join('\n')).not.toContain('Opening offer');
    expect(blocks.at(-1)).toBe('[Order](https://bakery.example/order) ![Loaf](https://bakery.example/shop/img/loaf.jpg)');
    // a short page is kept whole
    expect(compendiumSection({ url: 'https://bakery.example/', html: html.replace(long, '') }, defaults).blocks[0]).toBe('Opening offer for new customers only');
  });

  it('reads the extractors\' DOM without changing it', () => {
    const site = loadFixtureSite('agency-us');
    for (const page of site.pages) {
      const doc = parsePage(page.html, page.url);
      const root = doc.root;
      const before = visibleText([root]);
      const shared = compendiumSection({ ...page, root }, defaults);
      expect(visibleText([root])).toBe(before);
      expect(shared).toEqual(compendiumSection(page, defaults));
    }
  });
});
