import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseRuns } from '../../src/compendium/markdown.js';

const piece = fc.constantFrom(' ', '  ', '\n', '\r\n', '\t', ' \t ', '\u00a0', '\f', 'a', 'Öl', '日本', 'x y', '.');

describe('collapseRuns', () => {
  it('is the regex replace turndown uses, on any mix of blanks and text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(collapseRuns(text)).toBe(text.replace(/[ \r\n\t]+/g, ' '));
      }),
      { numRuns: 2000 },
    );
  });

  it('returns the text itself when nothing changes, and collapses runs at either end', () => {
    const text = 'one two three';
    expect(collapseRuns(text)).toBe(text);
    expect(collapseRuns('\n\t a  b \n')).toBe(' a b ');
    expect(collapseRuns('')).toBe('');
    // non-breaking and form-feed blanks are not turndown's to collapse
    expect(collapseRuns('a\u00a0\u00a0b\f\fc')).toBe('a\u00a0\u00a0b\f\fc');
  });
});
