import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../scripts/real/corpus.js';
import { isLoopback, loopbackResolver } from '../../scripts/real/loopback.js';
import { addressText, profileKey, sameAddress, sameSocial } from '../../scripts/real/match.js';
import { SnapshotError, extractWebRoot } from '../../scripts/real/snapshot.js';
import { localiseLinks } from '../../scripts/real/static-site.js';
import { applyRedirects, parseRedirects } from '../../scripts/real/netlify-redirects.js';

describe('real-corpus address matching', () => {
  it('matches when every number and half the words of the label are in the found address', () => {
    expect(sameAddress('Kanzlei Buhlke, Wundtstr. 40-44, 14057 Berlin, Deutschland', 'Wundtstraße 40-44, 14057 Berlin')).toBe(true);
    expect(sameAddress('76437 Rastatt Hindenburgstrasse 2', 'Hindenburgstrasse 2, 76437 Rastatt')).toBe(true);
    expect(sameAddress('Halasova 894/2, 46006 Liberec 6', 'Halasova 894/2, Liberec 6, 460 06')).toBe(true);
    expect(sameAddress('〒657-0805 兵庫県神戸市灘区青谷町1丁目1-1', '〒657-0805 兵庫県神戸市灘区青谷町１丁目１−1')).toBe(true);
  });
  it('rejects a found address missing the house number or postcode, or a city-only fragment', () => {
    expect(sameAddress('Wundtstraße 40, 14057 Berlin', 'Wundtstraße 40-44, 14057 Berlin')).toBe(false);
    expect(sameAddress('14057 Berlin', 'Wundtstraße 40-44, 14057 Berlin')).toBe(false);
    expect(sameAddress('Kassel, Hessen', 'Hoheneicher Str. 9, 34127 Kassel')).toBe(false);
  });
  it('normalises street suffixes, diacritics and width', () => {
    expect(addressText('Osnabrücker Straße 7')).toBe(addressText('Osnabrucker Str. 7'));
  });
});

describe('real-corpus social matching', () => {
  it('ignores scheme, www/m/country subdomains, x.com, query and trailing slash', () => {
    expect(profileKey('https://m.facebook.com/pages/category/Pub/Couleur-Caf%C3%A9-921468631332458/?locale2=fr_FR')).toBe(
      'facebook.com/pages/category/pub/couleur-café-921468631332458',
    );
    expect(sameSocial('twitter https://x.com/janasnehi123', 'twitter https://twitter.com/janasnehi123/')).toBe(true);
    expect(sameSocial('pinterest https://pinterest.com/garantihavuztr', 'pinterest https://tr.pinterest.com/garantihavuztr/')).toBe(true);
    expect(sameSocial('whatsapp https://wa.me/551144850597', 'whatsapp https://api.whatsapp.com/send?phone=551144850597')).toBe(true);
    expect(sameSocial('whatsapp https://wa.me/+201004717276?text=x', 'whatsapp https://wa.me/201004717276')).toBe(true);
    expect(sameSocial('facebook https://www.facebook.com/profile.php?id=1&ref=x', 'facebook https://facebook.com/profile.php?id=1')).toBe(true);
  });
  it('keeps a truncated non-ASCII path apart from the full one, and platforms apart', () => {
    expect(sameSocial('facebook https://www.facebook.com/pages/category/Pub', 'facebook https://m.facebook.com/pages/category/Pub/Couleur-Caf%C3%A9-1/')).toBe(false);
    expect(sameSocial('instagram https://instagram.com/a', 'tiktok https://instagram.com/a')).toBe(false);
  });
});

describe('real-corpus serving stays on loopback', () => {
  it('points absolute self-links at the local origin and leaves other hosts alone', () => {
    const html = '<a href="https://www.buhlke.de/kontakt">k</a> <a href="//buhlke.de">h</a> <a href="https://facebook.com/buhlke.de">f</a>';
    expect(localiseLinks(html, 'www.buhlke.de', 'http://www.buhlke.de:4000', null)).toBe(
      '<a href="http://www.buhlke.de:4000/kontakt">k</a> <a href="http://www.buhlke.de:4000">h</a> <a href="https://facebook.com/buhlke.de">f</a>',
    );
    expect(localiseLinks('<a href="https://me.github.io/shop/about.html">', 'me.github.io', 'http://me.github.io:5', 'shop')).toBe(
      '<a href="http://me.github.io:5/about.html">',
    );
  });
  it('resolves only the site under test, to 127.0.0.1', async () => {
    const resolve = loopbackResolver(['buhlke.de', 'www.buhlke.de']);
    await expect(resolve('WWW.buhlke.de')).resolves.toEqual([{ address: '127.0.0.1', family: 4 }]);
    await expect(resolve('fonts.googleapis.com')).rejects.toThrow(/Refused to resolve/);
    expect(isLoopback('127.8.0.1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('10.0.0.1')).toBe(false);
  });
});

describe('real-corpus serving obeys a Netlify _redirects file', () => {
  const rules = parseRedirects('# SPA\n/old-page   /about   301\n/blog/:slug  /posts/:slug.html  200\n/*    /index.html   200\n');
  it('serves the app for a client-side route, but a file that exists wins', () => {
    expect(applyRedirects(rules, '/contact', false)).toEqual({ to: '/index.html', status: 200 });
    expect(applyRedirects(rules, '/assets/app.js', true)).toBeNull();
  });
  it('fills :name placeholders and keeps the first matching rule', () => {
    expect(applyRedirects(rules, '/blog/opening-hours', false)).toEqual({ to: '/posts/opening-hours.html', status: 200 });
    expect(applyRedirects(rules, '/old-page', false)).toEqual({ to: '/about', status: 301 });
  });
});

describe('the real-site corpus files', () => {
  it('all parse: pins are 40-hex commits, phones E.164, socials on the 14 platforms', () => {
    const sites = loadCorpus();
    expect(sites.length).toBeGreaterThan(0);
    expect(new Set(sites.map((s) => s.id)).size).toBe(sites.length);
  });
});

describe('real-corpus snapshots', () => {
  it('refuses, with a fetch hint, a site whose snapshot was never fetched', () => {
    const site = loadCorpus()[0]!;
    let error: unknown;
    try {
      extractWebRoot(site, '/tmp/never-written', '/nonexistent-mirror-root');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SnapshotError);
    expect((error as SnapshotError).code).toBe('not_fetched');
    expect((error as SnapshotError).message).toContain(`github:${site.repo}`);
  });
});
