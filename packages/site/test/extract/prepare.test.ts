import { describe, expect, it, vi } from 'vitest';
import { listFixtureSites, loadFixtureSite } from '@spideriq/testkit';

type PageWorkModule = typeof import('../../src/page-work.js');

/** Every fixture page reduced by a fresh copy of the engine, after `before` ran in that copy. */
async function reduceAll(before: () => Promise<void>): Promise<unknown[]> {
  vi.resetModules();
  await before();
  const { processPage } = (await import('../../src/page-work.js')) as PageWorkModule;
  return listFixtureSites().flatMap((name) =>
    loadFixtureSite(name).pages.map((page) => processPage({ url: page.url, html: page.html, compendium: { cleanup_level: 'fit', priority_sections: [] } })),
  );
}

describe('prepareExtractors', () => {
  it('changes nothing any page yields: the fixture sites reduce the same with the tables built ahead or on demand', async () => {
    const onDemand = await reduceAll(async () => undefined);
    const ahead = await reduceAll(async () => {
      const { prepareExtractors } = await import('../../src/extract/prepare.js');
      prepareExtractors();
      prepareExtractors();
    });
    expect(ahead.length).toBeGreaterThan(10);
    expect(ahead).toEqual(onDemand);
  });

  it('leaves a page that carries its own sample lines read as any other page', async () => {
    vi.resetModules();
    const { prepareExtractors } = await import('../../src/extract/prepare.js');
    const { addressesInText } = await import('../../src/extract/address-text.js');
    const { phonesInText } = await import('../../src/extract/phones.js');
    prepareExtractors();
    expect(addressesInText('Besuchen Sie uns: Musterweg 12, 47051 Duisburg')).toEqual(['Musterweg 12, 47051 Duisburg']);
    expect(phonesInText('Call 020 7946 0000', 'GB').map((p) => p.e164)).toEqual(['+442079460000']);
  });
});
