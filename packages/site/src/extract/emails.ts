import { parse as parseDomain } from 'tldts';
import type { PageDocument } from './document.js';
import { decodeCloudflareEmail } from './cloudflare-email.js';
import { hostSectionText, occurrences } from './host-sections.js';
import { jsonLdProperty, type JsonLdNode } from './jsonld.js';
import { itempropValues } from './microdata.js';

/** Emails found on one page: `found` is every distinct candidate before noise filtering. */
export interface EmailExtraction {
  emails: string[];
  found: string[];
}

/** Internationalised domains ("info@entrümpelung-jetzt.de") are matched as written. */
export const EMAIL = /[a-z0-9][a-z0-9._%+-]{0,63}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}-])/giu;

/** `EMAIL`, anchored: tried at one position. */
const EMAIL_AT = new RegExp(EMAIL.source, 'iuy');
/** The longest local part `EMAIL` takes. */
const LOCAL_MAX = 64;

/**
 * Every match of `EMAIL` in the text, as `text.matchAll(EMAIL)` gives them, without trying the
 * pattern at every letter: a match holds exactly one `@` (neither part may contain one), at most
 * 64 characters after its start, so only the starts just before each `@` are tried, in order.
 */
export function emailsInText(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', from)) {
    let matched = false;
    for (let start = Math.max(from, at - LOCAL_MAX); start < at; start++) {
      EMAIL_AT.lastIndex = start;
      const match = EMAIL_AT.exec(text);
      if (!match) continue;
      out.push(match[0]);
      from = start + match[0].length;
      matched = true;
      break;
    }
    if (!matched) from = at + 1;
  }
  return out;
}

/**
 * Undoes the common hand obfuscations: `name [at] domain [dot] com`, `name(at)domain(dot)com`,
 * `name {at} domain`, `name AT domain DOT com` and `name @ domain . com`. Entities such as `&#64;`
 * are already decoded by the HTML parser.
 */
export function deobfuscateEmails(text: string): string {
  // Two scans for what any rewrite needs (most pages need none) rather than one per rewrite.
  if (!mayNeedRewrite(text)) return text;
  let out = text;
  for (const { needs, pattern, replacement } of DEOBFUSCATIONS) {
    if (needs.test(out)) out = out.replace(pattern, replacement as string);
  }
  return out;
}

const OPEN = String.raw`\s*[\[\(\{<]\s*`;
const CLOSE = String.raw`\s*[\]\)\}>]\s*`;
const AT_WORD = '(?:at|@|arroba|chez|ät)';
const DOT_WORD = String.raw`(?:dot|punkt|point|punto|ponto|\.)`;

/**
 * The rewrites, in order. Each has `needs`: a short pattern every match of `pattern` contains, so the
 * costly pattern (most start with `\s*` and so are tried at every space of the text) only runs on
 * the pages that have a match, and the result is the same.
 */
export const DEOBFUSCATIONS: ReadonlyArray<{ needs: RegExp; pattern: RegExp; replacement: string | ((...parts: string[]) => string) }> = [
  { needs: new RegExp(`[\\[\\(\\{<]\\s*${AT_WORD}\\s*[\\]\\)\\}>]`, 'i'), pattern: new RegExp(`${OPEN}${AT_WORD}${CLOSE}`, 'gi'), replacement: '@' },
  { needs: new RegExp(`[\\[\\(\\{<]\\s*${DOT_WORD}\\s*[\\]\\)\\}>]`, 'i'), pattern: new RegExp(`${OPEN}${DOT_WORD}${CLOSE}`, 'gi'), replacement: '.' },
  {
    needs: / (?:DOT|dot) /,
    pattern: /\b([a-z0-9._%+-]+) +(?:AT|at) +([a-z0-9-]+(?: +(?:DOT|dot) +[a-z0-9-]+)+)\b/g,
    replacement: (_m, user, rest) => `${user}@${rest!.replace(/ +(?:DOT|dot) +/g, '.')}`,
  },
  { needs: /\s@/, pattern: /([a-z0-9])\s+@\s+([a-z0-9])/gi, replacement: '$1@$2' },
  { needs: /@[a-z0-9-]+\s+\.\s/i, pattern: /(@[a-z0-9-]+)\s+\.\s+([a-z]{2,})/gi, replacement: '$1.$2' },
];

const NEEDS_BRACKETED = new RegExp(`[\\[\\(\\{<]\\s*(?:${AT_WORD}|${DOT_WORD})\\s*[\\]\\)\\}>]`, 'i');
const AT_SPACED_DOT = /@[a-z0-9-]+\s+\.\s/iy;
const BLANK = /\s/y;

/**
 * True wherever any rewrite's `needs` matches (and a little more): a text it turns down needs no rewrite.
 * The spaced forms are looked for at each `@` (rare in a page's text) rather than by a pattern that
 * starts at every blank.
 */
export function mayNeedRewrite(text: string): boolean {
  if (NEEDS_BRACKETED.test(text)) return true;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    BLANK.lastIndex = at - 1;
    if (at > 0 && BLANK.test(text)) return true;
    AT_SPACED_DOT.lastIndex = at;
    if (AT_SPACED_DOT.test(text)) return true;
  }
  return spacedWord(text, 'dot ') || spacedWord(text, 'DOT ');
}

/** Whether `word` comes right after a space somewhere in `text` (searched by its first letter, which is rarer than a space). */
function spacedWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word, 1); at !== -1; at = text.indexOf(word, at + 1)) if (text.charCodeAt(at - 1) === 32) return true;
  return false;
}

const ASSET_TLD = /\.(png|jpe?g|gif|svg|webp|avif|bmp|ico|tiff?|css|js|mjs|json|map|woff2?|ttf|eot|otf|mp[34]|webm|mov|pdf|zip|php|html?|aspx?)$/i;
const NOISE_DOMAINS = [
  'example.com', 'example.org', 'example.net', 'example.de', 'domain.com', 'yourdomain.com', 'your-domain.com',
  'yoursite.com', 'yourcompany.com', 'company.com', 'email.com', 'mysite.com', 'website.com', 'test.com',
  'sentry.io', 'sentry-next.wixpress.com', 'wixpress.com', 'sentry.wixpress.com', 'ingest.sentry.io',
  'localhost', 'wix.com', 'godaddy.com', 'squarespace.com', 'shopify.com', 'cloudflare.com', 'w3.org',
  'schema.org', 'mailchimp.com', 'list-manage.com', 'sendgrid.net', 'amazonses.com', 'mailgun.org',
];
const NOISE_LOCAL = /^(?:no-?reply|do-?not-?reply|donotreply|mailer-daemon|postmaster|bounces?|abuse|user|name|email|your-?name|yourname|you|someone|firstname\.lastname|first\.last|john\.?doe|jane\.?doe)$/i;

/**
 * Whether a syntactically valid address is noise rather than a way to reach the company:
 * asset names (`logo@2x.png`), error-tracker and CDN ids (Sentry, Wix), placeholder domains,
 * hashes in the local part, bounce/no-reply mailboxes, and domains without a real public suffix.
 */
export function isNoiseEmail(email: string): boolean {
  const at = email.lastIndexOf('@');
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (!local || !domain || local.length > 64 || email.length > 254) return true;
  if (ASSET_TLD.test(domain) || /@\d+x\./.test(email)) return true;
  if (NOISE_DOMAINS.some((d) => domain === d || domain.endsWith(`.${d}`))) return true;
  if (NOISE_LOCAL.test(local)) return true;
  if (/^[a-f0-9]{16,}$/i.test(local) || /[a-f0-9]{24,}/i.test(local)) return true;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(local)) return true;
  if (/^u00[0-9a-f]{2}/i.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return true;
  const info = parseDomain(domain);
  if (!info.domain || !info.isIcann) return true;
  return false;
}

/** Privacy-policy pages name the supervisory authority and processors, with their addresses. */
export const PRIVACY_PATH = /datenschutz|privacy|privacidad|privacidade|confidentialit|riservatezza|gdpr|dsgvo|rgpd|cookie/i;
/** Free-mail providers: a small business's own address is often one of these. */
const FREE_MAIL = new Set(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com', 'icloud.com', 'me.com', 'gmx.de', 'gmx.net', 'web.de', 't-online.de', 'aol.com', 'proton.me', 'protonmail.com', 'mail.ru', 'yandex.ru', 'ukr.net', 'orange.fr', 'free.fr', 'libero.it', 'seznam.cz', 'wp.pl', 'interia.pl', 'o2.pl', 'bol.com.br', 'uol.com.br', 'rediffmail.com']);

/** An address of another organisation: neither the site's own registrable domain (`own`) nor a free-mail provider. */
export function isThirdPartyEmail(email: string, own: string | null): boolean {
  const domain = parseDomain(email.split('@')[1] ?? '').domain;
  return Boolean(domain && own && domain !== own && !FREE_MAIL.has(domain));
}

function normalise(raw: string): string | null {
  let value = raw.trim();
  try {
    value = decodeURIComponent(value);
  } catch {
    // keep the raw value: a stray % is not worth losing the address over
  }
  value = value.replace(/^mailto:/i, '').split('?')[0]!.trim().toLowerCase().replace(/^[.'"<(]+|[.'">),;:]+$/g, '');
  const match = value.match(new RegExp(`^${EMAIL.source}$`, 'iu'));
  return match ? value : null;
}

/**
 * Extracts email addresses from one page: `mailto:` links, Cloudflare-protected addresses,
 * JSON-LD and microdata `email`, and the visible text after de-obfuscation. Lowercased, deduped,
 * noise removed; `found` keeps the pre-filter list for `metadata.total_emails_found`.
 */
export function extractEmails(doc: PageDocument, jsonld: readonly JsonLdNode[]): EmailExtraction {
  const raw: string[] = [];
  for (const el of doc.tagged('a')) {
    const href = el.attribs!.href;
    if (href === undefined) continue;
    if (/^\s*mailto:/i.test(href)) {
      raw.push(...href.replace(/^\s*mailto:/i, '').split('?')[0]!.split(/[,;]/));
    } else {
      const cf = href.match(/\/cdn-cgi\/l\/email-protection#([0-9a-f]+)/i);
      const decoded = cf?.[1] ? decodeCloudflareEmail(cf[1]) : null;
      if (decoded) raw.push(decoded);
    }
  }
  for (const el of doc.elements) {
    const cf = el.attribs!['data-cfemail'];
    if (cf === undefined) continue;
    const decoded = decodeCloudflareEmail(cf);
    if (decoded) raw.push(decoded);
  }
  raw.push(...jsonLdProperty(jsonld, 'email'), ...itempropValues(doc, 'email'));
  raw.push(...emailsInText(deobfuscateEmails(doc.text)));

  const found = new Set<string>();
  for (const candidate of raw) {
    const email = normalise(candidate);
    if (email) found.add(email);
  }
  const own = parseDomain(doc.url.hostname).domain;
  const privacy = PRIVACY_PATH.test(doc.url.pathname);
  const host = hostSectionText(doc);
  // An address shown only in a legal notice's hosting section is the host's or the designer's.
  const hostOnly = (e: string): boolean => host !== '' && occurrences(host, e) > 0 && occurrences(host, e) >= occurrences(doc.text, e);
  const emails = [...found].filter((e) => !isNoiseEmail(e) && !(privacy && isThirdPartyEmail(e, own)) && !hostOnly(e));
  return { found: [...found], emails };
}
