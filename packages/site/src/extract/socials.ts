import type { PageDocument, DomNode, PageRegion } from './document.js';
import { parentElement, regionOf, textOf } from './document.js';
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
const CREDIT = /\b(?:website|web ?design|site|designed|design|built|created|developed|made|powered|theme|template|crafted|hosted|coded|handcrafted)\s+(?:and\s+\w+\s+)?(?:with\s+\S+\s+)?by\b|diseño web|diseñado por|webdesign|réalisation|réalisé par|conçu par|realizzato da|sviluppato da|desenvolvido por|criado por|sitio web de|gestaltet von|umgesetzt von|erstellt von|ontwikkeld door|ontwerp door|разработка сайта|сделано в|розробка сайту|制作/i;
/** A credit phrase right before the link ("Website by <a>"), not one that ended a sentence earlier. */
const CREDIT_BEFORE = new RegExp(`(?:${CREDIT.source})[^.!?\\n]{0,24}$`, 'i');
/** Class or id names of credit blocks ("site-credits", "theme-author", "designer"). */
const CREDIT_CLASS = /(?:^|[\s_-])(?:credits?|site-?info|theme-?(?:author|credit|info)|designer|developer|powered-?by|made-?by|agency|copyright-credit)(?:[\s_-]|$)/i;
/** Embedded feeds and widgets: their links show other people's accounts (commenters, tagged posts, reviewers). */
const WIDGET_CLASS = /(?:^|[\s_-])(?:instagram-feed|insta-feed|social-feed|feed|embed|timeline|tweet|instagram-media|sbi|eapps-[\w-]+|elfsight-[\w-]+|juicer|fb-page|fb-post|twitter-timeline|testimonials?|reviews?|comments?|curator|taggbox|flockler)(?:[\s_-]|$)/i;

/** A row of the site's own profile icons: "sns-btn", "social-links", "follow-us" (Japanese sites say "SNS"). */
const SOCIAL_CLASS = /(?:^|[\s_-])(?:sns|socials?|social-?(?:links?|icons?|media|nav|buttons?)|follow(?:-?us)?|redes(?:-?sociales)?|soziale?)(?:[\s_-]|$)/i;

/**
 * The URL a link leads to: its absolute `href`, a URL wrapped in Markdown that a page builder left in
 * the attribute (`[instagram.com](https://www.instagram.com/…)`), or the URL an `onclick` handler
 * opens (`window.location.href='https://wa.me/…'`).
 */
function linkTarget(href: string, onclick: string | undefined): string | null {
  if (/^\s*(?:https?:)?\/\//i.test(href)) return href;
  const inside = /\((https?:\/\/[^\s)]+)\)/i.exec(href)?.[1] ?? (onclick ? /(https?:\/\/[^\s'"`)]+)/i.exec(onclick)?.[1] : undefined);
  return inside ?? null;
}

/** Block-level containers whose text is short enough to be one credit line, not a whole footer. */
const SMALL_BLOCK = 240;

/**
 * The text of `container` that comes before `target` in document order. Found by walking the tree,
 * not by searching for the link's own text, which an icon-only link does not have.
 */
function textBefore(container: DomNode, target: DomNode): string {
  let out = '';
  const walk = (node: DomNode): boolean => {
    if (node === target) return true;
    if (node.type === 'text') out += node.data ?? '';
    for (const child of node.children ?? []) if (walk(child)) return true;
    return false;
  };
  walk(container);
  return out;
}

/**
 * Where a link sits in a credit or widget block: the nearest containers are checked by their class
 * names and, while their text stays short (a credit line, not the whole footer), by their words
 * ("Theme by", "Designed by", "Website by", "Powered by").
 */
function linkContext(el: DomNode): 'credit' | 'widget' | 'social' | null {
  let depth = 0;
  let social = false;
  for (let node = parentElement(el); node && depth < 8; node = parentElement(node), depth++) {
    const name = node.name?.toLowerCase();
    if (name === 'body' || name === 'html') break;
    const cls = `${node.attribs?.class ?? ''} ${node.attribs?.id ?? ''}`;
    if (CREDIT_CLASS.test(cls)) return 'credit';
    if (!social && (WIDGET_CLASS.test(cls) || name === 'blockquote' || name === 'iframe')) return 'widget';
    // A row of icons is the site's own unless it sits in a credit block ("Designed by <a>Agency</a>" and its icons).
    if (SOCIAL_CLASS.test(cls)) social = true;
    // A landmark's own words say nothing about one link: a short footer may hold both the company's
    // icons and a "Website by" line.
    if (name === 'footer' || name === 'header' || name === 'nav') break;
    if (depth < 4) {
      // The credit words must come before the link: "Instagram · Site built by <a>Agency</a>" keeps the Instagram link.
      if (textOf(node).replace(/\s+/g, ' ').trim().length <= SMALL_BLOCK && CREDIT.test(textBefore(node, el))) return 'credit';
    }
  }
  return social ? 'social' : null;
}

/**
 * Collects profile links from a page's anchors and JSON-LD `sameAs`. Share links are already
 * excluded by the platform table; credits to the web agency ("Website by Pixel Ranch") are skipped.
 */
export function extractSocialCandidates(doc: PageDocument, jsonld: readonly JsonLdNode[]): SocialCandidate[] {
  const page = doc.url.href;
  const out: SocialCandidate[] = [];
  for (const href of jsonLdProperty(jsonld, 'sameAs')) {
    const profile = socialProfileFromUrl(href);
    if (profile) out.push({ ...profile, region: 'jsonld', page });
  }
  for (const el of doc.elements) {
    const a = el.attribs!;
    if (!((el.name === 'a' && a.href !== undefined) || a.onclick?.includes('://'))) continue;
    const href = linkTarget(a.href ?? '', a.onclick);
    if (!href) continue;
    const profile = socialProfileFromUrl(href);
    if (!profile) continue;
    const context = textOf(parentElement(el)).slice(0, 300);
    const before = context.slice(0, Math.max(0, context.indexOf(textOf(el))));
    if (CREDIT_BEFORE.test(before.slice(-60))) continue;
    const where = linkContext(el);
    if (where === 'credit') continue;
    const region = where === 'widget' ? 'content' : where === 'social' ? 'footer' : regionOf(el);
    out.push({ ...profile, region, page });
  }
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
  const h = handle.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
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
        // A WhatsApp chat link anywhere on the site opens the company's own number.
        const content = c.region === 'content' && (platform === 'whatsapp' || CONTACT_PAGE.test(new URL(c.page).pathname));
        const weight = content ? 3 : REGION_WEIGHT[c.region];
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
