import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { listFixtureSites, loadFixtureSite } from '@spideriq/testkit';
import { describe, expect, it } from 'vitest';
import { buildCompendium } from '../../src/compendium/build.js';
import { estimateTokens } from '../../src/compendium/tokens.js';

describe('estimateTokens', () => {
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
