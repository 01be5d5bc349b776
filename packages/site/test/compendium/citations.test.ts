import { describe, expect, it } from 'vitest';
import { CitationRegistry, toCitations } from '../../src/compendium/citations.js';

describe('toCitations', () => {
  it('numbers links across sections and lists the references', () => {
    const registry = new CitationRegistry();
    const first = toCitations('See [docs](/docs) and [home](https://acme.com/).', registry, 'https://acme.com/a');
    const second = toCitations('Again [the docs](https://acme.com/docs), and [mail](mailto:a@acme.com).', registry, 'https://acme.com/b');
    expect(first).toBe('See docs [1] and home [2].\n\n[1]: https://acme.com/docs\n[2]: https://acme.com/');
    expect(second).toBe('Again the docs [1], and mail [3].\n\n[1]: https://acme.com/docs\n[3]: mailto:a@acme.com');
  });

  it.each([
    ['fragment links lose their target', '[top](#top)', 'top'],
    ['javascript links lose their target', '[x](javascript:void(0))', 'x'],
    ['images are untouched', '![alt](/i.png)', '![alt](/i.png)'],
  ])('%s', (_name, input, want) => {
    expect(toCitations(input, new CitationRegistry(), 'https://acme.com/')).toBe(want);
  });
});
