import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/extract/document.js';
import { extractEmails } from '../../src/extract/emails.js';
import { hostSectionText } from '../../src/extract/host-sections.js';
import { extractPhones } from '../../src/extract/phones.js';

const notice = (body: string) => parsePage(`<html lang="fr"><body>${body}</body></html>`, 'https://bar.example.fr/mentions-legales');

describe('legal notices: the hosting section is the host\'s or the designer\'s', () => {
  it.each([
    ['Hébergeur', '<h2>Hébergeur</h2><p>Hostinou SAS, 2 rue des Serveurs, 59100 Roubaix</p><h2>Crédits</h2><p>Photos maison</p>', 'Hostinou SAS'],
    ['Hosting provider', '<h3>Hosting provider</h3><div>Webspace GmbH</div><p>Server in Frankfurt</p><h3>Copyright</h3>', 'Webspace GmbH\nServer in Frankfurt'],
  ])('reads the section under "%s" up to the next heading', (_name, body, want) => {
    const text = hostSectionText(notice(body));
    expect(text).toContain(want.split('\n')[0]);
    expect(text).not.toMatch(/Photos maison|Copyright/);
  });

  it('drops a contact shown only there, keeps one the page also shows elsewhere', () => {
    const doc = notice(
      '<h2>Hébergeur et éditeur</h2><p>Site conçu et hébergé par Ana Lopes, 06 71 42 88 19, ana.lopes.web@gmail.com, et édité par le bar (bar.bleu@gmail.com).</p>'
        + '<h2>Contact</h2><p>Écrivez à bar.bleu@gmail.com ou appelez le 02 43 56 12 90.</p>',
    );
    expect(extractEmails(doc, []).emails).toEqual(['bar.bleu@gmail.com']);
    expect(extractPhones(doc, [], 'FR').phones.map((p) => p.e164)).toEqual(['+33243561290']);
  });

  it('finds nothing on a page without a hosting heading', () => {
    expect(hostSectionText(notice('<h2>Éditeur</h2><p>Le Comptoir Bleu</p>'))).toBe('');
  });
});
