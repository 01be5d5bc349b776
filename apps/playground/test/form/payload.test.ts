import { describe, expect, it } from 'vitest';
import { JOB_FORMS } from '../../src/form/job-forms.ts';
import { checkPayload, fieldOf, payloadFromValues } from '../../src/form/payload.ts';

const site = JOB_FORMS.spiderSite;
const maps = JOB_FORMS.spiderMaps;

describe('payloadFromValues', () => {
  it.each([
    ['leaves empty inputs out', { url: 'https://a.test', mode: '', max_pages: '  ' }, { url: 'https://a.test' }],
    ['parses numbers and trims text', { url: ' https://a.test ', max_pages: '7' }, { url: 'https://a.test', max_pages: 7 }],
    ['nests dotted paths', { url: 'https://a.test', 'compendium.cleanup_level': 'fit' }, { url: 'https://a.test', compendium: { cleanup_level: 'fit' } }],
    ['keeps text that is not a number, for the schema to report', { url: 'https://a.test', max_pages: '7x' }, { url: 'https://a.test', max_pages: '7x' }],
  ])('%s', (_name, values, want) => {
    expect(payloadFromValues(site.fields, values)).toEqual(want);
  });
});

describe('checkPayload validates with the schema and files issues under fields', () => {
  it.each([
    ['max pages 51', site, { url: 'https://a.test', max_pages: '51' }, 'max_pages', /50/],
    ['max pages 0', site, { url: 'https://a.test', max_pages: '0' }, 'max_pages', /1/],
    ['a URL without a scheme', site, { url: 'example.com' }, 'url', /http/],
    ['no URL', site, {}, 'url', /./],
    ['no query', maps, { max_results: '5' }, 'search_query', /required/],
    ['max results 101', maps, { search_query: 'plumbers', max_results: '101' }, 'max_results', /100/],
    ['a bad language code', maps, { search_query: 'plumbers', lang: 'english' }, 'lang', /language code/],
  ])('%s', (_name, form, values, field, message) => {
    const checked = checkPayload(form.schema, form.fields, payloadFromValues(form.fields, values));
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toContainEqual({ field, message: expect.stringMatching(message) });
  });

  it('passes a valid payload through', () => {
    const checked = checkPayload(site.schema, site.fields, payloadFromValues(site.fields, { url: 'https://a.test', max_pages: '50', mode: 'leads' }));
    expect(checked).toEqual({ ok: true, payload: { url: 'https://a.test', max_pages: 50, mode: 'leads' } });
  });
});

describe('fieldOf maps server locations to fields', () => {
  it.each([
    [['body', 'payload', 'max_pages'], 'max_pages'],
    [['body', 'payload', 'compendium', 'cleanup_level'], 'compendium.cleanup_level'],
    [['payload', 'url'], 'url'],
    [['body', 'type'], null],
    [['body', 'payload', 'target_pages', 0], null],
    [[], null],
  ])('%j → %s', (location, want) => {
    expect(fieldOf(site.fields, location)).toBe(want);
  });
});
