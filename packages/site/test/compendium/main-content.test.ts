import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/extract/document.js';
import { fitContent, readSpan, textLength } from '../../src/compendium/main-content.js';
import type { DomNode } from '../../src/extract/document.js';

/** The text a reader sees of `nodes`, omitted elements left out, written the plain way. */
function plainText(nodes: readonly DomNode[], omit: (el: DomNode) => boolean): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.data ?? '';
    else if (node.children && !(node.attribs !== undefined && omit(node))) out += plainText(node.children, omit);
  }
  return out;
}
const collapsedLength = (text: string): number => text.replace(/\s+/g, ' ').trim().length;

const words = fc.constantFrom('Plumbing', 'repairs', 'in', 'Leeds', '·', 'Öffnungszeiten', '日本語', '0113 496 0000', '', 'x'.repeat(300), 'y '.repeat(200));
const blanks = fc.constantFrom('', ' ', '  ', '\n', '\t', '\u00a0', '\u3000', ' \n ');
const text = fc.array(fc.tuple(blanks, words), { maxLength: 14 }).map((parts) => parts.map(([b, w]) => b + w).join(''));
const block = fc.tuple(fc.constantFrom('p', 'div', 'nav', 'footer', 'span', 'aside'), blanks, text, blanks).map(([tag, a, t, b]) => `<${tag}>${a}${t}${b}</${tag}>`);
const page = fc
  .tuple(fc.array(block, { maxLength: 5 }), fc.option(fc.tuple(blanks, fc.array(block, { maxLength: 6 }), blanks)), fc.array(block, { maxLength: 5 }))
  .map(([before, main, after]) => `<html><body>${before.join('')}${main ? `<main>${main[0]}${main[1].join('')}${main[2]}</main>` : ''}${after.join('')}</body></html>`);

describe('fitContent and textLength read the text the way the plain rule does', () => {
  it('textLength is the collapsed length of the plain text, and stops at its cap', () => {
    fc.assert(
      fc.property(page, fc.integer({ min: 1, max: 3000 }), (html, cap) => {
        const root = parsePage(html, 'https://acme.example/').root;
        const omit = fitContent(root).omit;
        const length = collapsedLength(plainText(root.children ?? [], omit));
        expect(textLength(root.children ?? [], omit)).toBe(length);
        expect(textLength(root.children ?? [], omit, cap)).toBe(Math.min(length, cap));
      }),
      { numRuns: 1500 },
    );
  });

  it('a part read once and taken whole gives the same length as walking it again', () => {
    fc.assert(
      fc.property(page, (html) => {
        const root = parsePage(html, 'https://acme.example/').root;
        const omit = fitContent(root).omit;
        const body = root.children?.find((n) => n.name === 'html')?.children?.find((n) => n.name === 'body');
        for (const part of body?.children ?? []) {
          const known = { node: part, span: readSpan([part], omit, Infinity) };
          expect(readSpan(body!.children!, omit, Infinity, known)).toEqual(readSpan(body!.children!, omit, Infinity));
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('keeps the main part alone exactly when the page is long and the main part holds 60% of its text', () => {
    let alone = 0;
    fc.assert(
      fc.property(page, (html) => {
        const root = parsePage(html, 'https://acme.example/').root;
        const content = fitContent(root);
        const body = root.children?.find((n) => n.name === 'html')?.children?.find((n) => n.name === 'body');
        const main = body?.children?.find((n) => n.name === 'main');
        const whole = collapsedLength(plainText(body?.children ?? [], content.omit));
        const inMain = main ? collapsedLength(plainText([main], content.omit)) : 0;
        const expected = main !== undefined && whole >= 1500 && inMain >= 0.6 * whole;
        if (expected) alone++;
        expect(content.roots === body?.children ? "whole page" : content.roots).toEqual(expected ? [main] : "whole page");
      }),
      { numRuns: 1500 },
    );
    expect(alone).toBeGreaterThan(20);
  });
});
