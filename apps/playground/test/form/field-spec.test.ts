import { SpiderMapsPayloadSchema, SpiderSitePayloadSchema } from '@spideriq/schema';
import { describe, expect, it } from 'vitest';
import { describeField, FieldSpecError, labelOf } from '../../src/form/field-spec.ts';
import { JOB_FORMS } from '../../src/form/job-forms.ts';

describe('describeField reads the form from the zod schema', () => {
  it.each([
    ['url', SpiderSitePayloadSchema, ['url'], { kind: 'text', required: true, label: 'URL', maxLength: 2048, example: 'https://example.com' }],
    ['mode', SpiderSitePayloadSchema, ['mode'], { kind: 'enum', required: false, options: ['contacts', 'compendium', 'leads', 'full'] }],
    ['max_pages', SpiderSitePayloadSchema, ['max_pages'], { kind: 'integer', required: false, min: 1, max: 50, label: 'Max pages' }],
    ['crawl_strategy', SpiderSitePayloadSchema, ['crawl_strategy'], { kind: 'enum', options: ['bestfirst', 'bfs', 'dfs', 'sitemap'] }],
    ['compendium.cleanup_level', SpiderSitePayloadSchema, ['compendium', 'cleanup_level'], { kind: 'enum', id: 'compendium.cleanup_level', label: 'Compendium cleanup level', options: ['raw', 'fit', 'citations', 'minimal'] }],
    ['compendium.max_chars', SpiderSitePayloadSchema, ['compendium', 'max_chars'], { kind: 'integer', min: 1000, max: 1_000_000 }],
    ['max_results', SpiderMapsPayloadSchema, ['max_results'], { kind: 'integer', min: 1, max: 100 }],
    ['lang', SpiderMapsPayloadSchema, ['lang'], { kind: 'text', label: 'Language' }],
    ['extract_reviews', SpiderMapsPayloadSchema, ['extract_reviews'], { kind: 'boolean', required: false }],
  ] as const)('%s', (_name, schema, path, want) => {
    expect(describeField(schema, path)).toMatchObject(want);
  });

  it('takes descriptions from the wrapper (`.optional().meta()`) and from the inner type (`Enum.optional()`)', () => {
    expect(describeField(SpiderSitePayloadSchema, ['max_pages']).description).toBe(SpiderSitePayloadSchema.shape.max_pages.description);
    expect(describeField(SpiderSitePayloadSchema, ['mode']).description).toMatch(/^Preset: `contacts`/);
    expect(describeField(SpiderMapsPayloadSchema, ['search_query']).description).toContain('plumbers in Austin');
  });

  it.each([[['nope']], [['url', 'deeper']], [['compendium', 'nope']], [['overrides', 'strategies']]])('rejects %j', (path) => {
    expect(() => describeField(SpiderSitePayloadSchema, path)).toThrow(FieldSpecError);
  });

  it('builds both forms with the fields the issue names', () => {
    expect(JOB_FORMS.spiderSite.fields.map((field) => field.id)).toEqual(['url', 'mode', 'max_pages', 'crawl_strategy', 'compendium.cleanup_level']);
    expect(JOB_FORMS.spiderMaps.fields.map((field) => field.id)).toEqual(['search_query', 'max_results', 'lang']);
  });

  it.each([
    [['max_pages'], 'Max pages'],
    [['compendium', 'cleanup_level'], 'Compendium cleanup level'],
    [['enable_spa'], 'Enable SPA'],
  ])('labels %j as %s', (path, label) => {
    expect(labelOf(path)).toBe(label);
  });
});
