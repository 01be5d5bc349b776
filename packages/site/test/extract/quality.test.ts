import { describe, expect, it } from 'vitest';
import { QUALITY_FIELDS, formatQualityReport, scoreFixtureSites } from '../fixtures/quality.js';

/** The bar: precision ≥ 0.95 and recall ≥ 0.90 per field over the fixture sites. */
describe('extraction quality on the fixture sites', () => {
  const report = scoreFixtureSites();

  it('covers at least eight sites and every field', () => {
    expect(report.sites).toBeGreaterThanOrEqual(8);
    expect(report.fields.map((f) => f.field)).toEqual([...QUALITY_FIELDS]);
    for (const field of report.fields) expect(field.tp + field.fn, `${field.field} has ground truth`).toBeGreaterThan(0);
  });

  it.each(QUALITY_FIELDS.map((f) => [f]))('%s: precision ≥ 0.95 and recall ≥ 0.90', (name) => {
    const score = report.fields.find((f) => f.field === name)!;
    const context = formatQualityReport(report);
    expect(score.precision, context).toBeGreaterThanOrEqual(0.95);
    expect(score.recall, context).toBeGreaterThanOrEqual(0.9);
  });
});
