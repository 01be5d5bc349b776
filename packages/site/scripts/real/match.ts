import type { SocialPlatform } from '@spideriq/schema';

/**
 * How found values are compared with the hand labels of the real-site corpus. Written down before
 * the first run and documented in corpus/README.md; change it only with a note there.
 */

/** Emails: case-insensitive, surrounding dots and spaces dropped. */
export const sameEmail = (found: string, label: string): boolean => clean(found) === clean(label);
const clean = (s: string): string => s.trim().replace(/\.+$/, '').toLowerCase();

/** Phones: the E.164 strings, digits only. */
export const samePhone = (found: string, label: string): boolean => found.replace(/\D/g, '') === label.replace(/\D/g, '');

const COUNTRY_SUBDOMAIN = /^(?:[a-z]{2}|[a-z]{2}-[a-z]{2})\.(linkedin|pinterest|facebook)\./;

/**
 * A profile URL reduced to what identifies it: percent-decoding, lower case, no scheme, no `www.`/`m.`/
 * `mobile.` or country subdomain (`in.linkedin.com`), `x.com` read as `twitter.com`, WhatsApp's
 * `api.whatsapp.com/send?phone=N` read as `wa.me/N`, no query or fragment (except Facebook's
 * `profile.php?id=`), no trailing slash.
 */
export function profileKey(url: string): string {
  let s = url.trim();
  try {
    s = decodeURI(s);
  } catch {
    // keep the raw form
  }
  s = s.toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/^(?:www|m|mobile|web)\./, '');
  s = s.replace(COUNTRY_SUBDOMAIN, '$1.').replace(/^x\.com\//, 'twitter.com/');
  const fbId = /^facebook\.com\/profile\.php\?(?:.*&)?id=(\d+)/.exec(s);
  if (fbId) return `facebook.com/profile.php?id=${fbId[1]}`;
  const waPhone = /^(?:api\.whatsapp\.com\/send|whatsapp\.com\/send)\/?\?(?:.*&)?phone=\+?(\d+)/.exec(s);
  if (waPhone) return `wa.me/${waPhone[1]}`;
  s = s.replace(/^wa\.me\/\+/, 'wa.me/');
  return s.replace(/[?#].*$/, '').replace(/\/+$/, '');
}

/** A social value as scored: `<platform> <url>`, so one field holds every platform. */
export const socialValue = (platform: SocialPlatform, url: string): string => `${platform} ${url}`;

/** Socials: same platform and same {@link profileKey}. */
export function sameSocial(found: string, label: string): boolean {
  const [fp, ...fu] = found.split(' ');
  const [lp, ...lu] = label.split(' ');
  return fp === lp && profileKey(fu.join(' ')) === profileKey(lu.join(' '));
}

/**
 * Normalised address text: NFKC (full-width digits), no diacritics, lower case, `ß`→`ss`, `…straße`/`…str.`→`…str`,
 * and a postcode written in two groups ("460 06", "500 039") joined into one number.
 */
export function addressText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\b(\d{3}) (\d{2,3})\b/g, '$1$2')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .replace(/(\p{L})(?:strasse|straße|str)\b\.?/gu, '$1str')
    .replace(/\b(?:strasse|str)\b\.?/gu, 'str')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Addresses: a found address matches a label when, after {@link addressText}, it contains every number
 * of the label (house number, postcode, unit: the digit runs) and at least half of the label's words of
 * three or more letters (two thirds when the label has no number). Extra text in the found address
 * (company name, country, a second line) does not matter.
 */
export function sameAddress(found: string, label: string): boolean {
  const f = addressText(found);
  const l = addressText(label);
  const foundNumbers = new Set(f.match(/\p{N}+/gu) ?? []);
  const numbers = l.match(/\p{N}+/gu) ?? [];
  if (!numbers.every((n) => foundNumbers.has(n))) return false;
  const words = (l.match(/\p{L}{3,}/gu) ?? []).filter((w, i, all) => all.indexOf(w) === i);
  if (words.length === 0) return numbers.length > 0;
  const hits = words.filter((w) => f.includes(w)).length;
  return hits >= Math.ceil(words.length * (numbers.length > 0 ? 0.5 : 2 / 3));
}
