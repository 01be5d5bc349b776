import { describe, expect, it } from 'vitest';
import { priceRangeFromGoogle } from '../src/price.js';

describe('priceRangeFromGoogle', () => {
  it.each([
    ['PRICE_LEVEL_INEXPENSIVE', '$'],
    ['PRICE_LEVEL_MODERATE', '$$'],
    ['PRICE_LEVEL_EXPENSIVE', '$$$'],
    ['PRICE_LEVEL_VERY_EXPENSIVE', '$$$$'],
    ['PRICE_LEVEL_FREE', null],
    ['PRICE_LEVEL_UNSPECIFIED', null],
    ['SOMETHING_NEW', null],
    [undefined, null],
  ])('%s → %s', (level, expected) => {
    expect(priceRangeFromGoogle(level)).toBe(expected);
  });
});
