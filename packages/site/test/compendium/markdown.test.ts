import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../src/compendium/markdown.js';

const md = (html: string, images: 'keep' | 'with-alt' | 'drop' = 'keep', dropLinks = false) => htmlToMarkdown(html, { images, dropLinks });

describe('htmlToMarkdown (GFM)', () => {
  it.each([
    ['table with thead', '<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>', '| A | B |\n| --- | --- |\n| 1 | 2 |'],
    ['table without header uses the first row', '<table><tr><td>Espresso</td><td>R$ 7,50</td></tr><tr><td>Coado</td><td>R$ 12,00</td></tr></table>', '| Espresso | R$ 7,50 |\n| --- | --- |\n| Coado | R$ 12,00 |'],
    ['pipes are escaped and colspan padded', '<table><tr><th>a|b</th><th>c</th></tr><tr><td colspan="2">x</td></tr></table>', '| a\\|b | c |\n| --- | --- |\n| x | |'],
    ['heading levels kept', '<h1>T</h1><h3>S</h3>', '# T\n\n### S'],
    ['fenced code keeps its language', '<pre><code class="language-ts">const a = 1;\n\nconst b = 2;</code></pre>', '```ts\nconst a = 1;\n\nconst b = 2;\n```'],
    ['strikethrough', '<p><del>old</del> new</p>', '~~old~~ new'],
    ['scripts and forms vanish', '<p>a</p><script>x()</script><form><input></form>', 'a'],
  ])('%s', (_name, html, want) => {
    expect(md(html)).toBe(want);
  });

  it.each([
    ['keep', '![Logo](/l.png) ![](/x.png)'],
    ['with-alt', '![Logo](/l.png)'],
    ['drop', ''],
  ] as const)('images: %s', (policy, want) => {
    expect(md('<p><img src="/l.png" alt="Logo"> <img src="/x.png"></p>', policy)).toBe(want);
  });

  it('drops base64 images and can drop link targets', () => {
    expect(md('<img src="data:image/png;base64,AAAA" alt="x"><a href="/a">text</a>', 'keep', true)).toBe('text');
  });
});
