import { generateBusinessSite } from './business-site.js';
import { parsePage } from '../src/extract/document.js';
import { readJsonLd } from '../src/extract/jsonld.js';
import { extractAddresses } from '../src/extract/addresses.js';
import { extractEmails } from '../src/extract/emails.js';
import { extractPhones } from '../src/extract/phones.js';
import { extractSocialCandidates } from '../src/extract/socials.js';
import { extractLogo } from '../src/extract/logo.js';
import { extractMeta } from '../src/extract/meta.js';
import { extractPage } from '../src/extract/page.js';
import { compendiumSection } from '../src/compendium/build.js';
import { processPage } from '../src/page-work.js';

const pages: Array<{ url: string; html: string }> = [];
for (let s = 0; s < 10; s++) {
  const origin = `http://127.0.0.1:${9000 + s}`;
  for (const [path, f] of generateBusinessSite(s, 50, origin).files) if (f.type.startsWith('text/html')) pages.push({ url: origin + path, html: f.body });
}
const ROUNDS = Number(process.argv[2] ?? 3);
const stages: Record<string, number> = {};
const time = <T>(name: string, fn: () => T): T => {
  const t = performance.now();
  const r = fn();
  stages[name] = (stages[name] ?? 0) + performance.now() - t;
  return r;
};
for (let i = 0; i < 2; i++) for (const p of pages) processPage({ ...p, compendium: { cleanup_level: 'fit', priority_sections: [] } });
for (const k of Object.keys(stages)) delete stages[k];
const t0 = performance.now();
for (let r = 0; r < ROUNDS; r++)
  for (const p of pages) {
    const doc = time('parse+text', () => parsePage(p.html, p.url));
    const jsonld = time('jsonld', () => readJsonLd(doc));
    time('addresses', () => extractAddresses(doc, jsonld));
    time('emails', () => extractEmails(doc, jsonld));
    time('phones', () => extractPhones(doc, jsonld, 'GB'));
    time('socials', () => extractSocialCandidates(doc, jsonld));
    time('logo', () => extractLogo(doc, jsonld));
    time('meta', () => extractMeta(doc));
    time('extractPage(all)', () => extractPage(p, doc));
    time('compendium', () => compendiumSection({ ...p, root: doc.root }, { cleanup_level: 'fit', priority_sections: [] }));
  }
const n = ROUNDS * pages.length;
console.log(`${pages.length} pages, avg ${(pages.reduce((a, p) => a + p.html.length, 0) / pages.length / 1024).toFixed(1)} KB`);
for (const [k, v] of Object.entries(stages)) console.log(`${k.padEnd(20)} ${(v / n).toFixed(3)} ms/page`);
const t1 = performance.now();
for (let r = 0; r < ROUNDS; r++) for (const p of pages) processPage({ ...p, compendium: { cleanup_level: 'fit', priority_sections: [] } });
console.log(`processPage          ${((performance.now() - t1) / n).toFixed(3)} ms/page`);
void t0;
