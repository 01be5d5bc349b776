import { describe, expect, it } from 'vitest';
import { HttpErrorSchema, JobResultsSchema } from '@spideriq/schema';
import type { Format } from '@spideriq/schema';
import { FormatError, contentTypeOf, render } from '../src/index.js';
import { seedExamples } from './fixtures/seed.js';

describe('render', () => {
  const seed = seedExamples()[0]!;

  it('renders JSON as the API does: 2-space by default, compact with indent 0, nulls and key order kept', () => {
    expect(render(seed.body, 'json', seed.schema)).toBe(JSON.stringify(seed.body, null, 2));
    expect(render(seed.body, 'json', seed.schema, { json: { indent: 0 } })).toBe(JSON.stringify(seed.body));
  });

  it.each([
    ['yaml', /^success: true\njob_id: 550e8400/],
    ['md', /^# spiderSite completed\n/],
  ] as const)('dispatches %s', (format, start) => {
    expect(render(seed.body, format, JobResultsSchema)).toMatch(start);
  });

  it('rejects an unknown format with a typed error', () => {
    expect(() => render({ detail: 'x' }, 'xml' as Format, HttpErrorSchema)).toThrow(expect.objectContaining({ name: 'FormatError', code: 'UNSUPPORTED_FORMAT' }));
  });
});

describe('contentTypeOf', () => {
  it.each([
    ['json', 'application/json; charset=utf-8'],
    ['yaml', 'application/yaml; charset=utf-8'],
    ['md', 'text/markdown; charset=utf-8'],
  ] as const)('%s → %s', (format, type) => {
    expect(contentTypeOf(format)).toBe(type);
  });

  it('throws FormatError for anything else', () => {
    expect(() => contentTypeOf('html' as Format)).toThrow(FormatError);
  });
});
