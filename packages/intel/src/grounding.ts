import type { AiGrounding } from '@spideriq/schema';
import type { ParsedPage } from './page.js';

/** A team member as the model or an extractor gives it. */
export interface Person {
  name: string;
  title: string | null;
  email: string | null;
  linkedin: string | null;
}

/** Lower case, accents and punctuation folded, runs of space collapsed: how names are compared. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.]+/gu, ' ')
    .trim();
}

function linkedinKey(url: string): string | null {
  const match = /linkedin\.com\/(in|company|pub)\/([^/?#\s]+)/i.exec(url);
  return match ? `${match[1]!.toLowerCase()}/${decodeURIComponent(match[2]!).toLowerCase()}` : null;
}

/** What the crawled pages contain, indexed once per job for grounding checks. */
export interface GroundingIndex {
  text: string;
  emails: Set<string>;
  linkedin: Map<string, string>;
}

/** Indexes every crawled page's text and links: names, emails and LinkedIn URLs are checked against it. */
export function buildGroundingIndex(pages: readonly ParsedPage[]): GroundingIndex {
  const emails = new Set<string>();
  const linkedin = new Map<string, string>();
  const texts: string[] = [];
  for (const page of pages) {
    texts.push(` ${foldText(page.text)} `);
    for (const match of page.text.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)) emails.add(match[0].toLowerCase());
    for (const href of page.hrefs) {
      if (/^mailto:/i.test(href)) emails.add(decodeURIComponent(href.slice(7).split('?')[0]!).toLowerCase());
      const key = linkedinKey(href);
      if (key && !linkedin.has(key)) linkedin.set(key, href);
    }
    for (const match of page.text.matchAll(/https?:\/\/[\w.]*linkedin\.com\/[^\s"'<>]+/gi)) {
      const key = linkedinKey(match[0]);
      if (key && !linkedin.has(key)) linkedin.set(key, match[0]);
    }
  }
  return { text: texts.join('\n'), emails, linkedin };
}

/** Whether a name appears, as whole words, on a crawled page. */
export function nameOnPages(name: string, index: GroundingIndex): boolean {
  const folded = foldText(name);
  return folded.length > 1 && index.text.includes(` ${folded} `);
}

/**
 * Keeps only what the pages support: a person whose name is on no page is dropped; an email or a
 * LinkedIn URL on no page is set to null. Everything removed is counted for `metadata.ai_grounding`.
 */
export function groundPeople(people: readonly Person[], index: GroundingIndex): { people: Person[]; dropped: AiGrounding } {
  const dropped: AiGrounding = { dropped_people: 0, dropped_emails: 0, dropped_linkedin: 0 };
  const kept: Person[] = [];
  const seen = new Set<string>();
  for (const person of people) {
    const name = person.name.replace(/\s+/g, ' ').trim();
    if (!nameOnPages(name, index)) {
      dropped.dropped_people += 1;
      continue;
    }
    if (seen.has(foldText(name))) continue;
    seen.add(foldText(name));
    let email = person.email?.trim().replace(/^mailto:/i, '') || null;
    if (email && !index.emails.has(email.toLowerCase())) {
      dropped.dropped_emails += 1;
      email = null;
    }
    let linkedin = person.linkedin?.trim() || null;
    if (linkedin) {
      const key = linkedinKey(linkedin);
      const found = key ? index.linkedin.get(key) : undefined;
      if (found) linkedin = found;
      else {
        dropped.dropped_linkedin += 1;
        linkedin = null;
      }
    }
    kept.push({ name, title: person.title?.trim() || null, email, linkedin });
  }
  return { people: kept, dropped };
}
