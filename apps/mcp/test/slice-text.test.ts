import { describe, expect, it } from 'vitest';
import { sliceText } from '../src/slice-text.js';

describe('sliceText', () => {
  it.each([
    ['fits whole', { text: 'abcdef', offset: 0, max: 10 }, { text: 'abcdef', truncated: false, nextOffset: null }],
    ['cut at max', { text: 'abcdef', offset: 0, max: 4 }, { text: 'abcd', truncated: true, nextOffset: 4 }],
    ['reads on from an offset', { text: 'abcdef', offset: 4, max: 4 }, { text: 'ef', truncated: false, nextOffset: null }],
    ['offset past the end is empty', { text: 'abc', offset: 9, max: 4 }, { text: '', truncated: false, nextOffset: null }],
    ['never splits a surrogate pair', { text: 'ab😀cd', offset: 0, max: 3 }, { text: 'ab', truncated: true, nextOffset: 2 }],
  ])('%s', (_name, given, want) => {
    const slice = sliceText(given.text, given.offset, given.max);
    expect(slice).toMatchObject({ ...want, total: given.text.length });
  });

  it('windows chained by nextOffset rebuild the text exactly', () => {
    const text = 'x😀'.repeat(1000);
    let offset: number | null = 0;
    let joined = '';
    while (offset !== null) {
      const slice = sliceText(text, offset, 7);
      joined += slice.text;
      offset = slice.nextOffset;
    }
    expect(joined).toBe(text);
  });
});
