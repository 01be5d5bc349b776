import { describe, expect, it } from 'vitest';
import { JobResultsSchema } from '@spideriq/schema';
import { countTokens, render } from '../src/index.js';
import { mapsResult } from './fixtures/maps-result.js';
import { seedExamples } from './fixtures/seed.js';
import { siteResult } from './fixtures/site-result.js';

/** Tokens of one value in every rendering the thresholds compare. */
async function measure(value: unknown, schema = JobResultsSchema) {
  return {
    pretty: await countTokens(JSON.stringify(value, null, 2)),
    minified: await countTokens(JSON.stringify(value)),
    yaml: await countTokens(render(value, 'yaml', schema)),
    md: await countTokens(render(value, 'md', schema)),
  };
}

describe('countTokens', () => {
  it.each([
    ['', 0],
    ['hello world', 2],
    ['{"detail":"Job not found"}', 7],
  ])('counts %j as %i o200k tokens', async (text, expected) => {
    expect(await countTokens(text)).toBe(expected);
  });
});

describe('token thresholds (issue 2)', () => {
  const seeds = seedExamples();

  it('on the seed examples as published, YAML saves ≥28% and Markdown ≥40% against 2-space JSON in total', async () => {
    const totals = { pretty: 0, minified: 0, yaml: 0, md: 0 };
    for (const seed of seeds) {
      const tokens = await measure(seed.body, seed.schema as typeof JobResultsSchema);
      for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += tokens[key];
    }
    expect(1 - totals.yaml / totals.pretty).toBeGreaterThanOrEqual(0.28);
    expect(1 - totals.md / totals.pretty).toBeGreaterThanOrEqual(0.4);
  });

  const results: Array<[string, unknown]> = [
    ...seeds.map((seed): [string, unknown] => [`${seed.name} (as published)`, seed.body]),
    ...seeds.map((seed): [string, unknown] => [`${seed.name} (as served)`, seed.served]),
    ['a 100-business maps result', mapsResult(100)],
    ['a 100-business maps result with reviews and photos (no nulls to drop in rows)', (() => {
      const result = mapsResult(100, 11);
      for (const business of result.data!.businesses) {
        business.reviews = [{ author: 'Ann', rating: 5, text: 'Great pasta', time: '2025-01-01T00:00:00Z', language: 'en' }];
        business.photos = [{ url: 'https://example.com/p.jpg', width: 800, height: 600, attribution: 'Ann' }];
      }
      return result;
    })()],
    ['a complete site result', siteResult()],
  ];
  it.each(results)('YAML is never larger than minified JSON: %s', async (name, value) => {
    const schema = name.startsWith('Not Found') ? seeds[6]!.schema : JobResultsSchema;
    const tokens = await measure(value, schema as typeof JobResultsSchema);
    expect(tokens.yaml).toBeLessThanOrEqual(tokens.minified);
  });

  it('on a 100-business maps result, YAML and Markdown both beat minified JSON', async () => {
    const tokens = await measure(mapsResult(100));
    expect(tokens.yaml).toBeLessThan(tokens.minified);
    expect(tokens.md).toBeLessThan(tokens.minified);
  });
});
