import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BusinessSchema, JobResultsSchema, MapsJobResultsSchema, SiteDataSchema, SiteJobResultsSchema } from '@spideriq/schema';
import { acceptsAbsence, acceptsNull, descriptionOf, fieldsOf, nullIsImplied, orderedEntries, resolve, unwrap } from '../src/walk.js';

describe('resolve', () => {
  it.each([
    ['spiderSite', SiteJobResultsSchema],
    ['spiderMaps', MapsJobResultsSchema],
  ])('picks the %s option of the discriminated union by `type`', (type, option) => {
    expect(resolve(JobResultsSchema, { type })).toBe(option);
  });

  it('picks a plain union option the value parses with, then one of the same kind', () => {
    const schema = z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]);
    expect(fieldsOf(resolve(schema, { b: 1 })).map(([key]) => key)).toEqual(['b']);
    expect(fieldsOf(resolve(schema, { c: 1 })).map(([key]) => key)).toEqual(['a']);
  });

  it('looks through nullable, default and optional wrappers', () => {
    const schema = SiteDataSchema.nullable().default(null).optional();
    expect(unwrap(schema)).toBe(SiteDataSchema);
  });
});

describe('null and absence', () => {
  it.each([
    ['nullable', z.string().nullable(), true, false, true],
    ['nullable with a default', z.string().nullable().default(null), true, false, true],
    ['optional', z.string().optional(), false, true, false],
    ['optional and nullable', z.string().nullable().optional(), true, true, false],
    ['plain', z.string(), false, false, false],
    ['union with null', z.union([z.string(), z.null()]), true, false, true],
  ])('%s', (_, schema, nullable, absent, implied) => {
    expect(acceptsNull(schema)).toBe(nullable);
    expect(acceptsAbsence(schema)).toBe(absent);
    expect(nullIsImplied(schema)).toBe(implied);
  });
});

describe('fields', () => {
  it('reads descriptions from the field, then from its type', () => {
    const [, url] = fieldsOf(SiteDataSchema)[0]!;
    expect(descriptionOf(url)).toBe('Website URL that was crawled.');
    expect(descriptionOf(SiteDataSchema.shape.compendium)).toBe('Compendium metadata and storage information.');
  });

  it('orders entries as the schema declares them and keeps undeclared keys last', () => {
    const entries = orderedEntries(BusinessSchema, { rating: 4, extra: 1, name: 'A' }).map(([key]) => key);
    expect(entries).toEqual(['name', 'rating', 'extra']);
  });
});
