import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import fc from 'fast-check';
import { listFixtureSites, loadFixtureSite } from '@spideriq/testkit';
import { describe, expect, it } from 'vitest';
import { buildCompendium } from '../../src/compendium/build.js';
import { estimateTokens } from '../../src/compendium/tokens.js';

/**
 * The estimate as first written, one regex for the pieces and one per piece for its kind: the
 * definition the scanner in `tokens.ts` must agree with on every text.
 */
const PIECE = /(\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}|\p{Script=Thai})+|\p{L}+|\p{N}+|[^\s\p{L}\p{N}]+/gu;
function byRegex(text: string): number {
  let tokens = 0;
  for (const match of text.matchAll(PIECE)) {
    const piece = match[0];
    if (match[1] !== undefined) tokens += Math.ceil(piece.length * 0.7);
    else if (/^\p{N}/u.test(piece)) tokens += Math.ceil(piece.length / 3);
    else if (/^\p{L}/u.test(piece)) tokens += /^[\u0000-\u024f]+$/.test(piece) ? (piece.length <= 10 ? 1 : Math.ceil(piece.length / 6)) : Math.ceil(piece.length / 3);
    else tokens += piece.length;
  }
  return tokens;
}

/** Characters on every side of the estimate's boundaries: scripts, marks, digits of other scripts, blanks, astral and lone surrogates. */
const CHARS = [
  'a', 'Z', 'é', 'ß', 'ǅ', 'ɐ', 'Ω', 'ж', 'ا', 'ע', '\u0301', '1', '٣', '２', '²', 'Ⅻ', '〇', '々', 'ー', '・', '東', '𠀋', 'ひ', 'カ', '한', 'ก', '\u0e31',
  '.', '-', '€', '😀', '\u200d', ' ', '\t', '\n', '\u00a0', '\u3000', '\u2028', '\ufeff', '\ud800', '\udc00',
];

/** A character repeated, so runs long enough to change a piece's count (11+ letters, 4+ digits) come up. */
const run = fc.tuple(fc.constantFrom(...CHARS), fc.integer({ min: 1, max: 12 })).map(([char, times]) => char.repeat(times));

describe('estimateTokens', () => {
  it('counts as the regex definition does on any mix of scripts, digits, marks, blanks and surrogates', () => {
    fc.assert(
      fc.property(fc.array(run, { maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 20 }), (runs, random) => {
        const text = runs.join('') + random;
        expect(estimateTokens(text)).toBe(byRegex(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('counts as the regex definition does on every fixture site compendium', () => {
    for (const name of listFixtureSites()) {
      const { markdown } = buildCompendium(loadFixtureSite(name).pages, { cleanup_level: 'raw', remove_duplicates: false, separator: '\n\n---\n\n', max_chars: 1_000_000, priority_sections: [] });
      expect(estimateTokens(markdown), name).toBe(byRegex(markdown));
    }
  });

  it.each([
    ['empty', '', 0],
    ['English words are one token each', 'We fix leaking taps', 4],
    ['digits count one per three', '2026', 2],
    ['punctuation counts per character', '(!)', 3],
    ['han characters count 0.7 each', '東京都渋谷区', 5],
  ])('%s', (_name, text, want) => {
    expect(estimateTokens(text)).toBe(want);
  });

  it('stays within -35%/+15% of the o200k count on every fixture site compendium', () => {
    for (const name of listFixtureSites()) {
      const { markdown } = buildCompendium(loadFixtureSite(name).pages, { cleanup_level: 'raw', remove_duplicates: true, separator: '\n\n---\n\n', max_chars: 100_000, priority_sections: [] });
      if (markdown.length < 300) continue;
      const ratio = estimateTokens(markdown) / countTokens(markdown);
      expect(ratio, name).toBeGreaterThan(0.65);
      expect(ratio, name).toBeLessThan(1.15);
    }
  });
});
