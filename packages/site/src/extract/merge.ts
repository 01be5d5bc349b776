import type { SiteData, SocialPlatform } from '@spideriq/schema';
import type { PageExtraction } from './page.js';
import { placeDeferredPhones, type PhoneDetail } from './phones.js';
import { dedupeAddresses } from './addresses.js';
import { brandTokens, pickSocialProfiles } from './socials.js';

/** The contact part of the flat SpiderSite `data`, plus the two counts that go into `metadata`. */
export type ContactFields = Pick<SiteData, 'emails' | 'phones' | 'phone_details' | 'addresses' | SocialPlatform | 'logo' | 'meta'> & {
  total_emails_found: number;
  total_phones_found: number;
};

function isHome(pageUrl: string, siteUrl: string): boolean {
  try {
    const page = new URL(pageUrl);
    const site = new URL(siteUrl);
    return page.hostname.replace(/^www\./, '') === site.hostname.replace(/^www\./, '') && page.pathname.replace(/\/(index\.html?)?$/, '') === site.pathname.replace(/\/(index\.html?)?$/, '');
  } catch {
    return false;
  }
}

/** The region most of a crawl's pages gave (the first such page breaking a tie), or null when none gave one. */
function siteRegion(pages: readonly PageExtraction[]): PageExtraction['region'] {
  const votes = new Map<NonNullable<PageExtraction['region']>, number>();
  for (const page of pages) if (page.region) votes.set(page.region, (votes.get(page.region) ?? 0) + 1);
  let best: PageExtraction['region'] = null;
  for (const [region, n] of votes) if (!best || n > votes.get(best)!) best = region;
  return best;
}

/**
 * Combines the pages of one crawl into the result's contact fields: emails and phones deduped in
 * page order (a region-less page's national numbers read under the site's region), addresses deduped across formats, one profile per social platform chosen from all
 * pages, and the logo/meta of the submitted page (falling back to the first page that has them).
 */
export function mergeExtractions(pages: readonly PageExtraction[], siteUrl: string): ContactFields {
  const ordered = [...pages].sort((a, b) => Number(isHome(b.url, siteUrl)) - Number(isHome(a.url, siteUrl)));
  const emails = new Set<string>();
  const emailsFound = new Set<string>();
  const phones = new Map<string, PhoneDetail>();
  const phonesFound = new Set<string>();
  for (const page of ordered) {
    page.emails.forEach((e) => emails.add(e));
    page.emails_found.forEach((e) => emailsFound.add(e));
    page.phones_found.forEach((p) => phonesFound.add(p));
    for (const phone of page.phones) {
      const existing = phones.get(phone.e164);
      if (!existing || (!existing.valid && phone.valid)) phones.set(phone.e164, phone);
    }
  }
  // A page that gave no region (an English page on a `.com`) is read under the region most pages gave.
  const region = siteRegion(ordered);
  for (const page of ordered) {
    if (!page.phones_deferred) continue;
    for (const phone of placeDeferredPhones(page.phones_deferred, region)) {
      if (!phones.has(phone.e164)) phones.set(phone.e164, phone);
      phonesFound.add(phone.e164);
    }
  }
  const home = ordered[0];
  const names = [home?.meta.og.site_name, home?.meta.title].filter((n): n is string => typeof n === 'string');
  const socials = pickSocialProfiles(ordered.flatMap((p) => p.socials), brandTokens(siteUrl, names));
  const phoneDetails = [...phones.values()];
  const meta = home?.meta ?? null;
  return {
    emails: [...emails],
    phones: phoneDetails.map((p) => p.international),
    phone_details: phoneDetails,
    addresses: dedupeAddresses(ordered.flatMap((p) => p.addresses)),
    ...socials,
    logo: ordered.find((p) => p.logo)?.logo ?? null,
    meta: meta && (meta.title || meta.description || Object.keys(meta.og).length > 0) ? meta : null,
    total_emails_found: emailsFound.size,
    total_phones_found: phonesFound.size,
  };
}
