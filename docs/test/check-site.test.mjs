// Proves the offline check catches what it must: run with `node --test test/` (pnpm --filter @spideriq/docs test).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { brokenRelativeUrls, checkSite, externalCssUrls, externalResources, rootAbsoluteUrls } from '../check-site.mjs';

describe('externalResources', () => {
  const cases = [
    ['script from a CDN', '<script src="https://cdn.jsdelivr.net/npm/@scalar/api-reference"></script>', ['https://cdn.jsdelivr.net/npm/@scalar/api-reference']],
    ['stylesheet over http', "<link rel='stylesheet' href='http://fonts.googleapis.com/css'>", ['http://fonts.googleapis.com/css']],
    ['protocol-relative image', '<img alt="" src=//example.com/a.png>', ['//example.com/a.png']],
    ['srcset candidate', '<img srcset="a.png 1x, https://example.com/b.png 2x">', ['https://example.com/b.png']],
    ['upper-case tag', '<SCRIPT SRC="https://x.test/a.js"></SCRIPT>', ['https://x.test/a.js']],
    ['relative script', '<script src="scalar.js"></script>', []],
    ['data: icon', '<link rel="icon" href="data:image/x-icon;base64,AAA">', []],
    ['external anchor (no request)', '<a href="https://html.spec.whatwg.org/">spec</a>', []],
  ];
  for (const [name, html, want] of cases) {
    it(name, () => assert.deepEqual(externalResources(html).map((r) => r.url), want));
  }
});

describe('externalCssUrls', () => {
  it('finds url() and @import off the site', () => {
    const css = '@import url("https://fonts.x/a.css"); a{background:url(//cdn.x/b.png)} b{background:url(img/c.png)}';
    assert.deepEqual(externalCssUrls(css).sort(), ['//cdn.x/b.png', 'https://fonts.x/a.css']);
  });
});

describe('rootAbsoluteUrls', () => {
  it('flags /paths that would break under /docs/', () => {
    const html = '<a href="/guides/quickstart.html">q</a><a href="../index.html">h</a><script src="/assets/x.js"></script>';
    assert.deepEqual(rootAbsoluteUrls(html).map((r) => r.url), ['/guides/quickstart.html', '/assets/x.js']);
  });
});

describe('checkSite', () => {
  function site(files) {
    const dir = mkdtempSync(join(tmpdir(), 'docs-check-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }
  const reference = '<script id="spec" type="application/json">{"paths":{"/r":{"get":{"operationId":"getJobResults"}}}}</script><script src="scalar.js"></script><script>Scalar.createApiReference("#app",{"withDefaultFonts":false})</script>';

  it('passes a good site', () => {
    const dir = site({ 'index.html': '<a href="reference/index.html">api</a>', 'reference/index.html': reference, 'reference/scalar.js': '' });
    try {
      assert.deepEqual(checkSite(dir, { requiredPages: ['index.html'], ownPages: ['index.html'] }), []);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('reports every kind of problem', () => {
    const dir = site({
      'index.html': '<a href="guides/missing.html">x</a><link rel="stylesheet" href="https://cdn.test/a.css">',
      'assets/a.css': 'body{background:url(https://cdn.test/b.png)}',
      'reference/index.html': reference.replace('getJobResults', 'getJobStatus').replace('false', 'true'),
    });
    try {
      const problems = checkSite(dir, { requiredPages: ['guides/quickstart.html'], ownPages: ['index.html'] });
      assert.deepEqual(problems.sort(), [
        'assets/a.css: external CSS url https://cdn.test/b.png',
        'index.html: broken link <a href="guides/missing.html">',
        'index.html: external <link href="https://cdn.test/a.css">',
        'missing page guides/quickstart.html',
        'reference/index.html: Scalar must run with withDefaultFonts: false',
        'reference/index.html: the spec lacks operationId getJobResults',
      ]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('brokenRelativeUrls', () => {
  it('resolves directories to their index.html and ignores anchors and schemes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docs-links-'));
    try {
      mkdirSync(join(dir, 'api'));
      writeFileSync(join(dir, 'api/index.html'), '');
      const html = '<a href="api/">a</a><a href="#top">t</a><a href="mailto:x@y.z">m</a><a href="nope.html#x">n</a>';
      assert.deepEqual(brokenRelativeUrls(html, dir, dir).map((r) => r.url), ['nope.html#x']);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
