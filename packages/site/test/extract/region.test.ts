import { describe, expect, it } from 'vitest';
import { inferRegion, countryFromName } from '../../src/extract/region.js';

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
