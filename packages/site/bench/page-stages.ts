import { generateBusinessSite } from './business-site.js';
import { parsePage } from '../src/extract/document.js';
import { readJsonLd } from '../src/extract/jsonld.js';
import { extractAddresses } from '../src/extract/addresses.js';
import { extractEmails } from '../src/extract/emails.js';
import { extractPhones } from '../src/extract/phones.js';
import { extractSocialCandidates } from '../src/extract/socials.js';
import { extractLogo } from '../src/extract/logo.js';
import { extractMeta } from '../src/extract/meta.js';
import { compendiumSection } from '../src/compendium/build.js';
import { processPage, type PageWork } from '../src/page-work.js';

/**
 * Per-stage CPU of reducing a page, in process: `tsx bench/page-stages.ts [rounds]`. Each round reads 10 sites
 * it has not seen (as a fresh server does in `bench:crawl`), so the memos only help within a site; the
 * warm-up reads other sites, so the code is compiled before the clock starts.
 */
const sitePages = (first: number): Array<{ url: string; html: string }> => {
  const out: Array<{ url: string; html: string }> = [];
  for (let s = first; s < first + 10; s++) {
    const origin = `http://127.0.0.1:${9000 + (s % 10)}`;
    for (const [path, f] of generateBusinessSite(s, 50, origin).files) if (f.type.startsWith('text/html')) out.push({ url: origin + path, html: f.body });
  }
  return out;
};
const ROUNDS = Number(process.argv[2] ?? 3);
const rounds = Array.from({ length: ROUNDS }, (_, r) => sitePages(10 + r * 10));
const options: NonNullable<PageWork['compendium']> = { cleanup_level: 'fit', priority_sections: [] };
for (const p of sitePages(1000)) processPage({ ...p, compendium: options });
const stages: Record<string, number> = {};
const time = <T>(name: string, fn: () => T): T => {
  const t = performance.now();
  const r = fn();
  stages[name] = (stages[name] ?? 0) + performance.now() - t;
  return r;
};
for (const pages of rounds)
  for (const p of pages) {
    const doc = time('parse+text', () => parsePage(p.html, p.url));
    const jsonld = time('jsonld', () => readJsonLd(doc));
    time('addresses', () => extractAddresses(doc, jsonld));
    time('emails', () => extractEmails(doc, jsonld));
    time('phones', () => extractPhones(doc, jsonld, 'GB'));
    time('socials', () => extractSocialCandidates(doc, jsonld));
    time('logo', () => extractLogo(doc, jsonld));
    time('meta', () => extractMeta(doc));
    time('compendium', () => compendiumSection({ ...p, root: doc.root }, options));
  }
const pages = rounds.flat();
const n = pages.length;
console.log(`${n} pages in ${ROUNDS} rounds, avg ${(pages.reduce((a, p) => a + p.html.length, 0) / n / 1024).toFixed(1)} KB`);
for (const [k, v] of Object.entries(stages)) console.log(`${k.padEnd(20)} ${(v / n).toFixed(3)} ms/page`);
// processPage whole, on sites of its own (the stages above have filled the memos with theirs)
const whole = Array.from({ length: ROUNDS }, (_, r) => sitePages(500 + r * 10)).flat();
const t1 = performance.now();
for (const p of whole) processPage({ ...p, compendium: options });
console.log(`processPage          ${((performance.now() - t1) / whole.length).toFixed(3)} ms/page`);
