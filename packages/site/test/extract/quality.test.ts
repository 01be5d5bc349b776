import { describe, expect, it } from 'vitest';
import { QUALITY_FIELDS, formatQualityReport, scoreFixtureSites } from '../fixtures/quality.js';
import { listFixtureSites, loadFixtureSite } from '../fixtures/sites.js';
import { detectSpa } from '../../src/render/spa-detect.js';

/** The bar: precision ≥ 0.95 and recall ≥ 0.90 per field over the fixture sites. */
describe('extraction quality on the fixture sites', () => {
  const report = scoreFixtureSites();

  it('covers at least twenty sites and every field', () => {
    expect(report.sites).toBeGreaterThanOrEqual(20);
    expect(report.fields.map((f) => f.field)).toEqual([...QUALITY_FIELDS]);
    for (const field of report.fields) expect(field.tp + field.fn, `${field.field} has ground truth`).toBeGreaterThan(0);
  });

  it.each(QUALITY_FIELDS.map((f) => [f]))('%s: precision ≥ 0.95 and recall ≥ 0.90', (name) => {
    const score = report.fields.find((f) => f.field === name)!;
    const context = formatQualityReport(report);
    expect(score.precision, context).toBeGreaterThanOrEqual(0.95);
    expect(score.recall, context).toBeGreaterThanOrEqual(0.9);
  });

  it('sends every site whose contacts need JavaScript to the browser, and no other site', () => {
    for (const name of listFixtureSites()) {
      const site = loadFixtureSite(name);
      const needsBrowser = Object.values(site.renderedOnly).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)));
      const detected = site.pages.some((page) => detectSpa(page.html, { url: page.url }).isSpa);
      expect(detected, `${name}: detectSpa`).toBe(needsBrowser);
    }
  });
});
