import { describe, expect, it } from 'vitest';
import { parsePage } from '../../src/extract/document.js';
import { readJsonLd } from '../../src/extract/jsonld.js';
import { extractSocialCandidates, pickSocialProfiles, brandTokens, handleMatchesBrand, type SocialCandidate } from '../../src/extract/socials.js';

function candidates(body: string, url = 'https://acme-bakery.com/', head = ''): SocialCandidate[] {
  const doc = parsePage(`<html><head>${head}</head><body>${body}</body></html>`, url);
  return extractSocialCandidates(doc, readJsonLd(doc));
}

const brands = brandTokens('https://acme-bakery.com/', ['Acme Bakery | Fresh bread']);

describe('extractSocialCandidates', () => {
  it('records the region of each link and JSON-LD sameAs', () => {
    const found = candidates(
      '<header><a href="https://instagram.com/acmebakery">IG</a></header><main><a href="https://twitter.com/someone">x</a></main><footer><a href="https://facebook.com/acmebakery">FB</a></footer>',
      'https://acme-bakery.com/',
      '<script type="application/ld+json">{"@type":"Bakery","sameAs":["https://www.linkedin.com/company/acme-bakery"]}</script>',
    );
    expect(found.map((c) => [c.platform, c.region])).toEqual([
      ['linkedin', 'jsonld'],
      ['instagram', 'header'],
      ['twitter', 'content'],
      ['facebook', 'footer'],
    ]);
  });

  it('ignores relative links and share buttons', () => {
    expect(candidates('<a href="/instagram">IG</a><a href="https://www.facebook.com/sharer.php?u=x">share</a>')).toEqual([]);
  });
});

describe('pickSocialProfiles', () => {
  it.each<[string, string, string | null]>([
    ['footer profile over an article link', '<main><a href="https://instagram.com/partnerfarm">farm</a></main><footer><a href="https://instagram.com/acmebakery">IG</a></footer>', 'https://www.instagram.com/acmebakery'],
    ['article-only link to someone else is not the company', '<main><p>Thanks <a href="https://instagram.com/partnerfarm">farm</a></p></main>', null],
    ['article-only link that matches the brand is kept', '<main><a href="https://instagram.com/acme.bakery">us</a></main>', 'https://www.instagram.com/acme.bakery'],
    ['brand match beats an unrelated footer link', '<footer><a href="https://instagram.com/bakersguild">guild</a><a href="https://instagram.com/acmebakery">us</a></footer>', 'https://www.instagram.com/acmebakery'],
  ])('%s', (_name, body, want) => {
    expect(pickSocialProfiles(candidates(body), brands).instagram).toBe(want);
  });

  it('prefers a company page to a person and keeps every platform key', () => {
    const picked = pickSocialProfiles(
      candidates('<footer><a href="https://linkedin.com/in/jane-doe">Jane</a><a href="https://linkedin.com/company/flour-power">Co</a></footer>'),
      brands,
    );
    expect(picked.linkedin).toBe('https://www.linkedin.com/company/flour-power');
    expect(Object.keys(picked)).toHaveLength(14);
    expect(picked.reddit).toBeNull();
  });

  it('counts pages: a profile linked from more pages wins', () => {
    const pages = [
      ...candidates('<footer><a href="https://facebook.com/one">1</a></footer>', 'https://x.com/a'),
      ...candidates('<footer><a href="https://facebook.com/two">2</a></footer>', 'https://x.com/b'),
      ...candidates('<footer><a href="https://facebook.com/two">2</a></footer>', 'https://x.com/c'),
    ];
    expect(pickSocialProfiles(pages, []).facebook).toBe('https://www.facebook.com/two');
  });
});

describe('handleMatchesBrand', () => {
  it.each([
    ['acmebakery', true],
    ['acme.bakery', true],
    ['acmebakeryldn', true],
    ['bakersguild', false],
    ['ac', false],
  ])('%s → %s', (handle, want) => {
    expect(handleMatchesBrand(handle, brands)).toBe(want);
  });
});

describe('credits', () => {
  it.each([
    ['Website by', '<footer><p>© 2024 Acme. Website by <a href="https://www.instagram.com/pixelranch/">Pixel Ranch</a></p></footer>'],
    ['Designed by', '<footer><p>Designed by <a href="https://twitter.com/studiox">Studio X</a></p></footer>'],
    ['Diseño web', '<footer><p>Diseño web: <a href="https://www.facebook.com/agenciaweb">Agencia</a></p></footer>'],
  ])('skips "%s" agency links', (_name, body) => {
    expect(candidates(body)).toEqual([]);
  });

  it('keeps ordinary footer links next to a credit', () => {
    const found = candidates('<footer><p><a href="https://instagram.com/acmebakery">Instagram</a></p><p>Site by <a href="https://instagram.com/pixelranch">Pixel Ranch</a></p></footer>');
    expect(found.map((c) => c.handle)).toEqual(['acmebakery']);
  });
});

describe('extractSocialCandidates: credit blocks and widgets', () => {
  it.each<[string, string, string[]]>([
    [
      'a theme author\'s profiles in a "Theme by" block',
      '<footer><ul class="social"><li><a href="https://facebook.com/acmebakery">FB</a></li></ul><div class="bottom"><p>Theme by <a href="https://themeforge.example">ThemeForge</a></p><p><a href="https://facebook.com/themeforge">f</a> <a href="https://twitter.com/themeforge">t</a></p></div></footer>',
      ['https://www.facebook.com/acmebakery'],
    ],
    [
      'a "Designed by" line with the studio\'s Instagram',
      '<footer><a href="https://instagram.com/acmebakery">IG</a><p class="legal">© 2024 Acme Bakery · Designed by <a href="https://instagram.com/pixelstudio">Pixel Studio</a></p></footer>',
      ['https://www.instagram.com/acmebakery'],
    ],
    [
      'a credit block named by its class',
      '<footer><a href="https://instagram.com/acmebakery">IG</a><div class="site-credits"><a href="https://www.linkedin.com/company/webwerk">WebWerk</a></div></footer>',
      ['https://www.instagram.com/acmebakery'],
    ],
    [
      'icon-only agency links in a social row after a "Designed and developed by" credit',
      '<footer><div class="social-links"><a href="https://instagram.com/acmebakery"><img alt="IG"></a></div><div class="footer-partner"><h4>Designed and developed by <a href="https://studio.example">Studio</a></h4><div class="social-links"><h6><a href="https://www.linkedin.com/company/studio-north/"><img alt="in"></a></h6></div></div></footer>',
      ['https://www.instagram.com/acmebakery'],
    ],
    [
      'a "Website by" block in German',
      '<footer><a href="https://facebook.com/acmebakery">FB</a><small>Webdesign umgesetzt von <a href="https://facebook.com/agenturnord">Agentur Nord</a></small></footer>',
      ['https://www.facebook.com/acmebakery'],
    ],
  ])('drops %s', (_name, body, want) => {
    expect(candidates(body).map((c) => c.url)).toEqual(want);
  });

  it('reads links inside an embedded feed as content, so the footer profile wins', () => {
    const found = candidates(
      '<footer><div class="instagram-feed"><a href="https://instagram.com/happycustomer">post</a><a href="https://instagram.com/happycustomer">post</a></div><a href="https://instagram.com/acme_breads">us</a></footer>',
    );
    expect(found.map((c) => [c.url, c.region])).toEqual([
      ['https://www.instagram.com/happycustomer', 'content'],
      ['https://www.instagram.com/happycustomer', 'content'],
      ['https://www.instagram.com/acme_breads', 'footer'],
    ]);
    expect(pickSocialProfiles(found, []).instagram).toBe('https://www.instagram.com/acme_breads');
  });

  it('keeps the company profile in a footer that also credits the agency in plain text', () => {
    const body = '<footer><p>Acme Bakery, 12 rue des Lilas, 69002 Lyon. Website by Pixel Ranch.</p><a href="https://facebook.com/acmebakery">FB</a></footer>';
    expect(candidates(body).map((c) => c.url)).toEqual(['https://www.facebook.com/acmebakery']);
  });
});

describe('extractSocialCandidates: links written oddly', () => {
  it.each<[string, string, string]>([
    ['a Markdown link left in an href', '<div><a href="[instagram.com](https://www.instagram.com/acme_breads?igsh=x1)">IG</a></div>', 'https://www.instagram.com/acme_breads'],
    ['a WhatsApp button that navigates in onclick', `<button onclick="window.location.href='https://wa.me/33643218765'">Chat</button>`, 'https://wa.me/33643218765'],
    ['a Facebook category page with an accented name', '<footer><a href="https://m.facebook.com/pages/category/Bakery/Boulangerie-Dorée-1234567890/">FB</a></footer>', 'https://www.facebook.com/pages/category/Bakery/Boulangerie-Dor%C3%A9e-1234567890'],
  ])('%s', (_name, body, want) => {
    expect(candidates(body).map((c) => c.url)).toEqual([want]);
  });

  it('treats a row of SNS icons in the content as the site chrome', () => {
    const found = candidates('<main><div class="phil-sns-btn"><a href="https://www.instagram.com/studio_hana2015/">IG</a></div></main>');
    expect(found.map((c) => c.region)).toEqual(['footer']);
    expect(pickSocialProfiles(found, []).instagram).toBe('https://www.instagram.com/studio_hana2015');
  });

  it('takes a WhatsApp link from the page content', () => {
    expect(pickSocialProfiles(candidates('<main><p><a href="https://wa.me/4915112345678">Chat</a></p></main>'), []).whatsapp).toBe('https://wa.me/4915112345678');
  });
});
