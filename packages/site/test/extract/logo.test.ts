import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/extract/document.js';
import { readJsonLd } from '../../src/extract/jsonld.js';
import { extractLogo } from '../../src/extract/logo.js';

function logoOf(html: string): ReturnType<typeof extractLogo> {
  const doc = parsePage(html, 'https://acme.com/about');
  return extractLogo(doc, readJsonLd(doc));
}

describe('extractLogo', () => {
  it.each([
    [
      'JSON-LD Organization logo (ImageObject)',
      '<head><script type="application/ld+json">{"@type":"Organization","logo":{"@type":"ImageObject","url":"/img/logo.svg"}}</script></head><header><img src="/other.png" class="logo"></header>',
      { url: 'https://acme.com/img/logo.svg', source: 'jsonld' },
    ],
    ['header image marked as logo', '<header><img src="/banner.jpg"><a rel="home"><img src="/logo.png" alt="Acme"></a></header>', { url: 'https://acme.com/logo.png', source: 'header-img' }],
    ['logo image outside the header', '<div class="site-logo"><img src="//cdn.acme.com/l.png"></div>', { url: 'https://cdn.acme.com/l.png', source: 'img' }],
    ['apple touch icon', '<head><link rel="apple-touch-icon" href="/apple.png"><link rel="icon" href="/fav.ico"></head>', { url: 'https://acme.com/apple.png', source: 'apple-touch-icon' }],
    ['favicon', '<head><link rel="shortcut icon" href="/fav.ico"></head>', { url: 'https://acme.com/fav.ico', source: 'icon' }],
    ['og:image last', '<head><meta property="og:image" content="https://acme.com/og.jpg"></head>', { url: 'https://acme.com/og.jpg', source: 'og:image' }],
    ['nothing', '<p>hi</p>', null],
  ])('%s', (_name, html, want) => {
    expect(logoOf(`<html>${html}</html>`)).toEqual(want);
  });
});
