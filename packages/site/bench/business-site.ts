/**
 * Deterministic synthetic small-business websites for the API benchmark: each site has `pages`
 * pages of 20-60 KB with what real brochure sites carry and the extractors have to read past:
 * a head with meta/Open Graph tags, inline styles and scripts, a nav with a services dropdown, long
 * varied text, a price table, testimonials, a cookie banner, and a footer repeated on every page
 * with the address, phones (a `tel:` link and a national-format number in text), the email and the
 * social profiles. The home and contact pages carry JSON-LD `LocalBusiness`. Every page is
 * reachable from the home page through links (a tree plus random extras), and the site serves a
 * `robots.txt` (and, for every other site, a `sitemap.xml`).
 */

interface Locale {
  lang: string;
  city: string;
  street: string;
  postal: string;
  region: string;
  country: string;
  phoneText: string;
  phoneTel: string;
  mobileText: string;
}

const LOCALES: readonly Locale[] = [
  { lang: 'en-GB', city: 'Leeds', street: '14 Kirkgate', postal: 'LS1 6BY', region: 'West Yorkshire', country: 'GB', phoneText: '0113 245 8822', phoneTel: '+441132458822', mobileText: '07700 900 123' },
  { lang: 'en-US', city: 'Austin', street: '500 W 2nd St Suite 1900', postal: '78701', region: 'TX', country: 'US', phoneText: '(512) 476-3412', phoneTel: '+15124763412', mobileText: '(512) 476-3499' },
  { lang: 'de', city: 'Berlin', street: 'Lindenstraße 34', postal: '10969', region: 'Berlin', country: 'DE', phoneText: '030 25 49 31 70', phoneTel: '+493025493170', mobileText: '0171 234 5678' },
  { lang: 'fr', city: 'Lyon', street: '12 rue des Lilas', postal: '69002', region: 'Auvergne-Rhône-Alpes', country: 'FR', phoneText: '04 78 42 16 90', phoneTel: '+33478421690', mobileText: '06 12 34 56 78' },
  { lang: 'en-AU', city: 'Sydney', street: '88 George Street', postal: '2000', region: 'NSW', country: 'AU', phoneText: '(02) 9374 4000', phoneTel: '+61293744000', mobileText: '0412 345 678' },
];

const TRADES = ['Plumbing', 'Dental Care', 'Bakery', 'Law Office', 'Garden Design', 'Electricians', 'Physiotherapy', 'Bike Repair', 'Architects', 'Accountants'];
const VOCABULARY = (
  'we our team local family business quality trusted service services customers clients years experience ' +
  'professional friendly reliable affordable installation repair maintenance emergency appointment booking ' +
  'consultation project projects design planning quote quotes free estimate guarantee certified qualified ' +
  'residential commercial homes offices kitchen bathroom garden office building renovation modern traditional ' +
  'materials equipment tools safety standards regulations insurance warranty support advice questions answers ' +
  'every day week month season spring summer autumn winter morning afternoon evening weekend available open ' +
  'fast careful clean tidy honest transparent pricing prices value budget options choice range products ' +
  'community neighbourhood city region area nearby surrounding towns villages trusted recommended reviews ' +
  'award winning independent established founded since generation owner staff apprentices specialists experts ' +
  'the and of to in for with on at by from about into over after before between through during without'
).split(' ');

function rng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

/** One generated site: its pages by path, plus its name and robots/sitemap files. */
export interface BusinessSite {
  name: string;
  files: Map<string, { type: string; body: string }>;
}

/** Builds site number `index` with `pages` pages (at least 8). `origin` is used in JSON-LD and the sitemap. */
export function generateBusinessSite(index: number, pages: number, origin: string): BusinessSite {
  const random = rng(1000 + index * 7919);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const locale = LOCALES[index % LOCALES.length]!;
  const trade = TRADES[index % TRADES.length]!;
  const name = `${['Northgate', 'Riverside', 'Oakwood', 'Harbour', 'Summit', 'Meadow', 'Granite', 'Willow', 'Beacon', 'Foxglove'][index % 10]} ${trade}`;
  const slug = name.toLowerCase().replace(/[^a-z]+/g, '');
  const email = `info@${slug}.co`;
  const sentence = (min: number, max: number): string => {
    const n = min + Math.floor(random() * (max - min));
    const words = Array.from({ length: n }, () => pick(VOCABULARY));
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
    return `${words.join(' ')}.`;
  };
  const paragraph = (): string => Array.from({ length: 3 + Math.floor(random() * 4) }, () => sentence(8, 22)).join(' ');

  const fixed = ['/', '/about/', '/contact/', '/services/', '/team/', '/blog/', '/faq/', '/careers/'];
  const paths = [...fixed];
  for (let i = paths.length; i < pages; i++) paths.push(i % 3 === 0 ? `/services/${pick(VOCABULARY)}-${i}/` : `/blog/${pick(VOCABULARY)}-${pick(VOCABULARY)}-${i}/`);
  const titles = paths.map((p, i) => (i === 0 ? 'Home' : (p.split('/').filter(Boolean).pop() ?? '').replace(/-\d+$/, '').replace(/-/g, ' ').replace(/^\w/, (c) => c.toUpperCase())));
  const servicePaths = paths.filter((p) => p.startsWith('/services/') && p !== '/services/').slice(0, 8);

  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'LocalBusiness',
    name,
    url: `${origin}/`,
    logo: `${origin}/img/logo.png`,
    telephone: locale.phoneTel,
    email,
    address: { '@type': 'PostalAddress', streetAddress: locale.street, addressLocality: locale.city, postalCode: locale.postal, addressRegion: locale.region, addressCountry: locale.country },
    sameAs: [`https://www.facebook.com/${slug}`, `https://www.instagram.com/${slug}/`, `https://www.linkedin.com/company/${slug}`],
    openingHoursSpecification: [{ '@type': 'OpeningHoursSpecification', dayOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'], opens: '08:00', closes: '18:00' }],
  });
  const style = `<style>${Array.from({ length: 60 }, (_, i) => `.c${i}{margin:${i % 7}px ${i % 5}px;padding:${i % 9}px;color:#${(i * 123457).toString(16).slice(0, 6).padEnd(6, '0')};font-size:${12 + (i % 8)}px}`).join('')}</style>`;
  const script = `<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-${slug.slice(0, 8).toUpperCase()}');var siteConfig=${JSON.stringify({ site: slug, theme: 'starter', features: ['lazy', 'cookie', 'menu'], breakpoints: [480, 768, 1024, 1280] })};</script>`;
  const nav = `<header class="site-header"><div class="logo"><a href="/" rel="home"><img src="/img/logo.png" alt="${name} logo" width="180" height="60"></a></div>
<nav class="main-nav"><ul>${fixed.map((p, i) => `<li class="menu-item"><a href="${p}">${i === 0 ? 'Home' : titles[i]}</a>${p === '/services/' ? `<ul class="sub-menu">${servicePaths.map((s) => `<li><a href="${s}">${titles[paths.indexOf(s)]}</a></li>`).join('')}</ul>` : ''}</li>`).join('')}</ul></nav>
<div class="header-contact">Call us: <a href="tel:${locale.phoneTel}">${locale.phoneText}</a></div></header>`;
  const footer = `<footer class="site-footer"><div class="footer-col"><h3>${name}</h3><p>${locale.street}<br>${locale.country === 'US' || locale.country === 'AU' ? `${locale.city}, ${locale.region} ${locale.postal}` : locale.country === 'GB' ? `${locale.city} ${locale.postal}` : `${locale.postal} ${locale.city}`}</p>
<p>Phone: ${locale.phoneText}<br>Mobile: ${locale.mobileText}<br>Email: <a href="mailto:${email}">${email}</a></p></div>
<div class="footer-col"><h3>Opening hours</h3><p>Monday to Friday 8:00 to 18:00<br>Saturday 9:00 to 13:00</p></div>
<div class="footer-col social"><h3>Follow us</h3><ul><li><a href="https://www.facebook.com/${slug}">Facebook</a></li><li><a href="https://www.instagram.com/${slug}/">Instagram</a></li><li><a href="https://www.linkedin.com/company/${slug}">LinkedIn</a></li><li><a href="https://x.com/${slug}">X</a></li><li><a href="https://www.youtube.com/@${slug}">YouTube</a></li></ul></div>
<div class="footer-bottom"><p>© 2026 ${name}. All rights reserved. <a href="/faq/">FAQ</a> · <a href="/careers/">Careers</a></p><p class="credit">Website by <a href="https://www.facebook.com/pixelranchstudio">Pixel Ranch</a></p></div></footer>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience. ${sentence(10, 16)}</p><button>Accept</button><button>Decline</button></div>`;

  const files = new Map<string, { type: string; body: string }>();
  for (const [i, path] of paths.entries()) {
    const links = new Set<number>();
    for (const child of [2 * i + 1, 2 * i + 2]) if (child < pages) links.add(child);
    while (links.size < 10) links.add(Math.floor(random() * pages));
    const target = 20_000 + Math.floor(random() * 36_000);
    const sections: string[] = [];
    let size = 0;
    while (size < target - 9000) {
      const section =
        `<section class="c${Math.floor(random() * 60)}"><h2>${sentence(3, 7).slice(0, -1)}</h2><p>${paragraph()}</p><p>${paragraph()}</p>` +
        (random() < 0.3 ? `<img src="/img/photo-${Math.floor(random() * 40)}.jpg" alt="${sentence(3, 6).slice(0, -1)}" loading="lazy">` : '') +
        (random() < 0.2 ? `<blockquote class="testimonial"><p>${paragraph()}</p><cite>${pick(['Anna', 'Ben', 'Chloé', 'Dieter', 'Emma'])} ${pick(['Smith', 'Müller', 'Dupont', 'Jones'])}</cite></blockquote>` : '') +
        (random() < 0.15 ? `<table class="prices"><thead><tr><th>Service</th><th>Price</th></tr></thead><tbody>${Array.from({ length: 6 }, () => `<tr><td>${sentence(2, 5).slice(0, -1)}</td><td>${20 + Math.floor(random() * 300)}</td></tr>`).join('')}</tbody></table>` : '') +
        `</section>`;
      sections.push(section);
      size += section.length;
    }
    const related = `<aside class="related"><h2>Related</h2><ul>${[...links].map((j) => `<li><a href="${paths[j]}" class="card">${titles[j]}</a></li>`).join('')}</ul></aside>`;
    const contact =
      path === '/contact/'
        ? `<section class="contact-details"><h2>Contact us</h2><address>${name}<br>${locale.street}<br>${locale.postal} ${locale.city}</address><p>Tel: ${locale.phoneText}</p><p>Write to <a href="mailto:${email}">${email}</a> or use the form.</p><form action="/contact/" method="post"><label>Name <input name="name"></label><label>Email <input name="email" type="email"></label><textarea name="message"></textarea><button>Send</button></form></section>`
        : '';
    const withLd = i === 0 || path === '/contact/';
    const title = `${titles[i]} | ${name}`;
    const html = `<!doctype html>
<html lang="${locale.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><meta name="description" content="${sentence(12, 20)}">
<meta property="og:title" content="${title}"><meta property="og:site_name" content="${name}"><meta property="og:type" content="website"><meta property="og:url" content="${origin}${path}"><meta property="og:image" content="${origin}/img/og.jpg">
<link rel="canonical" href="${origin}${path}"><link rel="icon" href="/favicon.ico"><link rel="stylesheet" href="/css/theme.css?ver=6.4">
${style}${script}${withLd ? `<script type="application/ld+json">${jsonLd}</script>` : ''}</head>
<body class="page page-${i}">${nav}
<main id="content"><article><h1>${titles[i]}</h1><p class="lead">${paragraph()}</p>${contact}${sections.join('\n')}</article>${related}</main>
${footer}<script src="/js/theme.js?ver=6.4" defer></script></body></html>`;
    files.set(path, { type: 'text/html; charset=utf-8', body: html });
  }
  const sitemap = index % 2 === 1;
  files.set('/robots.txt', { type: 'text/plain', body: `User-agent: *\nAllow: /\nDisallow: /wp-admin/\n${sitemap ? `Sitemap: ${origin}/sitemap.xml\n` : ''}` });
  if (sitemap) {
    files.set('/sitemap.xml', {
      type: 'application/xml',
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${paths.map((p) => `<url><loc>${origin}${p}</loc></url>`).join('')}</urlset>`,
    });
  }
  return { name, files };
}
