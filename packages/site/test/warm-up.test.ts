import { describe, expect, it, vi } from 'vitest';
import { listFixtureSites, loadFixtureSite } from '@spideriq/testkit';
import { processPage } from '../src/page-work.js';
import { WARM_UP_PAGES, warmUpPage } from '../src/warm-up.js';

type PageWorkModule = typeof import('../src/page-work.js');

/** Every fixture page reduced by a fresh copy of the engine, after `before` ran in that copy. */
async function reduceAll(before: () => Promise<void>): Promise<unknown[]> {
  vi.resetModules();
  await before();
  const { processPage: reduce } = (await import('../src/page-work.js')) as PageWorkModule;
  return listFixtureSites().flatMap((name) =>
    loadFixtureSite(name).pages.map((page) => reduce({ url: page.url, html: page.html, compendium: { cleanup_level: 'fit', priority_sections: [] } })),
  );
}

describe('warmUp', () => {
  const samples = Array.from({ length: WARM_UP_PAGES }, (_, i) => warmUpPage(i));

  it('runs every extractor and the compendium: each sample page yields an email, a phone, an address, social profiles and markdown', () => {
    for (const sample of samples.slice(0, 6)) {
      const { extraction, section } = processPage(sample);
      expect(extraction.emails.length, sample.url).toBeGreaterThan(0);
      expect(extraction.phones.filter((p) => p.valid).length, sample.url).toBe(1);
      expect(extraction.addresses.length, sample.url).toBe(1);
      expect(extraction.socials.length, sample.url).toBe(3);
      expect(section?.blocks.length ?? 0, sample.url).toBeGreaterThan(10);
    }
  });

  it('reduces pages that differ from one another, so no memo answers for the code it is meant to compile', () => {
    expect(new Set(samples.map((s) => s.html)).size).toBe(WARM_UP_PAGES);
    expect(new Set(samples.map((s) => s.url)).size).toBe(WARM_UP_PAGES);
  });

  it('changes nothing a real page yields: the fixture sites reduce the same after a warm-up as on a fresh engine', async () => {
    const fresh = await reduceAll(async () => undefined);
    const warmed = await reduceAll(async () => {
      const { warmUp } = await import('../src/warm-up.js');
      warmUp();
    });
    expect(warmed.length).toBeGreaterThan(10);
    expect(warmed).toEqual(fresh);
  });
});
