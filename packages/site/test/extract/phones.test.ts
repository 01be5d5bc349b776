import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/extract/document.js';
import { readJsonLd } from '../../src/extract/jsonld.js';
import { extractPhones, isPlaceholderNumber, parsePhone, phonesInText, placeDeferredPhones } from '../../src/extract/phones.js';
import type { CountryCode } from 'libphonenumber-js/max';

function phonesIn(body: string, region: CountryCode | null, head = ''): string[] {
  const doc = parsePage(`<html><head>${head}</head><body>${body}</body></html>`, 'https://acme.example/');
  return extractPhones(doc, readJsonLd(doc), region).phones.map((p) => p.e164);
}

describe('extractPhones: countries and sources', () => {
  it.each<[string, string, CountryCode | null, string[], string?]>([
    ['US tel: link', '<a href="tel:+15125550147">(512) 555-0147</a>', null, ['+15125550147']],
    ['US text with label', '<p>Phone: (512) 555-0147</p>', 'US', ['+15125550147']],
    ['UK landline and mobile', '<p>Office: 020 7946 0321 | Mobile: 07400 123456</p>', 'GB', ['+442079460321', '+447400123456']],
    ['DE with (0)', '<p>Telefon: +49 (0)30 2345 6789</p>', 'DE', ['+493023456789']],
    ['DE national', '<p>Tel.: 030 2345 6789</p>', 'DE', ['+493023456789']],
    ['FR', '<p>Téléphone : 01 42 60 12 34</p>', 'FR', ['+33142601234']],
    ['ES', '<p>Teléfono: 912 345 678</p>', 'ES', ['+34912345678']],
    ['IT', '<p>Cell. 347 123 4567</p>', 'IT', ['+393471234567']],
    ['AU', '<p>Ph: (02) 9130 4567</p>', 'AU', ['+61291304567']],
    ['BR', '<p>Telefone: (11) 3456-7890</p>', 'BR', ['+551134567890']],
    ['international without label', '<p>Zentrale +41 44 668 18 00</p>', null, ['+41446681800']],
    ['00 prefix', '<p>Call 0044 20 7946 0321</p>', null, ['+442079460321']],
    ['label on previous line', '<dt>Telefon</dt><dd>030 2345 6789</dd>', 'DE', ['+493023456789']],
    ['JSON-LD telephone', '', null, ['+390668801234'], '<script type="application/ld+json">{"@type":"Restaurant","telephone":"+39 06 6880 1234"}</script>'],
    ['microdata telephone', '<span itemprop="telephone">912 345 678</span>', 'ES', ['+34912345678']],
    ['dedupe across sources', '<a href="tel:+442079460321">020 7946 0321</a><p>Tel 020 7946 0321</p>', 'GB', ['+442079460321']],
  ])('%s', (_name, body, region, want, head = '') => {
    expect(phonesIn(body, region, head).sort()).toEqual([...want].sort());
  });

  it.each<[string, string, CountryCode]>([
    ['fax numbers', '<p>Fax: 030 2345 6790</p>', 'DE'],
    ['fax on its own line', '<dt>Telefax</dt><dd>030 2345 6790</dd>', 'DE'],
    ['dates', '<p>Tel. 12/05/2024</p>', 'IT'],
    ['ISO dates', '<p>Founded 2015-06-01, call 2015-06-01</p>', 'US'],
    ['prices', '<p>Call: € 1.234.567,00</p>', 'DE'],
    ['VAT ids after a P.', '<p>P.IVA 01234567890</p>', 'IT'],
    ['unlabelled national digits (ids, ABN)', '<p>ABN 51 824 753 556 · account 4471 2239 8810</p>', 'AU'],
    ['postal codes', '<p>Tel: see 10117 Berlin</p>', 'DE'],
  ])('rejects %s', (_name, body, region) => {
    expect(phonesIn(body, region)).toEqual([]);
  });
});

describe('parsePhone', () => {
  it('returns every format with the country and type', () => {
    expect(parsePhone('tel:+447400123456', null, true)).toEqual({
      raw: '+447400123456',
      e164: '+447400123456',
      national: '07400 123456',
      international: '+44 7400 123456',
      country_code: 'GB',
      type: 'MOBILE',
      valid: true,
    });
  });

  it('keeps a possible but invalid tel: number flagged invalid, and drops it from text', () => {
    expect(parsePhone('tel:+1 555 010 0000', null, true)?.valid).toBe(false);
    expect(phonesInText('Phone: +1 555 010 0000', null)).toEqual([]);
  });
});

describe('phonesInText: national numbers in running text, no label', () => {
  it.each<[string, string, CountryCode, string[]]>([
    ['French mobile', 'Prenez rendez-vous au 06 12 34 56 78 ou passez nous voir.', 'FR', ['+33612345678']],
    ['Australian mobile', 'Text Dave on 0412 345 678 for a quote', 'AU', ['+61412345678']],
    ['Japanese landline', '大阪本店 06-1234-5678（平日9時〜18時）', 'JP', ['+81612345678']],
    ['US with brackets', 'Call (480) 555-0123 today for a free estimate', 'US', ['+14805550123']],
    ['UAE mobile', 'WhatsApp or call 050 123 4567 any time', 'AE', ['+971501234567']],
    ['South African landline', 'Bookings 021 123 4567, Mon to Sat', 'ZA', ['+27211234567']],
    ['Ukrainian mobile', 'Замовлення: 067 123 45 67', 'UA', ['+380671234567']],
    ['Indian landline', 'Front desk 080 2345 6789', 'IN', ['+918023456789']],
    ['Italian mobile written 3-3-4', 'Scrivici su WhatsApp al 347 123 4567', 'IT', ['+393471234567']],
    ['country code in brackets', 'Call us (+91) 93909 94094', 'IN', ['+919390994094']],
    ['a phone before a VAT id on one line', 'Tel. 0203 4567890 · USt-IdNr.: DE 301 234 567', 'DE', ['+492034567890']],
  ])('%s', (_name, text, region, want) => {
    expect(phonesInText(text, region).map((p) => p.e164)).toEqual(want);
  });

  it.each<[string, string, CountryCode]>([
    ['a placeholder with zeros', 'Telefone: +55 (11) 0000-0000', 'BR'],
    ['a sequential placeholder', 'Phone: 123-456-7890', 'US'],
    ['a North American shape on a German page', 'Rufen Sie uns an: (480) 555-0123', 'DE'],
    ['a German VAT id', 'USt-IdNr.: DE 301 234 567', 'DE'],
    ['a French SIRET', 'SIRET 412 345 678 00021', 'FR'],
    ['an IBAN', 'IBAN DE89 3704 0044 0532 0130 00', 'DE'],
    ['a tax number shaped like a phone', 'Steuernummer: 030 815 12345', 'DE'],
    ['an Australian ABN', 'ABN 51 824 753 556', 'AU'],
    ['a GSTIN', 'GSTIN: 29ABCDE1234F1Z5 · PAN 0802345678', 'IN'],
    ['an unformatted digit run', 'Order 0612345678 shipped', 'FR'],
    ['a price', 'Menu du jour 06 12 34 56 78 €', 'FR'],
    ['an IBAN whose digit groups hold 0060', 'IBAN: DE44 2666 0060 1132 855000', 'DE'],
    ['a tax number under its label on the line before', 'Umsatzsteuer-Identifikationsnummer gemäß § 27 a UStG:\n20/084/61254', 'DE'],
    ['a German VAT id after the phone on the same line', 'USt-IdNr.: DE 301 234 567 · Handelsregister HRB 31245', 'DE'],
  ])('rejects %s', (_name, text, region) => {
    expect(phonesInText(text, region)).toEqual([]);
  });
});

describe('isPlaceholderNumber', () => {
  it.each([
    ['1100000000', true],
    ['5555555555', true],
    ['1234567890', true],
    ['987654321', true],
    ['777111222', true],
    ['1512223333', false],
    ['612345678', false],
    ['3023456789', false],
    ['2079460321', false],
  ])('%s → %s', (nsn, want) => {
    expect(isPlaceholderNumber(nsn)).toBe(want);
  });
});

describe('extractPhones: only valid numbers are reported', () => {
  it('counts a tel: link without its area code as found but does not return it', () => {
    const doc = parsePage('<a href="tel:26706336">26706336</a><a href="tel:+918026706336">080 2670 6336</a>', 'https://lab.example/');
    const result = extractPhones(doc, [], 'IN');
    expect(result.phones.map((p) => p.e164)).toEqual(['+918026706336']);
    expect(result.found).toHaveLength(2);
  });
});

describe('extractPhones: pages that give no region', () => {
  const page = (body: string, url = 'https://gates.example.com/kontakt') => parsePage(`<html lang="en"><body>${body}</body></html>`, url);

  it('defers national numbers and reads them under the region the site gives', () => {
    const result = extractPhones(page('<p>Biuro: (22) 789 31 40</p><a href="tel:601318244">601 318 244</a>'), [], null);
    expect(result.phones).toEqual([]);
    expect(result.deferred).not.toBeNull();
    expect(placeDeferredPhones(result.deferred!, 'PL').map((p) => p.e164).sort()).toEqual(['+48227893140', '+48601318244']);
  });

  it('reads only the bracketed North American shape when no page gives a region', () => {
    const result = extractPhones(page('<p>(541) 384\u20102290</p><p>Biuro: 22 789 31 40</p>'), [], null);
    expect(placeDeferredPhones(result.deferred!, null).map((p) => p.e164)).toEqual(['+15413842290']);
  });

  it('defers nothing when the page has a region', () => {
    expect(extractPhones(page('<p>Tel. 030 2345 6789</p>'), [], 'DE').deferred).toBeNull();
  });
});

describe('extractPhones: a privacy page\'s third-party contact block', () => {
  it('drops the authority\'s number beside its email, keeps the company\'s own', () => {
    const doc = parsePage(
      '<html><body><p>Verantwortlich: Akın, Telefon 0159 0844 7713, info@akin-pflege.de</p><p>Zuständige Aufsichtsbehörde:</p><p>Landesamt für Datenschutz</p>'
        + '<p>Telefon: 0431 988-4400</p><p>E-Mail: poststelle@datenschutz-land.de</p></body></html>',
      'https://www.akin-pflege.de/datenschutz',
    );
    expect(extractPhones(doc, [], 'DE').phones.map((p) => p.e164)).toEqual(['+4915908447713']);
  });
});
