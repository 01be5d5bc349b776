import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/extract/document.js';
import { readJsonLd, jsonLdProperty, jsonLdTypes } from '../../src/extract/jsonld.js';

const read = (json: string) => readJsonLd(parsePage(`<script type="application/ld+json">${json}</script>`, 'https://example.test/'));

describe('readJsonLd', () => {
  it.each([
    ['@graph', '{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},{"@type":"Organization","telephone":"+1 512 555 0147"}]}', ['+1 512 555 0147']],
    ['top-level array', '[{"@type":"Organization","telephone":"1"},{"@type":"Store","telephone":"2"}]', ['1', '2']],
    ['nested contactPoint', '{"@type":"Organization","contactPoint":{"@type":"ContactPoint","telephone":"3"}}', ['3']],
    ['trailing comma and comment wrapper', '<!-- {"@type":"Organization","telephone":"4",} -->', ['4']],
    ['broken JSON is skipped', '{"@type": "Organization", telephone: }', []],
  ])('%s', (_name, json, want) => {
    expect(jsonLdProperty(read(json), 'telephone')).toEqual(want);
  });

  it('strips schema prefixes from types', () => {
    expect(jsonLdTypes({ '@type': ['schema:LocalBusiness', 'http://schema.org/Dentist'] })).toEqual(['LocalBusiness', 'Dentist']);
  });
});
