import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  CancelJobResponseSchema,
  HealthResponseSchema,
  HttpErrorSchema,
  InfoResponseSchema,
  JobListResponseSchema,
  JobResultsSchema,
  JobStatusResponseSchema,
  QueueStatsResponseSchema,
  SubmitJobResponseSchema,
  ValidationErrorSchema,
} from '@spideriq/schema';
import { FormatError, parseYaml, render } from '../src/index.js';
import { mapsResult } from './fixtures/maps-result.js';
import { seedExamples } from './fixtures/seed.js';
import { MULTILINE_STRINGS, TRICKY_STRINGS, siteResult } from './fixtures/site-result.js';

const seeds = seedExamples();
const yaml = (value: unknown, schema: z.ZodType) => render(value, 'yaml', schema);

describe('YAML round trip', () => {
  it.each(seeds.map((seed) => [seed.name, seed] as const))('%s, as the API sends it', (_, { served, schema }) => {
    expect(parseYaml(yaml(served, schema), schema)).toEqual(served);
  });

  it.each(seeds.map((seed) => [seed.name, seed] as const))('%s, as the seed prints it, parses to what the API sends', (_, { body, served, schema }) => {
    expect(parseYaml(yaml(body, schema), schema)).toEqual(served);
  });

  const generated: Array<[string, unknown, z.ZodType]> = [
    ['a complete site result', siteResult(), JobResultsSchema],
    ['a 100-business maps result', mapsResult(100), JobResultsSchema],
    ['a 2-business maps result', mapsResult(2, 3), JobResultsSchema],
    ['empty lists everywhere', siteResult({ emails: [], phones: [], phone_details: [], addresses: [], team_members: [], pain_points: [] }), JobResultsSchema],
    ['null wherever allowed', siteResult({ compendium: null, company_vitals: null, pain_points: null, logo: null, meta: null, markdown_compendium: null, linkedin: null, github: null }), JobResultsSchema],
    ['tricky strings in lists, fields and rows', siteResult({
      emails: [...TRICKY_STRINGS],
      addresses: [...MULTILINE_STRINGS],
      url: 'true',
      pain_points: ['null', '~', '2025-10-27'],
      team_members: TRICKY_STRINGS.map((name, i) => ({ name, title: MULTILINE_STRINGS[i % MULTILINE_STRINGS.length]!, email: i % 2 ? null : name, linkedin: null })),
    }), JobResultsSchema],
    ...MULTILINE_STRINGS.map((text): [string, unknown, z.ZodType] => [`compendium ${JSON.stringify(text.slice(0, 16))}`, siteResult({ markdown_compendium: text }), JobResultsSchema]),
    ...TRICKY_STRINGS.map((text): [string, unknown, z.ZodType] => [`scalar ${JSON.stringify(text)}`, siteResult({ url: text, markdown_compendium: text }), JobResultsSchema]),
    ['record with tricky keys and null values', { ...siteResult() }, JobResultsSchema],
    ['a failed job', { ...siteResult(), success: false, status: 'failed', data: null, error_message: 'Failed to connect: timeout\nafter 30s', error: 'Failed to connect: timeout\nafter 30s' }, JobResultsSchema],
    ['the 422 body', { detail: [{ loc: ['body', 'payload', 0, 'max_pages'], msg: 'Too big: expected number to be <=50', type: 'too_big' }] }, ValidationErrorSchema],
    ['an error body', { detail: 'Invalid authentication token format. Expected: client_id:api_key:api_secret' }, HttpErrorSchema],
  ];
  it.each(generated)('%s', (_, value, schema) => {
    const text = yaml(value, schema);
    expect(parseYaml(text, schema)).toEqual(value);
  });

  const others: Array<[string, z.ZodType]> = [
    ['status', JobStatusResponseSchema],
    ['list', JobListResponseSchema],
    ['submit', SubmitJobResponseSchema],
    ['cancel', CancelJobResponseSchema],
    ['health', HealthResponseSchema],
    ['queue stats', QueueStatsResponseSchema],
    ['info', InfoResponseSchema],
    ['422 error', ValidationErrorSchema],
  ];
  it.each(others)('the %s response (its schema example)', (_, schema) => {
    const example = schema.parse(z.globalRegistry.get(schema)?.['example']);
    expect(parseYaml(yaml(example, schema), schema)).toEqual(example);
  });
});

describe('YAML layout', () => {
  const site = siteResult();
  const text = yaml(site, JobResultsSchema);

  it('drops exactly the null fields the schema can restore', () => {
    expect(text).not.toMatch(/: null$/m);
    expect(text).not.toContain('twitter');
    // Values inside records and lists keep their nulls: the schema cannot tell which keys to restore.
    const withNullRecordValue = { ...site, data: { ...site.data!, meta: { title: null, description: null, og: { a: 'b' } } } };
    expect(parseYaml(yaml(withNullRecordValue, JobResultsSchema), JobResultsSchema)).toEqual(withNullRecordValue);
  });

  it('is plain YAML: any parser reads the same data, minus the dropped nulls', () => {
    const generic = parse(text) as { data: Record<string, unknown> };
    expect(generic.data['emails']).toEqual(site.data!.emails);
    expect(generic.data['compendium']).toEqual(site.data!.compendium);
    expect('twitter' in generic.data).toBe(false);
  });

  it('writes scalar lists in flow style and indents by one space', () => {
    expect(text).toContain('\n emails: [hello@acme.example]\n');
    expect(text).toContain('\n compendium:\n  available: true\n');
  });

  it('keeps the compendium readable as a block literal', () => {
    expect(text).toContain(' markdown_compendium: |\n  # Acme\n\n  We build rockets.\n');
  });

  it('writes object arrays one compact row per line when their nulls pay for the line breaks', () => {
    const maps = yaml(mapsResult(3), JobResultsSchema);
    const rows = maps.split('\n').filter((line) => line.startsWith('  - {"name":'));
    expect(rows).toHaveLength(3);
  });

  it('writes object arrays with no nulls to drop on one line, exactly as JSON', () => {
    const team = [{ name: 'A', title: 'B', email: 'c@d.e', linkedin: 'https://x.example' }];
    expect(yaml(siteResult({ team_members: team }), JobResultsSchema)).toContain(` team_members: ${JSON.stringify(team)}\n`);
  });

  it('orders fields as the schema declares them', () => {
    const keys = [...text.matchAll(/^ (\w+):/gm)].map((match) => match[1]);
    expect(keys.indexOf('phone_details')).toBe(keys.indexOf('phones') + 1);
  });
});

describe('parseYaml errors', () => {
  it.each([
    ['broken YAML', 'a: [1, 2', 'INVALID_YAML'],
    ['duplicate keys', 'detail: a\ndetail: b\n', 'INVALID_YAML'],
    ['a value the schema rejects', 'detail: 3\n', 'INVALID_VALUE'],
    ['a missing required field', 'other: x\n', 'INVALID_VALUE'],
  ])('%s', (_, text, code) => {
    const attempt = () => parseYaml(text, HttpErrorSchema);
    expect(attempt).toThrow(FormatError);
    try {
      attempt();
    } catch (error) {
      expect((error as FormatError).code).toBe(code);
      expect((error as FormatError).cause).toBeDefined();
    }
  });
});
