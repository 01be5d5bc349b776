import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trimLineEnds } from '../../src/compendium/markdown.js';

describe('trimLineEnds', () => {
  it('gives what the plain pattern gives', () => {
    const chars = fc.constantFrom('a', 'b', ' ', ' ', '\n', '\n', '\t', '\r', '\u00a0', '.');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }).map((a) => a.join('')), (text) => {
        expect(trimLineEnds(text)).toBe(text.replace(/[ \t]+\n/g, '\n'));
      }),
      { numRuns: 5000 },
    );
  });

  it('returns the text itself when no line ends in a blank', () => {
    const text = 'one\ntwo \u00a0x\n\nthree';
    expect(trimLineEnds(text)).toBe(text);
    expect(trimLineEnds('a  \n\t\nb \n')).toBe('a\n\nb\n');
  });
});
