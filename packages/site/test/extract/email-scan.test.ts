import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEOBFUSCATIONS, EMAIL, emailsInText, mayNeedRewrite } from '../../src/extract/emails.js';

/** Text made of the characters emails, obfuscations and their near misses are made of. */
const text = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 300 }).map((a) => a.join(''));
const EMAILISH = ['a', 'b', 'Z', '0', '9', '.', '_', '%', '+', '-', '@', '@', 'ü', 'ß', 'é', ' ', '\n', ',', 'x', 'co', 'de', 'mail'];
const OBFUSCATED = [...EMAILISH, ' ', ' at ', ' AT ', ' dot ', ' DOT ', '[at]', '(dot)', '{', '}', '<', '>', ' @ ', ' . ', 'arroba', 'punkt'];

describe('emailsInText', () => {
  it('finds exactly what matchAll(EMAIL) finds', () => {
    fc.assert(
      fc.property(text(EMAILISH), (s) => {
        expect(emailsInText(s)).toEqual([...s.matchAll(EMAIL)].map((m) => m[0]));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes local parts up to 64 characters, adjacent addresses and addresses after a failed @', () => {
    const long = `${'a'.repeat(70)}@example.co`;
    for (const s of [long, 'x@y a@b.co,c@d.org', '@@a@b.de', 'info@firma.de@other.de', `${'b'.repeat(64)}@x.org`]) {
      expect(emailsInText(s)).toEqual([...s.matchAll(EMAIL)].map((m) => m[0]));
    }
    expect(emailsInText('Write to info@firma.de or sales@firma.de.')).toEqual(['info@firma.de', 'sales@firma.de']);
  });
});

describe('deobfuscation prefilters', () => {
  it('every text a rewrite changes contains what its prefilter looks for', () => {
    fc.assert(
      fc.property(text(OBFUSCATED), (s) => {
        for (const { needs, pattern } of DEOBFUSCATIONS) {
          pattern.lastIndex = 0;
          if (pattern.test(s)) expect(needs.test(s), `${pattern} matched ${JSON.stringify(s)}`).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('a text any prefilter accepts is accepted by the one-pass check in front of them all', () => {
    fc.assert(
      fc.property(text(OBFUSCATED), (s) => {
        if (DEOBFUSCATIONS.some(({ needs }) => needs.test(s))) expect(mayNeedRewrite(s), JSON.stringify(s)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    for (const s of ['a [ at ] b', 'x (dot) y', 'me AT host DOT com', 'me at host dot com', 'a @ b', 'a@b . com', 'info <ät> firma']) {
      expect(mayNeedRewrite(s), s).toBe(true);
    }
    expect(mayNeedRewrite('Meet us at the office at 9.')).toBe(false);
  });
});
