import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseBlanks, parsePage, visibleText } from '../../src/extract/document.js';

/** The rule collapseBlanks implements, written the plain way: three whole-text passes. */
const reference = (text: string): string =>
  text.replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/[ \t\f\v\r]+/g, ' ').replace(/ *\n[ \n]*/g, '\n').trim();

describe('collapseBlanks', () => {
  it('gives what the three plain passes give', () => {
    const chars = fc.constantFrom('a', 'b', ' ', ' ', '\n', '\n', '\t', '\r', '\f', '\v', '\u00a0', '\u2007', '\u202f', '\u3000', '\u2003', '\ufeff', '.');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 80 }).map((a) => a.join('')), (s) => {
        expect(collapseBlanks(s)).toBe(reference(s));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('visibleText', () => {
  it('keeps one newline per block boundary and drops hidden and script content', () => {
    const doc = parsePage(
      '<html><head><title>T</title></head><body><div><p>Tel:<br>030 1234</p>\n\n<p>  a \u00a0 b </p></div><script>x()</script><p hidden>no</p><p style="display: none">no</p><ul><li>one</li><li>two</li></ul></body></html>',
      'https://example.test/',
    );
    expect(doc.text).toBe('Tel:\n030 1234\na b\none\ntwo');
    expect(visibleText([doc.root])).toBe(doc.text);
  });
});
