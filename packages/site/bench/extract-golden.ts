import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listFixtureSites, loadFixtureSite } from '@spideriq/testkit';
import { generateBusinessSite } from './business-site.js';
import { processPage } from '../src/page-work.js';

/**
 * A refactoring check for the page work: `tsx bench/extract-golden.ts <out.json> [html-dir]` writes
 * what `processPage` yields (the extraction and the compendium section at every cleanup level) for
 * every fixture page, every generated bench page and every HTML file under `html-dir` (e.g. the real
 * corpus's snapshots, extracted outside the repo). Run it before and after a change; diff the files.
 */
const pages: Array<{ url: string; html: string }> = [];
for (const name of listFixtureSites()) pages.push(...loadFixtureSite(name).pages);
for (let s = 0; s < 10; s++) {
  const origin = `http://127.0.0.1:${9000 + s}`;
  for (const [path, f] of generateBusinessSite(s, 50, origin).files) if (f.type.startsWith('text/html')) pages.push({ url: origin + path, html: f.body });
}
const extra = process.argv[3];
const walk = (dir: string): void => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.html?$/.test(name)) pages.push({ url: `http://127.0.0.1:8080/${relative(extra!, path)}`, html: readFileSync(path, 'utf8') });
  }
};
if (extra) walk(extra);
const out: Record<string, unknown> = {};
for (const page of pages) {
  out[page.url] = (['fit', 'raw', 'citations', 'minimal'] as const).map((cleanup_level) => processPage({ ...page, compendium: { cleanup_level, priority_sections: ['contact'] } }));
}
const file = process.argv[2] ?? '/tmp/golden.json';
writeFileSync(file, JSON.stringify(out, null, 1));
console.log(`${pages.length} pages written to ${file}`);
