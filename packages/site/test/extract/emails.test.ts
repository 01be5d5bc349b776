import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/extract/document.js';
import { readJsonLd } from '../../src/extract/jsonld.js';
import { extractEmails, deobfuscateEmails, isNoiseEmail } from '../../src/extract/emails.js';
import { decodeCloudflareEmail, encodeCloudflareEmail } from '../../src/extract/cloudflare-email.js';

function emailsIn(body: string, head = ''): ReturnType<typeof extractEmails> {
  const doc = parsePage(`<html><head>${head}</head><body>${body}</body></html>`, 'https://acme.co.uk/contact');
  return extractEmails(doc, readJsonLd(doc));
}

describe('extractEmails', () => {
  it.each([
    ['mailto link', '<a href="mailto:Info@Acme.co.uk?subject=Hi">Write</a>', ['info@acme.co.uk']],
    ['mailto with two addresses', '<a href="mailto:a@acme.co.uk,b@acme.co.uk">x</a>', ['a@acme.co.uk', 'b@acme.co.uk']],
    ['url-encoded mailto', '<a href="mailto:sales%40acme.co.uk">x</a>', ['sales@acme.co.uk']],
    ['visible text', '<p>Write to hello@acme.co.uk.</p>', ['hello@acme.co.uk']],
    ['[at] [dot]', '<p>jobs [at] acme [dot] co [dot] uk</p>', ['jobs@acme.co.uk']],
    ['(at) (dot)', '<p>kanzlei(at)weber(dot)de</p>', ['kanzlei@weber.de']],
    ['{at} and spaced AT/DOT', '<p>a {at} acme.de or b AT acme DOT de</p>', ['a@acme.de', 'b@acme.de']],
    ['Spanish arroba/punto', '<p>citas (arroba) clinica (punto) es</p>', ['citas@clinica.es']],
    ['HTML entities', '<p>info&#64;acme&#46;fr</p>', ['info@acme.fr']],
    ['Cloudflare data-cfemail', `<span class="__cf_email__" data-cfemail="${encodeCloudflareEmail('cf@acme.com')}">[email&#160;protected]</span>`, ['cf@acme.com']],
    ['Cloudflare protection link', `<a href="/cdn-cgi/l/email-protection#${encodeCloudflareEmail('x@acme.com', 0x21)}">[email protected]</a>`, ['x@acme.com']],
    ['JSON-LD email', '', ['ld@acme.com'], '<script type="application/ld+json">{"@type":"Organization","email":"mailto:ld@acme.com"}</script>'],
    ['microdata email', '<span itemprop="email">md@acme.com</span>', ['md@acme.com']],
    ['duplicates and case', '<a href="mailto:A@acme.com">A@ACME.COM</a> a@acme.com', ['a@acme.com']],
  ])('%s', (_name, body, want, head = '') => {
    expect(emailsIn(body, head).emails.sort()).toEqual([...want].sort());
  });

  it.each([
    ['retina asset name', '<p>logo@2x.png and icon@3x.webp</p>'],
    ['Sentry DSN id', '<p>605a7baede844d278b89dc95ae0a9123@sentry-next.wixpress.com</p>'],
    ['example.com placeholder', '<p>e.g. you@example.com</p>'],
    ['hash local part', '<p>5f2b8c9d0e1f2a3b4c5d6e7f8a9b0c1d@acme.com</p>'],
    ['no-reply mailbox', '<a href="mailto:no-reply@acme.com">x</a>'],
    ['unknown TLD', '<p>user@host.localdomain</p>'],
    ['text inside scripts', '<script>var e = "dev@acme.com";</script>'],
  ])('drops noise: %s', (_name, body) => {
    expect(emailsIn(body).emails).toEqual([]);
  });

  it('counts candidates before filtering', () => {
    const result = emailsIn('<p>real@acme.com, you@example.com, logo@2x.png</p>');
    expect(result.emails).toEqual(['real@acme.com']);
    expect(result.found.length).toBe(3);
  });
});

describe('deobfuscateEmails', () => {
  it('leaves ordinary prose alone', () => {
    expect(deobfuscateEmails('Meet us at the office at 9.')).toBe('Meet us at the office at 9.');
  });
});

describe('isNoiseEmail', () => {
  it.each([
    ['info@acme.com', false],
    ['a.schulz@kanzlei-weber.de', false],
    ['image@2x.jpg', true],
    ['abc@wixpress.com', true],
    ['donotreply@acme.com', true],
  ])('%s → %s', (email, noise) => {
    expect(isNoiseEmail(email)).toBe(noise);
  });
});

describe('decodeCloudflareEmail', () => {
  it.each([
    ['3c54595050537c5e4e555b54485055525958555b55485d50125f5351', 'hello@brightlinedigital.com'],
    ['zz', null],
    ['abc', null],
    ['', null],
  ])('%s', (hex, want) => {
    expect(decodeCloudflareEmail(hex)).toBe(want);
  });

  it('round-trips through the encoder', () => {
    expect(decodeCloudflareEmail(encodeCloudflareEmail('zoë@acme.de', 0x99))).toBe('zoë@acme.de');
  });
});

describe('extractEmails: domains and privacy pages', () => {
  it('keeps an internationalised domain as written', () => {
    const doc = parsePage('<p><a href="mailto:info@entrümpelung-nord.de">info@entrümpelung-nord.de</a></p>', 'https://www.entrümpelung-nord.de/');
    expect(extractEmails(doc, []).emails).toEqual(['info@entrümpelung-nord.de']);
  });

  it('drops other organisations\' addresses on a privacy page but keeps the own and free-mail ones', () => {
    const doc = parsePage(
      '<p>Controller: info@acme-bakery.de, acme.baker@gmail.com. Processor: dpo@cloudhost.example.com. Authority: poststelle@datenschutz-behoerde.de</p>',
      'https://www.acme-bakery.de/datenschutz',
    );
    expect(extractEmails(doc, []).emails).toEqual(['info@acme-bakery.de', 'acme.baker@gmail.com']);
  });
});
