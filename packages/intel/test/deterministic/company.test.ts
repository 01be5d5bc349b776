import { describe, expect, it } from 'vitest';
import { deterministicCompany, parsePage } from '../../src/index.js';

const page = (html: string, url = 'https://co.example/') => parsePage({ url, html });

describe('deterministicCompany', () => {
  it.each([
    [
      'JSON-LD LocalBusiness subtype wins over og: tags',
      `<head><meta property="og:site_name" content="Sonrisa"><script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},{"@type":"Dentist","name":"Clínica Dental Sonrisa","description":"Clínica dental familiar en Valencia."}]}</script></head>`,
      { name: 'Clínica Dental Sonrisa', summary: 'Clínica dental familiar en Valencia.', sources: { name: 'jsonld', summary: 'jsonld' } },
    ],
    [
      'og:site_name and og:description without JSON-LD',
      `<head><meta property="og:site_name" content="Bäckerei Schmidt"><meta property="og:description" content="Handwerksbäckerei in Köln seit 1952."></head>`,
      { name: 'Bäckerei Schmidt', summary: 'Handwerksbäckerei in Köln seit 1952.', sources: { name: 'meta', summary: 'meta' } },
    ],
    [
      'JSON-LD name, meta description for the summary',
      `<head><meta name="description" content="Plombier à Lyon, dépannage 24h/24."><script type="application/ld+json">{"@type":"Organization","name":"Plomberie Martin"}</script></head>`,
      { name: 'Plomberie Martin', summary: 'Plombier à Lyon, dépannage 24h/24.', sources: { name: 'jsonld', summary: 'meta' } },
    ],
    ['nothing declared', '<head><title>Home</title></head><body><h1>Welcome</h1></body>', { name: null, summary: null, sources: {} }],
    ['a broken JSON-LD block does not hide the next one', `<head><script type="application/ld+json">{"@type": </script><script type="application/ld+json">{"@type":"Corporation","name":"Acme Corp"}</script></head>`, { name: 'Acme Corp', summary: null, sources: { name: 'jsonld' } }],
  ])('%s', (_name, html, want) => {
    expect(deterministicCompany([page(`<html>${html}</html>`)])).toEqual(want);
  });
});
