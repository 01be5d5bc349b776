import { describe, expect, it } from 'vitest';
import { seedExamples } from '../src/examples.js';
import { HttpErrorSchema, JobResultsSchema, SiteDataSchema, MapsDataSchema, SOCIAL_PLATFORMS } from '../src/index.js';

const examples = seedExamples();

describe('the seed contract', () => {
  it('has the seven example responses', () => {
    expect(examples.map((e) => e.status)).toEqual([200, 200, 200, 200, 202, 410, 404]);
  });

  it.each(examples.filter((e) => e.status !== 404).map((e) => [e.name, e] as const))('%s parses as JobResults', (_name, example) => {
    const parsed = JobResultsSchema.parse(example.body);
    // Every seed key survives parsing: nothing is stripped as unknown.
    expect(Object.keys(parsed)).toEqual(expect.arrayContaining(Object.keys(example.body as object)));
  });

  it('parses the 404 body as an HttpError', () => {
    expect(HttpErrorSchema.parse(examples[6]!.body)).toEqual({ detail: 'Job not found' });
  });

  it('keeps the seed field order of data, with the 14 socials at the top level', () => {
    const siteKeys = Object.keys(SiteDataSchema.shape);
    const seedKeys = Object.keys((examples[0]!.body as { data: object }).data);
    expect(siteKeys.filter((k) => seedKeys.includes(k))).toEqual(seedKeys);
    expect(siteKeys).toEqual(expect.arrayContaining([...SOCIAL_PLATFORMS]));
    const mapsKeys = Object.keys(MapsDataSchema.shape);
    expect(mapsKeys).toEqual(Object.keys((examples[3]!.body as { data: object }).data));
  });

  it('fills the documented extensions so they are always present', () => {
    const parsed = JobResultsSchema.parse(examples[0]!.body);
    expect(parsed.type).toBe('spiderSite');
    const data = parsed.data as Record<string, unknown>;
    expect(data).toMatchObject({ phone_details: [], logo: null, meta: null });
  });

  it('rejects a changed field', () => {
    const changed = structuredClone(examples[0]!.body) as { data: { pages_crawled: unknown } };
    changed.data.pages_crawled = 'five';
    expect(JobResultsSchema.safeParse(changed).success).toBe(false);
    const missing = structuredClone(examples[0]!.body) as { data: Record<string, unknown> };
    delete missing.data.reddit;
    expect(JobResultsSchema.safeParse(missing).success).toBe(false);
  });
});

describe('field order', () => {
  it('keeps the seed order of the results envelope', () => {
    for (const example of examples.filter((e) => e.status !== 404)) {
      const parsed = JobResultsSchema.parse(example.body);
      expect(Object.keys(parsed).slice(0, 10)).toEqual(Object.keys(example.body as object));
    }
  });
});
