import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  HealthResponseSchema,
  HttpErrorSchema,
  InfoResponseSchema,
  JobListResponseSchema,
  JobResultsSchema,
  JobStatusResponseSchema,
  QueueStatsResponseSchema,
  ValidationErrorSchema,
} from '@spideriq/schema';
import { render } from '../src/index.js';
import { humanize } from '../src/markdown.js';
import { mapsResult } from './fixtures/maps-result.js';
import { seedExamples } from './fixtures/seed.js';
import { MULTILINE_STRINGS, TRICKY_STRINGS, siteResult } from './fixtures/site-result.js';

const md = (value: unknown, schema: z.ZodType) => render(value, 'md', schema);

/** Every non-null leaf with the key it sits under. */
function leaves(value: unknown, key = '', out: Array<[string, unknown]> = []): Array<[string, unknown]> {
  if (value === null || value === undefined) return out;
  if (Array.isArray(value)) for (const item of value) leaves(item, key, out);
  else if (typeof value === 'object') for (const [k, item] of Object.entries(value)) leaves(item, k, out);
  else out.push([key, value]);
  return out;
}

/** The places a value may legitimately differ in Markdown: `https://` dropped, table-cell escapes, `<br>` for newlines. */
function missing(text: string, value: unknown): string[] {
  const lost: Array<[string, unknown]> = [];
  for (const [key, leaf] of leaves(value)) {
    if (leaf === true) {
      if (!text.includes(humanize(key))) lost.push([key, leaf]);
      continue;
    }
    const shown = String(leaf).replace(/^https:\/\//, '');
    const lines = shown.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    for (const line of lines) {
      const escaped = line.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
      if (!text.includes(line) && !text.includes(escaped)) lost.push([key, line]);
    }
  }
  return lost.map(([key, leaf]) => `${key}=${JSON.stringify(leaf)}`);
}

describe('Markdown keeps every non-null value', () => {
  const cases: Array<[string, unknown, z.ZodType]> = [
    ...seedExamples().map((seed): [string, unknown, z.ZodType] => [seed.name, seed.served, seed.schema]),
    ['a complete site result', siteResult(), JobResultsSchema],
    ['a 100-business maps result', mapsResult(100), JobResultsSchema],
    ['tricky strings', siteResult({ emails: [...TRICKY_STRINGS], pain_points: [...MULTILINE_STRINGS], team_members: TRICKY_STRINGS.map((name) => ({ name, title: 'a | b', email: null, linkedin: null })) }), JobResultsSchema],
    ['the 422 body', { detail: [{ loc: ['body', 'payload', 'max_pages'], msg: 'Too big', type: 'too_big' }] }, ValidationErrorSchema],
    ...[JobStatusResponseSchema, JobListResponseSchema, HealthResponseSchema, QueueStatsResponseSchema, InfoResponseSchema].map(
      (schema): [string, unknown, z.ZodType] => [String(z.globalRegistry.get(schema)?.description), schema.parse(z.globalRegistry.get(schema)?.['example']), schema],
    ),
  ];
  it.each(cases)('%s', (_, value, schema) => {
    expect(missing(md(value, schema), value)).toEqual([]);
  });
});

describe('Markdown layout', () => {
  const seeds = seedExamples();
  const minimal = md(seeds[0]!.served, seeds[0]!.schema);
  const maps = md(seeds[3]!.served, seeds[3]!.schema);

  it('titles a result with its closed-set fields and puts nested objects under headings', () => {
    expect(minimal.startsWith('# spiderSite completed\n')).toBe(true);
    expect(minimal).toMatch(/^## data$/m);
    expect(minimal).toMatch(/^### compendium$/m);
    expect(minimal).toMatch(/^### metadata$/m);
  });

  it('emits the compendium as-is under its own heading', () => {
    expect(minimal).toContain('### markdown compendium\n\n# Example Company\n\nLeading provider of...\n');
  });

  it('writes short label lines with hard breaks, numbers first and true flags alone', () => {
    expect(minimal).toContain('crawl status: success  \n');
    expect(minimal).toContain('5 pages crawled');
    expect(minimal).toMatch(/^spa enabled {2}$/m);
    expect(md({ ...siteResult(), success: false }, JobResultsSchema)).toContain('success: false');
  });

  it('drops https:// and the labels of values that say what they are', () => {
    expect(minimal).toMatch(/^linkedin\.com\/company\/example {2}$/m);
    expect(minimal).toContain('contact@example.com, sales@example.com');
    expect(minimal).not.toContain('https://');
  });

  it('renders businesses as a GFM table with columns in schema order', () => {
    const lines = maps.split('\n');
    const header = lines.findIndex((line) => line.startsWith('|name|place id|rating|'));
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toMatch(/^(\|-)+\|$/);
    expect(lines[header + 2]).toContain('|Mamma Maria|');
    const big = md(mapsResult(100), JobResultsSchema).split('\n').filter((line) => line.startsWith('|'));
    expect(big).toHaveLength(102);
  });

  it('escapes pipes and line breaks in table cells', () => {
    const text = md(siteResult({ team_members: [{ name: 'A | B', title: 'line\nbreak', email: null, linkedin: null }] }), JobResultsSchema);
    expect(text).toContain('|A \\| B|line<br>break|');
  });

  it('leaves out null fields and empty lists', () => {
    const text = md(siteResult({ emails: [], pain_points: [] }), JobResultsSchema);
    expect(text).not.toContain('null');
    expect(text).not.toContain('pain points');
    expect(text).not.toMatch(/^twitter/m);
  });

  it('ends a list with a blank line so the next line is not swallowed by it', () => {
    const text = md(seeds[2]!.served, seeds[2]!.schema);
    expect(text).toContain('increasing CSAT risk\n\nauthority:');
  });

  it.each([
    ['the 404 body', { detail: 'Job not found' }, HttpErrorSchema, 'detail: Job not found\n'],
    ['the 422 body', { detail: [{ loc: ['body', 'url'], msg: 'Required', type: 'missing' }] }, ValidationErrorSchema, '# detail\n\n|loc|msg|type|\n|-|-|-|\n|body, url|Required|missing|\n'],
  ])('renders %s', (_, value, schema, expected) => {
    expect(md(value, schema)).toBe(expected);
  });
});
