import { describe, expect, it } from 'vitest';
import { splitBlocks, blockKey } from '../../src/compendium/blocks.js';

describe('splitBlocks', () => {
  it.each([
    ['paragraphs', 'a\n\nb\n\n\nc', ['a', 'b', 'c']],
    ['code fences stay whole', 'x\n\n```js\na\n\nb\n```\n\ny', ['x', '```js\na\n\nb\n```', 'y']],
    ['tilde fences', '~~~\n\n~~~', ['~~~\n\n~~~']],
  ])('%s', (_name, md, want) => {
    expect(splitBlocks(md)).toEqual(want);
  });

  it('keys ignore case, spacing and link targets', () => {
    expect(blockKey('[Home](/a)  About')).toBe(blockKey('[home](/b) about'));
  });
});
