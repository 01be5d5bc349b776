// Checks a built docs site: it must work offline and under any mount point (the server serves it at /docs/).
// Used by build.mjs after every build, by `pnpm --filter @spideriq/docs check`, and by test/check-site.test.mjs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// Elements whose URL attributes make the browser fetch something on page load.
const RESOURCE_TAGS = ['script', 'link', 'img', 'iframe', 'source', 'video', 'audio', 'embed', 'object', 'track', 'input', 'image', 'use'];
const RESOURCE_ATTRS = ['src', 'href', 'srcset', 'data', 'poster', 'xlink:href'];
const EXTERNAL = /^\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i;
const SCHEME = /^\s*[a-z][a-z0-9+.-]*:/i;

/** Every `<tag attr="url">` of the given tags in an HTML string, with the attribute it came from. */
export function urlAttributes(html, tags, attrs) {
  const found = [];
  const tagPattern = new RegExp(`<(${tags.join('|')})\\b([^>]*)>`, 'gi');
  for (const [, tag, rest] of html.matchAll(tagPattern)) {
    const attrPattern = /([a-z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
    for (const [, name, dq, sq, bare] of rest.matchAll(attrPattern)) {
      if (!attrs.includes(name.toLowerCase())) continue;
      const value = dq ?? sq ?? bare ?? '';
      const urls = name.toLowerCase() === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [value];
      for (const url of urls) found.push({ tag: tag.toLowerCase(), attr: name.toLowerCase(), url });
    }
  }
  return found;
}

/** Resource URLs (script, link, img, …) that point off the site: `http(s)://…` or protocol-relative `//…`. */
export function externalResources(html) {
  return urlAttributes(html, RESOURCE_TAGS, RESOURCE_ATTRS).filter(({ url }) => EXTERNAL.test(url));
}

/** `url(…)` and `@import` in CSS (or a style attribute) that point off the site. */
export function externalCssUrls(css) {
  const found = [];
  for (const [, , url] of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/gi)) if (EXTERNAL.test(url)) found.push(url);
  for (const [, url] of css.matchAll(/@import\s+(?:url\()?\s*['"]?([^'")\s;]+)/gi)) if (EXTERNAL.test(url)) found.push(url);
  return [...new Set(found)];
}

/** Links and resources starting with `/`: they break when the site is served below a prefix such as /docs/. */
export function rootAbsoluteUrls(html) {
  return urlAttributes(html, [...RESOURCE_TAGS, 'a', 'area', 'form'], [...RESOURCE_ATTRS, 'action']).filter(
    ({ url }) => url.startsWith('/') && !url.startsWith('//'),
  );
}

/** Relative links and resources whose target file is missing. */
export function brokenRelativeUrls(html, fileDir, siteDir) {
  const broken = [];
  for (const { tag, attr, url } of urlAttributes(html, [...RESOURCE_TAGS, 'a'], RESOURCE_ATTRS)) {
    if (url === '' || url.startsWith('#') || url.startsWith('/') || SCHEME.test(url)) continue;
    const path = decodeURIComponent(url.split(/[?#]/)[0] ?? '');
    if (path === '') continue;
    let target = resolve(fileDir, path);
    if (existsSync(target) && statSync(target).isDirectory()) target = join(target, 'index.html');
    if (!existsSync(target) || relative(siteDir, target).startsWith('..')) broken.push({ tag, attr, url });
  }
  return broken;
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

/**
 * Checks a built site and returns one line per problem (empty when the site is good):
 * no external resource anywhere, no root-absolute URL, no broken relative link in our own pages,
 * the required pages present, and the API reference carrying the results operation.
 */
export function checkSite(siteDir, { requiredPages = [], ownPages = [] } = {}) {
  const problems = [];
  const root = resolve(siteDir);
  if (!existsSync(root)) return [`${root} does not exist: build the site first`];
  for (const page of requiredPages) if (!existsSync(join(root, page))) problems.push(`missing page ${page}`);
  for (const file of walk(root)) {
    const name = relative(root, file);
    if (file.endsWith('.html')) {
      const html = readFileSync(file, 'utf8');
      for (const r of externalResources(html)) problems.push(`${name}: external <${r.tag} ${r.attr}="${r.url}">`);
      for (const url of externalCssUrls(html)) problems.push(`${name}: external CSS url ${url}`);
      for (const r of rootAbsoluteUrls(html)) problems.push(`${name}: root-absolute <${r.tag} ${r.attr}="${r.url}"> breaks under /docs/`);
      if (ownPages.includes(name)) {
        for (const r of brokenRelativeUrls(html, dirname(file), root)) problems.push(`${name}: broken link <${r.tag} ${r.attr}="${r.url}">`);
      }
    } else if (file.endsWith('.css')) {
      for (const url of externalCssUrls(readFileSync(file, 'utf8'))) problems.push(`${name}: external CSS url ${url}`);
    }
  }
  const reference = join(root, 'reference/index.html');
  if (existsSync(reference)) {
    const html = readFileSync(reference, 'utf8');
    if (!html.includes('"operationId":"getJobResults"')) problems.push('reference/index.html: the spec lacks operationId getJobResults');
    if (!/"?withDefaultFonts"?\s*:\s*false/.test(html)) problems.push('reference/index.html: Scalar must run with withDefaultFonts: false');
  }
  return problems;
}

// `node check-site.mjs [siteDir]`
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const siteDir = process.argv[2] ?? join(dirname(new URL(import.meta.url).pathname), 'site');
  const problems = checkSite(siteDir, { requiredPages: ['index.html', 'reference/index.html'] });
  for (const problem of problems) console.error(problem);
  if (problems.length) process.exitCode = 1;
  else console.log(`${siteDir}: no external resources, no root-absolute URLs, getJobResults present`);
}
