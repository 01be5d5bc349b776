import type { PageDocument, DomNode, PageRegion } from './document.js';
import { regionOf } from './document.js';
import { jsonLdProperty, type JsonLdNode } from './jsonld.js';
import { SOCIAL_PLATFORMS, socialProfileFromUrl, type SocialPlatform, type SocialProfile } from './social-platforms.js';

/** A profile link seen on a page, with where it was seen (the company's own links sit in the chrome). */
export interface SocialCandidate extends SocialProfile {
  /** `jsonld` for schema.org `sameAs`, otherwise the page region of the link. */
  region: PageRegion | 'jsonld';
  /** The page the link was found on. */
  page: string;
}

/** "Website by …" credits: a link to the web agency that built the site, not the company's own profile. */
const CREDIT = /\b(?:website|web ?design|site|designed|design|built|created|developed|made|powered|theme|crafted|hosted)\s+(?:and\s+\w+\s+)?by\b|diseño web|webdesign|réalisation|realizzato da|desenvolvido por|sitio web de/i;

/**
 * Collects profile links from a page's anchors and JSON-LD `sameAs`. Share links are already
 * excluded by the platform table; credits to the web agency ("Website by Pixel Ranch") are skipped.
 */
export function extractSocialCandidates(doc: PageDocument, jsonld: readonly JsonLdNode[]): SocialCandidate[] {
  const { $ } = doc;
  const page = doc.url.href;
  const out: SocialCandidate[] = [];
  for (const href of jsonLdProperty(jsonld, 'sameAs')) {
    const profile = socialProfileFromUrl(href);
    if (profile) out.push({ ...profile, region: 'jsonld', page });
  }
  $('a[href]').each((_, el) => {
    const href = $(el).attr('href') ?? '';
    if (!/^\s*(?:https?:)?\/\//i.test(href)) return;
    const profile = socialProfileFromUrl(href);
    if (!profile) return;
    const context = $(el).parent().text().slice(0, 300);
    const before = context.slice(0, Math.max(0, context.indexOf($(el).text())));
    if (CREDIT.test(before.slice(-40))) return;
    out.push({ ...profile, region: regionOf(el as unknown as DomNode), page });
  });
  return out;
}

const REGION_WEIGHT: Record<SocialCandidate['region'], number> = { jsonld: 6, footer: 4, header: 4, nav: 3, aside: 2, content: 1 };
const CONTACT_PAGE = /contact|kontakt|contacto|contatti|contato|about|uber-uns|über-uns|chi-siamo|nosotros|sobre|impressum|team/i;

/** The words a site is known by: its registrable domain label and its `og:site_name`/title. */
export function brandTokens(siteUrl: string, names: readonly string[] = []): string[] {
  const out = new Set<string>();
  try {
    const host = new URL(siteUrl).hostname.replace(/^www\./, '');
    const label = host.split('.')[0] ?? '';
    if (label.length >= 3) out.add(label.replace(/[^a-z0-9]/gi, '').toLowerCase());
  } catch {
    // a bad site URL simply gives no brand hint
  }
  for (const name of names) {
    const first = name.split(/\s[|–—-]\s|[|–—]/)[0] ?? '';
    const norm = first.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
    if (norm.length >= 3) out.add(norm);
  }
  return [...out];
}

function commonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k > best) best = k;
    }
  }
  return best;
}

/** Whether a handle names the site: "acmeplumbing" for acme-plumbing.co.uk, "trattoriadamario" for "Trattoria da Mario". */
export function handleMatchesBrand(handle: string, brands: readonly string[]): boolean {
  const h = handle.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (h.length < 3) return false;
  return brands.some((b) => {
    if (b.includes(h) || h.includes(b)) return true;
    const run = commonRun(h, b);
    return run >= 5 && run >= 0.6 * Math.min(h.length, b.length);
  });
}

/**
 * Picks the company's own profile per platform from every page's candidates. Each page votes once
 * per profile with its best region (JSON-LD `sameAs` > header/footer > nav > aside > content; a
 * contact/about page counts as chrome); a handle that matches the site's name wins outright, and a
 * profile seen only inside article content (an embedded tweet, a link to a partner) is ignored unless
 * it matches the site's name. Organisation pages beat personal ones; links to a post count less.
 */
export function pickSocialProfiles(
  candidates: readonly SocialCandidate[],
  brands: readonly string[],
): Record<SocialPlatform, string | null> {
  const result = Object.fromEntries(SOCIAL_PLATFORMS.map((p) => [p, null])) as Record<SocialPlatform, string | null>;
  for (const platform of SOCIAL_PLATFORMS) {
    const byUrl = new Map<string, { pages: Map<string, number>; profile: SocialCandidate; order: number; direct: boolean }>();
    candidates
      .filter((c) => c.platform === platform)
      .forEach((c, order) => {
        const weight = c.region === 'content' && CONTACT_PAGE.test(new URL(c.page).pathname) ? 3 : REGION_WEIGHT[c.region];
        const entry = byUrl.get(c.url) ?? { pages: new Map<string, number>(), profile: c, order, direct: false };
        entry.pages.set(c.page, Math.max(entry.pages.get(c.page) ?? 0, weight));
        entry.direct ||= !c.indirect;
        byUrl.set(c.url, entry);
      });
    let best: { url: string; score: number; order: number } | null = null;
    for (const [url, entry] of byUrl) {
      const weights = [...entry.pages.values()];
      const strongest = Math.max(...weights);
      const brand = handleMatchesBrand(entry.profile.handle, brands);
      if (strongest <= 1 && !brand) continue;
      let score = weights.reduce((a, b) => a + b, 0) + (brand ? 20 : 0);
      if (entry.profile.kind === 'organisation') score += 3;
      if (entry.profile.kind === 'person') score -= 2;
      if (!entry.direct) score -= 3;
      if (!best || score > best.score || (score === best.score && entry.order < best.order)) best = { url, score, order: entry.order };
    }
    result[platform] = best?.url ?? null;
  }
  return result;
}
