import { describe, expect, it } from 'vitest';
import { tokenCount, truncateToTokens } from '../src/index.js';

describe('truncateToTokens', () => {
  const long = Array.from({ length: 5000 }, (_, i) => `Sentence ${i} about support automation, Überblick, 日本語.`).join(' ');

  it.each([10, 150, 2000])('cuts to at most %i tokens, as a prefix, nearly filling the budget', (budget) => {
    const cut = truncateToTokens(long, budget);
    expect(long.startsWith(cut)).toBe(true);
    expect(tokenCount(cut)).toBeLessThanOrEqual(budget);
    expect(tokenCount(cut)).toBeGreaterThan(budget - 3);
  });

  it('returns a short text whole and nothing for a zero budget', () => {
    expect(truncateToTokens('hello world', 100)).toBe('hello world');
    expect(truncateToTokens('hello world', 0)).toBe('');
  });
});
