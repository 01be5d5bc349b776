import { describe, expect, it } from 'vitest';
import { inferRegion, countryFromName, countryNamedIn } from '../../src/extract/region.js';

describe('inferRegion', () => {
  it.each([
    [{ url: 'https://kanzlei-weber.de/' }, 'DE'],
    [{ url: 'https://shop.co.uk/' }, 'GB'],
    [{ url: 'https://saltwatersurf.com.au/' }, 'AU'],
    [{ url: 'https://brightline.com/', lang: 'en-US' }, 'US'],
    [{ url: 'https://brightline.com/', lang: 'en' }, null],
    [{ url: 'http://127.0.0.1:8080/', lang: 'it-IT' }, 'IT'],
    [{ url: 'http://127.0.0.1:8080/', lang: 'fr' }, 'FR'],
    [{ url: 'https://acme.com/', addressCountry: 'Deutschland', lang: 'en' }, 'DE'],
    [{ url: 'https://acme.de/', addressCountry: 'ES' }, 'ES'],
    [{ url: 'https://acme.com/', hreflang: ['x-default', 'pt-BR'] }, 'BR'],
    [{ url: 'https://acme.io/' }, null],
    [{ url: 'https://acme.ai/', lang: 'de-AT' }, 'AT'],
  ])('%j → %s', (hints, want) => {
    expect(inferRegion(hints)).toBe(want);
  });

  it.each([
    ['uk', 'GB'],
    ['United States', 'US'],
    ['Italia', 'IT'],
    ['Narnia', null],
    [null, null],
  ])('countryFromName(%s) → %s', (name, want) => {
    expect(countryFromName(name)).toBe(want);
  });
});

describe('countryNamedIn', () => {
  it.each<[string, string | null, string | null]>([
    ['Showroom, Sukajadi, Bandung, Jawa Barat, Indonesia 40162', 'en', 'ID'],
    ['Training for students in Uganda. Uganda Certificate of Education required.', 'en', 'UG'],
    ['"Great service" – Purchasing lead, India. Visit us: Bandung, Indonesia 40162', 'en', 'ID'],
    ['We ship to France, Spain and Italy.', 'en', null],
    ['Siedziba: Józefów, Polska', 'pl', 'PL'],
    ['Peaches from Georgia', 'en', null],
    ['No country here', null, null],
  ])('%s → %s', (text, lang, want) => {
    expect(countryNamedIn(text, lang)).toBe(want);
  });

  it('is the last hint: a ccTLD or language wins over a named country', () => {
    expect(inferRegion({ url: 'https://acme.de/', text: 'Made in Italy' })).toBe('DE');
    expect(inferRegion({ url: 'https://acme.com/', lang: 'en', text: 'Bandung, Indonesia 40162' })).toBe('ID');
  });
});
