import { describe, expect, it } from 'vitest';
import { escapeHtml, isSafeHref, markdownToHtml } from '../src/markdown-html.ts';

describe('markdownToHtml', () => {
  it.each([
    ['a heading', '# Title', '<h1>Title</h1>'],
    ['a GFM table', '| a | b |\n| - | - |\n| 1 | 2 |', '<td>1</td>'],
    ['a safe link', '[site](https://a.test)', '<a href="https://a.test" rel="noopener noreferrer nofollow" target="_blank">site</a>'],
    ['a mailto link', '<info@a.test>', 'href="mailto:info@a.test"'],
  ])('renders %s', (_name, markdown, html) => {
    expect(markdownToHtml(markdown)).toContain(html);
  });

  it.each([
    ['a script block', '<script>alert(1)</script>', '<script'],
    ['an inline tag with a handler', 'hi <img src=x onerror=alert(1)> there', '<img'],
    ['a javascript: link', '[click](javascript:alert(1))', 'href="javascript:'],
    ['a data: link', '[click](data:text/html,<b>x</b>)', 'href="data:'],
    ['a remote image', '![logo](https://tracker.test/pixel.png)', '<img'],
    ['an iframe', '<iframe src="https://evil.test"></iframe>', '<iframe'],
  ])('disarms %s', (_name, markdown, forbidden) => {
    expect(markdownToHtml(markdown)).not.toContain(forbidden);
  });

  it('keeps the text of what it escapes', () => {
    expect(markdownToHtml('<b>bold</b>')).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(markdownToHtml('![the logo](https://a.test/l.png)')).toContain('[image: the logo]');
  });

  it.each([
    ['https://a.test', true],
    ['/relative', true],
    ['#anchor', true],
    ['mailto:a@b.test', true],
    [' JavaScript:alert(1)', false],
    ['vbscript:x', false],
    ['data:text/html,x', false],
  ])('isSafeHref(%j) is %s', (href, safe) => {
    expect(isSafeHref(href)).toBe(safe);
  });

  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
