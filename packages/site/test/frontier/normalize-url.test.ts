import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '../../src/frontier/normalize-url.js';

/** The answer without the memo: a base given as a URL object is never remembered. */
function unremembered(href: string, base: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    return null;
  }
  return normalizeUrl(href, parsed);
}

describe('normalizeUrl remembers links without mixing them up', () => {
  it('answers every link as it would unremembered, whatever was asked before', () => {
    const base = fc.constantFrom(
      'https://acme.example/', 'https://acme.example/team/', 'https://acme.example/team/index.html?x=1#top', 'http://acme.example/a/b',
      'https://www.acme.example:8443/', 'https://user:pw@acme.example/x/', 'https://acme.example', 'http://exa mple.test/', 'https://acme.example\n/x',
      'https://acme.example/\\a\\b', 'https://acme.example/a', 'not a url', '', 'mailto:x@acme.example', 'http://[::1]/p/', 'https://xn--bcher-kva.example/ö',
    );
    const href = fc.constantFrom(
      '/about', '/about/', 'about', '../x', '?q=1&utm_source=x', '#top', '//other.example/y', '/\\evil.example/z', 'https://acme.example/contact',
      'HTTPS://ACME.example/C', 'http:relative', ' /spaced ', '/x\ny', 'y', 'b', '/ab', 'mailto:a@b.c', 'javascript:void(0)', '', '/ä ö', 'https://exa mple.test/',
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(href, base), { minLength: 1, maxLength: 40 }), (pairs) => {
        for (const [h, b] of pairs) expect(normalizeUrl(h, b), `${JSON.stringify(h)} against ${JSON.stringify(b)}`).toBe(unremembered(h, b));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps what it always did', () => {
    expect(normalizeUrl('/kontakt/?utm_source=x&b=2&a=1#form', 'https://www.acme.example/team/')).toBe('https://www.acme.example/kontakt/?a=1&b=2');
    expect(normalizeUrl('team.html', 'https://acme.example/de/')).toBe('https://acme.example/de/team.html');
    expect(normalizeUrl('team.html', 'https://acme.example/fr/')).toBe('https://acme.example/fr/team.html');
    expect(normalizeUrl('mailto:a@acme.example', 'https://acme.example/')).toBeNull();
  });
});
