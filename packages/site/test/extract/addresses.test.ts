import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/extract/document.js';
import { readJsonLd } from '../../src/extract/jsonld.js';
import { extractAddresses, addressesInText, formatAddress, sameAddress, countryFromAddress } from '../../src/extract/addresses.js';

function addressesIn(body: string, path = '/', head = ''): string[] {
  const doc = parsePage(`<html><head>${head}</head><body>${body}</body></html>`, `https://acme.example${path}`);
  return extractAddresses(doc, readJsonLd(doc));
}

describe('extractAddresses', () => {
  it.each([
    [
      'JSON-LD PostalAddress',
      '',
      '/',
      ['Via dei Coronari 45, 00186 Roma, RM'],
      '<script type="application/ld+json">{"@type":"Restaurant","address":{"@type":"PostalAddress","streetAddress":"Via dei Coronari 45","addressLocality":"Roma","addressRegion":"RM","postalCode":"00186","addressCountry":"IT"}}</script>',
    ],
    [
      'microdata',
      '<div itemscope itemtype="https://schema.org/PostalAddress"><span itemprop="streetAddress">500 W 2nd St</span>, <span itemprop="addressLocality">Austin</span>, <span itemprop="addressRegion">TX</span> <span itemprop="postalCode">78701</span><meta itemprop="addressCountry" content="US"></div>',
      '/',
      ['500 W 2nd St, Austin, TX 78701'],
    ],
    [
      'microformats h-adr',
      '<p class="h-adr"><span class="p-street-address">Avenida Paulista, 1578</span> <span class="p-locality">São Paulo</span> <span class="p-region">SP</span> <span class="p-postal-code">01310-200</span></p>',
      '/',
      ['Avenida Paulista, 1578, 01310-200 São Paulo, SP'],
    ],
    ['<address> element', '<address>Acme Ltd<br>14 Station Road<br>Croydon CR0 2AP</address>', '/', ['14 Station Road, Croydon CR0 2AP']],
    ['footer block (DE)', '<footer><p>Kanzlei Weber<br>Friedrichstraße 123<br>10117 Berlin</p></footer>', '/', ['Friedrichstraße 123, 10117 Berlin']],
    ['footer block (FR)', '<footer><p>12 rue de la Paix<br>75002 Paris</p></footer>', '/', ['12 rue de la Paix, 75002 Paris']],
    ['footer one-liner with separators', '<footer><p>Trattoria · Via dei Coronari, 45 · 00186 Roma (RM) · Tel. 06 6880 1234</p></footer>', '/', ['Via dei Coronari, 45, 00186 Roma']],
    ['AU unit prefix', '<footer><p>Shop 3, 45 Campbell Parade<br>Bondi Beach NSW 2026</p></footer>', '/', ['Shop 3, 45 Campbell Parade, Bondi Beach NSW 2026']],
    ['labelled line on a contact page', '<main><p>Dirección: Calle de Alcalá, 123, 28009 Madrid</p></main>', '/contacto', ['Calle de Alcalá, 123, 28009 Madrid']],
  ])('%s', (_name, body, path, want, head = '') => {
    expect(addressesIn(body, path, head)).toEqual(want);
  });

  it.each([
    ['article text on a normal page', '<main><p>We delivered to 10 Downing Street, London SW1A 2AA last week.</p></main>', '/blog/post'],
    ['third-party address inside a sentence of an imprint', '<main><p>Zuständige Kammer: Rechtsanwaltskammer Berlin, Littenstraße 9, 10179 Berlin</p></main>', '/impressum'],
    ['a street without a postcode', '<footer><p>Find us on Rua Itapeva, 200</p></footer>', '/'],
    ['a template sample address in microdata', '<div itemscope itemtype="https://schema.org/PostalAddress"><span itemprop="streetAddress">123 Main St</span>, <span itemprop="addressLocality">Dallas</span>, <span itemprop="addressRegion">TX</span> <span itemprop="postalCode">75201</span></div>', '/'],
    ['lines with phone numbers', '<footer><p>Tel: +49 30 1234 5678, 10117 Berlin</p></footer>', '/'],
  ])('ignores %s', (_name, body, path) => {
    expect(addressesIn(body, path)).toEqual([]);
  });

  it('dedupes the same address written by JSON-LD and by the footer', () => {
    const head = '<script type="application/ld+json">{"@type":"PostalAddress","streetAddress":"Via dei Coronari 45","addressLocality":"Roma","postalCode":"00186","addressCountry":"IT"}</script>';
    expect(addressesIn('<footer><p>Via dei Coronari, 45<br>00186 Roma (RM)</p></footer>', '/', head)).toEqual(['Via dei Coronari 45, 00186 Roma']);
  });
});

describe('formatAddress', () => {
  it.each([
    [{ street: '1 Main St', locality: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' }, '1 Main St, Springfield, IL 62701'],
    [{ street: 'Hauptstraße 5', locality: 'Wien', postalCode: '1010', country: 'AT' }, 'Hauptstraße 5, 1010 Wien'],
    [{ street: '221B Baker Street', locality: 'London', postalCode: 'NW1 6XE' }, '221B Baker Street, London, NW1 6XE'],
    [{ postalCode: '12345' }, null],
  ])('%j', (parts, want) => {
    expect(formatAddress(parts)).toBe(want);
  });
});

describe('sameAddress', () => {
  it.each([
    ['Via Roma 12, 20121 Milano', 'Via Roma, 12 - 20121 Milano (MI)', true],
    ['14 Station Road, Croydon CR0 2AP', '14 Station Road, Croydon, CR0 2AP', true],
    ['14 Station Road, Croydon CR0 2AP', '16 Station Road, Croydon CR0 2AP', false],
    ['Friedrichstraße 123, 10117 Berlin', 'Littenstraße 9, 10179 Berlin', false],
  ])('%s ~ %s → %s', (a, b, want) => {
    expect(sameAddress(a, b)).toBe(want);
  });
});

describe('addressesInText and countryFromAddress', () => {
  it('joins a street line with the postcode line that follows', () => {
    expect(addressesInText('500 W 2nd St, Suite 1900\nAustin, TX 78701\nPhone: (512) 555-0147')).toEqual(['500 W 2nd St, Suite 1900, Austin, TX 78701']);
  });

  it.each([
    ['500 W 2nd St, Austin, TX 78701', 'US'],
    ['Bondi Beach NSW 2026', 'AU'],
    ['Croydon CR0 2AP', 'GB'],
    ['01310-200 São Paulo', 'BR'],
    ['10117 Berlin', null],
  ])('%s → %s', (address, want) => {
    expect(countryFromAddress(address)).toBe(want);
  });
});
