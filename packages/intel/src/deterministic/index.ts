import type { AiSource } from '@spideriq/schema';
import type { Person } from '../grounding.js';
import type { ParsedPage } from '../page.js';
import { peopleFromHCards } from './hcard.js';
import { jsonLdNodes, organizationFromJsonLd, peopleFromJsonLd } from './jsonld.js';
import { companyFromMeta } from './meta-tags.js';
import { peopleFromTeamCards } from './team-cards.js';

export { looksLikeName, peopleFromTeamCards } from './team-cards.js';
export { peopleFromHCards } from './hcard.js';
export { jsonLdNodes, organizationFromJsonLd, peopleFromJsonLd } from './jsonld.js';
export { companyFromMeta } from './meta-tags.js';

/** What the pages say about the company without a model, and where each value came from. */
export interface DeterministicCompany {
  name: string | null;
  summary: string | null;
  sources: { name?: AiSource; summary?: AiSource };
}

/** A person found without a model, with the extractor that found them. */
export interface FoundPerson extends Person {
  source: AiSource;
}

/**
 * The company's name and summary: JSON-LD Organization/LocalBusiness first (the site's own structured
 * claim), then og:/meta tags, the home page before the others.
 */
export function deterministicCompany(pages: readonly ParsedPage[]): DeterministicCompany {
  const result: DeterministicCompany = { name: null, summary: null, sources: {} };
  for (const page of pages) {
    const org = organizationFromJsonLd(jsonLdNodes(page.$));
    if (!result.name && org.name) [result.name, result.sources.name] = [org.name, 'jsonld'];
    if (!result.summary && org.description) [result.summary, result.sources.summary] = [org.description, 'jsonld'];
  }
  for (const page of pages) {
    const meta = companyFromMeta(page.$);
    if (!result.name && meta.name) [result.name, result.sources.name] = [meta.name, 'meta'];
    if (!result.summary && meta.description) [result.summary, result.sources.summary] = [meta.description, 'meta'];
  }
  return result;
}

/**
 * Team members from JSON-LD Person, h-card and team-card markup over every page, merged by name: a
 * later source only fills what an earlier one left empty (the person keeps the first source).
 */
export function deterministicTeam(pages: readonly ParsedPage[]): FoundPerson[] {
  const byName = new Map<string, FoundPerson>();
  const add = (people: Person[], source: AiSource) => {
    for (const person of people) {
      const key = person.name.toLowerCase().replace(/\s+/g, ' ').trim();
      const known = byName.get(key);
      if (!known) byName.set(key, { ...person, source });
      else {
        known.title ??= person.title;
        known.email ??= person.email;
        known.linkedin ??= person.linkedin;
      }
    }
  };
  for (const page of pages) add(peopleFromJsonLd(jsonLdNodes(page.$)), 'jsonld');
  for (const page of pages) add(peopleFromHCards(page.html, page.url), 'microformats');
  for (const page of pages) add(peopleFromTeamCards(page.$), 'markup');
  return [...byName.values()];
}
