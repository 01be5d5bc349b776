import { describe, expect, it } from 'vitest';
import { looksLikeNonHtml } from '../../src/frontier/non-html.js';

describe('looksLikeNonHtml', () => {
  it.each([
    ['https://a.test/brochure.pdf', true],
    ['https://a.test/logo@2x.PNG', true],
    ['https://a.test/cdn-cgi/l/email-protection', true],
    ['https://a.test/cdn-cgi/l/email-protection#a1c8cfc7cee1', true],
    ['https://a.test/contact', false],
    ['https://a.test/about.html', false],
    ['https://a.test/v1.2/team', false],
    ['https://a.test/blog/cdn-cgi-explained', false],
  ])('%s → %s', (url, expected) => {
    expect(looksLikeNonHtml(url)).toBe(expected);
  });
});
