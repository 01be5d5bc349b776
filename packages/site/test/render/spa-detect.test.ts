import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSpa, needsBrowser } from '../../src/render/spa-detect.js';

const prose = '<p>' + 'We fix leaking pipes, boilers and radiators across Leeds. '.repeat(30) + '</p>';

describe('detectSpa', () => {
  it.each([
    ['empty React root', '<html><body><div id="root"></div><script src="/static/js/main.js"></script></body></html>', true, []],
    ['Vue app shell', '<html><body><div id="app"></div><script src="/js/app.js"></script></body></html>', true, ['vue']],
    ['Angular shell', '<html><body><app-root ng-version="17.0.0"></app-root></body></html>', true, ['angular']],
    ['noscript notice', '<html><body><noscript>Please enable JavaScript to run this app.</noscript><div id="mount"></div></body></html>', true, []],
    ['Next.js page with little text', '<html><body><div id="__next"><div>Loading…</div></div><script id="__NEXT_DATA__" type="application/json">{}</script></body></html>', true, ['next']],
    ['Wix page with little text', '<html><head><script src="https://static.parastorage.com/x.js"></script></head><body><div>Menu</div></body></html>', true, ['wix']],
    ['server-rendered Next.js page', `<html><body><div id="__next">${prose}</div><script id="__NEXT_DATA__">{}</script></body></html>`, false, ['next']],
    ['server-rendered Shopify shop', `<html><head><link href="https://cdn.shopify.com/s/x.css"></head><body>${prose}</body></html>`, false, ['shopify']],
    ['plain WordPress page', `<html><body><header>Plumbing Co</header>${prose}<footer>© 2024</footer></body></html>`, false, []],
  ])('%s', (_name, html, isSpa, markers) => {
    const verdict = detectSpa(html);
    expect(verdict.isSpa).toBe(isSpa);
    for (const marker of markers) expect(verdict.markers).toContain(marker);
  });
});

const header = '<header><a href="/">Bäckerei Sonnenschein</a><nav><a href="/">Start</a> <a href="/kontakt">Kontakt</a> <a href="/team">Team</a></nav></header>';
const intro = '<p>' + 'Frisches Brot aus dem Holzofen, jeden Morgen ab sechs Uhr. '.repeat(6) + '</p>';

describe('detectSpa: pages with some static text whose contacts still need JavaScript', () => {
  it.each<[string, string, string | undefined, string | null]>([
    ['an app root with a loading text and a hashed bundle', `<html><body>${header}<div id="root"><p>Wird geladen…</p>${intro}</div><script src="/static/js/main.4f2a9c1e.js"></script></body></html>`, undefined, 'app-shell'],
    ['a Vite module entry under a server-rendered header', `<html><body>${header}<div id="app">${intro}</div><script type="module" src="/assets/index-BX12cd.js"></script></body></html>`, undefined, 'app-shell'],
    ['a French "activez JavaScript" notice beside some text', `<html><body>${header}${intro}<noscript><p>Pour voir nos coordonnées, activez JavaScript dans votre navigateur.</p></noscript><script src="/site.js"></script></body></html>`, undefined, 'noscript'],
    ['a German "JavaScript aktivieren" notice', `<html><body>${header}${intro}<noscript>Bitte JavaScript aktivieren, um die Karte zu sehen.</noscript><script src="/site.js"></script></body></html>`, undefined, 'noscript'],
    ['an empty footer that a script fills', `<html><body>${header}<main>${intro}${intro}${intro}</main><footer>\n</footer><script src="js/footer/footer.js"></script></body></html>`, undefined, 'empty-slot'],
    ['header and footer partials loaded into data-partial slots', `<html><body><div data-partial="header"></div><main>${intro}${intro}</main><div data-partial="footer"></div><script src="./assets/js/main.js"></script></body></html>`, undefined, 'empty-slot'],
    ['a mount div for the site footer', `<html><body><div id="site-header-mount"></div><main>${intro}</main><div id="site-footer-mount"></div><script defer src="/assets/js/site-include.js"></script></body></html>`, undefined, 'empty-slot'],
    ['a body with only an empty div and a script', '<html><body><div id="content"></div><script src="main.js"></script></body></html>', undefined, 'empty-shell'],
    ['a link to its own #footer that the HTML lacks, beside a WhatsApp button', `<html><body>${header.replace('/team', 'index.html#footer')}<main>${intro}<a href="https://wa.me/491711234568">+49 171 1234568</a></main><script src="app.js" defer></script></body></html>`, 'https://baeckerei.example/', 'missing-section'],
    ['a contact page whose main content is empty', `<html><body>${header}<main><h1>Kontakt</h1><div class="form-embed"></div></main><footer>${intro}</footer><script src="/widgets.js"></script></body></html>`, 'https://baeckerei.example/kontakt', 'empty-contact-page'],
  ])('renders %s', (_name, html, url, reason) => {
    const verdict = detectSpa(html, url ? { url } : {});
    expect(verdict.reason).toBe(reason);
    expect(verdict.isSpa).toBe(true);
  });

  it.each<[string, string, string | undefined]>([
    ['an app root whose HTML already has the contacts', `<html><body>${header}<div id="root">${intro}<p>Telefon 030 2345 6789 · <a href="mailto:info@baeckerei.example">info@baeckerei.example</a></p></div><script src="/static/js/main.4f2a9c1e.js"></script></body></html>`, undefined],
    ['a contact page with its details in the HTML', `<html><body>${header}<main><h1>Kontakt</h1><p>Musterweg 12, 47051 Duisburg</p><p><a href="tel:+492031234567">0203 1234567</a></p></main><script src="/site.js"></script></body></html>`, 'https://baeckerei.example/kontakt'],
    ['a short static blog page without an app', `<html><body>${header}<main>${intro}</main><script src="/analytics.js"></script></body></html>`, 'https://baeckerei.example/blog/brot'],
    ['an empty page that is not a contact page', `<html><body>${header}<main></main><footer>${intro}</footer><script src="/site.js"></script></body></html>`, 'https://baeckerei.example/tag/news'],
    ['a link to its own #kontakt section that the HTML has', `<html><body>${header.replace('/team', '#kontakt')}<main>${intro}</main><section id="kontakt">${intro}</section><script src="/site.js"></script></body></html>`, 'https://baeckerei.example/'],
    ['a link to another page\'s #footer', `<html><body>${header.replace('/team', 'index.html#footer')}<main>${intro}<p>Telefon 030 2345 6789</p></main><script src="/site.js"></script></body></html>`, 'https://baeckerei.example/brot.html'],
    ['an empty footer on a page whose contacts are already in the HTML', `<html><body>${header}<main>${intro}<p>Telefon 030 2345 6789</p></main><footer></footer><script src="/site.js"></script></body></html>`, undefined],
  ])('leaves %s to plain HTTP', (_name, html, url) => {
    expect(detectSpa(html, url ? { url } : {}).isSpa).toBe(false);
  });
});

/** Fragments that exercise every rule: tags, hidden blocks (closed or not), references, odd spaces, markers, contacts, slots, links. */
const FRAGMENT = fc.constantFrom(
  '<body>', '</body>', '<BODY class="x">', '<p>', '</p>', '<div id="root">', '</div>', '<', '>', '<a href="#footer">', '<a href="/other#kontakt">', '</a>',
  '<script>', '<script src="/main.4f2a9c1e.js">', '</script>', '</script >', '<SCRIPT type="module" src="/assets/index-ab.js">', '<style>', '</style>', '<svg>', '</svg>', '<scripts>',
  '<noscript>Please enable JavaScript</noscript>', '<template>', '</template>', '<footer>', '</footer>', '<footer></footer>', '<div data-include="f.html"></div>', '<main>', '</main>',
  '&amp;', '&', ';', '&#64;', '&x', ' ', '  ', '\n', '\t', '\u00a0', '\u3000', '\ufeff', 'word', 'Ünïcödé', '日本',
  'mailto:a@b.co', 'tel:', 'info@acme.de', 'info [at] acme.de', '+49 30 1234 5678', '030 12345678', '0', '1',
  'id="__NEXT_DATA__"', 'wix-thunderbolt', 'ng-version="1"', 'Loading…', 'Lorem ipsum dolor sit amet, '.repeat(12),
);
const document = fc.array(FRAGMENT, { maxLength: 60 }).map((parts) => parts.join(''));
const URLS = fc.constantFrom(undefined, 'https://acme.example/', 'https://acme.example/kontakt', 'https://acme.example/blog/x');

/** The text length the rules were written against: the plain whole-text passes. */
const referenceLength = (html: string): number =>
  (/<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html)
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim().length;

describe('detectSpa and needsBrowser read the page the same way as the plain passes', () => {
  it('textLength is the length of the plain passes\' text', () => {
    fc.assert(
      fc.property(document, (html) => {
        expect(detectSpa(html).textLength).toBe(referenceLength(html));
      }),
      { numRuns: 3000 },
    );
  });

  it('needsBrowser answers what detectSpa decides, reading fewer facts', () => {
    let spa = 0;
    fc.assert(
      fc.property(document, URLS, (html, url) => {
        const verdict = detectSpa(html, url ? { url } : {});
        if (verdict.isSpa) spa++;
        expect(needsBrowser(html, url ? { url } : {})).toBe(verdict.isSpa);
      }),
      { numRuns: 3000 },
    );
    // Both answers occur, so the property is not trivially true.
    expect(spa).toBeGreaterThan(100);
    expect(spa).toBeLessThan(2900);
  });
});
