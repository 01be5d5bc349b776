import fc from 'fast-check';
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
    expect(blockKey('[Home](/a) About')).not.toBe(blockKey('[Home](/a) Contact'));
    expect(blockKey('[Home](/a)')).not.toBe(blockKey('[Home])'));
  });

  it('gives two blocks the same key exactly when their plain reading is the same', () => {
    // The reading the key stands for, written as patterns.
    const reading = (block: string) => block.toLowerCase().replace(/\]\([^)]*\)/g, ']').replace(/\s+/g, ' ').trim();
    const chars = fc.constantFrom('a', 'B', 'ä', 'İ', ' ', '\n', '\t', '\u00a0', '\u3000', ']', '(', ')', '[', '/', '.');
    const block = fc.array(chars, { maxLength: 30 }).map((a) => a.join(''));
    // The second block is the first with its spacing, case or a link target changed, or another block.
    const variant = (a: string) =>
      fc.oneof(
        fc.constant(a.replace(/ /g, '  ')),
        fc.constant(a.toUpperCase()),
        fc.constant(a.replace(/\]\(/g, '](x ')),
        fc.constant(`\n${a}\t`),
        block,
      );
    fc.assert(
      fc.property(block.chain((a) => fc.tuple(fc.constant(a), variant(a))), ([a, b]) => {
        expect(blockKey(a) === blockKey(b)).toBe(reading(a) === reading(b));
        expect(Number.isSafeInteger(blockKey(a))).toBe(true);
      }),
      { numRuns: 10000 },
    );
  });
});
