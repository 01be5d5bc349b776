import { prepareExtractors } from './extract/index.js';
import { processPage } from './page-work.js';
import type { PageWork } from './page-work.js';

/**
 * Pages a thread reduces before it says it is ready. V8 runs new code in its interpreter and compiles
 * the hot functions only after they have run many times: a fresh server's first hundred pages cost about
 * twice a later page (8 ms, then 2–4 ms, against 1.5 ms). Sixty pages move that cost to start-up
 * (about 0.2 s), before the server answers its first request; more than that gained nothing measurable.
 */
export const WARM_UP_PAGES = 60;

/** One made-up organisation per country shape the extractors tell apart. */
const PLACES = [
  { lang: 'de', tld: 'de', address: ['Lindenallee 14', '50667 Köln'], phone: '0221 987 6543', label: 'Anschrift', tel: 'Telefon' },
  { lang: 'fr', tld: 'fr', address: ['8 rue des Tanneurs', '69002 Lyon'], phone: '04 78 12 34 56', label: 'Adresse', tel: 'Téléphone' },
  { lang: 'en-GB', tld: 'co.uk', address: ['22 Market Street', 'Ashford, Kent, TN23 1PB'], phone: '01233 612345', label: 'Address', tel: 'Phone' },
  { lang: 'en-US', tld: 'com', address: ['1450 W Oak Ave', 'Tucson, AZ 85705'], phone: '(520) 555-0142', label: 'Address', tel: 'Call us' },
  { lang: 'es', tld: 'es', address: ['Calle de Alcalá 120', '28009 Madrid'], phone: '912 345 678', label: 'Dirección', tel: 'Teléfono' },
  { lang: 'ja', tld: 'jp', address: ['〒530-0001 大阪府大阪市北区梅田2-4-9'], phone: '06-6345-1234', label: '住所', tel: '電話' },
] as const;

const WORDS = 'we plan build and repair gardens roofs kitchens and offices for families schools and small firms across the region since our founding every project starts with a visit a written quote and a fixed date'.split(' ');

/** A sentence of `n` words starting at word `from`: varied text, so no memo answers for the warm-up. */
const sentence = (from: number, n: number): string => {
  const words = Array.from({ length: n }, (_, i) => WORDS[(from + i * 7) % WORDS.length]!);
  return `${words.join(' ')}.`.replace(/^./, (c) => c.toUpperCase());
};

/**
 * The `index`-th sample page: site chrome (navigation, a footer with the address, phones, emails and
 * social profiles, a credit line), a cookie banner, JSON-LD, Open Graph tags, a style sheet, headings,
 * paragraphs, a list, a table, a quote, a figure and related links, as the extractors and the compendium
 * meet them on small-business sites. Our own words; nothing is fetched.
 */
export function warmUpPage(index: number): PageWork {
  const place = PLACES[index % PLACES.length]!;
  const host = `warm-up-sample-${index % PLACES.length}.${place.tld}`;
  const origin = `https://${host}`;
  const name = `Sample Works ${index % PLACES.length}`;
  const path = index < PLACES.length ? '/' : `/page-${index}`;
  const nav = ['services', 'projects', 'team', 'prices', 'contact', 'imprint'].map((p) => `<li><a href="/${p}">${p}</a></li>`).join('');
  const paragraphs = Array.from({ length: 24 }, (_, i) => `<p>${sentence(index + i, 18 + (i % 5))} <a href="/projects/${index}-${i}">${sentence(i, 3)}</a> ${sentence(index * 3 + i, 12)}</p>`).join('\n');
  const items = Array.from({ length: 6 }, (_, i) => `<li><strong>${sentence(index + i, 2)}</strong> ${sentence(i * 5 + index, 9)}</li>`).join('');
  const rows = Array.from({ length: 4 }, (_, i) => `<tr><td>${sentence(i + index, 2)}</td><td>${(i + 1) * 40 + index} €</td></tr>`).join('');
  const jsonLd = JSON.stringify({ '@context': 'https://schema.org', '@type': 'LocalBusiness', name, url: origin, telephone: place.phone, email: `office@${host}` });
  const css = Array.from({ length: 40 }, (_, i) => `.b${i}{margin:${i % 7}px;color:#${(i * 40503 + index).toString(16).padStart(6, '0').slice(-6)}}`).join('');
  const cards = Array.from({ length: 10 }, (_, i) => `<li><a href="/projects/${index}-${i}/" class="card"><span>${sentence(index + i * 3, 2)}</span></a></li>`).join('');
  const html = `<!doctype html><html lang="${place.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name} | ${sentence(index, 3)}</title><meta name="description" content="${sentence(index + 2, 14)}">
<meta property="og:title" content="${name}"><meta property="og:site_name" content="${name}"><meta property="og:url" content="${origin}${path}"><meta property="og:image" content="${origin}/og.jpg">
<link rel="canonical" href="${origin}${path}"><link rel="icon" href="/favicon.png"><link rel="stylesheet" href="/theme.css?v=2">
<script type="application/ld+json">${jsonLd}</script><style>${css}</style></head>
<body class="page page-${index}"><a class="skip" href="#main">Skip</a><header class="site-header"><div class="wrap"><a href="/"><img src="/logo.png" alt="${name} logo" class="logo"></a><nav aria-label="Main"><ul>${nav}</ul></nav></div></header>
<main id="main"><article><div class="hero b${index % 40}"><h1>${sentence(index, 4)}</h1><p class="lead"><em>${sentence(index + 9, 10)}</em></p><a class="button" href="/contact">${sentence(3, 2)}</a></div>
<section class="text">${paragraphs}</section>
<section><h2>${sentence(index + 1, 3)}</h2><ul>${items}</ul></section>
<section><h3>${sentence(index + 2, 2)}</h3><table><thead><tr><th>Service</th><th>Price</th></tr></thead><tbody>${rows}</tbody></table></section>
<blockquote><p>${sentence(index + 5, 16)}</p><cite>${sentence(index, 2)}</cite></blockquote><figure><img src="/photos/${index}.jpg" srcset="/photos/${index}@2x.jpg 2x" alt="${sentence(index, 4)}"><figcaption>${sentence(index + 4, 6)}</figcaption></figure></article>
<aside class="related"><h2>Related</h2><ul>${cards}</ul></aside>
<section id="contact"><h2>${place.label}</h2><p>${name}<br>${place.address.join('<br>')}</p>
<p>${place.tel}: ${place.phone}<br>E-Mail: info (at) warm-up-sample-${index % PLACES.length} (dot) ${place.tld}</p>
<form action="/send"><label>Name <input name="name"></label><button>Send</button></form></section></main>
<footer class="site-footer"><div class="footer-col"><p>© ${name} · <a href="mailto:hello@${host}">hello@${host}</a> · <a href="tel:${place.phone.replace(/[^\d+]/g, '')}">${place.phone}</a></p><p>Mon–Fri 8:00–17:00</p></div>
<div class="footer-col social"><ul><li><a href="https://www.facebook.com/samplewarmup${index % PLACES.length}">Facebook</a></li><li><a href="https://www.instagram.com/sample.warmup${index % PLACES.length}/">Instagram</a></li><li><a href="https://www.linkedin.com/company/sample-warm-up-${index % PLACES.length}">LinkedIn</a></li></ul></div>
<p class="credit">Site by <a href="https://www.facebook.com/sample-warm-up-studio">a studio</a></p></footer>
<div class="cookie-banner" id="cookie-consent"><p>${sentence(index + 7, 12)}</p><button>Accept</button><button>Decline</button></div><script src="/theme.js" defer></script></body></html>`;
  return { url: `${origin}${path}`, html, compendium: { cleanup_level: 'fit', priority_sections: [] } };
}

/**
 * Makes a thread ready to reduce pages at full speed: the extractors' tables are loaded
 * (`prepareExtractors`) and `WARM_UP_PAGES` sample pages are reduced, so V8 has compiled the per-page
 * code before the first real page. The results are thrown away; the memos keep a few sample blocks,
 * which later pages push out.
 */
export function warmUp(pages = WARM_UP_PAGES): void {
  prepareExtractors();
  for (let i = 0; i < pages; i++) processPage(warmUpPage(i));
}
