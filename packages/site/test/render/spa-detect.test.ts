import { describe, expect, it } from 'vitest';
import { detectSpa } from '../../src/render/spa-detect.js';

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
