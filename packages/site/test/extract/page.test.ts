import { describe, expect, it } from 'vitest';
import { extractPage, mergeExtractions } from '../../src/extract/index.js';
import { SiteDataSchema } from '@spideriq/schema';
import { loadFixtureSite } from '@spideriq/testkit';
import { extractFixtureSite } from '../fixtures/quality.js';

describe('extractPage', () => {
  it('infers the phone region from the address when the URL and lang say nothing', () => {
    const page = extractPage({
      url: 'http://127.0.0.1:3000/',
      html: '<html lang="en"><body><footer><p>14 Station Road<br>Croydon CR0 2AP</p><p>Call 020 7946 0321</p></footer></body></html>',
    });
    expect(page.region).toBe('GB');
    expect(page.phones.map((p) => p.e164)).toEqual(['+442079460321']);
  });

  it('uses the Content-Language header when there is no lang attribute', () => {
    const page = extractPage({ url: 'http://127.0.0.1:3000/', html: '<p>Telefon: 030 2345 6789</p>', headers: { 'Content-Language': 'de-DE' } });
    expect(page.phones.map((p) => p.e164)).toEqual(['+493023456789']);
  });

  it('is deterministic and needs no network', () => {
    const site = loadFixtureSite('law-firm-de');
    const a = site.pages.map((p) => extractPage({ url: p.url, html: p.html }));
    const b = site.pages.map((p) => extractPage({ url: p.url, html: p.html }));
    expect(a).toEqual(b);
  });
});

describe('mergeExtractions', () => {
  it('produces fields that satisfy SiteDataSchema', () => {
    const fields = extractFixtureSite(loadFixtureSite('agency-us'));
    const { total_emails_found, total_phones_found, ...contact } = fields;
    const data = {
      url: 'https://brightlinedigital.com/',
      pages_crawled: 3,
      crawl_status: 'success',
      ...contact,
      markdown_compendium: null,
      compendium: null,
      company_vitals: null,
      pain_points: null,
      lead_scoring: null,
      team_members: [],
      personalization_hooks: null,
      metadata: { spa_enabled: false, sitemap_used: false, browser_rendering_available: false, crawl_strategy: 'bestfirst', total_emails_found, total_phones_found },
    };
    expect(SiteDataSchema.safeParse(data).success).toBe(true);
  });

  it('takes logo and meta from the submitted page, and counts before filtering', () => {
    const fields = extractFixtureSite(loadFixtureSite('shop-au'));
    expect(fields.meta?.og.site_name).toBe('Saltwater Surf Co.');
    expect(fields.logo?.source).toBe('jsonld');
    expect(fields.total_emails_found).toBe(fields.emails.length + 1); // you@example.com was found and dropped
    expect(fields.phones).toEqual(fields.phone_details.map((p) => p.international));
  });

  it('returns empty fields for no pages', () => {
    const fields = mergeExtractions([], 'https://acme.com/');
    expect(fields.emails).toEqual([]);
    expect(fields.linkedin).toBeNull();
    expect(fields.meta).toBeNull();
    expect(fields.total_phones_found).toBe(0);
  });

  it('does not find the SPA-only values in static HTML', () => {
    const fields = extractFixtureSite(loadFixtureSite('bakery-fr-spa'));
    expect(fields.emails).not.toContain('commandes@boulangerie-lefevre.fr');
    expect(fields.phone_details.map((p) => p.e164)).not.toContain('+33612345678');
  });
});
