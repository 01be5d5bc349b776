import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/compendium/markdown.js';

/** Turndown's escape as it writes it: every rewrite in turn over the whole text, the definition the cheaper version keeps. */
const TURNDOWN: ReadonlyArray<[RegExp, string]> = [
  [/\\/g, '\\\\'], [/\*/g, '\\*'], [/^-/g, '\\-'], [/^\+ /g, '\\+ '], [/^(=+)/g, '\\$1'], [/^(#{1,6}) /g, '\\$1 '],
  [/`/g, '\\`'], [/^~~~/g, '\\~~~'], [/\[/g, '\\['], [/\]/g, '\\]'], [/^>/g, '\\>'], [/_/g, '\\_'], [/^(\d+)\. /g, '$1\\. '],
];
const turndown = (text: string): string => TURNDOWN.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);

const piece = fc.constantFrom('\\', '*', '-', '+', '+ ', '=', '==', '#', '## ', '####### ', '`', '~', '~~~', '[', ']', '>', '_', '1', '12. ', '3.', ' ', 'a', 'Zoë', '\n', '.');

describe('escapeMarkdown', () => {
  it('escapes exactly as turndown does on any mix of markdown syntax and text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(escapeMarkdown(text)).toBe(turndown(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('returns text with nothing to escape as it is', () => {
    expect(escapeMarkdown('Family-run since 1990')).toBe('Family-run since 1990');
    expect(escapeMarkdown('- item_one [x]')).toBe('\\- item\\_one \\[x\\]');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
  });
});
