import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/extract/document.js';
import { extractMeta } from '../../src/extract/meta.js';

describe('extractMeta', () => {
  it('reads title, description and og:* without the prefix', () => {
    const doc = parsePage(
      '<html><head><title> Acme  &amp; Co </title><meta name="Description" content="We bake."><meta property="og:title" content="Acme"><meta property="og:image" content="/og.png"><meta property="og:title" content="second"></head></html>',
      'https://acme.com/',
    );
    expect(extractMeta(doc)).toEqual({ title: 'Acme & Co', description: 'We bake.', og: { title: 'Acme', image: '/og.png' } });
  });

  it.each([
    ['falls back to og:title and og:description', '<meta property="og:title" content="OG T"><meta property="og:description" content="OG D">', { title: 'OG T', description: 'OG D' }],
    ['nulls when absent', '', { title: null, description: null }],
  ])('%s', (_name, head, want) => {
    const meta = extractMeta(parsePage(`<html><head>${head}</head><body></body></html>`, 'https://acme.com/'));
    expect({ title: meta.title, description: meta.description }).toEqual(want);
  });
});
